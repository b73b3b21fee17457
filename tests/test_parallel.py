"""Parallel ingest (issue 12): worker processes read, gate and extract; one writer stores.

The ledger made with several workers is the same as one made with one, row for row; a killed
parallel run, rerun, ends with the same ledger as an uninterrupted one."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from treatywatch import Extractor, Ledger, ingest

DATA = Path(__file__).parent / "data"
ROOT = Path(__file__).parents[1]

# Every table a run writes, with the columns that do not hold the time of writing.
TABLES = {
    "articles": "id, title, source, url, published, language, text, content_hash, body_hash, duplicate_of",
    "claims": "article_id, state, treaty, action, date, date_basis, date_precision, bound, effective, modality,"
              " confidence, ev_start, ev_end, ev_text, actor, background, instrument, notes, quotes",
    "events": "*",
    "statements": "*",
    "rejects": "source, reason",
    "signatures": "*",
    "links": "url, article_id",
    "pending_events": "*",
}


def dump(db: str) -> dict[str, list[tuple[Any, ...]]]:
    """Every row a run wrote, in storage order where it has one (ids are the order of storing)."""
    conn = sqlite3.connect(db)
    try:
        return {t: conn.execute(f"SELECT {cols} FROM {t} ORDER BY rowid").fetchall() for t, cols in TABLES.items()}
    finally:
        conn.close()


def generated(folder: Path, articles: int, share: float, seed: int = 7) -> Path:
    out = folder / f"gen{articles}_{seed}"
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "gen_corpus.py"), str(out), "--articles", str(articles),
                    "--treaty-share", str(share), "--seed", str(seed)], check=True, capture_output=True)
    (out / "manifest.json").unlink()
    return out


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Generated news with many treaty acts, the multi-source corpus (syndicated copies and near
    duplicates), a file with the same content twice and inputs that are rejected."""
    root = tmp_path_factory.mktemp("parallel")
    folder = generated(root, 240, 0.25)
    shutil.copytree(DATA / "multisource", folder / "multisource")
    shutil.copytree(DATA / "corpus", folder / "corpus")
    first = sorted(folder.glob("*.txt"))[0]
    shutil.copy(first, folder / "zz_copy_of_first.txt")
    (folder / "zz_empty.txt").write_text("", encoding="utf-8")
    (folder / "zz_binary.html").write_bytes(b"\x00\x01\x02" * 50)
    return folder


def run(db: str, paths: list[str], workers: int, extractor: Extractor, batch: int = 200) -> Any:
    with Ledger(db, baseline=False) as ledger:
        return ingest(paths, ledger, extractor, workers=workers, batch=batch)


def test_workers_store_the_same_ledger_as_one(tmp_path: Path, corpus: Path, shipped_extractor: Extractor) -> None:
    paths = [str(corpus), str(tmp_path / "missing.txt"), str(corpus / "multisource" / "*.txt")]
    one = run(str(tmp_path / "one.db"), paths, 1, shipped_extractor)
    two = run(str(tmp_path / "two.db"), paths, 2, shipped_extractor, batch=37)
    assert one.ingested > 300 and one.claims > 50 and one.duplicates > 30 and one.rejected >= 3
    assert two.summary() == one.summary()
    a, b = dump(str(tmp_path / "one.db")), dump(str(tmp_path / "two.db"))
    for table in TABLES:
        assert a[table] == b[table], table
    assert any(row[-1] for row in a["articles"])  # near or exact copies were recognised


def test_ingest_command_workers_and_a_killed_run_resumes(tmp_path: Path, corpus: Path, shipped_extractor: Extractor) -> None:
    """Kill a parallel ingest part-way (SIGKILL: no clean-up), run it again: nothing lost, nothing doubled."""
    whole = str(tmp_path / "whole.db")
    run(whole, [str(corpus)], 1, shipped_extractor)
    db = str(tmp_path / "killed.db")
    cmd = [str(Path(sys.executable).parent / "treatywatch"), "--no-baseline", "--db", db, "ingest", str(corpus),
           "--workers", "2", "-q"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    deadline = time.monotonic() + 240
    stored = 0
    while time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.2)
        try:
            with sqlite3.connect(db, timeout=5) as conn:
                stored = conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        except sqlite3.Error:
            continue
        if stored >= 50:
            os.killpg(proc.pid, signal.SIGKILL)  # the writer and its workers
            break
    proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL, "the run ended before it could be killed"
    assert 0 < stored
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0] < len(dump(whole)["articles"])
    again = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    assert again.returncode == 1, again.stderr  # the corpus holds rejected inputs
    assert "unchanged" in again.stderr
    a, b = dump(whole), dump(db)
    for table in ("articles", "claims", "events", "statements", "signatures"):
        assert sorted(map(repr, a[table])) == sorted(map(repr, b[table])), table
    assert sorted(set(a["rejects"])) == sorted(set(b["rejects"]))


def test_batched_extraction_finds_what_one_article_at_a_time_finds(corpus: Path, shipped_extractor: Extractor) -> None:
    from treatywatch.models import Article
    from treatywatch.prepare import prepare

    items = list(__import__("treatywatch").read_articles([str(corpus)]))
    articles = [a for a in items if isinstance(a, Article)]
    batched = shipped_extractor.extract_batch(articles)
    assert batched == [shipped_extractor.extract(a) for a in articles]
    assert sum(len(c) for c in batched if isinstance(c, list)) > 50
    one = prepare(shipped_extractor, items, batch=False)
    assert prepare(shipped_extractor, items, batch=True) == one


def test_worker_pool_replaces_a_worker_that_dies() -> None:
    """The pool's worker handler sleeps until a worker exits or the pool changes (not whenever a
    result waits): a worker that dies still wakes it, and a new worker takes the next task."""
    import multiprocessing

    from treatywatch.prepare import _Pool

    pool = _Pool(1, context=multiprocessing.get_context("fork"))
    try:
        assert pool.apply(abs, (-3,)) == 3
        pool.apply_async(os._exit, (1,))  # the worker dies; its task never ends
        assert pool.apply_async(abs, (-5,)).get(timeout=30) == 5
    finally:
        pool.terminate()
        pool.join()
