"""Readers: every input becomes the same ``Article`` (or a ``Reject`` naming the input and why).

The news text format (DESIGN.md): line 1 title, line 2 source, line 3 publication date
(RFC 2822, ISO 8601 or ``unknown``), a blank line, then the body.
"""

from __future__ import annotations

import csv
import datetime as dt
import email.utils
import functools
import hashlib
import json
import logging
import os
import re
import sys
from collections.abc import Iterable, Iterator
from importlib import resources
from pathlib import Path
from typing import Any, BinaryIO

from .errors import InputError
from .models import Article, Reject

logger = logging.getLogger(__name__)

MAX_BYTES = 5_000_000
NEWS_SUFFIXES = (".txt",)

# A full stop (or ! ?), maybe a closing quote, glued to the next sentence: "X.“Today", "wrote.He".
_GLUED_QUOTE = re.compile(r"([.!?])([”\"’]?)(?=[“\"])")
_GLUED_WORD = re.compile(r"(?<=[a-z0-9%)])([.!?])([”\"’]?)(?=[A-Z])")
_SPACES = re.compile(r"[ \t\u00a0]+")


def read_articles(paths: Iterable[str], stdin: BinaryIO | None = None) -> Iterator[Article | Reject]:
    """Yield an ``Article`` or a ``Reject`` for every file named or found below a directory.

    ``-`` reads one article from standard input.  Directories are walked in name order and
    every ``*.txt`` file in them is read.  Nothing here raises for a bad input.
    """
    for path in paths:
        if path == "-":
            data = (stdin or sys.stdin.buffer).read()
            yield _article_or_reject("<stdin>", data, default_id=None)
            continue
        p = Path(path)
        if p.is_dir():
            files = sorted(f for f in p.rglob("*") if f.is_file() and f.suffix in NEWS_SUFFIXES)
            if not files:
                yield Reject(path, "directory holds no *.txt news files")
            for f in files:
                yield _read_file(f)
        elif p.exists():
            yield _read_file(p)
        else:
            yield Reject(path, "no such file or directory")


def _read_file(path: Path) -> Article | Reject:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            return Reject(str(path), f"file is {size:,} bytes; the limit is {MAX_BYTES:,}")
        data = path.read_bytes()
    except OSError as exc:
        return Reject(str(path), f"cannot read: {exc.strerror or exc}")
    return _article_or_reject(str(path), data, default_id=path.stem)


def _article_or_reject(source: str, data: bytes, default_id: str | None) -> Article | Reject:
    try:
        return parse_news_text(data, article_id=default_id, source_name=source)
    except InputError as exc:
        return Reject(source, exc.reason)


def decode(data: bytes, source_name: str) -> str:
    """Decode bytes as UTF-8 (or UTF-16 with a byte-order mark); refuse binary data."""
    if not data.strip():
        raise InputError(source_name, "empty file")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data[:8192]:
        raise InputError(source_name, "binary file (NUL bytes), not news text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            source_name, f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})"
        ) from None


def parse_news_text(data: bytes | str, article_id: str | None = None, source_name: str = "<text>") -> Article:
    """Parse one article in the news text format; raise ``InputError`` with the reason."""
    text = decode(data, source_name) if isinstance(data, bytes) else data
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if len(lines) < 5 or lines[3].strip():
        raise InputError(
            source_name,
            "missing header lines: expected title, source, publication date, a blank line, then the body",
        )
    title, source, date_line = (line.strip() for line in lines[:3])
    if not title:
        raise InputError(source_name, "line 1 (title) is empty")
    published = parse_published(date_line, source_name)
    body = normalise_body("\n".join(lines[4:]))
    if not body:
        raise InputError(source_name, "no body text after the header lines")
    digest = content_hash(title, body)
    return Article(
        id=article_id or f"stdin-{digest[:12]}",
        title=title,
        text=body,
        published=published,
        source=source or None,
        language=detect_language(f"{title}\n{body}"),
        content_hash=digest,
    )


def parse_published(value: str, source_name: str = "<text>") -> dt.datetime | None:
    """Read a publication date: RFC 2822, ISO 8601, or ``unknown`` (None)."""
    value = value.strip()
    if not value or value.lower() == "unknown":
        return None
    try:
        parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        try:
            parsed = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            raise InputError(
                source_name,
                f"line 3: cannot read the publication date {value!r} (use RFC 2822, ISO 8601 or 'unknown')",
            ) from None
    return parsed


def normalise_body(body: str) -> str:
    """Unglue sentences ("X.“Today" -> "X. “Today"), fold spaces, keep paragraph breaks."""
    paragraphs = []
    for para in re.split(r"\n\s*\n", body):
        para = _SPACES.sub(" ", para.replace("\n", " ")).strip()
        if para:
            para = _GLUED_QUOTE.sub(r"\1\2 ", para)
            para = _GLUED_WORD.sub(r"\1\2 ", para)
            paragraphs.append(para)
    return "\n\n".join(paragraphs)


_TOKENS = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)
SUPPORTED_LANGUAGES = ("en", "de", "fr", "ru", "uk", "pl")


@functools.lru_cache(maxsize=1)
def _stopwords() -> dict[str, frozenset[str]]:
    data = json.loads(resources.files("treatywatch").joinpath("data/stopwords.json").read_text(encoding="utf-8"))
    return {lang: frozenset(words) for lang, words in data.items() if not lang.startswith("_")}


def detect_language(text: str) -> str:
    """The ISO 639-1 code of ``text``'s language, from function-word counts (offline,
    deterministic); ``und`` when too little text decides it."""
    words = [w.lower() for w in _TOKENS.findall(text[:5000])]
    if not words:
        return "und"
    cyrillic = sum(1 for w in words if "\u0400" <= w[0] <= "\u04ff")
    scores: dict[str, float] = {}
    for lang, stop in _stopwords().items():
        if (lang in ("ru", "uk")) != (cyrillic > len(words) / 2):
            continue
        scores[lang] = sum(1 for w in words if w in stop) / len(words)
    if cyrillic > len(words) / 2:
        joined = "".join(words)
        uk_letters = sum(joined.count(c) for c in "іїєґ")
        ru_letters = sum(joined.count(c) for c in "ыэъё")
        scores["uk"] = scores.get("uk", 0.0) + 0.02 * uk_letters / max(1, len(words)) * 10
        scores["ru"] = scores.get("ru", 0.0) + 0.02 * ru_letters / max(1, len(words)) * 10
    best = max(scores, key=lambda k: scores[k])
    return best if scores[best] >= 0.05 else "und"


def body_hash(body: str) -> str:
    """Hash of the body alone, case and spacing folded: the same story under another headline."""
    return hashlib.sha256(" ".join(body.lower().split()).encode()).hexdigest()


def content_hash(title: str, body: str) -> str:
    return hashlib.sha256(f"{title}\n{body}".encode()).hexdigest()


# ---------------------------------------------------------------------------------------
# Official-style status tables (baseline membership)

STATUS_COLUMNS = ("iso3", "signed", "ratified_or_acceded", "kind")
INSTRUMENT_KINDS = {
    "ratification": "ratified",
    "acceptance": "ratified",
    "approval": "ratified",
    "accession": "acceded",
    "succession": "acceded",
}


def read_status_table(path: str | os.PathLike[str]) -> tuple[list[dict[str, str | int]], list[Reject]]:
    """Read a status table CSV: rows as dicts (with their line number), and rejected rows.

    Columns: ``iso3``, ``signed``, ``ratified_or_acceded``, ``kind`` (ratification, acceptance,
    approval, accession, succession), and optionally ``entry_into_force_for_state``,
    ``withdrawal_notified``, ``withdrawal_effective``, ``name``, ``notes``.
    """
    name = os.fspath(path)
    try:
        handle = open(name, newline="", encoding="utf-8-sig")
    except OSError as exc:
        raise InputError(name, f"cannot read: {exc.strerror or exc}") from None
    rows: list[dict[str, str | int]] = []
    rejects: list[Reject] = []
    with handle:
        reader = csv.DictReader(handle)
        missing = [c for c in STATUS_COLUMNS if c not in (reader.fieldnames or [])]
        if missing:
            raise InputError(name, f"missing column(s) {', '.join(missing)}; found {reader.fieldnames}")
        for row in reader:
            line = reader.line_num
            where = f"{name}:{line}"
            iso3 = (row.get("iso3") or "").strip().upper()
            if not re.fullmatch(r"[A-Z]{3}", iso3):
                rejects.append(Reject(where, f"iso3 {row.get('iso3')!r} is not a 3-letter ISO code"))
                continue
            kind = (row.get("kind") or "").strip().lower()
            if row.get("ratified_or_acceded") and kind not in INSTRUMENT_KINDS:
                rejects.append(
                    Reject(where, f"kind {kind!r} is not one of {', '.join(INSTRUMENT_KINDS)}")
                )
                continue
            clean: dict[str, str | int] = {"line": line, "iso3": iso3, "kind": kind}
            bad = False
            for col in ("signed", "ratified_or_acceded", "entry_into_force_for_state",
                        "withdrawal_notified", "withdrawal_effective"):
                value = (row.get(col) or "").strip()
                if value:
                    try:
                        dt.date.fromisoformat(value)
                    except ValueError:
                        rejects.append(Reject(where, f"{col} {value!r} is not a YYYY-MM-DD date"))
                        bad = True
                        break
                clean[col] = value
            if bad:
                continue
            if not any(clean.get(c) for c in ("signed", "ratified_or_acceded", "withdrawal_notified")):
                rejects.append(Reject(where, "no signature, deposit or withdrawal date"))
                continue
            rows.append(clean)
    return rows, rejects


# ---------------------------------------------------------------------------------------
# Near duplicates (syndicated copies): MinHash over word 5-grams, LSH to find candidates

NUM_PERM = 128
MINHASH_SCHEME = "affine32"  # stored signatures stay comparable across datasketch versions
NEAR_DUPLICATE_THRESHOLD = 0.5


def minhash_signature(text: str) -> bytes:
    """The MinHash signature (128 permutations) of ``text``'s word 5-grams, as bytes."""
    from datasketch import MinHash

    words = _TOKENS.findall(text.lower())
    shingles = {" ".join(words[i:i + 5]) for i in range(max(1, len(words) - 4))}
    mh = MinHash(num_perm=NUM_PERM, scheme=MINHASH_SCHEME)
    mh.update_batch([s.encode("utf-8") for s in shingles])
    return bytes(mh.hashvalues.astype("<u8").tobytes())


class NearDuplicates:
    """An LSH index of stored signatures; ``original_of`` finds the story a new text copies."""

    def __init__(self, stored: Iterable[tuple[str, bytes, str | None]], threshold: float = NEAR_DUPLICATE_THRESHOLD) -> None:
        from datasketch import MinHashLSH

        self._lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self._roots: dict[str, str] = {}
        self._threshold = threshold
        for article_id, signature, original in stored:
            self.add(article_id, signature, original)

    @staticmethod
    def _minhash(signature: bytes) -> Any:
        import numpy as np
        from datasketch import MinHash

        return MinHash(num_perm=NUM_PERM, hashvalues=np.frombuffer(signature, dtype="<u8").astype(np.uint64),
                       scheme=MINHASH_SCHEME)

    def add(self, article_id: str, signature: bytes, original: str | None = None) -> None:
        if article_id in self._roots:
            return
        self._lsh.insert(article_id, self._minhash(signature))
        self._roots[article_id] = original or article_id

    def reroot(self, old: str, new: str) -> None:
        """``new`` (published earlier) becomes the original of ``old`` and its copies."""
        for key, root in self._roots.items():
            if root == old:
                self._roots[key] = new
        self._roots[new] = new

    def original_of(self, signature: bytes) -> str | None:
        """The original story of the closest stored near duplicate (estimated Jaccard >= threshold)."""
        mh = self._minhash(signature)
        found = self._lsh.query(mh)
        if not found:
            return None
        return self._roots[sorted(found)[0]]
