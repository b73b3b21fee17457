"""Backfill: a large archive (WARC or WARC.gz shards, JSONL files, directories) through Dask.

Reading, the gate and extraction run as pure functions over the partitions of a ``dask.bag``
(each partition a run of the input files, in order), on a local pool of processes or threads or
on a ``distributed`` cluster; the results come back to this process, which stores them in the
order of the partitions, one transaction a partition, with ``api.Writer`` (the ingest's writer:
the same copies recognised, the same claims and events as ``ingest``).  Each stored partition is
recorded in the same transaction, so a killed backfill, run again with the same inputs, skips
what it had stored and computes only the rest.
"""

from __future__ import annotations

import concurrent.futures
import dataclasses
import functools
import hashlib
import json
import logging
import multiprocessing
import os
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from .api import IngestReport, Writer
from .extract import ExtractOptions, Extractor
from .gate import Lexicon
from .ingest import Reader
from .ledger import Ledger
from .models import Article, Reject
from .prepare import Prepared, Unit, plan, prepare, read_unit
from .registry import load_registry
from .sources import ReadOptions

logger = logging.getLogger(__name__)

SCHEDULERS = ("processes", "threads")  # or a distributed scheduler's address, tcp://HOST:PORT
DONE_PREFIX = "backfill:"  # meta keys of stored partitions


@dataclasses.dataclass(frozen=True)
class Job:
    """What a partition needs to prepare its files (sent to every worker; plain data)."""

    options: ExtractOptions = ExtractOptions()
    registry_dirs: tuple[str, ...] = ()
    read: ReadOptions = dataclasses.field(default_factory=ReadOptions)


@dataclasses.dataclass
class BackfillReport(IngestReport):
    partitions: int = 0
    skipped_partitions: int = 0  # stored by an earlier run

    def summary(self) -> str:
        done = f"{self.partitions - self.skipped_partitions} of {self.partitions} partitions computed"
        if self.skipped_partitions:
            done += f" ({self.skipped_partitions} stored by an earlier run)"
        return f"{done}; {super().summary()}"


@functools.lru_cache(maxsize=4)
def _extractor(options: ExtractOptions, registry_dirs: tuple[str, ...]) -> Extractor:
    """One extractor a worker process, made on its first partition."""
    lexicon = Lexicon(load_registry(*registry_dirs)) if registry_dirs else None
    return Extractor(options, lexicon=lexicon)


def prepare_partition(units: Sequence[Unit], job: Job) -> list[Prepared]:
    """Read, gate and extract the files of one partition: a pure function of its inputs."""
    extractor = _extractor(job.options, job.registry_dirs)
    out: list[Prepared] = []
    with Reader(job.read) as reader:
        for unit in units:
            items: list[Article | Reject] = list(read_unit(reader, unit))
            for i in range(0, len(items), 64):
                out.extend(prepare(extractor, items[i:i + 64]))
    return out


def partitions_of(units: Sequence[Unit], count: int) -> list[list[Unit]]:
    """``units`` cut into ``count`` runs of consecutive units (as even as whole files allow)."""
    count = max(1, min(count, len(units)))
    size, extra = divmod(len(units), count)
    out, start = [], 0
    for i in range(count):
        end = start + size + (1 if i < extra else 0)
        out.append(list(units[start:end]))
        start = end
    return [p for p in out if p]


def _run_key(parts: Sequence[Sequence[Unit]]) -> str:
    """Names one backfill: its inputs and how they were cut (a rerun with the same ones resumes)."""
    text = json.dumps([[list(u) for u in p] for p in parts])
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def backfill(paths: Sequence[str], ledger: Ledger, job: Job | None = None, scheduler: str | Any = "processes",
             partitions: int | None = None, workers: int | None = None, progress: bool = True,
             on_item: Callable[[Article | Reject], None] | None = None) -> BackfillReport:
    """Ingest ``paths`` through Dask; see the module's documentation.

    ``scheduler``: ``processes`` (a local pool of ``workers`` processes), ``threads``, the
    address of a distributed scheduler (``tcp://HOST:PORT``) or a ``distributed.Client``.
    ``partitions`` defaults to four a worker (at least one file each)."""
    import dask.bag as db

    job = job or Job()
    workers = workers or os.cpu_count() or 1
    units = list(plan(paths))
    parts = partitions_of(units, partitions or 4 * workers)
    key = _run_key(parts)
    done = {k for k in ledger.meta(f"{DONE_PREFIX}{key}:")}
    report = BackfillReport(partitions=len(parts))
    todo = [i for i in range(len(parts)) if f"{DONE_PREFIX}{key}:{i}" not in done]
    report.skipped_partitions = len(parts) - len(todo)
    writer = Writer(ledger, report, on_item)
    if todo:
        bag = db.from_sequence([parts[i] for i in todo], partition_size=1)
        delayed = bag.map_partitions(_prepare_parts, job).to_delayed()
        for index, result in zip(todo, _computed(delayed, scheduler, workers, progress, job)):
            if on_item is not None:
                for p in result:
                    on_item(p.item)
            writer.store(result, then=functools.partial(ledger.set_meta, f"{DONE_PREFIX}{key}:{index}", "done"))
    writer.consolidate()
    return report


def _prepare_parts(chunk: Sequence[Sequence[Unit]], job: Job) -> list[Prepared]:
    return [p for units in chunk for p in prepare_partition(units, job)]


def _computed(delayed: list[Any], scheduler: str | Any, workers: int, progress: bool, job: Job) -> Iterator[list[Prepared]]:
    """Each partition's results, in order, computed on ``scheduler``; at most a few partitions
    a worker wait to be stored, so memory stays bounded however long the archive."""
    if isinstance(scheduler, str) and scheduler in SCHEDULERS:
        yield from _computed_locally(delayed, scheduler, workers, progress, job)
    else:
        yield from _computed_on_cluster(delayed, scheduler, progress)


def _computed_locally(delayed: list[Any], scheduler: str, workers: int, progress: bool, job: Job) -> Iterator[list[Prepared]]:
    import dask
    from dask.diagnostics import ProgressBar

    kwargs: dict[str, Any] = {"scheduler": scheduler, "num_workers": workers}
    pool = None
    if scheduler == "processes" and "fork" in multiprocessing.get_all_start_methods():
        _extractor(job.options, job.registry_dirs).nlp  # noqa: B018 - loaded once, shared by the forked workers
        pool = concurrent.futures.ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"))
        kwargs["pool"] = pool
    try:
        window = 2 * workers
        bar = ProgressBar(minimum=1.0, out=sys.stderr) if progress else None
        for start in range(0, len(delayed), window):
            if bar is not None:
                with bar:
                    results = dask.compute(*delayed[start:start + window], **kwargs)
            else:
                results = dask.compute(*delayed[start:start + window], **kwargs)
            yield from results
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)


def _computed_on_cluster(delayed: list[Any], scheduler: str | Any, progress: bool) -> Iterator[list[Prepared]]:
    from distributed import Client

    client = scheduler if isinstance(scheduler, Client) else Client(scheduler)
    try:
        futures = client.compute(delayed)
        if progress:
            from distributed.diagnostics.progressbar import TextProgressBar

            keys = [f.key for f in futures]
            threading.Thread(target=TextProgressBar, args=(keys,), daemon=True,
                             kwargs={"scheduler": client.scheduler.address, "complete": True}).start()
        for future in futures:
            result = future.result()
            future.release()
            yield result
    finally:
        if client is not scheduler:
            client.close()


__all__ = ["BackfillReport", "Job", "SCHEDULERS", "backfill", "partitions_of", "prepare_partition"]
