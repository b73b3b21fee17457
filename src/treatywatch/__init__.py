"""treatywatch: which state is bound by which treaty, on any date, and how we know.

    >>> import datetime, treatywatch
    >>> ledger = treatywatch.Ledger("treatywatch.db")
    >>> treatywatch.ingest(["articles/"], ledger).summary()
    >>> ledger.status_as_of("apmbc", datetime.date(2026, 1, 15))
"""

import logging

from .api import IngestReport, date_range, extract, ingest, poll_feeds, refresh_statements, statements, to_records, watch
from .consolidate import consolidate_events
from .errors import (
    InputError,
    LedgerError,
    RegistryError,
    RuleError,
    TreatyFileError,
    TreatywatchError,
    UnknownRuleError,
    UnknownTreatyError,
)
from .extract import ExtractOptions, Extractor, extract_claims
from .ingest import parse_html, parse_news_text, read_articles
from .ledger import Ledger
from .models import (
    ACTIONS, MODALITIES, ORGANISATIONS, REASONS, STANCES, STATUSES, Article, Claim, Effect, Event, Quote, Reason, Reject,
    Statement, Status,
)
from .records import Discrepancy, RefreshReport, StatusTable, bundled_tables, reconcile, refresh_status
from .statements import extract_statements, filter_statements
from .registry import Registry, Treaty, load_registry
from .rules import compute_effects, joining_date, leaving_date, status_on, status_timeline
from .sources import ReadOptions

logging.getLogger(__name__).addHandler(logging.NullHandler())

__all__ = [
    "ACTIONS",
    "MODALITIES",
    "ORGANISATIONS",
    "REASONS",
    "STANCES",
    "STATUSES",
    "Article",
    "Claim",
    "Discrepancy",
    "Effect",
    "Event",
    "ExtractOptions",
    "Extractor",
    "IngestReport",
    "InputError",
    "Ledger",
    "LedgerError",
    "Quote",
    "ReadOptions",
    "Reason",
    "RefreshReport",
    "Registry",
    "RegistryError",
    "Reject",
    "RuleError",
    "Statement",
    "Status",
    "StatusTable",
    "Treaty",
    "TreatyFileError",
    "TreatywatchError",
    "UnknownRuleError",
    "UnknownTreatyError",
    "bundled_tables",
    "compute_effects",
    "consolidate_events",
    "date_range",
    "extract",
    "extract_claims",
    "extract_statements",
    "filter_statements",
    "ingest",
    "joining_date",
    "leaving_date",
    "load_registry",
    "parse_html",
    "parse_news_text",
    "poll_feeds",
    "read_articles",
    "reconcile",
    "refresh_statements",
    "refresh_status",
    "statements",
    "status_on",
    "status_timeline",
    "to_records",
    "watch",
]
