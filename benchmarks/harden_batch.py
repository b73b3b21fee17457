"""Hardening figure 1: one batch of malformed inputs of every format beside valid articles.

Runs ``treatywatch ingest`` on a folder of N generated malformed inputs (every format and
mutation of tests/fuzzing.py) and 50 valid articles, then checks: no traceback, every valid
article stored, every bad input either listed by ``treatywatch rejects`` or read as an article,
peak memory and wall time.  Usage: python benchmarks/harden_batch.py [N]
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.fuzzing import random_inputs, valid_article  # noqa: E402
from treatywatch import Ledger  # noqa: E402
from treatywatch.ingest import printable, read_articles  # noqa: E402
from treatywatch.models import Article  # noqa: E402

BIN = Path(sys.executable).parent


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1_200
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        bad = []
        for i, (name, data) in enumerate(random_inputs(count)):
            path = folder / f"{i:05d}_{name}"
            path.write_bytes(data)
            bad.append(path)
        for n in range(50):
            name, data = valid_article(n)
            (folder / name).write_bytes(data)
        db = str(Path(tmp) / "batch.db")
        started = time.monotonic()
        run = subprocess.run([str(BIN / "treatywatch"), "--db", db, "ingest", "-q", str(folder)],
                             capture_output=True, text=True, errors="replace")
        seconds = time.monotonic() - started
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        rejects = subprocess.run([str(BIN / "treatywatch"), "--db", db, "rejects"], capture_output=True, text=True,
                                 errors="replace").stdout.splitlines()
        sources = [line.split("\t", 1)[0] for line in rejects]
        with Ledger(db) as ledger:
            ids = {a["id"] for a in ledger.articles()}
        valid_stored = sum(f"valid_{n:04d}" in ids for n in range(50))
        listed = read_ok = neither = 0
        for path in bad:
            shown = printable(str(path), 10_000)[:290]
            if any(s.startswith(shown) for s in sources):
                listed += 1
            elif any(isinstance(i, Article) for i in read_articles([str(path)])):
                read_ok += 1  # the mutation left a readable article (e.g. a truncated tail)
            else:
                neither += 1
                print("NEITHER", repr(str(path)))
        kinds = sorted({p.name.rsplit(".", 2)[-1] if not p.name.endswith(".warc.gz") else "warc.gz" for p in bad})
        print(f"inputs: {count} malformed ({', '.join(kinds)}) + 50 valid")
        print(f"exit status {run.returncode}; tracebacks in output: {run.stderr.count('Traceback')}")
        print(f"valid articles stored: {valid_stored}/50")
        print(f"bad inputs listed by `rejects`: {listed}; read as an article: {read_ok}; neither: {neither}")
        print(f"reject lines: {len(rejects)}; summary: {run.stderr.strip().splitlines()[-1]}")
        print(f"wall time {seconds:.1f} s; peak memory {peak:.0f} MiB")


if __name__ == "__main__":
    main()
