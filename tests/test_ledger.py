import csv
import datetime as dt
import json

import pytest

from treatywatch import Claim, Ledger, ingest, parse_news_text
from treatywatch.baselines import import_status
from treatywatch.consolidate import refresh_events
from treatywatch.models import Evidence
from treatywatch.status import count_parties, party_changes, state_timeline, status_as_of, timelines

from .conftest import DATA, SEED, write_article

D = dt.date

# Every test here runs on SQLite and on PostgreSQL (a server the tests start: see pgserver.py).


@pytest.fixture(params=["sqlite", "postgresql"])
def new_target(request, tmp_path):
    """Makes the address of a new, empty ledger: a SQLite file, or a new PostgreSQL database."""
    if request.param == "sqlite":
        names = iter(range(1000))
        return lambda: str(tmp_path / f"ledger{next(names)}.db")
    return request.getfixturevalue("postgres").database


@pytest.fixture
def ledger(new_target, request):
    """A new ledger with the bundled status tables (on PostgreSQL, a copy of one made once)."""
    if request.node.callspec.params["new_target"] == "postgresql":
        server = request.getfixturevalue("postgres")
        led = Ledger(server.database(template=request.getfixturevalue("postgres_baseline")))
    else:
        led = Ledger.memory()
    yield led
    led.close()


@pytest.fixture
def bare_ledger(new_target):
    led = Ledger(new_target(), baseline=False)
    yield led
    led.close()


def status_of(ledger, treaty, day, state):
    (s,) = status_as_of(ledger, treaty, day, state=state)
    return s


def news_claim(state, action, date, basis="explicit", treaty="apmbc", article="news-1", effective=None):
    return Claim(article=article, state=state, treaty=treaty, action=action, date=date, date_basis=basis,
                 date_precision="day" if date else None, bound=D(2025, 6, 28), effective=effective,
                 evidence=Evidence(0, 10, "0123456789"), confidence=0.9)


# -- issue 2: the seed, end to end -------------------------------------------------------------


def test_ledger_seed_news_only(bare_ledger, extractor):
    report = ingest([str(SEED)], bare_ledger, extractor)
    assert (report.ingested, report.rejected) == (1, 0)
    ltu = status_of(bare_ledger, "apmbc", D(2025, 7, 1), "LTU")
    assert ltu.status == "withdrawing"
    assert ltu.since == D(2025, 6, 28)  # "Today" in the quoted post, resolved against publication
    assert ltu.effective == D(2025, 12, 28)  # six months after that notification date
    (claim,) = [c for c in bare_ledger.claims(article=SEED.stem) if (c.state, c.action) == ("LTU", "notified")]
    assert claim.effective == D(2025, 12, 28)  # stored with the day the rules counted
    assert status_of(bare_ledger, "apmbc", D(2026, 1, 15), "LTU").status == "withdrawn"
    est = status_of(bare_ledger, "apmbc", D(2025, 7, 1), "EST")
    assert est.status == "withdrawing"
    assert est.since == D(2025, 6, 28)
    assert "no later than 2025-06-28" in est.note


def test_ledger_seed_with_baseline_uses_the_depositary_date(ledger, extractor):
    ingest([str(SEED)], ledger, extractor)
    ltu = status_of(ledger, "apmbc", D(2025, 7, 1), "LTU")
    assert (ltu.status, ltu.since, ltu.effective) == ("withdrawing", D(2025, 6, 27), D(2025, 12, 27))
    assert status_of(ledger, "apmbc", D(2026, 1, 15), "LTU").status == "withdrawn"
    (event,) = [e for e in ledger.events(treaty="apmbc", state="LTU") if e.action == "notified"]
    assert set(event.sources) == {"status:apmbc.csv", SEED.stem}
    assert event.date == D(2025, 6, 27) and event.date_basis == "record"
    assert event.conflicts == (f"{SEED.stem} gives 2025-06-28 (relative)",)
    (est_event,) = [e for e in ledger.events(treaty="apmbc", state="EST") if e.action == "notified"]
    assert SEED.stem in est_event.sources and est_event.date == D(2025, 6, 27)


def test_ledger_reingest_changes_nothing(bare_ledger, extractor, tmp_path):
    ingest([str(SEED)], bare_ledger, extractor)
    before = (bare_ledger.article_count(), len(bare_ledger.claims()), [e.to_dict() for e in bare_ledger.events()])
    report = ingest([str(SEED), str(SEED)], bare_ledger, extractor)
    assert (report.ingested, report.duplicates) == (0, 2)
    after = (bare_ledger.article_count(), len(bare_ledger.claims()), [e.to_dict() for e in bare_ledger.events()])
    assert before == after


def test_ledger_file_persists_and_migrations_recorded(new_target, extractor):
    path = new_target()
    with Ledger(path, baseline=False) as led:
        ingest([str(SEED)], led, extractor)
        from treatywatch.ledger import MIGRATIONS

        assert led.migrations() == sorted(name for name, _sql in MIGRATIONS)
    with Ledger(path, baseline=False) as led:
        assert led.article_count() == 1
        assert {e.state for e in led.events()} == {"LTU", "EST"}


def test_ledger_bad_input_keeps_what_was_stored(tmp_path, bare_ledger, extractor):
    ingest([str(SEED)], bare_ledger, extractor)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01")
    write_article(tmp_path, "ok", "Nothing about treaties here at all.")
    report = ingest([str(tmp_path), str(tmp_path / "missing.txt")], bare_ledger, extractor)
    assert (report.ingested, report.rejected) == (1, 3)
    assert bare_ledger.article_count() == 2
    assert {r.reason.split(" ")[0] for r in bare_ledger.rejects()} == {"empty", "binary", "no"}


def test_ledger_refuses_a_file_that_is_not_a_database(tmp_path):
    path = tmp_path / "not.db"
    path.write_text("hello, this is text, not SQLite" * 100)
    with pytest.raises(Exception, match="cannot be used as a treatywatch ledger"):
        Ledger(path)


# -- issue 3: baseline, counts, rules through the ledger ---------------------------------------


def test_ledger_entry_into_force_matches_status_table(ledger):
    rows = list(csv.DictReader((DATA / "apmbc_parties.csv").open(encoding="utf-8")))
    assert len(rows) == 166
    found = timelines(ledger, "apmbc")
    for row in rows:
        party = [s for s in found[row["iso3"]] if s.status == "party"]
        assert party, row["iso3"]
        assert party[0].since == D.fromisoformat(row["entry_into_force_for_state"]), row["iso3"]
    ssd = [s for s in found["SSD"] if s.status == "party"][0]
    assert "2012-05-01" in ssd.note  # the computed date is reported, not hidden


@pytest.mark.parametrize(
    ("day", "bound"),
    [("2025-11-30", 165), ("2025-12-01", 166), ("2025-12-27", 163), ("2026-01-10", 162), ("2026-02-20", 161)],
)
def test_ledger_count_bound_states(ledger, day, bound):
    assert count_parties(ledger, "apmbc", [D.fromisoformat(day)]) == [(D.fromisoformat(day), bound)]
    statuses = status_as_of(ledger, "apmbc", D.fromisoformat(day))
    assert sum(s.status in ("party", "withdrawing", "suspended") for s in statuses) == bound


@pytest.mark.parametrize(("state", "day"), [("LTU", "2025-12-27"), ("LVA", "2025-12-27"), ("EST", "2025-12-27"),
                                            ("FIN", "2026-01-10"), ("POL", "2026-02-20")])
def test_ledger_withdrawals_effective(ledger, state, day):
    d = D.fromisoformat(day)
    assert status_of(ledger, "apmbc", d - dt.timedelta(days=1), state).status == "withdrawing"
    after = status_of(ledger, "apmbc", d, state)
    assert (after.status, after.since) == ("withdrawn", d)


def test_ledger_news_claim_gives_same_dates_as_table(tmp_path, new_target):
    table = tmp_path / "joins.csv"
    table.write_text("iso3,signed,ratified_or_acceded,kind\nFIN,,2012-01-09,accession\n", encoding="utf-8")
    with Ledger(new_target(), baseline=False) as led:
        import_status(led, table, "apmbc")
        led._insert_claims([news_claim("FIN", "notified", D(2025, 7, 10))])
        refresh_events(led)
        s = status_of(led, "apmbc", D(2026, 1, 10), "FIN")
        assert (s.status, s.since) == ("withdrawn", D(2026, 1, 10))


def test_ledger_import_status_reports_bad_rows(tmp_path, new_target):
    table = tmp_path / "ccm.csv"
    table.write_text("iso3,signed,ratified_or_acceded,kind,withdrawal_notified\n"
                     "LTU,2008-12-03,2011-03-24,ratification,2024-09-06\n"
                     "??,,2011-03-24,ratification,\n", encoding="utf-8")
    with Ledger(new_target(), baseline=False) as led:
        used, rejects = import_status(led, table, "ccm")
        assert used == 1 and len(rejects) == 1 and rejects[0].source.endswith(":3")
        assert status_of(led, "ccm", D(2025, 3, 6), "LTU").status == "withdrawn"


def test_ledger_ukraine_claimed_suspension_stays_party(ledger):
    ledger._insert_claims([news_claim("UKR", "suspended", D(2025, 7, 18), article="ukr-news")])
    refresh_events(ledger, {("UKR", "apmbc")})
    s = status_of(ledger, "apmbc", D(2026, 3, 1), "UKR")
    assert s.status == "party"
    assert "suspension" in s.note
    assert all(x.status != "withdrawn" for x in timelines(ledger, "apmbc")["UKR"])


def test_ledger_armed_conflict_withdrawal_waits_and_cites_article(ledger):
    ledger._insert_claims([news_claim("UKR", "notified", D(2025, 7, 1), article="ukr-withdrawal-story")])
    refresh_events(ledger, {("UKR", "apmbc")})
    s = status_of(ledger, "apmbc", D(2026, 6, 1), "UKR")
    assert s.status == "withdrawing" and s.effective is None
    assert "ukr-withdrawal-story" in s.note and "armed conflict" in s.note


def test_ledger_paris_usa_history(new_target):
    with Ledger(new_target(), baseline=False) as led:
        led._insert_claims([
            news_claim("USA", "acceded", D(2016, 9, 3), treaty="paris_agreement", article="a1"),
            news_claim("USA", "notified", D(2019, 11, 4), treaty="paris_agreement", article="a2"),
            news_claim("USA", "acceded", D(2021, 1, 20), treaty="paris_agreement", article="a3"),
            news_claim("USA", "notified", D(2025, 1, 27), treaty="paris_agreement", article="a4"),
        ])
        refresh_events(led)
        expect = [("2020-11-03", "withdrawing"), ("2020-11-04", "withdrawn"), ("2021-02-18", "withdrawn"),
                  ("2021-02-19", "party"), ("2026-01-26", "withdrawing"), ("2026-01-27", "withdrawn")]
        for day, status in expect:
            assert status_of(led, "paris_agreement", D.fromisoformat(day), "USA").status == status, day


def test_ledger_timeline_and_diff(ledger):
    tl = state_timeline(ledger, "LTU")
    assert [(s.treaty, s.status, s.since) for s in tl if s.treaty == "apmbc" and s.status in ("party", "withdrawn")] == [
        ("apmbc", "party", D(2003, 11, 1)), ("apmbc", "withdrawn", D(2025, 12, 27))]
    diff = party_changes(ledger, "apmbc", D(2025, 6, 1), D(2026, 3, 1))
    assert sorted(s.state for s in diff["left"]) == ["EST", "FIN", "LTU", "LVA", "POL"]
    assert sorted(s.state for s in diff["joined"]) == ["MHL", "TON"]


def test_ledger_status_converts_to_pandas(ledger):
    import pandas as pd

    from treatywatch import to_records

    frame = pd.DataFrame(to_records(status_as_of(ledger, "apmbc", D(2026, 1, 15))))
    assert set(frame.columns) >= {"state", "status", "since", "effective", "note", "events"}
    assert sorted(frame[frame["status"] == "withdrawn"]["state"]) == ["EST", "FIN", "LTU", "LVA"]
    json.dumps(to_records(ledger.events(treaty="apmbc")))
