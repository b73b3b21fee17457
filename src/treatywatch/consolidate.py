"""Consolidate: the claims of many sources about one act become one ``Event``.

Claims are grouped by (state, treaty, action) and then by act date: dates that agree (the same
day within a tolerance, or the same month or year at coarser precision) are one act.  The
event's date comes from the best evidence (an official record over an explicit date over a
relative one over a date bounded only by publication); disagreeing dates are kept as conflicts.
Claims that are not asserted, or below the confidence floor, never make an event.
Reviewers' verdicts (``Review``) are applied over the events after every consolidation.

``refresh_events`` and ``review`` run this over a ledger: they read its claims and reviews and
have it store the events; the ledger itself never consolidates.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from .errors import LedgerError
from .models import DATE_BASES, Claim, Event, Review

if TYPE_CHECKING:  # the ledger is passed in, never made here
    from .ledger import Ledger

logger = logging.getLogger(__name__)

BASIS_RANK = {basis: i for i, basis in enumerate(DATE_BASES)}
PRECISION_RANK = {"day": 0, "month": 1, "year": 2}
MERGE_WINDOW_DAYS = 45
BOUND_WINDOW_DAYS = 400
# An undated claim of these actions only confirms an event already known; it never makes one.
UNDATED_NEVER_NEW = {"signed", "ratified", "acceded", "rejoined"}


def date_rank(claim: Claim) -> tuple[int, int, int, float]:
    """Best evidence first: an official record, then the finest precision, then how the date
    was found (explicit over relative over bounded), then confidence."""
    return (
        0 if claim.date_basis == "record" else 1,
        PRECISION_RANK.get(claim.date_precision or "", 3),
        BASIS_RANK.get(claim.date_basis, len(BASIS_RANK)),
        -claim.confidence,
    )


def _compatible(anchor: Claim, other: Claim, window: int) -> bool:
    assert anchor.date is not None and other.date is not None
    coarse = max(PRECISION_RANK.get(anchor.date_precision or "day", 0), PRECISION_RANK.get(other.date_precision or "day", 0))
    if coarse == 2:
        return anchor.date.year == other.date.year
    if coarse == 1:
        return (anchor.date.year, anchor.date.month) == (other.date.year, other.date.month)
    return abs((anchor.date - other.date).days) <= window


def consolidate_events(claims: Iterable[Claim], min_confidence: float = 0.5,
                       window_days: int = MERGE_WINDOW_DAYS,
                       originals: Mapping[str, str] | None = None) -> list[Event]:
    """One event per (state, treaty, action, act date), best-supported date first.

    ``originals`` maps an article that is a copy (a syndicated wire story) to its original:
    copies count as sources but not as independent evidence.
    """
    originals = originals or {}
    groups: dict[tuple[str, str, str], list[Claim]] = defaultdict(list)
    for claim in claims:
        if claim.modality != "asserted" or claim.confidence < min_confidence:
            continue
        groups[(claim.state, claim.treaty, claim.action)].append(claim)
    events: list[Event] = []
    for (state, treaty, action), members in sorted(groups.items()):
        clusters: list[list[Claim]] = []
        dated = sorted((c for c in members if c.date is not None), key=date_rank)
        # background mentions of old acts only confirm history: they join an event of the
        # same act, and make one of their own only when nothing else is known of that act
        for claim in [c for c in dated if not c.background] + [c for c in dated if c.background]:
            for cluster in clusters:
                if _compatible(cluster[0], claim, window_days):
                    cluster.append(claim)
                    break
            else:
                if claim.background and (clusters or claim.date_precision != "day"):
                    continue
                clusters.append([claim])
        undated: list[list[Claim]] = []
        for claim in sorted((c for c in members if c.date is None), key=lambda c: c.bound or dt.date.max):
            bound = claim.bound
            home = None
            if bound is not None:
                earlier = [cl for cl in clusters if cl[0].date is not None and cl[0].date <= bound
                           and (bound - cl[0].date).days <= BOUND_WINDOW_DAYS]
                if earlier:
                    home = max(earlier, key=lambda cl: cl[0].date or dt.date.min)
                else:
                    # an official record a little later than the article's bound is the same act,
                    # misreported: the record stands and the article stays a source
                    records = [cl for cl in clusters if cl[0].date_basis == "record" and cl[0].date is not None
                               and abs((cl[0].date - bound).days) <= window_days]
                    if records:
                        home = records[0]
            if home is None and action in UNDATED_NEVER_NEW:
                continue  # "X ratified the treaty" with no date is history, not a new act
            if home is None:
                home = next((u for u in undated if u[0].bound and bound and abs((u[0].bound - bound).days) <= window_days), None)
                if home is None:
                    undated.append([claim])
                    continue
            home.append(claim)
        for cluster in clusters + undated:
            events.append(_event(state, treaty, action, cluster, originals))
    return events


def _event(state: str, treaty: str, action: str, cluster: list[Claim], originals: Mapping[str, str]) -> Event:
    sources = tuple(dict.fromkeys(c.article for c in cluster))
    independent = len({originals.get(a, a) for a in sources})
    best = _best_claim(cluster, originals)
    conflicts = []
    seen_conflicts = set()
    for c in cluster:
        if c.date is not None and best.date is not None and c.date != best.date and c.date_precision == "day" \
                and best.date_precision == "day" and (c.article, c.date) not in seen_conflicts:
            seen_conflicts.add((c.article, c.date))
            copy = f", a copy of {originals[c.article]}" if c.article in originals else ""
            conflicts.append(f"{c.article} gives {c.date.isoformat()} ({c.date_basis}{copy})")
    bound = min((c.bound for c in cluster if c.bound is not None), default=None) if best.date is None else None
    stated = next((c.effective for c in cluster if c.date_basis == "record" and c.effective), None)
    instrument = next((c.instrument for c in cluster if c.instrument), None)
    confidence = min(0.99, max(c.confidence for c in cluster) + 0.03 * (independent - 1))
    if best.date is not None:
        key = best.date.isoformat() if best.date_precision == "day" else best.date.isoformat()[: 7 if best.date_precision == "month" else 4]
        agreeing = len({originals.get(c.article, c.article) for c in cluster if c.date == best.date})
        note = (f"date from {best.article} ({best.date_basis}, {best.date_precision} precision); "
                f"{agreeing} of {independent} independent source(s) give this date")
    else:
        key = f"by-{bound.isoformat()}" if bound else "undated"
        note = (f"date not reported; known only to be no later than {bound.isoformat()}" if bound
                else "date not reported")
    return Event(
        id=f"{state}-{treaty}-{action}-{key}",
        state=state,
        treaty=treaty,
        action=action,
        date=best.date,
        date_basis=best.date_basis if best.date is not None else ("bounded" if bound else "unknown"),
        date_precision=best.date_precision,
        bound=bound,
        sources=sources,
        confidence=round(confidence, 3),
        conflicts=tuple(conflicts),
        stated_effective=stated,
        instrument=instrument,
        note=note,
        independent=independent,
    )


def _best_claim(cluster: list[Claim], originals: Mapping[str, str]) -> Claim:
    """The claim whose date the event takes: an official record first; then the day-precise
    date most independent sources agree on; then the best way of finding it (explicit over
    relative over bounded)."""
    records = [c for c in cluster if c.date_basis == "record"]
    if records:
        return records[0]
    support: dict[dt.date, set[str]] = defaultdict(set)
    for c in cluster:
        if c.date is not None and c.date_precision == "day":
            support[c.date].add(originals.get(c.article, c.article))
    if not support:
        return min(cluster, key=date_rank)
    most = max(len(v) for v in support.values())
    candidates = [c for c in cluster if c.date in support and len(support[c.date]) == most]
    return min(candidates, key=date_rank)


def latest_reviews(reviews: Iterable[Review]) -> list[Review]:
    """The last verdict on each event, from reviews in the order they were made."""
    latest: dict[str, Review] = {}
    for review in reviews:
        latest[review.event_id] = review
    return list(latest.values())


def apply_reviews(events: list[Event], reviews: Iterable[Review], window_days: int = MERGE_WINDOW_DAYS) -> list[Event]:
    """Reviewers' verdicts override the machine; they follow an event whose id changed because
    new evidence moved its date (same state, treaty, action, within the merge window)."""
    out = list(events)
    for review in latest_reviews(reviews):
        machine = review.machine_date
        match = next((i for i, e in enumerate(out) if e.id == review.event_id), None)
        if match is None:
            match = next((i for i, e in enumerate(out) if e.action == review.action and e.date and machine
                          and abs((e.date - machine).days) <= window_days), None)
        if match is None:
            continue
        event = out[match]
        if review.verdict == "reject":
            out.pop(match)
            continue
        changes = review.changes
        note = f"{review.verdict}ed by {review.by}: {review.reason}"
        replaced = dataclasses.replace(
            event,
            date=_day(changes["date"]) if "date" in changes else event.date,
            date_basis="review" if "date" in changes else event.date_basis,
            date_precision="day" if "date" in changes else event.date_precision,
            action=changes.get("action", event.action),
            stated_effective=_day(changes["effective"]) if "effective" in changes else event.stated_effective,
            confidence=1.0,
            reviewed=review.verdict + "ed",
            note=f"{event.note}; {note}" if event.note else note,
        )
        out[match] = replaced
    return out


def machine_date(event: Event, reviews: Sequence[Review]) -> dt.date | None:
    """The date the machine gave ``event``, which a new review records: a reviewed event's date
    may be the reviewer's, so the first review of the event (``reviews``, oldest first) keeps it."""
    if event.reviewed is None or not reviews:
        return event.date
    return reviews[0].machine_date


def _day(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


# ---------------------------------------------------------------------------------------
# Over a ledger


def refresh_events(ledger: Ledger, pairs: Iterable[tuple[str, str]] | None = None, record_changes: bool = True) -> int:
    """Re-consolidate the events of the given (state, treaty) pairs (all when None), in one
    transaction, and return how many events they now have.  ``record_changes``: note new and
    changed events for the feeds and webhooks (off while the bundled tables load: they are no
    news to alert on)."""
    pairs = ledger.claim_pairs() if pairs is None else set(pairs)
    originals = ledger.originals()
    count = 0
    with ledger.batch():
        for state, treaty in sorted(pairs):
            events = consolidate_events(ledger.claims(state=state, treaty=treaty), min_confidence=ledger.min_confidence,
                                        window_days=ledger.merge_window_days, originals=originals)
            events = apply_reviews(events, ledger.reviews(state, treaty), ledger.merge_window_days)
            ledger.replace_events(state, treaty, events, record_changes)
            count += len(events)
        ledger.next_generation()
    return count


REVIEW_VERDICTS = ("confirm", "reject", "edit")
EDITABLE = ("action", "date", "effective")


def review(ledger: Ledger, event_id: str, verdict: str, by: str, reason: str, **changes: Any) -> Event | None:
    """Confirm, reject or edit an event; the verdict is kept, audited and re-applied after
    every re-ingest and re-consolidation.  Returns the event as it now stands (None if rejected)."""
    if verdict not in REVIEW_VERDICTS:
        raise LedgerError(f"unknown review verdict {verdict!r}: use confirm, reject or edit")
    if not by.strip() or not reason.strip():
        raise LedgerError("a review needs a reviewer name (--by) and a reason (--reason)")
    before = ledger.event(event_id)
    past = ledger.reviews(event_id=event_id)
    last = past[-1] if past else None
    if before is None and (last is None or last.verdict != "reject"):
        raise LedgerError(f"no event '{event_id}'; list them with `treatywatch review` or `treatywatch events`")
    if before is None and verdict == "reject":
        raise LedgerError(f"event '{event_id}' is already rejected; confirm or edit it to restore it")
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise LedgerError(f"cannot edit {', '.join(sorted(unknown))}; editable: {', '.join(EDITABLE)}")
    if verdict == "edit" and not changes:
        raise LedgerError("edit needs at least one change (--date, --action or --effective)")
    clean = {k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in changes.items() if v is not None}
    if before is not None:
        state, treaty, action, machine = before.state, before.treaty, before.action, machine_date(before, past)
    else:  # a rejected event, restored by a confirm or an edit: the review rejecting it says what it was
        assert last is not None
        state, treaty, action, machine = last.state, last.treaty, last.action, last.machine_date
    ledger.add_review(Review(event_id=event_id, state=state, treaty=treaty, action=action, machine_date=machine,
                             verdict=verdict, changes=clean, by=by, reason=reason))
    refresh_events(ledger, {(state, treaty)})
    after = next((e for e in ledger.events(treaty=treaty, state=state) if e.id == event_id), None)
    ledger.add_audit(by, verdict, event_id, before, after, reason)
    return after
