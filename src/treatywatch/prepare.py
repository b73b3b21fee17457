"""Preparing articles for the ledger: read, gate, extract, count the legal dates of the claims
(``rules.count_effects``), find statements and sign them.

Everything here is a pure function of the inputs (no ledger writes), so it runs the same in
the ingesting process, in worker processes (``ingest --workers N``) and in Dask partitions
(``backfill``).  The one writer that stores the results, in the order of the inputs, is
``api.ingest``'s (or the backfill's loader).
"""

from __future__ import annotations

import collections
import dataclasses
import glob
import logging
import multiprocessing
import multiprocessing.pool
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from .duplicates import body_hash, minhash_signature
from .extract import Extractor
from .ingest import Reader, clean_reject, files_below
from .models import Article, Claim, Reject, Statement
from .rules import count_effects
from .sources import ReadOptions, is_url
from .statements import extract_statements

logger = logging.getLogger(__name__)


@dataclasses.dataclass
class Prepared:
    """One item read, with what extraction made of it.

    ``claims`` is None when the article was not extracted (a reject, an article already in
    the ledger, or an extraction that failed: then ``failed`` is the reject naming the error)."""

    item: Article | Reject
    claims: list[Claim] | None = None
    statements: list[Statement] = dataclasses.field(default_factory=list)
    signature: bytes | None = None  # MinHash of an article with claims (near duplicates)
    failed: Reject | None = None
    body_hash: str | None = None  # of an extracted article: computed here, not by the one writer


# A unit of work: the path as given and one file below it (None: read the path itself).
Unit = tuple[str, str | None]

# Articles (or units) read, then extracted together: spaCy parses the candidate sentences of all
# of them in one stream, and a stream of a dozen sentences costs a fifth less a sentence than one
# of three or four (at 32, about what the gate leaves of 32 articles).
CHUNK = 128


def plan(paths: Iterable[str]) -> Iterator[Unit]:
    """The units that ``Reader.read`` would read, in its order: each file of a directory or a
    glob pattern on its own (so that workers share them), anything else whole."""
    for path in paths:
        p = Path(path)
        if path == "-" or is_url(path):
            yield path, None
        elif p.is_dir():
            files = files_below(p)
            if not files:
                yield path, None
            for f in files:
                yield path, str(f)
        elif not (p.exists() or os.path.lexists(path)) and any(c in path for c in "*?["):
            matches = sorted(glob.glob(path, recursive=True))
            if not matches:
                yield path, None
            for match in matches:
                m = Path(match)
                for f in (files_below(m) if m.is_dir() else [m]):
                    yield path, str(f)
        else:
            yield path, None


def read_unit(reader: Reader, unit: Unit) -> Iterator[Article | Reject]:
    """The items of one unit, exactly as ``reader.read`` yields them for its path."""
    top, file = unit
    if file is None:
        yield from reader.read([top])
    else:
        yield from reader.read_below(top, Path(file))


def prepare(extractor: Extractor, items: Sequence[Article | Reject],
            known: Callable[[str], bool] | None = None, batch: bool = True) -> list[Prepared]:
    """Extract the claims, statements and signature of every article among ``items`` (those
    whose content ``known`` says is stored already are left as read).  An article whose
    extraction raises is marked ``failed`` and the rest go on.  With ``batch``, spaCy parses
    the candidate sentences of all the articles in one stream."""
    out = [Prepared(item) for item in items]
    todo = [p for p in out if isinstance(p.item, Article) and not (known is not None and known(p.item.content_hash))]
    articles = [p.item for p in todo if isinstance(p.item, Article)]
    found: list[list[Claim] | BaseException]
    if batch and len(articles) > 1:
        found = extractor.extract_batch(articles)
    else:
        found = [_extract_one(extractor, a) for a in articles]
    for p, claims in zip(todo, found):
        article = p.item
        assert isinstance(article, Article)
        if isinstance(claims, BaseException):
            logger.debug("%s: extraction failed", article.id, exc_info=claims)
            p.failed = clean_reject(Reject(article.url or article.id,
                                           f"extraction failed ({type(claims).__name__}: {claims}); please report it"))
            continue
        claims = count_effects(article, claims, extractor.registry)
        p.claims = claims
        p.body_hash = body_hash(article.text)
        p.statements = extract_statements(article, claims, extractor.lexicon)
        if claims:  # only stories about treaty acts need copies recognised
            p.signature = minhash_signature(article.text)
    return out


def _extract_one(extractor: Extractor, article: Article) -> list[Claim] | BaseException:
    try:
        return next(iter(extractor.extract_many([article])))[1]
    except Exception as exc:  # noqa: BLE001 - one article must never stop a batch
        return exc


# -- worker processes ----------------------------------------------------------------------
# Set in the parent before the pool forks; each worker inherits them (the extractor, with its
# word lists and, once loaded, its spaCy model, is shared copy-on-write).
_WORKER: dict[str, Any] = {}


def _work(units: list[Unit]) -> list[Prepared]:
    extractor: Extractor = _WORKER["extractor"]
    known: Callable[[str], bool] | None = _WORKER.get("known")
    if known is None and _WORKER.get("open_known") is not None:
        known = _WORKER["known"] = _WORKER["open_known"]()
    with Reader(_WORKER["options"]) as reader:
        items = [item for unit in units for item in read_unit(reader, unit)]
    return prepare(extractor, items, known=known)


class _Pool(multiprocessing.pool.Pool):
    """A pool whose worker handler sleeps until a worker exits or the pool changes.

    CPython's handler also wakes whenever a result waits in the pipe, and until the result
    thread has read it (a chunk's results are hundreds of kB) it wakes again and again: 0.36
    CPU s of the writer's in a 20,000-article ingest with two workers, taken from the workers'
    two cores.  Results are the result thread's business; a worker that dies still wakes it."""

    def _get_sentinels(self) -> list[Any]:
        return [self._change_notifier._reader]  # type: ignore[attr-defined]


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def prepared_in_workers(units: Iterable[Unit], extractor: Extractor, options: ReadOptions | None, workers: int,
                        open_known: Callable[[], Callable[[str], bool]] | None = None, chunk: int = CHUNK,
                        stop: Callable[[], bool] = lambda: False) -> Iterator[Prepared]:
    """Every item of ``units``, prepared by ``workers`` processes, in the order of the units.

    At most ``4 * workers`` chunks are in flight, so memory stays bounded however many inputs
    there are.  ``open_known`` (called once in each worker) gives the check of content already
    stored.  Once ``stop()`` is true, no more chunks are handed out and the run ends after the
    chunks in hand."""
    extractor.nlp  # noqa: B018 - the model is loaded once here and shared by the forked workers
    _WORKER.clear()
    _WORKER.update(extractor=extractor, options=options or ReadOptions(), open_known=open_known)
    pool = _Pool(workers, context=multiprocessing.get_context("fork"))
    try:
        inflight: collections.deque[Any] = collections.deque()
        pending = iter(units)
        exhausted = False

        def submit() -> None:
            nonlocal exhausted
            while not exhausted and len(inflight) < 4 * workers and not stop():
                part = [u for _, u in zip(range(chunk), pending)]
                if not part:
                    exhausted = True
                    return
                inflight.append(pool.apply_async(_work, (part,)))

        submit()
        while inflight:
            done = inflight.popleft().get()
            submit()
            yield from done
        pool.close()
    finally:
        pool.terminate()
        pool.join()
        _WORKER.clear()


__all__ = ["CHUNK", "Prepared", "Unit", "plan", "prepare", "prepared_in_workers", "read_unit", "can_fork"]
