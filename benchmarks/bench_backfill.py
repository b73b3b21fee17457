"""Benchmark `treatywatch backfill` on a distributed LocalCluster.

    python benchmarks/bench_backfill.py [--articles 100000] [--shards 20] [--workers 2]
                                        [--partitions 40] [--sample 1000] [--workdir DIR] [--keep]

Generates ``--articles`` articles as HTML pages in ``--shards`` WARC.gz files (gen_corpus.py
--warc-shards), starts a LocalCluster of ``--workers`` single-threaded worker processes on
127.0.0.1, and runs, as a child process,

    treatywatch --no-baseline --db backfill.db backfill SHARDS --scheduler tcp://127.0.0.1:PORT --partitions 40

It reports the wall clock, articles/s, the peak resident memory of the backfill process (the
writer) and of each worker, then checks that the claims of a sample of the articles (the first
``--sample`` generated, copied out of the shards into one WARC.gz) are identical to those a serial
ingest of that sample stores.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
CLI = HERE.parent / ".venv" / "bin" / "treatywatch"


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def sample_shard(shards: list[Path], out: Path, first: int) -> int:
    """Copy the records of the first ``first`` generated articles (names 00000_... to first-1)
    out of the shards into one WARC.gz (each record is its own gzip member: copied as bytes)."""
    from warcio.archiveiterator import ArchiveIterator

    n = 0
    with out.open("wb") as dest:
        for shard in shards:
            with shard.open("rb") as handle:
                records = ArchiveIterator(handle)
                for record in records:
                    uri = record.rec_headers.get_header("WARC-Target-URI") or ""
                    index = int(uri.rsplit("/", 1)[1].split("_")[0])
                    records.read_to_end()
                    if index < first:
                        offset, length = records.get_record_offset(), records.get_record_length()
                        with shard.open("rb") as again:
                            again.seek(offset)
                            dest.write(again.read(length))
                        n += 1
    return n


def claims_by_article(db: Path, articles: set[str] | None = None) -> dict[str, list[tuple[object, ...]]]:
    conn = sqlite3.connect(db)
    try:
        rows = conn.execute("SELECT article_id, state, treaty, action, date, date_basis, date_precision, bound,"
                            " effective, modality, confidence, ev_start, ev_end, ev_text, actor, background,"
                            " instrument, notes, quotes FROM claims ORDER BY id").fetchall()
    finally:
        conn.close()
    out: dict[str, list[tuple[object, ...]]] = {}
    for row in rows:
        if articles is None or row[0] in articles:
            out.setdefault(str(row[0]), []).append(tuple(row[1:]))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--shards", type=int, default=20)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--partitions", type=int, default=40)
    parser.add_argument("--sample", type=int, default=1000)
    parser.add_argument("--treaty-share", type=float, default=0.01)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workdir", type=Path)
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args(argv)
    from distributed import Client, LocalCluster

    temporary = args.workdir is None
    work = Path(tempfile.mkdtemp(prefix="treatywatch-backfill-")) if temporary else args.workdir.resolve()
    try:
        corpus = work / f"shards-{args.articles}-{args.shards}-{args.seed}"
        if not (corpus / "manifest.json").exists():
            log(f"generating {args.articles:,} articles in {args.shards} WARC.gz shards")
            subprocess.run([sys.executable, str(HERE / "gen_corpus.py"), str(corpus), "--articles", str(args.articles),
                            "--treaty-share", str(args.treaty_share), "--seed", str(args.seed), "--warc-shards",
                            str(args.shards), "--force"], check=True)
        shards = sorted(corpus.glob("shard-*.warc.gz"))
        db = work / "backfill.db"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        with LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                          dashboard_address=None) as cluster, Client(cluster) as client:
            cmd = [str(CLI), "--no-baseline", "--db", str(db), "backfill", *map(str, shards), "--scheduler",
                   cluster.scheduler_address, "--partitions", str(args.partitions), "-q"]
            log(f"backfill through a LocalCluster of {args.workers} workers: {' '.join(cmd[:6])} ... "
                f"--scheduler {cluster.scheduler_address} --partitions {args.partitions}")
            start = time.perf_counter()
            proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
            _, status, usage = os.wait4(proc.pid, 0)
            seconds = time.perf_counter() - start
            stderr = proc.stderr.read() if proc.stderr else ""
            if os.waitstatus_to_exitcode(status) != 0:
                print(stderr[-3000:], file=sys.stderr)
                return 1
            workers = client.run(peak_rss_mb)
        conn = sqlite3.connect(db)
        stored = conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        claims = conn.execute("SELECT COUNT(*) FROM claims").fetchone()[0]
        conn.close()
        sample = work / "sample.warc.gz"
        n = sample_shard(shards, sample, args.sample)
        sample_db = work / "sample.db"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{sample_db}{suffix}").unlink(missing_ok=True)
        log(f"serial ingest of the {n:,}-article sample")
        subprocess.run([str(CLI), "--no-baseline", "--db", str(sample_db), "ingest", str(sample), "-q",
                        "--workers", "1"], check=True, capture_output=True)
        serial = claims_by_article(sample_db)
        conn = sqlite3.connect(sample_db)
        sample_ids = {r[0] for r in conn.execute("SELECT id FROM articles")}
        conn.close()
        backfilled = claims_by_article(db, sample_ids)
        same = serial == backfilled
        print()
        print("treatywatch backfill benchmark")
        print(f"machine:  {os.cpu_count()} cores; LocalCluster of {args.workers} worker processes (1 thread each), "
              "127.0.0.1")
        print(f"corpus:   {args.articles:,} generated articles (treaty share {args.treaty_share}, seed {args.seed}) as "
              f"HTML pages in {len(shards)} WARC.gz shards, {sum(p.stat().st_size for p in shards) / 2**20:.0f} MiB")
        print(f"backfill: {seconds:.1f} s wall, {args.articles / seconds:,.0f} articles/s, {args.partitions} partitions; "
              f"stored {stored:,} articles, {claims:,} claims")
        print(f"peak RSS: writer (the backfill process) {usage.ru_maxrss / 1024:.0f} MiB; workers "
              + ", ".join(f"{mb:.0f} MiB" for mb in workers.values()))
        print(f"sample:   {len(sample_ids):,} articles, {sum(map(len, serial.values())):,} claims; claims identical "
              f"to a serial ingest of the sample: {'yes' if same else 'NO'}")
        return 0 if same and stored == args.articles else 1
    finally:
        if temporary and not args.keep:
            shutil.rmtree(work, ignore_errors=True)
        elif temporary:
            log(f"kept {work}")


if __name__ == "__main__":
    sys.exit(main())
