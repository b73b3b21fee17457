"""Official records: bundled tables for every treaty, honest 'unknown', refresh, reconciliation."""

from __future__ import annotations

import datetime as dt
import functools
import http.server
import json
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from treatywatch import Ledger, load_registry
from treatywatch.cli import cli
from treatywatch.baselines import import_status
from treatywatch.records import bundled_tables, reconcile, table_changes, record_claims
from treatywatch.status import count_parties, status_as_of

from .conftest import DATA, SEED, write_article

D = dt.date
STATUS_FIXTURES = DATA / "status"


@pytest.fixture(scope="module")
def full_ledger(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Ledger]:
    """One ledger file made from a fresh install's bundled tables (shared by the read-only tests)."""
    led = Ledger(tmp_path_factory.mktemp("records") / "fresh.db")
    yield led
    led.close()


def test_records_every_registry_treaty_has_a_bundled_table():
    tables = bundled_tables()
    assert sorted(tables) == sorted(t.id for t in load_registry())
    for table in tables.values():
        assert table.parties > 0 and table.parties_source.strip(), table.treaty


@pytest.mark.parametrize("treaty", sorted(bundled_tables()))
def test_records_count_on_the_table_date_equals_the_stated_total(full_ledger, treaty):
    table = bundled_tables()[treaty]
    if full_ledger.registry.get(treaty).entry_into_force is None:
        # not in force (the CTBT): nobody is bound; the stated total counts ratifying states
        assert count_parties(full_ledger, treaty, [table.checked_on]) == [(table.checked_on, 0)]
        events = [e for e in full_ledger.events(treaty=treaty) if e.date and e.date <= table.checked_on]
        deposited = {e.state for e in events if e.action in ("ratified", "acceded")}
        revoked = {e.state for e in events if e.action == "deratified"}
        assert len(deposited - revoked) == table.parties
        return
    assert count_parties(full_ledger, treaty, [table.checked_on]) == [(table.checked_on, table.parties)]


FACTS = [
    # (treaty, state, as of, status, since)
    ("npt", "FRA", "2026-01-01", "party", "1992-08-03"),
    ("rome_statute", "BDI", "2026-01-01", "withdrawn", "2017-10-27"),
    ("rome_statute", "PHL", "2026-01-01", "withdrawn", "2019-03-17"),
    ("rome_statute", "HUN", "2026-01-01", "withdrawing", "2025-06-02"),
    ("rome_statute", "ARM", "2026-01-01", "party", "2024-02-01"),
    ("rome_statute", "UKR", "2026-01-01", "party", "2025-01-01"),
    ("ctbt", "RUS", "2024-01-01", "signatory", "2023-11-02"),
    ("kyoto_protocol", "CAN", "2026-01-01", "withdrawn", "2012-12-15"),
    ("north_atlantic_treaty", "FIN", "2026-01-01", "party", "2023-04-04"),
    ("north_atlantic_treaty", "SWE", "2026-01-01", "party", "2024-03-07"),
    ("cfe", "RUS", "2026-01-01", "withdrawn", "2023-11-07"),
    ("open_skies", "RUS", "2026-01-01", "withdrawn", "2021-12-18"),
    ("open_skies", "USA", "2026-01-01", "withdrawn", "2020-11-22"),
    ("echr", "RUS", "2026-01-01", "withdrawn", "2022-09-16"),
    ("istanbul_convention", "TUR", "2026-01-01", "withdrawn", "2021-07-01"),
    ("apmbc", "LTU", "2026-01-15", "withdrawn", "2025-12-27"),
    ("apmbc", "FRA", "2026-01-15", "party", "1999-03-01"),
    ("paris_agreement", "USA", "2021-03-01", "party", "2021-02-19"),
    ("paris_agreement", "USA", "2026-02-01", "withdrawn", "2026-01-27"),
]


@pytest.fixture(scope="module")
def fresh_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("cli") / "fresh.db"
    assert CliRunner().invoke(cli, ["--db", str(db), "status", "apmbc", "--state", "FRA"]).exit_code == 0
    return db


@pytest.mark.parametrize(("treaty", "state", "as_of", "status", "since"), FACTS)
def test_records_fresh_install_answers(fresh_db, treaty, state, as_of, status, since):
    result = CliRunner().invoke(cli, ["--db", str(fresh_db), "status", treaty, "--as-of", as_of, "--state", state,
                                      "--format", "json"])
    assert result.exit_code == 0, result.output
    [row] = json.loads(result.output)
    assert (row["status"], row["since"]) == (status, since), row
    assert row["basis"].startswith("status table status:")


def test_records_hungary_icc_withdrawal_takes_effect_on_2026_06_02(full_ledger):
    [row] = status_as_of(full_ledger, "rome_statute", D(2026, 1, 1), state="HUN")
    assert row.effective == D(2026, 6, 2)


def test_records_state_outside_the_table_is_non_party_with_its_basis(full_ledger):
    [row] = status_as_of(full_ledger, "tpnw", D(2026, 1, 1), state="USA")
    assert row.status == "non_party" and "status table" in (row.basis or "")


def test_records_user_treaty_without_table_is_unknown_for_every_state(tmp_path):
    folder = tmp_path / "reg"
    folder.mkdir()
    source = Path(__file__).parents[1] / "src" / "treatywatch" / "treaties" / "ccm.toml"
    text = source.read_text(encoding="utf-8").replace('id = "ccm"', 'id = "test_pact"', 1)
    (folder / "test_pact.toml").write_text(text, encoding="utf-8")
    registry = load_registry(folder)
    with Ledger.memory(registry=registry) as led:
        for state in ("FRA", "USA", "LTU"):
            [row] = status_as_of(led, "test_pact", D(2026, 1, 1), state=state)
            assert row.status == "unknown" and "no status table" in (row.note or ""), row
            assert row.basis and row.basis.startswith("news only")
        assert count_parties(led, "test_pact", [D(2026, 1, 1)]) == [(D(2026, 1, 1), 0)]


def test_records_no_baseline_ledger_answers_unknown_not_non_party():
    with Ledger.memory(baseline=False) as led:
        [row] = status_as_of(led, "npt", D(2026, 1, 1), state="FRA")
        assert row.status == "unknown"


def test_records_row_with_only_an_effect_ends_membership():
    row = {"line": 2, "iso3": "RUS", "kind": "ratification", "signed": "1996-02-28",
           "ratified_or_acceded": "1998-05-05", "withdrawal_effective": "2022-09-16", "note": "expelled"}
    claims = record_claims(row, "echr", "status:echr.csv")
    assert [(c.action, c.date) for c in claims] == [
        ("signed", D(1996, 2, 28)), ("ratified", D(1998, 5, 5)), ("took_effect", D(2022, 9, 16))]
    assert all(c.date_basis == "record" and "expelled" in c.notes for c in claims)


def test_records_table_changes_name_each_difference():
    def claims(*rows: dict) -> list:
        return [c for i, r in enumerate(rows) for c in record_claims({"line": i + 2, "kind": "ratification", **r},
                                                                      "ccm", "status:ccm.csv")]
    before = claims({"iso3": "LTU", "ratified_or_acceded": "2011-03-24"}, {"iso3": "FRA", "ratified_or_acceded": "2009-09-25"})
    after = claims({"iso3": "LTU", "ratified_or_acceded": "2011-03-24", "withdrawal_notified": "2024-09-06"},
                   {"iso3": "FRA", "ratified_or_acceded": "2009-09-26"}, {"iso3": "NGA", "ratified_or_acceded": "2023-02-28"})
    found = {(c.state, c.action, c.change, c.before, c.after) for c in table_changes("ccm", before, after)}
    assert found == {("LTU", "notified", "added", None, D(2024, 9, 6)),
                     ("FRA", "ratified", "corrected", D(2009, 9, 25), D(2009, 9, 26)),
                     ("NGA", "ratified", "added", None, D(2023, 2, 28))}


# -- reconcile ---------------------------------------------------------------------------------------


def test_records_reconcile_demo_corpus_shows_news_ahead_of_the_record(tmp_path):
    db = tmp_path / "demo.db"
    assert CliRunner().invoke(cli, ["--db", str(db), "demo", str(db)]).exit_code == 0
    result = CliRunner().invoke(cli, ["--db", str(db), "reconcile", "apmbc", "--kind", "news_ahead", "--format", "json"])
    assert result.exit_code == 0, result.output
    ahead = json.loads(result.output)
    assert ahead and all(r["kind"] == "news_ahead" and r["record_date"] is None for r in ahead)
    assert all(not s.startswith("status:") for r in ahead for s in r["sources"])


def test_records_reconcile_lists_nothing_when_news_agrees_with_the_record(tmp_path, extractor):
    table = tmp_path / "notices.csv"
    table.write_text("iso3,signed,ratified_or_acceded,kind,withdrawal_notified,withdrawal_effective\n"
                     "LTU,,,,2025-06-27,2025-12-27\n", encoding="utf-8")
    article = write_article(tmp_path, "ltu", "Lithuania notified the UN Secretary-General on 27 June 2025 of its "
                            "withdrawal from the Ottawa Convention, the foreign ministry said.",
                            published="2025-06-28T09:00:00+00:00")
    from treatywatch import ingest

    with Ledger.memory(baseline=False) as led:
        import_status(led, table, "apmbc", as_of=D(2025, 7, 1))
        ingest([str(article)], led, extractor=extractor)
        assert any(not c.article.startswith("status:") for c in led.claims(treaty="apmbc"))
        assert reconcile(led, "apmbc") == []


def test_records_reconcile_a_legislatures_ratification_waits_for_the_deposit(tmp_path, extractor):
    # "the Duma ratified" is the legislature's step of joining: the record answers it with a deposit, not a notice
    table = tmp_path / "parties.csv"
    table.write_text("iso3,signed,ratified_or_acceded,kind,withdrawal_notified,withdrawal_effective\n"
                     "LTU,2008-12-03,2011-03-24,ratification,,\n", encoding="utf-8")
    article = write_article(tmp_path, "mda", "Moldova's parliament ratified the Convention on Cluster Munitions on "
                            "Thursday, the speaker said.", published="2025-06-28T09:00:00+00:00")
    from treatywatch import ingest

    with Ledger.memory(baseline=False) as led:
        import_status(led, table, "ccm", as_of=D(2025, 7, 1))
        ingest([str(article)], led, extractor=extractor)
        [found] = [d for d in reconcile(led, "ccm") if d.kind != "record_only"]  # (LTU's acts: no news of them)
        assert (found.kind, found.state, found.action, found.news_date) == ("news_ahead", "MDA", "parliament_approved",
                                                                              D(2025, 6, 26))
        assert "a step towards joining" in found.note and "no deposit after it" in found.note
        [row] = status_as_of(led, "ccm", D(2025, 7, 1), state="MDA")
        assert row.status == "non_party" and "ratification in progress" in (row.note or "")


def test_records_reconcile_without_a_table_says_what_to_do():
    with Ledger.memory(baseline=False) as led, pytest.raises(Exception, match="import-status"):
        reconcile(led, "apmbc")


# -- refresh-status against a loopback server --------------------------------------------------------------


@pytest.fixture
def depositary(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """A loopback HTTP server serving a folder (the depositary's pages)."""
    root = tmp_path / "site"
    root.mkdir()
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", root
    server.shutdown()
    server.server_close()


def _refresh(db: Path, *args: str) -> tuple[int, list[dict]]:
    result = CliRunner().invoke(cli, ["--db", str(db), "--set", "allow_private_addresses=true", "--set",
                                      "fetch_retries=0", "refresh-status", *args, "--format", "json"])
    return result.exit_code, json.loads(result.stdout)


def test_records_refresh_imports_records_one_change_and_keeps_table_on_a_broken_page(tmp_path, depositary):
    base, root = depositary
    fixture = STATUS_FIXTURES / "untc_xxvi5_apmbc.en.xml"
    page = root / "apmbc.xml"
    shutil.copy(fixture, page)
    db = tmp_path / "r.db"
    url = f"apmbc={base}/apmbc.xml"

    code, [first] = _refresh(db, "apmbc", "--url", url)
    assert code == 0 and first["outcome"] in ("updated", "unchanged") and first["rows"] > 0
    with Ledger(db) as led:
        table = led.record_table("apmbc")
        assert table is not None and table[1] == dt.date.today()
        before = len(led.table_changes("apmbc"))

    # one date changes on the depositary's page: exactly that change is recorded
    text = page.read_text(encoding="latin-1")  # the document declares ISO-8859-1
    old, new = _one_date_change(text)
    page.write_text(text.replace(old, new, 1), encoding="latin-1")
    _touch_later(page)  # the server answers If-Modified-Since by the file's time, to the second
    code, [second] = _refresh(db, "apmbc", "--url", url)
    assert code == 0 and second["outcome"] == "updated"
    assert len(second["changes"]) == 1 and second["changes"][0]["change"] == "corrected"
    with Ledger(db) as led:
        assert len(led.table_changes("apmbc")) == before + 1
        kept = led.claims(treaty="apmbc", article=led.record_table("apmbc")[0])

    # a page of another shape keeps the previous table and says so
    page.write_text("<html><body>Service temporarily unavailable</body></html>", encoding="utf-8")
    _touch_later(page, 20)
    code, [third] = _refresh(db, "apmbc", "--url", url)
    assert code == 1 and third["outcome"] == "kept" and third["reason"]
    with Ledger(db) as led:
        assert led.claims(treaty="apmbc", article=led.record_table("apmbc")[0]) == kept


def _touch_later(path: Path, seconds: int = 10) -> None:
    import os
    import time

    later = time.time() + seconds
    os.utime(path, (later, later))


def _one_date_change(text: str) -> tuple[str, str]:
    """The first 'D Mon YYYY' date of a UNTC document, and the same date with another day."""
    import re

    match = re.search(r"\b(\d{1,2})(\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\s+\d{4})\b", text)
    assert match, "the fixture has no date"
    day = int(match.group(1))
    return match.group(0), f"{day + 1 if day < 28 else day - 1}{match.group(2)}"


def test_records_refresh_of_an_unreachable_depositary_keeps_the_bundled_table(tmp_path):
    db = tmp_path / "u.db"
    code, [report] = _refresh(db, "ccm", "--url", "ccm=http://127.0.0.1:9/none.xml")
    assert code == 1 and report["outcome"] == "kept"
    with Ledger(db) as led:
        assert led.record_table("ccm") == ("status:ccm.csv", bundled_tables()["ccm"].complete_to)


def test_records_seed_keeps_its_depositary_date(tmp_path):
    with Ledger(tmp_path / "s.db") as led:
        from treatywatch import ingest

        ingest([str(SEED)], led)
        [event] = [e for e in led.events(treaty="apmbc", state="LTU") if e.action == "notified"]
        assert event.date == D(2025, 6, 27)
