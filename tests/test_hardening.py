"""Hardening (issue 13): no input, kill or second process crashes a batch, exhausts memory or
leaves a wrong ledger.  Each test here failed before its fix."""

from __future__ import annotations

import gzip
import http.server
import json
import os
import socket
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from treatywatch import Ledger, api
from treatywatch.baselines import check_ledger
from treatywatch.cli import cli
from treatywatch.consolidate import review
from treatywatch.errors import TreatyFileError, TreatywatchError
from treatywatch.ingest import read_articles
from treatywatch.models import Article, Reject
from treatywatch.registry import load_treaty
from treatywatch.settings import load_settings
from treatywatch.sources import ReadOptions
from treatywatch.status import status_as_of

from .conftest import write_article

BODY = ("Lithuania notified the United Nations on 27 June 2025 of its withdrawal from the Ottawa Convention "
        "banning anti-personnel mines. The withdrawal takes effect six months later.")


def _read(paths: list[str], **options: object) -> list[Article | Reject]:
    return list(read_articles(paths, options=ReadOptions(**options)))  # type: ignore[arg-type]


# -- one bad input never aborts a batch -----------------------------------------------------------


def test_naive_and_aware_publication_dates_in_one_batch(tmp_path: Path, extractor: object) -> None:
    write_article(tmp_path, "a_naive", BODY + " One.", published="2025-06-28T12:00:00")
    write_article(tmp_path, "b_aware", BODY + " One.", published="2025-06-28T09:00:00+02:00", title="Other title")
    with Ledger.memory() as ledger:
        report = api.ingest([str(tmp_path)], ledger, extractor)  # type: ignore[arg-type]
        assert (report.ingested, report.rejected) == (2, 0)
        published = {a["id"]: a["published"] for a in ledger.articles()}
    assert published == {"a_naive": "2025-06-28T12:00:00+00:00", "b_aware": "2025-06-28T09:00:00+02:00"}


@pytest.mark.parametrize("date", ["0001-01-01T00:00:00+05:00", "9999-12-31", "9999-12-31T23:59:59-05:00"])
def test_publication_dates_at_the_ends_of_the_calendar_are_rejects(tmp_path: Path, extractor: object, date: str) -> None:
    write_article(tmp_path, "edge", BODY, published=date)
    write_article(tmp_path, "fine", BODY + " Fine.")
    with Ledger.memory() as ledger:
        report = api.ingest([str(tmp_path)], ledger, extractor)  # type: ignore[arg-type]
    assert report.ingested == 1
    (reject,) = report.rejects
    assert reject.source.endswith("edge.txt") and "outside the years 1900-2200" in reject.reason


def test_deeply_nested_json_jsonl_and_jsonld(tmp_path: Path) -> None:
    deep = "[" * 50_000 + "]" * 50_000
    (tmp_path / "deep.json").write_text(deep)
    (tmp_path / "deep.jsonl").write_text(deep + "\n" + json.dumps({"title": "T", "text": BODY}) + "\n")
    (tmp_path / "ld.html").write_text(
        f'<html><head><script type="application/ld+json">{deep}</script></head>'
        f"<body><article><h1>Lithuania leaves</h1><p>{BODY}</p></article></body></html>")
    items = _read([str(tmp_path)])
    by_name = {Path(i.source.split(":")[0]).name if isinstance(i, Reject) else i.id: i for i in items}
    assert "nested more than 100 levels" in by_name["deep.json"].reason  # type: ignore[union-attr]
    assert "nested more than 100 levels" in by_name["deep.jsonl"].reason  # type: ignore[union-attr]
    assert isinstance(by_name["deep#2"], Article) and isinstance(by_name["ld"], Article)


def test_lone_surrogates_and_non_utf8_file_names(tmp_path: Path, extractor: object) -> None:
    (tmp_path / "surrogate.json").write_text(json.dumps({"title": "A \ud800 title", "text": BODY + " \udc00"}))
    folder = os.fsencode(tmp_path)
    with open(os.path.join(folder, b"bad\xffname.txt"), "w", encoding="utf-8") as handle:
        handle.write(f"Title\nWire\n2025-06-28\n\n{BODY} Again.\n")
    with Ledger.memory() as ledger:
        report = api.ingest([str(tmp_path)], ledger, extractor)  # type: ignore[arg-type]
        ids = {a["id"] for a in ledger.articles()}
    assert (report.ingested, report.rejected) == (2, 0)
    assert ids == {"surrogate", "bad\\xffname"}


def test_names_with_newlines_and_escapes_are_printed_escaped_and_rejects_once(tmp_path: Path) -> None:
    (tmp_path / "x\nrejected forged: line.txt").write_text("")
    (tmp_path / "y\x1b[31mred.txt").write_text("")
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "l.db"), "--no-baseline", "ingest", "-q", str(tmp_path)])
    lines = result.stderr.splitlines()
    assert result.exit_code == 1
    assert sum(line.startswith("rejected") for line in lines) == 2  # each once, none forged
    assert "\x1b" not in result.stderr and any("x\\nrejected forged" in line for line in lines)
    assert any("y\\x1b[31mred.txt: empty file" in line for line in lines)


def test_empty_feed_and_warc_without_pages_are_rejects(tmp_path: Path) -> None:
    (tmp_path / "empty.rss").write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>x</title></channel></rss>')
    record = (b"WARC/1.0\r\nWARC-Type: warcinfo\r\nWARC-Record-ID: <urn:uuid:1>\r\nContent-Length: 0\r\n"
              b"WARC-Date: 2025-01-01T00:00:00Z\r\n\r\n\r\n\r\n")
    (tmp_path / "info.warc").write_bytes(record)
    reasons = {Path(i.source).name: i.reason for i in _read([str(tmp_path)]) if isinstance(i, Reject)}
    assert reasons == {"empty.rss": "the feed has no entries", "info.warc": "no HTML response records among the 1 records"}


def test_symlink_loop_is_reported_as_such(tmp_path: Path) -> None:
    os.symlink(tmp_path / "b.txt", tmp_path / "a.txt")
    os.symlink(tmp_path / "a.txt", tmp_path / "b.txt")
    os.symlink(tmp_path / "missing.txt", tmp_path / "broken.txt")
    items = _read([str(tmp_path / "a.txt"), str(tmp_path / "broken.txt")])
    assert [i.reason for i in items if isinstance(i, Reject)] == [
        "a symbolic link loop (too many levels of symbolic links)",
        f"a broken symbolic link (its target {str(tmp_path / 'missing.txt')!r} does not exist)"]


def test_an_extraction_that_raises_is_a_reject_not_the_end_of_the_batch(tmp_path: Path, extractor: object) -> None:
    # A Ukrainian weekday ("неділю", Sunday) once raised StopIteration inside the word-list dates.
    write_article(tmp_path, "a_uk", "У неділю Литва повідомила ООН про вихід з Оттавської конвенції про заборону "
                                    "протипіхотних мін. Рішення набуде чинності через шість місяців.",
                  title="Литва виходить", published="2025-06-29")
    write_article(tmp_path, "b_en", BODY)
    with Ledger.memory() as ledger:
        report = api.ingest([str(tmp_path)], ledger, extractor)  # type: ignore[arg-type]
        stored = {a["id"] for a in ledger.articles()}
    assert "b_en" in stored
    assert report.ingested + report.rejected == 2
    for reject in report.rejects:
        assert reject.reason.startswith("extraction failed")


# -- bounds ------------------------------------------------------------------------------------------


def test_special_files_are_refused_by_type_and_never_block(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    found: list[Article | Reject] = []
    reader = threading.Thread(target=lambda: found.extend(_read([str(fifo), "/dev/zero"])), daemon=True)
    reader.start()
    reader.join(10)
    assert not reader.is_alive(), "reading a FIFO blocked"
    assert [i.reason for i in found if isinstance(i, Reject)] == [
        "a FIFO (named pipe), not a regular file; not read", "a character device, not a regular file; not read"]


def test_gzip_bomb_warc_ends_with_a_short_reject(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.warc.gz"
    with gzip.open(bomb, "wb", compresslevel=9) as out:
        zeros = b"\0" * (1 << 20)
        for _ in range(30):
            out.write(zeros)
    (reject,) = _read([str(bomb)], max_bytes=1_000_000)
    assert isinstance(reject, Reject) and "a line of more than" in reject.reason and len(reject.reason) < 300


def test_a_long_line_without_a_sentence_end_is_rejected_quickly(tmp_path: Path) -> None:
    write_article(tmp_path, "long", " ".join(["treaty mines Lithuania withdraw convention"] * 500))
    started = time.monotonic()
    (reject,) = _read([str(tmp_path)])
    assert time.monotonic() - started < 5
    assert isinstance(reject, Reject) and "without a sentence end" in reject.reason and "max_line_chars" in reject.reason


class _Trickle(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 - the http.server name
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        try:
            for _ in range(60):
                self.wfile.write(b"<")
                self.wfile.flush()
                time.sleep(0.25)
        except OSError:
            pass

    def log_message(self, *args: object) -> None:
        pass


def test_a_server_trickling_bytes_is_cut_at_the_fetch_deadline() -> None:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Trickle)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        started = time.monotonic()
        (reject,) = _read([f"http://127.0.0.1:{server.server_address[1]}/page"], allow_private_addresses=True,
                          timeout=5.0, deadline=1.5, retries=0)
        assert time.monotonic() - started < 4
        assert isinstance(reject, Reject) and "1.5 s fetch deadline" in reject.reason
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize("name,value", [("max_article_bytes", "-5"), ("fetch_retries", "-1"), ("fetch_timeout", "-1"),
                                        ("fetch_timeout", "nan"), ("max_depth", "0"), ("max_line_chars", "1e99"),
                                        ("fetch_deadline", "0"), ("max_decompressed_bytes", "10")])
def test_absurd_settings_are_refused_with_a_message(name: str, value: str) -> None:
    with pytest.raises(TreatywatchError, match=name):
        load_settings(overrides={name: value}, environ={})


# -- the ledger under kills and concurrency ------------------------------------------------------------

_STORE = textwrap.dedent("""
    import sys
    from treatywatch import Ledger
    from treatywatch.ingest import parse_news_text
    ledger = Ledger(sys.argv[1])
    for i in range(40):
        text = f"Title {i}\\nWire\\n2025-06-28\\n\\nBody number {i} of the batch, about nothing much.\\n"
        ledger.add_article(parse_news_text(text.encode(), article_id=f"a{i}"), [])
    print(ledger.article_count())
""")


def test_two_processes_create_and_fill_one_ledger(tmp_path: Path) -> None:
    db = str(tmp_path / "shared.db")
    procs = [subprocess.Popen([sys.executable, "-c", _STORE, db], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True) for _ in range(2)]
    outs = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], [o[1][-500:] for o in outs]
    with Ledger(db) as ledger:
        assert ledger.article_count() == 40
        assert check_ledger(ledger) == []
        assert {s.state for s in status_as_of(ledger, "apmbc", ledger.record_table("apmbc")[1])  # type: ignore[index]
                if s.status == "party"} >= {"FRA", "DEU"}


def test_check_finds_and_fixes_a_ledger_left_wrong(tmp_path: Path) -> None:
    db = str(tmp_path / "l.db")
    Ledger(db).close()
    with Ledger(db) as ledger:  # what a kill between the table's rows and its events once left
        ledger.conn.execute("DELETE FROM events WHERE treaty = 'apmbc'")
        ledger.conn.execute("DELETE FROM imports WHERE treaty = 'cwc'")
        ledger.conn.commit()
    runner = CliRunner()
    found = runner.invoke(cli, ["check", "--db", db])
    assert found.exit_code == 1
    assert "bundled table" in found.output and "pairs of status tables have no events" in found.output
    fixed = runner.invoke(cli, ["check", "--fix", "--db", db])
    assert fixed.exit_code == 0, fixed.output
    assert runner.invoke(cli, ["check", "--db", db]).exit_code == 0
    status = runner.invoke(cli, ["status", "apmbc", "--state", "FRA", "--as-of", "2025-01-01", "--db", db])
    assert " party " in status.output


# -- registry files and the command line --------------------------------------------------------------


@pytest.mark.parametrize("old,new,field", [
    ("params = { months = 6 }", "params = { months = 99999999 }", "params.months"),
    ('aliases = [', 'aliases = ["X", ', "aliases[0]"),
    ("entry_into_force = ", "entry_into_force = 9999-01-01 # ", "entry_into_force"),
])
def test_registry_files_are_checked_for_ranges(tmp_path: Path, old: str, new: str, field: str) -> None:
    source = Path(__file__).parents[1] / "src" / "treatywatch" / "treaties" / "ccm.toml"
    text = source.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "ccm.toml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(TreatyFileError) as info:
        load_treaty(path)
    assert field in info.value.field


def test_cli_global_options_after_the_command_and_clear_errors(tmp_path: Path) -> None:
    db = str(tmp_path / "l.db")
    runner = CliRunner()
    after = runner.invoke(cli, ["status", "apmbc", "--state", "FRA", "--db", db, "--as-of", "2025-01-01"])
    assert after.exit_code == 0, after.output
    assert os.path.exists(db)
    count = runner.invoke(cli, ["--db", db, "count", "apmbc", "--from", "9999-01-01", "--to", "9999-12-31"])
    assert count.exit_code == 0 and "9999-12-01" in count.output
    export = runner.invoke(cli, ["--db", db, "export", "events", "-o", str(tmp_path / "no" / "x.csv")])
    assert export.exit_code == 1 and "does not exist" in export.output and "Traceback" not in export.output
    diff = runner.invoke(cli, ["--db", db, "diff", "apmbc", "--to", "2020-01-01", "--from", "2021-01-01"])
    assert diff.exit_code == 2 and "before --from" in diff.output
    timeline = runner.invoke(cli, ["--db", db, "timeline", "FRA", "--format", "json"])
    rows = json.loads(timeline.output)
    assert rows and all("date" in r for r in rows)
    assert [r["date"] for r in rows if r["treaty"] == "apmbc" and r["status"] == "party"] == ["1999-03-01"]


def test_a_rejected_event_can_be_confirmed_or_edited_again(tmp_path: Path) -> None:
    with Ledger.memory() as ledger:
        event = next(e for e in ledger.events(treaty="apmbc", state="FRA") if e.action == "ratified")
        assert review(ledger, event.id, "reject", "ana", "test") is None
        with pytest.raises(TreatywatchError, match="already rejected"):
            review(ledger, event.id, "reject", "ana", "again")
        restored = review(ledger, event.id, "confirm", "ana", "it was right")
        assert restored is not None and restored.reviewed == "confirmed"
        review(ledger, event.id, "reject", "ana", "test")
        edited = review(ledger, event.id, "edit", "ana", "depositary", date=event.date)
        assert edited is not None and edited.reviewed == "edited"
