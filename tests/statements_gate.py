"""Statements quality gate: precision/recall of speaker, state, stance and reasons on the labelled
statements (tests/data/statements_gold.jsonl) against pinned floors in tests/statements_baseline.json.

    python tests/statements_gate.py            # print the figures, exit 1 below a floor
    python tests/statements_gate.py --update   # raise floors to the current figures (never lowers)

`make test` runs the same check (tests/test_statements.py).
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
GOLD = DATA / "statements_gold.jsonl"
FOLDERS = (DATA / "articles", DATA / "corpus")
BASELINE = ROOT / "tests" / "statements_baseline.json"


def measure() -> dict[str, dict[str, float]]:
    from treatywatch import api
    from treatywatch.models import Article
    from treatywatch.statements import evaluate_statements, read_statement_gold

    found: dict[str, Any] = {}
    texts: dict[str, str] = {}
    for item, said in api.statements([str(f) for f in FOLDERS]):
        if isinstance(item, Article):
            texts[item.id] = item.text
            found[item.id] = said
    scores, _errors = evaluate_statements(read_statement_gold(str(GOLD)), found, texts)
    return {field: {"precision": round(s.precision, 4), "recall": round(s.recall, 4)} for field, s in scores.items()}


def failures(current: dict[str, Any], floors: dict[str, Any]) -> list[str]:
    bad = []
    for field, metrics in floors.items():
        for metric, floor in metrics.items():
            now = current.get(field, {}).get(metric)
            if now is None or now < floor:
                bad.append(f"{field} {metric} {now} < floor {floor:.4f}")
    return bad


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--update", action="store_true", help="raise floors to the current figures")
    args = parser.parse_args()
    current = measure()
    floors = json.loads(BASELINE.read_text(encoding="utf-8")) if BASELINE.exists() else {}
    for field, m in current.items():
        print(f"{field:10} P {m['precision']:.3f}  R {m['recall']:.3f}")
    if args.update:
        new = {f: {k: max(math.floor(v * 1000) / 1000, floors.get(f, {}).get(k, 0.0)) for k, v in m.items()}
               for f, m in current.items()}
        BASELINE.write_text(json.dumps(new, indent=2) + "\n", encoding="utf-8")
        print(f"floors written to {BASELINE.relative_to(ROOT)}")
        return 0
    bad = failures(current, floors)
    for line in bad:
        print("BELOW FLOOR:", line)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
