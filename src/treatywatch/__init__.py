"""treatywatch: which state is bound by which treaty, on any date, and how we know.

    >>> import datetime, treatywatch
    >>> ledger = treatywatch.Ledger("treatywatch.db")
    >>> treatywatch.ingest(["articles/"], ledger).summary()
    >>> treatywatch.status_as_of(ledger, "apmbc", datetime.date(2026, 1, 15))
"""

__version__ = "0.1.0"  # the one place the version is written (pyproject.toml reads it)

import logging
import sys as _sys
import types as _types
from typing import TYPE_CHECKING, Any

# Where each public name lives: imported on first use (PEP 562), so that a command needing only
# the ledger does not pay for spaCy, the readers and the extractors at start-up.
_HOMES: dict[str, str] = {
    "IngestReport": "api",
    "date_range": "api",
    "extract": "api",
    "ingest": "api",
    "poll_feeds": "api",
    "refresh_statements": "api",
    "statements": "api",
    "to_records": "api",
    "watch": "api",
    "Ledger": "baselines",
    "consolidate_events": "consolidate",
    "InputError": "errors",
    "LedgerError": "errors",
    "RegistryError": "errors",
    "RuleError": "errors",
    "TreatyFileError": "errors",
    "TreatywatchError": "errors",
    "UnknownRuleError": "errors",
    "UnknownTreatyError": "errors",
    "ExtractOptions": "extract",
    "Extractor": "extract",
    "extract_claims": "extract",
    "parse_html": "ingest",
    "parse_news_text": "ingest",
    "read_articles": "ingest",
    "ACTIONS": "models",
    "MODALITIES": "models",
    "ORGANISATIONS": "models",
    "REASONS": "models",
    "STANCES": "models",
    "STATUSES": "models",
    "Article": "models",
    "Claim": "models",
    "Effect": "models",
    "Event": "models",
    "Quote": "models",
    "Reason": "models",
    "Reject": "models",
    "Statement": "models",
    "Status": "models",
    "Discrepancy": "records",
    "RefreshReport": "records",
    "StatusTable": "records",
    "bundled_tables": "records",
    "reconcile": "records",
    "refresh_status": "records",
    "extract_statements": "statements",
    "filter_statements": "statements",
    "Registry": "registry",
    "Treaty": "registry",
    "load_registry": "registry",
    "count_effects": "rules",
    "joining_date": "rules",
    "leaving_date": "rules",
    "status_on": "rules",
    "status_timeline": "rules",
    "ReadOptions": "sources",
    "compute_effects": "status",
    "count_parties": "status",
    "party_changes": "status",
    "state_timeline": "status",
    "status_as_of": "status",
    "timelines": "status",
}

if TYPE_CHECKING:
    from .api import IngestReport, date_range, extract, ingest, poll_feeds, refresh_statements, statements, to_records, watch
    from .baselines import Ledger
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
    from .models import (
        ACTIONS, MODALITIES, ORGANISATIONS, REASONS, STANCES, STATUSES, Article, Claim, Effect, Event, Quote, Reason, Reject,
        Statement, Status,
    )
    from .records import Discrepancy, RefreshReport, StatusTable, bundled_tables, reconcile, refresh_status
    from .statements import extract_statements, filter_statements
    from .registry import Registry, Treaty, load_registry
    from .rules import count_effects, joining_date, leaving_date, status_on, status_timeline
    from .sources import ReadOptions
    from .status import compute_effects, count_parties, party_changes, state_timeline, status_as_of, timelines


def __getattr__(name: str) -> Any:
    mod = _HOMES.get(name)
    if mod is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(f".{mod}", __name__), name)
    globals()[name] = value
    return value

logging.getLogger(__name__).addHandler(logging.NullHandler())

_SHADOWED = ("extract", "ingest", "statements")  # API functions named like modules


class _Package(_types.ModuleType):
    """The package module: ``treatywatch.extract``, ``treatywatch.ingest`` and
    ``treatywatch.statements`` stay the API's functions when the modules of the same names are
    imported (the import system would otherwise bind the modules over them; they remain in
    ``sys.modules``)."""

    def __setattr__(self, name: str, value: Any) -> None:
        if name in _SHADOWED and isinstance(value, _types.ModuleType):
            return
        super().__setattr__(name, value)


_sys.modules[__name__].__class__ = _Package


def __dir__() -> list[str]:
    """The public names (``__all__``) and the private ones."""
    return sorted({*(n for n in globals() if n.startswith("_")), *__all__})


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
    "count_effects",
    "count_parties",
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
    "party_changes",
    "poll_feeds",
    "read_articles",
    "reconcile",
    "refresh_statements",
    "refresh_status",
    "state_timeline",
    "statements",
    "status_as_of",
    "status_on",
    "status_timeline",
    "timelines",
    "to_records",
    "watch",
]
