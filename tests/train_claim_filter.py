"""Train the claim filter and measure it honestly (``make train``).

    python tests/train_claim_filter.py            # cross-validate, then write the model
    python tests/train_claim_filter.py --cv-only  # the figures only; the model is not touched

Samples are the claims the rules produce on the team's three labelled sets and on the real-news
DEV split (never the test split), each labelled 1 when the gold of its article asserts that
(state, treaty, action).  All claims train (the planned, called-for and denied ones teach what
a non-act reads like); only those the filter will score (``claim_filter.scored``) are scored.  The texts of the real-news corpus
must be in ``tests/data/realnews/texts`` (see its README for how to rebuild them).

Figures (docs/claim-filter.md):
- real-news dev, article-grouped 5-fold: train on the team sets and 4 folds, score the 5th;
  scores summed over folds, the rules alone on the same articles beside them.  The threshold
  of each fold is chosen on the other folds' scores (``nested``), so no fold picks its own.
- team sets, article-grouped 5-fold: train on the dev split and 4 folds, score the 5th.
The model written is trained on everything, with the threshold that is best over all dev folds.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import pathlib
import sys
from collections.abc import Callable
from typing import Any

ROOT = pathlib.Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
REALNEWS = DATA / "realnews"
TEAM_SETS = {  # name: (gold, folder); the sets of tests/eval_gate.py
    "corpus": (DATA / "gold.jsonl", DATA / "corpus"),
    "demo": (DATA / "demo_gold.jsonl", ROOT / "src" / "treatywatch" / "samples"),
    "heldout": (DATA / "heldout_gold.jsonl", DATA / "heldout"),
}
TRAINED_ON = "the team's corpus, demo and held-out sets and the real-news dev split"
SEED = 0
FOLDS = 5
THRESHOLDS = [round(0.05 * i, 2) for i in range(1, 19)]
GROUPS = ("all", "en", "non-English")


@dataclasses.dataclass
class Corpus:
    """Articles read by the rules alone, their claims, the gold, and each scored claim's text and label."""

    articles: list[Any]
    claims: dict[str, list[Any]]
    gold: list[dict[str, Any]]
    texts: dict[tuple[str, int], str]  # (article, index of the claim) -> what the filter reads
    labels: dict[tuple[str, int], bool]
    scored: set[tuple[str, int]]  # the claims the filter scores (asserted, not weak); all of them train it


def read_corpus(sets: list[tuple[pathlib.Path, list[pathlib.Path]]]) -> Corpus:
    from treatywatch import api
    from treatywatch.evaluate import read_gold
    from treatywatch.extract import ExtractOptions, Extractor
    from treatywatch.extract.claim_filter import claim_text, scored

    extractor = Extractor(ExtractOptions(claim_filter=None))
    out = Corpus([], {}, [], {}, {}, set())
    for gold_path, paths in sets:
        gold = read_gold(gold_path)
        out.gold += gold
        taken = {(g["article"], g["state"], g["treaty"], g["action"]) for g in gold if g["modality"] == "asserted"}
        for item, found in api.extract([str(p) for p in paths], extractor=extractor):
            if not hasattr(item, "text"):
                continue
            out.articles.append(item)
            out.claims[item.id] = found
            for i, c in enumerate(found):
                out.texts[item.id, i] = claim_text(c, item, found, extractor.lexicon)
                out.labels[item.id, i] = (c.article, c.state, c.treaty, c.action) in taken
                if scored(c):
                    out.scored.add((item.id, i))
    return out


def team_corpus() -> Corpus:
    return read_corpus([(gold, [folder]) for gold, folder in TEAM_SETS.values() if gold.exists()])


def dev_corpus() -> Corpus:
    from treatywatch.evaluate import read_split

    dev = sorted(read_split(REALNEWS / "locators.jsonl", "dev"))
    paths = [REALNEWS / "texts" / f"{a}.txt" for a in dev]
    missing = [p for p in paths if not p.exists()]
    if len(missing) == len(paths):
        sys.exit("no real-news text in tests/data/realnews/texts: rebuild them (tests/data/realnews/README.md)")
    if missing:
        print(f"warning: {len(missing)} of {len(paths)} dev texts missing; training without them")
    return read_corpus([(REALNEWS / "gold.jsonl", [p for p in paths if p.exists()])])


def fold_of(article: str) -> int:
    """The fold of an article: fixed by its id, so every run splits alike."""
    return int(hashlib.sha1(article.encode()).hexdigest(), 16) % FOLDS


def train(samples: list[tuple[str, bool]]) -> Any:
    from treatywatch.extract.claim_filter import train_pipeline

    return train_pipeline(sorted(samples), seed=SEED)


def out_of_fold(target: Corpus, extra: Corpus) -> dict[tuple[str, int], float]:
    """Each scored claim of ``target`` scored by a model trained on ``extra`` and the other folds."""
    from treatywatch.extract.claim_filter import LABEL

    scores: dict[tuple[str, int], float] = {}
    base = [(t, extra.labels[k]) for k, t in extra.texts.items()]
    for fold in range(FOLDS):
        inside = [k for k in target.scored if fold_of(k[0]) == fold]
        rest = [(t, target.labels[k]) for k, t in target.texts.items() if fold_of(k[0]) != fold]
        nlp = train(base + rest)
        for k, doc in zip(inside, nlp.pipe([target.texts[k] for k in inside])):
            scores[k] = float(doc.cats[LABEL])
    return scores


def filtered(corpus: Corpus, scores: dict[tuple[str, int], float], threshold: Callable[[str], float | None]
             ) -> list[Any]:
    """All claims of ``corpus`` with the filter applied at ``threshold(article)`` (``None``: rules alone)."""
    from treatywatch.extract.claim_filter import judged

    out = []
    for article, claims in corpus.claims.items():
        t = threshold(article)
        for i, c in enumerate(claims):
            out.append(judged(c, scores[article, i], t) if t is not None and (article, i) in scores else c)
    return out


def evaluate(corpus: Corpus, claims: list[Any], only: set[str] | None = None) -> dict[str, Any]:
    from treatywatch.evaluate import evaluate_corpus

    articles = [a for a in corpus.articles if only is None or a.id in only]
    return evaluate_corpus(corpus.gold, articles, claims)


def strict_f1(corpus: Corpus, scores: dict[tuple[str, int], float], t: float, folds: set[int]) -> float:
    only = {a.id for a in corpus.articles if fold_of(a.id) in folds}
    return float(evaluate(corpus, filtered(corpus, scores, lambda _a: t), only)["all"].strict.f1)


def best_threshold(corpus: Corpus, scores: dict[tuple[str, int], float], folds: set[int]) -> float:
    """The threshold with the best strict F1 over ``folds`` (the lowest of ties)."""
    return max(THRESHOLDS, key=lambda t: (strict_f1(corpus, scores, t, folds), -t))


def bootstrap(corpus: Corpus, a: list[Any], b: list[Any], rounds: int = 1000) -> float:
    """The share of article resamples (with replacement, fixed seed) on which ``b`` scores a
    strict F1 at least as high as ``a``: how far a difference stands above the luck of the sample."""
    import random

    from treatywatch.evaluate import evaluate_claims

    ids = sorted(a.id for a in corpus.articles)
    counts = {}
    for name, claims in (("a", a), ("b", b)):
        for i in ids:
            s = evaluate_claims(corpus.gold, claims, [i]).strict
            counts[name, i] = (s.tp, s.fp, s.fn)
    rng = random.Random(SEED)
    wins = 0
    for _ in range(rounds):
        sample = [rng.choice(ids) for _ in ids]
        f1 = {}
        for name in ("a", "b"):
            tp, fp, fn = (sum(counts[name, i][j] for i in sample) for j in range(3))
            f1[name] = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
        wins += f1["b"] >= f1["a"]
    return wins / rounds


def line(name: str, ev: Any) -> str:
    s = ev.strict
    return (f"  {name:26} strict P {s.precision:.3f} R {s.recall:.3f} F1 {s.f1:.3f} (tp {s.tp} fp {s.fp} fn {s.fn})"
            f"  coarse F1 {ev.coarse.f1:.3f}  dates {ev.date_accuracy:.3f}  false on negatives {ev.false_on_negative}")


def report(title: str, corpus: Corpus, runs: list[tuple[str, list[Any]]]) -> dict[str, float]:
    print(f"\n{title}")
    f1 = {}
    for group in GROUPS:
        for name, claims in runs:
            results = evaluate(corpus, claims)
            if group in results:
                ev = results[group]
                print(line(f"{group} {name}", ev) + (f"  ({ev.articles} articles)" if name == runs[0][0] else ""))
                f1[f"{group} {name}"] = ev.strict.f1
    return f1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cv-only", action="store_true", help="print the figures; do not write the model")
    parser.add_argument("--out", type=pathlib.Path, default=None, help="model folder (default: the package's)")
    args = parser.parse_args()
    from treatywatch.extract.claim_filter import MODEL_DIR, save_filter

    team, dev = team_corpus(), dev_corpus()
    for name, c in (("team", team), ("dev", dev)):
        print(f"{name}: {len(c.texts)} claims ({sum(c.labels.values())} taken), "
              f"{len(c.scored)} scored ({sum(c.labels[k] for k in c.scored)} taken)")
    dev_scores = out_of_fold(dev, team)
    print("\nreal-news dev, out-of-fold strict F1 by threshold (all articles):")
    for t in THRESHOLDS:
        print(f"  {t:.2f}  {strict_f1(dev, dev_scores, t, set(range(FOLDS))):.4f}")
    nested = {f: best_threshold(dev, dev_scores, set(range(FOLDS)) - {f}) for f in range(FOLDS)}
    print("nested thresholds by fold:", nested)
    pooled = best_threshold(dev, dev_scores, set(range(FOLDS)))
    rules = filtered(dev, dev_scores, lambda _a: None)
    chosen = filtered(dev, dev_scores, lambda a: nested[fold_of(a)])
    figures = report("real-news dev split, 5 article-grouped folds summed", dev, [
        ("rules", rules),
        ("+filter nested t", chosen),
        (f"+filter t={pooled:.2f}", filtered(dev, dev_scores, lambda _a: pooled)),
    ])
    team_scores = out_of_fold(team, dev)
    team_figures = report("team sets, 5 article-grouped folds summed", team, [
        ("rules", filtered(team, team_scores, lambda _a: None)),
        (f"+filter t={pooled:.2f}", filtered(team, team_scores, lambda _a: pooled)),
    ])
    gain = figures["all +filter nested t"] - figures["all rules"]
    print(f"\nnested CV strict F1 on dev: {figures['all rules']:.4f} -> {figures['all +filter nested t']:.4f} "
          f"({gain:+.4f}); chosen threshold {pooled:.2f}")
    share = bootstrap(dev, rules, chosen)
    print(f"paired bootstrap over dev articles: filter >= rules in {share:.1%} of 1000 resamples")
    if args.cv_only:
        return 0
    nlp = train([(t, dev.labels[k]) for k, t in dev.texts.items()] + [(t, team.labels[k]) for k, t in team.texts.items()])
    about = {"trained_on": TRAINED_ON, "seed": SEED, "samples": len(dev.texts) + len(team.texts),
             "bootstrap_share": share,
             "cv_dev_strict_f1": {"rules": round(figures["all rules"], 4),
                                  "filter_nested": round(figures["all +filter nested t"], 4)},
             "cv_team_strict_f1": {k: round(v, 4) for k, v in team_figures.items() if k.startswith("all")}}
    out = args.out or MODEL_DIR
    save_filter(nlp, pooled, out, about)
    print(f"model written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
