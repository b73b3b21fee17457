"""Ledger: every SQL statement of treatywatch.  SQLite (one file, WAL) is the default.

Tables: ``articles``, ``claims`` (from news and from official status tables), ``events``
(consolidated claims), ``statements`` (who said what about an act, and why), ``rejects`` (inputs that could not be read, with the reason) and
``imports``; for sources, ``fetches`` (each feed's ETag and Last-Modified), ``links`` (links
already ingested) and ``pending_events`` (pairs whose events await consolidation, so a killed
ingest is finished by the next run); ``migrations`` records which named migrations have run.  Status on a date is
computed from the events by the treaty rules (module ``status``), never stored.

The ledger stores and queries rows; the stages above it (``consolidate``, ``baselines``,
``status``) call it, never the other way round.
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
from collections.abc import Callable, Iterable, Iterator
from collections.abc import Generator
from typing import Any

from . import records
from .errors import InputError, LedgerError
from .duplicates import body_hash
from .pg import PgConnection, is_postgres
from .models import Article, Claim, Evidence, Event, Quote, Reason, Reject, Review, Statement, as_utc
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
    (a ``postgresql://`` URL: several processes, on several machines, may write to it at once).

    This is the store alone; ``treatywatch.Ledger`` (``baselines.Ledger``) also brings in the
    bundled status tables when it opens one.  ``baseline`` records whether the ledger carries
    them."""

    def __init__(self, path: str | os.PathLike[str] = DEFAULT_DB, registry: Registry | None = None,
                 baseline: bool = True, min_confidence: float = 0.5, merge_window_days: int = 45) -> None:
        self.path = os.fspath(path)
        self.registry = registry or load_registry()
        self.min_confidence = min_confidence
        self.merge_window_days = merge_window_days
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
                    body: str | None = None, replaces: str | None = None) -> StoreResult:
        """Store an article, its claims and its statements in one transaction; the same content twice is a no-op.

        ``duplicate_of`` and ``replaces`` are what ``duplicates.Copies.decide`` found: the
        original this article copies, or the stored original it replaces (it was published
        first: that original and its copies become copies of it).  The MinHash ``signature`` is
        stored for later articles to be compared with.  ``body`` is the ``body_hash`` of the
        text when the caller has it (a worker process made it).
        """
        published = as_utc(article.published)
        with self._tx():  # checks and writes under one lock: a second process storing the same article waits, then finds it
            if self.has_content(article.content_hash):
                return StoreResult(article.id, False, 0)
            article_id = article.id
            if self.conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone():
                article_id = f"{article.id}~{article.content_hash[:8]}"
            claims = [dataclasses.replace(c, article=article_id) for c in claims]
            statements = [dataclasses.replace(st, article=article_id) for st in statements]
            body = body or body_hash(article.text)
            if replaces is not None:
                self.conn.execute("UPDATE articles SET duplicate_of = ? WHERE id = ? OR duplicate_of = ?",
                                  (article_id, replaces, replaces))
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
        return StoreResult(article_id, True, len(claims))

    def body_original(self, body: str) -> str | None:
        """The original of the first stored article with this ``body_hash`` (itself, unless a copy)."""
        row = self.conn.execute("SELECT id, duplicate_of FROM articles WHERE body_hash = ? ORDER BY rowid LIMIT 1",
                                (body,)).fetchone()
        return None if row is None else str(row["duplicate_of"] or row["id"])

    def published(self, article_id: str) -> dt.datetime | None:
        """When a stored article was published (UTC when stored without a time zone); None when unknown."""
        row = self.conn.execute("SELECT published FROM articles WHERE id = ?", (article_id,)).fetchone()
        return as_utc(dt.datetime.fromisoformat(row[0])) if row is not None and row[0] else None

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
    def store_table(self, treaty: str, source: str, claims: list[Claim], rows: int, as_of: dt.date,
                    origin: str, changes: Iterable[records.TableChange] = ()) -> set[tuple[str, str]]:
        """Store ``claims`` as the table ``source`` of ``treaty`` (replacing its previous rows) and
        return the (state, treaty) pairs whose events it affects.  Claims, the import record and
        those pairs, marked as awaiting consolidation, are written in one transaction, so a kill
        leaves the old table or the new one, and the next run finishes the events."""
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
        return pairs

    def integrity_problems(self) -> list[str]:
        """What SQLite's integrity check finds wrong with the file (nothing to check on PostgreSQL)."""
        if self.postgres:
            return []
        return [f"integrity: {r[0]}" for r in self.conn.execute("PRAGMA integrity_check") if r[0] != "ok"]

    def has_rows(self, source: str) -> bool:
        """Whether the claims of the article or table ``source`` are stored."""
        return self.conn.execute("SELECT 1 FROM claims WHERE article_id = ? LIMIT 1", (source,)).fetchone() is not None

    def unconsolidated_record_pairs(self) -> set[tuple[str, str]]:
        """(state, treaty) pairs with claims from a status table but neither events nor reviews."""
        return {(r[0], r[1]) for r in self.conn.execute(
            "SELECT DISTINCT c.state, c.treaty FROM claims c WHERE c.article_id LIKE ? AND NOT EXISTS"
            " (SELECT 1 FROM events e WHERE e.state = c.state AND e.treaty = c.treaty) AND NOT EXISTS"
            " (SELECT 1 FROM reviews r WHERE r.state = c.state AND r.treaty = c.treaty)",
            (f"{records.RECORD_PREFIX}%",))}

    def mark_for_repair(self, stale: Iterable[str], pairs: Iterable[tuple[str, str]]) -> None:
        """Forget the import records of the ``stale`` tables (so that they are imported again) and
        mark ``pairs`` as awaiting consolidation, in one transaction."""
        with self._tx():
            self.conn.executemany("DELETE FROM imports WHERE source = ?", [(s,) for s in sorted(stale)])
            self.conn.executemany("INSERT OR IGNORE INTO pending_events (state, treaty) VALUES (?, ?)", sorted(pairs))

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
    def claim_pairs(self) -> set[tuple[str, str]]:
        """Every (state, treaty) pair some claim is about."""
        return {(r[0], r[1]) for r in self.conn.execute("SELECT DISTINCT state, treaty FROM claims")}

    def replace_events(self, state: str, treaty: str, events: list[Event], record_changes: bool = True) -> None:
        """Store ``events`` as the pair's events, in place of those it had (``consolidate.refresh_events``
        makes them).  ``record_changes``: note new and changed events for the feeds and webhooks."""
        with self._tx():
            if record_changes:
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

    def next_generation(self) -> None:
        """Events were written: answers computed from them are stale (see ``generation``)."""
        with self._tx():
            self.conn.execute("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'generation'")

    def _note_changes(self, state: str, treaty: str, events: list[Event]) -> None:
        """Inside ``replace_events``' transaction: record which of the pair's events are new or changed
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
    def reviews(self, state: str | None = None, treaty: str | None = None, event_id: str | None = None) -> list[Review]:
        """Reviewers' verdicts, in the order they were made."""
        sql, args = _where("SELECT * FROM reviews", state=state, treaty=treaty, event_id=event_id)
        return [_review(row) for row in self.conn.execute(sql + " ORDER BY id", args)]

    def add_review(self, review: Review) -> None:
        """Keep a reviewer's verdict (``consolidate.review`` checks and applies it)."""
        with self._tx():
            self.conn.execute(
                "INSERT INTO reviews (event_id, state, treaty, action, machine_date, verdict, changes, by, reason, at)"
                " VALUES (?,?,?,?,?,?,?,?,?,?)",
                (review.event_id, review.state, review.treaty, review.action, _iso(review.machine_date),
                 review.verdict, json.dumps(review.changes), review.by, review.reason, _now()))

    def add_audit(self, by: str, verb: str, event_id: str, before: Event | None, after: Event | None,
                  reason: str) -> None:
        """Record who did what to an event, with the event before and after."""
        with self._tx():
            self.conn.execute(
                "INSERT INTO audit (at, by, verb, event_id, before, after, reason) VALUES (?,?,?,?,?,?,?)",
                (_now(), by, verb, event_id, json.dumps(before.to_dict()) if before else None,
                 json.dumps(after.to_dict()) if after else None, reason))

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

    def event_treaties(self, state: str) -> list[str]:
        """The treaties ``state`` has events of, by id."""
        return [r[0] for r in self.conn.execute("SELECT DISTINCT treaty FROM events WHERE state = ? ORDER BY treaty", (state,))]

    def rejects(self) -> list[Reject]:
        return [Reject(r[0], r[1]) for r in self.conn.execute("SELECT source, reason FROM rejects ORDER BY id")]

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


def change_marker(path: str) -> Callable[[], int] | None:
    """A number that changes after every commit to the SQLite ledger at ``path``, by any process or
    connection (``PRAGMA data_version`` on a read-only connection of its own, which never writes,
    so it sees every commit): answers computed from the ledger may be reused while it stays the
    same.  None for an in-memory or PostgreSQL ledger (no such number: compute every answer)."""
    if path == ":memory:" or is_postgres(path):
        return None
    from urllib.parse import quote

    conn = sqlite3.connect(f"file:{quote(os.path.abspath(path))}?mode=ro", uri=True, timeout=BUSY_TIMEOUT,
                           check_same_thread=False)

    def marker() -> int:
        return int(conn.execute("PRAGMA data_version").fetchone()[0])

    return marker


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


def _review(row: sqlite3.Row) -> Review:
    return Review(
        event_id=row["event_id"], state=row["state"], treaty=row["treaty"], action=row["action"],
        machine_date=_d(row["machine_date"]), verdict=row["verdict"], changes=json.loads(row["changes"]),
        by=row["by"], reason=row["reason"],
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
