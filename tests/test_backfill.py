"""Backfill through Dask (issue 12): the same ledger as a serial ingest, on a distributed
LocalCluster (loopback only) and on local processes; a killed backfill, run again, finishes."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from treatywatch import Extractor, Ledger, ingest, read_articles
from treatywatch.backfill import backfill, partitions_of
from treatywatch.models import Article

from .test_parallel import TABLES, dump

ROOT = Path(__file__).parents[1]
DATA = Path(__file__).parent / "data"
CLI = str(Path(sys.executable).parent / "treatywatch")


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """WARC.gz shards of generated pages, a JSONL file and a directory of news texts."""
    root = tmp_path_factory.mktemp("archive")
    shards = root / "shards"
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "gen_corpus.py"), str(shards), "--articles", "240",
                    "--treaty-share", "0.3", "--seed", "5", "--warc-shards", "6"], check=True, capture_output=True)
    records = [{"title": a.title, "text": a.text, "url": f"https://wire.example.org/{a.id}", "source": a.source,
                "published": a.published.isoformat() if a.published else None}
               for a in read_articles([str(DATA / "multisource")]) if isinstance(a, Article)]
    (root / "wire.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return [*sorted(str(p) for p in shards.glob("*.warc.gz")), str(root / "wire.jsonl"), str(DATA / "corpus")]


def test_partitions_keep_the_order_of_the_files() -> None:
    units = [("d", f"d/{i}") for i in range(10)]
    parts = partitions_of(units, 4)
    assert [len(p) for p in parts] == [3, 3, 2, 2] and [u for p in parts for u in p] == units
    assert partitions_of(units, 50) == [[u] for u in units]


def test_backfill_on_a_local_cluster_equals_a_serial_ingest(tmp_path: Path, archive: list[str],
                                                             shipped_extractor: Extractor) -> None:
    from distributed import Client, LocalCluster

    with Ledger(str(tmp_path / "serial.db"), baseline=False) as ledger:
        serial = ingest(archive, ledger, shipped_extractor)
    assert serial.ingested > 300 and serial.claims > 100
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None) as cluster, Client(cluster) as client:
        with Ledger(str(tmp_path / "dask.db"), baseline=False) as ledger:
            report = backfill(archive, ledger, scheduler=client, partitions=5, progress=False)
    assert (report.ingested, report.claims, report.rejected) == (serial.ingested, serial.claims, serial.rejected)
    a, b = dump(str(tmp_path / "serial.db")), dump(str(tmp_path / "dask.db"))
    for table in TABLES:
        assert a[table] == b[table], table


def test_a_killed_backfill_run_again_finishes_the_rest(tmp_path: Path, archive: list[str], shipped_extractor: Extractor) -> None:
    whole = str(tmp_path / "whole.db")
    with Ledger(whole, baseline=False) as ledger:
        ingest(archive, ledger, shipped_extractor)
    db = str(tmp_path / "killed.db")
    cmd = [CLI, "--no-baseline", "--db", db, "backfill", *archive, "--partitions", "8", "--workers", "2", "-q"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    deadline = time.monotonic() + 300
    done = 0
    while time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.1)
        try:
            with sqlite3.connect(db, timeout=5) as conn:
                done = conn.execute("SELECT COUNT(*) FROM meta WHERE key LIKE 'backfill:%'").fetchone()[0]
        except sqlite3.Error:
            continue
        if done >= 2:
            os.killpg(proc.pid, signal.SIGKILL)  # the backfill and its worker processes
            break
    proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL, "the backfill ended before it could be killed"
    with sqlite3.connect(db, timeout=5) as conn:  # a partition may have been stored between the count and the kill
        done = conn.execute("SELECT COUNT(*) FROM meta WHERE key LIKE 'backfill:%'").fetchone()[0]
    assert 2 <= done < 8
    again = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    assert again.returncode == 0, again.stderr
    assert f"{8 - done} of 8 partitions computed ({done} stored by an earlier run)" in again.stderr
    a, b = dump(whole), dump(db)
    for table in ("articles", "claims", "events", "statements", "signatures", "links"):
        assert a[table] == b[table], table
    third = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    assert "0 of 8 partitions computed (8 stored by an earlier run)" in third.stderr
