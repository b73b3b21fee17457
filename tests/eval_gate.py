"""Extraction quality gate: precision/recall on the team's labelled corpora against pinned floors.

    python tests/eval_gate.py            # print the figures, exit 1 below a floor
    python tests/eval_gate.py --update   # raise floors to the current figures (never lowers)
    python tests/eval_gate.py --lower    # set floors to the current figures even when lower (explicit)

`make test` runs the same check (tests/test_quality.py).  Floors live in tests/eval_baseline.json.

The floors hold the rules alone, the default.  The claim filter (``--set claim_filter=true``) was
trained on these very articles, so its figures here are in-sample: the test suite checks that it
keeps them above the floors too, but they are not what the floors measure (docs/claim-filter.md).
"""

from __future__ import annotations

import argparse
import json
import math
import pathlib
import sys
from typing import Any

ROOT = pathlib.Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
BASELINE = ROOT / "tests" / "eval_baseline.json"
SETS = {
    "corpus": (DATA / "gold.jsonl", DATA / "corpus"),
    "demo": (DATA / "demo_gold.jsonl", ROOT / "src" / "treatywatch" / "samples"),
    # written after the rules were tuned on the corpus; see tests/data/LABELLING.md
    "heldout": (DATA / "heldout_gold.jsonl", DATA / "heldout"),
}
GROUPS = ("all", "non-English")
HIGHER = ("strict_f1", "coarse_f1", "date_accuracy")  # precision and recall are printed, F1 is gated
LOWER = ("false_on_negative",)


def measure(claim_filter: pathlib.Path | None = None) -> dict[str, dict[str, dict[str, float]]]:
    """The figures of every set, extracted by the rules alone or with the claim filter at ``claim_filter``."""
    from treatywatch import api
    from treatywatch.evaluate import evaluate_corpus, read_gold
    from treatywatch.extract import ExtractOptions, Extractor

    extractor = Extractor(ExtractOptions(claim_filter=claim_filter))

    out: dict[str, dict[str, dict[str, float]]] = {}
    for name, (gold_path, folder) in SETS.items():
        if not gold_path.exists():
            continue
        gold = read_gold(gold_path)
        articles, claims = [], []
        for item, found in api.extract([str(folder)], extractor=extractor):
            if hasattr(item, "text"):
                articles.append(item)
                claims.extend(found)
        results = evaluate_corpus(gold, articles, claims)
        out[name] = {}
        for group in GROUPS:
            if group not in results:
                continue
            ev = results[group]
            out[name][group] = {
                "strict_f1": round(ev.strict.f1, 4), "coarse_f1": round(ev.coarse.f1, 4),
                "strict_precision": round(ev.strict.precision, 4), "strict_recall": round(ev.strict.recall, 4),
                "date_accuracy": round(ev.date_accuracy, 4), "false_on_negative": ev.false_on_negative,
                "articles": ev.articles,
            }
    return out


def failures(current: dict[str, Any], floors: dict[str, Any]) -> list[str]:
    bad = []
    for name, groups in floors.items():
        for group, metrics in groups.items():
            now = current.get(name, {}).get(group)
            if now is None:
                bad.append(f"{name}/{group}: not measured (corpus missing?)")
                continue
            for metric, floor in metrics.items():
                if metric in HIGHER and now[metric] < floor:
                    bad.append(f"{name}/{group} {metric} {now[metric]:.4f} < floor {floor:.4f}")
                if metric in LOWER and now[metric] > floor:
                    bad.append(f"{name}/{group} {metric} {now[metric]} > ceiling {floor}")
    return bad


def load_floors() -> dict[str, Any]:
    return json.loads(BASELINE.read_text(encoding="utf-8")) if BASELINE.exists() else {}


def new_floors(current: dict[str, Any], floors: dict[str, Any], allow_lower: bool) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, groups in current.items():
        out[name] = {}
        for group, metrics in groups.items():
            old = floors.get(name, {}).get(group, {})
            out[name][group] = {}
            for metric in HIGHER:
                value = math.floor(metrics[metric] * 1000) / 1000
                out[name][group][metric] = value if allow_lower else max(value, old.get(metric, 0.0))
            for metric in LOWER:
                value = metrics[metric]
                out[name][group][metric] = value if allow_lower or metric not in old else min(value, old[metric])
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--update", action="store_true", help="raise floors to the current figures")
    parser.add_argument("--lower", action="store_true", help="set floors to the current figures, even lower ones")
    args = parser.parse_args()
    current = measure()
    floors = load_floors()
    for name, groups in current.items():
        for group, m in groups.items():
            print(f"{name:7} {group:12} articles {m['articles']:4}  strict F1 {m['strict_f1']:.3f} "
                  f"(P {m['strict_precision']:.3f} R {m['strict_recall']:.3f})  coarse F1 {m['coarse_f1']:.3f}  "
                  f"dates {m['date_accuracy']:.3f}  false on negatives {m['false_on_negative']}")
    if args.update or args.lower:
        BASELINE.write_text(json.dumps(new_floors(current, floors, args.lower), indent=2) + "\n", encoding="utf-8")
        print(f"floors written to {BASELINE.relative_to(ROOT)}")
        return 0
    bad = failures(current, floors)
    for line in bad:
        print("BELOW FLOOR:", line)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
