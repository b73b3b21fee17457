"""Evaluate: precision and recall of extracted claims against a labelled corpus.

Gold claims are in the claims export format (one JSON object a line) with at least
``article``, ``state``, ``treaty``, ``action``, ``modality`` and ``date``.  Only asserted claims
count as facts: a predicted asserted claim that the gold does not assert is a false positive.
"""

from __future__ import annotations

import dataclasses
import json
import os
from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import Any

from .errors import InputError
from .models import ACTIONS, JOINING_STEPS, Claim, direction


@dataclasses.dataclass(frozen=True)
class Scores:
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, float | int]:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
                "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclasses.dataclass
class Evaluation:
    strict: Scores
    coarse: Scores
    date_accuracy: float
    dated_matches: int
    negative_articles: int
    false_on_negative: int
    per_action: dict[str, Scores]
    articles: int
    errors: list[str]

    def to_dict(self) -> dict[str, Any]:
        return {
            "articles": self.articles,
            "strict": self.strict.to_dict(),
            "coarse": self.coarse.to_dict(),
            "date_accuracy": round(self.date_accuracy, 4),
            "dated_matches": self.dated_matches,
            "negative_articles": self.negative_articles,
            "false_claims_on_negative_articles": self.false_on_negative,
            "per_action": {a: s.to_dict() for a, s in self.per_action.items()},
        }


def read_gold(path: str | os.PathLike[str]) -> list[dict[str, Any]]:
    """Gold claims from a JSONL file; a bad line raises ``InputError`` naming the line."""
    name = os.fspath(path)
    out = []
    for i, row in _jsonl(name):
        missing = [k for k in ("article", "state", "treaty", "action") if k not in row]
        if missing or row["action"] not in ACTIONS:
            raise InputError(f"{name}:{i}", f"missing {missing}" if missing else f"unknown action {row['action']!r}")
        row.setdefault("modality", "asserted")
        if row.get("instrument") is not None and row["action"] not in JOINING_STEPS:
            raise InputError(f"{name}:{i}", f"an instrument names what a domestic step of joining is about, not a "
                                             f"{row['action']!r}")
        out.append(row)
    return out


def evaluate_claims(gold: Iterable[dict[str, Any]], predicted: Iterable[Claim], articles: Iterable[str],
                    min_confidence: float = 0.5) -> Evaluation:
    """Score ``predicted`` claims against ``gold`` over the given article ids.

    Predicted claims count when asserted and at least ``min_confidence`` (the same floor below
    which a claim never makes an event).
    """
    article_ids = set(articles)
    gold = [g for g in gold if g["article"] in article_ids]
    gold_asserted = {(g["article"], g["state"], g["treaty"], g["action"]): g for g in gold if g["modality"] == "asserted"}
    # a domestic step's direction: a gold line names the instrument of a step of joining, as a claim does
    gold_ways = {k: direction(k[3], g.get("instrument")) for k, g in gold_asserted.items()}
    pred = [c for c in predicted if c.modality == "asserted" and c.article in article_ids
            and c.confidence >= min_confidence]
    pred_keys: dict[tuple[str, str, str, str], Claim] = {}
    for c in sorted(pred, key=lambda c: -c.confidence):
        pred_keys.setdefault((c.article, c.state, c.treaty, c.action), c)
    strict = _scores(set(gold_asserted), set(pred_keys))
    coarse = _scores({(a, s, t, way) for (a, s, t, _x), way in gold_ways.items()},
                     {(a, s, t, direction(x, c.instrument)) for (a, s, t, x), c in pred_keys.items()})
    dated = right = 0
    errors = []
    for key in set(gold_asserted) & set(pred_keys):
        g, p = gold_asserted[key], pred_keys[key]
        if g.get("date"):
            dated += 1
            if p.date is not None and p.date.isoformat() == g["date"]:
                right += 1
            else:
                errors.append(f"date {key}: gold {g['date']}, got {p.date}")
    for key in sorted(set(pred_keys) - set(gold_asserted)):
        errors.append(f"false {key}: {pred_keys[key].evidence.text[:90]!r}")
    for key in sorted(set(gold_asserted) - set(pred_keys)):
        errors.append(f"missed {key}")
    per_action = {}
    for action in ACTIONS:
        gold_keys = {k for k in gold_asserted if k[3] == action}
        found_keys = {k for k in pred_keys if k[3] == action}
        if gold_keys or found_keys:
            per_action[action] = _scores(gold_keys, found_keys)
    by_article: dict[str, int] = Counter(k[0] for k in gold_asserted)
    negatives = [a for a in article_ids if by_article.get(a, 0) == 0]
    false_neg = sum(1 for k in pred_keys if k[0] in negatives)
    return Evaluation(strict, coarse, right / dated if dated else 1.0, dated, len(negatives), false_neg,
                      per_action, len(article_ids), errors)


def _scores(gold: set[Any], pred: set[Any]) -> Scores:
    return Scores(len(gold & pred), len(pred - gold), len(gold - pred))


def format_evaluation(ev: Evaluation, title: str = "all articles") -> str:
    lines = [f"{title}: {ev.articles} articles ({ev.negative_articles} with no asserted act)"]
    for name, s in (("strict (state, treaty, action)", ev.strict), ("coarse (state, treaty, direction)", ev.coarse)):
        lines.append(f"  {name:36} P {s.precision:.3f}  R {s.recall:.3f}  F1 {s.f1:.3f}  (tp {s.tp}, fp {s.fp}, fn {s.fn})")
    lines.append(f"  date accuracy on matched claims       {ev.date_accuracy:.3f}  ({ev.dated_matches} with a gold date)")
    lines.append(f"  false asserted claims on negative articles: {ev.false_on_negative}")
    lines.append("  per action:")
    for action, s in ev.per_action.items():
        lines.append(f"    {action:20} P {s.precision:.3f}  R {s.recall:.3f}  F1 {s.f1:.3f}  (tp {s.tp}, fp {s.fp}, fn {s.fn})")
    return "\n".join(lines)


def read_split(path: str | os.PathLike[str], split: str) -> set[str]:
    """The article ids of one split (``test`` or ``dev``) in a locators file (JSONL with ``id`` and ``split``)."""
    name = os.fspath(path)
    ids = set()
    for _, row in _jsonl(name):
        if row.get("split") == split:
            ids.add(str(row["id"]))
    if not ids:
        raise InputError(name, f"no article of split {split!r}")
    return ids


def _jsonl(name: str) -> list[tuple[int, dict[str, Any]]]:
    """(line number, object) for each non-blank line of a JSONL file."""
    try:
        lines = open(name, encoding="utf-8").read().splitlines()
    except OSError as exc:
        raise InputError(name, f"cannot read: {exc.strerror or exc}") from None
    out = []
    for i, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            out.append((i, json.loads(line)))
        except json.JSONDecodeError as exc:
            raise InputError(f"{name}:{i}", f"invalid JSON ({exc.msg})") from None
    return out


def group_by_article(claims: Iterable[Claim]) -> dict[str, list[Claim]]:
    out: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        out[c.article].append(c)
    return out


def evaluate_corpus(gold: list[dict[str, Any]], articles: list[Any], claims: list[Claim],
                    min_confidence: float = 0.5, all_languages: bool = False) -> dict[str, Evaluation]:
    """Evaluations over all articles, English ones, non-English ones, and each language.

    An article's language is the gold's ``language`` when given, else the detected one.
    Articles in a language the tool does not read are left out unless ``all_languages``
    (then their acts count as missed).
    """
    from .text import SUPPORTED_LANGUAGES

    gold_lang = {g["article"]: g["language"] for g in gold if g.get("language")}
    all_langs = {a.id: gold_lang.get(a.id, a.language) for a in articles}
    # articles in a language the tool does not read are reported, not scored
    langs = {a: lang for a, lang in all_langs.items() if all_languages or lang in SUPPORTED_LANGUAGES}
    groups: dict[str, list[str]] = {"all": list(langs)}
    groups["non-English"] = [a for a, lang in langs.items() if lang != "en"]
    for lang in sorted(set(langs.values())):
        groups[lang] = [a for a, x in langs.items() if x == lang]
    return {name: evaluate_claims(gold, claims, ids, min_confidence) for name, ids in groups.items() if ids}
