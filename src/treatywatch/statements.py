"""Statements: who said what about a treaty act, on which channel, for or against it, and why.

A *statement* is a direct quotation or a reported statement ("Tsahkna also noted that ...") by
an official, a government body or an organisation, in an article about a treaty act (done,
planned or only possible).  Each one names its speaker (and role), the state or body the speaker
speaks for, the channel (a post on X, Telegram or Facebook; a press conference; a statement; an
interview; a parliament debate), its date, its exact span, the act it concerns (treaty and state,
plus the action of the claim it goes with), its stance on that act (``for``, ``against``,
``neutral``) and the reasons it gives, each with the words that carry it.

The rules (reporting verbs, roles, bodies, organisations, channels, stance and reason words) are
in ``data/statements.json``.  This stage reads the article text and the claims extraction found
in it; it never makes claims: a statement by an NGO, the UN or another state is kept as a
statement marked ``other`` and says nothing about what a state did.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import hashlib
import json
import re
from collections.abc import Iterable, Sequence
from importlib import resources
from typing import Any

from .dates import find_dates
from .evaluate import Scores
from .gate import WEAK_TREATIES, Lexicon, default_lexicon, split_sentences
from .models import REASON_LABELS, Article, Claim, Event, Reason, Statement, direction

_NAME_TOKEN = r"[A-ZÀ-ŽĀ-ž][\w’'.-]*[\w]"
_NAME = rf"{_NAME_TOKEN}(?:\s+(?:{_NAME_TOKEN}|(?:de|van|von|bin)\b|al-\w+)){{1,2}}"
_QUOTE = re.compile(r"“[^”]{3,}?”|\"[^\"]{3,}?\"")
_EXTRA_SPLIT = re.compile(r"(?<=[a-z]{2}[.!?])(?=[“\"]?[A-Z])|(?<=[a-z]{2}[.!?][”\"])(?=\s*[A-Z])|\n+")


def _extra_cuts(sentence: str) -> list[int]:
    """Where ``_EXTRA_SPLIT`` cuts ``sentence`` (the ends of its matches).  A match is a line
    break or comes after a '.', '!' or '?' with a character after it, so a sentence with
    neither (most) is not searched."""
    head = sentence[:-1]
    if "\n" not in sentence and "." not in head and "!" not in head and "?" not in head:
        return []
    return [m.end() for m in _EXTRA_SPLIT.finditer(sentence)]


_STOP_NAME = {"The", "In", "On", "At", "But", "And", "If", "As", "A", "An", "It", "This", "That", "Speaking",
              "According", "Once", "Any", "After", "Before", "When", "While", "His", "Her", "Their", "Its",
              "Earlier", "Later", "Meanwhile", "However", "Former", "Also", "Then", "Now", "Today", "Yesterday"}
# the last word of a name that is an institution, a paper or a party, not a person
_BODY_WORDS = {"Council", "Ministry", "Court", "Committee", "Commission", "Office", "Department", "House", "Agency",
               "Party", "Union", "Organization", "Organisation", "Programme", "Program", "Group", "Association",
               "Government", "Assembly", "Parliament", "Senate", "Congress", "Duma", "Times", "Post", "News",
               "Press", "Service", "Convention", "Treaty", "Protocol", "Statute", "Agreement", "Forces", "Nations",
               "States", "Kingdom", "Republic", "Federation", "Alliance", "Day", "Minister", "President"}
_PARTICLES = {"de", "van", "von", "bin", "da", "del", "der", "al"}


@dataclasses.dataclass(frozen=True)
class Rules:
    """The compiled ``data/statements.json``."""

    verbs: re.Pattern[str]
    roles: re.Pattern[str]
    role_words: tuple[str, ...]
    bodies: re.Pattern[str]
    institution_states: dict[str, str]
    organisations: dict[str, str]
    orgs: re.Pattern[str]
    not_speakers: re.Pattern[str]
    channels: tuple[tuple[str, re.Pattern[str]], ...]
    denial: re.Pattern[str]
    against: re.Pattern[str]
    support: re.Pattern[str]
    leave_acts: re.Pattern[str]
    join_acts: re.Pattern[str]
    keep_acts: re.Pattern[str]
    reasons: tuple[tuple[str, re.Pattern[str]], ...]
    # patterns of persons and speakers around the roles and verbs (``_ArticleStatements``)
    role_name: re.Pattern[str]  # "Foreign Minister Margus Tsahkna"
    name_role: re.Pattern[str]  # "Ali Salajegheh, the head of ...,"
    role_before: re.Pattern[str]  # a role right before an official's name
    role_mention: re.Pattern[str]  # a role without a name: "the Estonian Foreign Minister"
    quote_tail: re.Pattern[str]  # who said a quotation, after it: '", the minister said'


def _cue(phrase: str) -> str:
    parts = []
    for token in phrase.split():
        if token == "*":
            parts.append(r"(?:[\w’'.-]+\s+){1,4}?")
        elif token.endswith("*"):
            parts.append(re.escape(token[:-1]) + r"[\w-]*\s+")
        else:
            parts.append(re.escape(token) + r"\s+")
    body = "".join(parts)
    body = body[: -len(r"\s+")] if body.endswith(r"\s+") else body
    return rf"{body}(?![\w-])" if not phrase.endswith("*") else body


# What an ASCII letter matches under re.IGNORECASE besides its two cases (Unicode simple case
# folding); tests/test_statements.py checks every code point.
_OTHER_CASES = {"i": "İı", "k": "\u212a", "s": "ſ"}


def _first_chars(char: str, ignorecase: bool) -> str | None:
    """The characters that ``char``, the first of a phrase, matches: itself when case counts,
    else its cases; None for a character other than an ASCII letter when case does not count."""
    if not ignorecase:
        return char
    if not (char.isascii() and char.isalpha()):
        return None
    low = char.lower()
    return low + low.upper() + _OTHER_CASES.get(low, "")


def _by_first_char(alternatives: Iterable[tuple[str, str]], ignorecase: bool) -> str | None:
    """``(?:a|b|...)`` of the alternatives, each given as its first character and the pattern of
    the rest, to be compiled with re.IGNORECASE or without (``ignorecase``), alone or inside
    another pattern; None when a first character is no ASCII letter under re.IGNORECASE.

    The alternatives are grouped by their first character, written as a class that matches
    exactly what that character matches under the flags (``(?-i:[fF])``): the engine skips a
    group whose class does not match in one step, where it would enter every alternative that
    begins with a letter under re.IGNORECASE.  Only one group can match at a position and the
    alternatives keep their order within it, so every match is the same."""
    groups: dict[str, list[str]] = {}
    for first, rest in alternatives:
        chars = _first_chars(first, ignorecase)
        if chars is None:
            return None
        groups.setdefault(chars, []).append(rest)
    return "(?:" + "|".join(f"(?-i:[{re.escape(chars)}])(?:{'|'.join(rests)})" for chars, rests in groups.items()) + ")"


def _alternation_source(phrases: Iterable[str], ignorecase: bool) -> str:
    """One pattern for the phrases, longest first, each starting at a word start, to be compiled
    with re.IGNORECASE or without (``ignorecase``), alone or inside another pattern.  The shared
    look-behind stands once in front, so the engine tests it once a position, not once a phrase;
    the phrases are grouped by their first character (``_by_first_char``)."""
    ordered = sorted(set(phrases), key=len, reverse=True)
    grouped = None
    if all(p[:1].strip() and p[0] != "*" for p in ordered):  # each begins with the character of its cue
        grouped = _by_first_char(((p[0], _cue(p)[len(re.escape(p[0])):]) for p in ordered), ignorecase)
    return r"(?<![\w-])" + (grouped or "(?:" + "|".join(_cue(p) for p in ordered) + ")")


def _alternation(phrases: Iterable[str], flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """The phrases' ``_alternation_source``, compiled with ``flags``."""
    return re.compile(_alternation_source(phrases, bool(flags & re.IGNORECASE)), flags)


# "President Bush", "Prime Minister Mahathir": a title and a surname alone (a text that holds none of
# the titles is not searched)
_TITLES = ("President", "Prime Minister", "Chancellor", "Minister", "Secretary", "Senator", "Sen.", "Ambassador", "Premier",
           "Dr")
_TITLE_SURNAME = re.compile(rf"(?P<role>(?:[A-Z][\w’'.-]+\s+){{0,2}}(?:{'|'.join(map(re.escape, _TITLES))}))"
                            rf"\s+(?P<name>[A-Z][\w’'-]{{2,}})\b(?![’']s\b)(?!\s+[A-Z])")
# "the head of the agency, Ali Salajegheh,": a word that begins such a role, the role, then the name
_HEAD_WORDS = ("head", "chief", "leader", "director", r"spokes\w+", "minister", "president", "ambassador", "adviser",
               "advisor", "chairman", "chairwoman", "chair", "secretary", "envoy", "deputy", "official")
_ROLE_COMMA_NAME = re.compile(rf"(?P<role>\b(?i:{_by_first_char(((w[0], w[1:]) for w in _HEAD_WORDS), True)})\b"
                              rf"[^,.;]{{0,70}}),\s+(?P<name>{_NAME}),")


@functools.lru_cache(maxsize=1)
def load_rules() -> Rules:
    """``data/statements.json``, compiled (read once)."""
    raw: dict[str, Any] = json.loads(resources.files("treatywatch").joinpath("data/statements.json")
                                     .read_text(encoding="utf-8"))
    for code, _label, _words in raw["reasons"]:
        if code not in REASON_LABELS:
            raise ValueError(f"data/statements.json: unknown reason {code!r}")
    orgs = dict(raw["organisations"])
    roles, roles_cased = _alternation_source(raw["roles"], True), _alternation_source(raw["roles"], False)
    return Rules(
        verbs=_alternation(raw["reporting_verbs"]),
        roles=_alternation(raw["roles"]),
        role_words=tuple(raw["roles"]),
        bodies=_alternation(raw["government_bodies"], 0),
        institution_states=dict(raw["institution_states"]),
        organisations=orgs,
        orgs=_alternation(orgs, 0),
        not_speakers=_alternation(raw["not_speakers"], 0),
        channels=tuple((name, re.compile(rx)) for name, rx in raw["channels"]),
        denial=_alternation(raw["stance"]["denial"]),
        against=_alternation(raw["stance"]["against"]),
        support=_alternation(raw["stance"]["for"]),
        leave_acts=_alternation(raw["stance"]["leave_acts"]),
        join_acts=_alternation(raw["stance"]["join_acts"]),
        keep_acts=_alternation(raw["stance"]["keep_acts"]),
        reasons=tuple((code, _alternation(words, re.IGNORECASE if code != "alliance" else 0))
                      for code, _label, words in raw["reasons"]),
        role_name=re.compile(rf"(?P<role>(?:(?:[A-Z][\w’'.-]+|the country's|[a-z]+-level)\s+){{0,3}}(?i:{roles}))"
                             rf"\s+(?P<name>{_NAME})"),
        name_role=re.compile(rf"(?P<name>{_NAME}),\s+(?P<role>(?:the\s+)?[^,.;]{{0,60}}?\b(?i:{roles})\b[^,.;]{{0,60}})[,.]"),
        role_before=re.compile(rf"((?:[A-Z][\w’'-]+\s+){{0,3}}(?:{roles_cased}))\s*$"),
        role_mention=re.compile(rf"\b(?:the\s+)?(?P<qual>(?:[A-Z][\w’'-]+(?:'s)?\s+){{1,2}})(?P<role>{roles_cased})\b"),
        quote_tail=re.compile(rf"\s*,?\s*(?P<who>[^,.“”\"]{{1,70}}?)\s+(?P<verb>{_alternation_source(raw['reporting_verbs'], True)})",
                              re.IGNORECASE),
    )


@dataclasses.dataclass
class _Speaker:
    """A speaker mention in the text: a person, a pronoun, a government body or an organisation."""

    start: int
    end: int
    name: str | None
    kind: str  # official | government | organisation | pronoun | blocked
    role: str | None = None
    state: str | None = None
    body: str | None = None
    group: bool = False
    adjacent: bool = False  # a speaker only when right before its verb


@dataclasses.dataclass
class _Person:
    name: str
    start: int
    end: int
    role: str | None
    state: str | None


class _ArticleStatements:
    def __init__(self, article: Article, claims: Sequence[Claim], lexicon: Lexicon) -> None:
        self.article = article
        self.text = article.text
        self.claims = [c for c in claims if c.article == article.id or not c.article]
        self.lex = lexicon
        self.rules = load_rules()
        self.treaties = lexicon.treaty_mentions(self.text)
        self.title_treaties = lexicon.treaty_mentions(article.title)
        self.states = [m for m in lexicon.state_mentions(self.text)
                       if not any(t.start <= m.start < t.end for t in self.treaties)]
        self.published = article.published.date() if article.published else None
        self.main_state = self._main_state()
        self.persons = self._persons()
        self.sentences = self._sentences()
        self.out: list[Statement] = []
        self.last_speaker: _Speaker | None = None
        self.channel_of: dict[str, str] = {}

    # -- article-level facts --------------------------------------------------------------
    def _main_state(self) -> str | None:
        acted = [c.state for c in self.claims if c.modality == "asserted"] or [c.state for c in self.claims]
        if acted:
            return acted[0]
        title = [self.lex.state_of(m) for m in self.lex.state_mentions(self.article.title) if m.kind != "official"]
        if title and title[0]:
            return title[0]
        counts: dict[str, int] = {}
        for mn in self.states:
            code = self.lex.state_of(mn)
            if code and mn.kind != "official":
                counts[code] = counts.get(code, 0) + 1
        return max(counts, key=lambda k: counts[k]) if counts else None

    def _state_in(self, s: int, e: int) -> str | None:
        for mn in self.states:
            if s <= mn.start and mn.end <= e and mn.kind != "official":
                return self.lex.state_of(mn)
        if re.search(r"\bthe country's\b|\bthe government's\b", self.text[s:e]):
            return self.main_state
        return None

    def _persons(self) -> list[_Person]:
        text, rules = self.text, self.rules
        people: list[_Person] = []

        def add(name: str, s: int, e: int, role: str | None, state: str | None) -> None:
            name = name.strip()
            words = name.split()
            if words[0] in _STOP_NAME or any(p.start < e and s < p.end for p in people):
                return
            if any(not w[0].isupper() and w not in _PARTICLES and not w.startswith("al-") for w in words):
                return  # "Earlier today": a name is capitalised throughout
            if words[-1] in _BODY_WORDS or any(rules.verbs.fullmatch(w) for w in words):
                return  # "Foreign Ministry", "Trump Says He"
            for rx in (rules.orgs, rules.bodies):
                if any(m.start() < e and s < m.end() for m in rx.finditer(text, max(0, s - 80), min(len(text), e + 80))):
                    return  # "(International Campaign to) Ban Landmines"
            if role and re.search(r"\b(?:former|ex-)\s*$|\b(?:[Ff]ormer|[Ee]x-)", text[max(0, s - 60):s].split(",")[-1]
                                  + " " + role):
                state = ""  # a former official speaks for no state
            if any(m.start <= s < m.end and m.kind in ("name", "alias", "institution", "capital") for m in self.states):
                return
            people.append(_Person(name, s, e, role, state))

        for mn in self.states:
            if mn.kind == "official" and " " in mn.text:
                off = self.lex.officials.get(mn.ref)
                role = self._role_before(mn.start)
                add(mn.ref, mn.start, mn.end, role or (off.role if off else None), off.state if off else None)
        for m in rules.role_name.finditer(text):
            role = m.group("role")
            state = self._state_in(m.start("role"), m.end("role")) or self._state_of_after(m.end("name"))
            if state is None and self._org_in(m.start("role"), m.end("role")):
                state = ""  # "Convention spokeswoman Laila Rodriguez", "OPCW spokesman": no state
            add(m.group("name"), m.start("name"), m.end("name"), role.strip(), state)
        # "President Bush", "Prime Minister Mahathir": a title and a surname alone
        for m in _TITLE_SURNAME.finditer(text) if any(title in text for title in _TITLES) else ():
            if m.group("name") in _STOP_NAME or m.group("name") in _BODY_WORDS or self.rules.verbs.fullmatch(m.group("name")):
                continue
            state = self._state_in(m.start("role"), m.end("role"))
            add(m.group("name"), m.start("name"), m.end("name"), m.group("role").strip(), state)
        # "Hanno Pevkur of Estonia", "Ali Salajegheh, the head of ...", "the head of ..., Ali Salajegheh,"
        for m in re.finditer(rf"(?P<name>{_NAME})\s+of\s+(?P<state>[A-Z][\w ]+?)\b(?=[,. ])", text):
            st = self._state_in(m.start("state"), m.end("state"))
            if st:
                add(m.group("name"), m.start("name"), m.end("name"), None, st)
        for m in rules.name_role.finditer(text):
            state = self._state_in(m.start("role"), m.end("role"))
            if state is None and self._org_in(m.start("role"), m.end("role")):
                state = ""
            add(m.group("name"), m.start("name"), m.end("name"), m.group("role").strip(), state)
        for m in _ROLE_COMMA_NAME.finditer(text):
            state = self._state_in(max(0, m.start("role") - 30), m.end("role"))
            if state is None and self._org_in(m.start("role"), m.end("role")):
                state = ""
            add(m.group("name"), m.start("name"), m.end("name"), m.group("role").strip(), state)
        # a name right before or after a reporting verb: "Steve Sawyer said", "said Jennifer Morgan"
        for m in re.finditer(rf"(?P<name>{_NAME})\s+(?:has\s+|had\s+)?(?:said|says|told|tells|wrote|writes|tweeted|added|stated)\b"
                             rf"|\b(?:said|says|added|wrote)\s+(?P<name2>{_NAME})\b", text):
            g = "name" if m.group("name") else "name2"
            add(m.group(g), m.start(g), m.end(g), None, None)
        for p in people:
            if p.state is None and p.role:
                p.state = self.main_state
            elif p.state == "":
                p.state = None
        return sorted(people, key=lambda p: p.start)

    def _person_in_role(self, role: str, state: str | None, at: int) -> _Person | None:
        """The person named elsewhere in the article who holds ``role`` for ``state``: the last one
        before ``at``, else the first one after ("Turkish Deputy Prime Minister said ... Deputy Prime
        Minister Numan Kurtulmus"); "leader" is the head of state or government."""
        def holds(p: _Person) -> bool:
            if p.state != state or not p.role:
                return False
            if role.lower() in ("leader", "head of state"):
                return bool(re.search(r"\b(?:President|Prime Minister|Chancellor|Premier|leader)\b", p.role, re.I))
            return role.lower() in p.role.lower()
        before = [p for p in self.persons if p.start < at and holds(p)]
        after = [p for p in self.persons if p.start >= at and holds(p)]
        return before[-1] if before else after[0] if after else None

    def _org_in(self, s: int, e: int) -> bool:
        """An organisation named in ``text[s:e]`` (or a convention's own staff)."""
        return bool(self.rules.orgs.search(self.text, s, e)
                    or re.search(r"\b(?:Convention|Treaty|Protocol|OPCW|IAEA|UNEP|WWF|Greenpeace)\b", self.text[s:e]))

    def _role_before(self, at: int) -> str | None:
        m = self.rules.role_before.search(self.text[max(0, at - 70):at])
        return m.group(1).strip() if m else None

    def _state_of_after(self, at: int) -> str | None:
        m = re.match(r"\s+of\s+([A-Z][\w ]+?)\b(?=[,. ])", self.text[at:at + 40])
        return self._state_in(at + m.start(1), at + m.end(1)) if m else None

    def _sentences(self) -> list[tuple[int, int]]:
        out = []
        for s, e in split_sentences(self.text):
            cuts = [s] + [s + cut for cut in _extra_cuts(self.text[s:e])] + [e]
            for a, b in zip(cuts, cuts[1:]):
                while a < b and self.text[a].isspace():
                    a += 1
                while b > a and self.text[b - 1].isspace():
                    b -= 1
                if b > a:
                    out.append((a, b))
        return out

    # -- speakers -------------------------------------------------------------------------
    def _people_in(self, s: int, e: int) -> list[_Speaker]:
        """The persons named in ``text[s:e]``: in full, then by the surname of one named before."""
        found: list[_Speaker] = []
        for p in self.persons:
            if s <= p.start < e:
                found.append(_Speaker(p.start, p.end, p.name, "official", p.role, p.state))
        known = {p.name.split()[-1]: p for p in self.persons if p.start < e}
        for surname, p in known.items():
            for m in re.finditer(rf"(?<![\w-]){re.escape(surname)}(?![\w-])", self.text[s:e]):
                at = s + m.start()
                if not any(f.start <= at < f.end for f in found):
                    found.append(_Speaker(at, s + m.end(), p.name, "official", p.role, p.state))
        return found

    def _person_ref(self, s: int, e: int) -> _Speaker | None:
        """A person named (in full or by surname) in ``text[s:e]``, the last one."""
        found = self._people_in(s, e)
        for mn in self.states:  # a surname the officials list knows
            if mn.kind == "official" and s <= mn.start < e and not any(f.start <= mn.start < f.end for f in found):
                off = self.lex.officials.get(mn.ref)
                found.append(_Speaker(mn.start, mn.end, mn.ref, "official", off.role if off else None,
                                      off.state if off else None))
        return max(found, key=lambda f: f.start) if found else None

    def _mentions(self, s: int, e: int) -> list[_Speaker]:
        """Every possible speaker mention in ``text[s:e]``."""
        text, rules = self.text, self.rules
        out = self._people_in(s, e)
        for mn in self.states:
            if mn.kind == "official" and s <= mn.start < e and not any(f.start <= mn.start < f.end for f in out):
                off = self.lex.officials.get(mn.ref)
                out.append(_Speaker(mn.start, mn.end, mn.ref, "official", off.role if off else None, off.state if off else None))
        # a role without a name: "the Estonian Foreign Minister", "Latvia's defence minister"
        for m in rules.role_mention.finditer(text[s:e]):
            a, b = s + m.start(), s + m.end()
            if any(f.start <= a < f.end or a <= f.start <= b + 1 for f in out):
                continue
            state = self._state_in(a, b)
            role = m.group("role")
            person = self._person_in_role(role, state, a)
            if person is not None:
                out.append(_Speaker(a, b, person.name, "official", person.role, person.state))
            elif state:
                out.append(_Speaker(a, b, None, "official", text[a:b].strip(), state))
        for m in rules.orgs.finditer(text, s, e):
            if not any(f.start <= m.start() < f.end for f in out):
                body = rules.organisations.get(m.group(0)) or rules.organisations.get(m.group(0).strip())
                out.append(_Speaker(m.start(), m.end(), body, "organisation", None, None, body=body,
                                    group=m.group(0)[0].islower() or m.group(0).endswith("s")))
        lists: list[tuple[int, int]] = []
        for m in rules.bodies.finditer(text, s, e):
            if any(f.start <= m.start() < f.end for f in out):
                continue
            word = m.group(0)
            lead = re.search(r"((?:[A-Z][\w’'-]+(?:'s)?|the country's|U\.S\.)\s+(?:(?:foreign|defen[cs]e|justice)\s+)?)$",
                             text[max(0, m.start() - 40):m.start()])
            a = m.start() - (len(lead.group(1)) if lead else 0)
            state = rules.institution_states.get(word) or self._state_in(a, m.end()) or self.main_state
            listed = re.match(r"\s+of\s+((?:[A-Z][\w ]+?(?:,\s*(?:and\s+)?|\s+and\s+))*[A-Z]\w+)", text[m.end():m.end() + 80])
            if listed:
                codes = sorted({self.lex.state_of(x) or "" for x in self.states
                                if m.end() + listed.start(1) <= x.start < m.end() + listed.end(1) and x.kind != "official"} - {""})
                if codes:
                    state = "|".join(codes)
            elif word in ("ministers", "the ministers"):
                state = self._last_group_states(m.start()) or state
            if listed:  # "the defence ministers of A, B and C say": the states listed are not speakers
                lists.append((m.end(), m.end() + listed.end(1)))
            out.append(_Speaker(a, m.end(), text[a:m.end()].strip(), "government", None, state, body=word,
                                group=word in ("officials", "ministers", "the ministers", "the authorities")))
        for mn in self.states:
            if mn.kind == "institution" and s <= mn.start < e and not any(f.start <= mn.start < f.end for f in out):
                out.append(_Speaker(mn.start, mn.end, mn.text, "government", None, self.lex.state_of(mn), body=mn.text))
            elif mn.kind in ("name", "alias", "capital") and s <= mn.start < e and not any(
                    f.start <= mn.start < f.end for f in out) and not any(a <= mn.start < b for a, b in lists) and re.match(r"\s+(?:\w+ly\s+)?$|\s+(?:\w+ly\s+)?(?=\w)", text[mn.end:mn.end + 1]):
                # "Moscow said", "Britain said separately": the government of that state (only right before the verb)
                out.append(_Speaker(mn.start, mn.end, mn.text, "government", None, self.lex.state_of(mn), body=mn.text,
                                    group=False, adjacent=True))
        for m in re.finditer(r"\b(?:[Hh]e|[Ss]he|[Tt]hey)\b", text[s:e]):
            out.append(_Speaker(s + m.start(), s + m.end(), None, "pronoun", group=m.group(0).lower() == "they"))
        for m in rules.not_speakers.finditer(text, s, e):
            out.append(_Speaker(m.start(), m.end(), None, "blocked"))
        return sorted(out, key=lambda f: f.start)

    def _last_group_states(self, before: int) -> str | None:
        if self.last_speaker is not None and self.last_speaker.group and self.last_speaker.state:
            return self.last_speaker.state
        return None

    def _resolve(self, sp: _Speaker) -> _Speaker | None:
        """A pronoun stands for the speaker before it."""
        if sp.kind == "blocked":
            return None
        if sp.kind != "pronoun":
            return sp
        if sp.group:
            return self.last_speaker if self.last_speaker is not None and self.last_speaker.group else None
        if self.last_speaker is not None and self.last_speaker.kind == "official" and self.last_speaker.name:
            return self.last_speaker
        prior = [p for p in self.persons if p.start < sp.start]
        if prior:
            p = prior[-1]
            return _Speaker(sp.start, sp.end, p.name, "official", p.role, p.state)
        return None

    def _group_before(self, sp: _Speaker, s: int) -> _Speaker:
        """'Hanno Pevkur of Estonia, Andris Sprūds of Latvia ... and Władysław Kosiniak-Kamysz of Poland said':
        one joint statement by the persons listed."""
        members = [p for p in self.persons if s <= p.start <= sp.start]
        chain = [members[-1]] if members and members[-1].start == sp.start else []
        for p in reversed(members[:-1]):
            gap = self.text[p.end:chain[0].start] if chain else ""
            if chain and re.fullmatch(r"(?:\s+of\s+[A-Z][\w ]+?)?\s*(?:,\s*(?:and\s+)?|\s+and\s+)", gap):
                chain.insert(0, p)
            else:
                break
        if len(chain) < 2:
            return sp
        states = sorted({p.state for p in chain if p.state})
        return _Speaker(chain[0].start, sp.end, ", ".join(p.name for p in chain), "official", None,
                        "|".join(states) or None, group=True)

    def _speaker_for_verb(self, v_start: int, v_end: int, s: int, e: int) -> _Speaker | None:
        text = self.text
        verb = text[v_start:v_end].lower()
        if verb in ("according to", "reported by"):
            after = [m for m in self._mentions(v_end, min(e, v_end + 90)) if m.kind != "pronoun"]
            return self._resolve(after[0]) if after else None
        if verb == "reads":
            if re.search(r"\bstatement\s*$", text[max(s, v_start - 30):v_start]) and self.last_speaker is not None:
                return self.last_speaker
            return None
        before = [m for m in self._mentions(s, v_start) if m.end <= v_start]
        # the subject is the nearest mention before the verb, with no other reporting verb between
        before = [m for m in before if not self.rules.verbs.search(text, m.end, v_start)
                  and not (m.adjacent and not re.fullmatch(r"\s+(?:\w+ly\s+)?", text[m.end:v_start]))]
        if before:
            sp = before[-1]
            if sp.kind in ("organisation", "government") and re.match(r"[^,;.]*,\s*(?:\w+ly\s+)?$", text[sp.end:v_start]):
                # "Jane Doe, head of the United Nations agency for refugees, said"
                for p in reversed(before[:-1]):
                    if p.kind == "official" and p.name and re.fullmatch(r",\s+[^,;.“”\"]*", text[p.end:sp.start]):
                        sp = p
                        break
            gap = text[sp.end:v_start]
            if len(gap) <= 60 or sp.kind in ("official", "pronoun"):
                resolved = self._resolve(sp)
                if resolved is not None and resolved.kind == "official" and resolved.name and sp.kind == "official":
                    resolved = self._group_before(resolved, s)
                return resolved
        after = self._mentions(v_end, min(e, v_end + 60))
        if after and re.fullmatch(r"\s*(?:the\s+)?", text[v_end:after[0].start]):
            return self._resolve(after[0])
        return None

    # -- the statements --------------------------------------------------------------------
    def run(self) -> list[Statement]:
        if not self.treaties and not self.title_treaties:
            return []
        quotes = [(m.start(), m.end()) for m in _QUOTE.finditer(self.text) if len(m.group(0).split()) >= 4
                  and not all(w[0].isupper() for w in re.findall(r"[^\W\d_][\w’'-]*", m.group(0)))]  # a title
        taken: list[tuple[int, int]] = []
        events: list[tuple[int, Any]] = []  # (position, quote or sentence) in reading order
        for q in quotes:
            events.append((q[0], ("quote", q)))
        for sent in self.sentences:
            events.append((sent[0], ("sentence", sent)))
        for _pos, (what, (a, b)) in sorted(events, key=lambda x: (x[0], x[1][0] == "sentence")):
            if what == "quote":
                st = self._quote(a, b)
                if st is not None:
                    taken.append((a, b))
                    self.out.append(st)
            elif not any(qa < b and a < qb for qa, qb in quotes):
                st = self._reported(a, b)
                if st is not None:
                    self.out.append(st)
            else:
                # a sentence around a quotation may say who it was by: remember its speaker
                self._note_speaker(a, b)
        return self.out

    def _note_speaker(self, s: int, e: int) -> None:
        for m in self.rules.verbs.finditer(self.text, s, e):
            if any(qa <= m.start() < qb for qa, qb in ((q.start, q.end) for q in self.out)):
                continue
            sp = self._speaker_for_verb(m.start(), m.end(), s, e)
            if sp is not None:
                self.last_speaker = sp
                return

    def _sentence_of(self, pos: int) -> tuple[int, int]:
        return next(((a, b) for a, b in self.sentences if a <= pos < b), (pos, pos))

    def _quote(self, qs: int, qe: int) -> Statement | None:
        text = self.text
        tail = text[qe:qe + 90]
        sp: _Speaker | None = None
        m = self.rules.quote_tail.match(tail)
        if m and not self.rules.verbs.search(m.group("who")):
            sp = self._speaker_for_verb(qe + m.start("verb"), qe + m.end("verb"), qe, qe + m.end("verb"))
        if sp is None:
            inv = re.match(r"\s*,?\s*(?:said|wrote|added|stated)\s+", tail)
            if inv:
                after = self._mentions(qe + inv.end(), qe + inv.end() + 60)
                sp = self._resolve(after[0]) if after else None
        s, _e = self._sentence_of(qs)
        if sp is None:
            head = text[s:qs]
            verbs = list(self.rules.verbs.finditer(text, s, qs))
            if verbs:
                v = verbs[-1]
                sp = self._speaker_for_verb(v.start(), v.end(), s, qs)
            elif head.strip() == "" and self.last_speaker is not None and re.search(r":\s*$", text[max(0, s - 3):s]):
                sp = self.last_speaker
            elif head.strip() == "" and self.out and self.out[-1].kind == "direct" and self.last_speaker is not None:
                # '"...," Kristersson said. "We will share burdens ..."': the quotation goes on
                between = text[self.out[-1].end:qs]
                if len(between) <= 80 and not re.search(r"[“”\"]", between) and self.rules.verbs.search(between):
                    sp = self.last_speaker
        if sp is None:
            return None
        self.last_speaker = sp
        ctx = self._attribution_span(qs, qe, s)
        return self._statement(qs, qe, "direct", sp, ctx)

    def _attribution_span(self, qs: int, qe: int, s: int) -> tuple[int, int]:
        """Where the channel and date of a quotation are said: its sentence and the one after."""
        _a, e1 = self._sentence_of(max(qs, qe - 1))
        return s, max(e1, qe)

    def _reported(self, s: int, e: int) -> Statement | None:
        for m in self.rules.verbs.finditer(self.text, s, e):
            sp = self._speaker_for_verb(m.start(), m.end(), s, e)
            if sp is None:
                continue
            self.last_speaker = sp
            return self._statement(s, e, "reported", sp, (s, e), speaker_span=self._speaker_span(sp, m.start(), m.end()))
        return None

    def _speaker_span(self, sp: _Speaker, vs: int, ve: int) -> tuple[int, int]:
        if sp.start < vs:
            return min(sp.start, vs), ve
        return vs, ve

    # -- one statement --------------------------------------------------------------------
    def _statement(self, s: int, e: int, kind: str, sp: _Speaker, ctx: tuple[int, int],
                   speaker_span: tuple[int, int] | None = None) -> Statement:
        text = self.text
        channel = self._channel(ctx, sp)
        date, basis = self._date(ctx)
        content = said = text[s:e]
        if speaker_span is not None:  # the words of the attribution carry no reason
            a, b = speaker_span
            if s <= a < e:
                content = content[: a - s] + " " * (min(b, e) - a) + content[min(b, e) - s:]
                # but its verb may carry the stance: "condemned", "welcomed"
                verb = [m for m in self.rules.verbs.finditer(text, a, min(b, e))]
                v = verb[-1].start() if verb else min(b, e)
                said = said[: a - s] + " " * (v - a) + said[v - s:]
        treaty = self._treaty(s, e)
        about, action = self._act(s, e, sp, treaty)
        reasons = self._reasons(content, s, treaty)
        stance = self._stance(said, sp, about, action)
        speaker_kind = sp.kind if sp.kind in ("official", "government", "organisation") else "official"
        other = about is not None and (sp.state is None or about not in sp.state.split("|"))
        return Statement(
            article=self.article.id, text=text[s:e], start=s, end=e, kind=kind, speaker=sp.name,
            role=sp.role, state=sp.state, body=sp.body, speaker_kind=speaker_kind, channel=channel,
            date=date, date_basis=basis, treaty=treaty, about=about, action=action, other=other,
            stance=stance, reasons=reasons,
        )

    def _channel(self, ctx: tuple[int, int], sp: _Speaker) -> str | None:
        s, e = ctx
        window = self.text[s:e]
        key = sp.name or sp.body or ""
        found = None
        for name, rx in self.rules.channels:
            if rx.search(window):
                found = name
                break
        if found is None or found == "statement":
            # a speaker who posted on X earlier in the article: 'the statement reads' is that post
            earlier = self.channel_of.get(key)
            if earlier is None and sp.kind == "official" and key:
                prev = self.text[max(0, s - 400):s]
                last = key.split()[-1]
                if last in prev:
                    for name, rx in self.rules.channels[:3]:
                        if rx.search(prev[prev.rfind(last) - 80 if prev.rfind(last) >= 80 else 0:]):
                            earlier = name
            found = earlier or found
        if found and key:
            self.channel_of.setdefault(key, found)
        return found

    def _date(self, ctx: tuple[int, int]) -> tuple[dt.date | None, str]:
        s, e = ctx
        for d in find_dates(self.text[s:e], self.published):
            if d.precision == "day" and (self.published is None or d.date <= self.published):
                return d.date, d.basis
        return self.published, "bounded" if self.published else "unknown"

    def _treaty(self, s: int, e: int) -> str | None:
        strong = [m for m in self.treaties if m.ref not in WEAK_TREATIES]
        # "every inch of NATO territory": the alliance, not its treaty, unless the article is about no other
        mentions = strong if strong or self.title_treaties else self.treaties
        inside = [m.ref for m in mentions if s <= m.start < e]
        if inside:
            return inside[0]
        for c in self.claims:
            if c.evidence.start < e and s < c.evidence.end:
                return c.treaty
        before = [m.ref for m in mentions if m.start < s]
        if before:
            return before[-1]
        if self.title_treaties:
            return self.title_treaties[0].ref
        return self.treaties[0].ref if self.treaties else None

    def _act(self, s: int, e: int, sp: _Speaker, treaty: str | None) -> tuple[str | None, str | None]:
        own = set(sp.state.split("|")) if sp.state else set()
        overlapping = [c for c in self.claims if c.evidence.start < e and s < c.evidence.end
                       and (treaty is None or c.treaty == treaty)]
        for pool in ([c for c in overlapping if c.state in own], overlapping):
            if pool:
                best = min(pool, key=lambda c: (c.modality != "asserted", c.evidence.start))
                return best.state, best.action
        same = [c for c in self.claims if c.state in own and (treaty is None or c.treaty == treaty)]
        if same:
            best = min(same, key=lambda c: (c.modality != "asserted", -c.evidence.start))
            return best.state, best.action
        named = [self.lex.state_of(m) for m in self.states if s <= m.start < e and m.kind != "official"
                 and not (sp.start <= m.start < sp.end)]
        others: list[str] = [n for n in named if n and n not in own]
        named_others = others
        if sp.kind == "organisation" or not own or (self.main_state and self.main_state not in own):
            # no claim of the speaker's state about this treaty: the act is another state's
            if named_others:
                return named_others[0], self._action_of(named_others[0], treaty)
            if self.main_state:
                return self.main_state, self._action_of(self.main_state, treaty)
        if len(own) == 1:
            return next(iter(own)), self._action_of(next(iter(own)), treaty)
        if self.main_state:
            return self.main_state, self._action_of(self.main_state, treaty)
        return None, None

    def _action_of(self, state: str, treaty: str | None) -> str | None:
        pool = [c for c in self.claims if c.state == state and (treaty is None or c.treaty == treaty)]
        return min(pool, key=lambda c: c.modality != "asserted").action if pool else None

    def _reasons(self, content: str, offset: int, treaty: str | None = None) -> tuple[Reason, ...]:
        out: list[Reason] = []
        # the name of the treaty at stake is no reason ("Convention on Human Rights", "join NATO")
        names = [(t.start, t.end) for t in self.treaties if t.ref == treaty and t.ref not in WEAK_TREATIES]
        for code, rx in self.rules.reasons:
            for m in rx.finditer(content):
                a, b = offset + m.start(), offset + m.end()
                if any(ts < b and a < te for ts, te in names):
                    continue
                if not any(r.start <= offset + m.start() < r.end for r in out):
                    out.append(Reason(code, m.group(0), offset + m.start(), offset + m.end()))
        return tuple(sorted(out, key=lambda r: r.start))

    def _direction(self, action: str | None) -> str | None:
        """The way the act goes: the way the headline says, else its claim's action."""
        title = self.article.title
        if self.rules.leave_acts.search(title):
            return "leave"
        if self.rules.join_acts.search(title):
            return "join"
        return direction(action) if action else None

    def _act_signal(self, content: str, way: str | None) -> tuple[int, int]:
        """How often ``content`` says the act will happen and how often it says it will not:
        "we pull out", "will not abide by" (a leaving); "not ready for membership", "stick to its
        commitments" (against a joining, a leaving)."""
        if way is None:
            return 0, 0
        found: list[tuple[int, bool]] = []
        acts = [(self.rules.join_acts, True)] if way == "join" else [(self.rules.leave_acts, True), (self.rules.keep_acts, False)]
        for rx, same in acts:
            for m in rx.finditer(content):
                before = content[max(0, m.start() - 45):m.start()]
                negated = bool(re.search(r"(?:\b(?:not|no|never|cannot|refus\w*|rules?\s+out|ruled\s+out)|n[’']t)"
                                         r"\W+(?:[\w’'-]+\W+){0,3}$", before, re.IGNORECASE))
                found.append((m.start(), negated != same))
        if not found:
            return 0, 0
        first = min(found)[1]  # "not leaving ..., hours after ... pull out": the first word counts
        return (1, 0) if first else (0, 1)

    def _stance(self, content: str, sp: _Speaker, about: str | None, action: str | None = None) -> str:
        own = about is not None and sp.state is not None and about in sp.state.split("|")
        pos, neg = self._act_signal(content, self._direction(action))
        if own and (pos or neg):  # the acting state's own word on its act: it will, or it will not
            return "for" if pos else "against"
        if self.rules.denial.search(content):
            return "against"
        acting = own and any(c.state == about and c.modality in ("asserted", "planned") for c in self.claims)
        if acting:
            return "for"
        if self.rules.against.search(content) or neg:
            return "against"
        if self.rules.support.search(content) and (own or sp.kind == "organisation" or sp.state is not None):
            return "for"
        return "neutral"


def extract_statements(article: Article, claims: Sequence[Claim] = (), lexicon: Lexicon | None = None
                       ) -> list[Statement]:
    """The statements of one English article, given the claims extraction found in it.

    A statement concerns a treaty act, so an article that names no treaty and has no claim has none
    (most news: this keeps statements off the hot path of ingest)."""
    if article.language not in ("en", "und"):
        return []
    lexicon = lexicon or default_lexicon()
    if not claims and not lexicon.treaty_mentions(article.text) and not lexicon.treaty_mentions(article.title):
        return []
    return _ArticleStatements(article, claims, lexicon).run()


def link_events(statements: Iterable[Statement], events: Iterable[Event]) -> list[Statement]:
    """Each statement with the id of its event: an event of the act's state and treaty that the
    statement's article supports (the same action first), else none."""
    by_pair: dict[tuple[str, str], list[Event]] = {}
    for ev in events:
        by_pair.setdefault((ev.state, ev.treaty), []).append(ev)
    out = []
    for st in statements:
        event = None
        if st.about and st.treaty:
            pool = [ev for ev in by_pair.get((st.about, st.treaty), []) if st.article in ev.sources]
            event = next((ev for ev in pool if ev.action == st.action), pool[0] if pool else None)
        out.append(dataclasses.replace(st, event=event.id if event else None))
    return out


def filter_statements(statements: Iterable[Statement], treaty: str | None = None, state: str | None = None,
                      event: str | None = None, stance: str | None = None, reason: str | None = None
                      ) -> list[Statement]:
    """Statements that match every filter given.  ``state`` matches the acting state or the
    state spoken for; ``reason`` is a code (``security_threat``) or its label."""
    code = None
    if reason:
        code = next((c for c, label in REASON_LABELS.items() if reason in (c, label)), reason)
    out = []
    for st in statements:
        if treaty and st.treaty != treaty:
            continue
        if state and st.about != state and state not in (st.state or "").split("|"):
            continue
        if event and st.event != event:
            continue
        if stance and st.stance != stance:
            continue
        if code and code not in st.reason_codes:
            continue
        out.append(st)
    return out





# -- evaluation -------------------------------------------------------------------------------

def _scores(tp: int, found: int, gold: int) -> Scores:
    """One field's scores: ``tp`` right values among ``found`` given and ``gold`` labelled."""
    return Scores(tp, found - tp, gold - tp)


FIELDS = ("statement", "speaker", "state", "stance", "reasons")


def read_statement_gold(path: str) -> list[dict[str, Any]]:
    """Labelled statements (JSONL): ``article``, ``text`` (the span, verbatim), ``speaker``, ``state``,
    ``stance`` and ``reasons`` (codes), plus optional ``treaty`` and ``about``."""
    from .errors import InputError

    out = []
    with open(path, encoding="utf-8") as fh:
        for i, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"{path}:{i}", f"invalid JSON ({exc.msg})") from None
            missing = [k for k in ("article", "stance") if k not in row]
            if "text" not in row and not ("start" in row and "end" in row):
                missing.append("text (or start and end)")
            bad = [r for r in row.get("reasons", []) if r not in REASON_LABELS]
            if missing or bad or row["stance"] not in ("for", "against", "neutral"):
                raise InputError(f"{path}:{i}", f"missing {missing}" if missing else f"bad reasons {bad}" if bad
                                 else f"bad stance {row['stance']!r}")
            row["line"] = i
            out.append(row)
    return out


def _gold_span(g: dict[str, Any], text: str) -> tuple[int, int]:
    """A gold statement's span: its ``text`` found in the article, or its ``start`` and ``end``
    offsets (labels of others' articles keep offsets and a hash, never the words), checked against
    ``sha1`` (the first 8 hex digits of the span's SHA-1) when given."""
    if "text" in g:
        at = text.find(g["text"])
        if at < 0:
            raise ValueError(f"gold line {g.get('line')}: span not in article {g['article']}: {g['text'][:60]!r}")
        return at, at + len(g["text"])
    start, end = int(g["start"]), int(g["end"])
    if g.get("sha1") and hashlib.sha1(text[start:end].encode("utf-8")).hexdigest()[:8] != g["sha1"]:
        raise ValueError(f"gold line {g.get('line')}: the text of article {g['article']} at {start}-{end} is not "
                         f"the labelled span (the article was rebuilt differently)")
    return start, end


def _norm(name: str | None) -> set[str]:
    return {w for w in re.findall(r"[\w’'-]+", (name or "").lower()) if len(w) > 2 and w not in ("the", "and")}


def _same_speaker(gold: str | None, found: str | None) -> bool:
    """Same person or body: a surname (or any name word of a body) in common."""
    if not gold or not found:
        return False
    g, f = _norm(gold), _norm(found)
    return bool(g & f)


def evaluate_statements(gold: list[dict[str, Any]], found: dict[str, list[Statement]],
                        texts: dict[str, str]) -> tuple[dict[str, Scores], list[str]]:
    """Score found statements against gold ones over the labelled articles of ``texts`` (id -> text):
    those with at least one gold statement.

    A gold statement is found when a statement of its article overlaps its span (one each,
    largest overlap first).  For speaker, state and stance, a value counts as found when the
    statement gives one, and right when it matches the gold's; reasons count one per
    (statement, reason code).  Unmatched statements count against precision, unmatched gold
    ones against recall.
    """
    gold = [g for g in gold if g["article"] in texts]
    labelled = {g["article"] for g in gold}
    texts = {a: t for a, t in texts.items() if a in labelled}  # only articles someone labelled
    errors: list[str] = []
    spans = []
    for g in gold:
        spans.append(_gold_span(g, texts[g["article"]]))
    preds = [st for art in texts for st in found.get(art, [])]
    pairs = []
    for gi, g in enumerate(gold):
        for pi, st in enumerate(preds):
            if st.article == g["article"]:
                overlap = min(spans[gi][1], st.end) - max(spans[gi][0], st.start)
                if overlap > 0:
                    pairs.append((overlap, gi, pi))
    match: dict[int, int] = {}
    used: set[int] = set()
    for _ov, gi, pi in sorted(pairs, reverse=True):
        if gi not in match and pi not in used:
            match[gi] = pi
            used.add(pi)
    counts = {f: [0, 0, 0] for f in FIELDS}  # tp, found, gold
    counts["statement"] = [len(match), len(preds), len(gold)]
    for pi, st in enumerate(preds):
        if pi not in used:
            errors.append(f"extra {st.article} [{st.speaker}] {st.text[:80]!r}")
            counts["speaker"][1] += bool(st.speaker)
            counts["state"][1] += bool(st.state)
            counts["stance"][1] += 1
            counts["reasons"][1] += len(st.reason_codes)
    for gi, g in enumerate(gold):
        gold_reasons = set(g.get("reasons", []))
        counts["speaker"][2] += bool(g.get("speaker"))
        counts["state"][2] += bool(g.get("state"))
        counts["stance"][2] += 1
        counts["reasons"][2] += len(gold_reasons)
        if gi not in match:
            a, b = spans[gi]
            errors.append(f"missed {g['article']} [{g.get('speaker')}] {texts[g['article']][a:b][:80]!r}")
            continue
        st = preds[match[gi]]
        counts["speaker"][1] += bool(st.speaker)
        counts["state"][1] += bool(st.state)
        counts["stance"][1] += 1
        counts["reasons"][1] += len(st.reason_codes)
        ok = _same_speaker(g.get("speaker"), st.speaker)
        counts["speaker"][0] += ok
        state_ok = bool(g.get("state")) and set((g.get("state") or "").split("|")) == set((st.state or "").split("|"))
        counts["state"][0] += state_ok
        counts["stance"][0] += st.stance == g["stance"]
        right = gold_reasons & set(st.reason_codes)
        counts["reasons"][0] += len(right)
        wrong = []
        if not ok and (g.get("speaker") or st.speaker):
            wrong.append(f"speaker {st.speaker!r} (gold {g.get('speaker')!r})")
        if not state_ok and (g.get("state") or st.state):
            wrong.append(f"state {st.state} (gold {g.get('state')})")
        if st.stance != g["stance"]:
            wrong.append(f"stance {st.stance} (gold {g['stance']})")
        if set(st.reason_codes) != gold_reasons:
            wrong.append(f"reasons {sorted(st.reason_codes)} (gold {sorted(gold_reasons)})")
        if wrong:
            a, b = spans[gi]
            errors.append(f"wrong {g['article']} {texts[g['article']][a:b][:60]!r}: " + "; ".join(wrong))
    return {f: _scores(*c) for f, c in counts.items()}, errors


def format_statement_scores(scores: dict[str, Scores], articles: int) -> str:
    labelled = scores["statement"].tp + scores["statement"].fn
    lines = [f"statements: {articles} labelled articles, {labelled} labelled statements"]
    for field in FIELDS:
        s = scores[field]
        lines.append(f"  {field:10} P {s.precision:.3f}  R {s.recall:.3f}  F1 {s.f1:.3f}  "
                     f"(right {s.tp}, given {s.tp + s.fp}, labelled {s.tp + s.fn})")
    return "\n".join(lines)


__all__ = ["FIELDS", "Rules", "evaluate_statements", "extract_statements", "filter_statements",
           "format_statement_scores", "link_events", "load_rules", "read_statement_gold"]
