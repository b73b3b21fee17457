"""Parse-tree helpers for the English rules: pure functions of spaCy tokens."""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from ..gate import Lexicon
from .words import (
    ANNOUNCE_VERBS, BILL_VERBS, BILL_WORDS, BLOCKING_VERBS, CALLED_FOR, DECREE_WORDS, DELIBERATE_VERBS,
    DENY_VERBS, DEPOSITARY_WORDS, FUTURE_AUX, GENERIC_SUBJECTS, GENERIC_TREATY_WORDS, GOVERNMENT_WORDS,
    GOVT_VERBS, HYPOTHETICAL_AUX, INSTRUMENT_WORDS, INTENT_VERBS, LAW_WORDS, LEGISLATURE_WORDS, NOTIFY_VERBS,
    PEOPLE_NOUNS, PLANNED, READINESS, REPORTING_VERBS, VOTE_VERBS,
)


@dataclasses.dataclass
class Act:
    action: str
    stage_verb: Any  # spaCy Token
    core: Any
    cue_strength: float
    note: str | None = None
    intent: bool = False  # a state's stated intention: its own future tense is not "planned"
    instrument: str | None = None  # a domestic step of joining: what it is about ("ratification", "accession")


THREAT = "a threat to leave: the exit, hypothetical"  # the note of such an Act (LABELLING.md)


def abs_of(token: Any, offset: int) -> int:
    return int(offset + token.idx) if offset else int(token.idx)


def clause_ranges(token: Any, offset: int) -> list[tuple[int, int]]:
    """Character ranges of the tokens in ``token``'s own phrase or clause (for a verb: not its
    conjoined or subordinate clauses, which are other acts)."""
    if token.pos_ not in ("VERB", "AUX"):
        s, e = span_of(token, offset)
        return [(s, e)]
    return [(abs_of(t, offset), abs_of(t, offset) + len(t.text)) for t in token.subtree
            if t.i == token.i or clause_verb(t).i == token.i]


def span_of(token: Any, offset: int) -> tuple[int, int]:
    return abs_of(token.left_edge, offset), abs_of(token.right_edge, offset) + len(token.right_edge.text)


def np_tokens(token: Any) -> list[Any]:
    out = [token]
    for child in token.children:
        if child.dep_ in ("acl", "relcl", "advcl", "ccomp", "xcomp", "punct", "cc") and child.dep_ != "conj":
            continue
        if child.dep_ == "prep" and child.lower_ not in ("of",) and not (
                child.lower_ in ("from", "in") and token.lemma_.lower() in PEOPLE_NOUNS):
            continue
        out.extend(np_tokens(child))
    return out


def abs_tok_start(token: Any, offset: int) -> int:
    return abs_of(token, offset)


def abs_tok_end(token: Any, offset: int) -> int:
    return abs_of(token, offset) + len(token.text)


# what one joins that is no treaty: "joined the CFE Treaty talks", "joined calls for ..."
_NOT_JOINED = {"talk", "talks", "negotiation", "negotiations", "discussion", "discussions", "call", "calls", "effort",
               "efforts", "campaign", "coalition", "meeting", "conference", "summit", "chorus", "protest", "appeal"}


def core_kind_of(tok: Any, lemma: str, low: str) -> str | None:
    if lemma in ("withdraw", "withdrawal", "leave", "quit", "exit", "denounce", "denunciation", "renounce",
                 "pullout", "pull-out", "leaving", "abandon") \
            or (lemma == "pull" and any(c.lower_ in ("out", "from") for c in tok.children)) \
            or (lemma == "drop" and any(c.lower_ == "out" for c in tok.children) and not _left_something_else(tok)):
        if lemma == "abandon" and (tok.pos_ != "VERB" or not any(
                c.lemma_.lower() in GENERIC_TREATY_WORDS | {"pact", "accord"} and any(
                    t.pos_ == "PROPN" for t in c.subtree if t.i < c.i or t.i == c.i) for c in _abandoned(tok))):
            # "abandoned the ABM Treaty", "the CFE treaty abandoned by Russia" (not "abandoned its plans", "abandoned
            # the nuclear deal", a treaty that is not named)
            return None
        if lemma in ("withdraw", "pull", "renounce") and any(
                c.dep_ in ("dobj", "obj") and c.pos_ == "NOUN" and c.lemma_.lower() not in GENERIC_TREATY_WORDS
                | {"ratification", "signature", "country", "state", "nation"} for c in tok.children):
            return None  # "withdrew its weapons / troops / candidacy", "would renounce weapons of mass destruction"
        if lemma == "leave" and (tok.pos_ != "VERB" or any(c.dep_ in ("oprd", "acomp", "xcomp", "ccomp") for c in tok.children)):
            return None  # "which left the treaty a ratification short", "left it to parliament to decide"
        if lemma == "leave" and any(c.dep_ in ("dobj", "obj") and c.pos_ == "NOUN" and c.text.islower() and c.lemma_.lower() not in
                                    GENERIC_TREATY_WORDS | {"court", "bloc", "union"} for c in tok.children):
            return None  # "as it left the organisation": not the treaty
        if lemma == "leave" and any(c.dep_ in ("dobj", "obj") and c.ent_type_ == "GPE" for c in tok.children):
            return None  # "which would leave India and Israel as the only states outside": no one leaves
        if lemma == "withdraw" and any(c.dep_ in ("dobj", "obj", "nsubjpass") and c.lemma_.lower() in INSTRUMENT_WORDS
                                       for c in tok.children):
            return None  # "while the notice can still be withdrawn": retracting the notice, not leaving
        if lemma in ("withdraw", "withdrawal") and any(
                c.lemma_.lower() == "ratification" for c in tok.subtree if c.i != tok.i):
            return "deratify"  # "withdrew its ratification", "the withdrawal of Russia's ratification"
        if lemma == "exit" and tok.pos_ not in ("VERB", "NOUN"):
            return None
        if any(c.lower_ == "temporarily" for c in tok.children):
            return "suspend"  # "temporarily withdrew from the treaty": a suspension (LABELLING.md)
        return "leave"
    if low == "out" and tok.head.lemma_ == "be" and tok.dep_ in ("prep", "advmod", "prt", "acomp") and any(
            c.lower_ == "of" and any(g.dep_ == "pobj" and (g.lemma_.lower() in GENERIC_TREATY_WORDS or g.pos_ == "PROPN")
                                     for g in c.children) for c in tok.children):
        return "leave"  # "since Sunday Chile is formally out of the International Criminal Court"
    if lemma in ("abolish", "scrap") and tok.pos_ == "VERB" and any(
            c.dep_ in ("dobj", "obj") and c.lemma_.lower() in GENERIC_TREATY_WORDS for c in tok.children):
        return "leave"  # "a decree to abolish the treaty": a state can only leave it
    if lemma in ("ratify", "ratification", "accede", "accession", "join", "rejoin", "re-join", "succession") \
            or low.startswith("ratif") and not low.startswith("ratifier") \
            or lemma == "succeed" and any(  # "succeeded to the convention" ("ratifiers" name parties, not an act)
                c.dep_ == "prep" and c.lower_ == "to" for c in tok.children):
        if tok.head.lemma_.lower() in ("revoke", "withdraw", "rescind", "revocation", "cancel", "annul", "kill", "scrap",
                                       "terminate"):
            return None
        if tok.pos_ == "VERB" and _held_back(tok):
            return None  # "the delay in ratifying the revision", "their failure to join": it has not happened
        if signed_ratification(tok) is not None:
            return None  # "the president signed the ratification documents": the signature is the act
        if tok.pos_ == "VERB" and (any(c.dep_ in ("dobj", "obj") and c.lemma_.lower() in _OTHERS_JOINING
                                       for c in tok.children) or _approves_others_joining(tok) or approves_it_again(tok)):
            # "ready to ratify Finland's accession", "ratified Sweden's accession protocol", "signed the instrument
            # of ratification for Sweden's accession": approving another state's joining (LABELLING.md)
            return None
        if tok.pos_ == "VERB" and (tok.dep_ == "xcomp" and tok.head.lemma_.lower() == "apply" or tok.dep_ in (
                "acl", "advcl") and tok.head.lemma_.lower() in _APPLICATION):
            return None  # "applied to join", "its application to join NATO": no act (LABELLING.md)
        if tok.dep_ == "ROOT" and lemma == "accession" and not any(t.pos_ in ("VERB", "AUX") for t in tok.sent) \
                and not any(t.ent_type_ == "DATE" for t in tok.sent):
            return None  # a heading, "Montenegro's Accession to NATO": the topic of what follows
        if tok.pos_ == "NOUN" and others_joining_named(tok):
            return None  # "the ratification of Finland's accession protocol": the same, named by its noun
        if _for_anothers_admission(tok):
            return None  # "to admit Albania once Greece had deposited its papers": Greece's approval
        if tok.pos_ == "NOUN" and not _nominal_join_event(tok):
            return None  # "a protocol on Finland's accession", "Poland's imminent ratification", "is mandatory"
        if lemma in ("join", "rejoin") and (any(c.dep_ == "auxpass" for c in tok.children) or any(
                c.dep_ in ("dobj", "obj") and (c.ent_type_ in ("GPE", "PERSON", "NORP") or c.lower_ in ("them", "us", "him", "her")
                                               or c.lemma_.lower() in ("country", "state", "nation") and c.tag_ == "NNS")
                and not (c.i > 0 and c.doc[c.i - 1].text in ("—", "–", "--", ":"))  # (a list set off after the treaty)
                or c.dep_ in ("dobj", "obj") and c.lemma_.lower() in _NOT_JOINED
                for c in tok.children)):
            # "Finland joined Poland in leaving", "Trump was joined on his trip by ...", "They join 30 other countries
            # that have ratified": not an accession
            return None
        if tok.pos_ == "NOUN" and _blocked(tok):
            return None  # "held back ratification", "blocked accession"
        if tok.pos_ == "NOUN" and tok.head.lower_ in ("of", "for", "against") and tok.head.head.lemma_.lower() in (
                "favour", "favor", "vote"):
            return None  # "voted in favour of Swedish accession": the vote is the act
        if tok.dep_ in ("compound", "amod") and tok.head.lemma_.lower() in LAW_WORDS | {
                "process", "debate", "vote", "protocol", "talks", "talk", "negotiation", "plan", "proposal", "bid",
                "application", "request"}:
            return None  # "the ratification bill", "the ratification process", "Sweden's accession protocol"
        if tok.dep_ in ("acl", "relcl", "amod") and tok.head.lemma_.lower() in GENERIC_TREATY_WORDS:
            return None
        return "join"
    if lemma in ("acceptance",) and (tok.head.lower_ == "of" and tok.head.head.lemma_.lower() == "instrument"
                                     or any(c.lower_ == "instrument" for c in tok.head.subtree)
                                     or tok.dep_ in ("dobj", "obj") and tok.head.lemma_.lower() in NOTIFY_VERBS):
        return "join"  # "the instrument of acceptance", "lodged its acceptance"
    if lemma == "accept" and tok.pos_ == "VERB" and any(c.dep_ in ("dobj", "obj") and c.lemma_.lower() not in (
            "accession", "ratification", "membership", "application") for c in tok.children):
        return "join"
    if lemma in ("sign", "signature") and tok.pos_ in ("VERB", "NOUN"):
        if tok.pos_ == "NOUN" and _blocked(tok):
            return None
        if tok.pos_ == "VERB" and _approves_others_joining(tok) or tok.pos_ == "NOUN" and others_joining_named(tok):
            return None  # "signed Finland's accession protocol": a member approving another state's joining
        if tok.dep_ == "relcl" and any(c.dep_ == "nsubj" for c in tok.children):
            return "join"  # "the United States, which signed the treaty in 1996"
        if tok.tag_ == "VBN" and any(c.dep_ == "agent" for c in tok.children) and (
                tok.dep_ == "acl" and tok.head.lemma_.lower() in GENERIC_TREATY_WORDS
                or tok.dep_ == "advcl" and any(c.dep_ == "nsubj" and c.lemma_.lower() in GENERIC_TREATY_WORDS
                                               for c in tok.head.children)):
            # "The treaty, signed in Prague in April 2010 by Presidents Obama and Medvedev", "Signed in 1987 by the
            # United States and the Soviet Union, the treaty ..."
            return "join"
        if tok.dep_ in ("acl", "relcl", "amod") or tok.tag_ == "VBN" and tok.dep_ != "ROOT" and not any(
                c.dep_ in ("nsubj", "nsubjpass", "agent") for c in tok.children):
            return None
        return "join"
    if lemma in ("member", "party", "signatory") and tok.dep_ == "attr" and tok.head.lemma_.lower() == "become" and (
            tok.head.tag_ in ("VBD", "VBZ") or any(c.lemma_ == "have" for c in tok.head.children)) and not any(
            c.lower_ in ("longer", "not", "never") for c in tok.head.children) and not any(
            c.dep_ in ("acl", "relcl") for c in tok.children):
        # "Sweden became the 32nd member of NATO", "became a party to the convention", "has become a signatory"
        # (not "on course to become the first member to leave")
        return "join"
    if lemma in ("suspend", "suspension", "derogate", "derogation"):  # a derogation (ECHR Art. 15) suspends (LABELLING.md)
        if tok.dep_ == "compound" and tok.head.lemma_.lower() in ("procedure", "process", "proceeding", "proceedings",
                                                                  "mechanism", "clause", "request", "motion"):
            return None  # "a suspension procedure that two members initiated": a procedure against another member
        if lemma.startswith("suspen") and any(c.dep_ == "prep" and c.lower_ == "from" and not any(t.ent_type_ in ("DATE", "TIME") or t.like_num
                                                                    for t in c.subtree) for c in tok.children):
            return None  # "its suspension from the Council of Europe" is done to it ("suspend from 7 December" is not)
        if tok.pos_ == "VERB" and any(c.dep_ in ("dobj", "obj") and c.lemma_.lower() in (
                "membership", "right", "representation", "vote", "voting") and any(
                p.dep_ == "poss" and p.pos_ == "PROPN" for p in c.children) for c in tok.children):
            return None  # "the Committee of Ministers suspended Russia's rights": a body acts on a state
        return "suspend"
    if lemma in ("deratify", "de-ratify", "deratification", "de-ratification"):
        return "deratify"
    if lemma in ("revoke", "revocation", "rescind", "cancel") and any(
            t.lemma_.lower() == "ratification" for t in tok.subtree):
        return "deratify"  # revoking a withdrawal notice is not a de-ratification
    if lemma in ("revoke", "revocation", "rescind", "unsign") and (lemma == "unsign" or any(
            t.lemma_.lower() == "signature" for t in tok.subtree)):
        return "leave"  # "will be revoking the effect of its signature": a signatory's way out
    if lemma in ("effect",) and tok.head.lemma_.lower() in ("take", "come", "go") and _near_leave(tok) and not (
            tok.head.dep_ == "relcl" and tok.head.head.lemma_.lower() in GENERIC_TREATY_WORDS):  # "the convention,
        # which took effect in 1999": the treaty's entry into force
        return "leave"
    if lemma == "party" and any(c.lower_ in ("longer",) for c in tok.head.subtree):
        return "leave"
    if lemma == "bind" and any(c.lower_ == "longer" for c in tok.subtree):
        return "leave"  # "are no longer bound by the convention"
    if lemma == "cease" and tok.pos_ == "VERB":
        return "leave"
    if lemma == "take" and tok.pos_ == "VERB" and any(c.lower_ == "out" for c in tok.children):
        return "leave"  # "a law taking the country out of the ICC"
    if lemma == "notify" and tok.pos_ == "VERB" and _near_leave(tok):
        return "leave"  # "notified the UN of its decision" in a sentence about a withdrawal
    if lemma in ("notice", "notification") and tok.head.lemma_.lower() in NOTIFY_VERBS | {"lodge", "deposit"}:
        return "leave"  # "deposited their notices with the UN"
    if lemma in NOTIFY_VERBS and tok.dep_ == "relcl" and tok.head.lemma_.lower() in ("notice", "notification", "instrument"):
        return "leave"  # "the notice Warsaw lodged with the United Nations on 20 August"
    return None


def _abandoned(verb: Any) -> list[Any]:
    """What 'abandon' leaves: its object, or the noun its participle with an agent describes."""
    return [c for c in verb.children if c.dep_ in ("dobj", "obj", "nsubjpass")] + (
        [verb.head] if verb.dep_ == "acl" and any(c.dep_ == "agent" for c in verb.children) else [])


def _left_something_else(verb: Any) -> bool:
    """'dropped out of the race': what is left, after 'out of', is a common noun that names no treaty."""
    left = [g for t in verb.subtree if t.lower_ == "of" and (t.head.lower_ == "out" or t.head.i == verb.i)
            for g in t.children if g.dep_ == "pobj"]
    kept = GENERIC_TREATY_WORDS | {"court", "bloc", "union"}
    return any(g.pos_ == "NOUN" and g.text.islower() and g.lemma_.lower() not in kept for g in left)


def signed_ratification(tok: Any) -> Any:
    """The verb 'sign' whose object is the ratification itself or its papers ('signed the ratification',
    'signed the ratification documents'), if ``tok`` is that word: a head of state signing the act that
    ratifies, not a signature of the treaty nor the deposit of an instrument ('instrument of ratification')."""
    if tok.lemma_.lower() != "ratification" or tok.pos_ != "NOUN":
        return None
    thing = tok.head if tok.dep_ == "compound" and tok.head.lemma_.lower() in (INSTRUMENT_WORDS | {"form"}) - {
        "instrument"} else tok  # (not "the ratification instrument": the instrument of ratification)
    if thing.dep_ in ("dobj", "obj") and thing.head.lemma_.lower() == "sign":
        return thing.head
    if thing.dep_ == "pobj" and thing.head.lower_ == "on" and thing.head.head.lemma_.lower() == "sign":
        return thing.head.head  # "after signing on the ratification forms"
    return None


def _blocked(noun: Any) -> bool:
    """'held back ratification', 'blocked accession', 'awaits signature': a joining noun whose verb keeps the
    act from happening ('completed its accession' in the past reports it done)."""
    head = noun.head
    if head.lemma_.lower() in ("complete", "finalize", "finalise") and (head.tag_ == "VBD" or any(
            c.dep_ == "aux" and c.lemma_ == "have" for c in head.children)):
        return False
    return bool(head.lemma_.lower() in BLOCKING_VERBS)


def _held_back(verb: Any) -> bool:
    """A joining verb that names what a noun of delay or refusal holds back: 'delay in ratifying',
    'failure to join', 'refusal to sign'."""
    head = verb.head.head if verb.dep_ == "pcomp" else verb.head if verb.dep_ == "acl" else None
    if verb.dep_ == "pcomp" and verb.head.lower_ in ("towards", "toward"):
        return True  # "progress towards ratifying", "a step toward joining": on the way, not there
    if verb.tag_ == "VBG" and (verb.dep_ in ("xcomp", "dobj") and verb.head.lemma_.lower() in _BACKING
                               or verb.i > 0 and verb.doc[verb.i - 1].lemma_.lower() in _BACKING):
        return True  # "continues to back ratifying the treaty", "supports joining": a position, not an act
    return head is not None and head.lemma_.lower() in _HOLDING_BACK


_PROSPECT_NOUNS = {"plan", "proposal", "intention", "bid", "call", "push", "threat", "idea", "invitation", "request",
                   "application", "need", "readiness", "offer", "hope", "ambition", "aspiration", "path", "chance"}
_HOLDING_BACK = {"delay", "failure", "refusal", "reluctance", "hesitation", "inability", "unwillingness"}
_BACKING = {"back", "support", "favour", "favor", "consider", "propose", "recommend", "oppose", "discuss", "weigh"}
_OTHERS_JOINING = {"accession", "membership", "bid", "application"}
_APPLICATION = {"application", "bid", "candidacy", "request"}  # a state asking to join
# the nouns of a state's joining that others approve: "Finland's accession", "the admission of Sweden"
_OWNED_JOINING = _OTHERS_JOINING | {"admission", "candidacy", "entry"}
# what may stand between an approving verb and the noun phrase it approves: "approves Finland's NATO accession"
_NP_TAGS = {"DT", "PRP$", "NNP", "NNPS", "NN", "NNS", "POS", "JJ", "CD", "HYPH"}
_APPROVING = {"ratify", "approve", "accept", "back", "endorse", "support", "greenlight", "clear"}
_PROSPECTIVE = {"imminent", "possible", "potential", "future", "eventual", "planned", "proposed", "swift", "speedy",
                "early", "prompt", "quick", "pending", "further", "universal"}


def _nominal_join_event(tok: Any) -> bool:
    """Whether a joining noun ('ratification', 'accession') reports an act rather than naming a topic, a
    prospect or a requirement: 'a protocol on Finland's accession', 'committed to the ratification',
    'Poland's imminent ratification', 'ratification by Egypt is mandatory', 'opened for signature'."""
    if any(c.dep_ == "amod" and c.lower_ in _PROSPECTIVE for c in tok.children):
        return False
    head = tok.head
    if tok.dep_ in ("dobj", "obj", "nsubjpass") and head.lemma_.lower() in _APPROVING and owned_joining(tok):
        return False  # "Turkey's parliament approves Finland's accession": others approve it, it has not happened
    if owned_joining(tok) and _approved_before(tok):
        return False  # the same where the parse loses the object (a headline run into the next line)
    first = tok
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    if first.dep_ == "pobj" and first.head.lower_ == "for" and first.head.head.lemma_.lower() == "open":
        return False  # "the treaty, opened for signature and ratification in Oslo": the treaty opens, nobody acts
    if any(t.ent_type_ == "DATE" and not _dates_another_thing(t, tok) for t in tok.subtree):
        return True  # "pointed to Finland's accession to the alliance earlier this year"
    laws = LAW_WORDS | DECREE_WORDS - {"decision", "resolution"}
    law = head.head if head.head.lemma_.lower() in laws else next(
        (c for c in head.head.children if c.dep_ in ("dobj", "obj") and c.lemma_.lower() in laws), None)
    if tok.dep_ == "pobj" and head.lower_ in ("on", "for") and law is not None and not owned_joining(tok):
        return True  # "sent parliament a bill on the ratification", "a memorandum for the ratification"
    if tok.dep_ == "pobj" and head.lower_ in ("on", "about", "for", "to", "toward", "towards", "against", "over",
                                              "regarding", "concerning", "without"):
        return False
    if tok.dep_ in ("nsubj", "nsubjpass") and (head.lemma_.lower() in ("require", "need", "remain") or head.lemma_ == "be"
                                               and any(c.dep_ in ("acomp", "attr") for c in head.children)):
        return False
    return True


def owned_joining(noun: Any) -> bool:
    """Whether ``noun`` names a state's joining with the state named: 'Finland's accession', 'the accession of
    Finland', 'Swedish membership', 'Sweden's accession protocol' (the owner of the noun it qualifies), not 'its
    accession'."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in _OWNED_JOINING:
        return False
    owners = [c for c in noun.children if c.dep_ in ("poss", "compound", "amod", "nmod")] + [
        g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    if noun.dep_ == "compound":
        owners += [c for c in noun.head.children if c.dep_ == "poss"]
    return any(t.ent_type_ in ("GPE", "NORP") for o in owners for t in o.subtree)


def others_joining_in(phrase: Any, but: Any = None) -> bool:
    """Whether a noun phrase (with its 'of', 'on', 'for' phrases, not its clauses) names a state's joining
    (``owned_joining``) other than the word ``but``: what a member approves when it ratifies 'Sweden's accession
    protocol', 'the protocols on Finland's accession', 'the instrument of ratification for Sweden's accession'."""
    todo, seen = [phrase], []
    while todo:
        t = todo.pop()
        seen.append(t)
        todo += [c for c in t.children if c.dep_ in ("poss", "compound", "amod", "nmod", "pobj", "conj", "appos")
                 or c.dep_ == "prep" and c.lower_ in ("of", "on", "for", "about", "regarding", "concerning")]
    return any(owned_joining(t) for t in seen if but is None or t.i != but.i)


def _approves_others_joining(verb: Any, but: Any = None) -> bool:
    """Whether a verb's object, or its 'for'/'on' phrase, names a state's joining (other than the word ``but``):
    'ratified Sweden's accession protocol', 'signed the instrument of ratification for Montenegro's accession'
    (not 'signed Finland's accession document': a state's own instrument)."""
    objects = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
    return any(c.lemma_.lower() not in INSTRUMENT_WORDS and others_joining_in(c, but) for c in objects) or any(
        p.dep_ == "prep" and p.lower_ in ("for", "on") and others_joining_in(g, but)
        for c in [verb, *objects] for p in c.children for g in p.children if g.dep_ == "pobj")


def _for_anothers_admission(core: Any) -> bool:
    """Whether a joining word's clause says when another state was admitted: 'the alliance finished its steps to
    admit Albania once Greece had deposited its papers' (Greece approved Albania's accession)."""
    clause = clause_verb(core)
    if clause.dep_ != "advcl" or clause.head.lemma_.lower() != "admit":
        return False
    admitted = {c.text for c in clause.head.children if c.dep_ in ("dobj", "obj") and c.ent_type_ == "GPE"}
    actors = {c.text for c in clause.children if c.dep_ == "nsubj" and c.ent_type_ == "GPE"}
    return bool(admitted and actors and not admitted & actors)


def approves_it_again(verb: Any) -> bool:
    """'X ratified Finland's accession protocol, three days after Y ratified it': 'it' is the protocol an earlier
    verb of the sentence approved."""
    return any(c.dep_ in ("dobj", "obj") and c.lower_ == "it" for c in verb.children) and any(
        t.i < verb.i and t.pos_ == "VERB" and t.lemma_ == verb.lemma_ and _approves_others_joining(t) for t in verb.sent)


def others_joining_named(noun: Any) -> bool:
    """Whether a joining noun ('ratification', 'signature') is part of a phrase that names another state's
    joining, or is the object of a verb whose 'for' phrase does: 'the ratification of Finland's accession
    protocol', 'signed the instrument of ratification for Montenegro's accession'."""
    top = _noun_phrase_top(noun)
    return others_joining_in(top, but=noun) or top.dep_ in ("dobj", "obj") and _approves_others_joining(top.head, but=noun)


def _noun_phrase_top(noun: Any) -> Any:
    """The whole noun phrase a noun is part of: 'ratification' in 'the instrument of ratification for ...' is
    'instrument', 'accession' in 'the accession protocol' is 'protocol'."""
    top = noun
    for _ in range(6):
        if top.dep_ == "compound":
            top = top.head
        elif top.dep_ == "pobj" and top.head.lower_ in ("of", "on", "for") and top.head.head.pos_ in ("NOUN", "PROPN"):
            top = top.head.head
        else:
            break
    return top


def _approved_before(noun: Any) -> bool:
    """Whether the nearest word before a joining noun's phrase is a verb of approving, with only the phrase's own
    words between: 'approves Finland's NATO accession'."""
    t = noun.doc[noun.i - 1] if noun.i > noun.sent.start else None
    while t is not None and t.tag_ in _NP_TAGS and t.i > noun.sent.start:
        t = noun.doc[t.i - 1]
    return t is not None and t.pos_ == "VERB" and t.lemma_.lower() in _APPROVING


def _dates_another_thing(date: Any, noun: Any) -> bool:
    """A date inside a noun's phrase that belongs to something else in it: a relative clause's own act ('the
    treaty that the Senate rejected a decade ago') or an age ('the 13-year-old treaty')."""
    t = date
    while t.i != noun.i and t.head.i != t.i:
        if t.dep_ in ("relcl", "acl", "amod"):
            return True
        t = t.head
    return False


def government_bill(act: Act) -> bool:
    """The bill the legislature passed is the government's: 'the government's proposal', 'the
    government bill'."""
    bills = [act.core] + [c for c in act.stage_verb.children if c.dep_ in ("dobj", "obj", "nsubjpass")]
    return any(b.lemma_.lower() in BILL_WORDS and any(
        c.dep_ in ("poss", "compound", "amod") and c.lemma_.lower() in GOVERNMENT_WORDS for c in b.children) for b in bills)


def until_of(verb: Any) -> Any:
    """The dated 'until ...' phrase of a past act ('did not ratify it until 2012'), if any."""
    past = verb.tag_ == "VBD" or any(c.dep_ == "aux" and c.lower_ in ("did", "had") for c in verb.children)
    return next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "until"
                 and any(t.ent_type_ == "DATE" or t.like_num for t in c.subtree)), None) if past else None


def join_action(lemma: str) -> str:
    if lemma.startswith("ratif"):
        return "ratified"
    if lemma in ("sign", "signature", "signing", "signatory"):
        return "signed"
    if lemma in ("rejoin", "re-join", "return", "re-enter", "reenter"):
        return "rejoined"
    return "acceded"


def signs_a_law_before(tok: Any, withdrawal_law_seen: bool = False) -> bool:
    """'Parliament passed the withdrawal law, and the president signed it' (or 'the bill',
    when a withdrawal law was named in an earlier sentence)."""
    if not any(c.dep_ in ("dobj", "obj") and c.lower_ in ("it", "this") for c in tok.children):
        return False
    head = tok.head if tok.dep_ == "conj" else None
    if head is None:
        return False
    return any(c.dep_ in ("dobj", "obj") and c.lemma_.lower() in LAW_WORDS
               and (withdrawal_law_seen or any(core_kind_of(t, t.lemma_.lower(), t.lower_) == "leave" for t in c.subtree))
               for c in head.children)


def _near_leave(tok: Any) -> bool:
    sent = tok.sent
    return any(t.lemma_.lower() in ("withdrawal", "withdraw", "exit", "departure", "denunciation", "denounce")
               for t in sent)


def presupposed(tok: Any) -> bool:
    """'By leaving the convention, ...', 'after leaving it', 'less keen about signing it': not an assertion of
    the act."""
    if (tok.dep_ == "pcomp" or tok.dep_ == "pobj" and tok.tag_ == "VBG") \
            and tok.head.lower_ in ("by", "after", "before", "since", "without", "upon", "on", "about", "over",
                                    "regarding", "concerning"):
        main = clause_verb(tok.head)
        # "By lodging its notice, Lithuania set...", "he said after signing the treaty": a past main clause
        # tells the act as done
        return not (tok.head.lower_ in ("by", "after", "upon") and main.tag_ == "VBD")
    if tok.dep_ == "pcomp" and tok.tag_ == "VBG" and tok.head.head.pos_ == "ADJ":
        return True  # "far less enthusiastic about signing the protocol", "wary of leaving": an attitude to the act
    if tok.tag_ == "VBG" and tok.dep_ in ("advcl",) and any(c.lower_ in ("after", "before", "by") for c in tok.children):
        return True
    if tok.tag_ == "VBG" and tok.dep_ in ("csubj", "csubjpass", "nsubj", "nsubjpass"):
        return True  # "rejoining the accord won't be enough", "Leaving the treaty would be a mistake": a topic
    return False


def clause_verb(tok: Any) -> Any:
    t = tok
    for _ in range(12):
        if t.pos_ == "VERB" or (t.pos_ == "AUX" and t.dep_ not in ("aux", "auxpass")):
            return t
        if t.head.i == t.i:
            return t
        t = t.head
    return t


def ancestor_clauses(verb: Any) -> list[Any]:
    out: list[Any] = []
    t = verb
    for _ in range(6):
        if t.head.i == t.i:
            break
        t = clause_verb(t.head)
        if out and t.i == out[-1].i:
            break
        out.append(t)
    return out


def _subtree_lemmas(verb: Any) -> set[str]:
    """Lemmas in the verb's own clause (not inside nested clauses headed by other verbs)."""
    out = set()
    for t in verb.subtree:
        if t.i == verb.i or clause_verb(t).i == verb.i:
            out.add(t.lemma_.lower())
            out.add(t.lower_)
    return out


def has_law_word(tok: Any) -> bool:
    """'signed the law', 'signed into law', and 'signs decree suspending ...' where a headline's parse
    loses the object: the first noun after the verb (past its determiners and adjectives) is the document
    signed, a law, decree or moratorium, never the treaty."""
    if any(c.lemma_.lower() in LAW_WORDS | DECREE_WORDS or c.dep_ == "prep" and any(
            g.dep_ == "pobj" and g.lemma_.lower() in LAW_WORDS for g in c.children) for c in tok.children):
        return True
    following = (t for t in tok.doc[tok.i + 1:tok.i + 5] if t.pos_ not in ("DET", "ADJ", "PRON"))
    first = next(following, None)
    return first is not None and bool({first.lower_, first.lemma_.lower()} & (LAW_WORDS | DECREE_WORDS))


def _legislature(phrase: Any, lex: Lexicon) -> bool:
    """Whether a noun phrase names a legislature ("the State Duma", "Turkey's parliament", "MPs",
    "the Sejm", a chamber the lexicon knows as a state's institution)."""
    words = {t.lower_ for t in phrase.subtree} | {t.lemma_.lower() for t in phrase.subtree}
    return bool(words & LEGISLATURE_WORDS) or any(
        m.kind == "institution" for m in lex.state_mentions(" ".join(t.text for t in phrase.subtree)))


def legislature_acts(verb: Any, lex: Lexicon) -> bool:
    """Whether the legislature is who does ``verb``: its subject ("the Duma ratified") or, in the
    passive, its agent ("was ratified by the Turkish parliament")."""
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is not None and subj.dep_ == "nsubj":
        return _legislature(subj, lex)
    agent = next((g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
    return agent is not None and _legislature(agent, lex)


def leave_stage(verb: Any, core: Any, lex: Lexicon) -> tuple[str, float] | None:
    lemma = verb.lemma_.lower()
    if any(c.dep_ == "det" and c.lower_ in ("a", "an", "the") for c in verb.children):
        return None  # a noun read as a verb: "An executive order that ... signed"
    words = _subtree_lemmas(verb)
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    subj_words = {t.lower_ for t in subj.subtree} | {t.lemma_.lower() for t in subj.subtree} if subj is not None else set()
    # took effect / no longer a party / entered into force
    if ("effect" in words and lemma in ("take", "come", "go")) or (lemma == "become" and "effective" in words):
        return "took_effect", 0.85
    if lemma in ("cease",) or ("longer" in words and ("party" in words or lemma == "bind" or "bound" in words)):
        return "took_effect", 0.8
    if lemma in ("complete", "finalize", "finalise", "conclude") and (core.lemma_.lower() in ("withdrawal", "exit", "departure") or (
            core.head.lower_ in ("for", "of") and core.head.head.lemma_.lower() in ("procedure", "process"))):
        return "took_effect", 0.8  # "Russia completed its withdrawal", "the procedure for withdrawing ... was completed"
    if lemma == "enter" and "force" in words and core.lemma_.lower() in ("withdrawal", "denunciation", "exit"):
        return "took_effect", 0.8
    if lemma in ("leave", "withdraw", "exit", "quit") and ({"officially", "formally"} & words) and verb.tag_ in ("VBD", "VBN"):
        if not ({"notify", "notification", "instrument"} & words):
            return "took_effect", 0.7
    # the notification reaches the depositary
    if lemma in ("notify",) or (lemma == "notification" and verb.pos_ == "VERB"):
        return "notified", 0.9
    if "notification" in words and lemma in NOTIFY_VERBS | {"receive", "send"}:
        return "notified", 0.9
    if lemma in NOTIFY_VERBS and (words & INSTRUMENT_WORDS or words & DEPOSITARY_WORDS):
        return "notified", 0.85
    if lemma in ("inform", "tell") and words & DEPOSITARY_WORDS:
        return "notified", 0.8
    if lemma == "receive" and (words & INSTRUMENT_WORDS):
        return "notified", 0.8
    # the head of state signs the law
    if lemma in ("sign", "promulgate", "enact") and (words & LAW_WORDS):
        return "law_signed", 0.85
    if lemma in ("sign", "issue") and (words & DECREE_WORDS):
        return "government_approved", 0.8
    # the head of state approves it: "President Stubb formally decided on the withdrawal", "the president confirmed it"
    if lemma in ("approve", "confirm", "endorse", "sanction", "decide") and "president" in subj_words \
            and verb.tag_ in ("VBD", "VBN") and (core.dep_ in ("dobj", "obj") or core.head.lower_ == "on"):
        return "law_signed", 0.75
    # the legislature votes
    legislative = legislature_acts(verb, lex)  # (its subject, or the agent of a passive)
    committee = "committee" in subj_words or "commission" in subj_words
    if lemma in ("decide", "resolve") and legislative and not committee and verb.tag_ in ("VBD", "VBN"):
        return "parliament_approved", 0.8  # "the Seimas decided to withdraw"
    if lemma in VOTE_VERBS and committee:
        return None  # "the Senate Foreign Relations Committee passed the bill": not yet the legislature's vote
    if lemma in VOTE_VERBS and (legislative or "vote" in words or "votes" in words):
        return "parliament_approved", 0.85
    if lemma == "give" and legislative and words & {"approval", "backing", "consent", "support"}:
        return "parliament_approved", 0.8  # "MPs gave their approval to a law taking the country out"
    if lemma in ("vote",):
        return "parliament_approved", 0.8
    # the government decides
    government = bool(subj_words & GOVERNMENT_WORDS)
    if lemma in ("issue", "make", "publish") and words & {"recommendation", "proposal", "announcement", "statement"}:
        return "intent_announced", 0.75  # "the ministers issued a joint recommendation to leave"
    if lemma == "give" and government and words & {"approval", "backing", "consent", "support"}:
        return "government_approved", 0.8  # "the Cabinet of Ministers gave its backing to the withdrawal"
    if lemma in BILL_VERBS | {"return"} and "back" in {t.lower_ for t in verb.subtree} or lemma == "return" and (
            words & BILL_WORDS):
        return None  # "the president sent the withdrawal law back to the Saeima", "returns the law": not passed on
    if lemma in BILL_VERBS and words & BILL_WORDS and not legislative and (
            {t.lemma_.lower() for t in verb.subtree} | {t.lower_ for t in verb.subtree}) & LEGISLATURE_WORDS:
        # (the legislature may hang on the bill's own clause: "proposed a law denouncing it to the lower house")
        return "government_approved", 0.75  # "He submitted a bill to the State Duma"
    if lemma == "order" and subj is not None and any(t.lower_ in ("president", "trump", "biden") or t.ent_type_ == "PERSON" for t in subj.subtree):
        return "government_approved", 0.75
    if lemma in GOVT_VERBS and (government or words & DECREE_WORDS or ("bill" in words and "parliament" in words)):
        return "government_approved", 0.8
    if lemma in ANNOUNCE_VERBS - {"say", "state", "confirm"} and words & {"decree"}:
        return "government_approved", 0.75  # "By decree published on Saturday, President Erdogan announced ..."
    if lemma in ANNOUNCE_VERBS and any(c.dep_ == "prep" and c.lower_ in ("in", "by", "through", "via") and any(
            g.lemma_.lower() in {"decree", "memorandum"} or g.lemma_.lower() == "order" and any(
                a.lower_ == "executive" for a in g.children) for g in c.children) for c in verb.children):
        return "government_approved", 0.75  # "In a presidential memorandum issued on Wednesday, Trump said the US would"
    if lemma in ANNOUNCE_VERBS - {"say", "state", "confirm"}:
        return "intent_announced", 0.75
    return None


def _adverbial_event(verb: Any) -> bool:
    """'when X sent its notice', 'after X told the UN', 'By lodging a notice': a clause that
    reports its own (past) event inside another sentence."""
    if verb.dep_ == "advcl":
        return not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)  # "called for Iran to leave"
    return verb.dep_ == "pcomp" and verb.head.lower_ in ("by", "after", "since", "when")


def past_relative(verb: Any) -> bool:
    """'the United States, which signed but never ratified the treaty', 'states that have signed it': a
    relative clause that reports its own past act, whatever the clause it hangs from plans or asks."""
    if verb.dep_ != "relcl" or not any(c.dep_ in ("nsubj", "nsubjpass") and c.tag_ in ("WDT", "WP")
                                       for c in verb.children):
        return False
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(c.lower_ in FUTURE_AUX | HYPOTHETICAL_AUX or c.lower_ == "to" for c in auxes):
        return False
    return bool(verb.tag_ == "VBD" or verb.tag_ == "VBN" and any(c.lemma_ == "have" for c in auxes))


def is_generic_np(tok: Any) -> bool:
    return any(t.lemma_.lower() in GENERIC_SUBJECTS for t in tok.subtree) and not any(
        t.ent_type_ in ("GPE", "NORP") for t in tok.subtree
    )


def modality_of(act: Act, sent: Any) -> str:
    verb = act.stage_verb
    if sent.text.rstrip().endswith("?"):
        return "question"
    if re.match(r"[“\"]?(?:If|Unless|Should|Were)\b", sent.text.lstrip()):
        return "hypothetical"  # "If neither objects, the government will deposit..."
    if act.note == THREAT:
        return "hypothetical"  # "threatened to quit the treaty": the exit, if the threat is carried out
    wanting = next((c for c in verb.children if c.dep_ == "nsubj"), None) if act.intent and verb.lemma_.lower() in (
        "want", "seek", "aim") else None
    if wanting is not None and {t.lower_ for t in wanting.subtree} & LEGISLATURE_WORDS:
        return "called_for"  # "hardline lawmakers want withdrawal": legislators press for it; no one announced it
    if not act.intent and any(v.tag_ == "VBG" and v.dep_ == "pcomp" and v.head.lower_ == "of"
                              and v.head.head.lemma_.lower() == "process" for v in (verb, act.core)):
        return "planned"  # "was in the process of ratifying the convention": under way, not done
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is not None and (subject.lower_ in ("neither", "none", "nobody") or any(
            c.lower_ in ("neither", "no") for c in subject.children)):
        return "denied"  # "Neither country has yet sent its notice"
    pair = [verb] + ([verb.head] if verb.dep_ == "conj" else [])
    if any(c.lower_ in ("neither", "nor") and c.dep_ in ("preconj", "cc", "neg", "det") for v in pair for c in v.children):
        return "denied"  # "Japan has neither signed nor ratified the treaty"
    if act.core.pos_ == "VERB" and act.core.i != verb.i and any(c.dep_ == "neg" for c in act.core.children):
        return "denied"  # "telling lawmakers that Russia was suspending its participation but was not withdrawing"
    if act.core.pos_ == "VERB" and any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in act.core.children):
        return "hypothetical"  # "to recommend whether the country should withdraw"
    if act.intent and act.core.i != verb.i and any(c.dep_ == "aux" and c.lower_ in ("should", "ought")
                                                    for c in clause_verb(act.core).children):
        return "called_for"  # "the governing party had decided it should pull out"
    if verb.i >= 2 and verb.doc[verb.i - 1].lower_ == "to" and verb.doc[verb.i - 2].lower_ == "yet":
        return "denied"  # "the only nations yet to ratify the treaty", "has yet to ratify": it has not happened
    have_to = [c for c in verb.children if c.dep_ == "aux" and (c.lower_ == "to" or c.lemma_ == "have" and c.tag_ in (
        "VBZ", "VBP"))] if verb.dep_ != "xcomp" else [c for c in verb.children if c.dep_ == "aux" and c.lower_ == "to"] + [
        verb.head] if verb.head.lemma_ == "have" and verb.head.tag_ in ("VBZ", "VBP") else []
    if len(have_to) == 2 and not any(c.lower_ == "yet" for c in verb.subtree):
        return "planned"  # "the law has now to be signed by the president", "Kazakhstan has to ratify it": due, not done
    if verb.dep_ == "xcomp" and verb.head.lemma_ == "be" and verb.head.tag_ in ("VBZ", "VBP") and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return "planned"  # "Cambodia is to join the convention next month": arranged, not done
    if not act.intent and verb.dep_ == "ROOT" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) \
            and any(c.dep_ == "nsubj" for c in verb.children):
        return "planned"  # a headline, "Cambodia to join OPCW": what is to come
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) and verb.dep_ in ("relcl", "acl") \
            and verb.head.pos_ in ("NOUN", "PROPN") and verb.head.lemma_.lower() not in (
                DECREE_WORDS | BILL_WORDS | INSTRUMENT_WORDS | {"documents"}) and not any(
                c.lower_ in ("first", "last", "latest", "only", "second", "third", "next") or c.ent_type_ == "ORDINAL"
                for c in verb.head.children):
        return "planned"  # "has ten days to sign the law", headline "Turkey to suspend rights convention"
    if any(c.dep_ == "advcl" and c.i > v.i and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)
           for v in {verb, act.core} for c in v.children):
        return "hypothetical"  # "said his country would withdraw from the NPT if its file went to the Council"
    chain = [verb] + ancestor_clauses(verb)
    if verb.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) \
            and verb.head.dep_ not in ("ccomp", "xcomp", "advcl", "relcl"):
        chain = [verb]  # "the US has not ratified it and Canada withdrew in 2012": a clause of its own
    for i, v in enumerate(chain):
        if past_relative(v):
            chain = chain[: i + 1]  # "... the same footing as the US, which signed the treaty": its own past act
            break
        if _adverbial_event(v):
            main = v.head
            # "said it would": an announcement, and "said it would take effect after the UN received the notice"
            # reports a past act; "said it will take effect after they exchange instruments" waits for one
            reported = main.dep_ == "ccomp" and main.head.lemma_.lower() in REPORTING_VERBS and (
                act.intent or v.tag_ not in ("VB", "VBP", "VBZ"))
            if any(c.dep_ == "aux" and c.lower_ in ("would", "could", "might", "may") for c in main.children) \
                    and not reported:
                return "hypothetical"  # "would take effect one year after the notice arrived"
            if any(c.dep_ == "aux" and c.lower_ in ("will", "shall") for c in main.children) and not reported:
                return "planned"  # "Kyoto will go into force 90 days after it ... is signed by Putin"
            chain = chain[: i + 1]  # "When X sent its notice, ...": the main clause is another event
            break
    for v in chain[1:]:
        if v.lemma_.lower() in CALLED_FOR:
            return "called_for"
        if v.lemma_.lower() in ("say", "write", "announce", "tell", "state", "confirm", "report"):
            break
    for i, v in enumerate(chain):
        lemma = v.lemma_.lower()
        kids = list(v.children)
        if i > 0 and (lemma in CALLED_FOR or lemma == "recommend" and chain[i - 1].dep_ == "ccomp"):
            return "called_for"  # "the committee recommended that parliament adopt the bill"
        if i > 0 and lemma in DENY_VERBS:
            return "denied"
        if any(c.dep_ == "neg" for c in kids) and until_of(v) is not None:
            pass  # "did not ratify it until 2012": it did, in 2012
        elif any(c.dep_ == "neg" for c in kids) or any(c.lower_ in ("never",) for c in kids) or any(
                c.dep_ == "advmod" and c.lower_ == "yet" and any(g.dep_ == "neg" for g in c.children) for c in kids):
            return "denied"  # "... but not yet ratified the treaty"
        if i > 0 and lemma == "have" and chain[i - 1].dep_ == "xcomp" and any(c.lower_ == "yet" for c in kids):
            return "denied"  # "states that have yet to ratify"
        if i > 0 and lemma in ("allow", "enable", "permit", "require", "oblige", "force") \
                and chain[i - 1].dep_ in ("xcomp", "ccomp"):
            return "planned"  # "approved a bill to allow Finland to join NATO"
        if lemma in ("vote", "turn", "shoot") and any(c.lower_ == "down" for c in kids):
            return "denied"  # "the Senate voted down ratification"
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether", "before", "until", "once") for c in kids):
            return "hypothetical"  # conditions and time references ("before the withdrawal became effective")
        if any(c.dep_ == "mark" and c.lower_ == "for" for c in kids) and any(c.dep_ == "aux" and c.lower_ == "to" for c in kids):
            return "hypothetical"  # "requires Senate approval in order for the president to withdraw": a condition
        if any(c.dep_ == "mark" and c.lower_ == "after" for c in kids) and any(
                c.dep_ == "aux" and c.lower_ in ("has", "have") for c in kids):
            return "hypothetical"  # "to prepare for the treaty after Thailand has ratified it": not yet done
        if not act.intent and v.dep_ == "xcomp" and v.head.pos_ == "ADJ" and v.head.lemma_.lower() in READINESS:
            return "planned"  # "the government is willing to ratify", "ready to sign": a readiness, not the act
        auxes = {c.lower_ for c in kids if c.dep_ in ("aux", "auxpass")}
        if act.intent:
            if i == 0 and lemma in ANNOUNCE_VERBS and auxes & FUTURE_AUX:
                return "planned"  # "Bush will announce his decision to withdraw": the announcement is still to come
            if lemma in DELIBERATE_VERBS:
                return "hypothetical"  # "officials are considering leaving", "weighing whether to leave"
            if auxes & {"could", "may", "might", "can", "ca"} or ("would" in auxes and v.dep_ in ("relcl", "acl")):
                return "hypothetical"  # "draft legislation that would take Estonia out"
            if i == 0 and auxes & {"should", "ought", "must"}:
                return "called_for"  # "an MP said Britain should withdraw": a call, no announcement
            if i > 0 and lemma in PLANNED and chain[i - 1].dep_ in ("xcomp", "ccomp") and lemma not in INTENT_VERBS:
                return "planned"  # "parliament is expected to decide"
            if i > 0 and lemma == "report" and any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX
                                                   for c in chain[0].children):
                return "planned"  # "Canada will pull out ..., CTV reported": the press expects it, no one announced it
            if i > 0 and lemma in ("say", "write", "announce", "tell", "state", "confirm", "report", "add", "note"):
                break
            continue
        if auxes & FUTURE_AUX:
            return "planned"
        if auxes & HYPOTHETICAL_AUX:
            return "hypothetical" if i == 0 and auxes & {"could", "may", "might", "should"} else "planned"
        if i > 0 and lemma in PLANNED and chain[i - 1].dep_ in ("xcomp", "ccomp"):
            return "planned"
        if i > 0 and lemma in ("have", "need") and chain[i - 1].dep_ == "xcomp":
            return "planned"  # "Hungary still has to notify the UN"
        if lemma in PLANNED and v.i != verb.i:
            return "planned"
        if v.tag_ == "VBG" and any(c.lemma_ == "be" and c.dep_ == "aux" for c in kids) and any(
            c.lower_ == "going" for c in [v]
        ):
            return "planned"
        # stop at the first reporting verb: "X said it had notified" keeps the inner assertion
        if i > 0 and lemma in ("say", "write", "announce", "tell", "state", "confirm", "report", "add", "note"):
            break

    # nominal plans: "plans to withdraw", "a proposal to withdraw", "the decision to withdraw"
    head = act.core.head
    if act.core.dep_ in ("acl", "xcomp") and any(c.dep_ == "det" and c.lower_ == "no" for c in head.children):
        return "denied"  # "the government has no plans to leave the convention"
    if act.core.dep_ == "pcomp" and head.lower_ == "of" and head.head.lemma_.lower() in _PROSPECT_NOUNS | {
            "desire", "wish"} and any(c.dep_ == "det" and c.lower_ == "no" for c in head.head.children):
        return "denied"  # "has no intention of joining the treaty"
    if not act.intent and act.stage_verb.i == clause_verb(act.core).i and (
            act.core.dep_ in ("acl", "xcomp") or act.core.dep_ == "advcl" and head.pos_ == "NOUN") \
            and head.lemma_.lower() in _PROSPECT_NOUNS:
        # "a bid to join", "an invitation for Ukraine to join NATO": the act is a prospect
        return "called_for" if head.lemma_.lower() in ("call", "push") else "planned"
    if act.core.pos_ == "NOUN" and any(c.lemma_.lower() in ("possible", "potential", "planned", "proposed") for c in act.core.children):
        return "planned" if act.action != "intent_announced" else "asserted"
    return "asserted"


