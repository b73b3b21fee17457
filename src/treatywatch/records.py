"""Official records: the depositaries' status tables, their refresh, and their reconciliation with news.

The depositary's record is each treaty's backbone; news is the early signal on top of it.

- ``bundled_tables()``: the status table shipped for every treaty of the registry
  (``data/baseline/tables.csv`` names each file, the date up to which it is complete, a date on
  which its count equals a total of parties that a source states, and where the depositary
  publishes the current record).
- ``record_claims(row, treaty, source)``: the claims one table row makes (signature, deposit,
  withdrawal notice or effect, revoked ratification, suspension), dated ``record``.
- ``refresh_status(ledger, ...)``: fetches the current records from the depositaries (same safe
  fetching as feeds), replaces a treaty's table only when the new one parses, and records what
  changed since the previous table (new parties, withdrawals, corrected dates).
- ``reconcile(ledger, treaty)``: acts that news reports but the record does not show yet, acts in
  the record that no news reported, and dates on which they disagree.

A table's rows become claims whose source is ``status:<file>`` (the treaty's table slot); the
ledger consolidates them with news claims like any other.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import functools
import io
import logging
from collections.abc import Iterable, Mapping, Sequence
from importlib import resources
from typing import TYPE_CHECKING, Any

from .errors import InputError
from .consolidate import consolidate_events
from .models import Claim, Evidence, direction

if TYPE_CHECKING:  # the ledger imports this module; only type checking imports it back
    from .ledger import Ledger
    from .sources import Fetcher, ReadOptions

logger = logging.getLogger(__name__)

RECORD_PREFIX = "status:"
# The domestic steps of a withdrawal never appear in a depositary's record.
DOMESTIC_STEPS = ("intent_announced", "government_approved", "parliament_approved", "law_signed")


@dataclasses.dataclass(frozen=True)
class StatusTable:
    """One bundled status table: which file, up to when it is complete, and the total of parties a
    source states for a date on which the table was checked."""

    treaty: str
    file: str
    complete_to: dt.date  # every act up to this date is in the table (later ones come from news or a refresh)
    checked_on: dt.date  # the table counted on this date gives ``parties``
    parties: int  # the total its source states for ``checked_on`` (ratifying states for a treaty not in force)
    parties_source: str
    url: str | None = None  # where the depositary publishes the current record
    fmt: str | None = None  # its format (``depositary.FORMATS``)

    @property
    def source(self) -> str:
        return f"{RECORD_PREFIX}{self.file}"


@functools.cache
def bundled_tables() -> dict[str, StatusTable]:
    """The bundled status tables by treaty id (read once)."""
    text = resources.files("treatywatch").joinpath("data/baseline/tables.csv").read_text(encoding="utf-8")
    out = {}
    for row in csv.DictReader(io.StringIO(text)):
        out[row["treaty"]] = StatusTable(
            treaty=row["treaty"], file=row["file"], complete_to=dt.date.fromisoformat(row["complete_to"]),
            checked_on=dt.date.fromisoformat(row["checked_on"]), parties=int(row["parties"]), parties_source=row["parties_source"],
            url=row.get("url") or None, fmt=row.get("format") or None)
    return out


def table_source(treaty: str) -> str:
    """The source id of ``treaty``'s official table slot (bundled, refreshed or imported)."""
    table = bundled_tables().get(treaty)
    return table.source if table else f"{RECORD_PREFIX}{treaty}.csv"


def is_record(source: str) -> bool:
    return source.startswith(RECORD_PREFIX)


def record_claims(row: Mapping[str, Any], treaty: str, source: str, origin: str | None = None) -> list[Claim]:
    """The claims one status-table row makes, each dated by the record (``date_basis`` ``record``).

    ``origin`` names where the row was read (a file or URL) in the evidence text; it defaults to the source.
    """
    from .depositary import INSTRUMENT_KINDS  # the readers are not needed to open a ledger

    line = int(row["line"])
    where = origin or source
    notes = tuple(n for n in (str(row.get("note") or ""),
                              f"continues or succeeds {row['predecessor']}" if row.get("predecessor") else "")
                  if n)
    out = []

    def claim(action: str, date: str, **kw: Any) -> Claim:
        text = f"{where} row {line}: {row['iso3']} {action} {date}"
        return Claim(article=source, state=str(row["iso3"]), treaty=treaty, action=action,
                     date=dt.date.fromisoformat(date), date_basis="record", date_precision="day",
                     evidence=Evidence(line, line, text), confidence=1.0, notes=notes, **kw)

    def day(key: str) -> dt.date | None:
        value = str(row.get(key) or "")
        return dt.date.fromisoformat(value) if value else None

    if row.get("signed"):
        out.append(claim("signed", str(row["signed"])))
    if row.get("ratified_or_acceded"):
        kind = str(row["kind"])
        out.append(claim(INSTRUMENT_KINDS[kind], str(row["ratified_or_acceded"]), instrument=kind,
                         effective=day("entry_into_force_for_state")))
    if row.get("withdrawal_notified"):
        out.append(claim("notified", str(row["withdrawal_notified"]), effective=day("withdrawal_effective")))
    elif row.get("withdrawal_effective"):  # membership ended without a notice (e.g. an expulsion)
        out.append(claim("took_effect", str(row["withdrawal_effective"])))
    if row.get("deratified"):
        out.append(claim("deratified", str(row["deratified"])))
    if row.get("suspended"):
        out.append(claim("suspended", str(row["suspended"])))
    return out


def table_claims(rows: Iterable[Mapping[str, Any]], treaty: str, source: str, origin: str | None = None) -> list[Claim]:
    return [c for row in rows for c in record_claims(row, treaty, source, origin)]


# -- changes between two tables -----------------------------------------------------------------

@dataclasses.dataclass(frozen=True)
class TableChange:
    """One difference between a treaty's previous and current table."""

    treaty: str
    state: str
    action: str
    change: str  # added | removed | corrected
    before: dt.date | None
    after: dt.date | None

    def to_dict(self) -> dict[str, Any]:
        return {"treaty": self.treaty, "state": self.state, "action": self.action, "change": self.change,
                "before": _iso(self.before), "after": _iso(self.after)}

    def describe(self) -> str:
        if self.change == "corrected":
            return f"{self.state} {self.action}: {self.before} corrected to {self.after}"
        return f"{self.state} {self.action} {self.after or self.before} {self.change}"


def table_changes(treaty: str, before: Sequence[Claim], after: Sequence[Claim]) -> list[TableChange]:
    """What ``after`` says that ``before`` did not: acts added, removed, or with a corrected date.

    Acts are matched by (state, action) in date order, so a state's second membership cycle is
    compared with its second, not its first.
    """
    def grouped(claims: Sequence[Claim]) -> dict[tuple[str, str], list[dt.date]]:
        out: dict[tuple[str, str], list[dt.date]] = {}
        for c in claims:
            if c.date is not None:
                out.setdefault((c.state, c.action), []).append(c.date)
        return {k: sorted(v) for k, v in out.items()}

    old, new = grouped(before), grouped(after)
    changes = []
    for key in sorted(set(old) | set(new)):
        a, b = old.get(key, []), new.get(key, [])
        common = set(a) & set(b)
        a_rest = [d for d in a if d not in common]
        b_rest = [d for d in b if d not in common]
        for x, y in zip(a_rest, b_rest):
            changes.append(TableChange(treaty, key[0], key[1], "corrected", x, y))
        for x in a_rest[len(b_rest):]:
            changes.append(TableChange(treaty, key[0], key[1], "removed", x, None))
        for y in b_rest[len(a_rest):]:
            changes.append(TableChange(treaty, key[0], key[1], "added", None, y))
    return changes


# -- refresh from the depositaries ------------------------------------------------------------

@dataclasses.dataclass(frozen=True)
class RefreshReport:
    """What refreshing one treaty's table did."""

    treaty: str
    url: str
    outcome: str  # updated | unchanged | not_modified | kept (the fetch or the parse failed)
    rows: int = 0
    rejected: int = 0
    changes: tuple[TableChange, ...] = ()
    reason: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"treaty": self.treaty, "url": self.url, "outcome": self.outcome, "rows": self.rows,
                "rejected": self.rejected, "changes": [c.to_dict() for c in self.changes], "reason": self.reason}

    def summary(self) -> str:
        if self.outcome == "kept":
            return f"{self.treaty}: kept the previous table: {self.reason}"
        if self.outcome == "not_modified":
            return f"{self.treaty}: not modified since the last fetch"
        head = f"{self.treaty}: {self.rows} rows"
        if self.rejected:
            head += f" ({self.rejected} rejected)"
        return f"{head}, {len(self.changes)} change(s)" if self.changes else f"{head}, no change"


def refresh_status(ledger: Ledger, treaties: Sequence[str] = (), urls: Mapping[str, str] | None = None,
                   options: ReadOptions | None = None, today: dt.date | None = None) -> list[RefreshReport]:
    """Fetch each treaty's current record and replace its table when the new one reads.

    ``urls`` overrides where a treaty's record is fetched (treaty -> URL); otherwise the
    depositary address of ``data/baseline/tables.csv`` is used.  A failed fetch, a page of
    another shape or a table with no usable row keeps the previous table, and the report says
    why.  Differences from the previous table are stored as changes dated today.
    """
    from .sources import Fetcher  # httpx is only needed here

    urls = dict(urls or {})
    wanted = list(treaties) or sorted(set(urls) | {t for t, tab in bundled_tables().items() if tab.url})
    today = today or dt.date.today()
    reports = []
    with Fetcher(options) as fetch:
        for treaty in wanted:
            ledger.registry.get(treaty)  # an unknown id raises with the known ones
            table = bundled_tables().get(treaty)
            url = urls.get(treaty) or (table.url if table else None)
            if not url:
                reports.append(RefreshReport(treaty, "", "kept", reason="no depositary address is known; "
                                             "give one with --url TREATY=URL"))
                continue
            reports.append(_refresh_one(ledger, fetch, treaty, url, today))
    return reports


def _refresh_one(ledger: Ledger, fetcher: Fetcher, treaty: str, url: str, today: dt.date) -> RefreshReport:
    from .baselines import replace_table  # baselines builds on this module
    from .depositary import parse_status

    etag, modified = ledger.fetch_validators(url)
    try:
        page = fetcher.fetch(url, etag=etag, last_modified=modified)
        if page.not_modified:
            return RefreshReport(treaty, url, "not_modified")
        rows, rejects = parse_status(page.content, _format_of(treaty, url, page.content), url)
        if not rows:
            raise InputError(url, "no usable row in the table")
    except InputError as exc:
        logger.warning("%s: %s", treaty, exc)
        return RefreshReport(treaty, url, "kept", reason=str(exc))
    source = table_source(treaty)
    new = table_claims(rows, treaty, source, origin=url)
    changes = table_changes(treaty, ledger.claims(treaty=treaty, article=source), new)
    replace_table(ledger, treaty, source, new, rows=len(rows), as_of=today, origin=url, changes=changes)
    ledger.save_fetch_validators(url, page.etag, page.last_modified)
    return RefreshReport(treaty, url, "updated" if changes else "unchanged", len(rows), len(rejects), tuple(changes))


def _format_of(treaty: str, url: str, content: bytes) -> str:
    from .depositary import detect_format

    table = bundled_tables().get(treaty)
    if table and table.fmt and table.url == url:
        return table.fmt
    return detect_format(content, url)


# -- reconciliation of news with the record ------------------------------------------------------

@dataclasses.dataclass(frozen=True)
class Discrepancy:
    """A difference between what news reports and what the depositary's record shows."""

    kind: str  # news_ahead | record_only | dates_differ
    state: str
    treaty: str
    action: str
    news_date: dt.date | None
    record_date: dt.date | None
    sources: tuple[str, ...]
    note: str

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "state": self.state, "treaty": self.treaty, "action": self.action,
                "news_date": _iso(self.news_date), "record_date": _iso(self.record_date),
                "sources": list(self.sources), "note": self.note}


def reconcile(ledger: Ledger, treaty: str, since: dt.date | None = None) -> list[Discrepancy]:
    """News and the record compared for ``treaty``.

    - ``news_ahead``: a recorded kind of act that news reports and the record does not show, or a
      domestic step of a withdrawal (announcement, cabinet, parliament, law) with no notice in the
      record on or after it: the early warning.
    - ``record_only``: an act in the record that no news in the ledger reported.
    - ``dates_differ``: news and the record date one act differently.

    ``since`` keeps only acts dated (or bounded) on or after it.
    """
    ledger.registry.get(treaty)
    table = ledger.record_table(treaty)
    if table is None:
        raise InputError(treaty, "the ledger has no status table for this treaty to reconcile with; "
                                 "import one with `treatywatch import-status` or `treatywatch refresh-status`")
    window = ledger.merge_window_days
    out: list[Discrepancy] = []
    claims = ledger.claims(treaty=treaty)
    record_claims_by = _by_pair(c for c in claims if is_record(c.article))
    news = [c for c in claims if not is_record(c.article)]
    news_events = consolidate_events(news, min_confidence=ledger.min_confidence, window_days=window,
                                     originals=ledger.originals())
    news_keys = set()
    for event in news_events:
        day = event.date or event.bound
        if since and day and day < since:
            continue
        sources = event.sources
        recorded = record_claims_by.get((event.state, event.action), [])
        news_keys.add((event.state, event.action))
        if event.action in DOMESTIC_STEPS:
            # a domestic step is followed by the notice, or by the deposit for a step of joining (the
            # extraction names its instrument), or precedes it by little: the record covers it when it
            # shows that act from shortly before the step on
            earliest = day - dt.timedelta(days=window) if day else None
            joining = direction(event.action, event.instrument) == "join"
            after = ("ratified", "acceded") if joining else ("notified", "took_effect")
            followed = [c for a in after for c in record_claims_by.get((event.state, a), [])
                        if c.date and (earliest is None or c.date >= earliest)]
            if not followed:
                out.append(Discrepancy("news_ahead", event.state, treaty, event.action, event.date, None, sources,
                                       f"news reports a step towards {'joining' if joining else 'withdrawal'}; the "
                                       f"record (complete to {table[1]}) shows no "
                                       f"{'deposit' if joining else 'notice'} after it"))
            continue
        if event.action == "took_effect":  # the record shows an effect as a notice's effective date
            recorded = recorded + [dataclasses.replace(c, date=c.effective)
                                   for c in record_claims_by.get((event.state, "notified"), []) if c.effective]
        near = [c.date for c in recorded if c.date and day and abs((c.date - day).days) <= window]
        if not near or day is None:
            out.append(Discrepancy("news_ahead", event.state, treaty, event.action, event.date, None, sources,
                                   f"the record (complete to {table[1]}) does not show this act"))
            continue
        record_day = min(near, key=lambda d: abs((d - day).days))
        if event.date is not None and record_day != event.date:
            out.append(Discrepancy("dates_differ", event.state, treaty, event.action, event.date, record_day, sources,
                                   f"news dates it {event.date}, the record {record_day}"))
    for (state, action), recorded_acts in sorted(record_claims_by.items()):
        if (state, action) in news_keys:
            continue
        for c in recorded_acts:
            if since and c.date and c.date < since:
                continue
            out.append(Discrepancy("record_only", state, treaty, action, None, c.date, (c.article,),
                                   "no news in the ledger reports this act"))
    order = {"news_ahead": 0, "dates_differ": 1, "record_only": 2}
    return sorted(out, key=lambda d: (order[d.kind], d.state, d.action, d.news_date or d.record_date or dt.date.min))


def _by_pair(claims: Iterable[Claim]) -> dict[tuple[str, str], list[Claim]]:
    out: dict[tuple[str, str], list[Claim]] = {}
    for c in claims:
        out.setdefault((c.state, c.action), []).append(c)
    return out


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


__all__ = ["StatusTable", "TableChange", "RefreshReport", "Discrepancy", "bundled_tables", "record_claims",
           "table_changes", "refresh_status", "reconcile"]
