"""Baselines: official status tables brought into the ledger, the bundled ones and those a
user imports (``treatywatch import-status``); ``records.refresh_status`` stores fresh ones the
same way.

A table's rows become record claims (``records.table_claims``); storing them replaces the
table's previous rows, and the events of every (state, treaty) pair they touch are consolidated
again.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable
from importlib import resources
from pathlib import Path

from . import records
from .consolidate import refresh_events
from .ledger import DEFAULT_DB, Ledger as Store
from .models import Claim, Reject
from .registry import Registry


class Ledger(Store):
    """The ledger (``treatywatch.Ledger``): the store, which on opening imports the bundled
    status tables it lacks when it carries them (``baseline``; ``repair=False`` leaves that to
    ``check_ledger``), and finishes events a killed import left pending."""

    def __init__(self, path: str | os.PathLike[str] = DEFAULT_DB, registry: Registry | None = None,
                 baseline: bool = True, min_confidence: float = 0.5, merge_window_days: int = 45,
                 repair: bool = True) -> None:
        super().__init__(path, registry=registry, baseline=baseline, min_confidence=min_confidence,
                         merge_window_days=merge_window_days)
        if self.baseline and repair:
            load_baselines(self)


def import_status(ledger: Store, path: str | os.PathLike[str], treaty: str, source: str | None = None,
                  as_of: dt.date | None = None) -> tuple[int, list[Reject]]:
    """Import an official-style status table as record claims; returns (rows used, rows rejected).

    The table replaces the one imported before under the same source (by default
    ``status:<file name>``); ``as_of`` is the date the table describes (default today).
    """
    ledger.registry.get(treaty)
    from .depositary import read_status_table  # its readers are loaded only when a table is read

    rows, rejects = read_status_table(path)
    source = source or f"{records.RECORD_PREFIX}{Path(path).name}"
    claims = records.table_claims(rows, treaty, source)
    replace_table(ledger, treaty, source, claims, rows=len(rows), as_of=as_of or dt.date.today(),
                  origin=Path(path).name)
    return len(rows), rejects


def replace_table(ledger: Store, treaty: str, source: str, claims: list[Claim], rows: int, as_of: dt.date,
                  origin: str, changes: Iterable[records.TableChange] = (), record_changes: bool = True) -> None:
    """Store ``claims`` as the table ``source`` of ``treaty`` (replacing its previous rows) and
    re-consolidate the affected events.  The pairs to consolidate are stored with the table, so
    a run killed before the events are made is finished by the next one."""
    pairs = ledger.store_table(treaty, source, claims, rows=rows, as_of=as_of, origin=origin, changes=changes)
    refresh_events(ledger, pairs, record_changes=record_changes)
    ledger.clear_pending(pairs)


def load_baselines(ledger: Store) -> None:
    """Import every bundled status table the ledger does not have yet (a new ledger starts
    from the depositaries' records of all the registry's treaties; a ledger made by an older
    version gains the tables added since).  Pairs left pending by a killed import are finished.
    The events these make are no news: they are not recorded as changes for feeds and webhooks."""
    have = {table["source"] for table in ledger.record_tables()}
    for table in records.bundled_tables().values():
        if table.source in have or table.treaty not in ledger.registry:
            continue
        ref = resources.files("treatywatch").joinpath(f"data/baseline/{table.file}")
        with resources.as_file(ref) as path:
            from .depositary import read_status_table

            rows, _ = read_status_table(path)
        claims = records.table_claims(rows, table.treaty, table.source, origin=table.file)
        replace_table(ledger, table.treaty, table.source, claims, rows=len(rows), as_of=table.complete_to,
                      origin=table.file, record_changes=False)
    pending = ledger.pending_pairs()
    if pending:
        refresh_events(ledger, pending, record_changes=False)
        ledger.clear_pending(pending)


def check_ledger(ledger: Store, fix: bool = False) -> list[str]:
    """What is wrong with the ledger, one line a problem (empty: nothing): the SQLite
    integrity check, bundled tables missing or without their rows, states of a table with
    no events, events awaiting consolidation.  With ``fix``, everything but a damaged file is
    repaired (missing tables imported again, events consolidated)."""
    problems = ledger.integrity_problems()
    if problems:
        return problems + ["the file is damaged: restore it from a copy (not repaired by --fix)"]
    stale: set[str] = set()
    if ledger.baseline:
        have = {table["source"] for table in ledger.record_tables()}
        for table in records.bundled_tables().values():
            if table.treaty not in ledger.registry:
                continue
            if table.source not in have:
                problems.append(f"bundled table {table.file} ({table.treaty}) is missing")
            elif not ledger.has_rows(table.source):
                problems.append(f"bundled table {table.file} ({table.treaty}) has no rows stored")
                stale.add(table.source)
    unconsolidated = ledger.unconsolidated_record_pairs()
    if unconsolidated:
        problems.append(f"{len(unconsolidated)} (state, treaty) pairs of status tables have no events")
    pending = ledger.pending_pairs()
    if pending:
        problems.append(f"{len(pending)} (state, treaty) pairs await consolidation (a run was stopped)")
    if fix and problems:
        ledger.mark_for_repair(stale, unconsolidated)
        if ledger.baseline:
            load_baselines(ledger)
        pending = ledger.pending_pairs()
        if pending:
            refresh_events(ledger, pending)
            ledger.clear_pending(pending)
    return problems


__all__ = ["Ledger", "check_ledger", "import_status", "load_baselines", "replace_table"]
