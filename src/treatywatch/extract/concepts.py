"""Treaties named by what they are about, in the languages read with word lists.

News rarely writes a treaty's registered name: "la convenzione che vieta le bombe a grappolo",
"il Trattato sulle forze convenzionali in Europa", "traktatu o otwartym niebie".  Listing every
such wording does not carry over to the next article (each round of real news brought new ones),
but the words for what a treaty is about do: a head noun ("treaty", "Vertrag", "конвенція")
with, close by in the same sentence, a word of every group of one of the treaty's signatures
("cluster"; "conventional" and "forces") names that treaty.  The heads, signatures and exact
names are data (``data/treaty_concepts.json``).
"""

from __future__ import annotations

import dataclasses
import functools
import json
import re
from collections.abc import Sequence
from importlib import resources

from ..gate import Mention

_SENTENCE_END = re.compile(r"[.!?;]\s")
KIND = "concept"  # Mention.kind of a treaty named by its topic


@dataclasses.dataclass(frozen=True)
class _Treaty:
    id: str
    heads: re.Pattern[str] | None  # the treaty's own head nouns (the Rome Statute is a statute); None: any head
    signatures: tuple[tuple[re.Pattern[str], ...], ...]  # one of them must have a word of every group


@dataclasses.dataclass(frozen=True)
class _Concepts:
    heads: re.Pattern[str]
    plurals: re.Pattern[str]  # heads that name several treaties ("les trois traités"), so none
    before: int
    after: int
    treaties: tuple[_Treaty, ...]
    names: tuple[tuple[re.Pattern[str], str], ...]


def _alternation(stems: list[str], head: bool = False) -> re.Pattern[str]:
    # a head is a whole word ("accord", not "d'accord"); a stem starts a word and takes any ending
    lead = r"(?<!\w)(?<!d['’])" if head else r"(?<!\w)"
    return re.compile(lead + r"(?:%s)\w*" % "|".join(stems), re.IGNORECASE)


@functools.lru_cache(maxsize=1)
def _concepts() -> _Concepts:
    data = json.loads(resources.files("treatywatch").joinpath("data/treaty_concepts.json").read_text(encoding="utf-8"))
    treaties = tuple(
        _Treaty(tid, _alternation(spec["heads"], head=True) if "heads" in spec else None,
                tuple(tuple(_alternation(group) for group in sig) for sig in spec["signatures"]))
        for tid, spec in data["treaties"].items())
    names = tuple((re.compile(r"(?<!\w)(?:%s)(?!\w)" % "|".join(map(re.escape, written))), tid)
                  for tid, written in data["names"].items())
    plurals = re.compile(r"(?:%s)" % "|".join(data["plurals"]), re.IGNORECASE)
    return _Concepts(_alternation(list(dict.fromkeys(data["heads"])), head=True), plurals, int(data["before"]),
                     int(data["after"]), treaties, names)


def _window(text: str, head: re.Match[str], before: int, after: int) -> tuple[int, int]:
    """Up to ``before`` characters before the head and ``after`` after it, within its sentence."""
    start, end = max(0, head.start() - before), min(len(text), head.end() + after)
    stop = _SENTENCE_END.search(text, head.end(), end)
    if stop:
        end = stop.start()
    for stop in _SENTENCE_END.finditer(text, start, head.start()):
        start = stop.end()
    return start, end


def _signed(signature: tuple[re.Pattern[str], ...], text: str, start: int, end: int) -> bool:
    return all(group.search(text, start, end) for group in signature)


def concept_mentions(text: str, named: Sequence[Mention] = ()) -> list[Mention]:
    """The treaties ``text`` names by their topic (at the head noun), and by the exact names of
    ``names``.  A head whose words fit two treaties names neither, and so does one with another
    treaty ``named`` from it on: "le pacte New Start qui limite les arsenaux nucléaires" is New
    START, not a treaty about nuclear tests (a name before the head is no matter: "the Paris Agreement
    and the framework convention on climate change")."""
    c = _concepts()
    out = []
    for head in c.heads.finditer(text):
        if c.plurals.fullmatch(head.group(0)):
            continue
        start, end = _window(text, head, c.before, c.after)
        fits = [t.id for t in c.treaties
                if (t.heads is None or t.heads.fullmatch(head.group(0)))
                and any(_signed(sig, text, start, end) for sig in t.signatures)]
        if len(fits) == 1 and not any(head.start() < m.end and m.start < end and m.ref != fits[0] for m in named):
            out.append(Mention(head.start(), head.end(), head.group(0), fits[0], KIND))
    for pattern, tid in c.names:
        out += [Mention(m.start(), m.end(), m.group(0), tid, KIND) for m in pattern.finditer(text)]
    return sorted(out, key=lambda m: m.start)
