"""Benchmark language detection and body normalisation against an earlier commit's.

    python benchmarks/bench_text.py [--old COMMIT] [--corpus DIR] [--repeat N]

The earlier ``normalise_body`` and ``detect_language`` (default: commit df61aa5, before they
were made faster) are taken from ``git show COMMIT:src/treatywatch/text.py``, or
``src/treatywatch/ingest.py`` at a commit from before text handling had its own module: only
those functions and the constants, helpers and word lists they use, so the rest of that module
need not import.  Both versions run over the same texts: every file under tests/data (raw), the title
and body of every article read from them and, with ``--corpus``, the *.txt files of a
generated corpus (benchmarks/gen_corpus.py).  The report gives the best of ``--repeat`` runs
(CPU time) of each function, old and new, the speed-up, and whether every result is identical
(exit status 1 if one is not).
"""

from __future__ import annotations

import argparse
import ast
import collections
import functools
import itertools
import json
import re
import subprocess
import sys
import time
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any

PROJECT_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_ROOT / "src"))

from treatywatch import Article, read_articles  # noqa: E402
from treatywatch.text import detect_language, normalise_body  # noqa: E402

# Their names in either module, private (ingest.py) or public (text.py).
OLD_NAMES = {"_GLUED_QUOTE", "_GLUED_WORD", "_SPACES", "_TOKENS", "_PARAGRAPH_BREAK", "normalise_body", "_stopword_data",
             "_stopwords", "_word_languages", "_lower_words", "_CYRILLIC", "detect_language",
             "GLUED_QUOTE", "SPACES", "TOKENS", "stopword_data", "stopwords", "word_languages"}
MODULES = ("src/treatywatch/text.py", "src/treatywatch/ingest.py")  # where they are, newest first


def old_functions(commit: str) -> dict[str, Any]:
    """``normalise_body`` and ``detect_language`` as they were at ``commit``."""
    for path in MODULES:
        shown = subprocess.run(["git", "show", f"{commit}:{path}"], cwd=PROJECT_ROOT, capture_output=True, text=True)
        if shown.returncode == 0:
            break
    else:
        raise SystemExit(f"{commit}: neither {' nor '.join(MODULES)} found")
    source = shown.stdout
    wanted = [node for node in ast.parse(source).body
              if (isinstance(node, ast.FunctionDef) and node.name in OLD_NAMES)
              or (isinstance(node, ast.Assign) and any(getattr(t, "id", None) in OLD_NAMES for t in node.targets))]
    namespace: dict[str, Any] = {"re": re, "json": json, "functools": functools, "resources": resources, "Any": Any,
                                 "collections": collections, "itertools": itertools}
    exec(compile(ast.Module(wanted, type_ignores=[]), f"{commit}:{path}", "exec"), namespace)  # noqa: S102
    return namespace


def texts(corpus: Path | None) -> list[str]:
    data = PROJECT_ROOT / "tests" / "data"
    files = sorted(p for p in data.rglob("*") if p.is_file())
    out = [p.read_bytes().decode("utf-8", "replace") for p in files]
    readable = [str(p) for p in files if p.suffix in (".txt", ".html", ".json", ".jsonl", ".xml")]
    out += [f"{a.title}\n{a.text}" for a in read_articles(readable) if isinstance(a, Article)]
    if corpus is not None:
        out += [p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt"))]
    return out


def best_time(function: Callable[[str], str], inputs: list[str], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        for text in inputs:
            function(text)
        best = min(best, time.process_time() - start)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--old", default="df61aa5", help="the commit to compare with (default df61aa5)")
    parser.add_argument("--corpus", type=Path, help="also a generated corpus (its *.txt files)")
    parser.add_argument("--repeat", type=int, default=5, help="runs of each function; the best counts (default 5)")
    args = parser.parse_args(argv)
    old = old_functions(args.old)
    inputs = texts(args.corpus)
    identical = True
    total_old = total_new = 0.0
    print(f"{len(inputs):,} texts, {sum(map(len, inputs)):,} characters; old = {args.old}; best of {args.repeat} runs (CPU s)")
    print(f"{'function':<18}{'old s':>9}{'new s':>9}{'speed-up':>10}  identical")
    for name, new in (("normalise_body", normalise_body), ("detect_language", detect_language)):
        same = all(old[name](t) == new(t) for t in inputs)
        identical = identical and same
        before, after = best_time(old[name], inputs, args.repeat), best_time(new, inputs, args.repeat)
        total_old, total_new = total_old + before, total_new + after
        print(f"{name:<18}{before:>9.3f}{after:>9.3f}{before / after:>9.1f}x  {'yes' if same else 'NO'}")
    print(f"{'both':<18}{total_old:>9.3f}{total_new:>9.3f}{total_old / total_new:>9.1f}x")
    return 0 if identical else 1


if __name__ == "__main__":
    sys.exit(main())
