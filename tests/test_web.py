"""The REST API, the dashboard's HTML, the feeds and the webhooks, called in-process (no server, no browser)."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import hmac
import http.server
import io
import json
import pathlib
import re
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Iterator
from typing import Any

import feedparser
import pytest
from fastapi.testclient import TestClient

import treatywatch
from treatywatch import Ledger, views
from treatywatch.alerts import SIGNATURE_HEADER, deliver_webhooks, verify
from treatywatch.ledger import change_marker
from treatywatch.rules import change_days
from treatywatch.status import timelines
from treatywatch.web import _Answers, create_app

from .conftest import SEED, WEB_TOKEN, web_settings

EVIL_PAGES_MARKERS = ("<script>window.__xss", '"><img src=x onerror')


@pytest.fixture(scope="module")
def client(web_db: pathlib.Path) -> Iterator[TestClient]:
    with TestClient(create_app(web_settings(web_db))) as c:
        yield c


@pytest.fixture
def own_db(web_db: pathlib.Path, tmp_path: pathlib.Path) -> pathlib.Path:
    """A copy of the demo ledger that one test may write to."""
    copy = tmp_path / "own.db"
    source, target = sqlite3.connect(web_db), sqlite3.connect(copy)
    source.backup(target)
    source.close()
    target.close()
    return copy


def _evil_event(client: TestClient) -> dict[str, Any]:
    events = client.get("/api/v1/events", params={"state": "MDA", "treaty": "apmbc", "source": "news"}).json()["events"]
    return next(e for e in events if e["action"] == "notified")


# -- REST API ------------------------------------------------------------------------------------
def test_web_status_as_of_json_and_csv(client: TestClient) -> None:
    data = client.get("/api/v1/treaties/apmbc/status", params={"as_of": "2026-01-15", "state": "LTU"}).json()
    assert [(s["state"], s["status"], s["numeric"]) for s in data["statuses"]] == [("LTU", "withdrawn", "440")]
    assert data["basis"].startswith("status table")
    before = client.get("/api/v1/treaties/apmbc/status", params={"as_of": "2024-01-01"}).json()
    assert {s["state"]: s["status"] for s in before["statuses"]}["LTU"] == "party"
    response = client.get("/api/v1/treaties/apmbc/status", params={"as_of": "2026-01-15", "format": "csv"})
    assert response.headers["content-type"].startswith("text/csv")
    rows = {r["state"]: r for r in csv.DictReader(io.StringIO(response.text))}
    assert rows["LTU"]["status"] == "withdrawn" and rows["FIN"]["status"] == "withdrawn"


def test_web_count_diff_timeline(client: TestClient) -> None:
    counts = client.get("/api/v1/treaties/apmbc/count",
                        params={"from": "2025-11-01", "to": "2026-03-01", "every": "month"}).json()["counts"]
    bound = [c["bound"] for c in counts]
    assert len(bound) == 5 and bound[0] > bound[-1]
    diff = client.get("/api/v1/treaties/apmbc/diff", params={"from": "2025-01-01", "to": "2026-02-01"}).json()
    assert {"LTU", "LVA", "EST", "FIN"} <= {s["state"] for s in diff["left"]}
    timeline = client.get("/api/v1/states/LTU/timeline").json()
    assert any(s["treaty"] == "apmbc" and s["status"] == "withdrawn" for s in timeline["timeline"])


def test_web_events_filters_and_pages(client: TestClient) -> None:
    first = client.get("/api/v1/events", params={"treaty": "apmbc", "limit": 5}).json()
    assert first["total"] > 100 and len(first["events"]) == 5 and first["next_offset"] == 5
    second = client.get("/api/v1/events", params={"treaty": "apmbc", "limit": 5, "offset": 5}).json()
    assert not {e["id"] for e in first["events"]} & {e["id"] for e in second["events"]}
    news = client.get("/api/v1/events", params={"state": "LTU", "treaty": "apmbc", "source": "news", "action": "notified"}).json()
    assert [e["id"] for e in news["events"]] == ["LTU-apmbc-notified-2025-06-27"]
    dated = client.get("/api/v1/events", params={"since": "2025-06-01", "until": "2025-06-30", "limit": 500}).json()
    assert all("2025-06-01" <= (e["date"] or e["bound"]) <= "2025-06-30" for e in dated["events"])


def test_web_event_has_evidence_sources_and_audit(client: TestClient) -> None:
    data = client.get("/api/v1/events/LTU-apmbc-notified-2025-06-27").json()
    assert data["event"]["state"] == "LTU"
    kinds = {s["kind"] for s in data["sources"]}
    assert "record" in kinds and "independent" in kinds
    news = [c for c in data["evidence"] if not c["article"].startswith("status:")]
    assert news
    for claim in news:
        article = client.get(f"/api/v1/articles/{claim['article']}").json()
        span = claim["evidence"]
        assert article["text"][span["start"]:span["end"]] == span["text"]
    assert data["evidence"] and isinstance(data["audit"], list)


def test_web_other_resources(client: TestClient) -> None:
    assert len(client.get("/api/v1/treaties").json()["treaties"]) >= 21
    assert client.get("/api/v1/treaties/apmbc").json()["leaving"]["rule"]
    assert client.get("/api/v1/claims", params={"state": "LTU", "treaty": "apmbc"}).json()["claims"]
    assert "quotes" in client.get("/api/v1/quotes", params={"state": "LTU"}).json()
    assert client.get("/api/v1/statements", params={"state": "EST"}).json()["statements"]
    assert "rejects" in client.get("/api/v1/rejects").json()
    assert "events" in client.get("/api/v1/reviews").json()
    assert "audit" in client.get("/api/v1/audit").json()
    assert client.get("/api/v1/articles", params={"q": "Ottawa"}).json()["total"] > 0
    kinds = {d["kind"] for d in client.get("/api/v1/treaties/apmbc/reconcile").json()["discrepancies"]}
    assert kinds <= {"news_ahead", "dates_differ", "record_only"} and kinds
    assert client.get("/api/v1/openapi.json").json()["paths"]


def test_web_errors_are_problem_json(client: TestClient) -> None:
    for url, status in [("/api/v1/treaties/nosuch/status", 404), ("/api/v1/events/nosuch", 404),
                        ("/api/v1/treaties/apmbc/status?as_of=2026-13-45", 422),
                        ("/api/v1/treaties/apmbc/count?from=2026-01-01&to=2020-01-01", 400),
                        ("/api/v1/nothing-here", 404)]:
        response = client.get(url)
        assert response.status_code == status, url
        assert response.headers["content-type"] == "application/problem+json", url
        body = response.json()
        assert body["status"] == status and body["title"] and body["detail"], url
    assert "Known: " in client.get("/api/v1/treaties/nosuch").json()["detail"]


# -- writes: token ---------------------------------------------------------------------------------
def test_web_writes_need_the_token(client: TestClient) -> None:
    review = {"verdict": "confirm", "by": "tester", "reason": "record"}
    article = {"title": "t", "text": "x"}
    for url, body in [("/api/v1/events/LVA-apmbc-notified-2025-06-27/review", review), ("/api/v1/articles", article)]:
        missing = client.post(url, json=body)
        assert missing.status_code == 401 and missing.headers["content-type"] == "application/problem+json"
        assert missing.headers["www-authenticate"] == "Bearer"
        wrong = client.post(url, json=body, headers={"Authorization": "Bearer wrong"})
        assert wrong.status_code == 403 and wrong.headers["content-type"] == "application/problem+json"


def test_web_review_with_token_is_audited(client: TestClient) -> None:
    event_id = "LVA-apmbc-notified-2025-06-27"
    response = client.post(f"/api/v1/events/{event_id}/review", headers={"Authorization": f"Bearer {WEB_TOKEN}"},
                           json={"verdict": "confirm", "by": "api-tester", "reason": "UN depositary notification"})
    assert response.status_code == 200, response.text
    assert response.json()["event"]["reviewed"] == "confirmed"
    audit = client.get("/api/v1/audit", params={"event": event_id}).json()["audit"]
    assert audit[-1]["by"] == "api-tester" and audit[-1]["verb"] == "confirm"


def test_web_ingest_with_token(tmp_path: pathlib.Path) -> None:
    """An ingest through the API shows in the next read, although that read was answered (and kept) before."""
    db = tmp_path / "ingest.db"
    with TestClient(create_app(web_settings(db, baseline=False))) as c:
        text = SEED.read_text(encoding="utf-8").split("\n\n", 1)[1]
        assert c.get("/api/v1/events", params={"state": "LTU"}).json()["total"] == 0
        assert c.get("/api/v1/states/LTU/timeline").json()["events"] == []
        response = c.post("/api/v1/articles", headers={"Authorization": f"Bearer {WEB_TOKEN}"},
                          json={"title": "Lithuania quits mine ban", "text": text, "published": "2025-06-28T12:00:00+00:00",
                                "source": "Test Wire"})
        assert response.status_code == 201, response.text
        body = response.json()
        assert body["ingested"] == 1 and body["claims"] >= 1
        assert {c["event"]["state"] for c in body["changes"]} >= {"LTU"}
        assert c.get("/api/v1/events", params={"state": "LTU"}).json()["total"] >= 1
        assert c.get("/api/v1/states/LTU/timeline").json()["events"]


# -- answers kept while the ledger is unchanged ---------------------------------------------------
LTU_LEAVES = ("LTU-apmbc-notified-2025-06-27", "LTU-apmbc-took_effect-2025-12-27")


def _ltu(c: TestClient, day: str) -> str:
    statuses = c.get("/api/v1/treaties/apmbc/status", params={"as_of": day}).json()["statuses"]
    return str(next(s["status"] for s in statuses if s["state"] == "LTU"))


def test_web_status_kept_by_period_is_the_answer_of_each_day(client: TestClient, web_db: pathlib.Path) -> None:
    """A status answer kept for a stretch of unchanged statuses serves each of its days exactly as
    the view computes that day: checked on every change day since 2017, the day before each and a
    day in the middle of each stretch (asked twice, so the second comes from the store)."""
    with Ledger(web_db) as led:
        days = [d for d in change_days(timelines(led, "apmbc").values()) if d.year >= 2017]
        asked = sorted({x for a, b in zip(days, days[1:]) for x in (a, a - dt.timedelta(days=1), a + (b - a) / 2)})
        for day in asked + asked[::-1]:
            answer = client.get("/api/v1/treaties/apmbc/status", params={"as_of": day.isoformat()})
            assert answer.json() == views.status(led, "apmbc", day), day
    assert len(asked) > 30


def test_web_answers_follow_reviews_through_the_api(own_db: pathlib.Path) -> None:
    """Answers read (and kept) before a review show the review on the very next read."""
    with TestClient(create_app(web_settings(own_db))) as c:
        auth = {"Authorization": f"Bearer {WEB_TOKEN}"}
        pair = {"state": "LTU", "treaty": "apmbc"}
        for _ in range(2):
            assert _ltu(c, "2026-01-15") == "withdrawn" and _ltu(c, "2025-09-01") == "withdrawing"
            assert c.get(f"/api/v1/events/{LTU_LEAVES[0]}").json()["event"]["reviewed"] is None
            assert set(LTU_LEAVES) <= {e["id"] for e in c.get("/api/v1/events", params=pair).json()["events"]}
            assert {e["id"] for e in c.get("/api/v1/states/LTU/timeline").json()["events"]} >= set(LTU_LEAVES)
        for event_id in LTU_LEAVES:
            response = c.post(f"/api/v1/events/{event_id}/review", headers=auth,
                              json={"verdict": "reject", "by": "cache-tester", "reason": "test"})
            assert response.status_code == 200, response.text
        assert _ltu(c, "2026-01-15") == "party" and _ltu(c, "2025-09-01") == "party"
        gone = c.get(f"/api/v1/events/{LTU_LEAVES[0]}").json()
        assert gone["event"] is None and gone["audit"][-1]["verb"] == "reject"
        assert not set(LTU_LEAVES) & {e["id"] for e in c.get("/api/v1/events", params=pair).json()["events"]}
        assert not set(LTU_LEAVES) & {e["id"] for e in c.get("/api/v1/states/LTU/timeline").json()["events"]}


def test_web_answers_follow_writes_by_another_process(own_db: pathlib.Path) -> None:
    """A review made by the CLI in another process, while the server runs, shows on the next read."""
    with TestClient(create_app(web_settings(own_db))) as c:
        assert c.get(f"/api/v1/events/{LTU_LEAVES[0]}").json()["event"]["reviewed"] is None
        assert _ltu(c, "2025-09-01") == "withdrawing"
        subprocess.run([sys.executable, "-m", "treatywatch", "--db", str(own_db), "review", "edit", LTU_LEAVES[0],
                        "--date", "2025-08-01", "--by", "cli-tester", "--reason", "test"], check=True, capture_output=True)
        edited = c.get(f"/api/v1/events/{LTU_LEAVES[0]}").json()["event"]
        assert (edited["reviewed"], edited["date"]) == ("edited", "2025-08-01")
        assert _ltu(c, "2025-07-15") == "party" and _ltu(c, "2025-09-01") == "withdrawing"


def test_web_answer_built_while_a_commit_lands_is_not_kept(own_db: pathlib.Path) -> None:
    answers = _Answers(change_marker(str(own_db)))
    built: list[str] = []

    def build() -> bytes:
        built.append("x")
        if len(built) == 1:  # while the first answer is built, another connection commits and another request reads
            with Ledger(own_db) as other:
                other.set_meta("test.touched", "1")
            assert answers.get(lambda: "other", lambda: b"0") == b"0"
        return json.dumps(len(built)).encode()

    assert [answers.get(lambda: "key", build) for _ in range(3)] == [b"1", b"2", b"2"]
    assert change_marker(":memory:") is None
    assert _Answers(None).get(lambda: "key", build) == b"3"  # no marker: always built afresh


# -- HTML: escaping and CSRF ---------------------------------------------------------------------
def test_web_stored_markup_is_escaped_on_every_page(client: TestClient) -> None:
    event = _evil_event(client)
    article = event["news_sources"][0]
    pages = ["/", f"/events/{event['id']}", f"/articles/{article}", "/search?q=Moldova", "/states/MDA",
             "/treaties/apmbc?date=2025-08-01", "/treaties/apmbc/table?date=2025-08-01"]
    shown = 0
    for url in pages:
        html = client.get(url).text
        for marker in EVIL_PAGES_MARKERS:
            assert marker not in html, (url, marker)
        if "&lt;script&gt;window.__xss" in html:
            shown += 1
    assert shown >= 3  # the event, article and search pages show the title and text, escaped
    api = client.get(f"/api/v1/events/{event['id']}").json()
    assert "<script>" in json.dumps(api)  # JSON keeps the text as stored; it is data, not markup


def test_web_pages_render(client: TestClient) -> None:
    for url in ["/", "/treaties", "/treaties/apmbc", "/states/LTU", "/events/LTU-apmbc-notified-2025-06-27",
                "/search?q=Lithuania", "/api/v1/docs"]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert "text/html" in response.headers["content-type"]
        assert "default-src 'self'" in response.headers["content-security-policy"]
        assert not re.search(r"""(src|href)=["']https?://""", response.text), url
    assert client.get("/events/nosuch").status_code == 404
    assert client.get("/treaties/apmbc?date=yesterday").status_code == 400


def test_web_review_form_is_protected(client: TestClient) -> None:
    event_id = "EST-apmbc-notified-2025-06-27"
    page = client.get(f"/events/{event_id}")
    token = re.search(r'name="csrf" value="([^"]+)"', page.text)
    assert token is not None
    form = {"verdict": "confirm", "by": "form-tester", "reason": "depositary", "token": WEB_TOKEN}
    no_csrf = client.post(f"/events/{event_id}/review", data=form, follow_redirects=False)
    assert no_csrf.status_code == 403
    wrong = client.post(f"/events/{event_id}/review", data={**form, "csrf": "forged"}, follow_redirects=False)
    assert wrong.status_code == 403
    other_site = client.post(f"/events/{event_id}/review", data={**form, "csrf": token.group(1)},
                             headers={"Origin": "https://evil.example"}, follow_redirects=False)
    assert other_site.status_code == 403
    no_token = client.post(f"/events/{event_id}/review", data={**form, "csrf": token.group(1), "token": ""},
                           follow_redirects=False)
    assert no_token.status_code == 401
    ok = client.post(f"/events/{event_id}/review", data={**form, "csrf": token.group(1)}, follow_redirects=False)
    assert ok.status_code == 303
    assert "form-tester" in client.get(ok.headers["location"]).text


# -- feeds -----------------------------------------------------------------------------------------
def test_web_atom_feeds_parse_and_link_to_live_event_pages(client: TestClient) -> None:
    for url in ["/feeds/events.atom", "/feeds/treaties/apmbc.atom", "/feeds/states/LTU.atom"]:
        response = client.get(url)
        assert response.headers["content-type"].startswith("application/atom+xml")
        feed = feedparser.parse(response.content)
        assert not feed.bozo, (url, feed.get("bozo_exception"))
        assert feed.feed.title.startswith("treatywatch")
        assert feed.entries, url
        for entry in feed.entries[:10]:
            path = entry.link.removeprefix("http://testserver")
            assert path.startswith("/events/")
            assert client.get(path).status_code == 200, entry.link
    ltu = feedparser.parse(client.get("/feeds/states/LTU.atom").content)
    assert all("LTU" in e.title for e in ltu.entries)


# -- webhooks --------------------------------------------------------------------------------------
class _Receiver:
    """A loopback HTTP server that records every POST; it answers ``fail_first`` of them with 500."""

    def __init__(self, fail_first: int = 0) -> None:
        self.posts: list[tuple[dict[str, str], bytes]] = []
        self.fail_first = fail_first
        receiver = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["Content-Length"]))
                receiver.posts.append(({k.lower(): v for k, v in self.headers.items()}, body))
                code = 500 if len(receiver.posts) <= receiver.fail_first else 200
                self.send_response(code)
                self.end_headers()

            def log_message(self, *args: object) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def test_web_webhook_gets_one_signed_post_per_new_event(tmp_path: pathlib.Path, extractor: treatywatch.Extractor) -> None:
    receiver = _Receiver()
    try:
        with Ledger(tmp_path / "hooks.db", baseline=False) as led:
            hook = led.add_webhook(receiver.url, "s3cret")
            treatywatch.ingest([str(SEED)], led, extractor)
            new = [c for c in led.changes(limit=1000, newest_first=False) if c["kind"] == "new"]
            assert new
            results = deliver_webhooks(led, base_url="http://127.0.0.1:8000", backoff=0)
            assert all(r.ok and r.attempts == 1 for r in results)
            assert len(receiver.posts) == len(new) == len(led.events())
            for headers, body in receiver.posts:
                assert verify("s3cret", body, headers[SIGNATURE_HEADER.lower()])
                expected = "sha256=" + hmac.new(b"s3cret", body, hashlib.sha256).hexdigest()
                assert headers[SIGNATURE_HEADER.lower()] == expected
            assert sorted(json.loads(b)["event"]["id"] for _, b in receiver.posts) == sorted(e.id for e in led.events())
            assert deliver_webhooks(led) == []  # nothing new: nothing sent again
            assert len(led.deliveries(hook["id"])) == len(new)
    finally:
        receiver.close()


def test_web_webhook_retried_until_the_third_try(tmp_path: pathlib.Path, extractor: treatywatch.Extractor) -> None:
    receiver = _Receiver(fail_first=2)
    waits: list[float] = []
    try:
        with Ledger(tmp_path / "retry.db", baseline=False) as led:
            hook = led.add_webhook(receiver.url, "k", state="LTU")
            treatywatch.ingest([str(SEED)], led, extractor)
            results = deliver_webhooks(led, retries=3, backoff=0.5, sleep=waits.append)
            first = results[0]
            assert first.ok and first.attempts == 3
            assert waits[:2] == [0.5, 1.0]  # backoff doubles
            bodies = [json.loads(b) for _, b in receiver.posts[:3]]
            assert bodies[0] == bodies[1] == bodies[2] and bodies[0]["event"]["state"] == "LTU"
            log = list(reversed(led.deliveries(hook["id"])))
            assert [(d["attempt"], d["ok"], d["status"]) for d in log[:3]] == [(1, False, 500), (2, False, 500), (3, True, 200)]
            assert all(json.loads(b)["event"]["state"] == "LTU" for _, b in receiver.posts)
    finally:
        receiver.close()


def test_web_webhooks_cli(tmp_path: pathlib.Path) -> None:
    from click.testing import CliRunner

    from treatywatch.cli import cli

    db = str(tmp_path / "cli.db")
    runner = CliRunner()
    added = runner.invoke(cli, ["--db", db, "--no-baseline", "webhooks", "add", "http://127.0.0.1:9/x", "--treaty", "apmbc"])
    assert added.exit_code == 0, added.output
    assert "secret: " in added.output
    listed = runner.invoke(cli, ["--db", db, "webhooks", "list"])
    assert "http://127.0.0.1:9/x" in listed.output and "apmbc" in listed.output
    assert runner.invoke(cli, ["--db", db, "webhooks", "add", "ftp://x"]).exit_code != 0
    assert runner.invoke(cli, ["--db", db, "webhooks", "remove", "1"]).exit_code == 0
    assert runner.invoke(cli, ["--db", db, "webhooks", "remove", "1"]).exit_code != 0
