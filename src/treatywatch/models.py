"""The stage types: ``Article`` -> ``Claim`` -> ``Event`` -> ``Effect``; the ledger answers ``Status``.

Every type is a frozen dataclass so that stages cannot change what an earlier stage produced.
Vocabulary (treaty ids, actions, statuses) is defined here once and used everywhere.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

JOIN_ACTIONS = ("signed", "ratified", "acceded")
LEAVE_ACTIONS = (
    "intent_announced",
    "government_approved",
    "parliament_approved",
    "law_signed",
    "notified",
    "took_effect",
)
OTHER_ACTIONS = ("suspended", "deratified", "rejoined")
# the domestic steps that also lead to joining, when the claim names the instrument they are about (LABELLING.md)
JOINING_STEPS = ("government_approved", "parliament_approved", "law_signed")
ACTIONS = JOIN_ACTIONS + LEAVE_ACTIONS + OTHER_ACTIONS

# ``unknown``: the ledger has no record of the treaty (no status table) and no news of the state.
STATUSES = ("non_party", "signatory", "party", "withdrawing", "withdrawn", "suspended", "unknown")

# Parties that are not states: regional organisations (the European Union in the climate treaties and the
# Istanbul Convention).  Depositaries count them among the parties; ``count`` reports them apart too.
ORGANISATIONS = ("EUU",)

MODALITIES = ("asserted", "planned", "called_for", "denied", "hypothetical", "question")

# How a claim's date was found, best first.  ``record`` is a depositary's or an official
# status table's own date; ``bounded`` means only "no later than the publication date".
DATE_BASES = ("record", "explicit", "dateline", "relative", "bounded", "unknown")
DATE_PRECISIONS = ("day", "month", "year")

# Statements (``statements.py``): what was said about an act, on which channel, and why.
STANCES = ("for", "against", "neutral")
# (code, label): the reasons a statement gives for its stance; ``data/statements.json`` holds their words.
REASONS = (
    ("security_threat", "security threat named"),
    ("military_flexibility", "military flexibility"),
    ("sovereignty", "sovereignty"),
    ("domestic_law", "domestic law or court ruling"),
    ("cost", "cost"),
    ("humanitarian", "humanitarian concern"),
    ("alliance", "alliance coordination"),
    ("reciprocity", "reciprocity"),
    ("other", "other"),
)
REASON_LABELS = dict(REASONS)
CHANNELS = ("X", "Telegram", "Facebook", "press conference", "statement", "interview", "parliament debate")
# who speaks: a person holding an office, a government body, or an organisation (NGO, UN, party, ...)
SPEAKER_KINDS = ("official", "government", "organisation")


def direction(action: str, instrument: str | None = None) -> str:
    """Coarse direction of an action: ``join``, ``leave`` or ``suspend``.  A domestic step (a
    cabinet's, a legislature's or a head of state's) joins when it names the instrument it is
    about ("the Duma ratified the treaty": its vote on the ratification), and leaves otherwise."""
    if action in JOIN_ACTIONS or action == "rejoined" or instrument and action in JOINING_STEPS:
        return "join"
    if action == "suspended":
        return "suspend"
    return "leave"


def as_utc(value: dt.datetime | None) -> dt.datetime | None:
    """A publication time comparable with every other: one without a time zone is UTC (the
    readers' rule; ledgers written before it may hold such times)."""
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=dt.timezone.utc)
    return value


@dataclasses.dataclass(frozen=True)
class Article:
    """One news item, whatever it was read from.  ``text`` is the normalised body."""

    id: str
    title: str
    text: str
    published: dt.datetime | None = None
    source: str | None = None
    url: str | None = None
    language: str = "en"
    content_hash: str = ""


@dataclasses.dataclass(frozen=True)
class Evidence:
    """A span of ``Article.text`` (character offsets, end exclusive)."""

    start: int
    end: int
    text: str


@dataclasses.dataclass(frozen=True)
class Quote:
    """A direct quotation and who said it, where."""

    text: str
    start: int
    end: int
    speaker: str | None = None
    role: str | None = None
    state: str | None = None
    channel: str | None = None


@dataclasses.dataclass(frozen=True)
class Claim:
    """What one source says one state did to one treaty."""

    article: str
    state: str
    treaty: str
    action: str
    date: dt.date | None
    date_basis: str
    evidence: Evidence
    modality: str = "asserted"
    confidence: float = 0.5
    date_precision: str | None = None
    bound: dt.date | None = None  # the act happened no later than this (publication date)
    effective: dt.date | None = None
    actor: str | None = None
    quotes: tuple[Quote, ...] = ()
    notes: tuple[str, ...] = ()
    background: bool = False
    instrument: str | None = None  # ratification / accession / succession / acceptance / approval

    def to_export(self) -> dict[str, Any]:
        """The claims export object of DESIGN.md (plus a few extra keys)."""
        return {
            "article": self.article,
            "state": self.state,
            "treaty": self.treaty,
            "action": self.action,
            "date": _iso(self.date),
            "effective": _iso(self.effective),
            "modality": self.modality,
            "confidence": round(self.confidence, 3),
            "evidence": dataclasses.asdict(self.evidence),
            "actor": self.actor,
            "date_basis": self.date_basis,
            "date_precision": self.date_precision,
            "bound": _iso(self.bound),
            "background": self.background,
            "instrument": self.instrument,
            "notes": list(self.notes),
            "quotes": [dataclasses.asdict(q) for q in self.quotes],
        }


@dataclasses.dataclass(frozen=True)
class Reason:
    """One reason a statement gives (a code of ``REASONS``) and the words that carry it."""

    code: str
    words: str
    start: int
    end: int

    @property
    def label(self) -> str:
        return REASON_LABELS.get(self.code, self.code)


@dataclasses.dataclass(frozen=True)
class Statement:
    """A direct or reported statement about a treaty act (done, planned or possible).

    ``state`` is the state the speaker speaks for (ISO3; several joined by ``|`` for a joint
    statement), ``body`` the government body or organisation when the speaker is one; ``about``
    and ``treaty`` name the act it concerns, ``event`` its consolidated event once there is one.
    ``other`` marks a statement by someone who does not speak for the acting state (an NGO, the
    UN, another state): such statements are kept as statements and never become claims.
    """

    article: str
    text: str
    start: int
    end: int
    kind: str  # direct (a quotation) | reported
    speaker: str | None = None
    role: str | None = None
    state: str | None = None
    body: str | None = None
    speaker_kind: str = "official"
    channel: str | None = None
    date: dt.date | None = None
    date_basis: str = "bounded"
    treaty: str | None = None
    about: str | None = None
    action: str | None = None
    event: str | None = None
    other: bool = False
    stance: str = "neutral"
    reasons: tuple[Reason, ...] = ()

    @property
    def reason_codes(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(r.code for r in self.reasons))

    def to_dict(self) -> dict[str, Any]:
        d = dataclasses.asdict(self)
        d["date"] = _iso(self.date)
        d["reasons"] = [{**dataclasses.asdict(r), "label": r.label} for r in self.reasons]
        return d


@dataclasses.dataclass(frozen=True)
class Event:
    """One act (state, treaty, action, act date), consolidated from one or more claims."""

    id: str
    state: str
    treaty: str
    action: str
    date: dt.date | None
    date_basis: str
    date_precision: str | None = "day"
    bound: dt.date | None = None
    sources: tuple[str, ...] = ()
    confidence: float = 0.5
    conflicts: tuple[str, ...] = ()
    stated_effective: dt.date | None = None  # a date the record or notification itself names
    instrument: str | None = None
    note: str | None = None
    independent: int = 1  # sources that are not copies of another source
    reviewed: str | None = None  # confirmed / edited by a reviewer

    @property
    def act_date(self) -> dt.date | None:
        """The date the act is taken to have happened: its date, else its upper bound."""
        return self.date or self.bound

    def to_dict(self) -> dict[str, Any]:
        d = dataclasses.asdict(self)
        for key in ("date", "bound", "stated_effective"):
            d[key] = _iso(d[key])
        d["sources"] = list(self.sources)
        d["conflicts"] = list(self.conflicts)
        return d


@dataclasses.dataclass(frozen=True)
class Review:
    """A reviewer's verdict on an event, kept and applied again after every consolidation."""

    event_id: str
    state: str
    treaty: str
    action: str
    machine_date: dt.date | None  # the date the machine gave the event: the verdict follows it if new evidence moves it
    verdict: str  # confirm, reject or edit
    changes: dict[str, str]  # an edit's new values: date, action, effective (dates in ISO form)
    by: str
    reason: str


@dataclasses.dataclass(frozen=True)
class Effect:
    """A change of legal status caused by an event, dated by a treaty rule."""

    state: str
    treaty: str
    status: str
    start: dt.date | None  # None: waits on a condition (e.g. the end of an armed conflict)
    event: str
    rule: str | None = None
    note: str | None = None


@dataclasses.dataclass(frozen=True)
class Status:
    """A state's status under a treaty on a date, with the events that support it."""

    state: str
    treaty: str
    status: str
    since: dt.date | None
    effective: dt.date | None = None
    note: str | None = None
    events: tuple[str, ...] = ()
    # First day this entry applies.  Equals ``since`` for a change of status; later than
    # ``since`` for an entry that only adds a note or a pending change to an unchanged status
    # (see ``rules.status_timeline``).  None: from the beginning of the timeline.
    valid_from: dt.date | None = None
    # What the answer rests on: the depositary's table as of its date, news since, or news alone.
    basis: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "state": self.state,
            "treaty": self.treaty,
            "status": self.status,
            "since": _iso(self.since),
            "effective": _iso(self.effective),
            "note": self.note,
            "events": list(self.events),
            "basis": self.basis,
        }


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value is not None else None


@dataclasses.dataclass(frozen=True)
class Reject:
    """An input that could not be read: where it came from and why."""

    source: str
    reason: str
