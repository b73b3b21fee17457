"""Hardening figure 3: kill -9 during first ingests, and two processes on one new ledger.

Reference: the bundled samples ingested into a new ledger once.  Then (a) TRIALS times: a first
ingest into a new ledger killed (SIGKILL) at a random moment, then run again to its end; (b)
PAIRS times: two processes creating and filling one new ledger at once.  Each resulting ledger
must equal the reference: the same events (official tables and news), articles, and Ottawa
Convention counts, and `treatywatch check` clean.
Usage: python benchmarks/harden_kill.py [TRIALS] [PAIRS]
"""

from __future__ import annotations

import datetime as dt
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from importlib import resources
from pathlib import Path

from treatywatch import Ledger
from treatywatch.baselines import check_ledger
from treatywatch.status import count_parties

BIN = Path(sys.executable).parent
DATES = [dt.date(1999, 3, 1), dt.date(2020, 1, 1), dt.date(2025, 12, 1), dt.date(2026, 3, 1)]


def ingest(db: str, samples: str) -> subprocess.Popen[str]:
    return subprocess.Popen([str(BIN / "treatywatch"), "--db", db, "ingest", "-q", samples],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def snapshot(db: str) -> tuple[object, ...]:
    with Ledger(db, repair=False) as ledger:
        events = sorted(e.id for e in ledger.events())
        tables = sorted(r[0] for r in ledger.conn.execute("SELECT source FROM imports"))
        counts = tuple(n for _, n in count_parties(ledger, "apmbc", DATES))
        return (tuple(events), tuple(tables), ledger.article_count(), counts, tuple(check_ledger(ledger)))


def main() -> None:
    trials = int(sys.argv[1]) if len(sys.argv) > 1 else 50
    pairs = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    rng = random.Random(9)
    with resources.as_file(resources.files("treatywatch").joinpath("samples")) as folder, \
            tempfile.TemporaryDirectory() as tmp:
        samples = str(folder)
        ref_db = os.path.join(tmp, "ref.db")
        started = time.monotonic()
        proc = ingest(ref_db, samples)
        proc.communicate()
        full = time.monotonic() - started
        reference = snapshot(ref_db)
        print(f"reference: {len(reference[0])} events, {len(reference[1])} tables, {reference[2]} articles, "
              f"Ottawa bound on {', '.join(map(str, DATES))}: {reference[3]}; first ingest {full:.1f} s")
        bad = 0
        for i in range(trials):
            db = os.path.join(tmp, f"kill{i}.db")
            proc = ingest(db, samples)
            wait = rng.uniform(0.05, full)
            time.sleep(wait)
            proc.send_signal(signal.SIGKILL)
            proc.communicate()
            rerun = ingest(db, samples)
            _, err = rerun.communicate()
            got = snapshot(db)
            ok = got == reference and rerun.returncode == 0
            bad += not ok
            if not ok:
                print(f"  kill {i} at {wait:.2f} s: DIFFERS (exit {rerun.returncode}) {err[-300:]}")
                print(f"    got {len(got[0])} events, {got[1:]}")  # type: ignore[arg-type]
        print(f"kill -9 at {trials} random moments of a first ingest, then a rerun: {trials - bad} ledgers equal "
              f"the reference, {bad} differ")
        bad = 0
        for i in range(pairs):
            db = os.path.join(tmp, f"pair{i}.db")
            procs = [ingest(db, samples), ingest(db, samples)]
            outs = [p.communicate() for p in procs]
            got = snapshot(db)
            ok = got == reference and all(p.returncode == 0 for p in procs)
            bad += not ok
            if not ok:
                print(f"  pair {i}: DIFFERS (exits {[p.returncode for p in procs]}) {[o[1][-300:] for o in outs]}")
        print(f"two processes creating and filling one new ledger, {pairs} trials: {pairs - bad} equal the "
              f"reference (both exit 0), {bad} differ")


if __name__ == "__main__":
    main()
