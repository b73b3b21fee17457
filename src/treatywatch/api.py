"""The Python API: the pipeline from paths to ledger in one call, and friendly helpers.

    >>> import treatywatch
    >>> ledger = treatywatch.Ledger("treatywatch.db")
    >>> report = treatywatch.ingest(["articles/"], ledger)
    >>> treatywatch.to_records(ledger.status_as_of("apmbc", datetime.date(2026, 1, 15)))
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from .extract import ExtractOptions, Extractor
from .ingest import SUPPORTED_LANGUAGES, NearDuplicates, minhash_signature, read_articles
from .ledger import Ledger
from .models import Article, Claim, Reject

logger = logging.getLogger(__name__)


@dataclasses.dataclass
class IngestReport:
    """What one ingest run did."""

    ingested: int = 0
    duplicates: int = 0
    claims: int = 0
    rejects: list[Reject] = dataclasses.field(default_factory=list)
    unsupported_language: int = 0

    @property
    def rejected(self) -> int:
        return len(self.rejects)

    def summary(self) -> str:
        parts = [f"ingested {self.ingested}", f"rejected {self.rejected}"]
        if self.duplicates:
            parts.append(f"unchanged {self.duplicates} (already stored)")
        if self.unsupported_language:
            parts.append(f"{self.unsupported_language} in an unsupported language (no claims)")
        parts.append(f"{self.claims} claims")
        return ", ".join(parts)


def ingest(paths: Iterable[str], ledger: Ledger, extractor: Extractor | None = None,
           on_item: Callable[[Article | Reject], None] | None = None) -> IngestReport:
    """Read, gate, extract and store every article under ``paths``; then consolidate events.

    A bad input is recorded in the ledger's ``rejects`` table and reported; it never stops the
    batch.  Each article is stored with its claims in one transaction, so a killed run loses
    nothing already stored and a rerun skips what is there.
    """
    extractor = extractor or Extractor()
    report = IngestReport()
    touched: set[tuple[str, str]] = set()

    def fresh_articles() -> Iterator[Article]:
        for item in read_articles(paths):
            if on_item is not None:
                on_item(item)
            if isinstance(item, Reject):
                logger.warning("rejected %s: %s", item.source, item.reason)
                report.rejects.append(item)
                ledger.add_reject(item)
            elif ledger.has_content(item.content_hash):
                report.duplicates += 1
            else:
                yield item

    near: NearDuplicates | None = None
    for article, claims in extractor.extract_many(fresh_articles()):
        signature = original = None
        if claims:  # only stories about treaty acts need copies recognised
            if near is None:
                near = NearDuplicates(ledger.signatures())
            signature = minhash_signature(article.text)
            original = near.original_of(signature)
        result = ledger.add_article(article, claims, duplicate_of=original, signature=signature)
        if signature is not None and result.stored and near is not None:
            if result.replaced_original is not None:
                near.reroot(result.replaced_original, result.article_id)
            near.add(result.article_id, signature, result.original)
        if result.stored:
            report.ingested += 1
            report.claims += result.claims
            touched.update((c.state, c.treaty) for c in claims)
            if article.language not in SUPPORTED_LANGUAGES:
                report.unsupported_language += 1
                logger.warning("%s: language '%s' is not supported; stored without claims", article.id, article.language)
        else:
            report.duplicates += 1
    if touched:
        ledger.refresh_events(touched)
    return report


def extract(paths: Iterable[str], extractor: Extractor | None = None, gate: bool = True
            ) -> Iterator[tuple[Article | Reject, list[Claim]]]:
    """Claims of every article under ``paths``, without a database."""
    extractor = extractor or Extractor(ExtractOptions(gate=gate))
    pending: list[Reject] = []

    def articles() -> Iterator[Article]:
        for item in read_articles(paths):
            if isinstance(item, Reject):
                pending.append(item)
            else:
                yield item

    for article, claims in extractor.extract_many(articles()):
        while pending:
            yield pending.pop(0), []
        yield article, claims
    while pending:
        yield pending.pop(0), []


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
        if every == "day":
            d = start + dt.timedelta(days=i)
        elif every == "week":
            d = start + dt.timedelta(weeks=i)
        elif every == "month":
            d = add_months(start, i)
        else:
            d = add_months(start, 12 * i)
        if d > end:
            break
        out.append(d)
        i += 1
    return out
