"""Shared fixtures: an in-memory ledger, the spaCy extractor (once per session), article files."""

from __future__ import annotations

import pathlib
from collections.abc import Iterator

import pytest

from treatywatch import Extractor, Ledger

DATA = pathlib.Path(__file__).parent / "data"
ARTICLES = DATA / "articles"
SEED = ARTICLES / "000_c8cd2b3761d92ca4.txt"


@pytest.fixture(scope="session")
def extractor() -> Extractor:
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
