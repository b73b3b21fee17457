"""Status: what events mean, for every state of a treaty, on any date, and what one event does.

Status is never stored: the treaty rules (``rules.status_timeline``) compute it from the
ledger's events.  Each treaty's timelines are computed once per generation of the events (the
ledger's ``generation`` grows whenever an event is written).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import weakref
from collections import defaultdict
from collections.abc import Iterable

from . import rules
from .errors import LedgerError
from .ledger import Ledger
from .models import JOIN_ACTIONS, ORGANISATIONS, Effect, Event, Status
from .registry import Treaty, load_registry

# ledger -> treaty -> (generation of the events, timelines by state)
_TIMELINES: weakref.WeakKeyDictionary[Ledger, dict[str, tuple[int, dict[str, list[Status]]]]] = (
    weakref.WeakKeyDictionary())


def default_context() -> rules.RuleContext:
    """The default registry and the bundled conflict table."""
    return rules.RuleContext(load_registry(), rules.load_conflicts())


def compute_effects(event: Event, treaty: Treaty, ctx: rules.RuleContext | None = None) -> tuple[Effect, ...]:
    """The dated status changes one event causes on its own, each naming the rule that dated it.

    A change whose date waits on a condition (the end of an armed conflict) has ``start=None``.
    """
    ctx = ctx or default_context()
    timeline = rules.status_timeline(event.state, treaty, [event], ctx)
    rule = treaty.joining.rule if event.action in JOIN_ACTIONS + ("rejoined",) else treaty.leaving.rule
    effects = [
        Effect(event.state, treaty.id, s.status, s.since, event.id, rule=rule, note=s.note)
        for s in timeline
        if s.valid_from is None or s.valid_from == s.since
    ]
    last = timeline[-1] if timeline else None
    if last is not None and last.status == "withdrawing" and last.effective is None:
        effects.append(Effect(event.state, treaty.id, "withdrawn", None, event.id, rule=rule, note=last.note))
    return tuple(effects)


def rule_context(ledger: Ledger) -> rules.RuleContext:
    """What the rules need besides the events: the ledger's registry and the conflict table."""
    return rules.RuleContext(ledger.registry, rules.load_conflicts())


def events_for(ledger: Ledger, treaty: str) -> dict[str, list[Event]]:
    """Events that bear on ``treaty``, by state (including parent-treaty withdrawals)."""
    parents = [t.id for t in ledger.registry if treaty in t.leaving.cascades]
    by_state: dict[str, list[Event]] = defaultdict(list)
    for tid in [treaty, *parents]:
        for event in ledger.events(treaty=tid):
            if tid == treaty or event.action in ("notified", "took_effect"):
                by_state[event.state].append(event)
    return by_state


def timelines(ledger: Ledger, treaty: str) -> dict[str, list[Status]]:
    """Every state's status changes under ``treaty`` (computed once per generation of the events)."""
    t = ledger.registry.get(treaty)
    generation = ledger.generation()
    memo = _TIMELINES.setdefault(ledger, {})
    known = memo.get(treaty)
    if known is not None and known[0] == generation:
        return dict(known[1])
    ctx = rule_context(ledger)
    out = {state: rules.status_timeline(state, t, events, ctx)
           for state, events in sorted(events_for(ledger, treaty).items())}
    memo[treaty] = (generation, out)
    return dict(out)


def basis(ledger: Ledger, treaty: str) -> str:
    """What a status answer for ``treaty`` rests on, in words."""
    table = ledger.record_table(treaty)
    if table is None:
        return "news only: no status table for this treaty"
    return f"status table {table[0]} complete to {table[1]}, plus news since"


def status_as_of(ledger: Ledger, treaty: str, as_of: dt.date, state: str | None = None) -> list[Status]:
    """The status of every state with a known status (or one state) on ``as_of``.

    Each answer names its basis.  A state absent from the treaty's status table is a
    ``non_party``; with no table and no news of the state the answer is ``unknown``.
    """
    said = basis(ledger, treaty)
    out = []
    for st, timeline in timelines(ledger, treaty).items():
        if state and st != state:
            continue
        out.append(dataclasses.replace(rules.status_on(timeline, as_of), basis=said))
    if state and not out:
        table = ledger.record_table(treaty)
        if table is None:
            out.append(Status(state, treaty, "unknown", None, basis=said,
                              note=f"no status table for {treaty} and no news of {state}; import the "
                                   f"depositary's table (import-status or refresh-status) to know"))
        else:
            out.append(Status(state, treaty, "non_party", None, basis=said,
                              note=f"not in the status table (complete to {table[1]}), and no news of an act"))
    return out


def state_timeline(ledger: Ledger, state: str) -> list[Status]:
    """One state's status changes across every treaty it has events for."""
    treaties = ledger.event_treaties(state)
    for t in ledger.registry:
        if any(p in treaties for p in (x.id for x in ledger.registry if t.id in x.leaving.cascades)) and t.id not in treaties:
            treaties.append(t.id)
    ctx = rule_context(ledger)
    out: list[Status] = []
    for treaty in treaties:
        events = events_for(ledger, treaty).get(state, [])
        said = basis(ledger, treaty)
        out.extend(dataclasses.replace(s, basis=said)
                   for s in rules.status_timeline(state, ledger.registry.get(treaty), events, ctx))
    return out


def count_parties(ledger: Ledger, treaty: str, dates: Iterable[dt.date], parties: str = "all") -> list[tuple[dt.date, int]]:
    """How many parties are bound (party, withdrawing or suspended) on each date.

    ``parties``: ``all`` (states and organisations, as depositaries count), ``states`` or
    ``organisations`` (the European Union)."""
    if parties not in ("all", "states", "organisations"):
        raise LedgerError(f"unknown kind of parties {parties!r}: use all, states or organisations")
    chosen = {s: tl for s, tl in timelines(ledger, treaty).items()
              if parties == "all" or (s in ORGANISATIONS) == (parties == "organisations")}
    return [(d, sum(1 for tl in chosen.values() if rules.is_bound(rules.status_on(tl, d)))) for d in dates]


def party_changes(ledger: Ledger, treaty: str, start: dt.date, end: dt.date) -> dict[str, list[Status]]:
    """States that became bound (``joined``) or stopped being bound (``left``) between two dates,
    and those whose status changed otherwise (``changed``)."""
    joined, left, changed = [], [], []
    for timeline in timelines(ledger, treaty).values():
        before, after = rules.status_on(timeline, start), rules.status_on(timeline, end)
        if rules.is_bound(after) and not rules.is_bound(before):
            joined.append(after)
        elif rules.is_bound(before) and not rules.is_bound(after):
            left.append(after)
        elif before.status != after.status:
            changed.append(after)
    return {"joined": joined, "left": left, "changed": changed}


__all__ = ["basis", "compute_effects", "count_parties", "default_context", "events_for", "party_changes", "rule_context", "state_timeline", "status_as_of",
           "timelines"]
