"""English extraction: one article's sentences, parsed, read into claims."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ..consolidate import date_rank
from ..dates import YEAR_HINT_REACH, YEAR_WRITTEN, DateMention, NUMBERS, add_months, find_dates
from ..gate import WEAK_TREATIES, Lexicon, Mention, split_sentences
from ..models import Article, Claim, Evidence, Quote
from .tree import (
    THREAT, Act, abs_of, abs_tok_end, abs_tok_start, ancestor_clauses, clause_ranges, clause_verb, core_kind_of,
    government_bill, has_law_word, is_generic_np, join_action, leave_stage, legislature_acts, modality_of, np_tokens,
    past_relative, presupposed, signed_ratification, signs_a_law_before, span_of, until_of,
)
from .words import (
    AMENDED, ANNOUNCE_VERBS, BECAME_MEMBER, BILL_VERBS, BILL_WORDS, CALLED_FOR, DECREE_WORDS, FUTURE_AUX, GOVT_VERBS,
    GENERIC_DETERMINERS, GENERIC_SUBJECTS, GENERIC_TREATY_WORDS, GOVERNMENT_WORDS, HYPOTHETICAL_AUX, INSTRUMENT_WORDS,
    NOTIFY_VERBS,
    INTENT_VERBS, JOIN_LIKE, JOIN_NOUNS, LAW_WORDS, LEGISLATURE_WORDS, OTHER_BODIES, PLANNED, PREVENT_VERBS, PRONOUNS,
    QUANTIFIERS,
    REACTION_VERBS, REPORTING_VERBS, STATE_GROUPS, VOTE_VERBS, COUNT_BEFORE,
    DATELINE_PLACE, EFFECT_BEFORE, GAP_CLOSE, GAP_JOIN, GAP_LEAD, GAP_MORE_YEARS, GAP_OPEN, LAST_YEAR,
    PAGE_DATE, ROLE_BEFORE, SAME_DAY, YEAR, outside_names, page_date, person_mentions, quote_spans, find_dateline,
    parse_dateline,
)

if TYPE_CHECKING:
    from . import Extractor


_COUNT_AFTER_ACT = re.compile(r"\b(?:exactly\s+)?(?P<n>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
                              r"twelve)\s+(?P<unit>day|week|month|year)s?\s+(?:after|from)\s+(?:the|its|their|this|that)\s+"
                              r"(?:\w+\s+){0,2}(?:notification|notice|denunciation)", re.I)


# "the revised agreement", "the adapted treaty": another instrument than the treaty named
_AMENDED = {"revised", "adapted", "amended", "updated", "new", "successor"}
# the sentence that names the states a count stood for: "These six countries are ...", "They are: ..."
_LIST_LEAD = re.compile(r"\s*(?:These|Those|The|They)\b[^.:]{0,40}?\b(?:are|were)\b\s*:?\s*(?:the\s+)?")
# a state's act counted in days from the act before, right after its name: "followed by Russia a day later"
_DAYS_LATER = re.compile(r"\s+(a|one|two|three|four|five|six|seven|\d)\s+(days?|weeks?)\s+later\b", re.IGNORECASE)
# an agreement the registry lacks that news names without capitals: the Iran nuclear deal (JCPOA)
_OTHER_DEAL = re.compile(r"\b(?:nuclear deal|iran deal|jcpoa|joint comprehensive plan of action)\b", re.IGNORECASE)
# what a notice is given with: "gave formal notice to Russia", "sent a notification to"
_NOTICE_WORDS = {"notice", "notification", "note", "letter", "give", "send", "deliver", "transmit"}
# what a legislature does to a treaty when it votes for joining it ("approved the treaty")
_APPROVE_VERBS = {"approve", "adopt", "endorse", "pass"}
# between the states of a list of dashes or bullets: "- Albania - The Holy See - Macedonia, FYR - Malawi"
_DASH_GAP = re.compile(r"(?:,? ?[A-Z]{2,4})?\s*[-–•·*]\s*(?:[Tt]he\s+)?")
_BULLET_TAIL = re.compile(r"\s*(?:\([^)\n]{0,40}\))?\s*[,;.]?\s*(?:and|or)?\s*")  # after a bulleted state
_OWNED_DECISION = "the state's decision or intention to leave, named as announced"
# verbs that judge an act rather than report it: "its accession is seen as critical"
_JUDGED = {"see", "consider", "view", "regard", "deem", "expect", "seem", "appear", "remain"}
_DECISION_NOUNS = {"decision", "intention", "announcement", "pledge", "promise", "threat", "plan"}
_STEP_NOTES = {  # LABELLING.md: the domestic steps of joining, named as those of leaving
    "government_approved": "the government's step of joining",
    "parliament_approved": "the legislature's step of joining: its vote, not yet the state's ratification",
    "law_signed": "the head of state's step of joining: the law, not yet the state's ratification",
}
_JOINING_NOUN = "a joining named by its noun ('X's accession'): the state's ratification, if one is reported"
_LEAD_PRESENT = "'withdraws' in the simple present in a headline or lead: the day's news, done"
_OUT_OF = "'is out of the treaty': the withdrawal has taken effect"
# the heads of a phrase naming others who do the same: "besides X", "apart from X", "in addition to X"
_ALSO_PREPS = {"besides", "alongside", "like"}
_ALSO_HEADS = {"apart", "aside", "addition", "along", "together"}
_COUNTED = {"country", "state", "nation", "member", "party", "signatory", "government"}
# a treaty's numbered protocol, which states join on their own: "Protocols III, IV and V"
_NUMBERED_PROTOCOL = re.compile(r"\bProtocols?\s+(?:[IVX]+|\d+)\b")
_TIME_NOUNS = {"day", "week", "month", "year", "morning", "afternoon", "evening", "night", "weekend"}
# what may stand between two states of one list ("A, B and the C"), and what makes a run of names a list
_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+|&\s*)?|\s+and\s+|\s*&\s*)(?:the\s+)?", re.I)
_LIST_LAST = re.compile(r"\band\b|&", re.I)
# a list that is not its verb's subject: "in A, B and C", "between A and B", "including A and B"
_LIST_GOVERNED = re.compile(r"\b(?:in|of|from|with|to|by|for|on|at|over|into|across|about|after|before|under|between|"
                            r"among|including|like|unlike|besides|than|against|and|or|nor|neither|both|except|as|"
                            r"towards?|via|versus|vs)\s+(?:[\w'-]+\s+){0,2}$", re.I)


def _name_runs(text: str, names: list[Mention], gap: re.Pattern[str]) -> list[list[Mention]]:
    """``names`` (in text order) cut into runs, each name joined to the one before it by ``gap`` only."""
    runs: list[list[Mention]] = []
    for m in names:
        if runs and gap.fullmatch(text, runs[-1][-1].end, m.start):
            runs[-1].append(m)
        else:
            runs.append([m])
    return runs


def _joined_by(verb: Any) -> bool:
    """Whether ``verb`` is a participle with an agent that adds others to the act of its clause:
    "..., followed by Nauru", "..., joined by Poland"."""
    return verb.dep_ in ("advcl", "acl") and verb.tag_ == "VBN" and any(c.dep_ == "agent" for c in verb.children)


def _joins_another_body(noun: Any) -> bool:
    """'Ukraine's EU accession talks', 'accession to the Council of Europe': joining an organisation that is
    not a treaty (named by the noun's modifier or its 'to'/'of'/'in' object)."""
    if noun.pos_ != "NOUN":
        return False
    beside = [c for c in noun.head.children if c.i < noun.i] if noun.dep_ == "compound" else []  # "EU accession talks"
    named = [c for c in list(noun.children) + beside if c.dep_ in ("compound", "nmod")] + [
        g for c in noun.children if c.dep_ == "prep" and c.lower_ in ("to", "of", "in", "into") for g in c.children
        if g.dep_ == "pobj"]
    return any(" ".join(t.lower_ for t in n.subtree if t.dep_ != "det") in OTHER_BODIES for n in named)


def _described_by_another(noun: Any) -> bool:
    """'Russia's western neighbour', 'Finland's ally': a common noun that names a state by another state it
    belongs to (not 'Ukraine's neighbour Moldova', which names it)."""
    return noun.dep_ == "pobj" and noun.tag_ in ("NN", "NNS") and any(c.dep_ == "poss" for c in noun.children) \
        and not any(c.dep_ in ("appos", "conj", "compound") for c in noun.children)


def _noun_agent(noun: Any) -> Any:
    """The 'by' phrase of an act noun, on the noun or on a participle describing it ('the ratification by
    Peru', 'the recommendation made by the ministers'), not inside another noun's phrase ('the
    suspension, in response to similar steps by the US')."""
    for t in noun.subtree:
        if t.lower_ == "by" and t.dep_ in ("agent", "prep") and (t.head.i == noun.i or (
                t.head.dep_ == "acl" and t.head.pos_ == "VERB" and t.head.head.i == noun.i
                and t.head.lemma_.lower() not in ("follow", "precede", "match", "mirror", "copy", "echo"))):
            return t  # (not "its withdrawal, followed by Russia a day later": Russia's own act, after it)
    return None


def _counted_states(noun: Any) -> bool:
    """'118 countries', 'all EU members', 'dozens of states': states counted, none named."""
    if noun.tag_ == "CD" or noun.lower_ in QUANTIFIERS:
        return True
    return noun.lemma_.lower() in _COUNTED and any(
        c.dep_ in ("nummod", "amod", "det") and (c.tag_ == "CD" or c.lower_ in QUANTIFIERS) for c in noun.children)


def _rank(claim: Claim) -> tuple[float, ...]:
    """``date_rank``, with a day counted from another act ('a year after the notice') below a day or month
    the text states."""
    rank = date_rank(claim)
    counted = claim.date is not None and any(n.startswith("counted from") or "' counted from" in n for n in claim.notes)
    return (rank[0], rank[1] + 1.5 if counted else rank[1], *rank[2:])


ACT_CUES = ("leave", "join", "sign", "suspend", "deratify", "rejoin")  # cues whose verbs are acts of their own


@functools.lru_cache(maxsize=4)
def _act_lemmas(lex: Lexicon) -> frozenset[str]:
    return frozenset(lemma.lower() for cue in ACT_CUES for lemma in lex.cues[cue]["lemmas"])


def _under_clause(tok: Any, verb: Any) -> bool:
    """Whether ``tok`` sits in a prepositional or adverbial clause of ``verb`` ("despite ...", "after
    signing it ...", "when ..."), not in its own complement ("voted to ratify it on Friday")."""
    node = tok
    while node.i != verb.i and node.head.i != node.i:
        if node.dep_ in ("prep", "advcl") and node.head.i == verb.i or node.dep_ == "pcomp":
            return True
        node = node.head
    return False


def _count_back(day: dt.date, count: re.Match[str], mark: str) -> dt.date | None:
    """The day of an act 'N days/weeks/months/years after (before)' another act dated ``day``, counted
    back from it ('left on 22 November, a year after it notified': notified a year before)."""
    n = int(count.group("n")) if count.group("n").isdigit() else NUMBERS.get(count.group("n").lower(), 0)
    unit = count.group("unit").lower()
    if count.string[max(0, count.start() - 5):count.start()].lower().strip() == "half" and unit == "year":
        n, unit = 6, "month"  # "half a year after"
    if mark not in ("after", "before") or not n:
        return None
    sign = -1 if mark == "after" else 1
    if unit in ("day", "week"):
        return day + dt.timedelta(days=sign * n * (7 if unit == "week" else 1))
    return add_months(day, sign * n * (12 if unit == "year" else 1))


class ArticleExtraction:
    """Everything known about one article while its sentences are read."""

    def __init__(self, extractor: Extractor, article: Article) -> None:
        self.x = extractor
        self.lex = extractor.lexicon
        self.article = article
        text = article.text
        self.published = article.published.date() if article.published else None
        self.dateline = parse_dateline(text, self.published)
        dl = find_dateline(text)
        self.dateline_start, self.dateline_end = (dl.start(), dl.end()) if dl and self.dateline else (0, 0)
        page = PAGE_DATE.match(text)
        if page is not None and not self.dateline:  # "date 2023-04-05 On Tuesday, ...": the page's own date line
            self.dateline, self.dateline_start, self.dateline_end = page_date(text), 0, page.end()
        self.treaties = self.lex.treaty_mentions(text)
        self.title_treaties = self.lex.treaty_mentions(article.title)
        dateline = find_dateline(text, DATELINE_PLACE)
        self.states = [m for m in outside_names(self.lex.state_mentions(text), self.treaties, text)
                       if not (dateline and dateline.start() <= m.start and m.end <= dateline.end())]
        # (not "Rome" in a headline's "Rome Statute")
        self.title_states = outside_names(self.lex.state_mentions(article.title), self.title_treaties, article.title)
        self.quotes = quote_spans(text)
        self.groups = [Mention(m.start(), m.end(), m.group(0), members, "group")
                       for pattern, members in STATE_GROUPS for m in pattern.finditer(text)]
        self.persons = person_mentions(text, self.states)
        self.sentence_spans = split_sentences(text)
        title = article.title.strip()
        # the first sentence other than the headline the text repeats
        self.lead = next(((s, e) for s, e in self.sentence_spans if text[s:e].strip() != title), (0, 0))
        self.in_lead = False  # the sentence read is the headline or the lead
        self.claimed_states: list[str] = []
        self.examples: set[str] = set()  # states a sentence names only as examples of a count (``_named_among``)
        self.claimed_treaties: set[str] = set()
        self.instrument_action = ""  # what the instrument named before does ('acceded' for one of acceptance)
        self.withdrawal_law_seen = False
        self.leave_seen = False
        self.last_day: dict[str, DateMention] = {}

    # -- driver -----------------------------------------------------------------------
    def names_a_state(self) -> bool:
        """Whether the article names a state, a group of states or an official anywhere (the
        headline included).  Every state a claim is given comes from these mentions (directly,
        through a pronoun or 'the government', or through an earlier claim), so an article that
        names none can have no claim, and its sentences need no parse."""
        return bool(self.states or self.groups or self.title_states)

    def run(self, sentences: Sequence[tuple[Any, int]]) -> list[Claim]:
        best: dict[tuple[str, str, str, str], Claim] = {}
        for sent, offset in sentences:
            for claim in self._sentence(sent, offset):
                key = (claim.state, claim.treaty, claim.action, claim.modality)
                if key not in best or _rank(claim) < _rank(best[key]):
                    best[key] = claim
        for key, claim in best.items():
            if claim.action == "took_effect" and claim.modality == "asserted" and claim.date is None:
                best[key] = self._effect_counted(claim, best)
        return sorted((c for c in best.values() if not self._named_by_its_stage(c, best)), key=lambda c: c.evidence.start)

    @staticmethod
    def _named_by_its_stage(claim: Claim, best: dict[tuple[str, str, str, str], Claim]) -> bool:
        """A claim read from a phrase that names the whole act, when the article reports the stage itself:
        "became the 125th state party" beside the ratification, "Russia's decision to withdraw" beside
        the notice or the exit."""
        joined = ("ratified", "rejoined")
        stages = {BECAME_MEMBER: joined, _JOINING_NOUN: joined, _OWNED_DECISION: (
            "government_approved", "parliament_approved", "law_signed", "notified", "took_effect")}
        return any(note in claim.notes and any((claim.state, claim.treaty, action, "asserted") in best for action in actions)
                   for note, actions in stages.items())

    def _effect_counted(self, claim: Claim, best: dict[tuple[str, str, str, str], Claim]) -> Claim:
        """'The withdrawal took effect a year after the notification': the undated effect counted, by the
        count the text gives, from the state's dated notice named elsewhere in the article.  (One the
        text gives no count for is the rules stage's to date: ``rules.count_effects``.)"""
        notice = best.get((claim.state, claim.treaty, "notified", "asserted"))
        count = _COUNT_AFTER_ACT.search(claim.evidence.text)
        if notice is None or notice.date is None or notice.date_precision != "day" or count is None:
            return claim
        counted = _count_back(notice.date, count, "before")
        if counted is None or (self.published and counted > self.published):
            return claim
        return dataclasses.replace(claim, date=counted, date_precision="day", date_basis=notice.date_basis,
                                   notes=claim.notes + (f"'{count.group(0)}' counted from the notice of {notice.date}",))

    def _sentence(self, sent: Any, offset: int) -> list[Claim]:
        if self.x.options.gate:
            start, end = offset, offset + len(sent.text)
        else:
            start, end = sent.start_char, sent.end_char
        self.in_lead = self._lead(start, end)
        self.examples = set()
        acts = self._acts(sent)
        if not acts:
            return []
        out = []
        for act in acts:
            treaty = self._treaty_for(act, sent, offset, start)
            if treaty is None:
                continue
            at = abs_of(act.core, offset)
            if act.action in ("signed", "ratified", "acceded") and _NUMBERED_PROTOCOL.search(self.article.text, at, at + 60):
                continue  # "ratified Protocol V of the Convention": the protocol, not the treaty
            if act.action in ("signed", "ratified", "acceded") and AMENDED.search(
                    self.article.text, max(at - 60, start), min(at + 60, end)):
                continue  # "ratified the adapted CFE treaty": another instrument than the treaty
            states, subject_conf, actor = self._subjects(act, sent, offset, start, end)
            states = self._whole_lists(states, start, end)
            states = self._other_party(treaty, states, sent, offset, start, end)
            states = self._party_legislature(act, treaty, states)
            modality = modality_of(act, sent)
            answered = self._answered_by_list(act, offset, end) if "?" in sent.text else []
            if answered:  # "Who has ratified?" over a bulleted list of states: the list answers it
                states, subject_conf, modality = answered, 0.05, "asserted"
            # "Mali ratified the statute in 2000, Niger in 2002 and ...", "..., and Finland followed on 10 July"
            others = self._gapped(act, offset, start, end) + self._followers(act, offset, start) \
                if modality == "asserted" else []
            states = [s for s in states if not any(s == o[0] for o in others)]
            if act.action == "parliament_approved" and modality == "asserted" and government_bill(act):
                # "the Seimas backed the government's motion": the government sent it (undated here)
                others += [(s, None, "government_approved", "the legislature passed the government's bill")
                           for s in states]
            if not states and not others:
                continue
            date, note_parts, conf_adj, bound = self._date_for(act, sent, offset, start, end, modality)
            if act.action in ("took_effect", "notified") and date[0] is None and modality == "asserted" \
                    and act.note not in (_LEAD_PRESENT, _OUT_OF) and (act.stage_verb.tag_ in ("VBZ", "VBP") or (
                        act.stage_verb.tag_ == "VBN" and any(
                            c.dep_ == "auxpass" and c.tag_ in ("VBZ", "VBP") for c in act.stage_verb.children))):
                continue  # "the exit takes effect six months after the notice": how the rule works
            for state in states:
                out.append(self._claim(act, treaty, state, modality, date, note_parts,
                                       subject_conf + conf_adj, actor, start, end, bound))
                if modality == "asserted" and state not in self.examples:
                    self.claimed_states.append(state)  # (an example is not what the article goes on about)
            if states and modality == "asserted" and date[0] is not None and date[0].precision == "day":
                self.last_day[act.action] = self.last_day[""] = date[0]
            for state, mention, action, note in others:
                if mention is None and date[0] is not None and date[0].precision == "day":
                    mention = self._days_later(state, date[0], start, end)  # "followed by Russia a day later"
                other = dataclasses.replace(act, action=action, note=note)
                out.append(self._claim(other, treaty, state, modality, (mention, mention.basis if mention else
                                       "bounded"), [], 0.0, None, start, end, bound))
                self.claimed_states.append(state)
        self.claimed_treaties.update(c.treaty for c in out if c.modality == "asserted")
        return out

    def _whole_lists(self, states: list[str], start: int, end: int) -> list[str]:
        """``states`` with the rest of each list of state names one of them stands in ("Chile, Peru, Mexico
        and the Holy See signed"): the small model often parses such a list as a name and its
        apposition, or hangs its first name on a word before it, so the parse gives part of it.  A list is
        names joined only by commas and a last 'and', not governed by a word before it ("in A, B and C",
        "from the former A and B")."""
        if not states:
            return states
        names = [m for m in self.states if start <= m.start < end and m.kind in ("name", "alias")
                 and self.lex.state_of(m)]
        text = self.article.text
        out = list(states)
        for run in _name_runs(text, names, _LIST_GAP):
            if len(run) > 1 and _LIST_LAST.search(text, run[-2].end, run[-1].start) \
                    and not _LIST_GOVERNED.search(text, start, run[0].start):
                listed = [str(self.lex.state_of(r)) for r in run]
                if any(s in states for s in listed):
                    out += [s for s in listed if s not in out]
        return out

    def _lead(self, start: int, end: int) -> bool:
        """Whether ``start:end`` is the headline (repeated in the text) or the first sentence after it: news
        told in the simple present there ("Russia withdraws from the treaty") is the day's done act."""
        return self.article.text[start:end].strip() == self.article.title.strip() or self.lead[0] <= start < self.lead[1]

    def _gapped(self, act: Act, offset: int, start: int, end: int) -> list[tuple[str, DateMention | None, str, str]]:
        """States in gapped clauses after the act, each with its own date (and, for joining,
        its own way of joining): 'Mali ratified the statute in 2000, Niger in 2002 and Burkina Faso
        in 2004'; 'Lithuania by ratification in 2003, and Estonia and Latvia by accession in 2004
        and 2005' (dates taken respectively)."""
        text = self.article.text[start:end]
        verb_at = abs_of(act.stage_verb, offset) - start
        # only remnants of this act's clause: no other verb between the act and the remnant
        verbs = [abs_of(t, offset) for t in act.stage_verb.sent if t.i > act.stage_verb.i and t.i != act.core.i
                 and t.dep_ != "xcomp" and (t.pos_ == "VERB" or (t.pos_ == "AUX" and t.dep_ not in ("aux", "auxpass")))]
        names = [m for m in self.states if start + verb_at < m.start < end and m.kind != "official"
                 and not any(v < m.start for v in verbs)]
        dates = find_dates(text, self.dateline or self.published)
        out: list[tuple[str, DateMention | None, str, str]] = []
        i = 0
        while i < len(names):
            group = [names[i]]
            if not GAP_OPEN.search(text, 0, names[i].start - start) or i and GAP_JOIN.fullmatch(
                    text, names[i - 1].end - start, names[i].start - start):
                # (not "the treaty between the USA and Russia on Tuesday": a pair, no gapped clause)
                i += 1
                continue
            pos = names[i].end - start
            i += 1
            while i < len(names) and GAP_JOIN.fullmatch(text, pos, names[i].start - start):
                group.append(names[i])
                pos = names[i].end - start
                i += 1
            first = next((d for d in dates if d.start >= pos), None)
            lead = GAP_LEAD.fullmatch(text, pos, first.start) if first is not None else None
            if first is None or lead is None:
                continue
            found = [first]
            pos = first.end
            for more in GAP_MORE_YEARS.finditer(text, pos):  # "in 2004 and 2005"
                if more.start() != pos:
                    break
                year = int(more.group(1))
                found.append(dataclasses.replace(first, start=more.start(1), end=more.end(1), text=more.group(1),
                                                 date=first.date.replace(year=year)))
                pos = more.end()
            if not GAP_CLOSE.match(text, pos):
                continue
            action = act.action
            how = lead.group("how")
            if how:
                if how.lower() not in JOIN_NOUNS or act.action not in ("signed", "ratified", "acceded"):
                    continue
                action = join_action(how.lower())
            if len(found) not in (1, len(group)):
                continue
            for k, m in enumerate(group):
                state = self.lex.state_of(m)
                if state and not any(state == o[0] for o in out):
                    out.append((state, found[k if len(found) > 1 else 0], action,
                                f"gapped clause '{text[m.start - start:pos].strip()}'"))
        return out

    def _followers(self, act: Act, offset: int, start: int) -> list[tuple[str, DateMention | None, str, str]]:
        """'X ratified the protocol on 23 January, and the Hungarian parliament followed on 26
        February', '... and the three Baltic parliaments had done so earlier': the same act for the
        states of a conjoined 'followed (suit)' or 'did so' clause."""
        out: list[tuple[str, DateMention | None, str, str]] = []
        for conj in act.stage_verb.children:
            if conj.dep_ != "conj":
                continue
            did_so = conj.lemma_.lower() == "do" and any(t.lower_ in ("so", "same", "likewise") for t in conj.subtree)
            if not did_so and (conj.lemma_.lower() != "follow" or any(
                    c.dep_ in ("dobj", "obj") and c.lemma_.lower() not in ("suit", "example", "lead") for c in conj.children)):
                continue
            subj = next((c for c in conj.children if c.dep_ == "nsubj"), None)
            if subj is None:
                continue
            s, e = span_of(conj, offset)
            dates = [d for d in find_dates(self.article.text[s:e], self.dateline or self.published)]
            mention = dataclasses.replace(dates[0], start=dates[0].start + s - start, end=dates[0].end + s - start) \
                if dates else None
            for state in self._states_in(subj, offset):
                out.append((state, mention, act.action, f"'{conj.text}' the act before"))
        return out + self._followed_by(act, offset, start) + self._after_others(act, offset)

    def _after_others(self, act: Act, offset: int) -> list[tuple[str, DateMention | None, str, str]]:
        """'Chile became the sixth state to ratify it after Peru, Ghana and Cuba': the states after which a
        state is counted did the act before it (when, the sentence does not say)."""
        core = act.core
        counted = core.head if core.dep_ in ("relcl", "acl") else next(
            (c for c in core.head.children if c.dep_ == "attr"), None) if core.dep_ in ("advcl", "xcomp") \
            and core.head.lemma_ in ("be", "become") else next(
            (c for c in core.children if c.dep_ == "nsubj"), None) if core.dep_ in ("ccomp", "xcomp") \
            and core.head.lemma_ == "make" else None  # "became the fourth country, to ratify", "making Italy the fifth"
        if act.action not in ("ratified", "acceded", "signed") or counted is None \
                or counted.lemma_.lower() not in ("country", "state", "nation") or not any(
                    c.ent_type_ == "ORDINAL" or c.lower_ in ("latest", "last") for c in counted.children):
            return []
        heads = [core, counted.head] + [c for c in core.children if c.dep_ in ("dobj", "obj")]
        objs = [g for head in heads for c in head.children if c.dep_ == "prep" and c.lower_ == "after"
                for g in c.children if g.dep_ == "pobj"]  # (hung on the act, its object, or "became" after a comma)
        return [(state, None, act.action, "'after' the states that did it before")
                for obj in objs for state in self._states_in(obj, offset)]

    def _followed_by(self, act: Act, offset: int, start: int) -> list[tuple[str, DateMention | None, str, str]]:
        """'Chad joined the treaty in May, followed by Tonga and Fiji in June and Nepal on 3 July',
        'Lithuania announced its withdrawal, joined by Poland and Latvia': the same act for each
        state after 'followed by' or 'joined by', on the first date after its name."""
        out: list[tuple[str, DateMention | None, str, str]] = []
        for adv in act.stage_verb.sent:
            agent = next((c for c in adv.children if c.dep_ == "agent"), None)
            if adv.lemma_.lower() not in ("follow", "join") or not _joined_by(adv) or agent is None:
                continue
            verb = adv.head
            while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
                verb = verb.head  # "the Convention, joined by ...": the verb of the clause it hangs on
            if verb.i not in (act.stage_verb.i, act.core.i):
                continue
            s, e = abs_of(agent, offset), span_of(adv, offset)[1]
            dates = find_dates(self.article.text[s:e], self.dateline or self.published)
            for m in self.states:
                state = self.lex.state_of(m)
                if not (s <= m.start < e and m.kind in ("name", "alias") and state):
                    continue
                first = next((d for d in dates if d.start >= m.end - s), None)
                mention = dataclasses.replace(first, start=first.start + s - start, end=first.end + s - start) \
                    if first is not None else None
                out.append((state, mention, act.action, f"'{adv.text} by' the act before"))
        return out

    # -- acts ---------------------------------------------------------------------------
    def _acts(self, sent: Any) -> list[Act]:
        acts: list[Act] = []
        cores = [(tok, core_kind_of(tok, tok.lemma_.lower(), tok.lower_)) for tok in sent]
        if any(kind in ("leave", "suspend", "deratify") for _, kind in cores) and any(t.lemma_.lower() in BILL_WORDS for t in sent):
            self.withdrawal_law_seen = True
        if self.leave_seen and not any(kind for _, kind in cores):
            # "the joint recommendation made on 18 March by the defence ministers of ...",
            # "... formally recommended it": a recommendation about the withdrawal named before
            for tok in sent:
                if tok.lemma_.lower() in ("recommend", "recommendation") and not any(
                        c.dep_ in ("dobj", "obj") and c.pos_ in ("NOUN", "PROPN") for c in tok.children):
                    stage = tok if tok.pos_ == "VERB" else clause_verb(tok)
                    return [Act("intent_announced", tok if tok.pos_ == "VERB" else stage, tok, 0.7,
                                 note="recommendation of the withdrawal named before", intent=True)]
        if any(kind in ("leave", "suspend") for _, kind in cores):
            self.leave_seen = True
        leaving = any(kind in ("leave", "suspend", "deratify") for _, kind in cores)
        for tok, core_kind in cores:
            lemma = tok.lemma_.lower()
            if core_kind == "join" and tok.pos_ == "NOUN" and tok.head.lower_ == "of" \
                    and tok.head.head.lemma_.lower() == "instrument":
                self.instrument_action = join_action(lemma)  # "the 30th instrument of ratification"
            if core_kind is None and not leaving and not self.leave_seen:
                deposit = self._instrument_deposit(tok)
                if deposit is not None:
                    acts.append(deposit)
                    continue
            if core_kind is None:
                found = self._referring_core(tok, cores, acts)
                if isinstance(found, Act):
                    acts.append(found)
                    continue
                core_kind = found
            if core_kind is None:
                continue
            if presupposed(tok) or core_kind == "join" and _joins_another_body(tok):
                continue
            if core_kind == "leave" and tok.dep_ == "amod":
                continue  # "a withdrawing state": a description, not an act
            if lemma == "join" and _joined_by(tok):
                continue  # "..., joined by Poland and Latvia": others join the act before (``_followed_by``)
            if core_kind == "join" and lemma == "sign" and tok.dep_ == "relcl" and tok.head.lemma_.lower() in LAW_WORDS | DECREE_WORDS:
                # "a decree that President Zelensky signed on 29 June", "the law Putin signed"
                if self.leave_seen:
                    law = tok.head.lemma_.lower() in LAW_WORDS
                    acts.append(Act("law_signed" if law else "government_approved", tok, tok, 0.75,
                                     note=f"signed the {tok.head.lemma_.lower()} about the withdrawal"))
                continue
            if core_kind == "join" and lemma == "sign" and signs_a_law_before(tok, self.withdrawal_law_seen):
                act: Act | None = Act("law_signed", tok, tok, 0.8, note="signed the law named before ('it')")
            else:
                act = self._classify(tok, core_kind)
            for found in [act, self._suspension_step(act)]:
                if found is not None and not any(a.stage_verb == found.stage_verb and a.action == found.action
                                                 for a in acts):
                    acts.append(found)
        # a sentence that says an act took effect also mentions the leaving word: keep the strongest per verb
        return acts

    def _instrument_deposit(self, tok: Any) -> Act | None:
        """'Montenegro and Denmark deposited their instruments': a deposit of instruments whose kind the
        article named before ('the 30th instrument of ratification') is that joining act."""
        if not self.instrument_action or tok.pos_ != "VERB" or tok.lemma_.lower() not in NOTIFY_VERBS:
            return None
        instrument = next((c for c in tok.children if c.dep_ in ("dobj", "obj", "nsubjpass")
                           and c.lemma_.lower() == "instrument" and not any(g.lower_ == "of" for g in c.children)), None)
        if instrument is None:
            return None
        return Act(self.instrument_action, tok, instrument, 0.75, note="deposited the instrument of the kind named before")

    def _referring_core(self, tok: Any, cores: list[tuple[Any, str | None]], acts: list[Act]) -> str | Act | None:
        """A word that is not a core word but stands for the withdrawal (or its law) named before or
        elsewhere in the sentence: the kind of core it is, or the act it makes."""
        lemma, head = tok.lemma_.lower(), tok.head.lemma_.lower()
        noun = tok.pos_ == "NOUN"
        if lemma in _APPROVE_VERBS and tok.pos_ == "VERB" and self._legislature_votes(tok) and self._names_the_treaty(
                next((c for c in tok.children if c.dep_ in ("dobj", "obj")), None)) and self._names_its_state(tok):
            # "the Kazakh parliament approved the Kyoto Protocol", "the U.S. Senate approved the treaty": the
            # legislature's step of joining (LABELLING.md)
            return Act("parliament_approved", tok, tok, 0.8, note=_STEP_NOTES["parliament_approved"],
                       instrument="ratification")
        if noun and lemma in ("ratification", "accession"):
            # "the Verkhovna Rada approved the ratification of the convention", "voted for ratification": the
            # legislature's step of joining (not "Turkey's parliament approved Finland's accession")
            vote = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ in ("for", "of", "on") else tok.head
            if vote.lemma_.lower() in ("favour", "favor") and vote.head.lower_ == "in":
                vote = vote.head.head  # "voted in favour of ratification"
            if vote.lemma_.lower() in BILL_WORDS | LAW_WORDS and vote.dep_ in ("dobj", "obj"):
                vote = vote.head  # "adopted the Law on Ratification of the treaty", the parse hanging it on the law
            if (tok.dep_ in ("dobj", "obj") or tok.dep_ == "pobj" and vote.i != tok.head.i) \
                    and vote.lemma_.lower() in VOTE_VERBS and vote.pos_ == "VERB" and self._legislature_votes(vote) \
                    and not any(c.dep_ == "poss" and c.lower_ not in ("its", "their", "country", "nation")
                                and c.lemma_.lower() not in GENERIC_TREATY_WORDS for c in tok.children):
                return Act("parliament_approved", vote, tok, 0.8, note=_STEP_NOTES["parliament_approved"],
                           instrument=lemma)
        if noun and lemma in BILL_WORDS and head in VOTE_VERBS | {"sign", "promulgate", "enact"} \
                and not any(k == "deratify" for _t, k in cores) and (
                    self.withdrawal_law_seen and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that")
                                                     for c in tok.children)
                    or self.leave_seen and any(c.dep_ in ("poss", "compound") and c.lemma_.lower() in GOVERNMENT_WORDS
                                               for c in tok.children)):
            return "leave"  # "the Saeima adopted the bill", "backed the government's motion": the withdrawal law
        if noun and lemma in LAW_WORDS and self.leave_seen and head in BILL_VERBS and any(
                c.dep_ in ("dative", "prep") and c.lower_ == "to" and any(
                    t.lemma_.lower() in LEGISLATURE_WORDS for t in c.subtree) for c in tok.head.children):
            return "leave"  # "He submitted a bill to the State Duma": the government's step
        if noun and lemma in BILL_WORDS and self.withdrawal_law_seen and head in BILL_VERBS \
                and tok.head.dep_ == "relcl" and any(t.lemma_.lower() in ("minister", "government", "cabinet")
                                                     for t in tok.head.head.subtree if t.i <= tok.head.head.i):
            # "Foreign Minister Margus Tsahkna, who presented the bill, said ...": the government's bill
            return Act("government_approved", tok.head, tok, 0.75, note="a minister presented the bill")
        if lemma == "sign" and tok.dep_ == "acl" and tok.tag_ == "VBN" and self.leave_seen and any(
                c.dep_ == "agent" for c in tok.children) and head in DECREE_WORDS:
            # "The short decision, signed by President Recep Tayyip Erdogan, ends ...": the decree
            return Act("government_approved", tok, tok, 0.75, note="the decree about the withdrawal")
        if tok.lower_ == "it" and tok.dep_ in ("dobj", "obj"):
            if head in VOTE_VERBS - {"ratify"} and any(
                    a.core.lemma_.lower() in BILL_WORDS or a.action == "law_signed" for a in acts):
                return "leave"  # "sent a withdrawal bill to the Riigikogu, which adopted it on 4 June"
            if tok.head.dep_ == "conj" and head in ANNOUNCE_VERBS | VOTE_VERBS - {"say", "state", "ratify"} \
                    and any(a.stage_verb.i == tok.head.head.i and a.action not in JOIN_LIKE for a in acts):
                return "leave"  # "Tusk floated the exit in March, and the ministers formally recommended it"
        if lemma in ("consent", "approval", "assent", "backing") and head == "give" \
                and any(k == "leave" for _t, k in cores):
            return "leave"  # "Parliament gave its consent on 19 June, and the president decided on the withdrawal"
        return None

    def _names_its_state(self, verb: Any) -> bool:
        """Whether the subject of ``verb`` names its state ('the Kazakh parliament', 'the U.S. Senate',
        'the State Duma'), not only a chamber ('the House of Councillors', 'the General Assembly')."""
        if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in VOTE_VERBS:
            verb = verb.head  # "the State Duma voted to approve the treaty"
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        return subj is not None and any(self.lex.state_of(m) for m in self.lex.state_mentions(
            subj.doc[subj.left_edge.i:subj.right_edge.i + 1].text) if m.kind != "official")

    def _names_the_treaty(self, obj: Any) -> bool:
        """Whether a verb's object is a treaty itself ('the Kyoto Protocol', 'the treaty'), not a state's
        protocol of accession, a bill or an amendment."""
        if obj is None or any(c.dep_ == "poss" for c in obj.children):
            return False
        phrase = obj.doc[obj.left_edge.i:obj.right_edge.i + 1]
        at = obj.idx - phrase.start_char
        return obj.lemma_.lower() in GENERIC_TREATY_WORDS or any(
            m.start <= at < m.end for m in self.lex.treaty_mentions(phrase.text))

    def _legislature_votes(self, vote: Any) -> bool:
        """Whether the legislature does ``vote``, itself or by voting to do it ('deputies voted to endorse')."""
        return legislature_acts(vote, self.lex) or vote.dep_ == "xcomp" and vote.head.lemma_.lower() in VOTE_VERBS \
            and legislature_acts(vote.head, self.lex)

    def _classify(self, core: Any, kind: str) -> Act | None:
        clause = clause_verb(core)
        chain = [clause] + ancestor_clauses(clause)
        cut = next((i for i, v in enumerate(chain) if past_relative(v)), None)
        if cut is not None:
            chain = chain[:cut + 1]  # "after Burundi, which left in 2017": the relative clause's own act
        if kind == "join":
            lemma = core.lemma_.lower()
            if lemma == "sign" and core.i + 2 < len(core.doc) and core.nbor(1).lower_ == "into" and core.nbor(2).lower_ == "law":
                if any(core_kind_of(t, t.lemma_.lower(), t.lower_) == "deratify" for t in core.sent):
                    return None  # signing the law that revokes a ratification is the de-ratification
                return Act("law_signed", core, core, 0.8, note="'signed into law'")
            if lemma == "sign" and any(signed_ratification(t) == core for t in core.subtree):
                return Act("law_signed", core, core, 0.8, note="signed the ratification ('the ratification documents')")
            if lemma in ("sign", "signature", "signing") and (has_law_word(core) or has_law_word(clause)):
                return None
            instrument = next((c for c in core.children if c.dep_ in ("dobj", "obj") and c.lemma_.lower() in (
                "instrument", "document")), None) if lemma == "sign" else None
            if instrument is not None:
                # "signed the instrument of acceptance", then "signed the document": the act the instrument makes
                how: str | None = next((str(g.lemma_).lower() for p in instrument.children if p.lower_ == "of"
                                        for g in p.children if g.lemma_.lower() in JOIN_NOUNS - {"signature"}), None) \
                    or next((str(c.lemma_).lower() for c in instrument.children if c.dep_ == "compound"
                             and c.lemma_.lower() in JOIN_NOUNS - {"signature"}), None) \
                    or next((str(g.lemma_).lower() for g in [*instrument.children, *core.children] if g.dep_ in (
                        "acl", "relcl", "advcl") and any(a.lower_ == "to" for a in g.children) and g.lemma_.lower() in (
                        "ratify", "accede", "accept", "join")), None)  # "signed documents to ratify the Kyoto Protocol"
                if how is not None:
                    self.instrument_action = join_action(how)
                if how is not None or self.instrument_action:
                    return Act(join_action(how) if how else self.instrument_action, clause, core, 0.8,
                                note="signed the instrument")
            if lemma == "sign" and self._signs_what_parliament_ratified(core):
                return Act("law_signed", core, core, 0.8, note="the president signed what the legislature ratified")
            counted = core.head if core.dep_ == "acl" else next(
                (c for c in core.head.children if c.dep_ == "attr"), None) if core.dep_ == "xcomp" else None
            if lemma in ("join", "accede") and counted is not None \
                    and counted.lemma_.lower() in ("nation", "state", "country"):
                return Act("acceded", clause, core, 0.8, note=BECAME_MEMBER)  # "became the 161st nation to join"
            if lemma in ("member", "party"):
                linked = [clause.head] if clause.dep_ == "conj" else [c for c in clause.children if c.dep_ == "conj"]
                if any(v.lemma_.lower() in NOTIFY_VERBS for v in linked):
                    return None  # "deposited its instrument and became the 124th member": the deposit was the act
                return Act("acceded", clause, core, 0.7, note=BECAME_MEMBER)
            if core.pos_ == "NOUN" and clause.lemma_.lower() in _JUDGED and clause.tag_ in ("VBZ", "VBP", "VBN") \
                    and not any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in clause.children):
                return None  # "its accession is seen as critical": a view of a joining, not one reported
            if core.pos_ == "NOUN" and join_action(lemma) == "acceded" and clause.lemma_.lower() not in NOTIFY_VERBS \
                    and not (core.head.lower_ == "of" and core.head.head.lemma_.lower() in INSTRUMENT_WORDS) \
                    and not (clause.lemma_.lower() in VOTE_VERBS | GOVT_VERBS and core.head.i == clause.i):
                # "welcomed Myanmar's accession" (not "deposited its instrument of accession")
                return Act("acceded", clause, core, 0.8, note=_JOINING_NOUN)
            instrument_of = core.head.head if core.dep_ == "pobj" and core.head.lower_ == "of" else \
                core.head if core.dep_ == "compound" else None  # "the instrument of ratification", "ratification instrument"
            if core.pos_ == "NOUN" and instrument_of is not None and instrument_of.lemma_.lower() in INSTRUMENT_WORDS \
                    and clause.lemma_.lower() in {"sign"} | NOTIFY_VERBS:
                # "signed the instrument of ratification" (LABELLING.md), whatever else the clause names ("in his
                # first official act"): the act itself, not a step
                return Act(join_action(lemma), clause, core, 0.8, note="the instrument of the act")
            if join_action(lemma) in ("ratified", "acceded"):
                # "submitted a bill to parliament to ratify the statute", "the Sejm voted to ratify", "signed a
                # law ratifying": the government's, the legislature's or the head of state's step of joining
                # (LABELLING.md), not yet the state's ratification
                instrument = "ratification" if join_action(lemma) == "ratified" else "accession"
                for n, verb in enumerate(chain):
                    stage = leave_stage(verb, core, self.lex) if verb.i != core.i else None
                    if stage is not None and stage[0] in _STEP_NOTES and (stage[0] == "government_approved" or n <= 1):
                        # (a vote or a law only on the clause it governs: "approved a bill to allow Finland to
                        # join" is no step of Finland's)
                        return Act(stage[0], verb, core, stage[1], note=_STEP_NOTES[stage[0]], instrument=instrument)
                if core.pos_ == "VERB" and legislature_acts(core, self.lex):
                    # "the Duma ratified the convention", "was ratified by the Turkish parliament": the vote
                    return Act("parliament_approved", core, core, 0.8, note=_STEP_NOTES["parliament_approved"],
                               instrument=instrument)
                if core.pos_ == "NOUN" and core.dep_ == "pobj" and core.head.lower_ in ("on", "for"):
                    return None  # "the bill on the ratification", its step not told: not yet the ratification
            return Act(join_action(lemma), clause, core, 0.8)
        if kind == "suspend":
            holder = core.head.head if core.dep_ == "pobj" and core.head.lower_ in ("on", "about") else None
            bills = BILL_WORDS - {"law", "legislation"}
            if core.pos_ == "NOUN" and holder is not None and clause.lemma_.lower() in BILL_VERBS | {
                    "receive", "draft", "prepare"} and (holder.lemma_.lower() in bills or any(
                        c.dep_ in ("dobj", "obj") and c.lemma_.lower() in bills for c in holder.children)):
                # "submitted a bill on the suspension of the treaty": the government's step; the suspension is only the
                # bill's topic, not in force
                return self._legal_step(chain, core, ("government_approved",))
            if core.pos_ == "NOUN" and clause.lemma_.lower() in REACTION_VERBS and not any(
                    c.dep_ == "poss" or c.lower_ == "of" for c in core.children):
                return None  # "Washington called the suspension legally invalid": another state's act
            step = self._legal_step(chain, core, ("law_signed", "parliament_approved"))
            if step is not None and core.pos_ == "NOUN" and any(
                    c.dep_ == "det" and c.lower_ in ("that", "this") for c in core.children):
                step.note = "a step formalising the suspension named before"  # "signed a law formalising that suspension"
                return step
            return Act("suspended", clause, core, 0.8)
        if kind == "deratify":
            step = self._legal_step(chain, core, ("parliament_approved",))
            if step is not None:  # "the Duma passed a law withdrawing the ratification": its vote, not yet the act
                step.note = "the legislature passed the law revoking the ratification"
                return step
            return Act("deratified", clause, core, 0.85)
        if core.pos_ == "NOUN" and core.dep_ == "pobj" and core.head.lower_ == "to" and core.head.head.lemma_.lower() in (
                "response", "reaction", "reply", "retaliation"):
            return None  # "In response to Russia's withdrawal, allied governments announced ...": what others answer
        # "a withdrawal the government announced in early April": the announcement of the withdrawal
        announced = next((c for c in core.children if c.dep_ == "relcl" and c.lemma_.lower() in ANNOUNCE_VERBS - {
            "say", "state", "confirm"} and any(g.dep_ == "nsubj" for g in c.children)), None) \
            if core.pos_ == "NOUN" else None
        if announced is not None:
            return Act("intent_announced", announced, core, 0.75, note="the withdrawal announced before", intent=True)
        decree = core.head if core.dep_ in ("acl", "relcl") and core.pos_ == "VERB" else None
        if decree is not None and decree.lemma_.lower() in DECREE_WORDS - {"decision", "resolution"} and (
                core.dep_ == "acl" or any(c.dep_ == "nsubj" and c.lower_ in ("that", "which") for c in core.children)):
            # "a presidential decree which pulled Turkey out of the convention", "the decree withdrawing Turkey":
            # the decree (LABELLING.md)
            return Act("government_approved", core, core, 0.75, note="the decree that takes the state out")
        counted = core.head if core.dep_ in ("acl", "relcl") and core.pos_ == "VERB" else None
        if counted is not None and counted.lemma_.lower() in ("nation", "state", "country") \
                and counted.dep_ == "attr" and counted.head.lemma_.lower() == "become" and any(
                    c.lower_ in ("first", "second", "third", "latest", "last", "only") or c.ent_type_ == "ORDINAL"
                    for c in counted.children):
            # "Burundi became the first country to withdraw": its withdrawal is done, as "to join" is (BECAME_MEMBER)
            return Act("took_effect", counted.head, core, 0.75, note="became the first (or latest) to leave")
        # leaving: which stage?  Look at the clause of the core word, then up the chain.
        for verb in chain:
            if verb.i != core.i and verb.lemma_.lower() in PREVENT_VERBS:
                return None  # "voted to bar the use of federal money to withdraw": what is prevented
            stage = leave_stage(verb, core, self.lex)
            if stage is not None:
                return Act(stage[0], verb, core, stage[1], intent=stage[0] == "intent_announced")
            lemma = verb.lemma_.lower()
            if lemma == "threaten":  # LABELLING.md: a threat to leave is the exit, hypothetical (``modality_of``)
                return Act("took_effect", verb, core, 0.6, note=THREAT)
            if lemma in INTENT_VERBS:
                return Act("intent_announced", verb, core, 0.75, note=f"stated intention ('{verb.text}')", intent=True)
            if lemma in ("direct", "instruct", "order") and verb.dep_ == "acl" and verb.head.lemma_.lower() in DECREE_WORDS \
                    and verb.head.head.lemma_.lower() in ("sign", "issue", "publish"):
                # "signed an order directing the country to withdraw": the decree (LABELLING.md)
                return Act("government_approved", verb.head.head, core, 0.8, note="signed the order to withdraw")
            if lemma in PLANNED | CALLED_FOR | HYPOTHETICAL_AUX:
                break
        owned = core.head if core.dep_ == "acl" and core.head.lemma_.lower() in _DECISION_NOUNS and any(
            c.dep_ in ("poss", "compound") or c.dep_ == "prep" and c.lower_ == "of" for c in core.head.children) else None
        if owned is not None:
            # "the US' decision to withdraw", "his intention to leave": the owner's announced intent
            return Act("intent_announced", owned, core, 0.75, note=_OWNED_DECISION, intent=True)
        if core.lemma_.lower() in ("withdrawal", "exit", "departure", "pullout") and core.dep_ == "pobj" \
                and core.head.lower_ in ("after", "following", "since") and any(
                    c.dep_ in ("poss", "compound") or c.lower_ == "of" for c in core.children):
            # "after the US withdrawal from the INF Treaty in 2019": a state's exit named as past history
            return Act("took_effect", core, core, 0.6, note="an exit named as past history")
        if core.pos_ in ("NOUN", "PROPN"):
            return None  # "the withdrawal" named as a topic: no act unless a verb gives its stage
        if core.lower_ == "out" and core.head.lemma_ == "be":
            return Act("took_effect", clause, core, 0.7, note=_OUT_OF)
        auxes = {c.lower_ for c in clause.children if c.dep_ in ("aux", "auxpass")}
        if auxes & (FUTURE_AUX | HYPOTHETICAL_AUX) or clause.head.lemma_.lower() in CALLED_FOR | PLANNED:
            return Act("intent_announced", clause, core, 0.7, note="stated or reported intention", intent=True)
        if core.tag_ == "VBG" and any(c.dep_ == "aux" and c.lemma_ == "be" for c in core.children) \
                and clause.dep_ == "ccomp" and clause.head.lemma_.lower() in REPORTING_VERBS | {"insist", "stress"}:
            return Act("intent_announced", clause, core, 0.7, note="'said they were withdrawing': an announcement",
                        intent=True)
        if core.lemma_.lower() == "denounce" and core.tag_ == "VBD" and legislature_acts(core, self.lex):
            # "the Seimas denounced the pact": a legislature sends no notice; its act is the vote (LABELLING.md)
            return Act("parliament_approved", clause, core, 0.8, note="the legislature denounced it: its vote")
        if core.lemma_.lower() == "denounce" and core.tag_ == "VBD":
            return Act("notified", clause, core, 0.6, note="'denounced the convention': the denunciation itself")
        if core.tag_ == "VBD" and any(t.ent_type_ == "DATE" for t in clause.subtree) or core.tag_ == "VBZ" and any(
                c.lower_ == "today" for c in core.children):
            return Act("took_effect", clause, core, 0.55,
                        note="'left'/'withdrew' with a date: read as the withdrawal taking effect")
        if self.in_lead and core.i == clause.i and core.tag_ in ("VBZ", "VBP") and not any(
                c.dep_ in ("aux", "auxpass") for c in core.children):
            return Act("took_effect", clause, core, 0.6, note=_LEAD_PRESENT)
        left = [c for c in core.children if c.dep_ in ("dobj", "obj", "nsubjpass")] + [
            g for c in core.children if c.dep_ == "prep" and c.lower_ == "from" for g in c.children if g.dep_ == "pobj"]
        if core.tag_ in ("VBD", "VBN") and any(c.lemma_.lower() in GENERIC_TREATY_WORDS | {"court"} for c in left):
            return Act("took_effect", clause, core, 0.45,
                        note="'left the treaty' in the past, undated: read as the withdrawal having taken effect")
        return Act("took_effect", clause, core, 0.3,
                    note="stage of the withdrawal not stated; read as the withdrawal itself (too weak for an event)")

    @staticmethod
    def _signs_what_parliament_ratified(sign: Any) -> bool:
        """'The Rada ratified the convention on 20 June and signed by President Zelensky', 'Parliament ratified
        the treaty, and President Duda signed it': the head of state signs the law of ratification."""
        ratify = sign.head
        if sign.dep_ == "conj" and ratify.lemma_.lower() != "ratify" and ratify.dep_ in ("advcl", "acl", "conj"):
            ratify = ratify.head  # "ratified the convention, better known as ..., and signed by": hung on the aside
        if sign.dep_ != "conj" or ratify.lemma_.lower() != "ratify":
            return False
        legislature = next((c for c in ratify.children if c.dep_ == "nsubj"), None)
        signer = next((c for c in sign.children if c.dep_ in ("nsubj", "agent")), None)
        if legislature is None or signer is None or not any(
                t.lower_ in LEGISLATURE_WORDS or t.lemma_.lower() in LEGISLATURE_WORDS for t in legislature.subtree):
            return False
        return any(t.lower_ == "president" or t.ent_type_ == "PERSON" for t in signer.subtree)

    def _suspension_step(self, act: Act | None) -> Act | None:
        """'The Duma voted to suspend the treaty', 'MPs backed the suspension', 'Putin signed a decree
        suspending participation': the vote, law or decree that suspends, besides the suspension itself."""
        if act is None or act.action != "suspended":
            return None
        # "signed a law on the suspension of the treaty": the noun of a law's subject, as the verb "suspending";
        # "MPs backed the suspension", "signs the suspension into law": the noun the step governs
        about = act.core.head.head if act.core.dep_ == "pobj" and act.core.head.lower_ in ("on", "about") else None
        if act.core.pos_ != "VERB" and about is None and act.core.dep_ not in ("dobj", "obj"):
            return None
        clause = clause_verb(act.core)
        step = self._legal_step([clause] + ancestor_clauses(clause), act.core,
                                ("parliament_approved", "law_signed", "government_approved"))
        law = act.core.head if about is None else about
        if step is not None and step.action == "parliament_approved" and law.lemma_.lower() in BILL_WORDS:
            return None  # "the Rada passed a law suspending the convention": the law is the suspension
        return step

    def _legal_step(self, chain: list[Any], core: Any, wanted: tuple[str, ...]) -> Act | None:
        """The law's stage (vote, signature) among the first clauses up from the core, if it is one of ``wanted``."""
        for verb in chain[:3]:
            stage = leave_stage(verb, core, self.lex)
            if stage is not None:
                return Act(stage[0], verb, core, stage[1]) if stage[0] in wanted else None
        return None

    # -- treaty --------------------------------------------------------------------------
    def _treaty_for(self, act: Act, sent: Any, offset: int, start: int) -> str | None:
        """The treaty the act is about: a name linked to the act in the parse, else a generic
        word ('the convention', 'the accord') resolved to the treaty named before it."""
        sent_end = start + len(sent.text)
        inside = [m for m in self.treaties if start <= m.start < sent_end]
        objects = [g for c in act.core.children if c.dep_ in ("dobj", "obj", "prep") for g in ([c] + [
            p for p in c.children if p.dep_ == "pobj"]) if g.dep_ in ("dobj", "obj", "pobj")]
        vague = [o for o in objects if o.lemma_.lower() in GENERIC_TREATY_WORDS and (o.tag_ == "NNS" or any(
            c.dep_ == "det" and c.lower_ in ("a", "an", "another") or c.dep_ == "amod" and c.lower_ in _AMENDED
            for c in o.children))]
        if vague and not any(abs_of(o.left_edge, offset) <= m.start < abs_of(o, offset) + 80 for o in vague for m in inside
                             if m.ref not in WEAK_TREATIES):  # (the name may begin before the noun: "the new START treaty")
            return None  # "withdrew from a nuclear deal", "has signed bilateral agreements": some other treaty
        if any(self._unknown_name(o, offset, inside) for o in objects):
            return None  # "signed the Treaty of Lisbon", "the Warsaw Pact": a treaty named that the registry lacks
        if any(_OTHER_DEAL.search(o.doc[o.left_edge.i:o.right_edge.i + 1].text) for o in objects):
            return None  # "withdrew from the Iran nuclear deal": the JCPOA, not a treaty of the registry
        subjects = [span_of(c, offset) for v in (act.core, act.stage_verb) for c in v.children
                    if c.dep_ == "nsubj" and c.i != act.core.i]  # ("Finland's accession to NATO means ...": its own)
        for i, head in enumerate((act.core, act.stage_verb)):
            ranges = clause_ranges(head, offset)
            if head.pos_ == "VERB" and not any(c.dep_ in ("dobj", "obj", "prep") for c in head.children):
                # "signed but never ratified the treaty": the object the conjoined verb shares
                ranges += [r for c in head.children if c.dep_ == "conj" and c.pos_ == "VERB"
                           for r in clause_ranges(c, offset)]
            linked = [m for m in inside if any(s <= m.start < e for s, e in ranges) and not (m.ref in WEAK_TREATIES and (
                i or any(s <= m.start < e for s, e in subjects)))]  # "US and NATO allies suspend ...": not NATO
            if linked:
                pos = abs_of(act.core, offset)
                return min(linked, key=lambda m: abs(m.start - pos)).ref
        described = act.core.head if act.core.dep_ == "acl" else next(
            (c for c in act.core.head.children if c.dep_ == "nsubj"), None) if act.core.dep_ == "advcl" else None
        if described is not None and described.lemma_.lower() in GENERIC_TREATY_WORDS:
            # "The treaty, signed in Prague in April 2010 by ...": the noun the participle describes
            resolved = self._resolve_treaty(abs_of(described, offset), described.lemma_.lower())
            if resolved:
                return resolved
        for head in (act.core, act.stage_verb):
            generic = [t for t in head.subtree
                       if t.lemma_.lower() in GENERIC_TREATY_WORDS and t.pos_ in ("NOUN", "PROPN") and t.tag_ != "NNS"
                       and not any(c.lower_ in ("another", "other", "a", "an", "any") for c in t.children)]
            if generic:
                resolved = self._resolve_treaty(abs_of(generic[0], offset), generic[0].lemma_.lower())
                if resolved:
                    return resolved
        if act.action in JOIN_LIKE:
            # a joining act must name what is joined, or refer back to it: "ratified it",
            # "Estonia acceded in 2004", "the Marshall Islands' ratification"
            objects = [c for c in act.core.children if c.dep_ in ("dobj", "obj", "pobj", "prep") and not (
                c.dep_ == "prep" and c.lower_ in ("among", "amongst", "like", "unlike", "besides", "despite")) and not (
                c.dep_ == "prep" and act.core.tag_ in ("VBD", "VBN", "NN", "NNS") and any(
                    g.ent_type_ in ("DATE", "TIME") for g in c.children)) and c.lemma_.lower() not in _TIME_NOUNS
                and not (c.lower_ == "of" and act.core.pos_ == "NOUN" and any(  # ("the accession of Greece": its owner)
                    g.dep_ == "pobj" and g.ent_type_ in ("GPE", "NORP") for g in c.children))]
            # ("ratified this Hiroshima Day": a time read as the object)
            # ("Finland joined in April", "Finland's accession on 9 January": no object)
            if act.core.lemma_.lower() == "signature":
                return None  # "with his signature": of a law, unless the treaty is named
            if act.core.pos_ == "NOUN" and not any(c.dep_ == "prep" for c in act.core.children) \
                    or not objects or any(c.lower_ in ("it", "them") or c.lemma_.lower() in (
                        "participation", "obligation", "membership", "implementation", "instrument") for c in objects):
                return self._resolve_treaty(abs_of(act.core, offset), "")
            return None
        if inside:
            pos = abs_of(act.core, offset)
            best = min(inside, key=lambda m: (abs(m.start - pos) + (0 if m.start >= pos else 25)))
            return None if best.ref in WEAK_TREATIES else best.ref
        return self._resolve_treaty(start, "")

    def _unknown_name(self, noun: Any, offset: int, known: list[Mention]) -> bool:
        """Whether ``noun`` is a treaty word in the proper name of a treaty no known name covers:
        "the Treaty of Lisbon", "the Warsaw Pact" (a proper noun before it or after its 'of')."""
        if noun.lemma_.lower() not in GENERIC_TREATY_WORDS or not noun.text[:1].isupper() or noun.i == noun.sent.start:
            return False
        s, e = span_of(noun, offset)
        if any(s <= m.start < e + 12 or m.start <= s < m.end for m in known):
            return False  # part of a known name, or its phrase holds one ("... for Climate Change (UNFCCC)")
        named = [c for c in noun.children if c.dep_ == "compound" and c.pos_ == "PROPN"] + [
            g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.pos_ == "PROPN"]
        return bool(named)

    def _resolve_treaty(self, pos: int, word: str) -> str | None:
        if word in ("alliance",):
            return "north_atlantic_treaty"
        before = [m for m in self.treaties if m.end <= pos and m.ref not in WEAK_TREATIES]
        if word:
            fitting = [m for m in before if word in m.text.lower() or word in self._treaty_words(m.ref)]
            if fitting:
                return fitting[-1].ref
        if before:
            return before[-1].ref
        title = [m for m in self.title_treaties if m.ref not in WEAK_TREATIES]
        if title:
            return title[0].ref
        # only a weak name before ('NATO'): taken once the article has a claim about it, or when it is
        # named as a treaty ('the Washington Treaty'): 'Türkiye ratified the accession protocol'
        weak = [m for m in self.treaties if m.end <= pos and m.ref in WEAK_TREATIES and (
            m.ref in self.claimed_treaties or any(w in GENERIC_TREATY_WORDS for w in m.text.lower().split()))]
        return weak[-1].ref if weak else None

    def _treaty_words(self, treaty_id: str) -> set[str]:
        """The generic words a treaty's English names use ('accord', 'statute', 'convention')."""
        t = self.x.registry.get(treaty_id)
        words: set[str] = set()
        for name in (t.name, t.short_name, *t.aliases):
            words.update(w for w in re.findall(r"[a-z]+", name.lower()) if w in GENERIC_TREATY_WORDS)
        return words

    # -- subjects ----------------------------------------------------------------------
    def _subjects(self, act: Act, sent: Any, offset: int, start: int, end: int) -> tuple[list[str], float, str | None]:
        actor = None
        # 1. the core noun's possessor: "Lithuania's withdrawal", "withdrawal of Estonia",
        #    or its agent: "the recommendation made by the ministers of ..."
        if act.action == "notified" and act.stage_verb.lemma_.lower() == "receive":
            recipient = next((c for c in act.stage_verb.children if c.dep_ == "nsubj"), None)
            if recipient is not None and self._states_in(recipient, offset) and not any(
                    c.dep_ == "poss" for c in act.core.children):
                return [], 0.0, actor  # "Russia has received the notification": the recipient, not the notifier
        if act.intent and act.stage_verb.pos_ == "NOUN" and act.core.head.i == act.stage_verb.i:
            owner = next(c for c in act.stage_verb.children if c.dep_ in ("poss", "compound") or c.lower_ == "of")
            states = self._states_in(owner, offset)
            resolved = self._resolve_reference(start, abs_of(owner, offset)) if owner.lower_ in PRONOUNS else None
            return (states or ([resolved] if resolved else [])), 0.05, actor  # "the US' decision to withdraw"
        if act.core.dep_ == "pobj" and act.core.head.lower_ == "of" and act.core.head.head.lemma_.lower() in INSTRUMENT_WORDS:
            owner = next((c for c in act.core.head.head.children if c.dep_ == "poss"), None)
            states = self._states_in(owner, offset) if owner is not None else []
            if states:
                return states, 0.1, actor  # "he had deposited China's instrument of accession"
        if act.core.pos_ in ("NOUN", "PROPN"):
            agent = _noun_agent(act.core)
            if agent is not None:
                for obj in agent.children:
                    states = self._states_in(obj, offset)
                    if states:
                        return states, 0.05, actor
            for child in act.core.children:
                if child.dep_ == "prep" and child.lower_ == "of" and any(_described_by_another(g) for g in child.children):
                    continue  # "the accession of Russia's western neighbour": not Russia's
                if child.dep_ in ("poss", "compound") or (child.dep_ == "prep" and child.lower_ == "of"):
                    states = self._states_in(child, offset)
                    if states:
                        if self._clause_of_another(act, states, offset):
                            return [], 0.0, actor
                        return states, 0.1, actor
                    if child.dep_ == "poss" and child.lower_ == "whose":
                        head = act.stage_verb.head if act.stage_verb.dep_ == "relcl" else act.core.head
                        while head.dep_ == "conj" and head.head.i != head.i:
                            head = head.head
                        states = self._states_in(head, offset)
                        if states:
                            return states, 0.05, actor
                    if child.dep_ == "poss" and child.lower_ in PRONOUNS:
                        # "Lithuania, Latvia and Estonia lodged their notices": the clause's subject
                        clause_subj = next((c for c in clause_verb(act.core).children if c.dep_ == "nsubj"), None)
                        states = [] if clause_subj is None else (self._dashed_list(clause_subj, offset) if
                                                                  clause_subj.tag_ == "NNS" else []) or self._states_in(
                            clause_subj, offset)
                        if states:
                            return states, 0.1, actor
                        if clause_subj is not None and clause_subj.lower_ in ("which", "who", "that"):
                            continue  # "Estonia, Latvia and Lithuania, which lodged their notices": the antecedent
                        plural = self._plural_reference(start, abs_of(child, offset)) if child.lower_ == "their" else []
                        if plural:
                            return plural, 0.0, actor
                        resolved = self._resolve_reference(start, abs_of(child, offset))
                        if resolved:
                            return [resolved], 0.0, actor or self._quote_speaker(start)
            if act.stage_verb.lemma_.lower() in REACTION_VERBS:
                return [], 0.0, actor  # "the chairman from X welcomed the news of the accessions": X reacts
        # "the treaty, signed ... by Presidents Barack Obama and Dmitry Medvedev": the agent acts
        if act.core.pos_ == "VERB" and act.core.dep_ in ("acl", "advcl") and act.core.tag_ == "VBN":
            agent = next((c for c in act.core.children if c.dep_ == "agent"), None)
            if agent is not None:  # the rest of the participle phrase from 'by'
                a_s, a_e = abs_of(agent, offset), span_of(act.core, offset)[1]
                states = [str(self.lex.state_of(m)) for m in self.states if a_s <= m.start < a_e and self.lex.state_of(m)]
                return list(dict.fromkeys(states)), 0.05, actor  # "by members of NATO": no state named
        # "The convention was signed by Bulgaria in April 2016", "the instruments were deposited by A, B and C":
        # the agent of a passive acts; "has been signed by 118 countries": states counted, none named
        agents = self._passive_agents(act, offset)
        if agents is not None:
            return agents, 0.05, actor
        passive = next((c for c in act.stage_verb.children if c.dep_ == "nsubjpass"), None) \
            if act.action == "signed" and act.stage_verb.pos_ == "VERB" else None
        if passive is not None and passive.lower_ == "it" and not any(c.dep_ == "agent" for c in act.stage_verb.children):
            return [], 0.0, actor  # "It was signed in November 1990": the treaty's history, nobody named
        # "pull the United States out of the treaty", "the procedure for withdrawing Chile from it": the object leaves
        if act.core.lemma_.lower() in ("pull", "withdraw") and act.core.pos_ == "VERB":
            for child in act.core.children:
                if child.dep_ in ("dobj", "obj"):
                    states = self._states_in(child, offset)
                    if states:
                        return states, 0.1, actor
        # 2. the subject of the core's own clause when it names a state or is a pronoun
        if act.core.pos_ in ("VERB", "AUX") and act.core.i != act.stage_verb.i:
            own = next((c for c in act.core.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if own is not None:
                states = self._states_in(own, offset)
                if states:
                    return states, 0.1, actor
                if own.lower_ in ("it", "they"):
                    resolved = self._resolve_reference(start, abs_of(own, offset))
                    if resolved:
                        return [resolved], 0.0, actor
        # 3. the subject of the stage clause, inherited up the chain
        verb = act.stage_verb
        if verb.pos_ == "VERB" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            besides = self._also_named(verb, offset)
            if besides:  # "Besides A, B and C have ratified": the parse folds the subject into the 'besides' list
                return besides, 0.05, actor
        for _ in range(6):
            if verb is None:
                break
            if verb.dep_ == "xcomp" or (verb.dep_ == "ccomp" and verb.head.lemma_.lower() in CALLED_FOR):
                objs = [c for c in verb.head.children if c.dep_ in ("dobj", "obj")]
                for obj in objs:
                    states = self._states_in(obj, offset)
                    if states:
                        return states, 0.1, actor
                if objs and verb.head.lemma_.lower() not in ("help", "allow", "let"):
                    if any(o.lower_ in PRONOUNS for o in objs):
                        resolved = self._resolve_reference(start, abs_of(objs[0], offset))
                        return ([resolved], 0.0, actor) if resolved else ([], 0.0, actor)
                    return [], 0.0, actor  # "prompted both Nordic countries to join": they act, not the subject
            subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")), None)
            set_off = self._dashed_list(subj, offset) if subj is not None and subj.tag_ == "NNS" else []
            if set_off:  # "The Western neighbours of Belarus - Lithuania, Latvia and Estonia - have notified"
                return set_off, 0.05, actor
            if subj is not None:
                listed = [c for c in subj.children if c.dep_ == "appos"]
                if listed:  # "Finland, Sweden's neighbour, joined": the state named, not its description
                    apart = {t.i for a in listed for t in a.subtree}
                    ranges = [(abs_of(t, offset), abs_of(t, offset) + len(t.text)) for t in np_tokens(subj) if t.i not in apart]
                    named = [str(self.lex.state_of(m)) for m in self.states
                             if any(a <= m.start < b for a, b in ranges) and self.lex.state_of(m)]
                    if named:
                        return list(dict.fromkeys(named)), 0.1, actor
                for appos in listed:
                    states = self._states_in(appos, offset) if self._states_in_token(appos, offset) else []
                    if states:
                        return states, 0.05, actor  # "All five countries - Poland, Finland, ... - have left"
            legislature = subj is not None and subj.lemma_.lower() != "member" and (
                subj.lemma_.lower() in LEGISLATURE_WORDS or subj.lower_ in LEGISLATURE_WORDS or any(
                t.lemma_.lower() in LEGISLATURE_WORDS for t in subj.subtree if t.dep_ == "pobj"))
            numbered = self._numbered_states(subj, offset, start) if subj is not None else []
            if numbered:
                return numbered, 0.0, actor  # "the defence ministers of the four countries"
            if subj is not None and not legislature and (subj.lower_ in ("none", "nobody", "neither", "nor") or any(
                    c.lower_ in ("neither", "no") for c in subj.children) or any(
                    (c.dep_ == "det" and c.lower_ in GENERIC_DETERMINERS) or c.lower_ in QUANTIFIERS
                    or c.dep_ == "nummod" or c.lower_ == "following" for c in subj.children)) and not self._states_in(
                    subj, offset):  # ("the following countries have signed it: ...")
                listed_after = self._colon_list(verb, offset, end) or self._listed_next(subj, end) \
                    or self._including_list(verb, offset, end) or self._named_among(subj, offset)
                if listed_after:
                    return listed_after, 0.05, actor  # "Only two countries have ever left the court: Burundi and ..."
                return [], 0.0, actor  # "a withdrawal takes effect six months after...": a rule, not an act
            if subj is not None and subj.tag_ == "NNS" and subj.lemma_.lower() in ("state", "country", "nation") \
                    and (named := self._named_among(subj, offset)):
                return named, 0.05, actor  # "Countries such as Turkey and Poland have withdrawn"
            if subj is not None and subj.tag_ == "NNS" and subj.lemma_.lower() in ("state", "country", "nation", "party") \
                    and verb.tag_ == "VBP" and not any(c.dep_ in ("det", "poss", "nummod", "amod", "compound")
                                                       for c in subj.children):
                return [], 0.0, actor  # "States ratify each protocol separately": how it works, no act
            if subj is not None and subj.lower_ == "they":
                main = next((c for c in verb.sent.root.children if c.dep_ == "nsubj"), None)
                numbered = self._numbered_states(main, offset, start) if main is not None and main.i != subj.i else []
                if numbered:
                    return numbered, 0.0, actor  # "the ministers for the four countries said ... they recommended"
            if subj is not None and subj.lower_ in ("they", "we") and verb.dep_ == "ccomp":
                # "Burkina Faso, Mali and Niger said that they were withdrawing": the speakers
                speaker = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
                states = self._states_in(speaker, offset) if speaker is not None else []
                if len(states) > 1:
                    return states, 0.05, actor
            if subj is not None:
                states = self._states_in(subj, offset)
                person = self._person_in(subj, offset)
                if person:
                    actor = person
                if states:
                    return states, 0.1, actor or self._quote_speaker(start)
                if subj.lower_ in ("it", "they") and verb.dep_ in ("advcl", "ccomp") and verb.head.pos_ in ("VERB", "AUX"):
                    main = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
                    states = self._states_in(main, offset) if main is not None else []
                    if states:  # "China slams U.S. as it joins the treaty": the main clause's subject
                        return states, 0.05, actor
                if any(t.dep_ == "nummod" and t.head.lemma_.lower() in ("country", "state", "nation", "ally", "allies", "member") and t.lower_ not in (
                        "one", "1") for t in subj.subtree):
                    return [], 0.0, actor  # "leaders from 175 countries signed": many states, none named
                if subj.lemma_.lower() in INSTRUMENT_WORDS and any(c.ent_type_ == "ORDINAL" for c in subj.children) \
                        and not any(c.dep_ == "poss" for c in subj.children):
                    return [], 0.0, actor  # "once the 40th instrument is deposited": a count
                if subj.lower_ in PRONOUNS or subj.lemma_.lower() in GENERIC_SUBJECTS | INSTRUMENT_WORDS | {
                        "withdrawal", "exit", "departure", "decision", "step"} or is_generic_np(subj) or legislature:
                    at = abs_of(subj, offset)
                    here = {self.lex.state_of(m) for m in self.states if start <= m.start < end and (
                        m.kind == "institution" or m.kind in ("name", "alias", "demonym") and m.start < at)}
                    if subj.lower_ not in PRONOUNS and len(here) == 1 and None not in here:
                        # "The government then sent a withdrawal bill to the Riigikogu", "Russian officials insist
                        # that the country is not withdrawing": the one state named in the sentence
                        return [str(next(iter(here)))], 0.0, actor
                    if subj.tag_ == "NNS" and subj.lemma_.lower() in ("country", "state", "nation", "member", "ally"):
                        return [], 0.0, actor  # "NATO members that were parties too have since suspended it": many
                    resolved = self._resolve_reference(start, abs_of(subj, offset) if subj.lower_ in PRONOUNS else None)
                    if resolved:
                        return [resolved], 0.0, actor or self._quote_speaker(start)
                if subj.lower_ not in PRONOUNS | {"which", "who", "that"}:
                    return [], 0.0, actor  # a subject that is not a state: another actor's act
            if verb.dep_ in ("conj", "xcomp", "advcl", "acl", "ccomp", "pcomp", "relcl", "prep", "pobj", "dobj"):
                named = self._named_by_copula(verb.head, offset, end) if verb.dep_ in ("relcl", "acl") else []
                if named:
                    return named, 0.05, actor
                if verb.dep_ == "relcl":
                    head = verb.head
                    while head.dep_ == "conj" and head.head.i != head.i:
                        head = head.head
                    relative = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.tag_ in (
                        "WDT", "WP")), None)
                    before = relative.doc[relative.i - 2] if relative is not None and relative.i >= 2 \
                        and relative.doc[relative.i - 1].text == "," else None
                    nearest = self._states_in_token(before, offset) if before is not None and before.i != head.i \
                        and before.pos_ == "PROPN" and before.head.lower_ in ("like", "unlike", "as") else []
                    if nearest:  # "Norway, like Finland, which joined NATO in 2023, ...": the name right before
                        return nearest, 0.05, actor
                    states = self._states_in(head, offset) or self._states_in_token(verb.head, offset)
                    if states:
                        return states, 0.05, actor
                    counted = [head] + [g for p in head.children if p.lower_ == "of" for g in p.children]  # "league of"
                    if any(t.lemma_.lower() in _COUNTED and t.tag_ == "NNS" for t in counted) and subj is not None \
                            and subj.lower_ in ("that", "which", "who"):
                        return [], 0.0, actor  # "is set to join the countries that have ratified it": theirs
                verb = verb.head
                continue
            break
        # 3. a single state named in the sentence
        names = {self.lex.state_of(m) for m in self.states if start <= m.start < end and m.kind != "official"}
        names.discard(None)
        if len(names) == 1:
            return [str(next(iter(names)))], -0.15, actor or self._quote_speaker(start)
        return [], 0.0, actor

    def _clause_of_another(self, act: Act, owners: list[str], offset: int) -> bool:
        """Whether the verb that gives the act noun its stage has other states than the noun's owners as its
        subject: "Putin said Russia would suspend its part in response to the U.S. withdrawal" is no American
        announcement (a joining noun is the act itself: "officials pointed to Finland's accession")."""
        verb = act.stage_verb
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None) \
            if verb.i != act.core.i and act.action not in JOIN_LIKE else None
        others = self._states_in(subj, offset) if subj is not None else []
        return bool(others) and not set(others) & set(owners)

    def _passive_agents(self, act: Act, offset: int) -> list[str] | None:
        """The states of the agent of a passive core or stage verb ('were deposited by A, B and C'), with
        those named as doing the same ('Apart from D, ...'); no state when the agent only counts states
        ('signed by 118 countries'); None when there is no such agent."""
        for verb in (act.core, act.stage_verb):
            agent = next((c for c in verb.children if c.dep_ == "agent"), None) if verb.pos_ == "VERB" else None
            if agent is None:
                continue
            objs = [c for c in agent.children if c.dep_ == "pobj"]
            states = [st for obj in objs for st in self._states_in(obj, offset)]
            if states:
                return list(dict.fromkeys(states + self._also_named(verb, offset)))
            if any(_counted_states(obj) for obj in objs):
                # "signed by 97 countries, including Chile and Peru": the states the count lists
                return self._including_list(verb, offset, abs_tok_end(verb.sent[-1], offset))
        return None

    def _also_named(self, verb: Any, offset: int) -> list[str]:
        """States a clause names as doing the same as its subject or agent: 'Apart from D, ...', 'Besides D,
        ...', 'In addition to D, ...', 'Along with D, ...'."""
        found: list[str] = []
        for t in verb.subtree:
            if t.dep_ == "pobj" and clause_verb(t).i == verb.i and (
                    t.head.lower_ in _ALSO_PREPS or t.head.head.lower_ in _ALSO_HEADS):
                found += self._states_in(t, offset)
        return found

    def _named_by_copula(self, noun: Any, offset: int, end: int) -> list[str]:
        """'The states that have signed the treaty but not ratified it are China, Egypt and Iran', 'the last
        state to ratify was Ghana', 'Ghana was the last state to ratify', 'Burma and Swaziland became the
        latest countries to ratify', 'The states that ratified today are:' over a bulleted list: the states
        a copula equates with the countries a clause describes."""
        if noun.lemma_.lower() not in ("country", "state", "nation", "signatory", "member", "party", "one") \
                or noun.dep_ not in ("nsubj", "attr") or noun.head.lemma_ not in ("be", "become", "include") \
                or noun.head.lemma_ == "include" and noun.dep_ != "nsubj":
            return []
        # ("Nations that have recently joined it include A, B and C": the object names them)
        wanted = ("dobj", "obj") if noun.head.lemma_ == "include" else ("attr",) if noun.dep_ == "nsubj" else ("nsubj",)
        other = next((c for c in noun.head.children if c.dep_ in wanted), None)
        if other is None and self.article.text[:end].rstrip().endswith(":"):
            return self._bulleted_after(end)
        return self._states_in(other, offset) if other is not None else []

    def _other_party(self, treaty: str, states: list[str], sent: Any, offset: int, start: int, end: int) -> list[str]:
        """A bilateral treaty's act whose only state is the one named as the other side ("the Senate ratified
        the New START treaty with Russia", "I have given formal notice to Russia"): the act is the other party's."""
        t = self.x.registry.get(treaty)
        if t is None or len(t.parties) != 2 or len(states) != 1 or states[0] not in t.parties:
            return states
        # the other side: "with Russia", and who receives the notice: "gave formal notice to Russia", "informed Russia"
        partners = [span_of(p, offset) for p in sent if p.dep_ == "pobj" and (p.head.lower_ == "with" or (
            p.head.lower_ == "to" and p.head.head.lemma_.lower() in _NOTICE_WORDS)) or p.dep_ in ("dobj", "obj")
            and p.head.lemma_.lower() in ("notify", "inform", "tell")]
        named = [m for m in self.states if start <= m.start < end and self.lex.state_of(m) == states[0]]
        if named and all(m.kind in ("name", "alias", "capital") and any(s <= m.start < e for s, e in partners)
                         for m in named):  # (not "a bill to the State Duma": the state's own legislature)
            return [p for p in t.parties if p != states[0]]
        return states

    def _party_legislature(self, act: Act, treaty: str, states: list[str]) -> list[str]:
        """A bilateral treaty's step by a legislature named without its state ("the Senate ratified the New
        START treaty"): the party one of whose institutions bears that name (the US Senate), not a state
        named elsewhere in the sentence or before."""
        t = self.x.registry.get(treaty)
        if t is None or len(t.parties) != 2 or act.action != "parliament_approved":
            return states
        verb, subj = act.stage_verb, None
        while True:
            subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") or verb.pos_ == "NOUN"
                         and c.dep_ == "compound"), None)  # (a headline's "Senate votes to ratify ...")
            if subj is not None or verb.dep_ not in ("xcomp", "conj", "advcl") or verb.head.i == verb.i:
                break
            verb = verb.head
        if subj is None or not subj.text[:1].isupper() or any(c.dep_ in ("compound", "amod", "poss") for c in subj.children):
            return states  # "the Russian Duma", "the U.S. Senate": the lexicon names those
        owners = [p for p in t.parties if any(name.split()[-1] == subj.text for name in self.lex.states.get(
            p, {}).get("institutions", []))]
        return owners if len(owners) == 1 else states

    def _days_later(self, state: str, day: DateMention, start: int, end: int) -> DateMention | None:
        """The day of a state's act that the sentence counts from the act before, right after the state's
        name: "..., followed by Russia a day later" (the day after), "two days later", "a week later"."""
        for m in self.states:
            if start <= m.start < end and self.lex.state_of(m) == state:
                later = _DAYS_LATER.match(self.article.text, m.end)
                if later is not None:
                    n = int(later.group(1)) if later.group(1).isdigit() else NUMBERS.get(later.group(1).lower(), 0)
                    days = n * (7 if later.group(2).lower().startswith("week") else 1)
                    if days:
                        return dataclasses.replace(day, start=later.start() - start, end=later.end() - start,
                                                   text=later.group(0).strip(), date=day.date + dt.timedelta(days=days),
                                                   basis="relative", note=f"'{later.group(0).strip()}' after the act before")
        return None

    def _answered_by_list(self, act: Act, offset: int, end: int) -> list[str]:
        """The states of a list of dashes or bullets right after a question that asks who did the act
        ('Who has ratified? - Albania - Austria - ...', 'Which countries have joined?' over a bulleted
        list): the list answers it."""
        subj = next((c for c in act.stage_verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None or not (subj.lower_ == "who" or any(
                c.dep_ == "det" and c.lower_ in ("which", "what") for c in subj.children)) or any(
                c.dep_ == "aux" and c.tag_ == "MD" for c in act.stage_verb.children):
            return []  # (not "Who will ratify next?")
        text = self.article.text
        pos = text.find("?", abs_of(act.stage_verb, offset))
        if pos < 0 or pos >= end:
            return []
        found: list[str] = []
        for m in sorted(self.states, key=lambda m: m.start):
            if m.start <= pos:
                continue
            state = self.lex.state_of(m)
            if state is None or not _DASH_GAP.fullmatch(text, pos + 1, m.start):
                break
            found.append(state)
            pos = m.end
        return list(dict.fromkeys(found)) if len(found) > 1 else []

    def _bulleted_after(self, end: int) -> list[str]:
        """The states of the lines after a heading, one state a line ('- Ghana', '• Chile (2 May)'), up to
        the first line that is not one."""
        found: list[str] = []
        pos = self.article.text.find("\n", end - 1)
        while pos >= 0:
            nxt = self.article.text.find("\n", pos + 1)
            line_end = nxt if nxt >= 0 else len(self.article.text)
            line = self.article.text[pos + 1:line_end]
            lead = len(line) - len(line.lstrip(" \t-–•*·"))
            if line.strip():
                first = next((m for m in self.states if m.start == pos + 1 + lead and m.end <= line_end), None)
                rest = self.article.text[first.end:line_end] if first is not None else ""
                if first is None or not _BULLET_TAIL.fullmatch(rest) or self.lex.state_of(first) is None:
                    break
                found.append(str(self.lex.state_of(first)))
            pos = nxt
        return list(dict.fromkeys(found))

    def _numbered_states(self, subj: Any, offset: int, start: int) -> list[str]:
        """'the four countries' after 'coordinated with Latvia, Estonia and Poland': the states named
        before it in the sentence and the article's own state, when they are that many."""
        owners = [t for t in subj.children if t.dep_ == "prep" and t.lower_ in ("of", "for", "from")]  # "ministers for"
        noun = next((t for t in list(np_tokens(subj)) + [p for o in owners for p in o.children if p.dep_ == "pobj"]
                     if t.lemma_.lower() in ("country", "state", "nation", "government") and t.tag_ == "NNS"), None)
        count = next((c for c in noun.children if c.dep_ == "nummod"), None) if noun is not None else None
        if count is None or self._states_in(noun, offset):
            return []
        n = int(count.text) if count.text.isdigit() else NUMBERS.get(count.lower_, 0)
        at = abs_of(subj, offset)
        named = [str(self.lex.state_of(m)) for m in self.states if start <= m.start < at and m.kind in ("name", "alias")]
        own = self._resolve_reference(start)
        found = list(dict.fromkeys(named + ([own] if own else [])))
        if n >= 2 and len(found) != n:
            found = self._title_states()  # "Poland, Baltics signal plans ..." over "the four countries"
        return found if n >= 2 and len(found) == n else []

    def _title_states(self) -> list[str]:
        """The states the headline names, by name or as a group ("the Baltics")."""
        title = self.article.title
        named = [str(self.lex.state_of(m)) for m in self.title_states if m.kind in ("name", "alias")
                 and self.lex.state_of(m)]
        named += [ref for pattern, members in STATE_GROUPS for m in pattern.finditer(title) for ref in members.split("|")]
        return list(dict.fromkeys(named))

    def _colon_list(self, verb: Any, offset: int, end: int) -> list[str]:
        """The states listed after a colon that ends the clause, '...: Burundi and the Philippines.', or set
        off by dashes after it, 'Two countries have signed but not ratified it - Burma and Israel - while ...';
        in brackets, 'Two have signed it but not ratified (Chad and Haiti).'; not a list after a later clause
        with a subject of its own ('..., while four have not: A, B')."""
        for mark in [t for t in verb.sent if t.i > verb.i and t.text in (":", "—", "–", "--", "(")]:
            if any(v.i < mark.i and v.i != verb.i and v not in verb.conjuncts and v.pos_ in ("VERB", "AUX")
                   and any(c.dep_ in ("nsubj", "nsubjpass") for c in v.children) for v in verb.sent if v.i > verb.i):
                return []
            pos = abs_of(mark, offset) + len(mark.text)
            close = ")" if mark.text == "(" else mark.text
            stop = end if mark.text == ":" else next(
                (abs_of(t, offset) for t in verb.sent if t.i > mark.i and t.text == close), end)
            listed = self._names_list(pos, stop, r"\s*[.;]?\s*")
            if listed is None:
                continue
            if listed or mark.text == ":":
                return listed
        return []

    def _names_list(self, a: int, b: int, tail: str) -> list[str] | None:
        """The states named from ``a`` to ``b`` when that stretch is only a list of their names (joined by
        commas and 'and', ``tail`` after the last): [] when it names states but is no such list, None when
        it names none."""
        names = [m for m in self.states if a <= m.start < b and m.kind in ("name", "alias")]
        if not names:
            return None
        gaps = [self.article.text[a:names[0].start]] + [
            self.article.text[x.end:y.start] for x, y in zip(names, names[1:])] + [self.article.text[names[-1].end:b]]
        if re.fullmatch(r"\s*(?:the\s+)?", gaps[0]) and all(GAP_JOIN.fullmatch(g) for g in gaps[1:-1]) \
                and re.fullmatch(tail, gaps[-1]):
            return list(dict.fromkeys(str(self.lex.state_of(m)) for m in names))
        return []

    def _dashed_list(self, subj: Any, offset: int) -> list[str]:
        """The states a plural subject sets off between dashes, whatever the parse hangs them on: 'the
        neighbours of Belarus - Lithuania, Latvia and Estonia - have ...' (Belarus only describes them)."""
        opening = next((t for t in subj.subtree if t.text in ("—", "–", "--")), None)
        closing = next((t for t in subj.doc[opening.i + 1:subj.head.i] if t.text == opening.text), None) \
            if opening is not None and opening.i < subj.head.i else None
        if opening is None or closing is None:
            return []
        return self._names_list(abs_of(opening, offset) + len(opening.text), abs_of(closing, offset), r"\s*") or []

    def _including_list(self, verb: Any, offset: int, end: int) -> list[str]:
        """'23 countries have ratified it, including 14 EU members (Austria, Belgium, ...)', '..., including
        Chile and Peru': the states an 'including' phrase after the act lists for a subject that only counts."""
        word = next((t for t in verb.sent if t.i > verb.i and t.lower_ == "including"), None)
        head = word.head if word is not None else None
        while head is not None and head.i != verb.i:
            # hung on this act (its object), not on a clause of its own ("..., while powers including A have not")
            head = None if head.pos_ in ("VERB", "AUX") or head.head.i == head.i else head.head
        if word is None or head is None:
            return []
        names = [m for m in self.states if abs_of(word, offset) < m.start < end and m.kind in ("name", "alias")]
        run = next(iter(_name_runs(self.article.text, names, GAP_JOIN)), [])
        return list(dict.fromkeys(str(self.lex.state_of(m)) for m in run if self.lex.state_of(m)))

    def _named_among(self, subj: Any, offset: int) -> list[str]:
        """'A dozen governments, including Ghana and Kenya, have signed', 'countries such as Chile and Peru': the states
        a subject that only counts or describes names among its members ('including', 'among them', 'such as', 'like')."""
        found: list[str] = []
        for c in subj.children:
            if c.dep_ == "prep" and (c.lower_ in ("including", "like") or c.lower_ == "as" and any(
                    g.lower_ == "such" for g in c.children)) or c.dep_ == "appos" and any(
                    g.lower_ == "among" for g in c.children):
                found += [s for g in c.children if g.dep_ in ("pobj", "appos") for s in self._states_in(g, offset)]
        self.examples.update(found)
        return list(dict.fromkeys(found))

    def _listed_next(self, subj: Any, end: int) -> list[str]:
        """'... and four more have signed it without ratifying. The four are Chad, Haiti, ...': the states
        the next sentence lists for a subject that only counts them."""
        number = subj if subj.tag_ == "CD" else next((c for c in subj.children if c.dep_ == "nummod"), None)
        n = (int(number.text) if number.text.isdigit() else NUMBERS.get(number.lower_, 0)) if number is not None else 0
        after = next(((s, e) for s, e in self.sentence_spans if s >= end), None)
        if not n or after is None:
            return []
        lead = _LIST_LEAD.match(self.article.text, after[0], after[1])
        if lead is None:
            return []
        names = [m for m in self.states if lead.end() <= m.start < after[1] and m.kind in ("name", "alias")]
        gaps = [self.article.text[a.end:b.start] for a, b in zip(names, names[1:])]
        states = list(dict.fromkeys(str(self.lex.state_of(m)) for m in names))
        return states if len(states) == n and all(GAP_JOIN.fullmatch(g) for g in gaps) else []

    def _states_in(self, token: Any, offset: int) -> list[str]:
        """States named in the phrase headed by ``token`` (conjuncts and 'of' phrases included;
        not relative clauses or other prepositional phrases: 'states bordering Russia')."""
        ranges = [(abs_of(t, offset), abs_of(t, offset) + len(t.text)) for t in np_tokens(token)]
        found: list[str] = []
        for m in self.groups:
            if any(s <= m.start < e for s, e in ranges):
                found.extend(x for x in m.ref.split("|") if x not in found)
        for m in self.states:
            if any(s <= m.start < e for s, e in ranges):
                state = self.lex.state_of(m)
                if state and state not in found:
                    found.append(state)
        # "the defence ministers of Estonia, Latvia and Lithuania" / "Lithuanian Foreign Minister X"
        return found

    def _states_in_token(self, token: Any, offset: int) -> list[str]:
        s = abs_tok_start(token, offset)
        e = abs_tok_end(token, offset)
        return [str(self.lex.state_of(m)) for m in self.states if s <= m.start and m.end <= e and self.lex.state_of(m)]

    def _person_in(self, token: Any, offset: int) -> str | None:
        s = abs_tok_start(token.left_edge, offset)
        e = abs_tok_end(token.right_edge, offset)
        for p in self.persons:
            if s <= p.start and p.end <= e:
                return p.text
        return None

    def _plural_reference(self, start: int, pronoun_at: int) -> list[str]:
        """'Their withdrawals took effect ...' after a sentence naming several states: those states
        (when the sentence itself names none before the pronoun)."""
        if any(start <= m.start < pronoun_at for m in self.states):
            return []
        prev = next(((s, e) for s, e in reversed(self.sentence_spans) if e <= start), None)
        if prev is None:
            return []
        named = [self.lex.state_of(m) for m in self.states if prev[0] <= m.start < prev[1] and m.kind in ("name", "alias")]
        named.extend(ref for g in self.groups if prev[0] <= g.start < prev[1] for ref in g.ref.split("|"))
        # only states the article is about (headline or claims so far): not 'Russia and Belarus' as the threat
        known = {self.lex.state_of(m) for m in self.title_states} | set(self.claimed_states)
        found = list(dict.fromkeys(str(n) for n in named if n and n in known))
        return found if len(found) > 1 else []

    def _resolve_reference(self, before: int, pronoun_at: int | None = None) -> str | None:
        """The state a pronoun or 'the government' most likely means: for a pronoun, a state
        named earlier in the same sentence ('he'/'she': the state of the official named last);
        else the state of the last claim, the headline's state, or the last state named."""
        word = self.article.text[pronoun_at:pronoun_at + 4].lower() if pronoun_at is not None else ""
        if pronoun_at is not None and word.split(" ")[0].rstrip(".,") in ("he", "she", "his", "her"):
            end = self.article.text.find(".", pronoun_at)
            people = [m for m in self.states if m.kind == "official" and m.start < (end if end > 0 else pronoun_at)]
            if people:
                after = [m for m in people if m.start > pronoun_at]
                return self.lex.state_of(after[0] if after and not [m for m in people if before <= m.start < pronoun_at] else people[-1])
        if pronoun_at is not None:
            here = [m for m in self.states if before <= m.start < pronoun_at and m.kind in ("name", "alias", "capital")]
            if here:
                return self.lex.state_of(here[-1])
            previous = self._only_state_before(before) if word.split(" ")[0] in ("it", "they") else None
            if previous:
                return previous
        if self.claimed_states:
            return self.claimed_states[-1]
        title = [self.lex.state_of(m) for m in self.title_states if m.kind != "official"]
        if title:
            return title[0]
        prior = [m for m in self.states if m.start < before and m.kind in ("name", "alias", "demonym")]
        return self.lex.state_of(prior[-1]) if prior else None

    def _only_state_before(self, start: int) -> str | None:
        """The one state the sentence before ``start`` names, which a sentence opening with 'it' or 'they' most
        likely goes on about ('France declared an emergency. And they have suspended the convention')."""
        prev = next(((s, e) for s, e in reversed(self.sentence_spans) if e <= start), None)
        if prev is None:
            return None
        named = {self.lex.state_of(m) for m in self.states if prev[0] <= m.start < prev[1]
                 and m.kind in ("name", "alias", "capital", "demonym")}
        return str(next(iter(named))) if len(named) == 1 and None not in named else None

    def _quote_speaker(self, pos: int) -> str | None:
        for q in self.quotes:
            if q[0] <= pos < q[1]:
                return self._attribution(q)
        return None

    def _attribution(self, quote: tuple[int, int]) -> str | None:
        text = self.article.text
        tail = text[quote[1]: quote[1] + 80]
        m = re.match(r"\s*,?\s*(?:(?P<pro>he|she|they)\s+(?:said|wrote|added|stated|noted|posted|told)|(?:said|wrote|added|stated)\s+(?P<name>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2}))", tail)
        if m and m.group("name"):
            return m.group("name")
        prior = [p for p in self.persons if p.start < quote[0]]
        return prior[-1].text if prior else None

    # -- dates ---------------------------------------------------------------------------
    def _dates_by_year_hint(self, text: str, start: int) -> list[DateMention]:
        """With no publication date, a day and month without a year ("on 14 February") take the year the
        article wrote last in the few sentences before (else first in the sentence), as a reader would;
        only dates the text spells out, since "today" or "on Friday" need the publication day."""
        explicit = find_dates(text, None)
        before = [int(y) for y in YEAR_WRITTEN.findall(self.article.text, max(0, start - YEAR_HINT_REACH), start)]
        hint = before[-1] if before else next((int(y) for y in YEAR_WRITTEN.findall(text)), None)
        if hint is None:
            return explicit
        taken = [(d.start, d.end) for d in explicit]
        hinted = [dataclasses.replace(d, note=f"year {hint} taken from the year the article names before")
                  for d in find_dates(text, dt.date(hint, 12, 31)) if d.basis == "explicit" and d.note
                  and "publication" in d.note and not any(s < d.end and d.start < e for s, e in taken)]
        return sorted(explicit + hinted, key=lambda d: d.start)

    def _date_for(self, act: Act, sent: Any, offset: int, start: int, end: int, modality: str
                  ) -> tuple[tuple[DateMention | None, str], list[str], float, dt.date | None]:
        pub = self.published
        base = self.dateline or pub
        text = self.article.text[start:end]
        mentions = find_dates(text, base) if base is not None else self._dates_by_year_hint(text, start)
        def in_dateline(d: DateMention) -> bool:
            return self.dateline_start <= start + d.start < self.dateline_end

        if self.dateline_end and start < self.dateline_end:
            rest = [d for d in mentions if not in_dateline(d)]
            mentions = rest or mentions
        if self.dateline is not None:
            mentions = [dataclasses.replace(d, basis="dateline")
                        if d.basis == "relative" or in_dateline(d) else d for d in mentions]
        if base is not None:  # "on 14 March last year", "in April last year": the year before publication
            mentions = [dataclasses.replace(d, date=d.date.replace(year=base.year - 1), note="year taken as last year")
                        if d.note and "publication" in d.note and LAST_YEAR.match(text, d.end) else d
                        for d in mentions]
        notes: list[str] = []
        named_day = self._named_day(act, mentions, start, offset)
        if named_day is not None:
            return (named_day, named_day.basis), notes, 0.0, None
        mark = next((c for c in act.stage_verb.children if c.dep_ == "mark" and c.lower_ in (
            "after", "before", "since", "until")), None) if act.stage_verb.dep_ == "advcl" else None
        if not mentions and mark is not None and modality == "asserted":
            return self._counted_date(mark, mentions, start, offset), notes, 0.0, None
        if not mentions:
            # "Lithuania and Estonia deposited their notices on the same day": the day of the act named before;
            # "... and both chambers passed it the next day": the day after
            own_s, own_e = span_of(act.stage_verb, offset)
            same = SAME_DAY.search(self.article.text, own_s, own_e) or SAME_DAY.search(text)
            before = self.last_day.get(act.action, self.last_day.get(""))
            if same and before is not None and modality == "asserted":
                later = 1 if same.group(0).lower().endswith(("next day", "following day")) else 0
                notes.append(f"'{same.group(0)}' counted from the date of the act named before")
                return (dataclasses.replace(before, start=same.start(), end=same.end(), text=same.group(0),
                                            date=before.date + dt.timedelta(days=later)),
                        before.basis), notes, -0.05, None
            if pub is not None and modality == "asserted" and act.stage_verb.tag_ == "VBZ" \
                    and text.strip() == self.article.title.strip():
                # "Russia ratifies Kyoto treaty": a headline in the present tense reports the day's news
                notes.append("a headline in the present tense: the day of publication")
                return (DateMention(0, len(text), text, pub, "relative", "day"), "relative"), notes, -0.05, None
            return (None, "bounded" if pub else "unknown"), notes, 0.0, None
        verb_pos = abs_of(act.stage_verb, offset) - start
        sub_s = abs_tok_start(act.stage_verb.left_edge, offset) - start
        sub_e = abs_tok_end(act.stage_verb.right_edge, offset) - start

        if act.action not in ("took_effect", "intent_announced") and base is not None and modality == "asserted":
            mentions = [d for d in mentions if d.date <= base + dt.timedelta(days=1)] or []
            if not mentions:
                return (None, "bounded"), notes, 0.0, None
        until = until_of(act.stage_verb) if any(c.dep_ == "neg" for c in act.stage_verb.children) else None
        if until is not None:  # "did not ratify it until 2012"
            u_s, u_e = (a - start for a in span_of(until, offset))
            year = YEAR.search(text, u_s, u_e)  # "until 2012" is not a date expression of its own
            mentions = [d for d in mentions if u_s <= d.end <= u_e] or ([DateMention(
                year.start(), year.end(), year.group(0), dt.date(int(year.group(0)), 1, 1), "explicit", "year")]
                if year else mentions)
        elif act.action != "took_effect":
            kept = [d for d in mentions if not EFFECT_BEFORE.search(text[max(0, d.start - 40): d.start])]
            mentions = kept or mentions
        # a date inside a relative clause or a participle describing another noun dates that clause's event:
        # "sent a bill to the Riigikogu, which adopted it on 4 June", "joined the pact, approved by the General
        # Assembly in 2013" (not the act's own instrument: "in an executive order signed on 20 January")
        nested = [span_of(t, offset) for t in act.stage_verb.subtree
                  if (t.dep_ == "relcl" or t.dep_ == "acl" and t.tag_ == "VBN" and t.head.i != act.core.i
                      and t.head.lemma_.lower() not in DECREE_WORDS | LAW_WORDS | INSTRUMENT_WORDS)
                  and t.pos_ == "VERB" and t.i != act.stage_verb.i]
        # a date in a prepositional or adverbial clause of another act dates that act: "ratified it, though it had
        # been one of the first signatories back in 1972", "ratified it after signing it in 1996"
        nested += [span_of(t, offset) for t in act.stage_verb.subtree
                   if t.pos_ == "VERB" and t.lemma_.lower() in _act_lemmas(self.lex)
                   and t.lemma_.lower() != act.stage_verb.lemma_.lower() and _under_clause(t, act.stage_verb)]
        mentions = [d for d in mentions if not any(ns - start <= d.start < ne - start for ns, ne in nested)]
        if not mentions:
            return (None, "bounded"), notes, 0.0, None
        if act.stage_verb.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in act.stage_verb.children) \
                and not any(sub_s <= d.start and d.end <= sub_e for d in mentions):
            # "Parliament gave its consent on 19 June, and President Stubb then decided on the withdrawal": another
            # actor's clause, undated
            return (None, "bounded"), notes, 0.0, None
        if mark is not None:
            # "signed the law on 29 May, after the Duma had approved it": the main clause's date is not this act's,
            # unless counted from it: "approved it on 25 March, a week after the ministers recommended leaving"
            own = [d for d in mentions if sub_s <= d.start and d.end <= sub_e]
            if not own:
                return self._counted_date(mark, mentions, start, offset), notes, 0.0, None
            mentions = own
        parent = next((a for a in ancestor_clauses(act.stage_verb)
                       if a.lemma_.lower() not in REPORTING_VERBS), None) if act.stage_verb.dep_ in ("xcomp", "conj", "advcl") else None
        par_s, par_e = (span_of(parent, offset) if parent is not None else (0, 0))

        # the verb's own clause first: "the government began preparations in April, parliament approved the
        # withdrawal in June" dates the approval in June
        own_ranges = [(a - start, b - start) for a, b in clause_ranges(act.stage_verb, offset)]

        earlier = [(a - start, b - start) for a, b in (span_of(c, offset) for c in act.stage_verb.children if c.dep_ == "prep"
                   and c.lower_ in ("following", "after", "before", "since"))]

        def score(d: DateMention) -> tuple[int, int]:
            if any(a <= d.start < b for a, b in earlier):
                inside = 3  # "Following its expulsion on 16 March, Russia ceased to be a party on 16 September"
            elif any(a < d.end <= b for a, b in own_ranges):  # (a month mention may start at the space before it)
                inside = -1
            elif sub_s <= d.start and d.end <= sub_e:
                inside = 0
            elif parent is not None and par_s - start <= d.start and d.end <= par_e - start:
                inside = 1
            else:
                inside = 2
            return inside, abs(d.start - verb_pos)

        best = min(mentions, key=score)
        outside = not (sub_s <= best.start and best.end <= sub_e)
        progressive = act.stage_verb.tag_ == "VBG" and any(c.dep_ == "aux" and c.lemma_ == "be"
                                                            for c in act.stage_verb.children)
        if outside and best.precision == "day" and act.action != "intent_announced" and not progressive:
            # ("said on Tuesday that Russia was suspending ...": the saying is the act)
            reporter = self._reporting_ancestor(act.stage_verb, start + best.start, offset)
            if reporter is not None:
                # "The UN confirmed on Tuesday that the US has notified it": Tuesday dates the
                # report; the act happened no later than that.
                notes.append(f"'{best.text}' dates the report ('{reporter}'), not the act; the act is bounded by it")
                return (None, "bounded"), notes, 0.0, best.date
        if outside and len({(d.date, d.precision) for d in mentions}) > 1:
            notes.append(f"date '{best.text}' is the nearest of several in the sentence")
        adj = 0.0
        if best.note:
            notes.append(best.note)
        if best.contradiction:
            notes.append(best.contradiction)
            adj -= 0.2
        if best.basis == "relative" and self._in_quote(start + best.start):
            notes.append(f"'{best.text}' is inside a quotation; resolved against the publication date")
        if pub and best.date > pub and modality == "asserted" and best.basis == "explicit" and best.note:
            notes.append("date after publication")
        return (best, best.basis), notes, adj, None

    @staticmethod
    def _named_day(act: Act, mentions: list[DateMention], start: int, offset: int) -> DateMention | None:
        """'a pledge of 4 November, the day Canada left the pact': the date the clause's 'day'
        stands in apposition to."""
        day = act.stage_verb.head
        if act.stage_verb.dep_ != "relcl" or day.lemma_.lower() not in ("day", "date") or day.dep_ != "appos":
            return None
        at = abs_of(day.head, offset) - start
        return next((d for d in mentions if d.start <= at < d.end and d.precision == "day"), None)

    def _counted_date(self, mark: Any, mentions: list[DateMention], start: int, offset: int
                      ) -> tuple[DateMention | None, str]:
        """'on 25 March, a week after ...': the day counted back (or forward) from the main clause's date
        (a main clause in the past: 'the exit takes effect six months after the notice' is a rule)."""
        main = mark.head.head
        if any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX | HYPOTHETICAL_AUX for c in main.children) or (
                main.tag_ in ("VB", "VBZ", "VBP") and main.lemma_.lower() not in ("come", "follow")):
            return None, "bounded"
        at = abs_of(mark, offset) - start
        m = COUNT_BEFORE.search(self.article.text[start:start + at])
        base = [d for d in mentions if d.end <= at and d.precision == "day"]
        if not base and "" in self.last_day:
            base = [self.last_day[""]]  # "The decision came a week after ...": the act named before
        if m is None or not base:
            return None, "bounded"
        date = _count_back(base[-1].date, m, mark.lower_)
        if date is None:
            return None, "bounded"
        return DateMention(m.start(), at, m.group(0), date, base[-1].basis, "day",
                           note=f"counted from '{base[-1].text}'"), base[-1].basis

    def _reporting_ancestor(self, verb: Any, pos: int, offset: int) -> str | None:
        for anc in ancestor_clauses(verb):
            if anc.lemma_.lower() in REPORTING_VERBS:
                s, e = span_of(anc, offset)
                if s <= pos < e:
                    return str(anc.text)
        return None

    def _in_quote(self, pos: int) -> bool:
        return any(s <= pos < e for s, e in self.quotes)

    # -- claim ----------------------------------------------------------------------------
    def _claim(self, act: Act, treaty_id: str, state: str, modality: str,
               date_info: tuple[DateMention | None, str], notes: list[str], conf_adj: float,
               actor: str | None, start: int, end: int, bound: dt.date | None = None) -> Claim:
        mention, basis = date_info
        pub = self.published
        date = mention.date if mention else None
        precision = mention.precision if mention else None
        past = act.stage_verb.tag_ == "VBD" or any(c.lemma_ == "have" and c.dep_ == "aux" for c in act.stage_verb.children)
        if act.action == "took_effect" and (modality != "asserted" or not past) and date and pub and date < pub \
                and mention and mention.note:
            date = date.replace(year=date.year + 1)  # "takes effect on 27 December": the coming one
        if act.action == "took_effect" and modality == "asserted" and date and pub and date > pub:
            modality = "planned"  # a withdrawal that takes effect after publication has not happened yet
        background = bool(date and pub and (pub - date).days > 365 and modality == "asserted")
        confidence = max(0.05, min(0.97, act.cue_strength + conf_adj + (0.05 if basis == "explicit" else 0.0)))
        all_notes = ([act.note] if act.note else []) + notes
        text = self.article.text[start:end]
        quotes = tuple(
            self._quote(s, e, state) for s, e in self.quotes if s < end and start < e
        )
        return Claim(
            article=self.article.id,
            state=state,
            treaty=treaty_id,
            action=act.action,
            date=date,
            date_basis=basis if date is not None else ("bounded" if pub else "unknown"),
            date_precision=precision,
            bound=bound or self.dateline or pub,
            modality=modality,
            confidence=round(confidence, 3),
            evidence=Evidence(start, end, text),
            actor=actor or self._quote_speaker(start) or self._person_between(start, end),
            quotes=quotes,
            notes=tuple(all_notes),
            background=background,
            instrument=act.instrument,
        )

    def _quote(self, s: int, e: int, claim_state: str) -> Quote:
        speaker = self._attribution((s, e))
        official = self.lex.officials.get(speaker or "")
        role = official.role if official else None
        state = (official.state if official and official.state else None) or claim_state
        if speaker and role is None:
            at = self.article.text.find(speaker)
            m = ROLE_BEFORE.search(self.article.text[max(0, at - 60): at]) if at >= 0 else None
            role = m.group(1).strip().lower() if m else None
        return Quote(self.article.text[s:e], s, e, speaker=speaker, role=role, state=state, channel=self._channel(s))

    def _person_between(self, start: int, end: int) -> str | None:
        return next((p.text for p in self.persons if start <= p.start < end), None)

    def _channel(self, pos: int) -> str | None:
        window = self.article.text[max(0, pos - 300): pos + 300]
        m = re.search(r"\b(?:on|via|in a post on)\s+(?:the\s+)?(?:social\s+(?:media|network)\s+)?(?:platform\s+)?(X|Twitter|Telegram|Facebook|Instagram)\b", window)
        return m.group(1) if m else None


