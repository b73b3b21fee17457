"""Tests for treatywatch.rules: the registered date rules and the legal layer."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from treatywatch import Extractor, parse_news_text
from treatywatch.errors import RuleError, UnknownRuleError
from treatywatch.models import Article, Claim, Event, Evidence, Status
from treatywatch.registry import Registry, Treaty, load_registry
from treatywatch.rules import (
    RULES,
    Conflict,
    RuleContext,
    apply_rule,
    change_days,
    count_effects,
    get_rule,
    in_conflict,
    is_bound,
    joining_date,
    leaving_date,
    load_conflicts,
    register,
    rule_params,
    status_on,
    status_timeline,
)

DATA = Path(__file__).parent / "data"
D = dt.date.fromisoformat

dates = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2200, 12, 31))
counts = st.integers(min_value=1, max_value=240)


@pytest.fixture(scope="module")
def registry() -> Registry:
    return load_registry()


@pytest.fixture(scope="module")
def ctx(registry: Registry) -> RuleContext:
    return RuleContext(registry, load_conflicts())


def ev(id: str, state: str, treaty: str, action: str, date: str | None, **kw: object) -> Event:
    basis = kw.pop("date_basis", "explicit" if date else "bounded")
    return Event(id, state, treaty, action, D(date) if date else None, basis, **kw)  # type: ignore[arg-type]


def timeline(ctx: RuleContext, state: str, treaty: str, events: list[Event]) -> list[Status]:
    return status_timeline(state, ctx.registry[treaty], events, ctx)


def on(tl: list[Status], day: str) -> Status:
    return status_on(tl, D(day))


# --- registered date rules: worked examples ---------------------------------------------------


@pytest.mark.parametrize(
    ("name", "params", "start", "expected"),
    [
        ("on_deposit.v1", {}, "2023-04-04", "2023-04-04"),
        ("days_after.v1", {"days": 30}, "2021-01-20", "2021-02-19"),
        ("days_after.v1", {"days": 90}, "2014-09-25", "2014-12-24"),
        ("months_after.v1", {"months": 6}, "2025-06-27", "2025-12-27"),
        ("months_after.v1", {"months": 6}, "2024-08-31", "2025-02-28"),
        ("months_after.v1", {"months": 6}, "2023-08-29", "2024-02-29"),
        ("months_after.v1", {"months": 6}, "2025-08-20", "2026-02-20"),
        ("years_after.v1", {"years": 1}, "2020-02-29", "2021-02-28"),
        ("years_after.v1", {"years": 1}, "2019-11-04", "2020-11-04"),
        ("years_after.v1", {"years": 4}, "2020-02-29", "2024-02-29"),
        ("first_day_of_month_after_months.v1", {"months": 6}, "2005-12-27", "2006-06-01"),
        ("first_day_of_month_after_months.v1", {"months": 6}, "2025-03-12", "2025-09-01"),
        ("first_day_of_month_after_months.v1", {"months": 6}, "2003-05-12", "2003-11-01"),
        ("first_day_of_month_after_months.v1", {"months": 6}, "2025-06-01", "2025-12-01"),
        ("first_day_of_month_after_days.v1", {"days": 60}, "2023-11-14", "2024-02-01"),
        ("first_day_of_month_after_days.v1", {"days": 60}, "2003-02-10", "2003-05-01"),
        ("first_day_of_month_after_months_elapsed.v1", {"months": 3}, "2021-03-22", "2021-07-01"),
        ("first_day_of_month_after_months_elapsed.v1", {"months": 3}, "2021-03-31", "2021-07-01"),
        ("first_day_of_month_after_months_elapsed.v1", {"months": 6}, "2005-12-27", "2006-07-01"),
    ],
)
def test_rules_worked_examples(name: str, params: dict[str, int], start: str, expected: str) -> None:
    assert apply_rule(name, D(start), params) == D(expected)
    assert get_rule(name)(D(start), **params) == D(expected)


def test_rules_every_registered_name_is_versioned() -> None:
    assert set(RULES) >= {
        "on_deposit.v1",
        "days_after.v1",
        "months_after.v1",
        "years_after.v1",
        "first_day_of_month_after_months.v1",
        "first_day_of_month_after_days.v1",
        "first_day_of_month_after_months_elapsed.v1",
    }
    assert all(name.rsplit(".", 1)[1].startswith("v") for name in RULES)
    assert rule_params("months_after.v1") == ("months",)
    assert rule_params("on_deposit.v1") == ()


def test_rules_unknown_rule_lists_available() -> None:
    with pytest.raises(UnknownRuleError) as info:
        get_rule("notice_period.v9")
    message = str(info.value)
    assert "notice_period.v9" in message and "months_after.v1" in message and "on_deposit.v1" in message


def test_rules_register_refuses_to_redefine_a_version() -> None:
    with pytest.raises(RuleError, match="already registered"):

        @register("months_after.v1")
        def other(day: dt.date, *, months: int) -> dt.date:  # pragma: no cover - never registered
            return day

    with pytest.raises(RuleError, match="name.vN"):
        register("months_after")


@pytest.mark.parametrize("bad", [0, -1, True, "6"])
def test_rules_params_must_be_positive_integers(bad: object) -> None:
    with pytest.raises(RuleError, match="positive integer"):
        get_rule("months_after.v1")(D("2025-01-01"), months=bad)


def test_rules_apply_rule_checks_parameter_names() -> None:
    with pytest.raises(RuleError, match="takes parameters"):
        apply_rule("months_after.v1", D("2025-01-01"), {"days": 6})


# --- property tests --------------------------------------------------------------------------


@given(dates, counts)
def test_rules_months_after_lands_in_the_right_month(day: dt.date, months: int) -> None:
    result = get_rule("months_after.v1")(day, months=months)
    assert (result.year * 12 + result.month) - (day.year * 12 + day.month) == months
    next_month = (result.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    assert result < next_month  # never past the month end
    if result.day != day.day:  # only when clamped to the month end
        assert result.day < day.day
        assert (result + dt.timedelta(days=1)).day == 1


@given(dates, counts, counts)
def test_rules_months_after_composes_unless_clamped(day: dt.date, a: int, b: int) -> None:
    rule = get_rule("months_after.v1")
    first = rule(day, months=a)
    if first.day == day.day:
        assert rule(first, months=b) == rule(day, months=a + b)
    else:
        assert rule(first, months=b) <= rule(day, months=a + b)


@given(dates, counts)
def test_rules_first_day_of_month_after_months_is_day_one_and_later(day: dt.date, months: int) -> None:
    result = get_rule("first_day_of_month_after_months.v1")(day, months=months)
    assert result.day == 1
    assert result > day
    assert (result.year * 12 + result.month) - (day.year * 12 + day.month) == months


@given(dates, st.integers(min_value=1, max_value=400))
def test_rules_first_day_of_month_after_days_is_day_one_after_the_period(day: dt.date, days: int) -> None:
    result = get_rule("first_day_of_month_after_days.v1")(day, days=days)
    assert result.day == 1
    assert result > day + dt.timedelta(days=days)
    assert result - (day + dt.timedelta(days=days)) <= dt.timedelta(days=31)


@given(dates, counts)
def test_rules_months_elapsed_is_first_day_after_months_after(day: dt.date, months: int) -> None:
    end = get_rule("months_after.v1")(day, months=months)
    result = get_rule("first_day_of_month_after_months_elapsed.v1")(day, months=months)
    assert result.day == 1 and result > end and result - end <= dt.timedelta(days=31)


@given(st.integers(min_value=1904, max_value=2196).filter(lambda y: y % 4 == 0 and (y % 100 or y % 400 == 0)),
       st.integers(min_value=1, max_value=3))
def test_rules_years_after_feb_29_becomes_feb_28(year: int, years: int) -> None:
    result = get_rule("years_after.v1")(dt.date(year, 2, 29), years=years)
    leap = (year + years) % 4 == 0 and ((year + years) % 100 != 0 or (year + years) % 400 == 0)
    assert result == dt.date(year + years, 2, 29 if leap else 28)


@settings(max_examples=50)
@given(dates)
def test_rules_never_before_entry_into_force(deposit: dt.date) -> None:
    for treaty in load_registry():
        result = joining_date(treaty, deposit)
        if treaty.entry_into_force is None:
            assert result is None
        else:
            assert result is not None
            assert result >= treaty.entry_into_force
            assert result >= deposit


@settings(max_examples=50)
@given(dates)
def test_rules_leaving_date_is_after_notice_for_every_treaty(notified: dt.date) -> None:
    for treaty in load_registry():
        assert leaving_date(treaty, notified) > notified


# --- legal dates -------------------------------------------------------------------------------


def test_rules_joining_date_not_in_force_is_none(registry: Registry) -> None:
    assert registry["ctbt"].entry_into_force is None
    assert joining_date(registry["ctbt"], D("2000-06-30")) is None


def test_rules_joining_date_clamped_to_entry_into_force(registry: Registry) -> None:
    assert joining_date(registry["apmbc"], D("1997-12-03")) == D("1999-03-01")
    assert joining_date(registry["paris_agreement"], D("2016-09-03")) == D("2016-11-04")


def test_rules_leaving_date_later_stated_date(registry: Registry) -> None:
    rome = registry["rome_statute"]
    assert rome.leaving.later_date_allowed
    assert leaving_date(rome, D("2025-06-02")) == D("2026-06-02")
    assert leaving_date(rome, D("2025-06-02"), stated=D("2026-09-01")) == D("2026-09-01")
    assert leaving_date(rome, D("2025-06-02"), stated=D("2026-01-01")) == D("2026-06-02")  # earlier: ignored
    apmbc = registry["apmbc"]
    assert not apmbc.leaving.later_date_allowed
    assert leaving_date(apmbc, D("2025-06-27"), stated=D("2026-06-27")) == D("2025-12-27")


def _parties() -> list[dict[str, str]]:
    with open(DATA / "apmbc_parties.csv", encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_rules_apmbc_joining_date_matches_every_party(registry: Registry) -> None:
    apmbc = registry["apmbc"]
    rows = _parties()
    assert len(rows) == 166
    mismatched = []
    for row in rows:
        computed = joining_date(apmbc, D(row["ratified_or_acceded"]))
        if computed != D(row["entry_into_force_for_state"]):
            mismatched.append((row["iso3"], row["ratified_or_acceded"], str(computed)))
    assert mismatched == [("SSD", "2011-11-11", "2012-05-01")]


def test_rules_apmbc_withdrawal_dates_match_every_leaver(registry: Registry) -> None:
    apmbc = registry["apmbc"]
    leavers = [row for row in _parties() if row["withdrawal_notified"]]
    assert {row["iso3"] for row in leavers} == {"EST", "LVA", "LTU", "FIN", "POL"}
    for row in leavers:
        assert leaving_date(apmbc, D(row["withdrawal_notified"])) == D(row["withdrawal_effective"]), row["iso3"]


def test_rules_apmbc_south_sudan_stated_date_wins(ctx: RuleContext) -> None:
    events = [ev("e1", "SSD", "apmbc", "acceded", "2011-11-11", stated_effective=D("2011-07-09"),
                 date_basis="record", instrument="succession")]
    tl = timeline(ctx, "SSD", "apmbc", events)
    status = on(tl, "2011-08-01")
    assert status.status == "party" and status.since == D("2011-07-09")
    assert status.note is not None
    assert "2011-07-09 as stated by the status table" in status.note
    assert "Art. 17(2) would give 2012-05-01" in status.note
    assert on(tl, "2011-07-08").status == "non_party"


# --- conflicts ---------------------------------------------------------------------------------


def test_rules_conflicts_bundled_table() -> None:
    conflicts = load_conflicts()
    for state in ("UKR", "RUS"):
        conflict = in_conflict(conflicts, state, D("2026-01-01"))
        assert conflict is not None
        assert conflict.start == D("2014-02-20") and conflict.end is None
        assert "international armed conflict" in conflict.description and "2022-02-24" in conflict.description
        assert conflict.source.startswith("https://")
    assert in_conflict(conflicts, "UKR", D("2014-02-19")) is None
    assert in_conflict(conflicts, "LTU", D("2026-01-01")) is None


def test_rules_conflict_with_end(tmp_path: Path) -> None:
    path = tmp_path / "conflicts.csv"
    path.write_text("state,start,end,description,source\nXYZ,2020-01-01,2020-12-31,test war,https://x\n")
    conflicts = load_conflicts(path)
    assert in_conflict(conflicts, "XYZ", D("2020-12-31")) == Conflict(
        "XYZ", D("2020-01-01"), D("2020-12-31"), "test war", "https://x"
    )
    assert in_conflict(conflicts, "XYZ", D("2021-01-01")) is None


# --- status timelines --------------------------------------------------------------------------


def test_rules_status_timeline_no_events_is_non_party(ctx: RuleContext) -> None:
    tl = timeline(ctx, "USA", "apmbc", [])
    assert [(s.status, s.since) for s in tl] == [("non_party", None)]
    assert on(tl, "2025-01-01").status == "non_party"
    assert not is_bound(on(tl, "2025-01-01"))


def test_rules_status_timeline_lithuania_withdraws(ctx: RuleContext) -> None:
    events = [
        ev("e0", "LTU", "apmbc", "signed", "1999-02-26"),
        ev("e1", "LTU", "apmbc", "ratified", "2003-05-12"),
        ev("e2", "LTU", "apmbc", "notified", "2025-06-27", sources=("000_c8cd2b3761d92ca4",)),
        ev("x1", "EST", "apmbc", "notified", "2025-06-27"),  # another state: ignored
    ]
    tl = timeline(ctx, "LTU", "apmbc", events)
    assert on(tl, "2003-01-01").status == "signatory"
    between = on(tl, "2003-06-01")
    assert (between.status, between.since, between.effective) == ("signatory", D("1999-02-26"), D("2003-11-01"))
    assert "ratified on 2003-05-12; bound from 2003-11-01" in (between.note or "")
    assert (on(tl, "2003-11-01").status, on(tl, "2003-11-01").since) == ("party", D("2003-11-01"))
    withdrawing = on(tl, "2025-07-01")
    assert (withdrawing.status, withdrawing.since, withdrawing.effective) == (
        "withdrawing", D("2025-06-27"), D("2025-12-27"))
    assert withdrawing.events == ("e2",)
    assert is_bound(withdrawing)
    out = on(tl, "2026-01-15")
    assert (out.status, out.since) == ("withdrawn", D("2025-12-27"))
    assert not is_bound(out)
    assert on(tl, "2025-12-26").status == "withdrawing"
    assert all("x1" not in s.events for s in tl)


@pytest.mark.parametrize(
    ("state", "deposit", "notified", "effective"),
    [("FIN", "2012-01-09", "2025-07-10", "2026-01-10"), ("POL", "2012-12-27", "2025-08-20", "2026-02-20")],
)
def test_rules_status_timeline_finland_poland(
    ctx: RuleContext, state: str, deposit: str, notified: str, effective: str
) -> None:
    tl = timeline(ctx, state, "apmbc", [ev("e1", state, "apmbc", "ratified", deposit),
                                        ev("e2", state, "apmbc", "notified", notified)])
    assert on(tl, notified).status == "withdrawing"
    assert on(tl, notified).effective == D(effective)
    day_before = D(effective) - dt.timedelta(days=1)
    assert status_on(tl, day_before).status == "withdrawing"
    assert (on(tl, effective).status, on(tl, effective).since) == ("withdrawn", D(effective))


def test_rules_status_timeline_progress_steps_keep_status_and_since(ctx: RuleContext) -> None:
    events = [
        ev("e1", "POL", "apmbc", "ratified", "2012-12-27"),
        ev("e2", "POL", "apmbc", "parliament_approved", "2025-06-26"),
        ev("e3", "POL", "apmbc", "law_signed", "2025-07-24"),
        ev("e4", "POL", "apmbc", "notified", "2025-08-20"),
    ]
    tl = timeline(ctx, "POL", "apmbc", events)
    before = on(tl, "2025-06-25")
    assert before.status == "party" and "withdrawal in progress" not in (before.note or "")
    after_vote = on(tl, "2025-07-01")
    assert (after_vote.status, after_vote.since) == ("party", D("2013-06-01"))
    assert "withdrawal in progress: parliament approved on 2025-06-26" in (after_vote.note or "")
    signed = on(tl, "2025-08-01")
    assert (signed.status, signed.since) == ("party", D("2013-06-01"))
    assert "law signed on 2025-07-24" in (signed.note or "") and "parliament approved" in (signed.note or "")
    assert signed.events == ("e1", "e2", "e3")
    # every entry applies from a later day than the one before it
    starts = [s.valid_from for s in tl[1:]]
    assert starts == sorted(starts) and len(set(starts)) == len(starts)


def test_rules_status_timeline_ukraine_suspension_has_no_basis(ctx: RuleContext) -> None:
    events = [ev("e1", "UKR", "apmbc", "ratified", "2005-12-27"),
              ev("e2", "UKR", "apmbc", "suspended", "2025-07-18", sources=("a7",))]
    tl = timeline(ctx, "UKR", "apmbc", events)
    status = on(tl, "2025-08-01")
    assert (status.status, status.since) == ("party", D("2006-06-01"))
    assert "no suspension clause" in (status.note or "") and "Art. 20" in (status.note or "")
    assert "e2" in status.events
    assert all(s.status not in ("withdrawn", "withdrawing", "suspended") for s in tl)
    assert is_bound(on(tl, "2030-01-01"))


def test_rules_status_timeline_ukraine_withdrawal_waits_on_conflict(ctx: RuleContext) -> None:
    events = [ev("e1", "UKR", "apmbc", "ratified", "2005-12-27"),
              ev("e2", "UKR", "apmbc", "notified", "2025-07-01", sources=("article_42",))]
    tl = timeline(ctx, "UKR", "apmbc", events)
    status = on(tl, "2030-01-01")
    assert (status.status, status.since, status.effective) == ("withdrawing", D("2025-07-01"), None)
    assert status.note is not None
    assert "effect waits on the end of the armed conflict (Art. 20" in status.note
    assert "international armed conflict" in status.note
    assert "article_42" in status.note
    assert all(s.status != "withdrawn" for s in tl)
    assert is_bound(status)


def test_rules_status_timeline_ended_conflict_postpones_effect(registry: Registry) -> None:
    conflicts = {"XYZ": (Conflict("XYZ", D("2025-01-01"), D("2026-03-15"), "test war", "https://x"),)}
    ctx = RuleContext(registry, conflicts)
    tl = timeline(ctx, "XYZ", "apmbc", [ev("e1", "XYZ", "apmbc", "acceded", "2004-05-12"),
                                        ev("e2", "XYZ", "apmbc", "notified", "2025-06-27")])
    assert on(tl, "2026-01-01").status == "withdrawing"
    assert on(tl, "2026-01-01").effective == D("2026-03-15")
    assert (on(tl, "2026-03-15").status, on(tl, "2026-03-15").since) == ("withdrawn", D("2026-03-15"))


def test_rules_status_timeline_paris_usa_twice(ctx: RuleContext) -> None:
    events = [
        ev("e1", "USA", "paris_agreement", "acceded", "2016-09-03", instrument="acceptance"),
        ev("e2", "USA", "paris_agreement", "notified", "2019-11-04"),
        ev("e3", "USA", "paris_agreement", "acceded", "2021-01-20", instrument="acceptance"),
        ev("e4", "USA", "paris_agreement", "notified", "2025-01-27"),
    ]
    tl = timeline(ctx, "USA", "paris_agreement", events)
    changes = [(s.status, s.since) for s in tl[1:] if s.valid_from == s.since]
    assert changes == [
        ("party", D("2016-11-04")),
        ("withdrawing", D("2019-11-04")),
        ("withdrawn", D("2020-11-04")),
        ("party", D("2021-02-19")),
        ("withdrawing", D("2025-01-27")),
        ("withdrawn", D("2026-01-27")),
    ]
    assert on(tl, "2016-10-01").status == "non_party" and on(tl, "2016-10-01").effective == D("2016-11-04")
    assert on(tl, "2021-02-01").status == "withdrawn" and on(tl, "2021-02-01").effective == D("2021-02-19")
    assert "accepted on 2021-01-20" in (on(tl, "2021-02-01").note or "")


def test_rules_status_timeline_paris_notice_too_early(ctx: RuleContext) -> None:
    events = [ev("e1", "USA", "paris_agreement", "acceded", "2016-09-03"),
              ev("e2", "USA", "paris_agreement", "notified", "2019-11-03")]
    tl = timeline(ctx, "USA", "paris_agreement", events)
    status = on(tl, "2021-01-01")
    assert (status.status, status.since) == ("party", D("2016-11-04"))
    assert "premature" in (status.note or "") and "2019-11-04" in (status.note or "")


def test_rules_status_timeline_later_stated_date(ctx: RuleContext) -> None:
    events = [ev("e1", "HUN", "rome_statute", "ratified", "2001-11-30"),
              ev("e2", "HUN", "rome_statute", "notified", "2025-06-02", stated_effective=D("2026-09-01"))]
    tl = timeline(ctx, "HUN", "rome_statute", events)
    assert on(tl, "2025-07-01").effective == D("2026-09-01")
    assert on(tl, "2026-06-02").status == "withdrawing"
    assert on(tl, "2026-09-01").status == "withdrawn"


def test_rules_status_timeline_unfccc_cascades_to_paris(ctx: RuleContext) -> None:
    events = [
        ev("u1", "USA", "unfccc", "ratified", "1992-10-15"),
        ev("p1", "USA", "paris_agreement", "acceded", "2021-01-20"),
        ev("u2", "USA", "unfccc", "notified", "2024-03-01", sources=("a9",)),
        ev("u3", "USA", "unfccc", "parliament_approved", "2024-02-01"),  # not a cascading action
    ]
    paris = timeline(ctx, "USA", "paris_agreement", events)
    unfccc = timeline(ctx, "USA", "unfccc", events)
    parent = on(unfccc, "2024-06-01")
    assert (parent.status, parent.effective) == ("withdrawing", D("2025-03-01"))
    child = on(paris, "2024-06-01")
    assert (child.status, child.since, child.effective) == ("withdrawing", D("2024-03-01"), D("2025-03-01"))
    assert "u2" in child.events and "unfccc" in (child.note or "")
    assert (on(paris, "2025-03-01").status, on(paris, "2025-03-01").since) == ("withdrawn", D("2025-03-01"))
    assert all("u3" not in s.events for s in paris)
    # Paris's own 3-year rule does not block the cascade (the state joined Paris in 2021)
    assert ctx.registry["paris_agreement"].leaving.min_party_years == 3


def test_rules_status_timeline_cascade_follows_parent_conditions(ctx: RuleContext) -> None:
    events = [
        ev("u1", "XYZ", "unfccc", "ratified", "2015-01-01"),  # party from 2015-04-01
        ev("p1", "XYZ", "paris_agreement", "acceded", "2016-09-03"),  # party from 2016-11-04
        ev("u2", "XYZ", "unfccc", "notified", "2017-01-01"),  # premature under UNFCCC Art. 25 (3 years)
    ]
    parent = on(timeline(ctx, "XYZ", "unfccc", events), "2019-01-01")
    assert parent.status == "party" and "premature" in (parent.note or "")
    paris = timeline(ctx, "XYZ", "paris_agreement", events)
    child = on(paris, "2019-01-01")
    assert (child.status, child.since) == ("party", D("2016-11-04"))
    assert "no effect under that treaty" in (child.note or "") and "u2" in child.events


def test_rules_status_timeline_echr_notice_is_premature(ctx: RuleContext) -> None:
    echr = ctx.registry["echr"]
    assert echr.leaving.min_party_years == 5
    events = [ev("e1", "XYZ", "echr", "ratified", "2020-01-10"),
              ev("e2", "XYZ", "echr", "notified", "2023-01-10")]
    tl = timeline(ctx, "XYZ", "echr", events)
    status = on(tl, "2024-01-01")
    assert (status.status, status.since) == ("party", D("2020-01-10"))
    assert status.note is not None
    assert "premature" in status.note and f"Art. {echr.leaving.article}" in status.note
    assert "2025-01-10" in status.note
    assert all(s.status == "party" for s in tl[1:])
    # a notice after five years is valid
    late = timeline(ctx, "XYZ", "echr", [events[0], ev("e3", "XYZ", "echr", "notified", "2025-01-10")])
    assert on(late, "2025-07-10").status == "withdrawn"


def test_rules_status_timeline_bounded_event(ctx: RuleContext) -> None:
    events = [ev("e1", "EST", "apmbc", "acceded", "2004-05-12"),
              ev("e2", "EST", "apmbc", "notified", None, bound=D("2025-06-28"))]
    tl = timeline(ctx, "EST", "apmbc", events)
    status = on(tl, "2025-07-01")
    assert (status.status, status.since) == ("withdrawing", D("2025-06-28"))
    assert "date not reported; known only to be no later than 2025-06-28" in (status.note or "")
    assert "notified on" not in (status.note or "")


def test_rules_status_timeline_record_date_wins_over_rule_and_conflict(ctx: RuleContext) -> None:
    events = [ev("e1", "UKR", "apmbc", "ratified", "2005-12-27"),
              ev("e2", "UKR", "apmbc", "notified", "2025-07-01", date_basis="record",
                 stated_effective=D("2026-03-01"))]
    tl = timeline(ctx, "UKR", "apmbc", events)
    assert on(tl, "2025-08-01").effective == D("2026-03-01")
    assert "as stated by the record; Art. 20 would give 2026-01-01" in (on(tl, "2025-08-01").note or "")
    assert (on(tl, "2026-03-01").status, on(tl, "2026-03-01").since) == ("withdrawn", D("2026-03-01"))


def test_rules_status_timeline_new_deposit_revokes_pending_withdrawal(ctx: RuleContext) -> None:
    events = [ev("e1", "ZAF", "rome_statute", "ratified", "2000-11-27"),
              ev("e2", "ZAF", "rome_statute", "notified", "2016-10-19"),
              ev("e3", "ZAF", "rome_statute", "rejoined", "2017-03-07")]
    tl = timeline(ctx, "ZAF", "rome_statute", events)
    assert on(tl, "2017-01-01").status == "withdrawing"
    after = on(tl, "2018-01-01")
    assert (after.status, after.since) == ("party", D("2017-03-07"))
    assert "treated as revoked" in (after.note or "")
    assert all(s.status != "withdrawn" for s in tl)


def test_rules_status_timeline_notice_without_known_membership(ctx: RuleContext) -> None:
    tl = timeline(ctx, "LTU", "apmbc", [ev("e1", "LTU", "apmbc", "notified", "2025-06-27")])
    status = on(tl, "2025-07-01")
    assert (status.status, status.since, status.effective) == ("withdrawing", D("2025-06-27"), D("2025-12-27"))
    assert "not recorded as a party" in (status.note or "")
    assert on(tl, "2026-01-01").status == "withdrawn"


def test_rules_status_timeline_took_effect_without_notice(ctx: RuleContext) -> None:
    events = [ev("e1", "RUS", "cfe", "ratified", "1992-11-09"),
              ev("e2", "RUS", "cfe", "took_effect", "2023-11-07")]
    tl = timeline(ctx, "RUS", "cfe", events)
    status = on(tl, "2024-01-01")
    assert (status.status, status.since) == ("withdrawn", D("2023-11-07"))
    assert "notification was not seen" in (status.note or "")


def test_rules_status_timeline_took_effect_confirms(ctx: RuleContext) -> None:
    events = [ev("e1", "LVA", "apmbc", "acceded", "2005-07-01"),
              ev("e2", "LVA", "apmbc", "notified", "2025-06-27"),
              ev("e3", "LVA", "apmbc", "took_effect", "2025-12-27")]
    tl = timeline(ctx, "LVA", "apmbc", events)
    status = on(tl, "2026-01-01")
    assert (status.status, status.since) == ("withdrawn", D("2025-12-27"))
    assert set(status.events) == {"e2", "e3"}
    assert [s.status for s in tl].count("withdrawn") == 1


def test_rules_status_timeline_inf_terminated(ctx: RuleContext) -> None:
    inf = ctx.registry["inf"]
    assert inf.terminated == D("2019-08-02")
    events = [
        ev("e1", "USA", "inf", "ratified", "1988-06-01"),
        ev("e2", "USA", "inf", "notified", "2019-02-02"),
        ev("e3", "RUS", "inf", "ratified", "1988-06-01"),
        ev("e4", "RUS", "inf", "suspended", "2019-02-02"),
        ev("e5", "RUS", "inf", "notified", "2020-01-01"),  # after termination: ignored
    ]
    usa = timeline(ctx, "USA", "inf", events)
    assert (on(usa, "2019-09-01").status, on(usa, "2019-09-01").since) == ("withdrawn", D("2019-08-02"))
    rus = timeline(ctx, "RUS", "inf", events)
    assert on(rus, "2019-03-01").status == "party"
    assert "no suspension clause" in (on(rus, "2019-03-01").note or "")
    end = on(rus, "2019-08-02")
    assert (end.status, end.since, end.note) == ("non_party", D("2019-08-02"), "treaty terminated on 2019-08-02")
    assert on(rus, "2021-01-01") == end


def test_rules_status_timeline_ctbt_not_in_force_and_deratified(ctx: RuleContext) -> None:
    events = [ev("e1", "RUS", "ctbt", "signed", "1996-09-24"),
              ev("e2", "RUS", "ctbt", "ratified", "2000-06-30"),
              ev("e3", "RUS", "ctbt", "deratified", "2023-11-02")]
    tl = timeline(ctx, "RUS", "ctbt", events)
    ratified = on(tl, "2010-01-01")
    assert (ratified.status, ratified.since) == ("signatory", D("1996-09-24"))
    assert "ratified on 2000-06-30; the treaty is not in force" in (ratified.note or "")
    assert all(s.status != "party" for s in tl)
    after = on(tl, "2024-01-01")
    assert (after.status, after.since) == ("signatory", D("2023-11-02"))
    assert "revoked" in (after.note or "")


def test_rules_status_timeline_uses_cascading_actions_only(ctx: RuleContext) -> None:
    events = [ev("u1", "USA", "unfccc", "ratified", "1992-10-15")]
    tl = timeline(ctx, "USA", "paris_agreement", events)
    assert [s.status for s in tl] == ["non_party"]


def test_rules_status_on_before_first_entry() -> None:
    tl = [Status("LTU", "apmbc", "party", D("2003-11-01"), valid_from=D("2003-11-01"))]
    before = status_on(tl, D("2000-01-01"))
    assert (before.status, before.since, before.state, before.treaty) == ("non_party", None, "LTU", "apmbc")
    assert status_on(tl, D("2003-11-01")) is tl[0]
    with pytest.raises(ValueError):
        status_on([], D("2000-01-01"))


entry_starts = st.lists(st.tuples(st.one_of(st.none(), dates), st.one_of(st.none(), dates),
                                   st.sampled_from(["party", "withdrawing", "withdrawn"])), min_size=1, max_size=6)


@given(st.lists(entry_starts, min_size=1, max_size=4), dates, dates)
def test_rules_status_on_is_the_same_between_change_days(entries: list[list[tuple[dt.date | None, dt.date | None, str]]],
                                                         a: dt.date, b: dt.date) -> None:
    """Two days with as many change days on or before them get the same entry of every timeline
    (so a status answer may serve every day of such a stretch); on each change day some
    timeline's chosen entry starts."""
    import bisect

    timelines = [[Status(f"S{i}", "apmbc", status, since, valid_from=valid_from) for since, valid_from, status in tl]
                 for i, tl in enumerate(entries)]
    days = change_days(timelines)
    assert days == sorted(set(days))
    if bisect.bisect_right(days, a) == bisect.bisect_right(days, b):
        assert all(status_on(tl, a) == status_on(tl, b) for tl in timelines)
    for day in days:
        assert any(day in (status_on(tl, day).valid_from, status_on(tl, day).since) for tl in timelines)


def test_rules_is_bound() -> None:
    def s(status: str) -> Status:
        return Status("X", "apmbc", status, None)

    assert [st for st in ("non_party", "signatory", "party", "withdrawing", "withdrawn", "suspended")
            if is_bound(s(st))] == ["party", "withdrawing", "suspended"]


def test_rules_treaty_with_suspension_clause(ctx: RuleContext) -> None:
    import dataclasses

    base: Treaty = ctx.registry["apmbc"]
    treaty = dataclasses.replace(base, suspension_clause=True)
    events = [ev("e1", "UKR", "apmbc", "ratified", "2005-12-27"), ev("e2", "UKR", "apmbc", "suspended", "2025-07-18")]
    tl = status_timeline("UKR", treaty, events, ctx)
    assert (on(tl, "2025-08-01").status, on(tl, "2025-08-01").since) == ("suspended", D("2025-07-18"))
    assert is_bound(on(tl, "2025-08-01"))


def test_rules_compute_effects_names_the_rule():
    import datetime as dt

    from treatywatch import Event, compute_effects, load_registry

    apmbc = load_registry().get("apmbc")
    notified = Event("e-ltu", "LTU", "apmbc", "notified", dt.date(2025, 6, 27), "explicit", sources=("a1",))
    effects = compute_effects(notified, apmbc)
    assert [(e.status, e.start, e.rule) for e in effects][-2:] == [
        ("withdrawing", dt.date(2025, 6, 27), "months_after.v1"),
        ("withdrawn", dt.date(2025, 12, 27), "months_after.v1"),
    ]
    ratified = Event("e-ukr", "UKR", "apmbc", "ratified", dt.date(2005, 12, 27), "record")
    assert ("party", dt.date(2006, 6, 1), "first_day_of_month_after_months.v1") in [
        (e.status, e.start, e.rule) for e in compute_effects(ratified, apmbc)]
    waiting = compute_effects(Event("e-u2", "UKR", "apmbc", "notified", dt.date(2025, 7, 1), "explicit",
                                    sources=("story",)), apmbc)
    assert waiting[-1].status == "withdrawn" and waiting[-1].start is None


# -- the legal dates of extraction's claims ---------------------------------------------------------

def claim(action: str, date: str | None, state: str = "LTU", precision: str = "day", basis: str = "explicit",
          modality: str = "asserted") -> Claim:
    return Claim("a", state, "apmbc", action, D(date) if date else None, basis if date else "bounded",
                 Evidence(0, 1, "x"), modality=modality, date_precision=precision if date else None)


def news(published: str) -> Article:
    return Article("a", "Treaty news", "x", published=dt.datetime.fromisoformat(published))


def test_rules_count_effects_dates_each_act_dated_to_the_day(registry: Registry) -> None:
    claims = [claim("notified", "2025-06-27"), claim("ratified", "2005-12-27", state="UKR"),
              claim("acceded", "2004-01-01", state="EST", precision="year"), claim("signed", "1997-12-03")]
    got = count_effects(news("2025-06-28T12:00:00+00:00"), claims, registry)
    # the Baltic notices' six months; Ukraine bound on the first day of the sixth month; a year is no day
    assert [c.effective for c in got] == [D("2025-12-27"), D("2006-06-01"), None, None]
    assert [c.notes for c in got] == [()] * 4


def test_rules_count_effects_dates_an_undated_effect_from_the_notice(registry: Registry) -> None:
    notice, effect = claim("notified", "2025-06-27", basis="relative"), claim("took_effect", None)
    counted = count_effects(news("2025-12-27T09:00:00+02:00"), [notice, effect], registry)[1]
    assert (counted.date, counted.date_precision, counted.date_basis) == (D("2025-12-27"), "day", "relative")
    assert counted.notes == ("counted from the notice of 2025-06-27 by the treaty's rule",)


@pytest.mark.parametrize(("notice", "effect", "published"), [
    (claim("notified", "2025-06-27"), claim("took_effect", None), "2025-12-26T23:00:00+00:00"),  # not yet news
    (claim("notified", "2025-06-01", precision="month"), claim("took_effect", None), "2026-01-15T00:00:00+00:00"),
    (claim("notified", "2025-06-27", state="EST"), claim("took_effect", None), "2026-01-15T00:00:00+00:00"),
    (claim("notified", "2025-06-27", modality="planned"), claim("took_effect", None), "2026-01-15T00:00:00+00:00"),
    (claim("notified", "2025-06-27"), claim("took_effect", None, modality="planned"), "2026-01-15T00:00:00+00:00"),
])
def test_rules_count_effects_leaves_an_effect_undated(registry: Registry, notice: Claim, effect: Claim,
                                                      published: str) -> None:
    assert count_effects(news(published), [notice, effect], registry)[1] == effect


def test_rules_count_effects_keeps_a_claim_its_rule_cannot_date(registry: Registry) -> None:
    (late,) = count_effects(news("2025-06-28T12:00:00+00:00"), [claim("notified", "9999-10-01")], registry)
    assert late.effective is None and late.notes[0].startswith("effective date not computed: ")


def test_rules_count_effects_dates_what_extraction_leaves_undated(extractor: Extractor) -> None:
    """The pipeline's order: extraction reads the text, then the rules count."""
    from .test_extract import BALTIC_EFFECT

    art = parse_news_text(f"Baltic states leave the mine ban treaty\nWire\n2025-12-27T09:00:00+02:00\n\n{BALTIC_EFFECT}\n",
                          article_id="t")
    got = {(c.state, c.action, c.date) for c in count_effects(art, extractor.extract(art), extractor.registry)
           if c.modality == "asserted"}
    for state in ("EST", "LVA", "LTU"):
        assert {(state, "notified", D("2025-06-27")), (state, "took_effect", D("2025-12-27"))} <= got


def test_rules_a_step_of_joining_is_not_a_withdrawal_in_progress(ctx: RuleContext) -> None:
    # "the Duma ratified the treaty": the legislature's vote on a ratification (instrument named by the
    # extraction) keeps a signatory a signatory until the deposit, and its note does not speak of leaving
    events = [
        ev("e1", "RUS", "ctbt", "signed", "1996-09-24"),
        ev("e2", "RUS", "ctbt", "parliament_approved", "2000-04-21", instrument="ratification"),
        ev("e3", "RUS", "ctbt", "law_signed", "2000-05-27", instrument="ratification"),
    ]
    tl = timeline(ctx, "RUS", "ctbt", events)
    after = on(tl, "2000-06-01")
    assert (after.status, after.since) == ("signatory", D("1996-09-24"))
    assert "ratification in progress: parliament approved on 2000-04-21" in (after.note or "")
    assert "law signed on 2000-05-27" in (after.note or "") and "withdrawal" not in (after.note or "")
    # the same vote after the state is bound is a late report of a step already passed: no note
    bound = timeline(ctx, "RUS", "ctbt", [ev("e1", "RUS", "ctbt", "ratified", "2000-06-30"),
                                          ev("e2", "RUS", "ctbt", "parliament_approved", "2000-07-05",
                                             instrument="ratification")])
    assert "in progress" not in (on(bound, "2000-08-01").note or "")
    # after a revoked ratification, a new vote is again a step of joining
    again = timeline(ctx, "RUS", "ctbt", [ev("e1", "RUS", "ctbt", "ratified", "2000-06-30"),
                                          ev("e2", "RUS", "ctbt", "deratified", "2023-11-02"),
                                          ev("e3", "RUS", "ctbt", "parliament_approved", "2026-01-05",
                                             instrument="ratification")])
    assert "ratification in progress: parliament approved on 2026-01-05" in (on(again, "2026-02-01").note or "")
