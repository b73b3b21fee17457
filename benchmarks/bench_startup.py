"""Start-up figures: wall time of `treatywatch --version` and `treatywatch status apmbc` over
repeated runs (in a fresh process each time), and the in-process time of a status query.

    python benchmarks/bench_startup.py [RUNS]
"""

from __future__ import annotations

import datetime as dt
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BIN = Path(sys.executable).parent / "treatywatch"


def wall(args: list[str], runs: int, cwd: str) -> list[float]:
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([str(BIN), *args], cwd=cwd, check=True, stdout=subprocess.DEVNULL)
        out.append(time.perf_counter() - start)
    return out


def show(label: str, times: list[float]) -> None:
    print(f"{label:<34} min {min(times) * 1000:7.1f} ms  median {statistics.median(times) * 1000:7.1f} ms"
          f"  max {max(times) * 1000:7.1f} ms  ({len(times)} runs)")


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    # Byte-code as an installed package has it (PYTHONDONTWRITEBYTECODE would otherwise make every
    # run compile the sources again).
    import compileall

    import treatywatch

    compileall.compile_dir(os.path.dirname(treatywatch.__file__), quiet=1)
    with tempfile.TemporaryDirectory() as tmp:
        env_db = os.path.join(tmp, "treatywatch.db")
        subprocess.run([str(BIN), "--db", env_db, "status", "apmbc"], cwd=tmp, check=True,
                       stdout=subprocess.DEVNULL)  # creates the ledger (bundled tables) once
        show("treatywatch --version", wall(["--version"], runs, tmp))
        show("treatywatch status apmbc", wall(["--db", env_db, "status", "apmbc"], runs, tmp))
        from treatywatch import Ledger
        from treatywatch.status import status_as_of

        ledger = Ledger(env_db)
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            status_as_of(ledger, "apmbc", dt.date.today())
            times.append(time.perf_counter() - start)
        show("status_as_of('apmbc') in-process", times)
        ledger.close()


if __name__ == "__main__":
    main()
