"""Views: one function per page or resource, each a thin call into the ledger returning a plain dict.

The REST API (``/api/v1/...``) returns these dicts as JSON; the dashboard renders the same
dicts as HTML (``web.py``).  No status or event logic lives here: statuses, counts, diffs,
timelines and events come from ``Ledger``; this module only picks, names and arranges.

    >>> views.status(ledger, "apmbc", datetime.date(2026, 1, 15))["statuses"][0]
    {'state': 'AFG', 'name': 'Afghanistan', 'numeric': '004', 'status': 'party', ...}
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import functools
import json
from importlib import resources
from typing import Any

from .api import date_range
from .errors import LedgerError
from .gate import load_states
from .ledger import Ledger
from .models import ORGANISATIONS, STATUSES, Event, Status
from .records import RECORD_PREFIX, reconcile as reconcile_records
from .registry import Rule, Treaty
from .rules import change_days
from .status import basis, count_parties, party_changes, state_timeline, status_as_of, timelines

MAX_POINTS = 2000  # most dates one count answer computes


class NotFound(LedgerError):
    """A resource (event, article, state) that the ledger does not have."""


# -- names ----------------------------------------------------------------------------------------
def state_name(iso3: str) -> str:
    if iso3 in ORGANISATIONS:
        return "European Union" if iso3 == "EUU" else iso3
    entry = load_states().get(iso3)
    return str(entry["display"]) if entry else iso3


def state_numeric(iso3: str) -> str | None:
    entry = load_states().get(iso3)
    return (str(entry["numeric"]) or None) if entry else None


@functools.lru_cache(maxsize=1)
def drawable_ids() -> frozenset[str]:
    """ISO numeric ids that the bundled world map draws (the 1:110m file leaves out small states)."""
    text = resources.files("treatywatch").joinpath("static/vendor/countries-110m.json").read_text(encoding="utf-8")
    topo = json.loads(text)
    return frozenset(str(g.get("id")) for g in topo["objects"]["countries"]["geometries"] if g.get("id"))


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _rule(rule: Rule) -> dict[str, Any]:
    return {"rule": rule.rule, "params": dict(rule.params), "article": rule.article, "summary": rule.summary,
            "runs_from": rule.runs_from, "armed_conflict_bar": rule.armed_conflict_bar,
            "min_party_years": rule.min_party_years, "later_date_allowed": rule.later_date_allowed,
            "cascades": list(rule.cascades)}


def treaty_dict(t: Treaty) -> dict[str, Any]:
    return {"id": t.id, "name": t.name, "short_name": t.short_name, "kind": t.kind, "depositary": t.depositary,
            "adopted": _iso(t.adopted), "opened_for_signature": _iso(t.opened_for_signature),
            "entry_into_force": _iso(t.entry_into_force), "terminated": _iso(t.terminated),
            "aliases": list(t.aliases), "abbreviations": list(t.abbreviations),
            "joining": _rule(t.joining), "leaving": _rule(t.leaving), "suspension_clause": t.suspension_clause,
            "deratification_clause": t.deratification_clause, "sources": list(t.sources), "verified": t.verified,
            "notes": t.notes}


def status_dict(s: Status) -> dict[str, Any]:
    return {**s.to_dict(), "name": state_name(s.state), "numeric": state_numeric(s.state)}


_EVENT_FIELDS = tuple(f.name for f in dataclasses.fields(Event))


def event_dict(e: Event) -> dict[str, Any]:
    """``Event.to_dict()`` (built field by field: the fields are flat, and this runs for every row of a page)."""
    d: dict[str, Any] = {name: getattr(e, name) for name in _EVENT_FIELDS}
    for key in ("date", "bound", "stated_effective"):
        d[key] = _iso(d[key])
    d["sources"] = list(e.sources)
    d["conflicts"] = list(e.conflicts)
    d["name"] = state_name(e.state)
    d["news_sources"] = [s for s in e.sources if not s.startswith(RECORD_PREFIX)]
    d["record_sources"] = [s for s in e.sources if s.startswith(RECORD_PREFIX)]
    return d


# -- treaties and status ---------------------------------------------------------------------------
def treaties(ledger: Ledger) -> dict[str, Any]:
    tables = {t["treaty"]: t for t in ledger.record_tables()}
    return {"treaties": [{**treaty_dict(t), "record_table": tables.get(t.id)} for t in ledger.registry]}


def treaty(ledger: Ledger, treaty_id: str) -> dict[str, Any]:
    t = ledger.registry.get(treaty_id)
    table = ledger.record_table(t.id)
    return {**treaty_dict(t), "basis": basis(ledger, t.id),
            "record_table": {"source": table[0], "as_of": table[1].isoformat()} if table else None}


def status(ledger: Ledger, treaty_id: str, as_of: dt.date, state: str | None = None) -> dict[str, Any]:
    """Every state's status on ``as_of`` (or one state's).  ``default`` is the status of a state not listed."""
    return {**status_asked(ledger, treaty_id, as_of), **status_found(ledger, treaty_id, as_of, state)}


def status_asked(ledger: Ledger, treaty_id: str, as_of: dt.date) -> dict[str, Any]:
    """The part of a ``status`` answer that repeats the question: the treaty and the date."""
    t = ledger.registry.get(treaty_id)
    return {"treaty": t.id, "treaty_name": t.short_name, "as_of": as_of.isoformat()}


def status_found(ledger: Ledger, treaty_id: str, as_of: dt.date, state: str | None = None) -> dict[str, Any]:
    """The rest of a ``status`` answer: the same for every day of one ``status_period``."""
    t = ledger.registry.get(treaty_id)
    found = status_as_of(ledger, t.id, as_of, state=state)
    rows = [status_dict(s) for s in found]
    default = "non_party" if ledger.record_table(t.id) is not None else "unknown"
    drawn = drawable_ids()
    small = [r for r in rows if r["numeric"] and r["numeric"] not in drawn and r["status"] != "non_party"]
    return {"basis": basis(ledger, t.id), "default": default, "statuses": rows,
            "totals": {k: sum(1 for r in rows if r["status"] == k) for k in STATUSES},
            "not_drawn": [{"state": r["state"], "name": r["name"], "status": r["status"]} for r in small]}


def status_period(ledger: Ledger, treaty_id: str, as_of: dt.date) -> int:
    """Which stretch of unchanged statuses ``as_of`` falls in: how many days on or before it some
    state's status entry under the treaty starts on.  Days with the same number have the same
    ``status_found``, so an answer computed for one of them serves them all."""
    t = ledger.registry.get(treaty_id)
    return bisect.bisect_right(_change_days(ledger, ledger.generation(), t.id), as_of)


@functools.lru_cache(maxsize=256)
def _change_days(ledger: Ledger, generation: int, treaty: str) -> list[dt.date]:
    """``rules.change_days`` of the treaty's timelines, once per generation of the events (as ``Ledger.timelines``)."""
    return change_days(timelines(ledger, treaty).values())


def count(ledger: Ledger, treaty_id: str, start: dt.date, end: dt.date, every: str = "month",
          parties: str = "all") -> dict[str, Any]:
    t = ledger.registry.get(treaty_id)
    if start > end:
        raise LedgerError(f"'from' ({start}) is after 'to' ({end}); swap them")
    dates = date_range(start, end, every)
    if len(dates) > MAX_POINTS:
        raise LedgerError(f"{len(dates)} dates asked for; at most {MAX_POINTS}: choose a coarser 'every' or a shorter span")
    return {"treaty": t.id, "from": start.isoformat(), "to": end.isoformat(), "every": every, "parties": parties,
            "basis": basis(ledger, t.id),
            "counts": [{"date": d.isoformat(), "bound": n} for d, n in count_parties(ledger, t.id, dates, parties=parties)]}


def chart_span(ledger: Ledger, treaty_id: str, today: dt.date) -> tuple[dt.date, dt.date, str]:
    """The span and step of a treaty page's count chart: from its entry into force (or adoption) to today."""
    t = ledger.registry.get(treaty_id)
    start = t.entry_into_force or t.adopted or dt.date(1950, 1, 1)
    start = dt.date(start.year, start.month, 1)
    end = t.terminated or today
    every = "month" if (end - start).days <= 12 * 366 else "year"
    if every == "year":
        start = dt.date(start.year, 1, 1)
    return start, end, every


def diff(ledger: Ledger, treaty_id: str, start: dt.date, end: dt.date) -> dict[str, Any]:
    t = ledger.registry.get(treaty_id)
    found = party_changes(ledger, t.id, start, end)
    return {"treaty": t.id, "from": start.isoformat(), "to": end.isoformat(),
            **{k: [status_dict(s) for s in v] for k, v in found.items()}}


def reconcile(ledger: Ledger, treaty_id: str, since: dt.date | None = None, kind: str = "all") -> dict[str, Any]:
    t = ledger.registry.get(treaty_id)
    found = [d.to_dict() for d in reconcile_records(ledger, t.id, since=since) if kind == "all" or d.kind == kind]
    return {"treaty": t.id, "since": _iso(since), "kind": kind, "discrepancies": found}


# -- events ----------------------------------------------------------------------------------------
def events(ledger: Ledger, treaty: str | None = None, state: str | None = None, action: str | None = None,
           source: str = "all", since: dt.date | None = None, until: dt.date | None = None, limit: int = 50,
           offset: int = 0, newest_first: bool = False) -> dict[str, Any]:
    if treaty:
        treaty = ledger.registry.get(treaty).id
    total, page = ledger.events_page(treaty=treaty, state=state, action=action, source=source, since=since,
                                     until=until, limit=limit, offset=offset, newest_first=newest_first)
    return {"total": total, "limit": limit, "offset": offset,
            "next_offset": offset + limit if offset + limit < total else None,
            "events": [event_dict(e) for e in page]}


def highlight(text: str, spans: list[tuple[int, int]]) -> list[dict[str, Any]]:
    """``text`` cut into pieces, each marked or not, so that a template can show the spans highlighted."""
    pieces: list[dict[str, Any]] = []
    pos = 0
    for start, end in sorted(set(spans)):
        start, end = max(start, pos), min(end, len(text))
        if end <= start:
            continue
        if start > pos:
            pieces.append({"text": text[pos:start], "mark": False})
        pieces.append({"text": text[start:end], "mark": True})
        pos = end
    if pos < len(text):
        pieces.append({"text": text[pos:], "mark": False})
    return pieces


def event(ledger: Ledger, event_id: str) -> dict[str, Any]:
    """One event: its evidence spans (with each article's text cut for highlighting), every source
    (news article, copy of another, or official table), conflicts, statements, reviews and audit log."""
    found = ledger.event(event_id)
    audit = [a for a in ledger.audit_log() if a["event_id"] == event_id or (a["after"] or {}).get("id") == event_id]
    if found is None:
        if not audit:
            raise NotFound(f"no event '{event_id}'; list events at /api/v1/events")
        empty: dict[str, Any] = {"event": None, "id": event_id, "evidence": [], "sources": [], "conflicts": [],
                                 "statements": [], "audit": audit}
        return empty
    claims = ledger.evidence(found)
    by_article: dict[str, list[dict[str, Any]]] = {}
    for c in claims:
        by_article.setdefault(c.article, []).append(c.to_export())
    sources: list[dict[str, Any]] = []
    for source in found.sources:
        if source.startswith(RECORD_PREFIX):
            sources.append({"id": source, "kind": "record", "title": f"official status table {source[len(RECORD_PREFIX):]}"})
            continue
        info = ledger.article_info(source) or {"id": source}
        article = ledger.article(source)
        spans = [(c["evidence"]["start"], c["evidence"]["end"]) for c in by_article.get(source, [])
                 if c["evidence"]["start"] is not None and c["evidence"]["end"] is not None]
        sources.append({**info, "kind": "copy" if info.get("duplicate_of") else "independent",
                        "claims": by_article.get(source, []),
                        "pieces": highlight(article.text, spans) if article is not None else []})
    return {"event": event_dict(found), "id": found.id, "evidence": [c for cs in by_article.values() for c in cs],
            "sources": sources, "conflicts": list(found.conflicts),
            "statements": [s.to_dict() for s in ledger.statements(treaty=found.treaty, event=found.id)],
            "audit": audit}


def article(ledger: Ledger, article_id: str) -> dict[str, Any]:
    found = ledger.article(article_id)
    if found is None:
        raise NotFound(f"no article '{article_id}'; list them at /api/v1/articles")
    info = ledger.article_info(article_id) or {}
    claims = [c.to_export() for c in ledger.claims(article=article_id)]
    spans = [(c["evidence"]["start"], c["evidence"]["end"]) for c in claims
             if c["evidence"]["start"] is not None and c["evidence"]["end"] is not None]
    return {**info, "text": found.text, "claims": claims, "pieces": highlight(found.text, spans),
            "statements": [s.to_dict() for s in ledger.statements(article=article_id)]}


def articles(ledger: Ledger, query: str | None = None, limit: int = 50, offset: int = 0) -> dict[str, Any]:
    total, page = ledger.articles_page(query=query, limit=limit, offset=offset)
    return {"total": total, "limit": limit, "offset": offset,
            "next_offset": offset + limit if offset + limit < total else None, "articles": page}


def timeline(ledger: Ledger, state: str) -> dict[str, Any]:
    state = state.upper()
    return {"state": state, "name": state_name(state),
            "timeline": [{**status_dict(s), "valid_from": _iso(s.valid_from)} for s in state_timeline(ledger, state)],
            "events": [event_dict(e) for e in ledger.events(state=state)]}


def claims(ledger: Ledger, state: str | None = None, treaty: str | None = None, article: str | None = None,
           limit: int = 100, offset: int = 0) -> dict[str, Any]:
    found = ledger.claims(state=state, treaty=treaty, article=article)
    return {"total": len(found), "limit": limit, "offset": offset,
            "claims": [c.to_export() for c in found[offset:offset + limit]]}


def quotes(ledger: Ledger, state: str | None = None, treaty: str | None = None) -> dict[str, Any]:
    return {"quotes": ledger.quotes(state=state, treaty=treaty)}


def statements(ledger: Ledger, treaty: str | None = None, state: str | None = None, event: str | None = None,
               stance: str | None = None, reason: str | None = None) -> dict[str, Any]:
    return {"statements": [s.to_dict() for s in ledger.statements(treaty=treaty, state=state, event=event,
                                                                   stance=stance, reason=reason)]}


def rejects(ledger: Ledger) -> dict[str, Any]:
    return {"rejects": [dataclasses.asdict(r) for r in ledger.rejects()]}


def review_queue(ledger: Ledger) -> dict[str, Any]:
    return {"events": [{**event_dict(e), "reasons": r} for e, r in ledger.needs_review()]}


def audit(ledger: Ledger, event_id: str | None = None) -> dict[str, Any]:
    return {"audit": ledger.audit_log(event_id)}


# -- pages -----------------------------------------------------------------------------------------
def home(ledger: Ledger, today: dt.date) -> dict[str, Any]:
    """Latest news events, and withdrawals pending on ``today`` with the days left to their effect."""
    latest = events(ledger, source="news", limit=15, newest_first=True)["events"]
    pending = []
    for t in ledger.registry:
        for s in status_as_of(ledger, t.id, today):
            if s.status == "withdrawing":
                days = (s.effective - today).days if s.effective else None
                pending.append({**status_dict(s), "treaty_name": t.short_name, "days_left": days})
    pending.sort(key=lambda p: (p["days_left"] is None, p["days_left"] or 0))
    return {"today": today.isoformat(), "latest": latest, "pending": pending,
            "treaties": [{"id": t.id, "short_name": t.short_name, "name": t.name} for t in ledger.registry],
            "articles": ledger.article_count()}


def search(ledger: Ledger, query: str) -> dict[str, Any]:
    """States, treaties, events and articles matching ``query`` (a code, a name or words of the text)."""
    q = query.strip()
    low = q.lower()
    if not q:
        return {"query": q, "states": [], "treaties": [], "events": [], "articles": []}
    states = [{"state": iso, "name": e["display"]} for iso, e in load_states().items()
              if low == iso.lower() or low in str(e["display"]).lower()
              or any(low in a.lower() for a in e.get("aliases", []))][:20]
    found_treaties = [{"id": t.id, "short_name": t.short_name, "name": t.name} for t in ledger.registry
                      if low in t.id.lower() or low in t.name.lower() or low in t.short_name.lower()
                      or any(low in a.lower() for a in (*t.aliases, *t.abbreviations))]
    found_events: list[dict[str, Any]] = []
    for s in states[:3]:
        found_events += events(ledger, state=s["state"], source="news", limit=20, newest_first=True)["events"]
    for t in found_treaties[:2]:
        found_events += events(ledger, treaty=t["id"], source="news", limit=20, newest_first=True)["events"]
    return {"query": q, "states": states, "treaties": found_treaties, "events": found_events[:50],
            "articles": articles(ledger, query=q, limit=20)["articles"]}
