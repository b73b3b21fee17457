"""Ledger: every SQL statement of treatywatch.  SQLite (one file, WAL) is the default.

Tables: ``articles``, ``claims`` (from news and from official status tables), ``events``
(consolidated claims), ``statements`` (who said what about an act, and why), ``rejects`` (inputs that could not be read, with the reason) and
``imports``; for sources, ``fetches`` (each feed's ETag and Last-Modified), ``links`` (links
already ingested) and ``pending_events`` (pairs whose events await consolidation, so a killed
ingest is finished by the next run); ``migrations`` records which named migrations have run.  Status on a date is
computed from the events by the treaty rules (``rules.status_timeline``), never stored.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import json
import logging
import os
import re
import sqlite3
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from collections.abc import Generator
from importlib import resources
from pathlib import Path
from typing import Any

from . import records, rules
from .consolidate import consolidate_events
from .errors import InputError, LedgerError
from .duplicates import body_hash
from .pg import PgConnection, is_postgres
from .models import ORGANISATIONS, Article, Claim, Evidence, Event, Quote, Reason, Reject, Statement, Status
from .registry import Registry, load_registry

logger = logging.getLogger(__name__)

DEFAULT_DB = "treatywatch.db"
BUSY_TIMEOUT = 120.0  # seconds a process waits for another one's write to end

MIGRATIONS: list[tuple[str, str]] = [
    (
        "001_initial",
        """
        CREATE TABLE articles (
            id TEXT PRIMARY KEY, title TEXT NOT NULL, source TEXT, url TEXT, published TEXT,
            language TEXT, text TEXT NOT NULL, content_hash TEXT NOT NULL UNIQUE, ingested_at TEXT NOT NULL
        );
        CREATE TABLE claims (
            id INTEGER PRIMARY KEY, article_id TEXT NOT NULL, state TEXT NOT NULL, treaty TEXT NOT NULL,
            action TEXT NOT NULL, date TEXT, date_basis TEXT NOT NULL, date_precision TEXT, bound TEXT,
            effective TEXT, modality TEXT NOT NULL, confidence REAL NOT NULL, ev_start INTEGER,
            ev_end INTEGER, ev_text TEXT, actor TEXT, background INTEGER NOT NULL DEFAULT 0,
            instrument TEXT, notes TEXT NOT NULL DEFAULT '[]', quotes TEXT NOT NULL DEFAULT '[]'
        );
        CREATE INDEX claims_pair ON claims(treaty, state);
        CREATE INDEX claims_article ON claims(article_id);
        CREATE TABLE events (
            id TEXT PRIMARY KEY, state TEXT NOT NULL, treaty TEXT NOT NULL, action TEXT NOT NULL,
            date TEXT, date_basis TEXT NOT NULL, date_precision TEXT, bound TEXT, stated_effective TEXT,
            instrument TEXT, confidence REAL NOT NULL, sources TEXT NOT NULL, conflicts TEXT NOT NULL,
            note TEXT
        );
        CREATE INDEX events_pair ON events(treaty, state);
        CREATE TABLE rejects (id INTEGER PRIMARY KEY, source TEXT NOT NULL, reason TEXT NOT NULL, at TEXT NOT NULL);
        CREATE TABLE imports (source TEXT PRIMARY KEY, treaty TEXT NOT NULL, rows INTEGER NOT NULL, at TEXT NOT NULL);
        """,
    ),
    (
        "003_duplicates_reviews",
        """
        ALTER TABLE articles ADD COLUMN body_hash TEXT;
        ALTER TABLE articles ADD COLUMN duplicate_of TEXT;
        CREATE INDEX articles_body ON articles(body_hash);
        CREATE TABLE signatures (article_id TEXT PRIMARY KEY, minhash BLOB NOT NULL);
        ALTER TABLE events ADD COLUMN independent INTEGER NOT NULL DEFAULT 1;
        ALTER TABLE events ADD COLUMN reviewed TEXT;
        CREATE TABLE reviews (
            id INTEGER PRIMARY KEY, event_id TEXT NOT NULL, state TEXT NOT NULL, treaty TEXT NOT NULL,
            action TEXT NOT NULL, machine_date TEXT, verdict TEXT NOT NULL, changes TEXT NOT NULL,
            by TEXT NOT NULL, reason TEXT NOT NULL, at TEXT NOT NULL
        );
        CREATE TABLE audit (
            id INTEGER PRIMARY KEY, at TEXT NOT NULL, by TEXT NOT NULL, verb TEXT NOT NULL,
            event_id TEXT NOT NULL, before TEXT, after TEXT, reason TEXT NOT NULL
        );
        """,
    ),
    (
        "002_sources",
        """
        CREATE TABLE fetches (url TEXT PRIMARY KEY, etag TEXT, last_modified TEXT, at TEXT NOT NULL);
        CREATE TABLE links (url TEXT PRIMARY KEY, article_id TEXT, at TEXT NOT NULL);
        CREATE TABLE pending_events (state TEXT NOT NULL, treaty TEXT NOT NULL, PRIMARY KEY (state, treaty));
        CREATE INDEX articles_url ON articles(url);
        CREATE INDEX rejects_source ON rejects(source);
        """,
    ),
    (
        "004_records",
        """
        ALTER TABLE imports ADD COLUMN as_of TEXT;
        ALTER TABLE imports ADD COLUMN origin TEXT;
        CREATE TABLE table_changes (
            id INTEGER PRIMARY KEY, treaty TEXT NOT NULL, state TEXT NOT NULL, action TEXT NOT NULL,
            change TEXT NOT NULL, before TEXT, after TEXT, origin TEXT, at TEXT NOT NULL
        );
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        """,
    ),
    (
        "005_statements",
        """
        CREATE TABLE statements (
            id INTEGER PRIMARY KEY, article_id TEXT NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL,
            text TEXT NOT NULL, kind TEXT NOT NULL, speaker TEXT, role TEXT, state TEXT, body TEXT,
            speaker_kind TEXT NOT NULL, channel TEXT, date TEXT, date_basis TEXT NOT NULL, treaty TEXT,
            about TEXT, action TEXT, other INTEGER NOT NULL DEFAULT 0, stance TEXT NOT NULL,
            reasons TEXT NOT NULL DEFAULT '[]'
        );
        CREATE INDEX statements_act ON statements(treaty, about);
        CREATE INDEX statements_article ON statements(article_id);
        """,
    ),
    (
        "006_alerts",
        """
        CREATE TABLE event_changes (
            id INTEGER PRIMARY KEY, event_id TEXT NOT NULL, state TEXT NOT NULL, treaty TEXT NOT NULL,
            kind TEXT NOT NULL, at TEXT NOT NULL, event TEXT NOT NULL
        );
        CREATE INDEX event_changes_pair ON event_changes(treaty, state);
        CREATE TABLE webhooks (
            id INTEGER PRIMARY KEY, url TEXT NOT NULL, secret TEXT NOT NULL, treaty TEXT, state TEXT,
            after_change INTEGER NOT NULL, created_at TEXT NOT NULL
        );
        CREATE TABLE deliveries (
            id INTEGER PRIMARY KEY, webhook_id INTEGER NOT NULL, change_id INTEGER NOT NULL, event_id TEXT NOT NULL,
            attempt INTEGER NOT NULL, ok INTEGER NOT NULL, status INTEGER, error TEXT, at TEXT NOT NULL
        );
        CREATE INDEX deliveries_webhook ON deliveries(webhook_id);
        CREATE INDEX events_date ON events(COALESCE(date, bound));
        INSERT OR IGNORE INTO meta VALUES ('generation', '0');
        """,
    ),
]


def _published(value: dt.datetime | None) -> dt.datetime | None:
    """A publication time comparable with every other: one without a time zone is UTC (the
    readers' rule; ledgers written before it may hold such times)."""
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=dt.timezone.utc)
    return value


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def _d(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


@dataclasses.dataclass(frozen=True)
class StoreResult:
    """What storing one article did."""

    article_id: str
    stored: bool  # False: the same content was already in the ledger
    claims: int
    original: str | None = None  # the story this one copies
    replaced_original: str | None = None  # an earlier-stored copy that this earlier-published story replaces as original


def _database_errors(postgres: bool) -> tuple[type[Exception], ...]:
    """The errors that say a database cannot be used (psycopg is imported only for PostgreSQL)."""
    if not postgres:
        return (sqlite3.DatabaseError,)
    import psycopg

    return (sqlite3.DatabaseError, psycopg.Error)


def _shown(target: str) -> str:
    """A ledger's name fit to print: a PostgreSQL URL without its password."""
    return re.sub(r"(://[^:/@]*):[^@]*@", r"\1:***@", target) if is_postgres(target) else target


class Ledger:
    """The ledger over a SQLite file (``Ledger.memory()`` for tests) or a PostgreSQL database
    (a ``postgresql://`` URL: several processes, on several machines, may write to it at once)."""

    def __init__(self, path: str | os.PathLike[str] = DEFAULT_DB, registry: Registry | None = None,
                 baseline: bool = True, min_confidence: float = 0.5, merge_window_days: int = 45,
                 repair: bool = True) -> None:
        self.path = os.fspath(path)
        self.registry = registry or load_registry()
        self.min_confidence = min_confidence
        self.merge_window_days = merge_window_days
        self._record_changes = True  # off while the bundled tables load: they are no news to alert on
        self._timelines_memo: dict[str, tuple[int, dict[str, list[Status]]]] = {}
        self.postgres = is_postgres(self.path)
        try:
            if self.postgres:
                self.conn: Any = PgConnection(self.path)
            else:
                self.conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT)
                self.conn.row_factory = sqlite3.Row
                if self.path != ":memory:":
                    self._wal()
                self.conn.execute("PRAGMA synchronous=NORMAL")
            self.baseline = self._migrate(baseline)
        except Exception as exc:
            if not isinstance(exc, _database_errors(self.postgres)):
                raise
            raise LedgerError(f"{_shown(self.path)}: cannot be used as a treatywatch ledger ({exc})") from None
        if self.baseline and repair:
            self.load_baselines()

    @classmethod
    def memory(cls, registry: Registry | None = None, baseline: bool = True) -> Ledger:
        return cls(":memory:", registry=registry, baseline=baseline)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextlib.contextmanager
    def _tx(self) -> Generator[None, None, None]:
        """One write transaction, begun IMMEDIATE: it holds the write lock from its first read,
        so that two processes never interleave a check and a write (a second process waits up
        to ``BUSY_TIMEOUT``).  Nested uses join the outer transaction."""
        if self.conn.in_transaction:
            yield
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.conn.rollback()
            raise
        self.conn.commit()

    @contextlib.contextmanager
    def batch(self) -> Generator[None, None, None]:
        """Writes made inside it (articles, rejects, links) commit together, in one transaction."""
        with self._tx():
            yield

    def _wal(self) -> None:
        """Switch to WAL (a new file's first opener does it; others may be busy meanwhile)."""
        deadline = time.monotonic() + BUSY_TIMEOUT
        while True:
            try:
                self.conn.execute("PRAGMA journal_mode=WAL")
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    # -- schema -------------------------------------------------------------------------
    def _migrate(self, wanted_baseline: bool) -> bool:
        """Apply the missing migrations and record whether the ledger carries the bundled
        tables, all in one transaction: a kill leaves no half-made schema, and two processes
        creating one ledger at once make it once.  Returns the baseline setting."""
        with self._tx():
            self.conn.execute("CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
            done = {row[0] for row in self.conn.execute("SELECT name FROM migrations")}
            fresh = not done
            for name, sql in MIGRATIONS:
                if name in done:
                    continue
                for statement in sql.split(";"):
                    if statement.strip():
                        self.conn.execute(statement)
                self.conn.execute("INSERT INTO migrations VALUES (?, ?)", (name, _now()))
                logger.info("applied migration %s", name)
            # The baseline choice: made when the ledger is created and kept after.
            row = self.conn.execute("SELECT value FROM meta WHERE key = 'baseline'").fetchone()
            if row is not None:
                return bool(row[0] == "on")
            # created now, or by a version that did not record it (it had a baseline if any table was imported)
            on = wanted_baseline if fresh else self.conn.execute("SELECT 1 FROM imports LIMIT 1").fetchone() is not None
            self.conn.execute("INSERT INTO meta VALUES ('baseline', ?)", ("on" if on else "off",))
            return on

    def meta(self, prefix: str = "") -> dict[str, str]:
        """The ledger's own records (key -> value) whose key starts with ``prefix``."""
        rows = self.conn.execute("SELECT key, value FROM meta WHERE substr(key, 1, ?) = ? ORDER BY key",
                                 (len(prefix), prefix))
        return {r[0]: r[1] for r in rows}

    def set_meta(self, key: str, value: str) -> None:
        with self._tx():
            self.conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))

    def migrations(self) -> list[str]:
        return [row[0] for row in self.conn.execute("SELECT name FROM migrations ORDER BY name")]

    # -- writing ----------------------------------------------------------------------
    def has_content(self, content_hash: str) -> bool:
        return self.conn.execute("SELECT 1 FROM articles WHERE content_hash = ?", (content_hash,)).fetchone() is not None

    def add_article(self, article: Article, claims: Iterable[Claim], duplicate_of: str | None = None,
                    signature: bytes | None = None, statements: Iterable[Statement] = (),
                    body: str | None = None) -> StoreResult:
        """Store an article, its claims and its statements in one transaction; the same content twice is a no-op.

        ``duplicate_of`` names the original of a copy (same body, or a near duplicate found by
        its MinHash ``signature``, which is stored for later articles to be compared with).
        ``body`` is the ``body_hash`` of the text when the caller has it (a worker process made it).
        """
        published = _published(article.published)
        with self._tx():  # checks and writes under one lock: a second process storing the same article waits, then finds it
            if self.has_content(article.content_hash):
                return StoreResult(article.id, False, 0)
            article_id = article.id
            if self.conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone():
                article_id = f"{article.id}~{article.content_hash[:8]}"
            claims = [dataclasses.replace(c, article=article_id) for c in claims]
            statements = [dataclasses.replace(st, article=article_id) for st in statements]
            body = body or body_hash(article.text)
            if duplicate_of is None:
                row = self.conn.execute("SELECT id, duplicate_of FROM articles WHERE body_hash = ? ORDER BY rowid LIMIT 1",
                                        (body,)).fetchone()
                if row is not None:
                    duplicate_of = row["duplicate_of"] or row["id"]
            replaced = None
            if duplicate_of is not None and published is not None:
                row = self.conn.execute("SELECT published FROM articles WHERE id = ?", (duplicate_of,)).fetchone()
                stored = _published(dt.datetime.fromisoformat(row[0])) if row is not None and row[0] else None
                if stored is not None and stored > published:
                    replaced, duplicate_of = duplicate_of, None  # the new story was out first: it is the original
            if replaced is not None:
                self.conn.execute("UPDATE articles SET duplicate_of = ? WHERE id = ? OR duplicate_of = ?",
                                  (article_id, replaced, replaced))
            self.conn.execute(
                "INSERT INTO articles (id, title, source, url, published, language, text, content_hash, ingested_at,"
                " body_hash, duplicate_of) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                (article_id, article.title, article.source, article.url,
                 published.isoformat() if published else None, article.language,
                 article.text, article.content_hash, _now(), body, duplicate_of),
            )
            if claims:  # most news has none
                self._insert_claims(claims)
                self._mark_pending(claims)
            if statements:
                self._insert_statements(statements)
            if signature is not None:
                self.conn.execute("INSERT OR REPLACE INTO signatures VALUES (?, ?)", (article_id, signature))
        return StoreResult(article_id, True, len(claims), duplicate_of, replaced)

    def signatures(self) -> Iterator[tuple[str, bytes, str | None]]:
        """(article id, MinHash signature, its original if a copy) of every signed article."""
        for row in self.conn.execute("SELECT s.article_id, s.minhash, a.duplicate_of FROM signatures s"
                                     " JOIN articles a ON a.id = s.article_id ORDER BY a.rowid"):
            yield row[0], row[1], row[2]

    def originals(self) -> dict[str, str]:
        """Copy -> original, for every article recognised as a duplicate."""
        return {r[0]: r[1] for r in self.conn.execute("SELECT id, duplicate_of FROM articles WHERE duplicate_of IS NOT NULL")}

    def _insert_claims(self, claims: list[Claim]) -> None:
        self.conn.executemany(
            "INSERT INTO claims (article_id, state, treaty, action, date, date_basis, date_precision, bound,"
            " effective, modality, confidence, ev_start, ev_end, ev_text, actor, background, instrument, notes, quotes)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [
                (c.article, c.state, c.treaty, c.action, _iso(c.date), c.date_basis, c.date_precision, _iso(c.bound),
                 _iso(c.effective), c.modality, c.confidence, c.evidence.start, c.evidence.end, c.evidence.text,
                 c.actor, int(c.background), c.instrument, json.dumps(list(c.notes)),
                 json.dumps([dataclasses.asdict(q) for q in c.quotes]))
                for c in claims
            ],
        )

    def _insert_statements(self, statements: list[Statement]) -> None:
        self.conn.executemany(
            "INSERT INTO statements (article_id, start, end, text, kind, speaker, role, state, body, speaker_kind,"
            " channel, date, date_basis, treaty, about, action, other, stance, reasons)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [(st.article, st.start, st.end, st.text, st.kind, st.speaker, st.role, st.state, st.body, st.speaker_kind,
              st.channel, _iso(st.date), st.date_basis, st.treaty, st.about, st.action, int(st.other), st.stance,
              json.dumps([dataclasses.asdict(r) for r in st.reasons], ensure_ascii=False))
             for st in statements],
        )

    def replace_statements(self, article_id: str, statements: Iterable[Statement]) -> int:
        """Replace the statements stored for one article (after the rules changed)."""
        found = [dataclasses.replace(st, article=article_id) for st in statements]
        with self.conn:
            self.conn.execute("DELETE FROM statements WHERE article_id = ?", (article_id,))
            self._insert_statements(found)
        return len(found)

    def add_reject(self, reject: Reject) -> None:
        """Record a rejected input; the same input rejected again for the same reason is kept once."""
        with self._tx():
            if self.conn.execute("SELECT 1 FROM rejects WHERE source = ? AND reason = ?",
                                 (reject.source, reject.reason)).fetchone() is None:
                self.conn.execute("INSERT INTO rejects (source, reason, at) VALUES (?,?,?)",
                                  (reject.source, reject.reason, _now()))

    # -- status tables --------------------------------------------------------------------
    def import_status(self, path: str | os.PathLike[str], treaty: str, source: str | None = None,
                      as_of: dt.date | None = None) -> tuple[int, list[Reject]]:
        """Import an official-style status table as record claims; returns (rows used, rows rejected).

        The table replaces the one imported before under the same source (by default
        ``status:<file name>``); ``as_of`` is the date the table describes (default today).
        """
        self.registry.get(treaty)
        from .depositary import read_status_table

        rows, rejects = read_status_table(path)
        source = source or f"{records.RECORD_PREFIX}{Path(path).name}"
        claims = records.table_claims(rows, treaty, source)
        self.replace_table(treaty, source, claims, rows=len(rows), as_of=as_of or dt.date.today(),
                           origin=Path(path).name)
        return len(rows), rejects

    def replace_table(self, treaty: str, source: str, claims: list[Claim], rows: int, as_of: dt.date,
                      origin: str, changes: Iterable[records.TableChange] = ()) -> None:
        """Store ``claims`` as the table ``source`` of ``treaty`` (replacing its previous rows) and
        re-consolidate the affected events.  Claims, the import record and the pairs awaiting
        consolidation are written in one transaction, so a kill leaves the old table or the new one,
        and the next run finishes the events."""
        with self._tx():
            pairs = self._pairs_of(source) | {(c.state, c.treaty) for c in claims}
            self.conn.execute("DELETE FROM claims WHERE article_id = ? AND treaty = ?", (source, treaty))
            self._insert_claims(claims)
            self.conn.execute("INSERT OR REPLACE INTO imports (source, treaty, rows, at, as_of, origin)"
                              " VALUES (?,?,?,?,?,?)", (source, treaty, rows, _now(), as_of.isoformat(), origin))
            self.conn.executemany(
                "INSERT INTO table_changes (treaty, state, action, change, before, after, origin, at)"
                " VALUES (?,?,?,?,?,?,?,?)",
                [(c.treaty, c.state, c.action, c.change, _iso(c.before), _iso(c.after), origin, _now())
                 for c in changes])
            self.conn.executemany("INSERT OR IGNORE INTO pending_events (state, treaty) VALUES (?, ?)", sorted(pairs))
        self.refresh_events(pairs)
        self.clear_pending(pairs)

    def load_baselines(self) -> None:
        """Import every bundled status table this ledger does not have yet (a new ledger starts
        from the depositaries' records of all the registry's treaties; a ledger made by an older
        version gains the tables added since).  Pairs left pending by a killed import are finished."""
        self._record_changes = False
        try:
            self._load_baselines()
        finally:
            self._record_changes = True

    def _load_baselines(self) -> None:
        have = {r[0] for r in self.conn.execute("SELECT source FROM imports")}
        for table in records.bundled_tables().values():
            if table.source in have or table.treaty not in self.registry:
                continue
            ref = resources.files("treatywatch").joinpath(f"data/baseline/{table.file}")
            with resources.as_file(ref) as path:
                from .depositary import read_status_table

                rows, _ = read_status_table(path)
            claims = records.table_claims(rows, table.treaty, table.source, origin=table.file)
            self.replace_table(table.treaty, table.source, claims, rows=len(rows), as_of=table.complete_to,
                               origin=table.file)
        pending = self.pending_pairs()
        if pending:
            self.refresh_events(pending)
            self.clear_pending(pending)

    def check(self, fix: bool = False) -> list[str]:
        """What is wrong with the ledger, one line a problem (empty: nothing): the SQLite
        integrity check, bundled tables missing or without their rows, states of a table with
        no events, events awaiting consolidation.  With ``fix``, everything but a damaged file is
        repaired (missing tables imported again, events consolidated)."""
        problems = [] if self.postgres else [
            f"integrity: {r[0]}" for r in self.conn.execute("PRAGMA integrity_check") if r[0] != "ok"]
        if problems:
            return problems + ["the file is damaged: restore it from a copy (not repaired by --fix)"]
        stale: set[str] = set()
        if self.baseline:
            have = {r[0] for r in self.conn.execute("SELECT source FROM imports")}
            for table in records.bundled_tables().values():
                if table.treaty not in self.registry:
                    continue
                if table.source not in have:
                    problems.append(f"bundled table {table.file} ({table.treaty}) is missing")
                elif self.conn.execute("SELECT 1 FROM claims WHERE article_id = ? LIMIT 1",
                                       (table.source,)).fetchone() is None:
                    problems.append(f"bundled table {table.file} ({table.treaty}) has no rows stored")
                    stale.add(table.source)
        unconsolidated = {(r[0], r[1]) for r in self.conn.execute(
            "SELECT DISTINCT c.state, c.treaty FROM claims c WHERE c.article_id LIKE ? AND NOT EXISTS"
            " (SELECT 1 FROM events e WHERE e.state = c.state AND e.treaty = c.treaty) AND NOT EXISTS"
            " (SELECT 1 FROM reviews r WHERE r.state = c.state AND r.treaty = c.treaty)",
            (f"{records.RECORD_PREFIX}%",))}
        if unconsolidated:
            problems.append(f"{len(unconsolidated)} (state, treaty) pairs of status tables have no events")
        pending = self.pending_pairs()
        if pending:
            problems.append(f"{len(pending)} (state, treaty) pairs await consolidation (a run was stopped)")
        if fix and problems:
            with self._tx():
                self.conn.executemany("DELETE FROM imports WHERE source = ?", [(s,) for s in sorted(stale)])
                self.conn.executemany("INSERT OR IGNORE INTO pending_events (state, treaty) VALUES (?, ?)",
                                      sorted(unconsolidated))
            if self.baseline:
                self.load_baselines()
            pending = self.pending_pairs()
            if pending:
                self.refresh_events(pending)
                self.clear_pending(pending)
        return problems

    def record_table(self, treaty: str) -> tuple[str, dt.date] | None:
        """The newest official table the ledger holds for ``treaty``: (source, the date it describes)."""
        row = self.conn.execute("SELECT source, COALESCE(as_of, substr(at, 1, 10)) FROM imports WHERE treaty = ?"
                                " ORDER BY COALESCE(as_of, substr(at, 1, 10)) DESC LIMIT 1", (treaty,)).fetchone()
        return (row[0], dt.date.fromisoformat(row[1])) if row else None

    def table_changes(self, treaty: str | None = None) -> list[dict[str, Any]]:
        """Every change between successive tables (refreshes), oldest first."""
        sql, args = _where("SELECT treaty, state, action, change, before, after, origin, at FROM table_changes",
                           treaty=treaty)
        return [dict(r) for r in self.conn.execute(sql + " ORDER BY id", args)]

    def _pairs_of(self, article_id: str) -> set[tuple[str, str]]:
        return {(r[0], r[1]) for r in self.conn.execute("SELECT state, treaty FROM events WHERE sources LIKE ?", (f'%"{article_id}"%',))}

    # -- events -----------------------------------------------------------------------------
    def refresh_events(self, pairs: Iterable[tuple[str, str]] | None = None) -> int:
        """Re-consolidate the events of the given (state, treaty) pairs (all when None)."""
        if pairs is None:
            pairs = {(r[0], r[1]) for r in self.conn.execute("SELECT DISTINCT state, treaty FROM claims")}
        pairs = set(pairs)
        originals = self.originals()
        count = 0
        with self._tx():
            for state, treaty in sorted(pairs):
                claims = self.claims(state=state, treaty=treaty)
                events = consolidate_events(claims, min_confidence=self.min_confidence,
                                            window_days=self.merge_window_days, originals=originals)
                events = self._apply_reviews(state, treaty, events)
                if self._record_changes:
                    self._note_changes(state, treaty, events)
                self.conn.execute("DELETE FROM events WHERE state = ? AND treaty = ?", (state, treaty))
                self.conn.executemany(
                    "INSERT OR REPLACE INTO events (id, state, treaty, action, date, date_basis, date_precision, bound,"
                    " stated_effective, instrument, confidence, sources, conflicts, note, independent, reviewed)"
                    " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    [(e.id, e.state, e.treaty, e.action, _iso(e.date), e.date_basis, e.date_precision, _iso(e.bound),
                      _iso(e.stated_effective), e.instrument, e.confidence, json.dumps(list(e.sources)),
                      json.dumps(list(e.conflicts)), e.note, e.independent, e.reviewed) for e in events],
                )
                count += len(events)
            self.conn.execute("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'generation'")
        return count

    def _note_changes(self, state: str, treaty: str, events: list[Event]) -> None:
        """Inside ``refresh_events``' transaction: record which of the pair's events are new or changed
        (the Atom feeds and webhooks read them)."""
        before = {row["id"]: _event(row).to_dict()
                  for row in self.conn.execute("SELECT * FROM events WHERE state = ? AND treaty = ?", (state, treaty))}
        now = _now()
        rows = []
        for event in events:
            d = event.to_dict()
            kind = "new" if event.id not in before else "changed" if before[event.id] != d else None
            if kind:
                rows.append((event.id, state, treaty, kind, now, json.dumps(d, ensure_ascii=False)))
        self.conn.executemany("INSERT INTO event_changes (event_id, state, treaty, kind, at, event) VALUES (?,?,?,?,?,?)",
                              rows)

    def generation(self) -> int:
        """A number that grows whenever any event is written (answers computed from events may be reused until then)."""
        row = self.conn.execute("SELECT value FROM meta WHERE key = 'generation'").fetchone()
        return int(row[0]) if row else 0

    def changes(self, treaty: str | None = None, state: str | None = None, after: int = 0, limit: int = 50,
                newest_first: bool = True, live: bool = True) -> list[dict[str, Any]]:
        """Events recorded as new or changed (id, event_id, kind, at, event): the feeds' and webhooks' entries.
        ``live`` keeps only changes whose event is still in the ledger."""
        sql, args = _where("SELECT c.* FROM event_changes c", **{"c.treaty": treaty, "c.state": state})
        sql += (" AND" if args else " WHERE") + " c.id > ?"
        if live:
            sql += " AND EXISTS (SELECT 1 FROM events e WHERE e.id = c.event_id)"
        sql += f" ORDER BY c.id {'DESC' if newest_first else 'ASC'} LIMIT ?"
        return [{**dict(r), "event": json.loads(r["event"])} for r in self.conn.execute(sql, [*args, after, limit])]

    def last_change(self) -> int:
        return int(self.conn.execute("SELECT COALESCE(MAX(id), 0) FROM event_changes").fetchone()[0])

    # -- webhooks -------------------------------------------------------------------------------
    def add_webhook(self, url: str, secret: str, treaty: str | None = None, state: str | None = None) -> dict[str, Any]:
        """Subscribe ``url`` to events new or changed from now on (optionally of one treaty or state)."""
        if not url.startswith(("http://", "https://")):
            raise InputError(url, "a webhook URL must start with http:// or https://")
        if treaty:
            self.registry.get(treaty)
        with self.conn:
            cur = self.conn.execute(
                "INSERT INTO webhooks (url, secret, treaty, state, after_change, created_at) VALUES (?,?,?,?,?,?)",
                (url, secret, treaty, state, self.last_change(), _now()))
        return self.webhook(int(cur.lastrowid or 0)) or {}

    def webhook(self, webhook_id: int) -> dict[str, Any] | None:
        row = self.conn.execute("SELECT * FROM webhooks WHERE id = ?", (webhook_id,)).fetchone()
        return dict(row) if row else None

    def webhooks(self) -> list[dict[str, Any]]:
        return [dict(r) for r in self.conn.execute("SELECT * FROM webhooks ORDER BY id")]

    def remove_webhook(self, webhook_id: int) -> bool:
        with self.conn:
            return bool(self.conn.execute("DELETE FROM webhooks WHERE id = ?", (webhook_id,)).rowcount > 0)

    def advance_webhook(self, webhook_id: int, change_id: int) -> None:
        """The webhook is done with every change up to ``change_id`` (delivered, or given up on)."""
        with self.conn:
            self.conn.execute("UPDATE webhooks SET after_change = MAX(after_change, ?) WHERE id = ?", (change_id, webhook_id))

    def log_delivery(self, webhook_id: int, change_id: int, event_id: str, attempt: int, ok: bool,
                     status: int | None, error: str | None) -> None:
        with self.conn:
            self.conn.execute(
                "INSERT INTO deliveries (webhook_id, change_id, event_id, attempt, ok, status, error, at)"
                " VALUES (?,?,?,?,?,?,?,?)", (webhook_id, change_id, event_id, attempt, int(ok), status, error, _now()))

    def deliveries(self, webhook_id: int | None = None, limit: int = 100) -> list[dict[str, Any]]:
        sql, args = _where("SELECT * FROM deliveries", webhook_id=str(webhook_id) if webhook_id is not None else None)
        return [{**dict(r), "ok": bool(r["ok"])} for r in self.conn.execute(sql + " ORDER BY id DESC LIMIT ?", [*args, limit])]

    # -- review -------------------------------------------------------------------------------
    def _latest_reviews(self, state: str, treaty: str) -> list[sqlite3.Row]:
        rows = self.conn.execute("SELECT * FROM reviews WHERE state = ? AND treaty = ? ORDER BY id", (state, treaty))
        latest: dict[str, sqlite3.Row] = {}
        for row in rows:
            latest[row["event_id"]] = row
        return list(latest.values())

    def _apply_reviews(self, state: str, treaty: str, events: list[Event]) -> list[Event]:
        """Reviewers' verdicts override the machine; they follow an event whose id changed because
        new evidence moved its date (same state, treaty, action, within the merge window)."""
        out = list(events)
        for review in self._latest_reviews(state, treaty):
            machine = _d(review["machine_date"])
            match = next((i for i, e in enumerate(out) if e.id == review["event_id"]), None)
            if match is None:
                match = next((i for i, e in enumerate(out) if e.action == review["action"] and e.date and machine
                              and abs((e.date - machine).days) <= self.merge_window_days), None)
            if match is None:
                continue
            event = out[match]
            if review["verdict"] == "reject":
                out.pop(match)
                continue
            changes = json.loads(review["changes"])
            note = f"{review['verdict']}ed by {review['by']}: {review['reason']}"
            replaced = dataclasses.replace(
                event,
                date=_d(changes["date"]) if "date" in changes else event.date,
                date_basis="review" if "date" in changes else event.date_basis,
                date_precision="day" if "date" in changes else event.date_precision,
                action=changes.get("action", event.action),
                stated_effective=_d(changes["effective"]) if "effective" in changes else event.stated_effective,
                confidence=1.0,
                reviewed=review["verdict"] + "ed",
                note=f"{event.note}; {note}" if event.note else note,
            )
            out[match] = replaced
        return out

    def review(self, event_id: str, verdict: str, by: str, reason: str, **changes: Any) -> Event | None:
        """Confirm, reject or edit an event; the verdict is kept, audited and re-applied after
        every re-ingest and re-consolidation.  Returns the event as it now stands (None if rejected)."""
        if verdict not in ("confirm", "reject", "edit"):
            raise LedgerError(f"unknown review verdict {verdict!r}: use confirm, reject or edit")
        if not by.strip() or not reason.strip():
            raise LedgerError("a review needs a reviewer name (--by) and a reason (--reason)")
        row = self.conn.execute("SELECT * FROM events WHERE id = ?", (event_id,)).fetchone()
        last = self.conn.execute("SELECT * FROM reviews WHERE event_id = ? ORDER BY id DESC LIMIT 1",
                                 (event_id,)).fetchone()
        if row is None and (last is None or last["verdict"] != "reject"):
            raise LedgerError(f"no event '{event_id}'; list them with `treatywatch review` or `treatywatch events`")
        if row is None and verdict == "reject":
            raise LedgerError(f"event '{event_id}' is already rejected; confirm or edit it to restore it")
        allowed = {"date", "action", "effective"}
        unknown = set(changes) - allowed
        if unknown:
            raise LedgerError(f"cannot edit {', '.join(sorted(unknown))}; editable: {', '.join(sorted(allowed))}")
        if verdict == "edit" and not changes:
            raise LedgerError("edit needs at least one change (--date, --action or --effective)")
        clean = {k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in changes.items() if v is not None}
        if row is not None:
            before = _event(row)
            state, treaty, action = before.state, before.treaty, before.action
            machine_date = _iso(before.date) if before.reviewed is None else self._machine_date(event_id, before)
            before_json: str | None = json.dumps(before.to_dict())
        else:  # a rejected event, restored by a confirm or an edit: the review rejecting it says what it was
            state, treaty, action, machine_date = last["state"], last["treaty"], last["action"], last["machine_date"]
            before_json = None
        with self._tx():
            self.conn.execute(
                "INSERT INTO reviews (event_id, state, treaty, action, machine_date, verdict, changes, by, reason, at)"
                " VALUES (?,?,?,?,?,?,?,?,?,?)",
                (event_id, state, treaty, action, machine_date, verdict, json.dumps(clean), by, reason, _now()))
        self.refresh_events({(state, treaty)})
        after = next((e for e in self.events(treaty=treaty, state=state) if e.id == event_id), None)
        with self._tx():
            self.conn.execute(
                "INSERT INTO audit (at, by, verb, event_id, before, after, reason) VALUES (?,?,?,?,?,?,?)",
                (_now(), by, verdict, event_id, before_json, json.dumps(after.to_dict()) if after else None, reason))
        return after

    def _machine_date(self, event_id: str, event: Event) -> str | None:
        row = self.conn.execute("SELECT machine_date FROM reviews WHERE event_id = ? ORDER BY id LIMIT 1",
                                (event_id,)).fetchone()
        return row[0] if row else _iso(event.date)

    def audit_log(self, event_id: str | None = None) -> list[dict[str, Any]]:
        sql, args = _where("SELECT at, by, verb, event_id, before, after, reason FROM audit", event_id=event_id)
        return [{**dict(r), "before": json.loads(r["before"]) if r["before"] else None,
                 "after": json.loads(r["after"]) if r["after"] else None}
                for r in self.conn.execute(sql + " ORDER BY id", args)]

    def needs_review(self, min_confidence: float = 0.8) -> list[tuple[Event, list[str]]]:
        """Events a person should look at, with the reasons: conflicting dates, low confidence,
        a single independent news source (official records need no second source)."""
        out = []
        for event in self.events():
            if event.reviewed:
                continue
            reasons = []
            if event.conflicts:
                reasons.append(f"{len(event.conflicts)} conflicting date(s)")
            if event.confidence < min_confidence:
                reasons.append(f"confidence {event.confidence:.2f}")
            news = [s for s in event.sources if not s.startswith("status:")]
            if news and len(news) == len(event.sources) and event.independent == 1:
                reasons.append("single independent source")
            if reasons:
                out.append((event, reasons))
        return out

    # -- reading ------------------------------------------------------------------------------
    def claims(self, state: str | None = None, treaty: str | None = None, article: str | None = None) -> list[Claim]:
        sql, args = _where("SELECT * FROM claims", state=state, treaty=treaty, article_id=article)
        return [_claim(row) for row in self.conn.execute(sql + " ORDER BY id", args)]

    def events(self, treaty: str | None = None, state: str | None = None) -> list[Event]:
        sql, args = _where("SELECT * FROM events", state=state, treaty=treaty)
        rows = self.conn.execute(sql + " ORDER BY treaty, state, COALESCE(date, bound), action", args)
        return [_event(row) for row in rows]

    def event(self, event_id: str) -> Event | None:
        """One event by its id."""
        row = self.conn.execute("SELECT * FROM events WHERE id = ?", (event_id,)).fetchone()
        return _event(row) if row else None

    def events_page(self, treaty: str | None = None, state: str | None = None, action: str | None = None,
                    source: str = "all", since: dt.date | None = None, until: dt.date | None = None,
                    limit: int = 50, offset: int = 0, newest_first: bool = False) -> tuple[int, list[Event]]:
        """(how many events match, one page of them).  ``source``: ``all``, ``news`` (at least one news
        source) or ``records`` (at least one official table); ``since``/``until`` bound the act date."""
        if source not in ("all", "news", "records"):
            raise LedgerError(f"unknown source kind {source!r}: use all, news or records")
        sql, args = _where("FROM events", state=state, treaty=treaty, action=action)
        extra: list[str] = []
        params: list[Any] = list(args)
        if source != "all":
            op = "NOT LIKE" if source == "news" else "LIKE"
            extra.append(f"EXISTS (SELECT 1 FROM json_each(events.sources) WHERE value {op} 'status:%')")
        if since:
            extra.append("COALESCE(date, bound) >= ?")
            params.append(since.isoformat())
        if until:
            extra.append("COALESCE(date, bound) <= ?")
            params.append(until.isoformat())
        if extra:
            sql += (" AND " if args else " WHERE ") + " AND ".join(extra)
        total = int(self.conn.execute("SELECT COUNT(*) " + sql, params).fetchone()[0])
        order = (" ORDER BY COALESCE(date, bound) DESC, id" if newest_first
                 else " ORDER BY treaty, state, COALESCE(date, bound), action")
        rows = self.conn.execute("SELECT * " + sql + order + " LIMIT ? OFFSET ?", [*params, limit, offset])
        return total, [_event(row) for row in rows]

    def evidence(self, event: Event) -> list[Claim]:
        """The asserted claims behind an event: the spans of its sources that report the act."""
        return [c for c in self.claims(state=event.state, treaty=event.treaty)
                if c.article in event.sources and c.action == event.action and c.modality == "asserted"]

    def article_info(self, article_id: str) -> dict[str, Any] | None:
        """An article's metadata (no text): title, source, url, published, language, duplicate_of, ingested_at."""
        row = self.conn.execute("SELECT id, title, source, url, published, language, duplicate_of, ingested_at"
                                " FROM articles WHERE id = ?", (article_id,)).fetchone()
        return dict(row) if row else None

    def articles_page(self, query: str | None = None, limit: int = 50, offset: int = 0) -> tuple[int, list[dict[str, Any]]]:
        """(how many articles match, one page of their metadata), newest first; ``query`` matches title or text."""
        where, params = "", []
        if query:
            where = " WHERE instr(lower(title), ?) > 0 OR instr(lower(text), ?) > 0"
            params = [query.lower(), query.lower()]
        total = int(self.conn.execute("SELECT COUNT(*) FROM articles" + where, params).fetchone()[0])
        rows = self.conn.execute("SELECT id, title, source, url, published, language, duplicate_of, ingested_at"
                                 " FROM articles" + where + " ORDER BY COALESCE(published, '') DESC, id LIMIT ? OFFSET ?",
                                 [*params, limit, offset])
        return total, [dict(r) for r in rows]

    def record_tables(self) -> list[dict[str, Any]]:
        """Every official table imported: source, treaty, rows, as_of, origin."""
        return [dict(r) for r in self.conn.execute("SELECT source, treaty, rows, as_of, origin, at FROM imports ORDER BY treaty")]

    def quotes(self, state: str | None = None, treaty: str | None = None) -> list[dict[str, Any]]:
        """Direct quotations with their speaker, role, state and channel, and the claims they support
        (quotations that support no claim are listed too, from the statements)."""
        out: dict[tuple[str, int], dict[str, Any]] = {}
        for claim in self.claims(state=state, treaty=treaty):
            for q in claim.quotes:
                entry = out.setdefault((claim.article, q.start), {
                    "article": claim.article, "text": q.text, "speaker": q.speaker, "role": q.role,
                    "state": q.state, "channel": q.channel, "start": q.start, "end": q.end, "claims": []})
                entry["claims"].append(f"{claim.state} {claim.treaty} {claim.action} ({claim.modality})")
        for st in self.statements(treaty=treaty, state=state):  # quotations that support no claim
            if st.kind == "direct":
                out.setdefault((st.article, st.start), {
                    "article": st.article, "text": st.text, "speaker": st.speaker, "role": st.role,
                    "state": st.state, "channel": st.channel, "start": st.start, "end": st.end, "claims": []})
        return sorted(out.values(), key=lambda q: (q["article"], q["start"]))

    def statements(self, treaty: str | None = None, state: str | None = None, event: str | None = None,
                   stance: str | None = None, reason: str | None = None, article: str | None = None) -> list[Statement]:
        """Statements about acts, each with its event once consolidated, in the order they were made
        (date, then publication, then position in the article).  ``state`` matches the acting
        state or a state spoken for; ``reason`` a reason code or its label."""
        from .statements import filter_statements, link_events

        about = None
        if event:  # only statements about this event's act can be linked to it
            found_event = self.event(event)
            if found_event is not None and (treaty is None or treaty == found_event.treaty):
                treaty, about = found_event.treaty, found_event.state
        sql, args = _where("SELECT s.*, a.published AS published FROM statements s JOIN articles a ON a.id = s.article_id",
                           **{"s.treaty": treaty, "s.article_id": article, "s.about": about})
        rows = list(self.conn.execute(sql + " ORDER BY COALESCE(s.date, ''), COALESCE(a.published, ''), s.article_id, s.start", args))
        found = [_statement(row) for row in rows]
        pairs = {(st.about, st.treaty) for st in found if st.about and st.treaty}
        events = [ev for state, t in sorted(pairs) for ev in self.events(treaty=t, state=state)]
        return filter_statements(link_events(found, events), state=state, event=event, stance=stance, reason=reason)

    def article(self, article_id: str) -> Article | None:
        """One stored article."""
        row = self.conn.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            return None
        return Article(id=row["id"], title=row["title"], text=row["text"],
                       published=dt.datetime.fromisoformat(row["published"]) if row["published"] else None,
                       source=row["source"], url=row["url"], language=row["language"] or "en",
                       content_hash=row["content_hash"])

    def articles(self) -> Iterator[dict[str, Any]]:
        for row in self.conn.execute("SELECT id, title, source, published, language, content_hash FROM articles ORDER BY id"):
            yield dict(row)

    def article_count(self) -> int:
        return int(self.conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0])

    def rejects(self) -> list[Reject]:
        return [Reject(r[0], r[1]) for r in self.conn.execute("SELECT source, reason FROM rejects ORDER BY id")]

    # -- status -----------------------------------------------------------------------------
    def _context(self) -> rules.RuleContext:
        return rules.RuleContext(self.registry, rules.load_conflicts())

    def _events_for(self, treaty: str) -> dict[str, list[Event]]:
        """Events that bear on ``treaty``, by state (including parent-treaty withdrawals)."""
        parents = [t.id for t in self.registry if treaty in t.leaving.cascades]
        by_state: dict[str, list[Event]] = defaultdict(list)
        for tid in [treaty, *parents]:
            for event in self.events(treaty=tid):
                if tid == treaty or event.action in ("notified", "took_effect"):
                    by_state[event.state].append(event)
        return by_state

    def timelines(self, treaty: str) -> dict[str, list[Status]]:
        """Every state's status changes under ``treaty`` (computed once per generation of the events)."""
        t = self.registry.get(treaty)
        generation = self.generation()
        memo = self._timelines_memo.get(treaty)
        if memo is not None and memo[0] == generation:
            return dict(memo[1])
        ctx = self._context()
        out = {state: rules.status_timeline(state, t, events, ctx)
               for state, events in sorted(self._events_for(treaty).items())}
        self._timelines_memo[treaty] = (generation, out)
        return dict(out)

    def basis(self, treaty: str) -> str:
        """What a status answer for ``treaty`` rests on, in words."""
        table = self.record_table(treaty)
        if table is None:
            return "news only: no status table for this treaty"
        return f"status table {table[0]} complete to {table[1]}, plus news since"

    def status_as_of(self, treaty: str, as_of: dt.date, state: str | None = None) -> list[Status]:
        """The status of every state with a known status (or one state) on ``as_of``.

        Each answer names its basis.  A state absent from the treaty's status table is a
        ``non_party``; with no table and no news of the state the answer is ``unknown``.
        """
        basis = self.basis(treaty)
        out = []
        for st, timeline in self.timelines(treaty).items():
            if state and st != state:
                continue
            out.append(dataclasses.replace(rules.status_on(timeline, as_of), basis=basis))
        if state and not out:
            table = self.record_table(treaty)
            if table is None:
                out.append(Status(state, treaty, "unknown", None, basis=basis,
                                  note=f"no status table for {treaty} and no news of {state}; import the "
                                       f"depositary's table (import-status or refresh-status) to know"))
            else:
                out.append(Status(state, treaty, "non_party", None, basis=basis,
                                  note=f"not in the status table (complete to {table[1]}), and no news of an act"))
        return out

    def timeline(self, state: str) -> list[Status]:
        """One state's status changes across every treaty it has events for."""
        treaties = [r[0] for r in self.conn.execute("SELECT DISTINCT treaty FROM events WHERE state = ? ORDER BY treaty", (state,))]
        for t in self.registry:
            if any(p in treaties for p in (x.id for x in self.registry if t.id in x.leaving.cascades)) and t.id not in treaties:
                treaties.append(t.id)
        ctx = self._context()
        out: list[Status] = []
        for treaty in treaties:
            events = self._events_for(treaty).get(state, [])
            basis = self.basis(treaty)
            out.extend(dataclasses.replace(s, basis=basis)
                       for s in rules.status_timeline(state, self.registry.get(treaty), events, ctx))
        return out

    def count(self, treaty: str, dates: Iterable[dt.date], parties: str = "all") -> list[tuple[dt.date, int]]:
        """How many parties are bound (party, withdrawing or suspended) on each date.

        ``parties``: ``all`` (states and organisations, as depositaries count), ``states`` or
        ``organisations`` (the European Union)."""
        if parties not in ("all", "states", "organisations"):
            raise LedgerError(f"unknown kind of parties {parties!r}: use all, states or organisations")
        timelines = {s: tl for s, tl in self.timelines(treaty).items()
                     if parties == "all" or (s in ORGANISATIONS) == (parties == "organisations")}
        return [(d, sum(1 for tl in timelines.values() if rules.is_bound(rules.status_on(tl, d)))) for d in dates]

    def diff(self, treaty: str, start: dt.date, end: dt.date) -> dict[str, list[Status]]:
        """States that became bound (``joined``) or stopped being bound (``left``) between two dates."""
        joined, left, changed = [], [], []
        for timeline in self.timelines(treaty).values():
            before, after = rules.status_on(timeline, start), rules.status_on(timeline, end)
            if rules.is_bound(after) and not rules.is_bound(before):
                joined.append(after)
            elif rules.is_bound(before) and not rules.is_bound(after):
                left.append(after)
            elif before.status != after.status:
                changed.append(after)
        return {"joined": joined, "left": left, "changed": changed}

    # -- sources: feed validators, ingested links, events awaiting consolidation -----------------
    def fetch_validators(self, url: str) -> tuple[str | None, str | None]:
        """The ETag and Last-Modified that ``url`` last answered (sent back as If-None-Match and
        If-Modified-Since, so an unchanged feed answers 304 and nothing is fetched)."""
        row = self.conn.execute("SELECT etag, last_modified FROM fetches WHERE url = ?", (url,)).fetchone()
        return (row[0], row[1]) if row else (None, None)

    def save_fetch_validators(self, url: str, etag: str | None, last_modified: str | None) -> None:
        with self._tx():
            self.conn.execute("INSERT OR REPLACE INTO fetches (url, etag, last_modified, at) VALUES (?,?,?,?)",
                              (url, etag, last_modified, _now()))

    def link_seen(self, url: str) -> bool:
        """Whether an article was already ingested from ``url`` (a feed entry's link)."""
        return (self.conn.execute("SELECT 1 FROM links WHERE url = ?", (url,)).fetchone() is not None
                or self.conn.execute("SELECT 1 FROM articles WHERE url = ?", (url,)).fetchone() is not None)

    def remember_link(self, url: str, article_id: str | None = None) -> None:
        with self._tx():
            self.conn.execute("INSERT OR IGNORE INTO links (url, article_id, at) VALUES (?,?,?)", (url, article_id, _now()))

    def _mark_pending(self, claims: Iterable[Claim]) -> None:
        """Inside ``add_article``'s transaction: these pairs' events must be re-consolidated,
        even if the run is killed before it gets to it."""
        self.conn.executemany("INSERT OR IGNORE INTO pending_events (state, treaty) VALUES (?, ?)",
                              sorted({(c.state, c.treaty) for c in claims}))

    def pending_pairs(self) -> set[tuple[str, str]]:
        """(state, treaty) pairs with claims stored since their events were last consolidated."""
        return {(r[0], r[1]) for r in self.conn.execute("SELECT state, treaty FROM pending_events")}

    def clear_pending(self, pairs: Iterable[tuple[str, str]]) -> None:
        with self._tx():
            self.conn.executemany("DELETE FROM pending_events WHERE state = ? AND treaty = ?", list(pairs))


def content_checker(path: str) -> Callable[[str], bool]:
    """A read-only check of whether an article's content hash is stored in the ledger at
    ``path`` (for worker processes, which must not write)."""
    if path == ":memory:":
        return lambda content_hash: False
    if is_postgres(path):
        from .pg import content_checker as pg_checker

        return pg_checker(path)  # type: ignore[no-any-return]
    from urllib.parse import quote

    conn = sqlite3.connect(f"file:{quote(os.path.abspath(path))}?mode=ro", uri=True, timeout=BUSY_TIMEOUT, check_same_thread=False)

    def known(content_hash: str) -> bool:
        return conn.execute("SELECT 1 FROM articles WHERE content_hash = ?", (content_hash,)).fetchone() is not None

    return known


def _where(sql: str, **filters: str | None) -> tuple[str, list[str]]:
    clauses = [f"{k} = ?" for k, v in filters.items() if v]
    args = [v for v in filters.values() if v]
    return (sql + (" WHERE " + " AND ".join(clauses) if clauses else ""), args)


def _claim(row: sqlite3.Row) -> Claim:
    return Claim(
        article=row["article_id"], state=row["state"], treaty=row["treaty"], action=row["action"],
        date=_d(row["date"]), date_basis=row["date_basis"], date_precision=row["date_precision"],
        bound=_d(row["bound"]), effective=_d(row["effective"]), modality=row["modality"],
        confidence=row["confidence"], evidence=Evidence(row["ev_start"], row["ev_end"], row["ev_text"]),
        actor=row["actor"], background=bool(row["background"]), instrument=row["instrument"],
        notes=tuple(json.loads(row["notes"])), quotes=tuple(Quote(**q) for q in json.loads(row["quotes"])),
    )


def _statement(row: sqlite3.Row) -> Statement:
    return Statement(
        article=row["article_id"], text=row["text"], start=row["start"], end=row["end"], kind=row["kind"],
        speaker=row["speaker"], role=row["role"], state=row["state"], body=row["body"],
        speaker_kind=row["speaker_kind"], channel=row["channel"], date=_d(row["date"]), date_basis=row["date_basis"],
        treaty=row["treaty"], about=row["about"], action=row["action"], other=bool(row["other"]),
        stance=row["stance"], reasons=tuple(Reason(**r) for r in json.loads(row["reasons"])),
    )


def _event(row: sqlite3.Row) -> Event:
    return Event(
        id=row["id"], state=row["state"], treaty=row["treaty"], action=row["action"], date=_d(row["date"]),
        date_basis=row["date_basis"], date_precision=row["date_precision"], bound=_d(row["bound"]),
        stated_effective=_d(row["stated_effective"]), instrument=row["instrument"], confidence=row["confidence"],
        sources=tuple(json.loads(row["sources"])), conflicts=tuple(json.loads(row["conflicts"])), note=row["note"],
        independent=row["independent"], reviewed=row["reviewed"],
    )


__all__ = ["Ledger", "StoreResult", "DEFAULT_DB", "InputError", "content_checker"]
