import datetime as dt
import json

import pyarrow.parquet as pq
from click.testing import CliRunner

from treatywatch import ingest
from treatywatch.cli import cli
from treatywatch.consolidate import refresh_events, review
from treatywatch.status import status_as_of

from .conftest import SEED, write_article

D = dt.date
BODY = ("Lithuania notified the UN Secretary-General on 27 June 2025 of its withdrawal from the Ottawa "
        "Convention, the foreign ministry said. The withdrawal takes effect six months later.")


def test_review_edit_survives_reingest_and_refresh(bare_ledger, extractor, tmp_path):
    ingest([str(SEED)], bare_ledger, extractor)
    event_id = "LTU-apmbc-notified-2025-06-28"
    assert event_id in {e.id for e in bare_ledger.events()}
    after = review(bare_ledger, event_id, "edit", "ana", "UN depositary notification", date=D(2025, 6, 27))
    assert after is not None and after.date == D(2025, 6, 27) and after.reviewed == "edited"
    s = status_as_of(bare_ledger, "apmbc", D(2025, 7, 1), state="LTU")[0]
    assert (s.since, s.effective) == (D(2025, 6, 27), D(2025, 12, 27))
    # new evidence and re-consolidation do not undo the verdict
    write_article(tmp_path, "later", BODY.replace("27 June", "28 June"), published="2025-06-30T10:00:00+00:00")
    ingest([str(tmp_path)], bare_ledger, extractor)
    refresh_events(bare_ledger)
    (event,) = [e for e in bare_ledger.events(state="LTU") if e.action == "notified"]
    assert event.date == D(2025, 6, 27) and event.reviewed == "edited"
    log = bare_ledger.audit_log(event_id)
    assert log[0]["by"] == "ana" and log[0]["before"]["date"] == "2025-06-28" and log[0]["after"]["date"] == "2025-06-27"


def test_review_reject_removes_event_from_status(bare_ledger, extractor):
    ingest([str(SEED)], bare_ledger, extractor)
    event_id = next(e.id for e in bare_ledger.events(state="EST"))
    assert review(bare_ledger, event_id, "reject", "ana", "no depositary record yet") is None
    # with no status table and the only news rejected, the ledger no longer knows Estonia's status
    assert status_as_of(bare_ledger, "apmbc", D(2025, 7, 1), state="EST")[0].status == "unknown"
    refresh_events(bare_ledger)
    assert bare_ledger.events(state="EST") == []
    assert bare_ledger.audit_log()[0]["verb"] == "reject"


def test_review_lists_events_needing_a_person(ledger, extractor):
    ingest([str(SEED)], ledger, extractor)
    pending = {e.id: reasons for e, reasons in ledger.needs_review()}
    assert "1 conflicting date(s)" in pending["LTU-apmbc-notified-2025-06-27"]
    review(ledger, "LTU-apmbc-notified-2025-06-27", "confirm", "ana", "matches the depositary")
    assert "LTU-apmbc-notified-2025-06-27" not in {e.id for e, _ in ledger.needs_review()}


def test_review_bad_requests_say_what_to_do(bare_ledger):
    import pytest

    from treatywatch import LedgerError

    with pytest.raises(LedgerError, match="no event 'nope'"):
        review(bare_ledger, "nope", "confirm", "ana", "x")
    with pytest.raises(LedgerError, match="unknown review verdict"):
        review(bare_ledger, "nope", "approve", "ana", "x")


def test_review_cli_and_export_formats(tmp_path):
    db = str(tmp_path / "t.db")
    runner = CliRunner()
    assert runner.invoke(cli, ["--db", db, "ingest", str(SEED)]).exit_code == 0
    listed = runner.invoke(cli, ["--db", db, "review", "--format", "json"])
    assert any(e["id"] == "LTU-apmbc-notified-2025-06-27" for e in json.loads(listed.output))
    done = runner.invoke(cli, ["--db", db, "review", "confirm", "LTU-apmbc-notified-2025-06-27", "--by", "ana",
                               "--reason", "depositary"])
    assert done.exit_code == 0, done.output
    missing = runner.invoke(cli, ["--db", db, "review", "confirm", "X", "--by", "ana"])
    assert missing.exit_code == 2 and "--reason" in missing.output
    out = runner.invoke(cli, ["--db", db, "export", "events", "--treaty", "apmbc", "--format", "json"])
    events = json.loads(out.output)
    assert any(e["reviewed"] == "confirmed" for e in events)
    csv_out = runner.invoke(cli, ["--db", db, "export", "claims", "--format", "csv", "--state", "EST"]).output
    assert csv_out.splitlines()[0].startswith("article,state,treaty,action,date,effective,modality")
    target = tmp_path / "status.parquet"
    res = runner.invoke(cli, ["--db", db, "export", "status", "--treaty", "apmbc", "--as-of", "2026-01-15",
                              "--format", "parquet", "-o", str(target)])
    assert res.exit_code == 0, res.output
    table = pq.read_table(target).to_pylist()
    assert len(table) == 166
    assert {r["state"]: r["status"] for r in table}["LTU"] == "withdrawn"
    assert runner.invoke(cli, ["--db", db, "export", "status", "--format", "parquet"]).exit_code == 2


def test_review_copies_are_linked_to_their_original(bare_ledger, extractor, tmp_path):
    write_article(tmp_path, "wire", BODY, title="Lithuania quits mine treaty", source="Wire")
    write_article(tmp_path, "copy1", BODY, title="Vilnius leaves Ottawa pact", source="Daily",
                  published="2025-06-28T14:00:00+00:00")
    write_article(tmp_path, "copy2", BODY.replace("the foreign ministry said", "the ministry in Vilnius said"),
                  title="Lithuania exits", source="Gazette", published="2025-06-28T15:00:00+00:00")
    ingest([str(tmp_path)], bare_ledger, extractor)
    assert bare_ledger.originals() == {"copy1": "wire", "copy2": "wire"}
    (event,) = [e for e in bare_ledger.events() if e.action == "notified"]
    assert event.sources == ("copy1", "copy2", "wire") or set(event.sources) == {"wire", "copy1", "copy2"}
    assert event.independent == 1
