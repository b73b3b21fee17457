"""CPU seconds of one `treatywatch ingest`, run in this process: where a gated run's time goes.

    python benchmarks/ingest_cpu.py CORPUS [--workers N] [--db PATH]

prints one line: the wall time, the CPU seconds (user + system, ``resource.getrusage``) of this
process, the part of them spent before the worker pool forks (start-up: imports, the new
ledger, the model), and those of the worker processes together.  CPU seconds move less with
the load of other jobs than wall time does, so compare two versions of the code by running
this for each in turn, alternating, in the same period (an earlier commit's source goes first
on ``PYTHONPATH``: ``git archive COMMIT src | tar -x -C OLD``, then ``PYTHONPATH=OLD/src``).
The ledger (a fresh file, ``ingest-cpu.db`` in a temporary folder unless ``--db``) is kept
with ``--db``, e.g. to compare two versions' ledgers.
"""

from __future__ import annotations

import argparse
import multiprocessing.pool
import os
import resource
import sys
import tempfile
import time
from pathlib import Path
from typing import Any


def _cpu(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", help="folder (or file) to ingest")
    parser.add_argument("--workers", type=int, default=1, help="ingest --workers (default 1)")
    parser.add_argument("--db", help="the ledger to create (replaced if it exists; default: a temporary file)")
    args = parser.parse_args(argv)
    began, cpu_began = time.perf_counter(), _cpu(resource.RUSAGE_SELF)
    forked: list[float] = []
    start_pool = multiprocessing.pool.Pool.__init__

    def start_pool_noting_the_fork(self: Any, *a: Any, **k: Any) -> None:
        forked.append(_cpu(resource.RUSAGE_SELF) - cpu_began)
        start_pool(self, *a, **k)

    multiprocessing.pool.Pool.__init__ = start_pool_noting_the_fork  # type: ignore[method-assign]
    from treatywatch.cli import cli

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(args.db or Path(tmp) / "ingest-cpu.db")
        for path in (db, Path(f"{db}-wal"), Path(f"{db}-shm")):
            path.unlink(missing_ok=True)
        try:
            cli.main(["--db", str(db), "ingest", args.corpus, "--quiet", "--workers", str(args.workers)],
                     standalone_mode=False)
        except SystemExit as exc:  # exit status 1 when an input was rejected: the run is still measured
            if exc.code not in (None, 0, 1):
                raise
    wall = time.perf_counter() - began
    parent, workers = _cpu(resource.RUSAGE_SELF) - cpu_began, _cpu(resource.RUSAGE_CHILDREN)
    before = f" ({forked[0]:.2f} before the fork)" if forked else ""
    print(f"workers {args.workers}: wall {wall:.2f} s, CPU {parent + workers:.2f} s = this process {parent:.2f}{before}"
          f" + workers {workers:.2f}; load average {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
