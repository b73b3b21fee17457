"""The rules stage: registered, versioned date rules and the legal layer built on them.

Date rules
----------
A date rule is a pure function ``rule(day, **params) -> date`` registered under a versioned
name with ``@register("months_after.v1")``; treaty files name their rules that way.  Every
parameter is a positive integer and keyword-only, so ``rule_params(name)`` can tell the
registry which parameters a rule takes.

**A registered version never changes meaning.**  Past effects must stay reproducible, so a
rule whose meaning has to change is registered again as ``.v2`` (``months_after.v2``) and
treaty files move to it one by one; ``.v1`` is never edited.  ``get_rule`` raises
``UnknownRuleError`` listing the available names.

Legal layer
-----------
``joining_date`` and ``leaving_date`` apply a treaty's own rules to one act;
``count_effects`` gives extraction's claims the dates those rules count (extraction itself
never applies them);
``status_timeline`` turns the events of one state into the ordered list of its ``Status``
entries under one treaty; ``status_on`` reads that list on a day; ``is_bound`` says whether a
status binds the state.  Everything here is pure: the only inputs are the arguments (treaty
data, events, and a ``RuleContext`` holding the registry and the armed-conflict table).
The module is a leaf: it imports only the package's vocabulary (``models``) and errors, so
the registry, the ledger and every stage may build on it (``status.default_context`` builds
the default context).

Timeline representation
-----------------------
Every entry of a timeline is a ``Status`` whose ``since`` is the day its *status* began and
whose ``valid_from`` is the first day the *entry* applies.  A change of status adds an entry
with ``valid_from == since``.  An act that does not change the status (a withdrawal bill
passing parliament, a deposit waiting for entry into force, a claimed suspension the treaty
does not allow, a premature notice) adds an entry with the same status and the same ``since``,
``valid_from`` = the day of the act, the earlier note extended with ``"; <new note>"`` and the
event id appended.  ``status_on`` picks the last entry whose ``valid_from`` (else ``since``) is
on or before the day, so it always returns the right ``since`` and never shows a note before
the act it reports.

Inferences worth knowing: a withdrawal notice (or a reported effect) from a state with no
recorded deposit still counts, with a note saying membership was inferred, because news may be
the only evidence; a claimed suspension of a treaty without a suspension clause never changes
the status; a withdrawal barred by an ongoing armed conflict stays ``withdrawing`` with
``effective`` None.
"""

from __future__ import annotations

import calendar
import csv
import dataclasses
import datetime as dt
import importlib.resources
import inspect
import io
import logging
import os
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, TypeVar

from .errors import InputError, RuleError, UnknownRuleError
from .models import ACTIONS, Article, Claim, Event, Status, direction

if TYPE_CHECKING:
    from .registry import Registry, Treaty

logger = logging.getLogger(__name__)

__all__ = [
    "RULES",
    "Conflict",
    "DateRule",
    "RuleContext",
    "apply_rule",
    "count_effects",
    "get_rule",
    "in_conflict",
    "is_bound",
    "joining_date",
    "leaving_date",
    "load_conflicts",
    "register",
    "rule_params",
    "status_on",
    "status_timeline",
]

# ---------------------------------------------------------------------------------------------
# Registered date rules

DateRule = Callable[..., dt.date]
RULES: dict[str, DateRule] = {}

_RULE_NAME = re.compile(r"^[a-z][a-z0-9_]*\.v[1-9][0-9]*$")
_F = TypeVar("_F", bound=Callable[..., dt.date])


def register(name: str) -> Callable[[_F], _F]:
    """Register a date rule under a versioned name (``"months_after.v1"``).

    The function takes the start date positionally and its parameters as keyword-only
    integers.  Registering a name twice is an error: a new meaning needs a new version.
    """
    if not _RULE_NAME.match(name):
        raise RuleError(f"Rule name '{name}' is not of the form 'name.vN' (e.g. 'months_after.v1')")

    def decorate(fn: _F) -> _F:
        if name in RULES:
            raise RuleError(
                f"Rule '{name}' is already registered; register the new meaning as a new version "
                f"instead of replacing it"
            )
        params = list(inspect.signature(fn).parameters.values())
        if not params or params[0].kind not in (
            inspect.Parameter.POSITIONAL_ONLY,
            inspect.Parameter.POSITIONAL_OR_KEYWORD,
        ):
            raise RuleError(f"Rule '{name}' must take the start date as its first positional argument")
        if any(p.kind is not inspect.Parameter.KEYWORD_ONLY for p in params[1:]):
            raise RuleError(f"Rule '{name}' must take its parameters as keyword-only arguments")
        RULES[name] = fn
        return fn

    return decorate


def get_rule(name: str) -> DateRule:
    """The rule registered as ``name``; ``UnknownRuleError`` lists the available names."""
    try:
        return RULES[name]
    except KeyError:
        raise UnknownRuleError(name, list(RULES)) from None


def rule_params(name: str) -> tuple[str, ...]:
    """Names of the parameters rule ``name`` takes, in declaration order."""
    return tuple(
        p.name
        for p in inspect.signature(get_rule(name)).parameters.values()
        if p.kind is inspect.Parameter.KEYWORD_ONLY
    )


def apply_rule(name: str, day: dt.date, params: Mapping[str, int]) -> dt.date:
    """Apply rule ``name`` to ``day`` with exactly the parameters the rule takes."""
    expected = set(rule_params(name))
    given = set(params)
    if expected != given:
        raise RuleError(
            f"Rule '{name}' takes parameters {sorted(expected)}, got {sorted(given)}; "
            f"fix the treaty file's params"
        )
    return get_rule(name)(day, **dict(params))


def _positive(rule: str, param: str, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise RuleError(f"Rule '{rule}': {param} must be a positive integer, got {value!r}")
    return value


def _add_months(day: dt.date, months: int) -> dt.date:
    """Same calendar day ``months`` later, clamped to the last day of the target month."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _first_of_next_month(day: dt.date) -> dt.date:
    return _add_months(day.replace(day=1), 1)


@register("on_deposit.v1")
def on_deposit_v1(day: dt.date) -> dt.date:
    """Binding on the day of the act itself."""
    return day


@register("days_after.v1")
def days_after_v1(day: dt.date, *, days: int) -> dt.date:
    """``days`` days after the act (ATT Art. 22(2): 90 days)."""
    return day + dt.timedelta(days=_positive("days_after.v1", "days", days))


@register("months_after.v1")
def months_after_v1(day: dt.date, *, months: int) -> dt.date:
    """The same calendar day ``months`` later, clamped to the month end (2024-08-31 + 6 = 2025-02-28)."""
    return _add_months(day, _positive("months_after.v1", "months", months))


@register("years_after.v1")
def years_after_v1(day: dt.date, *, years: int) -> dt.date:
    """The same calendar day ``years`` later; 29 February becomes 28 February."""
    return _add_months(day, 12 * _positive("years_after.v1", "years", years))


@register("first_day_of_month_after_months.v1")
def first_day_of_month_after_months_v1(day: dt.date, *, months: int) -> dt.date:
    """Day 1 of the month ``months`` calendar months after the act's month (APMBC Art. 17(2)).

    Deposit 2005-12-27, 6 months -> 2006-06-01.
    """
    return _add_months(day.replace(day=1), _positive("first_day_of_month_after_months.v1", "months", months))


@register("first_day_of_month_after_days.v1")
def first_day_of_month_after_days_v1(day: dt.date, *, days: int) -> dt.date:
    """Day 1 of the month after the ``days``-th day following the act (Rome Statute Art. 126(2)).

    Deposit 2023-11-14, 60 days -> 2024-01-13 -> 2024-02-01.
    """
    return _first_of_next_month(day + dt.timedelta(days=_positive("first_day_of_month_after_days.v1", "days", days)))


@register("first_day_of_month_after_months_elapsed.v1")
def first_day_of_month_after_months_elapsed_v1(day: dt.date, *, months: int) -> dt.date:
    """Day 1 of the month following the end of a ``months``-month period (Council of Europe clauses).

    Istanbul Convention, Turkey: notice received 2021-03-22, period ends 2021-06-22 -> 2021-07-01.
    """
    end = _add_months(day, _positive("first_day_of_month_after_months_elapsed.v1", "months", months))
    return _first_of_next_month(end)


# ---------------------------------------------------------------------------------------------
# Armed conflicts (APMBC / CCM Art. 20(3), CCW Art. 9)


@dataclasses.dataclass(frozen=True)
class Conflict:
    """A period in which ``state`` is engaged in an armed conflict (``end`` None: ongoing)."""

    state: str
    start: dt.date
    end: dt.date | None
    description: str
    source: str


ConflictTable = Mapping[str, Sequence[Conflict]]
_CONFLICT_COLUMNS = ("state", "start", "end", "description", "source")


def load_conflicts(path: str | os.PathLike[str] | None = None) -> dict[str, tuple[Conflict, ...]]:
    """Read the armed-conflict table (default: the bundled ``data/conflicts.csv``), by state."""
    if path is None:
        label = "treatywatch/data/conflicts.csv"
        text = importlib.resources.files("treatywatch").joinpath("data", "conflicts.csv").read_text("utf-8")
    else:
        label = os.fspath(path)
        try:
            with open(path, encoding="utf-8") as fh:
                text = fh.read()
        except OSError as exc:
            raise InputError(label, f"cannot read the conflicts table: {exc.strerror}") from exc
    reader = csv.DictReader(io.StringIO(text))
    if tuple(reader.fieldnames or ()) != _CONFLICT_COLUMNS:
        raise InputError(label, f"expected the columns {','.join(_CONFLICT_COLUMNS)}, got {reader.fieldnames}")
    table: dict[str, list[Conflict]] = {}
    for row in reader:
        where = f"{label} line {reader.line_num}"
        try:
            start = dt.date.fromisoformat(row["start"])
            end = dt.date.fromisoformat(row["end"]) if row["end"] else None
        except (TypeError, ValueError) as exc:
            raise InputError(where, f"dates must be YYYY-MM-DD ({exc})") from exc
        if end is not None and end < start:
            raise InputError(where, f"end {end} is before start {start}")
        state = (row["state"] or "").strip()
        if not re.fullmatch(r"[A-Z]{3}", state):
            raise InputError(where, f"state must be an ISO 3166-1 alpha-3 code, got {state!r}")
        table.setdefault(state, []).append(
            Conflict(state, start, end, (row["description"] or "").strip(), (row["source"] or "").strip())
        )
    return {state: tuple(sorted(rows, key=lambda c: c.start)) for state, rows in table.items()}


def in_conflict(conflicts: ConflictTable, state: str, day: dt.date) -> Conflict | None:
    """The armed conflict ``state`` is engaged in on ``day``, if any."""
    for conflict in conflicts.get(state, ()):
        if conflict.start <= day and (conflict.end is None or day <= conflict.end):
            return conflict
    return None


@dataclasses.dataclass(frozen=True)
class RuleContext:
    """What the rules need besides the events: the treaty registry and the conflict table."""

    registry: Registry
    conflicts: ConflictTable


# ---------------------------------------------------------------------------------------------
# Legal dates


def joining_date(treaty: Treaty, deposit: dt.date) -> dt.date | None:
    """The day a deposit on ``deposit`` binds the state; None while the treaty is not in force."""
    if treaty.entry_into_force is None:
        return None
    computed = apply_rule(treaty.joining.rule, deposit, treaty.joining.params)
    return max(computed, treaty.entry_into_force)


def leaving_date(treaty: Treaty, notified: dt.date, stated: dt.date | None = None) -> dt.date:
    """The day a withdrawal notified on ``notified`` takes effect (before any armed-conflict bar).

    ``stated`` is a later date named in the notification; it wins only when the treaty
    allows a later date (``leaving.later_date_allowed``) and it is later than the computed one.
    """
    computed = apply_rule(treaty.leaving.rule, notified, treaty.leaving.params)
    if stated is not None and stated > computed and treaty.leaving.later_date_allowed:
        return stated
    return computed


def count_effects(article: Article, claims: Sequence[Claim], registry: Registry) -> list[Claim]:
    """``claims`` (extraction's, of ``article``) with the days their treaties' rules give.

    Extraction reports what the text says; the legal dates are counted here, after it, for every
    reader alike.  An act dated to the day gets the day it takes effect for the state
    (``effective``): a notice the leaving rule's, a ratification, accession or return the
    joining rule's.  An asserted effect the article leaves undated ("their withdrawals have
    taken effect") is dated by the leaving rule from the same state's notice dated to the day in
    the article, once that day has come by publication (a later one is not yet news).  A rule
    that cannot count from a day (one too near the calendar's end) leaves a note, never loses
    the claim.
    """
    published = article.published.date() if article.published else None
    notices: dict[tuple[str, str], Claim] = {}
    for claim in claims:
        if claim.action == "notified" and claim.modality == "asserted" and claim.date and claim.date_precision == "day":
            notices.setdefault((claim.state, claim.treaty), claim)
    out = []
    for claim in claims:
        treaty = registry.get(claim.treaty)
        notice = notices.get((claim.state, claim.treaty))
        try:
            if claim.action == "took_effect" and claim.modality == "asserted" and claim.date is None and notice:
                claim = _effect_from(notice, claim, treaty, published)
            out.append(_with_effective(claim, treaty))
        except (RuleError, ValueError, OverflowError) as exc:
            out.append(dataclasses.replace(claim, notes=claim.notes + (f"effective date not computed: {exc}",)))
    return out


def _with_effective(claim: Claim, treaty: Treaty) -> Claim:
    """``claim`` with the day its act takes effect, when it is dated to the day and is an act the
    treaty's rules count from."""
    if claim.date is None or claim.date_precision != "day":
        return claim
    if claim.action == "notified":
        return dataclasses.replace(claim, effective=leaving_date(treaty, claim.date))
    if claim.action in ("ratified", "acceded", "rejoined"):
        return dataclasses.replace(claim, effective=joining_date(treaty, claim.date))
    return claim


def _effect_from(notice: Claim, claim: Claim, treaty: Treaty, published: dt.date | None) -> Claim:
    """The undated effect ``claim`` dated by the leaving rule from ``notice``, unless that day is
    after ``published``."""
    assert notice.date is not None
    counted = leaving_date(treaty, notice.date)
    if published and counted > published:
        return claim
    return dataclasses.replace(claim, date=counted, date_precision="day", date_basis=notice.date_basis,
                               notes=claim.notes + (f"counted from the notice of {notice.date} by the treaty's rule",))


def is_bound(status: Status) -> bool:
    """Party, withdrawing (not yet effective) and suspended states are bound."""
    return status.status in ("party", "withdrawing", "suspended")


def status_on(timeline: Sequence[Status], day: dt.date) -> Status:
    """The timeline entry in force on ``day`` (non_party with ``since`` None before the first)."""
    if not timeline:
        raise ValueError("status_on needs a timeline with at least one entry (status_timeline always gives one)")
    chosen: Status | None = None
    chosen_key = dt.date.min
    for entry in timeline:
        key = _start(entry) or dt.date.min  # no start: from the beginning
        if key <= day and (chosen is None or key >= chosen_key):
            chosen, chosen_key = entry, key
    if chosen is None:
        first = timeline[0]
        return Status(first.state, first.treaty, "non_party", None)
    return chosen


def change_days(timelines: Iterable[Sequence[Status]]) -> list[dt.date]:
    """The days on which an entry of one of ``timelines`` starts, in order: between two of them
    (and before the first, and from the last on) ``status_on`` picks the same entry of every timeline."""
    return sorted({start for timeline in timelines for entry in timeline if (start := _start(entry)) is not None})


def _start(entry: Status) -> dt.date | None:
    return entry.valid_from if entry.valid_from is not None else entry.since


# ---------------------------------------------------------------------------------------------
# Status timeline

_RANK = {
    "signed": 0,
    "ratified": 1,
    "acceded": 1,
    "rejoined": 1,
    "intent_announced": 2,
    "government_approved": 3,
    "parliament_approved": 4,
    "law_signed": 5,
    "notified": 6,
    "suspended": 7,
    "took_effect": 8,
    "deratified": 9,
}
_TERMINATION_RANK = 99
_DEPOSIT_VERBS = {
    "ratified": "ratified",
    "ratification": "ratified",
    "acceded": "acceded",
    "accession": "acceded",
    "acceptance": "accepted",
    "approval": "approved",
    "succession": "succeeded",
    "rejoined": "rejoined",
}
_PROGRESS = {
    "intent_announced": "withdrawal announced",
    "government_approved": "government approved",
    "parliament_approved": "parliament approved",
    "law_signed": "law signed",
}
_BOUND = ("party", "withdrawing", "suspended")


@dataclasses.dataclass
class _Pending:
    day: dt.date
    status: str  # "party" or "withdrawn"
    note: str
    events: tuple[str, ...]


class _Timeline:
    """Mutable builder of one (state, treaty) timeline; only ``status_timeline`` uses it."""

    def __init__(self, state: str, treaty_id: str) -> None:
        self.state = state
        self.treaty_id = treaty_id
        self.entries: list[Status] = [Status(state, treaty_id, "non_party", None)]
        self.pending: _Pending | None = None
        self.party_since: dt.date | None = None
        self.deposited = False  # a ratification or accession deposited while the treaty is not in force

    @property
    def current(self) -> Status:
        return self.entries[-1]

    def change(
        self,
        status: str,
        since: dt.date,
        *,
        note: str | None = None,
        events: tuple[str, ...] = (),
        effective: dt.date | None = None,
    ) -> None:
        """A new status from ``since``; entries starting later are superseded (a retroactive record)."""
        was_bound = self.current.status in _BOUND
        while len(self.entries) > 1:
            last_start = _start(self.entries[-1])
            if last_start is None or last_start < since:
                break
            dropped = self.entries.pop()
            if last_start > since:
                logger.debug("%s/%s: entry from %s superseded by %s from %s", self.state, self.treaty_id,
                             last_start, status, since)
            else:
                logger.debug("%s/%s: same-day %s replaced by %s", self.state, self.treaty_id, dropped.status, status)
        self.entries.append(
            Status(self.state, self.treaty_id, status, since, effective, note, _unique(events), valid_from=since)
        )
        if status == "party" and not was_bound:
            self.party_since = since
        elif status not in _BOUND:
            self.party_since = None

    def annotate(
        self,
        day: dt.date,
        note: str | None,
        events: tuple[str, ...] = (),
        *,
        effective: dt.date | None = None,
        set_effective: bool = False,
    ) -> None:
        """Same status and ``since``, a note (and events) added from ``day``.

        ``effective`` replaces the entry's effective date only when ``set_effective``.
        """
        cur = self.current
        notes = "; ".join(n for n in (cur.note, note) if n) or None
        start = _start(cur)
        valid_from = day if start is None or day > start else start
        new = dataclasses.replace(
            cur,
            note=notes,
            events=_unique(cur.events + events),
            valid_from=valid_from,
            effective=effective if set_effective else cur.effective,
        )
        if start == valid_from and len(self.entries) > 1:
            self.entries[-1] = new
        else:
            self.entries.append(new)

    def flush(self, upto: dt.date | None) -> None:
        """Apply a pending change whose day has come (all of them when ``upto`` is None)."""
        pending = self.pending
        if pending is not None and (upto is None or pending.day <= upto):
            self.pending = None
            self.change(pending.status, pending.day, note=pending.note, events=pending.events)


def _unique(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


def _bounded(event: Event) -> str | None:
    if event.date is None and event.bound is not None:
        return f"date not reported; known only to be no later than {event.bound.isoformat()}"
    return None


def _when(event: Event) -> str:
    """"on D", or "no later than B" for an event known only by its upper bound."""
    if event.date is None and event.bound is not None:
        return f"no later than {event.bound}"
    return f"on {event.act_date}"


def _join(*parts: str | None) -> str:
    return "; ".join(p for p in parts if p)


def _sources(event: Event) -> str:
    return ", ".join(event.sources) if event.sources else f"event {event.id} (no source recorded)"


def _stated_by(event: Event) -> str:
    return "the status table" if event.date_basis == "record" else "the sources"


def status_timeline(state: str, treaty: Treaty, events: Iterable[Event], ctx: RuleContext) -> list[Status]:
    """The ordered status entries of ``state`` under ``treaty`` (see the module docstring).

    ``events`` may hold events of any state and treaty: those of this state and treaty are
    used, plus ``notified`` / ``took_effect`` events of treaties whose withdrawal also
    withdraws the state from this one (``leaving.cascades``, e.g. UNFCCC -> Paris Agreement).
    """
    return _timeline(state, treaty, tuple(events), ctx, frozenset())


def _timeline(
    state: str, treaty: Treaty, events: tuple[Event, ...], ctx: RuleContext, seen: frozenset[str]
) -> list[Status]:
    seen = seen | {treaty.id}
    parents = {t.id: t for t in ctx.registry if treaty.id in t.leaving.cascades and t.id not in seen}
    relevant: list[tuple[dt.date, int, str, Event | None]] = []
    for candidate in events:
        if candidate.state != state:
            continue
        if candidate.treaty != treaty.id and not (
            candidate.treaty in parents and candidate.action in ("notified", "took_effect")
        ):
            continue
        if candidate.action not in ACTIONS:
            logger.warning("event %s: unknown action %r ignored", candidate.id, candidate.action)
            continue
        day = candidate.act_date
        if day is None:
            logger.warning("event %s (%s %s %s) has neither a date nor a bound; ignored",
                           candidate.id, state, candidate.treaty, candidate.action)
            continue
        relevant.append((day, _RANK[candidate.action], candidate.id, candidate))
    if treaty.terminated is not None:
        relevant.append((treaty.terminated, _TERMINATION_RANK, "", None))
    relevant.sort(key=lambda item: item[:3])

    tl = _Timeline(state, treaty.id)
    parent_timelines: dict[str, list[Status]] = {}
    terminated = False
    for day, _rank, _id, event in relevant:
        if terminated:
            if event is not None:
                logger.debug("event %s after the termination of %s ignored", event.id, treaty.id)
            continue
        tl.flush(day)
        if event is None:
            _on_terminated(tl, day)
            terminated = True
            continue
        if event.treaty != treaty.id:
            parent = parents[event.treaty]
            if parent.id not in parent_timelines:
                parent_timelines[parent.id] = _timeline(state, parent, events, ctx, seen)
            _on_cascade(tl, treaty, parent, parent_timelines[parent.id], event, day)
        elif event.action == "signed":
            _on_signed(tl, event, day)
        elif event.action in ("ratified", "acceded", "rejoined"):
            _on_deposit(tl, treaty, event, day)
        elif event.action in _PROGRESS:
            _on_progress(tl, event, day)
        elif event.action == "notified":
            _on_notified(tl, treaty, event, day, ctx)
        elif event.action == "took_effect":
            _on_took_effect(tl, event, day)
        elif event.action == "suspended":
            _on_suspended(tl, treaty, event, day)
        elif event.action == "deratified":
            _on_deratified(tl, treaty, event, day)
    if not terminated:
        tl.flush(None)
    return tl.entries


def _on_signed(tl: _Timeline, event: Event, day: dt.date) -> None:
    if tl.current.status == "non_party" and tl.pending is None:
        tl.change("signatory", day, note=_join(f"signed {_when(event)}", _bounded(event)), events=(event.id,))
    else:
        logger.debug("event %s: signature on %s leaves status %s unchanged", event.id, day, tl.current.status)


def _on_deposit(tl: _Timeline, treaty: Treaty, event: Event, day: dt.date) -> None:
    verb = _DEPOSIT_VERBS.get(event.instrument or "", _DEPOSIT_VERBS.get(event.action, event.action))
    cur = tl.current
    bounded = _bounded(event)
    if cur.status == "party" or (tl.pending is not None and tl.pending.status == "party"):
        logger.debug("event %s: deposit on %s by a state already party or joining; ignored", event.id, day)
        return
    if cur.status == "suspended":
        note = _join(f"{verb} {_when(event)}: participation resumed", bounded)
        tl.change("party", day, note=note, events=(event.id,))
        return
    if cur.status == "withdrawing":
        tl.pending = None
        note = _join(f"{verb} {_when(event)}; the withdrawal notified on {cur.since} is treated as revoked", bounded)
        tl.change("party", day, note=note, events=(event.id,))
        return
    computed = joining_date(treaty, day)
    if computed is None:
        tl.annotate(day, _join(f"{verb} {_when(event)}; the treaty is not in force", bounded), (event.id,))
        tl.deposited = True
        return
    effective = event.stated_effective or computed
    party_note = _join(f"{verb} {_when(event)}", bounded)
    if event.stated_effective is not None and event.stated_effective != computed:
        party_note = _join(
            party_note,
            f"entry into force {event.stated_effective} as stated by {_stated_by(event)}; "
            f"Art. {treaty.joining.article} would give {computed}",
        )
    if effective <= day:
        tl.change("party", effective, note=party_note, events=(event.id,))
        return
    tl.annotate(day, _join(f"{verb} {_when(event)}; bound from {effective}", bounded), (event.id,),
                effective=effective, set_effective=True)
    tl.pending = _Pending(effective, "party", party_note, (event.id,))


def _on_progress(tl: _Timeline, event: Event, day: dt.date) -> None:
    if direction(event.action, event.instrument) == "join":
        # a step of joining: the extraction names the instrument the vote, law or cabinet decision is about
        # ("the Duma ratified the treaty": the legislature's vote, not yet the state's ratification)
        if tl.current.status in _BOUND or tl.deposited or (tl.pending is not None and tl.pending.status == "party"):
            logger.debug("event %s: a step of joining by a state already bound or joining; ignored", event.id)
            return
        note = f"{event.instrument} in progress: {_PROGRESS[event.action]} {_when(event)}"
        tl.annotate(day, _join(note, _bounded(event)), (event.id,))
        return
    if tl.current.status == "withdrawn":
        logger.debug("event %s: %s after the withdrawal took effect; ignored", event.id, event.action)
        return
    tl.annotate(day, _join(f"withdrawal in progress: {_PROGRESS[event.action]} {_when(event)}", _bounded(event)),
                (event.id,))


def _withdraw(
    tl: _Timeline,
    event: Event,
    day: dt.date,
    effective: dt.date | None,
    note: str,
    done_note: str,
) -> None:
    """Withdrawing from ``day``, then withdrawn from ``effective`` (if known)."""
    if effective is not None and effective <= day:
        tl.change("withdrawn", effective, note=note, events=(event.id,))
        return
    tl.change("withdrawing", day, effective=effective, note=note, events=(event.id,))
    if effective is not None:
        tl.pending = _Pending(effective, "withdrawn", done_note, (event.id,))


def _on_notified(tl: _Timeline, treaty: Treaty, event: Event, day: dt.date, ctx: RuleContext) -> None:
    cur = tl.current
    bounded = _bounded(event)
    if tl.pending is not None and tl.pending.status == "party":
        tl.annotate(day, _join(f"withdrawal notified {_when(event)} before the treaty bound the state; "
                               f"no effect", bounded),
                    (event.id,))
        return
    if cur.status in ("withdrawing", "withdrawn"):
        logger.debug("event %s: withdrawal notified on %s while already %s; ignored", event.id, day, cur.status)
        return
    inferred = None
    if cur.status not in ("party", "suspended"):
        # News may be the only evidence: a withdrawal notice implies the state was a party.
        inferred = "the state was not recorded as a party; the notification implies it was"
    leaving = treaty.leaving
    article = f"Art. {leaving.article}"
    if leaving.min_party_years and tl.party_since is not None:
        earliest = years_after_v1(tl.party_since, years=leaving.min_party_years)
        if day < earliest:
            tl.annotate(
                day,
                _join(
                    f"withdrawal notified {_when(event)} is premature: {article} allows notice only "
                    f"{leaving.min_party_years} years after becoming a party (party since {tl.party_since}), "
                    f"i.e. from {earliest}; the state stays a party",
                    bounded,
                ),
                (event.id,),
            )
            return
    computed = leaving_date(treaty, day)
    stated = event.stated_effective
    notes: list[str | None] = [f"withdrawal notified {_when(event)}", bounded, inferred]
    effective: dt.date | None = computed
    from_record = stated is not None and event.date_basis == "record"
    if from_record:  # a depositary record's own date wins, conditions included
        effective = stated
        if stated != computed:
            notes.append(f"effect on {stated} as stated by the record; {article} would give {computed}")
    elif stated is not None and stated != computed:
        if leaving.later_date_allowed and stated > computed:
            effective = stated
            notes.append(f"effect on {stated}, the later date named in the notification ({article} allows it)")
        else:
            notes.append(f"a source names {stated} as the effective date; {article} gives {computed}")
    if leaving.armed_conflict_bar and effective is not None and not from_record:
        conflict = in_conflict(ctx.conflicts, tl.state, effective)
        if conflict is not None:
            if conflict.end is not None:
                notes.append(
                    f"effect postponed to the end of the armed conflict on {conflict.end} ({article}): "
                    f"{conflict.description}; notified per {_sources(event)}"
                )
                effective = conflict.end
            else:
                notes.append(
                    f"effect waits on the end of the armed conflict ({article}): {conflict.description}; "
                    f"notified per {_sources(event)}"
                )
                effective = None
    took = "took effect no later than" if event.date is None else "took effect on"
    done = f"withdrawal notified {_when(event)} {took} {effective} ({article})"
    _withdraw(tl, event, day, effective, _join(*notes), done)


def _on_took_effect(tl: _Timeline, event: Event, day: dt.date) -> None:
    cur = tl.current
    bounded = _bounded(event)
    if cur.status == "withdrawn":
        if cur.since == day:
            tl.annotate(day, bounded, (event.id,))
        else:
            tl.annotate(day, _join(f"a source reports the withdrawal took effect {_when(event)}", bounded), (event.id,))
        return
    if cur.status == "withdrawing":
        tl.pending = None
        if cur.effective is None:
            extra = "before the condition noted at notification was seen to be met"
        else:
            extra = f"the rule gave {cur.effective}"
        note = _join(f"withdrawal took effect {_when(event)} as reported; {extra}", bounded)
    elif cur.status in ("party", "suspended"):
        note = _join(f"withdrawal took effect {_when(event)}; the notification was not seen", bounded)
    else:
        note = _join(
            f"withdrawal took effect {_when(event)}; the notification was not seen and the state was not "
            f"recorded as a party",
            bounded,
        )
    tl.pending = None
    tl.change("withdrawn", day, note=note, events=(event.id,))


def _on_suspended(tl: _Timeline, treaty: Treaty, event: Event, day: dt.date) -> None:
    cur = tl.current
    bounded = _bounded(event)
    if cur.status == "suspended":
        tl.annotate(day, bounded, (event.id,))
        return
    if cur.status not in ("party", "withdrawing"):
        tl.annotate(day, _join(f"claimed suspension {_when(event)}, but the state is not a party", bounded),
                    (event.id,))
        return
    if treaty.suspension_clause and cur.status == "party":
        tl.change("suspended", day, note=_join(f"suspended {_when(event)}", bounded), events=(event.id,))
        return
    if treaty.suspension_clause:
        reason = f"suspension claimed {_when(event)} while the withdrawal is pending"
    else:
        reason = (
            f"claimed suspension {_when(event)} has no basis in the treaty, which has no suspension clause; "
            f"withdrawal would be governed by Art. {treaty.leaving.article}"
        )
    tl.annotate(day, _join(reason, bounded), (event.id,))


def _on_deratified(tl: _Timeline, treaty: Treaty, event: Event, day: dt.date) -> None:
    tl.pending = None
    tl.deposited = False
    note = f"ratification revoked {_when(event)}; signatory from {day}"
    if not treaty.deratification_clause:
        note += " (the treaty has no clause on revoking a ratification; this is not a withdrawal)"
    tl.change("signatory", day, note=_join(note, _bounded(event)), events=(event.id,))


def _on_cascade(
    tl: _Timeline, treaty: Treaty, parent: Treaty, parent_timeline: list[Status], event: Event, day: dt.date
) -> None:
    """A withdrawal from ``parent`` that also withdraws the state from ``treaty`` (same effect date)."""
    cur = tl.current
    bounded = _bounded(event)
    via = f"{parent.short_name} ({parent.id}, Art. {parent.leaving.article})"
    if cur.status not in _BOUND:
        if cur.status != "withdrawn":
            act = "notified" if event.action == "notified" else "took effect"
            tl.annotate(day, _join(f"withdrawal from {via} {act} {_when(event)}, but the state is not a party "
                                   f"to this treaty",
                                   bounded), (event.id,))
        return
    if event.action == "took_effect":
        tl.pending = None
        tl.change("withdrawn", day, note=_join(f"withdrawal from {via} took effect {_when(event)}; it ends this "
                                               f"treaty for the state too", bounded), events=(event.id,))
        return
    operative = next(
        (e for e in parent_timeline if event.id in e.events and e.status in ("withdrawing", "withdrawn")), None
    )
    if operative is None:
        tl.annotate(day, _join(f"withdrawal from {via} notified {_when(event)} has no effect under that treaty "
                               f"(see its timeline); no change here", bounded), (event.id,))
        return
    effective = operative.effective if operative.status == "withdrawing" else operative.since
    note = _join(
        f"withdrawal from {via} notified {_when(event)} also withdraws the state from this treaty, "
        f"with the same effective date",
        bounded,
        None if effective is not None else f"effect waits as under {parent.id}: {operative.note}",
    )
    if cur.status == "withdrawing":
        pending = tl.pending
        if effective is not None and (pending is None or effective < pending.day):
            tl.pending = _Pending(effective, "withdrawn", f"withdrawal from {via} took effect on {effective}",
                                  (event.id,))
            tl.annotate(day, note, (event.id,), effective=effective, set_effective=True)
        else:
            tl.annotate(day, note, (event.id,))
        return
    _withdraw(tl, event, day, effective, note, f"withdrawal from {via} took effect on {effective}")


def _on_terminated(tl: _Timeline, day: dt.date) -> None:
    cur = tl.current
    if cur.status == "withdrawn" or (cur.status == "non_party" and tl.pending is None):
        return
    note = f"treaty terminated on {day}"
    if tl.pending is not None and tl.pending.status == "withdrawn":
        note += f", before the withdrawal notified on {cur.since} took effect"
    elif tl.pending is not None:
        note += ", before it entered into force for the state"
    elif cur.status == "withdrawing":
        note += f", before the withdrawal notified on {cur.since} took effect"
    tl.pending = None
    tl.change("non_party", day, note=note)
