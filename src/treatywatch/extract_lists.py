"""Extraction for languages without a parser (German, French, Russian, Ukrainian, Polish).

Sentence rules over word lists (``data/wordlists.json``): a sentence with a treaty name (or a
generic treaty word after one), a state and an action word yields a claim.  The stage (notice,
vote, signature of the law, effect) and the modality (negation, plan, call, conditional) come
from the other words of the sentence.  Dates: numeric and month-name dates, weekdays, today
and yesterday in each language, resolved against the publication date.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
from importlib import resources
from typing import Any

from .dates import DateMention, find_dates
from .gate import Lexicon, Mention, split_sentences
from .models import Article, Claim, Evidence

LANGUAGES = ("de", "fr", "ru", "uk", "pl")
_YEAR = re.compile(r"(?<![\d.])((?:19|20)\d\d)(?![\d.])")
CORE = ("leave", "notify", "effect", "ratify", "accede", "sign", "suspend", "deratify", "vote", "announce")


@functools.lru_cache(maxsize=1)
def wordlists() -> dict[str, dict[str, re.Pattern[str]]]:
    data = json.loads(resources.files("treatywatch").joinpath("data/wordlists.json").read_text(encoding="utf-8"))
    out: dict[str, dict[str, re.Pattern[str]]] = {}
    for lang in LANGUAGES:
        out[lang] = {}
        for cue, patterns in data[lang].items():
            if cue in ("months", "weekdays"):
                continue
            out[lang][cue] = re.compile(r"(?<!\w)(?:%s)" % "|".join(patterns), re.IGNORECASE)
        out[lang]["_months"] = re.compile(
            r"(?<!\w)(?P<day>[0-3]?\d)\.?\s+(?P<month>%s)\w*(?:\s+(?P<year>(?:19|20)\d\d))?"
            % "|".join(f"(?P<m{i}>{m})" for i, m in enumerate(data[lang]["months"])), re.IGNORECASE)
        out[lang]["_weekdays"] = re.compile(
            r"(?<!\w)(?:%s)" % "|".join(f"(?P<w{i}>{w})" for i, w in enumerate(data[lang]["weekdays"])), re.IGNORECASE)
    return out


def find_dates_lang(text: str, lang: str, published: dt.date | None) -> list[DateMention]:
    """Dates in ``text`` written in ``lang`` (plus ISO dates and years)."""
    wl = wordlists()[lang]
    found = [d for d in find_dates(text, published) if d.basis == "explicit" and d.precision == "day"]
    for m in _YEAR.finditer(text):
        if not any(d.start <= m.start() < d.end for d in found):
            found.append(DateMention(m.start(), m.end(), m.group(0), dt.date(int(m.group(1)), 1, 1), "explicit", "year"))
    for m in wl["_months"].finditer(text):
        month = next(i for i in range(12) if m.group(f"m{i}")) + 1
        day = int(m.group("day"))
        note = None
        if m.group("year"):
            year = int(m.group("year"))
        elif published is not None:
            year = published.year if (month, day) <= (published.month, published.day) or month <= published.month else published.year - 1
            note = f"year {year} taken from the publication date"
        else:
            continue
        try:
            found.append(DateMention(m.start(), m.end(), m.group(0), dt.date(year, month, day), "explicit", "day", note))
        except ValueError:
            continue
    if published is not None:
        for m in wl["_weekdays"].finditer(text):
            wd = next(i for i in range(7) if m.group(f"w{i}"))
            back = (published.weekday() - wd) % 7
            found.append(DateMention(m.start(), m.end(), m.group(0), published - dt.timedelta(days=back), "relative", "day"))
        for m in wl["today"].finditer(text):
            found.append(DateMention(m.start(), m.end(), m.group(0), published, "relative", "day"))
        for m in wl["yesterday"].finditer(text):
            found.append(DateMention(m.start(), m.end(), m.group(0), published - dt.timedelta(days=1), "relative", "day"))
    return sorted(found, key=lambda d: d.start)


class ListExtraction:
    """The claims of one article in a language read with word lists."""

    def __init__(self, lexicon: Lexicon, article: Article, treaty_dates: Any) -> None:
        from .extract import _outside_names  # shared helper

        self.lex = lexicon
        self.article = article
        self.lang = article.language
        self.wl = wordlists()[self.lang]
        self.treaties = lexicon.treaty_mentions(article.text)
        self.title_treaties = lexicon.treaty_mentions(article.title)
        self.states = _outside_names(lexicon.state_mentions(article.text), self.treaties, article.text)
        self.published = article.published.date() if article.published else None
        self.treaty_dates = treaty_dates
        self.leave_seen = False

    def run(self) -> list[Claim]:
        best: dict[tuple[str, str, str, str], Claim] = {}
        last_states: list[str] = []
        for start, end in split_sentences(self.article.text):
            for claim in self._sentence(start, end, last_states):
                key = (claim.state, claim.treaty, claim.action, claim.modality)
                best.setdefault(key, claim)
        return sorted(best.values(), key=lambda c: c.evidence.start)

    def _sentence(self, start: int, end: int, last_states: list[str]) -> list[Claim]:
        text = self.article.text[start:end]
        hits = {cue: list(pattern.finditer(text)) for cue, pattern in self.wl.items() if not cue.startswith("_")}
        if not any(hits.get(c) for c in CORE):
            return []
        action, strength, cue_at = self._action(hits)
        if hits["leave"]:
            self.leave_seen = True
        if action is None:
            return []
        treaty = self._treaty(start, end, cue_at, text, hits)
        if treaty is None:
            return []
        states = [m for m in self.states if start <= m.start < end and m.kind != "official"]
        officials = [m for m in self.lex.state_mentions(text) if m.kind == "official"]
        chosen = self._subjects(states, start + cue_at, last_states, officials)
        if not chosen:
            return []
        modality = self._modality(hits, text, cue_at, action)
        if modality == "planned" and action == "took_effect" and strength < 0.6:
            action, modality = "intent_announced", "asserted"
        dates = find_dates_lang(text, self.lang, self.published)
        date = min(dates, key=lambda d: abs(d.start - cue_at)) if dates else None
        if date is not None and action != "took_effect" and hits["effect"] and any(
                abs(d.start - h.start()) < 40 for d in [date] for h in hits["effect"]) and len(dates) > 1:
            others = [d for d in dates if d is not date]
            date = min(others, key=lambda d: abs(d.start - cue_at))
        out = []
        for state in chosen:
            if modality == "asserted":
                last_states.append(state)
            out.append(self._claim(state, treaty, action, modality, strength, date, start, end))
        return out

    def _action(self, hits: dict[str, list[re.Match[str]]]) -> tuple[str | None, float, int]:
        def at(cue: str) -> int:
            return hits[cue][0].start()

        if hits["deratify"]:
            return "deratified", 0.85, at("deratify")
        leaving = bool(hits["leave"])
        if hits["suspend"] and not leaving:
            return "suspended", 0.8, at("suspend")
        if leaving or (hits["notify"] and hits["depositary"]):
            anchor = at("leave") if leaving else at("notify")
            if hits["effect"] and leaving:
                return "took_effect", 0.8, anchor
            if hits["notify"] and (hits["depositary"] or leaving):
                return "notified", 0.85, anchor
            if hits["sign"] and hits["law"]:
                return "law_signed", 0.8, anchor
            if hits["vote"] and (hits["legislature"] or hits["law"]):
                return "parliament_approved", 0.85, anchor
            if hits["decree"] or (hits["government"] and hits["vote"]):
                return "government_approved", 0.75, anchor
            if hits["announce"]:
                return "intent_announced", 0.75, anchor
            if hits["suspend"]:
                return "suspended", 0.75, at("suspend")
            return "took_effect", 0.55, anchor
        if self.leave_seen and hits["law"] and not hits["ratify"]:
            # "the Sejm passed the law on 25 June", after the article named the withdrawal
            if hits["sign"]:
                return "law_signed", 0.75, at("sign")
            if hits["vote"] and hits["legislature"]:
                return "parliament_approved", 0.75, at("vote")
        if hits["ratify"]:
            return "ratified", 0.8, at("ratify")
        if hits["accede"]:
            return "acceded", 0.8, at("accede")
        if hits["sign"] and not hits["law"] and not hits["decree"]:
            return "signed", 0.7, at("sign")
        return None, 0.0, 0

    def _treaty(self, start: int, end: int, cue_at: int, text: str, hits: dict[str, list[re.Match[str]]]) -> str | None:
        inside = [m for m in self.treaties if start <= m.start < end]
        if inside:
            return min(inside, key=lambda m: abs(m.start - start - cue_at)).ref
        if hits["generic_treaty"] or hits["leave"] or hits["suspend"]:
            before = [m for m in self.treaties if m.end <= start and m.ref != "north_atlantic_treaty"]
            if before:
                return before[-1].ref
            if self.title_treaties:
                return self.title_treaties[0].ref
        return None

    def _subjects(self, states: list[Mention], cue_pos: int, last_states: list[str], officials: list[Mention]
                  ) -> list[str]:
        before = [m for m in states if m.start < cue_pos]
        group = before or states[:1]
        if not group:
            return [last_states[-1]] if last_states else []
        # the first run of states joined by commas and conjunctions is the subject
        text = self.article.text
        out = [group[0]]
        for m in (before or states)[1:]:
            gap = text[out[-1].end:m.start]
            if re.fullmatch(r"\s*(?:,|и|і|та|i|und|et|oraz|a|&)?\s*", gap, re.IGNORECASE):
                out.append(m)
            else:
                break
        return list(dict.fromkeys(str(self.lex.state_of(m)) for m in out if self.lex.state_of(m)))

    def _modality(self, hits: dict[str, list[re.Match[str]]], text: str, cue_at: int, action: str) -> str:
        if text.rstrip().endswith("?"):
            return "question"
        if hits["called_for"]:
            return "called_for"
        if any(0 <= cue_at - m.start() <= 40 for m in hits["negation"]):
            return "denied"
        if hits["hypothetical"]:
            return "hypothetical"
        if hits["planned"] and action != "intent_announced":
            return "planned"
        return "asserted"

    def _claim(self, state: str, treaty: str, action: str, modality: str, strength: float,
               date: DateMention | None, start: int, end: int) -> Claim:
        pub = self.published
        notes = [f"read with the {self.lang} word lists (no parser)"]
        if date and date.note:
            notes.append(date.note)
        effective = None
        if date is not None:
            effective = self.treaty_dates(treaty, action, date.date)
        background = bool(date and pub and (pub - date.date).days > 365 and modality == "asserted")
        return Claim(
            article=self.article.id, state=state, treaty=treaty, action=action,
            date=date.date if date else None,
            date_basis=date.basis if date else ("bounded" if pub else "unknown"),
            date_precision=date.precision if date else None, bound=pub, effective=effective,
            modality=modality, confidence=round(strength, 3),
            evidence=Evidence(start, end, self.article.text[start:end]), notes=tuple(notes), background=background,
        )
