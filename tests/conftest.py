"""Shared fixtures: an in-memory ledger, the spaCy extractor (once per session), article files."""

from __future__ import annotations

import pathlib
from collections.abc import Iterator

import pytest

from treatywatch import Extractor, ExtractOptions, Ledger

DATA = pathlib.Path(__file__).parent / "data"
ARTICLES = DATA / "articles"
SEED = ARTICLES / "000_c8cd2b3761d92ca4.txt"


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    """The rules alone: their tests must not move when the claim filter is retrained
    (tests/test_claim_filter.py tests the filter, which is off by default)."""
    return Extractor(ExtractOptions(claim_filter=None))


@pytest.fixture(scope="session")
def shipped_extractor() -> Extractor:
    """The extractor with the options the CLI uses by default: for tests that compare with it."""
    return Extractor()


@pytest.fixture
def ledger() -> Iterator[Ledger]:
    """A fresh in-memory ledger with the bundled status tables of every treaty."""
    led = Ledger.memory()
    yield led
    led.close()


@pytest.fixture
def bare_ledger() -> Iterator[Ledger]:
    """A fresh in-memory ledger with no baseline: news is the only evidence."""
    led = Ledger.memory(baseline=False)
    yield led
    led.close()


@pytest.fixture
def articles() -> pathlib.Path:
    return ARTICLES


def write_article(folder: pathlib.Path, name: str, body: str, title: str = "Test article",
                  published: str = "2025-06-28T12:00:00+00:00", source: str = "Test Wire") -> pathlib.Path:
    path = folder / f"{name}.txt"
    path.write_text(f"{title}\n{source}\n{published}\n\n{body}\n", encoding="utf-8")
    return path


# -- the web app: a demo ledger in a file, served in-process or on a loopback port ---------------
WEB_TOKEN = "test-token-0123456789"
EVIL = DATA / "web" / "evil.txt"  # an article whose title, source and text hold <script> and "><img onerror=...>
CHROMIUM = "/usr/bin/chromium"
BROWSER_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="session")
def web_db(tmp_path_factory: pytest.TempPathFactory, extractor: Extractor) -> pathlib.Path:
    """The demo ledger (`treatywatch demo DB`) plus the markup-laden article, in a file."""
    from click.testing import CliRunner

    import treatywatch
    from treatywatch.cli import cli

    db = tmp_path_factory.mktemp("web") / "demo.db"
    result = CliRunner().invoke(cli, ["demo", str(db), "--no-serve", "--as-of", "2026-01-15"])
    assert result.exit_code == 0, result.output
    with Ledger(db) as led:
        treatywatch.ingest([str(EVIL)], led, extractor)
    return db


def web_settings(db: pathlib.Path, **extra: object) -> dict[str, object]:
    from treatywatch.settings import load_settings

    return {**load_settings(overrides={"db": str(db)}, environ={}), "token": WEB_TOKEN, **extra}


@pytest.fixture(scope="session")
def live_server(web_db: pathlib.Path) -> Iterator[str]:
    """The app on a free loopback port, in a thread: its base URL."""
    import socket
    import threading
    import time

    import uvicorn

    from treatywatch.web import create_app

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(web_settings(web_db)), host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert time.monotonic() < deadline, "the test server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, object]) -> dict[str, object]:
    """pytest-playwright drives Debian's chromium (never a downloaded browser)."""
    if not pathlib.Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is missing: install it with `apt-get install chromium` (.ci/run does)")
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": BROWSER_ARGS}


@pytest.fixture(scope="session")
def base_url(live_server: str) -> str:
    return live_server


@pytest.fixture(scope="session")
def postgres() -> Iterator[object]:
    """A PostgreSQL server of its own for the session (see ``pgserver``); started on first use."""
    from .pgserver import PostgresServer

    server = PostgresServer()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def postgres_baseline(postgres: object) -> str:
    """The name of a database holding a new ledger with the bundled tables (copied for each test)."""
    url = postgres.database()  # type: ignore[attr-defined]
    Ledger(url).close()
    return url.rsplit("/", 1)[1]
