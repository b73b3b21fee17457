"""The Python API: the pipeline from paths to ledger in one call, and friendly helpers.

    >>> import treatywatch
    >>> ledger = treatywatch.Ledger("treatywatch.db")
    >>> report = treatywatch.ingest(["articles/"], ledger)
    >>> treatywatch.to_records(treatywatch.status_as_of(ledger, "apmbc", datetime.date(2026, 1, 15)))
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import os
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, BinaryIO

from .extract import ExtractOptions, Extractor
from .consolidate import refresh_events
from .duplicates import Copies, minhash_signature
from .ingest import Reader, clean_reject, read_articles, read_feed_list
from .ledger import Ledger, content_checker
from .models import Article, Claim, Event, Reject, Statement
from .prepare import CHUNK, Prepared, can_fork, plan, prepare, prepared_in_workers
from .rules import count_effects
from .sources import ReadOptions, is_url
from .statements import extract_statements
from .text import SUPPORTED_LANGUAGES

logger = logging.getLogger(__name__)

BATCH = 200  # articles stored in one transaction (at most)
BATCH_SECONDS = 1.0  # ... or those prepared in this time


@dataclasses.dataclass
class IngestReport:
    """What one ingest run did."""

    ingested: int = 0
    duplicates: int = 0
    claims: int = 0
    statements: int = 0
    rejects: list[Reject] = dataclasses.field(default_factory=list)
    unsupported_language: int = 0
    skipped_links: int = 0  # feed entries whose link was already ingested (not fetched again)
    stopped: bool = False  # ``stop`` was set before every input was read

    @property
    def rejected(self) -> int:
        return len(self.rejects)

    def summary(self) -> str:
        parts = [f"ingested {self.ingested}", f"rejected {self.rejected}"]
        if self.duplicates:
            parts.append(f"unchanged {self.duplicates} (already stored)")
        if self.skipped_links:
            parts.append(f"{self.skipped_links} feed entries already ingested")
        if self.unsupported_language:
            parts.append(f"{self.unsupported_language} in an unsupported language (no claims)")
        parts.append(f"{self.claims} claims")
        if self.statements:
            parts.append(f"{self.statements} statements")
        return ", ".join(parts)


def ingest(paths: Iterable[str], ledger: Ledger, extractor: Extractor | None = None,
           on_item: Callable[[Article | Reject], None] | None = None, options: ReadOptions | None = None,
           feeds: bool = False, stop: threading.Event | None = None, stdin: BinaryIO | None = None,
           workers: int = 1, batch: int = BATCH, items: Iterable[Article | Reject] | None = None) -> IngestReport:
    """Read, gate, extract and store every article under ``paths``; then consolidate events.

    ``paths`` are files, directories, glob patterns, http(s) URLs (pages or feeds) or ``-``;
    with ``feeds`` every path is read as an RSS or Atom feed (a URL or a file).  Feeds are
    fetched conditionally and entries already ingested are skipped (state kept in the ledger).

    With ``workers`` > 1, worker processes read, gate and extract the files (a directory's or a
    pattern's files are shared among them) while this process alone stores the results, in the
    order of the inputs: the ledger is the same as with one worker.  URLs, feeds and standard
    input are read here.

    A bad input is recorded in the ledger's ``rejects`` table and reported; it never stops the
    batch.  Articles are stored with their claims ``batch`` at a time, each batch in one
    transaction, so a killed run loses nothing already committed and a rerun skips what is there
    (and consolidates the events the killed run left pending).  Once ``stop`` is set, the run
    ends after the articles in hand.  ``items`` (articles already read, e.g. posted to the REST
    API) are stored instead of ``paths``.
    """
    extractor = extractor or Extractor()
    report = IngestReport()
    reader = Reader(options, state=ledger, stdin=stdin)
    paths = list(paths)

    def stopped() -> bool:
        return stop is not None and stop.is_set()

    def serial() -> Iterator[Prepared]:
        """Read and prepare here, a batch of articles at a time (spaCy parses a batch in one stream)."""
        source = items if items is not None else reader.read_feeds(paths) if feeds else reader.read(paths)
        chunk: list[Article | Reject] = []
        for item in source:
            if stopped():
                report.stopped = True
                break
            if on_item is not None:
                on_item(item)  # as it is read: the caller may set ``stop`` on it
            chunk.append(item)
            if len(chunk) >= CHUNK:
                yield from prepare(extractor, chunk, known=ledger.has_content)
                chunk = []
        yield from prepare(extractor, chunk, known=ledger.has_content)

    parallel = (workers > 1 and items is None and not feeds and can_fork()
                and not any(p == "-" or is_url(p) for p in paths))
    if parallel:
        db = ledger.path
        stream: Iterator[Prepared] = prepared_in_workers(
            plan(paths), extractor, options, workers, open_known=lambda: content_checker(db), stop=stopped)
    else:
        stream = serial()

    writer = Writer(ledger, report, on_item)

    try:
        done = False
        while not done:
            chunk: list[Prepared] = []
            began = time.monotonic()
            while len(chunk) < max(1, batch) and time.monotonic() - began < BATCH_SECONDS:
                p = next(stream, None)
                if p is None:
                    done = True
                    break
                if on_item is not None and parallel:
                    on_item(p.item)
                chunk.append(p)
            writer.store(chunk)
        if parallel and stopped():
            report.stopped = True
    finally:
        reader.close()
    # Every article read has been stored: the feeds' validators may now be kept for the next poll.
    for url, (etag, modified) in reader.validators.items():
        ledger.save_fetch_validators(url, etag, modified)
    report.skipped_links = reader.skipped_links
    writer.consolidate()
    return report


class Writer:
    """The one writer of an ingest: stores prepared items in the order given, a batch a
    transaction, recognising copies as it goes; ``consolidate`` then makes the events."""

    def __init__(self, ledger: Ledger, report: IngestReport,
                 on_item: Callable[[Article | Reject], None] | None = None) -> None:
        self.ledger = ledger
        self.report = report
        self.on_item = on_item
        self.touched: set[tuple[str, str]] = set()
        self.copies = Copies(ledger)

    def store(self, batch: Iterable[Prepared], then: Callable[[], None] | None = None) -> None:
        """Store ``batch`` in one transaction (with ``then``'s writes, e.g. a record that it is done)."""
        with self.ledger.batch():  # the write lock is held only to store
            for p in batch:
                self._store(p)
            if then is not None:
                then()

    def _reject(self, item: Reject) -> None:
        logger.info("rejected %s: %s", item.source, item.reason)  # the caller prints it (on_item): once
        self.report.rejects.append(item)
        self.ledger.add_reject(item)

    def _store(self, p: Prepared) -> None:
        ledger, report = self.ledger, self.report
        item = p.item
        if isinstance(item, Reject):
            self._reject(item)
            return
        if p.failed is not None or p.claims is None:
            if not self.copies.decide(item).new:  # not extracted because it is stored already
                self._duplicate(item)
                return
            failure = p.failed or clean_reject(Reject(item.url or item.id, "extraction failed; please report it"))
            if self.on_item is not None:
                self.on_item(failure)
            self._reject(failure)
            return
        article, claims = item, p.claims
        verdict = self.copies.decide(article, p.body_hash, p.signature)
        if not verdict.new:
            self._duplicate(article)
            return
        result = ledger.add_article(article, claims, duplicate_of=verdict.original, replaces=verdict.replaces,
                                    signature=p.signature, statements=p.statements, body=p.body_hash)
        if article.url:
            ledger.remember_link(article.url, result.article_id)
        self.copies.stored(result.article_id, p.signature, verdict)
        report.ingested += 1
        report.claims += result.claims
        report.statements += len(p.statements)
        self.touched.update((c.state, c.treaty) for c in claims)
        if article.language not in SUPPORTED_LANGUAGES:
            report.unsupported_language += 1
            logger.warning("%s: language '%s' is not supported; stored without claims", article.id, article.language)

    def _duplicate(self, article: Article) -> None:
        """An article whose content is stored already: counted, and its link remembered."""
        self.report.duplicates += 1
        if article.url:
            self.ledger.remember_link(article.url)

    def consolidate(self) -> None:
        """Make the events of every pair stored to, and of those a killed run left pending."""
        pairs = self.touched | self.ledger.pending_pairs()
        if pairs:
            refresh_events(self.ledger, pairs)
            self.ledger.clear_pending(pairs)


def extract_each(extractor: Extractor, articles: Iterable[Article],
                 failed: Callable[[Reject], None]) -> Iterator[tuple[Article, list[Claim]]]:
    """Each article with its claims, their legal dates counted by the treaties' rules
    (``rules.count_effects``).  An article whose extraction raises (a fault in a rule or a word
    list met by one text) is handed to ``failed`` as a reject naming the error, and the batch
    goes on; the traceback is logged at debug level."""
    for article in articles:
        try:
            claims = next(iter(extractor.extract_many([article])))[1]
        except Exception as exc:  # noqa: BLE001 - one article must never stop a batch
            logger.debug("%s: extraction failed", article.id, exc_info=True)
            failed(clean_reject(Reject(article.url or article.id,
                                       f"extraction failed ({type(exc).__name__}: {exc}); please report it")))
            continue
        yield article, count_effects(article, claims, extractor.registry)


def extract(paths: Iterable[str], extractor: Extractor | None = None, gate: bool = True,
            options: ReadOptions | None = None, only: Callable[[Article], bool] | None = None
            ) -> Iterator[tuple[Article | Reject, list[Claim]]]:
    """Claims of every article under ``paths`` (of those ``only`` keeps), without a database."""
    extractor = extractor or Extractor(ExtractOptions(gate=gate))
    pending: list[Reject] = []

    def articles() -> Iterator[Article]:
        for item in read_articles(paths, options=options):
            if isinstance(item, Reject):
                pending.append(item)
            elif only is None or only(item):
                yield item

    for article, claims in extract_each(extractor, articles(), pending.append):
        while pending:
            yield pending.pop(0), []
        yield article, claims
    while pending:
        yield pending.pop(0), []


def statements(paths: Iterable[str], extractor: Extractor | None = None, options: ReadOptions | None = None
               ) -> Iterator[tuple[Article | Reject, list[Statement]]]:
    """Statements of every article under ``paths`` (with the claims they go with), without a database."""
    extractor = extractor or Extractor()
    for item, claims in extract(paths, extractor=extractor, options=options):
        yield item, (extract_statements(item, claims, extractor.lexicon) if isinstance(item, Article) else [])


def refresh_statements(ledger: Ledger, extractor: Extractor | None = None) -> int:
    """Read the statements of every stored article again (a ledger made before statements were
    kept, or after the rules changed); returns how many are stored."""
    extractor = extractor or Extractor()
    total = 0
    for row in list(ledger.articles()):
        article = ledger.article(row["id"])
        if article is not None:
            claims = [c for c in ledger.claims(article=article.id)]
            total += ledger.replace_statements(article.id, extract_statements(article, claims, extractor.lexicon))
    return total


def to_records(items: Iterable[Any]) -> list[dict[str, Any]]:
    """Plain dicts (ISO dates) of statuses, events or claims: ``pandas.DataFrame(to_records(x))``."""
    out = []
    for item in items:
        if hasattr(item, "to_dict"):
            out.append(item.to_dict())
        elif hasattr(item, "to_export"):
            out.append(item.to_export())
        elif dataclasses.is_dataclass(item) and not isinstance(item, type):
            out.append({k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in dataclasses.asdict(item).items()})
        else:
            out.append(dict(item))
    return out


def date_range(start: dt.date, end: dt.date, every: str = "month") -> list[dt.date]:
    """Dates from ``start`` to ``end`` inclusive, stepping a ``day``, ``week``, ``month`` or ``year``."""
    from .dates import add_months

    if every not in ("day", "week", "month", "year"):
        raise ValueError(f"every must be day, week, month or year, not {every!r}")
    out = []
    i = 0
    while True:
        try:
            if every == "day":
                d = start + dt.timedelta(days=i)
            elif every == "week":
                d = start + dt.timedelta(weeks=i)
            elif every == "month":
                d = add_months(start, i)
            else:
                d = add_months(start, 12 * i)
        except (OverflowError, ValueError):  # past 9999-12-31: the calendar ends before ``end``
            break
        if d > end:
            break
        out.append(d)
        i += 1
    return out


@dataclasses.dataclass
class PollReport:
    """One poll of the feeds: what was ingested and the events that are new."""

    at: dt.datetime
    feeds: int
    report: IngestReport
    new_events: list[Event] = dataclasses.field(default_factory=list)

    def summary(self) -> str:
        return (f"{self.at.strftime('%Y-%m-%d %H:%M:%S')} polled {self.feeds} feed(s): {self.report.summary()}, "
                f"{len(self.new_events)} new event(s)")


@dataclasses.dataclass
class WatchReport:
    """Totals over every poll of a ``watch``."""

    polls: int = 0
    ingested: int = 0
    rejected: int = 0
    new_events: int = 0

    def add(self, poll: PollReport) -> None:
        self.polls += 1
        self.ingested += poll.report.ingested
        self.rejected += poll.report.rejected
        self.new_events += len(poll.new_events)

    def summary(self) -> str:
        return (f"{self.polls} poll(s): ingested {self.ingested}, rejected {self.rejected}, "
                f"{self.new_events} new event(s)")


def poll_feeds(feeds: Sequence[str], ledger: Ledger, extractor: Extractor | None = None,
               options: ReadOptions | None = None, on_item: Callable[[Article | Reject], None] | None = None,
               stop: threading.Event | None = None) -> PollReport:
    """Ingest what is new in each feed (a URL or a file); the new events are those whose ids
    were not in the ledger before the poll."""
    at = dt.datetime.now(dt.timezone.utc).astimezone()
    before = {e.id for e in ledger.events()}
    report = ingest(feeds, ledger, extractor, on_item=on_item, options=options, feeds=True, stop=stop)
    new = [e for e in ledger.events() if e.id not in before]
    for event in new:
        logger.info("new event %s (%d source(s))", event.id, len(event.sources))
    return PollReport(at, len(feeds), report, new)


def watch(feed_list: str | os.PathLike[str], ledger: Ledger, every: float, extractor: Extractor | None = None,
          options: ReadOptions | None = None, once: bool = False, stop: threading.Event | None = None,
          on_poll: Callable[[PollReport], None] | None = None,
          on_item: Callable[[Article | Reject], None] | None = None) -> WatchReport:
    """Poll the feeds listed in ``feed_list`` (re-read before each poll) every ``every`` seconds
    until ``stop`` is set (or once).  Setting ``stop`` ends a poll after the articles in hand."""
    stop = stop or threading.Event()
    extractor = extractor or Extractor()
    totals = WatchReport()
    while not stop.is_set():
        poll = poll_feeds(read_feed_list(feed_list), ledger, extractor, options, on_item=on_item, stop=stop)
        totals.add(poll)
        if on_poll is not None:
            on_poll(poll)
        if once or stop.wait(every):
            break
    return totals
