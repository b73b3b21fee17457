"""Fetching, feeds, watch, robustness: a real HTTP server on 127.0.0.1 (in a thread) serves the
files each test writes and counts the requests; nothing leaves the machine."""

import hashlib
import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest
from click.testing import CliRunner

from treatywatch import Article, Ledger, Reject, read_articles
from treatywatch.api import ingest, poll_feeds
from treatywatch.cli import cli
from treatywatch.errors import InputError
from treatywatch.ingest import read_feed_list
from treatywatch.sources import Fetcher, ReadOptions, check_url

from .conftest import write_article
from .test_ingest import news_page

LOCAL = ReadOptions(allow_private_addresses=True, timeout=5, retries=2, backoff=0.01)
LAST_MODIFIED = "Sat, 28 Jun 2025 15:00:00 GMT"


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a client that timed out and hung up is part of the tests


class Site:
    """Files served over HTTP on 127.0.0.1; counts requests per path; answers conditional
    requests (If-None-Match / If-Modified-Since) with 304 unless ``conditional`` is off."""

    def __init__(self) -> None:
        self.files: dict[str, tuple[bytes, str]] = {}
        self.redirects: dict[str, str] = {}
        self.hits: Counter[str] = Counter()
        self.not_modified: Counter[str] = Counter()
        self.fail: Counter[str] = Counter()  # path -> 503 answers still to give
        self.delay: dict[str, float] = {}
        self.conditional = True
        self.server = QuietServer(("127.0.0.1", 0), _handler(self))
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def add(self, path: str, body: str | bytes, ctype: str = "text/html; charset=utf-8") -> str:
        self.files[path] = (body.encode("utf-8") if isinstance(body, str) else body, ctype)
        return self.url + path

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            path = self.path
            site.hits[path] += 1
            if path in site.delay:
                time.sleep(site.delay[path])
            if site.fail[path] > 0:
                site.fail[path] -= 1
                return self._answer(503, b"")
            if path in site.redirects:
                self.send_response(302)
                self.send_header("Location", site.redirects[path])
                self.send_header("Content-Length", "0")
                self.end_headers()
                return None
            if path not in site.files:
                return self._answer(404, b"not found")
            body, ctype = site.files[path]
            etag = '"%s"' % hashlib.sha1(body).hexdigest()[:16]
            if site.conditional and (self.headers.get("If-None-Match") == etag
                                     or (self.headers.get("If-None-Match") is None
                                         and self.headers.get("If-Modified-Since") == LAST_MODIFIED)):
                site.not_modified[path] += 1
                self.send_response(304)
                self.send_header("ETag", etag)
                self.end_headers()
                return None
            extra = {"ETag": etag, "Last-Modified": LAST_MODIFIED} if site.conditional else {}
            return self._answer(200, body, ctype, extra)

        def _answer(self, status: int, body: bytes, ctype: str = "text/plain", extra: dict | None = None) -> None:
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            for key, value in (extra or {}).items():
                self.send_header(key, value)
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    return Handler


@pytest.fixture
def site():
    s = Site()
    yield s
    s.close()


PAGES = {
    "lithuania": ("Lithuania leaves the mine ban treaty", "2025-06-28T17:43:00+03:00",
                  "Lithuania notified the UN Secretary-General of its withdrawal from the Ottawa Convention on "
                  "27 June 2025. The withdrawal takes effect six months after the notification is received."),
    "estonia": ("Estonia files its withdrawal", "2025-06-28T11:20:00+03:00",
                "Estonia notified the UN Secretary-General of its withdrawal from the Ottawa Convention on "
                "27 June 2025. Foreign Minister Margus Tsahkna said the security situation had changed."),
}
FINLAND = ("Finland deposited its notification of withdrawal from the Ottawa Convention with the UN "
           "Secretary-General on 10 July 2025.")


def serve_feed(site: Site) -> str:
    """An RSS feed: two summary-only entries (their pages are served) and one with full content."""
    for name, (title, published, body) in PAGES.items():
        site.add(f"/news/{name}.html", news_page(title, published, body))
    items = "".join(
        f"<item><title>{title}</title><link>{site.url}/news/{name}.html</link>"
        f"<description>Short teaser about {name}.</description><pubDate>Sat, 28 Jun 2025 08:00:00 +0000</pubDate></item>"
        for name, (title, _, _) in PAGES.items())
    items += (f"<item><title>Finland deposits withdrawal</title><link>{site.url}/news/finland.html</link>"
              f"<content:encoded><![CDATA[<p>{FINLAND}</p><p>It takes effect in January.</p>]]></content:encoded>"
              "<pubDate>Fri, 11 Jul 2025 06:00:00 +0000</pubDate></item>")
    rss = ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0" '
           'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Treaty Wire</title>'
           f"<link>{site.url}/</link><description>d</description>{items}</channel></rss>")
    return site.add("/feed.xml", rss, "application/rss+xml; charset=utf-8")


def snapshot(db) -> tuple:
    with Ledger(db, baseline=False) as ledger:
        return (sorted(a["id"] for a in ledger.articles()), len(ledger.claims()),
                [e.to_dict() for e in ledger.events()], ledger.rejects())


def test_sources_watch_once_twice_second_poll_fetches_nothing_new(site, tmp_path):
    feed = serve_feed(site)
    feeds = tmp_path / "feeds.txt"
    feeds.write_text(f"# treaty news\n{feed}   # the wire\n\n", encoding="utf-8")
    db = tmp_path / "watch.db"
    args = ["--db", str(db), "--no-baseline", "--set", "allow_private_addresses=true", "watch", str(feeds), "--once"]

    first = CliRunner().invoke(cli, args, catch_exceptions=False)
    assert first.exit_code == 0, first.output
    new = [line for line in first.stdout.splitlines() if line.startswith("new event ")]
    assert any("LTU-apmbc-notified-2025-06-27" in line for line in new), first.stdout
    assert any("EST-apmbc-notified-2025-06-27" in line for line in new)
    assert any("FIN-apmbc-notified-2025-07-10" in line for line in new)
    assert "watch ended: 1 poll(s): ingested 3, rejected 0" in first.stderr
    assert (site.hits["/feed.xml"], site.hits["/news/lithuania.html"], site.hits["/news/estonia.html"]) == (1, 1, 1)
    assert site.hits["/news/finland.html"] == 0  # full content in the feed: the page is not fetched
    before = snapshot(db)
    assert before[0] == sorted([f"{site.url}/news/lithuania.html", f"{site.url}/news/estonia.html",
                                f"{site.url}/news/finland.html"])

    second = CliRunner().invoke(cli, args, catch_exceptions=False)
    assert second.exit_code == 0, second.output
    assert "new event" not in second.stdout
    assert "ingested 0, rejected 0" in second.stderr and "0 new event(s)" in second.stderr
    assert site.hits["/feed.xml"] == 2 and site.not_modified["/feed.xml"] == 1  # conditional request: 304
    assert (site.hits["/news/lithuania.html"], site.hits["/news/estonia.html"]) == (1, 1)
    assert snapshot(db) == before


def test_sources_poll_skips_links_already_ingested_when_server_ignores_validators(site, tmp_path):
    site.conditional = False
    feed = serve_feed(site)
    with Ledger(tmp_path / "p.db", baseline=False) as ledger:
        first = poll_feeds([feed], ledger, options=LOCAL)
        assert first.report.ingested == 3 and len(first.new_events) >= 3
        second = poll_feeds([feed], ledger, options=LOCAL)
        assert (second.report.ingested, second.report.skipped_links, second.new_events) == (0, 3, [])
        assert ledger.fetch_validators(feed) == (None, None)
    assert site.hits["/feed.xml"] == 2 and site.not_modified["/feed.xml"] == 0
    assert (site.hits["/news/lithuania.html"], site.hits["/news/estonia.html"]) == (1, 1)


def test_sources_poll_stopped_midway_keeps_no_validators_and_rerun_finishes(site, tmp_path, extractor):
    feed = serve_feed(site)
    stop = threading.Event()
    with Ledger(tmp_path / "s.db", baseline=False) as ledger:
        report = ingest([feed], ledger, extractor, on_item=lambda item: stop.set(), options=LOCAL, feeds=True,
                        stop=stop)
        assert report.stopped and report.ingested == 1
        assert ledger.fetch_validators(feed) == (None, None)  # the next poll must read the feed again
        rest = ingest([feed], ledger, extractor, options=LOCAL, feeds=True)
        assert (rest.ingested, rest.skipped_links) == (2, 1)
        assert ledger.article_count() == 3
        assert ledger.fetch_validators(feed)[0] is not None
    assert site.hits["/news/lithuania.html"] == 1


def test_sources_page_by_url_is_an_article_with_url_id(site):
    title, published, body = PAGES["lithuania"]
    url = site.add("/news/lithuania.html", news_page(title, published, body))
    (article,) = list(read_articles([url], options=LOCAL))
    assert isinstance(article, Article)
    assert article.id == article.url == url
    assert (article.title, article.source, article.published.isoformat()) == (title, "Wire", published)


def test_sources_feed_entry_page_failing_is_rejected_and_others_kept(site):
    feed = serve_feed(site)
    del site.files["/news/estonia.html"]
    items = list(read_articles([feed], options=LOCAL))
    assert sorted(a.id.rsplit("/", 1)[1] for a in items if isinstance(a, Article)) == ["finland.html", "lithuania.html"]
    (reject,) = [r for r in items if isinstance(r, Reject)]
    assert reject.source == f"{site.url}/news/estonia.html" and reject.reason == "HTTP 404 Not Found"


def test_sources_retries_with_exponential_backoff(site):
    url = site.add("/flaky.html", "<html><body><p>Hello</p></body></html>")
    site.fail["/flaky.html"] = 2
    waits: list[float] = []
    with Fetcher(ReadOptions(allow_private_addresses=True, retries=3, backoff=0.5), sleep=waits.append) as fetcher:
        assert fetcher.fetch(url).status == 200
        assert waits == [0.5, 1.0] and site.hits["/flaky.html"] == 3
        site.fail["/flaky.html"] = 10
        with pytest.raises(InputError, match=r"HTTP 503 Service Unavailable \(gave up after 4 attempts\)"):
            fetcher.fetch(url)
    assert waits[2:] == [0.5, 1.0, 2.0]
    assert ReadOptions(backoff=1, max_backoff=30).delay(10) == 30  # bounded


def test_sources_timeout_is_retried_then_reported(site):
    url = site.add("/slow.html", "<html><body><p>late</p></body></html>")
    site.delay["/slow.html"] = 1.5
    options = ReadOptions(allow_private_addresses=True, timeout=0.2, retries=1, backoff=0.01)
    (item,) = list(read_articles([url], options=options))
    assert isinstance(item, Reject) and "timed out after 0.2 s" in item.reason and "2 attempts" in item.reason
    assert site.hits["/slow.html"] == 2


def test_sources_fetched_page_over_size_limit(site):
    url = site.add("/big.html", "<html><body><p>" + "word " * 400 + "</p></body></html>")
    (item,) = list(read_articles([url], options=ReadOptions(allow_private_addresses=True, max_bytes=1000)))
    assert isinstance(item, Reject) and "bytes; the limit is" in item.reason


def test_sources_refuses_file_urls_and_private_addresses_before_connecting(site, tmp_path):
    sent: list[httpx.Request] = []
    transport = httpx.MockTransport(lambda request: sent.append(request) or httpx.Response(200, text="x"))
    with Fetcher(ReadOptions(), transport=transport) as fetcher:  # allow_private_addresses is false
        for url, words in [("http://10.0.0.1/", "10.0.0.1, a private address"),
                           ("http://192.168.1.20/feed", "a private address"),
                           ("https://169.254.169.254/latest/meta-data/", "a link-local address"),
                           ("http://[::1]:8080/", "a loopback address"),
                           ("http://127.0.0.1/", "a loopback address"),
                           ("file:///etc/passwd", "only http and https"),
                           ("ftp://example.org/x", "only http and https")]:
            with pytest.raises(InputError, match=words):
                fetcher.fetch(url)
    assert sent == []  # refused before any connection
    (item,) = list(read_articles([site.url.replace("127.0.0.1", "localhost") + "/x.html"]))
    assert isinstance(item, Reject) and "loopback" in item.reason and "allow_private_addresses" in item.reason
    (item,) = list(read_articles(["file:///etc/passwd"]))
    assert isinstance(item, Reject) and "only http and https URLs are fetched" in item.reason
    assert sum(site.hits.values()) == 0


def test_sources_private_after_dns_and_redirects_are_checked(site):
    def resolve(host, port, **kw):
        return [(2, 1, 6, "", ("10.1.2.3", port))]

    with pytest.raises(InputError, match="'intranet.example' is 10.1.2.3, a private address"):
        check_url("http://intranet.example/feed", resolve=resolve)
    check_url("http://intranet.example/feed", allow_private=True, resolve=resolve)
    site.redirects["/go"] = "file:///etc/passwd"
    (item,) = list(read_articles([site.url + "/go"], options=LOCAL))
    assert isinstance(item, Reject) and "only http and https" in item.reason


def test_sources_feed_list_comments_and_blank_lines(tmp_path):
    path = tmp_path / "feeds.txt"
    path.write_text("# news\nhttps://a.example/rss  # wire\n\n   \nfeeds/local.xml\n#https://off.example\n",
                    encoding="utf-8")
    assert read_feed_list(path) == ["https://a.example/rss", str(tmp_path / "feeds" / "local.xml")]


def test_sources_watch_duration_option(tmp_path):
    feeds = tmp_path / "feeds.txt"
    feeds.write_text("", encoding="utf-8")
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "d.db"), "watch", str(feeds), "--every", "soon"])
    assert result.exit_code == 2 and "use e.g. 30s, 15m, 1h" in result.output


def test_sources_watch_stops_cleanly_on_sigint(site, tmp_path):
    feed = serve_feed(site)
    feeds = tmp_path / "feeds.txt"
    feeds.write_text(feed + "\n", encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "treatywatch", "--db", str(tmp_path / "w.db"), "--no-baseline", "--set",
         "allow_private_addresses=true", "watch", str(feeds), "--every", "1h"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while site.hits["/news/estonia.html"] == 0 and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.5)  # the poll finishes storing; then the watch waits for the next poll
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    assert "watch ended: 1 poll(s): ingested 3, rejected 0" in err
    assert "new event LTU-apmbc-notified-2025-06-27" in out


def test_sources_mixed_corpus_stores_valid_and_lists_broken(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    good = {"title": "Latvia votes", "source": "LSM", "published": "2025-04-16T20:00:00+03:00",
            "text": "The Latvian parliament voted on 16 April 2025 to withdraw from the Ottawa Convention."}
    write_article(corpus, "good_text", "Estonia notified the UN Secretary-General of its withdrawal.")
    (corpus / "good_page.html").write_text(news_page(*PAGES["lithuania"]), encoding="utf-8")
    (corpus / "good_one.json").write_text(json.dumps(good), encoding="utf-8")
    (corpus / "lines.jsonl").write_text("\n".join([
        json.dumps({**good, "title": "First line"}), '{"title": "cut', json.dumps({**good, "title": "Third line"}),
        "[1, 2]", json.dumps({**good, "title": "Fifth", "published": "when?"})]) + "\n", encoding="utf-8")
    (corpus / "binary.txt").write_bytes(os.urandom(4096) + b"\x00\x00")
    (corpus / "image.html").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + os.urandom(512))
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "empty.html").write_bytes(b"   \n")
    (corpus / "truncated.html").write_text(news_page(*PAGES["estonia"])[:420], encoding="utf-8")
    (corpus / "broken.json").write_text('{"title": "x", "text": ', encoding="utf-8")
    (corpus / "broken.warc.gz").write_bytes(b"\x1f\x8b\x08\x00 not really gzip")
    with (corpus / "huge.html").open("wb") as handle:
        chunk = b"<p>" + b"filler words " * 1000 + b"</p>\n"
        while handle.tell() < 50_000_000:
            handle.write(chunk)
    db = tmp_path / "mixed.db"
    run = subprocess.run([sys.executable, "-m", "treatywatch", "--db", str(db), "--no-baseline", "ingest", str(corpus)],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 1, run.stderr
    assert "ingested 5, rejected 11" in run.stderr
    with Ledger(db, baseline=False) as ledger:
        assert sorted(a["id"] for a in ledger.articles()) == ["good_one", "good_page", "good_text", "lines#1", "lines#3"]
    listed = subprocess.run([sys.executable, "-m", "treatywatch", "--db", str(db), "rejects"],
                            capture_output=True, text=True, timeout=60).stdout.splitlines()
    rejects = dict(line.split("\t", 1) for line in listed)
    expected = {
        "binary.txt": "binary file", "image.html": "binary file", "empty.txt": "empty file",
        "empty.html": "empty file", "truncated.html": "truncated HTML", "broken.json": "not valid JSON",
        "broken.warc.gz": "not a WARC file", "huge.html": "file is 50,0", "lines.jsonl:2": "not valid JSON",
        "lines.jsonl:4": "expected a JSON object", "lines.jsonl:5": "cannot read the publication date",
    }
    assert len(rejects) == len(expected)
    for name, reason in expected.items():
        source = str(corpus / name)
        assert source in rejects and reason in rejects[source], (name, rejects.get(source))


COUNTRIES = {"Lithuania": "LTU", "Estonia": "EST", "Latvia": "LVA", "Finland": "FIN", "Poland": "POL",
             "Ukraine": "UKR", "Norway": "NOR", "Sweden": "SWE", "Denmark": "DNK", "Ireland": "IRL"}


def test_sources_kill_halfway_then_rerun_stores_every_article_once(tmp_path):
    corpus = tmp_path / "many"
    corpus.mkdir()
    countries = list(COUNTRIES)
    for i in range(2000):
        if i % 200 == 7:  # ten articles about treaty acts, spread over the run
            country = countries[i // 200]
            body = (f"{country} notified the UN Secretary-General of its withdrawal from the Ottawa Convention "
                    f"on {1 + i // 200} June 2025. Report number {i}.")
        else:
            body = f"The city council of town {i} met on Tuesday to discuss road repairs and a new library, item {i}."
        write_article(corpus, f"n{i:04d}", body, title=f"Local news {i}")
    db = tmp_path / "kill.db"
    cmd = [sys.executable, "-m", "treatywatch", "--db", str(db), "--no-baseline", "ingest", "--quiet", str(corpus)]
    started = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    count = 0
    while proc.poll() is None and time.monotonic() - started < 300:
        try:
            with sqlite3.connect(db, timeout=5) as conn:
                count = conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        except sqlite3.OperationalError:  # the schema is not there yet
            count = 0
        if count >= 1000:
            os.kill(proc.pid, signal.SIGKILL)
            break
        time.sleep(0.02)
    proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL, "the ingest finished before it could be killed"
    with sqlite3.connect(db) as conn:
        killed_at = conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    assert 900 <= killed_at < 2000
    rerun = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert f"ingested {2000 - killed_at}, rejected 0, unchanged {killed_at}" in rerun.stderr
    with Ledger(db, baseline=False) as ledger:
        ids = [a["id"] for a in ledger.articles()]
        assert len(ids) == 2000 and set(ids) == {p.stem for p in corpus.glob("*.txt")}
        assert ledger.pending_pairs() == set()
        notified = {e.state for e in ledger.events(treaty="apmbc") if e.action == "notified"}
    assert notified == set(COUNTRIES.values())  # events of articles stored before the kill were consolidated too
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT COUNT(DISTINCT content_hash) FROM articles").fetchone()[0] == 2000
    print(f"kill/resume: killed at {killed_at} articles, total {time.monotonic() - started:.1f} s")
