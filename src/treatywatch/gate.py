"""Gate: a cheap multi-pattern scan that picks the few sentences worth parsing.

One Aho-Corasick automaton finds treaty names (any language, case-insensitive); another finds
state names, demonyms, capitals, institutions and officials (case-sensitive); a third finds
action-word stems.  An article without a treaty name never reaches the parser.
"""

from __future__ import annotations

import csv
import dataclasses
import functools
import json
import logging
import re
from collections.abc import Iterable, Iterator
from importlib import resources
from typing import Any

import ahocorasick

from .models import Article
from .registry import Registry, load_registry

logger = logging.getLogger(__name__)

_WORD = re.compile(r"\w", re.UNICODE)
# Sentence ends: . ! ? (maybe a closing quote or bracket) then space and a capital, digit or quote.
_SENT_END = re.compile(r"[.!?][”\"’)\]]*\s+(?=[“\"‘(\[A-ZÀ-ÞĀ-ŽА-ЯЁІЇЄҐ0-9])|\n\s*\n")
_ORDINAL = re.compile(r"(?<!\d)\d{1,2}$")
_MONTH_AFTER = re.compile(r"(?:Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember|"
                          r"stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|września|października|listopada|grudnia)\b")
_SINGLE_CAP = re.compile(r"(?<![.\w])[A-Z]$")
_ABBREV = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|St|Gen|Sen|Rep|Gov|Lt|Col|Maj|Capt|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|No|Art|art|vs|approx|etc|Inc|Ltd|Co|Jr|Sr)|\b[A-Z]|\b[A-Z]\.[A-Z])$"
)


@dataclasses.dataclass(frozen=True)
class Mention:
    """A name found in text: what it refers to and what kind of name it is."""

    start: int
    end: int
    text: str
    ref: str  # treaty id, ISO3 state code, or official's name
    kind: str  # treaty | name | alias | demonym | capital | institution | official | <lang>


@dataclasses.dataclass(frozen=True)
class Official:
    name: str
    state: str
    role: str


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences of ``text`` (cheap, rule-based).  The gate, the English
    extraction and the statements each ask this of an article's text: the spans of the last
    texts are kept, so each is split once."""
    return list(_sentence_spans(text))


@functools.lru_cache(maxsize=256)
def _sentence_spans(text: str) -> tuple[tuple[int, int], ...]:
    spans = []
    start = 0
    for m in _SENT_END.finditer(text):
        end = m.start() + len(m.group(0).rstrip())
        if m.group(0).startswith(".") and _ORDINAL.search(text[max(0, m.start() - 4): m.start()]) \
                and _MONTH_AFTER.match(text, m.end()):
            continue  # German and Polish ordinal dates: "am 20. August"
        if m.group(0).startswith(".") and _ABBREV.search(text[max(0, m.start() - 6): m.start()]):
            if not (text[m.end(): m.end() + 1] in "“\"" and _SINGLE_CAP.search(text[max(0, m.start() - 3): m.start()])):
                continue
        if text[start:end].strip():
            spans.append((start, end))
        start = m.end()
    if text[start:].strip():
        spans.append((start, len(text.rstrip())))
    # trim leading spaces
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        out.append((s, e))
    return tuple(out)


def _lower_same_length(text: str) -> str:
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower()[0] for c in text)


def _bounded(text: str, start: int, end: int, prefix: bool = False) -> bool:
    before_ok = start == 0 or not _WORD.match(text[start - 1])
    after_ok = prefix or end >= len(text) or not _WORD.match(text[end])
    return before_ok and after_ok


def _automaton(entries: Iterable[tuple[str, Any]]) -> Any:
    auto = ahocorasick.Automaton()
    table: dict[str, list[Any]] = {}
    for key, value in entries:
        if key:
            table.setdefault(key, []).append(value)
    for key, values in table.items():
        auto.add_word(key, (key, tuple(values)))
    if table:
        auto.make_automaton()
    return auto


def _scan(auto: Any, text: str, prefix: bool = False) -> Iterator[tuple[int, int, tuple[Any, ...]]]:
    if len(auto) == 0:
        return
    for end_idx, (key, values) in auto.iter_long(text):
        start = end_idx - len(key) + 1
        if _bounded(text, start, end_idx + 1, prefix=prefix):
            yield start, end_idx + 1, values


# treaties whose short name mostly names something else: "NATO" is the alliance more often than the treaty
WEAK_TREATIES = frozenset({"north_atlantic_treaty"})


def typographic_spellings(name: str) -> list[str]:
    """``name`` as typed and as typeset: news writes "Convention d’Istanbul" and "Lao People’s Democratic
    Republic" as often as with a straight apostrophe, some sites "Non‑Proliferation" and "Guinea‑Bissau"
    with a non-breaking hyphen, and others drop a hyphen between words ("Trattato anti missili balistici",
    "ABM Vertrag")."""
    if "'" not in name and "-" not in name:
        return [name]  # (most names: every spelling below is the name itself)
    return list(dict.fromkeys((name, name.replace("'", "’"), name.replace("-", "\u2011"),
                               name.replace("'", "’").replace("-", "\u2011"), _HYPHEN.sub(" ", name))))


_HYPHEN = re.compile(r"(?<=\w)-(?=\w)")
_TREATY_ON = re.compile(r"^(Treaty )(on|of) ")


class Lexicon:
    """Every name the gate and the extractor look for, compiled into automata."""

    def __init__(self, registry: Registry | None = None) -> None:
        self.registry = registry or load_registry()
        self.cues = load_patterns()
        treaty_entries: list[tuple[str, Any]] = []
        abbrev_entries: list[tuple[str, Any]] = []
        for treaty in self.registry:
            names = [treaty.short_name, treaty.name, *treaty.aliases]
            # news writes "the Treaty of Conventional Armed Forces" for "the Treaty on ...", and the other way round
            names += [_TREATY_ON.sub(lambda m: m.group(1) + ("of" if m.group(2) == "on" else "on"), n) for n in names
                      if _TREATY_ON.match(n)]
            for name in names:
                if name in treaty.abbreviations:
                    continue  # "New START" must not match "a new start"
                for spelling in typographic_spellings(name):
                    treaty_entries.append((_lower_same_length(spelling), (treaty.id, "treaty")))
            for lang, values in treaty.names.items():
                for name in values:
                    for spelling in typographic_spellings(name):
                        treaty_entries.append((_lower_same_length(spelling), (treaty.id, lang)))
            for abbr in treaty.abbreviations:
                abbrev_entries.append((abbr, (treaty.id, "treaty")))
        self._treaties = _automaton(treaty_entries)
        self._recent_treaties: dict[str, list[Mention]] = {}
        self._abbrevs = _automaton(abbrev_entries)
        self.states = load_states()
        state_entries: list[tuple[str, Any]] = []
        for row in self.states.values():
            for kind in ("name", "aliases", "demonyms", "capitals", "institutions", "de", "fr", "ru", "uk", "pl", "es", "it"):
                for value in row[kind]:
                    # a Slavic adjective written in lower case opens a sentence in upper case: "Łotewski Sejm",
                    # "Французский" (not the Italian "albanese", which would find the surname Albanese)
                    for written in (value, value[:1].upper() + value[1:]) if value[:1].islower() and kind in (
                            "ru", "uk", "pl") else (value,):
                        for spelling in typographic_spellings(written):
                            state_entries.append((spelling, (row["iso3"], kind.rstrip("s") if kind != "aliases" else "alias")))
        for place in load_places():  # "the Indian Ocean": the longest name wins, and a place is no state
            for spelling in typographic_spellings(place):
                state_entries.append((spelling, ("", "place")))
        self.officials = load_officials()
        surnames: dict[str, set[str]] = {}
        for off in self.officials.values():
            state_entries.append((off.name, (off.name, "official")))
            surnames.setdefault(off.name.split()[-1], set()).add(off.name)
        for surname, full in surnames.items():
            if len(full) == 1 and len(surname) > 3:
                state_entries.append((surname, (next(iter(full)), "official")))
        self._states = _automaton(state_entries)
        self._recent_states: dict[str, list[Mention]] = {}
        stems: list[tuple[str, Any]] = []
        for cue, spec in self.cues.items():
            for stem in spec.get("stems", []):
                stems.append((stem.lower(), cue))
        self._stems = _automaton(stems)
        self._law_word = re.compile(r"\b(?:law|bill|legislation|decree)s?\b", re.IGNORECASE)
        generic = self.cues["generic_treaty"]["lemmas"]
        self._generic = re.compile(r"\b(?:%s)s?\b" % "|".join(map(re.escape, generic)), re.IGNORECASE)

    # -- scans -------------------------------------------------------------------------
    def treaty_mentions(self, text: str) -> list[Mention]:
        """The treaty names in ``text``.  The gate and then the statements ask this of every
        article's title and text: the answers for the last texts are kept, so each is scanned once."""
        found = self._recent_treaties.get(text)
        if found is None:
            if len(self._recent_treaties) >= RECENT_TEXTS:
                self._recent_treaties.clear()
            found = self._recent_treaties[text] = self._scan_treaties(text)
        return list(found)

    def _scan_treaties(self, text: str) -> list[Mention]:
        low = _lower_same_length(text)
        found = [
            Mention(s, e, text[s:e], values[0][0], values[0][1]) for s, e, values in _scan(self._treaties, low)
        ]
        found += [Mention(s, e, text[s:e], values[0][0], "treaty") for s, e, values in _scan(self._abbrevs, text)]
        return sorted(found, key=lambda m: m.start)

    def state_mentions(self, text: str) -> list[Mention]:
        """The names of states, their capitals, institutions and officials in ``text``.  The
        English extraction and then the statements ask this of an article's text: the answers
        for the last texts are kept, as for ``treaty_mentions``."""
        found = self._recent_states.get(text)
        if found is None:
            if len(self._recent_states) >= RECENT_TEXTS:
                self._recent_states.clear()
            found = self._recent_states[text] = [Mention(s, e, text[s:e], *values[0])
                                                 for s, e, values in _scan(self._states, text) if values[0][1] != "place"]
        return list(found)

    def cue_hits(self, text: str) -> list[tuple[int, int, str]]:
        low = _lower_same_length(text)
        return [(s, e, cue) for s, e, values in _scan(self._stems, low, prefix=True) for cue in values]

    def has_generic_treaty_word(self, text: str) -> bool:
        return self._generic.search(text) is not None

    def state_of(self, mention: Mention) -> str | None:
        if mention.kind == "official":
            off = self.officials.get(mention.ref)
            return off.state if off and off.state else None
        return mention.ref

    # -- the gate ------------------------------------------------------------------------
    def candidate_sentences(self, article: Article) -> list[tuple[int, int]]:
        """Spans of ``article.text`` worth parsing: in an article that names a treaty, the
        sentences with an action word.  Empty when no treaty is named (most news)."""
        if not self.treaty_mentions(article.title) and not self.treaty_mentions(article.text):
            return []
        spans = split_sentences(article.text)
        keep = []
        previous_has_treaty = False
        for start, end in spans:
            sentence = article.text[start:end]
            hits = self.cue_hits(sentence)
            has_treaty = bool(self.treaty_mentions(sentence)) or self.has_generic_treaty_word(sentence)
            strong = any((cue in STRONG_CUES and not (cue == "leave" and text_at(sentence, s) == "left"))
                         or (cue == "notify" and text_at(sentence, s).startswith(("notif", "lodg", "deposit")))
                         for s, _e, cue in hits)
            if strong or (hits and (has_treaty or previous_has_treaty or self._law_word.search(sentence))):
                keep.append((start, end))
            previous_has_treaty = has_treaty
        return keep


RECENT_TEXTS = 1024  # texts whose treaty names a lexicon keeps (a batch of articles' titles, texts and sentences)


# Cues that make a sentence worth parsing on their own; the others (vote, sign, announce, ...)
# only near a treaty word or a law.
STRONG_CUES = {"leave", "effect", "join", "suspend", "deratify", "rejoin"}


def text_at(sentence: str, start: int) -> str:
    m = _WORD_AT.match(sentence, start)
    return m.group(0).lower() if m else ""


_WORD_AT = re.compile(r"\w+")


def load_patterns() -> dict[str, dict[str, Any]]:
    """The cue lists of ``data/patterns.jsonl`` keyed by cue name."""
    out = {}
    text = resources.files("treatywatch").joinpath("data/patterns.jsonl").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.strip():
            spec = json.loads(line)
            out[spec["cue"]] = spec
    return out


@functools.lru_cache(maxsize=1)
def load_states() -> dict[str, dict[str, Any]]:
    """``data/states.csv`` keyed by ISO3; multi-valued columns split on ``|``."""
    text = resources.files("treatywatch").joinpath("data/states.csv").read_text(encoding="utf-8")
    states: dict[str, dict[str, Any]] = {}
    for row in csv.DictReader(text.splitlines()):
        entry: dict[str, Any] = {"iso3": row["iso3"], "display": row["name"], "numeric": row.get("numeric", "")}
        for col in ("name", "aliases", "demonyms", "capitals", "institutions", "de", "fr", "ru", "uk", "pl", "es", "it"):
            entry[col] = [v.strip() for v in (row.get(col) or "").split("|") if v.strip()]
        states[row["iso3"]] = entry
    return states


@functools.lru_cache(maxsize=1)
def load_places() -> tuple[str, ...]:
    """``data/places.json``: names of places that hold a state's name ("Indian Ocean")."""
    data = json.loads(resources.files("treatywatch").joinpath("data/places.json").read_text(encoding="utf-8"))
    return tuple(data["names"])


@functools.lru_cache(maxsize=1)
def load_officials() -> dict[str, Official]:
    """``data/officials.csv`` keyed by name."""
    path = resources.files("treatywatch").joinpath("data/officials.csv")
    if not path.is_file():
        return {}
    out = {}
    for row in csv.DictReader(path.read_text(encoding="utf-8").splitlines()):
        out[row["name"]] = Official(row["name"], row.get("state") or "", row.get("role") or "")
    return out


@functools.lru_cache(maxsize=4)
def default_lexicon() -> Lexicon:
    return Lexicon()
