"""Readers: every input becomes the same ``Article`` (or a ``Reject`` naming the input and why).

Inputs (``read_articles``): news text files (``.txt``); HTML pages (``.html``, ``.htm``, or an
http(s) URL); JSON (``.json``: one object or a list of objects) and JSONL (``.jsonl``: one object
a line) with the fields title, url, source, published, text and optionally language; RSS and Atom
feeds (``.rss``, ``.atom``, ``.xml``, or a URL); WARC archives (``.warc``, ``.warc.gz``: every
HTML response record); directories (every supported file below them), glob patterns
(``news/*.html``) and ``-`` (standard input, news text format).

Article ids: the file name without extension for a file; the URL for a web page (a page fetched
by URL, a feed entry's link, a WARC record's target URI); ``<file>#<n>`` for the n-th item of a
JSON list, a JSONL file (n is the line number) or a feed entry without a link.

The news text format (DESIGN.md): line 1 title, line 2 source, line 3 publication date
(RFC 2822, ISO 8601 or ``unknown``), a blank line, then the body.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import errno
import email.utils
import glob
import hashlib
import io
import json
import logging
import os
import re
import stat
import sys
import urllib.parse
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO, Protocol
import zlib

from .errors import InputError
from .models import Article, Reject
from .sources import Fetched, Fetcher, ReadOptions, is_url
from .text import content_type, declared_charset, decode, detect_language, fold_spaces, normalise_body

logger = logging.getLogger(__name__)

# File name endings and the reader for each (the longest ending wins: ``.warc.gz``).
SUFFIXES = {
    ".txt": "news", ".html": "html", ".htm": "html", ".json": "json", ".jsonl": "jsonl",
    ".rss": "feed", ".atom": "feed", ".xml": "feed", ".warc": "warc", ".warc.gz": "warc",
}
_LONGEST_FIRST = sorted(SUFFIXES, key=len, reverse=True)
HTML_TYPES = ("text/html", "application/xhtml+xml")
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml", "text/xml")



class SourceState(Protocol):
    """What readers remember between runs; the ``Ledger`` provides it."""

    def fetch_validators(self, url: str) -> tuple[str | None, str | None]:
        """The ETag and Last-Modified last answered for ``url``."""

    def link_seen(self, url: str) -> bool:
        """Whether an article from ``url`` was already ingested."""


def input_kind(name: str) -> str | None:
    """The reader for a file name (``news``, ``html``, ``json``, ``jsonl``, ``feed``, ``warc``)."""
    lower = name.lower()
    for suffix in _LONGEST_FIRST:
        if lower.endswith(suffix):
            return SUFFIXES[suffix]
    return None


def read_articles(paths: Iterable[str], stdin: BinaryIO | None = None, options: ReadOptions | None = None,
                  state: SourceState | None = None) -> Iterator[Article | Reject]:
    """Yield an ``Article`` or a ``Reject`` for every input named, found below a directory or
    matching a glob pattern, fetched by URL, or held in a JSON, JSONL, feed or WARC file.

    ``-`` reads one article in the news text format from standard input.  Directories are walked
    in name order.  A file named explicitly with an unknown ending is read as news text.
    Nothing here raises for a bad input.
    """
    with Reader(options, state=state, stdin=stdin) as reader:
        yield from reader.read(paths)


def count_inputs(paths: Iterable[str]) -> int:
    """About how many items ``read_articles`` yields (for a progress bar): one a file, URL or
    feed, one a line of a JSONL file."""
    n = 0
    for path in paths:
        p = Path(path)
        if p.is_dir():
            files = files_below(p)
        elif not p.exists() and any(c in path for c in "*?["):
            files = [Path(m) for m in sorted(glob.glob(path, recursive=True))]
        else:
            n += 1
            continue
        for f in files:
            if f.is_dir():
                n += len(files_below(f))
            elif input_kind(f.name) == "jsonl":
                try:
                    with f.open("rb") as handle:
                        n += sum(chunk.count(b"\n") for chunk in iter(lambda: handle.read(1 << 20), b""))
                except OSError:
                    n += 1
            else:
                n += 1
    return n


def read_feeds(sources: Iterable[str], options: ReadOptions | None = None,
               state: SourceState | None = None) -> Iterator[Article | Reject]:
    """Every entry of each feed (an http(s) URL or a file); see ``Reader.read_feeds``."""
    with Reader(options, state=state) as reader:
        yield from reader.read_feeds(sources)


def read_feed_list(path: str | os.PathLike[str]) -> list[str]:
    """The feeds listed in a file: one URL or file path a line (a relative path is relative to
    the list's folder); blank lines and ``#`` comments skipped."""
    name = os.fspath(path)
    try:
        text = Path(name).read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise InputError(name, f"cannot read the feed list: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise InputError(name, "the feed list is not UTF-8 text") from None
    feeds = []
    for line in text.splitlines():
        line = re.split(r"(?:^|\s)#", line, maxsplit=1)[0].strip()
        if line:
            feeds.append(line if is_url(line) or os.path.isabs(line) else os.path.join(os.path.dirname(name), line))
    return feeds


class Reader:
    """Reads files, directories, glob patterns, URLs and feeds; holds the HTTP client of one run.

    With a ``state`` (the ledger), feeds are fetched conditionally (If-None-Match /
    If-Modified-Since from the validators stored for their URL) and entries whose link was
    already ingested are skipped without fetching.  ``validators`` collects the ETag and
    Last-Modified of every feed read to its end in this run: store them only once the entries
    are stored, so that a killed run refetches the feed rather than skip what it had not stored.
    """

    def __init__(self, options: ReadOptions | None = None, state: SourceState | None = None,
                 stdin: BinaryIO | None = None, fetcher: Fetcher | None = None) -> None:
        self.options = options or ReadOptions()
        self.state = state
        self.stdin = stdin
        self._fetcher = fetcher
        self._own_fetcher = fetcher is None
        self.validators: dict[str, tuple[str | None, str | None]] = {}
        self.skipped_links = 0

    def __enter__(self) -> Reader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._own_fetcher and self._fetcher is not None:
            self._fetcher.close()
            self._fetcher = None

    @property
    def fetcher(self) -> Fetcher:
        if self._fetcher is None:
            self._fetcher = Fetcher(self.options)
        return self._fetcher

    # -- dispatch ---------------------------------------------------------------------------
    def read(self, paths: Iterable[str]) -> Iterator[Article | Reject]:
        for path in paths:
            if path == "-":
                items: Iterable[Article | Reject] = [self._read_stdin()]
            elif is_url(path):
                items = self.read_url(path)
            else:  # read_file finishes each item of a file once
                yield from self._guard(path, self._read_local(path), finish=False)
                continue
            yield from self._guard(path, items, finish=True)

    def read_feeds(self, sources: Iterable[str]) -> Iterator[Article | Reject]:
        """Every entry of each feed (URL or file), whatever its ending; with a state, entries
        whose link was already ingested are skipped and unchanged feeds (304) give nothing."""
        for source in sources:
            if is_url(source):
                items: Iterable[Article | Reject] = self._read_feed_url(source, force=True)
            elif Path(source).is_file():
                items = self._read_feed_file(Path(source))
            else:
                items = [Reject(source, "no such feed file (a feed is an http(s) URL or a file)")]
            yield from self._guard(source, items, finish=True)

    def _guard(self, name: str, items: Iterable[Article | Reject], finish: bool) -> Iterator[Article | Reject]:
        """``items``, each finished (``finish``); whatever a reader raises ends that input with a
        reject naming the error, never the batch."""
        try:
            for item in items:
                yield self.finish(item, name) if finish else item
        except Exception as exc:  # noqa: BLE001 - one input must never stop a batch
            logger.debug("%s: reader failed", name, exc_info=True)
            yield clean_reject(Reject(name, f"cannot read ({_describe(exc)})"))

    def finish(self, item: Article | Reject, where: str | None = None) -> Article | Reject:
        """The one last step of every reader: a reject made printable and short; an article's
        publication date normalised (naive = UTC, years 1900-2200), its id printable, and its
        text refused if a run without a sentence end is longer than ``max_line_chars``."""
        if isinstance(item, Reject):
            return clean_reject(item)
        name = item.url or item.id
        if where and not is_url(where):
            name = where if item.id in where else f"{where} ({item.id})"
        name = printable(name, MAX_NAME_CHARS)
        try:
            published = normalise_published(item.published, name)
        except InputError as exc:
            return clean_reject(Reject(name, exc.reason))
        limit = self.options.max_line_chars
        longest = max(_longest_run(item.title), _longest_run(item.text)) if max(len(item.title), len(item.text)) > limit else 0
        if longest > limit:
            return clean_reject(Reject(name, f"a run of {longest:,} characters without a sentence end (. ! ? ; or a "
                                             f"line break); the limit is {limit:,} (max_line_chars)"))
        return dataclasses.replace(item, id=printable(item.id, MAX_NAME_CHARS), published=published,
                                   title=scrub(item.title), text=scrub(item.text),
                                   source=scrub(item.source) if item.source else item.source,
                                   url=scrub(item.url) if item.url else item.url)

    def _read_local(self, path: str) -> Iterator[Article | Reject]:
        p = Path(path)
        if p.is_dir():
            files = files_below(p)
            if not files:
                yield clean_reject(Reject(path, f"directory holds no files to read ({', '.join(SUFFIXES)})"))
            for f in files:
                yield from self.read_file(f)
        elif p.exists() or os.path.lexists(path):  # a broken link or a link loop: read_file says which
            yield from self.read_file(p)
        elif any(c in path for c in "*?["):
            matches = sorted(glob.glob(path, recursive=True))
            if not matches:
                yield clean_reject(Reject(path, "no file matches the pattern"))
            for match in matches:
                m = Path(match)
                for f in (files_below(m) if m.is_dir() else [m]):
                    yield from self.read_file(f)
        else:
            yield clean_reject(Reject(path, "no such file or directory"))

    def read_below(self, top: str, path: Path) -> Iterator[Article | Reject]:
        """The articles of one file found below the path ``top`` (a directory or a glob
        pattern), exactly as ``read([top])`` yields them (so that workers can share a folder)."""
        yield from self._guard(top, self.read_file(path), finish=False)  # read_file finished them

    def read_file(self, path: Path) -> Iterator[Article | Reject]:
        """The articles of one file, by its ending (unknown endings are read as news text).
        Only regular files are read: a FIFO, a device or a socket is refused by its type."""
        yield from self._guard(str(path), self._read_file(path), finish=True)

    def _read_file(self, path: Path) -> Iterator[Article | Reject]:
        name = str(path)
        kind = input_kind(path.name) or "news"
        try:
            handle = open_regular(path)
        except InputError as exc:
            yield Reject(name, exc.reason)
            return
        with handle:
            size = os.fstat(handle.fileno()).st_size
            limit = self.options.max_feed_bytes if kind == "feed" else self.options.max_bytes
            hint = "; write large collections as JSONL, one article a line" if kind == "json" else ""
            if kind in ("news", "html", "json", "feed") and size > limit:
                yield Reject(name, f"file is {size:,} bytes; the limit is {limit:,}{hint}")
                return
            if kind == "jsonl":
                yield from self._read_jsonl(handle, path)
                return
            if kind == "warc":
                yield from self._read_warc(handle, path)
                return
            try:
                data = handle.read(limit + 1)
            except OSError as exc:
                yield Reject(name, f"cannot read: {exc.strerror or exc}")
                return
            if len(data) > limit:  # the file grew since it was opened
                yield Reject(name, f"file is more than {limit:,} bytes, the limit{hint}")
                return
            if kind == "news":
                yield _reject_or(lambda: parse_news_text(data, article_id=path.stem, source_name=name))
            elif kind == "html":
                yield _reject_or(lambda: parse_html(data, article_id=path.stem, source_name=name,
                                                    max_depth=self.options.max_depth))
            elif kind == "json":
                yield from _read_json(data, path, self.options.max_bytes, self.options.max_depth)
            else:
                yield from self._feed_entries(data, name, item_prefix=path.stem)

    def _read_stdin(self) -> Article | Reject:
        data = (self.stdin or sys.stdin.buffer).read(self.options.max_bytes + 1)
        if len(data) > self.options.max_bytes:
            return Reject("<stdin>", f"more than {self.options.max_bytes:,} bytes, the limit")
        return _reject_or(lambda: parse_news_text(data, article_id=None, source_name="<stdin>"))

    # -- the web ------------------------------------------------------------------------------
    def read_url(self, url: str) -> Iterator[Article | Reject]:
        """A page (one article, id = the URL) or a feed (its entries) fetched from ``url``."""
        yield from self._read_feed_url(url, force=False)

    def _read_feed_url(self, url: str, force: bool) -> Iterator[Article | Reject]:
        etag, modified = self.state.fetch_validators(url) if self.state is not None else (None, None)
        try:
            fetched = self.fetcher.fetch(url, etag, modified, max_bytes=self.options.max_feed_bytes)
        except InputError as exc:
            yield Reject(url, exc.reason)
            return
        if fetched.not_modified:
            logger.info("%s: not modified since the last poll", url)
            return
        if force or _looks_like_feed(fetched):
            yield from self._feed_entries(fetched.content, url, item_prefix=url, base=fetched.final_url)
            if fetched.etag or fetched.last_modified:
                self.validators[url] = (fetched.etag, fetched.last_modified)
            return
        yield self._page(fetched, url)

    def _page(self, fetched: Fetched, article_id: str) -> Article | Reject:
        if fetched.content_type and fetched.content_type not in HTML_TYPES:
            return Reject(article_id, f"not an HTML page or a feed (content type {fetched.content_type})")
        if len(fetched.content) > self.options.max_bytes:
            return Reject(article_id, f"page is {len(fetched.content):,} bytes; the limit is {self.options.max_bytes:,}")
        return _reject_or(lambda: parse_html(fetched.content, article_id=article_id, url=fetched.final_url,
                                             charset=fetched.charset, max_depth=self.options.max_depth))

    def _read_feed_file(self, path: Path) -> Iterator[Article | Reject]:
        try:
            with open_regular(path) as handle:
                data = handle.read(self.options.max_feed_bytes + 1)
            if len(data) > self.options.max_feed_bytes:
                yield Reject(str(path), f"file is more than {self.options.max_feed_bytes:,} bytes, the limit")
                return
        except InputError as exc:
            yield Reject(str(path), exc.reason)
            return
        except OSError as exc:
            yield Reject(str(path), f"cannot read: {exc.strerror or exc}")
            return
        yield from self._feed_entries(data, str(path), item_prefix=path.stem)

    def _feed_entries(self, data: bytes, name: str, item_prefix: str, base: str | None = None
                      ) -> Iterator[Article | Reject]:
        """Every entry of an RSS or Atom document.  An entry with full content is read from the
        feed; one with only a summary is read from its linked page, fetched."""
        import feedparser

        parsed = feedparser.parse(data)
        entries = list(parsed.get("entries") or [])
        if not parsed.get("version") and not entries:
            problem = parsed.get("bozo_exception")
            yield Reject(name, "not an RSS or Atom feed" + (f" ({problem})" if problem else ""))
            return
        if not entries:
            problem = parsed.get("bozo_exception") if parsed.get("bozo") else None
            yield Reject(name, "the feed has no entries" + (f" (and is not well-formed: {problem})" if problem else ""))
            return
        if parsed.get("bozo") and parsed.get("bozo_exception"):
            logger.info("%s: feed is not well-formed (%s); reading the %d entries found", name,
                        parsed["bozo_exception"], len(entries))
        feed_title = fold_spaces(str(parsed.get("feed", {}).get("title") or "")) or None
        for n, entry in enumerate(entries, 1):
            link = str(entry.get("link") or "").strip() or None
            if link and base:
                link = urllib.parse.urljoin(base, link)
            if link and not is_url(link):
                link = None  # an Atom id such as urn:uuid:..., not a page
            where = link or f"{item_prefix}#{n}"
            label = f"{name}#{n}"  # a reject names the feed (file or URL) and the entry
            if link and self.state is not None and self.state.link_seen(link):
                self.skipped_links += 1
                continue
            title = fold_spaces(str(entry.get("title") or ""))
            published = _entry_published(entry)
            content = entry.get("content") or []
            html = "".join(str(c.get("value") or "") for c in content)
            if html.strip():
                yield _reject_or(lambda: article_from_parts(
                    where, title, html_text(html), published, source=feed_title, url=link,
                    max_bytes=self.options.max_bytes, source_name=label))
            elif link:
                yield self._entry_page(link, title, published, feed_title)
            elif str(entry.get("summary") or "").strip():
                yield _reject_or(lambda: article_from_parts(
                    where, title, html_text(str(entry.get("summary"))), published, source=feed_title,
                    max_bytes=self.options.max_bytes, source_name=label))
            else:
                yield Reject(label, "feed entry has no text and no link")

    def _entry_page(self, link: str, title: str, published: dt.datetime | None,
                    feed_title: str | None) -> Article | Reject:
        try:
            fetched = self.fetcher.fetch(link)
        except InputError as exc:
            return Reject(link, exc.reason)
        page = self._page(fetched, link)
        if isinstance(page, Reject):
            return page
        better_date = page.published if page.published is not None and page.published.tzinfo else None
        return Article(
            id=page.id, title=page.title or title, text=page.text,
            published=better_date or published or page.published, source=page.source or feed_title,
            url=link, language=page.language, content_hash=page.content_hash)

    # -- archives -------------------------------------------------------------------------------
    def _read_jsonl(self, handle: BinaryIO, path: Path) -> Iterator[Article | Reject]:
        name = str(path)
        count = 0
        for lineno, line, size in _lines(handle, self.options.max_bytes):
            where = f"{name}:{lineno}"
            if line is None:
                yield Reject(where, f"line is {size:,} bytes; the limit is {self.options.max_bytes:,}")
                continue
            if not line.strip():
                continue
            count += 1
            record = _load_json(line, where, self.options.max_depth)
            if isinstance(record, Reject):
                yield record
                continue
            yield _reject_or(lambda: article_from_record(
                record, f"{path.stem}#{lineno}", where, self.options.max_bytes))
        if count == 0:
            yield Reject(name, "empty file (no JSON lines)")

    def _read_warc(self, handle: BinaryIO, path: Path) -> Iterator[Article | Reject]:
        """Every HTML response record of a WARC (or WARC.gz) file; the id is its target URI.
        The file is inflated here, within ``max_decompressed_bytes`` in all and with no line
        longer than an article may be, so that a gzip bomb ends as a reject."""
        from warcio.archiveiterator import ArchiveIterator

        name = str(path)
        n = pages = 0
        stream = BoundedStream(handle, name, self.options.max_decompressed_bytes,
                               max_line=self.options.max_bytes + 65536)
        records = iter(ArchiveIterator(stream))
        while True:
            try:
                record = next(records)
            except StopIteration:
                break
            except InputError as exc:
                yield Reject(name, f"{exc.reason} (after {n} records)")
                return
            except Exception as exc:  # warcio raises many kinds (ArchiveLoadFailed, zlib, EOF...)
                if isinstance(exc.__context__, InputError):
                    yield Reject(name, f"{exc.__context__.reason} (after {n} records)")
                    return
                reason = _describe(exc, with_type=False)
                yield Reject(name, f"not a WARC file, or a damaged one (after {n} records): {reason}")
                return
            n += 1
            if record.format != "warc":
                yield Reject(name, f"not a WARC file (record {n} is not a WARC record)")
                return
            if record.rec_type != "response" or record.http_headers is None:
                continue
            uri = str(record.rec_headers.get_header("WARC-Target-URI") or f"{path.stem}#{n}")
            where = f"{name}#{n} {uri}"
            status = str(record.http_headers.get_statuscode() or "")
            media, charset = content_type(record.http_headers.get_header("Content-Type") or "")
            if not status.startswith("2") or (media and media not in HTML_TYPES):
                logger.debug("%s: skipped (HTTP %s, %s)", where, status, media or "no content type")
                continue
            pages += 1
            try:
                data = record.content_stream().read(self.options.max_bytes + 1)
            except InputError as exc:
                yield Reject(where, exc.reason)
                return
            except Exception as exc:  # a record cut short, a bad gzip or chunked body
                yield Reject(where, f"cannot read the record: {_describe(exc, with_type=False)}")
                return
            if len(data) > self.options.max_bytes:
                yield Reject(where, f"record is more than {self.options.max_bytes:,} bytes, the limit")
                continue
            yield _reject_or(lambda: parse_html(data, article_id=uri, url=uri, charset=charset, source_name=where,
                                                max_depth=self.options.max_depth))
        if n == 0:
            yield Reject(name, "empty WARC file (no records)")
        elif pages == 0:
            yield Reject(name, f"no HTML response records among the {n} records")


def _reject_or(make: Any) -> Article | Reject:
    """``make()``'s article, or a ``Reject`` from the ``InputError`` it raised."""
    try:
        article: Article = make()
    except InputError as exc:
        return Reject(exc.source, exc.reason)
    return article


def files_below(folder: Path) -> list[Path]:
    """Every file with a supported ending below ``folder`` (special files and broken links too,
    so that each is reported rather than silently passed over), in path order: the files of
    ``folder.rglob("*")``, found by ``os.scandir`` (ten times faster on a folder of 20,000 files,
    which the workers of a parallel ingest wait for).  Links to folders are not followed and
    an unreadable folder is passed over, as by ``rglob``."""
    found: list[tuple[str, ...]] = []

    def walk(path: str, parts: tuple[str, ...]) -> None:
        try:
            with os.scandir(path) as entries:
                listed = list(entries)
        except PermissionError:
            return
        for entry in listed:
            if entry.is_dir(follow_symlinks=False):
                walk(entry.path, (*parts, entry.name))
            elif input_kind(entry.name) and not entry.is_dir():
                found.append((*parts, entry.name))

    walk(str(folder), ())
    return [folder.joinpath(*parts) for parts in sorted(found)]


# ---------------------------------------------------------------------------------------
# Safe reading and printing

MAX_NAME_CHARS = 300  # an input's name in a reject
MAX_REASON_CHARS = 500  # a reject's reason
PUBLISHED_YEARS = (1900, 2200)  # publication dates outside these years are refused
_SURROGATES = re.compile(r"[\ud800-\udfff]")
_SENTENCE_RUN = re.compile(r"[^.!?;\n。！？]+")
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u2028-\u202e\u2066-\u2069\ud800-\udfff]")


def printable(text: str, limit: int) -> str:
    """``text`` safe to print on one line and store: control characters, bidirectional marks
    and lone surrogates escaped (a byte of a file name that is not UTF-8 becomes ``\\xff``),
    cut to ``limit`` characters."""
    text = text[: limit * 2]
    if not _UNPRINTABLE.search(text):  # the common case: nothing to escape
        return text if len(text) <= limit else text[: limit - 1] + "…"
    out = []
    for ch in text:
        o = ord(ch)
        if 0xDC80 <= o <= 0xDCFF:  # a byte os.fsdecode could not decode
            out.append(f"\\x{o - 0xDC00:02x}")
        elif 0xD800 <= o <= 0xDFFF:
            out.append(f"\\u{o:04x}")
        elif o < 0x20 or 0x7F <= o < 0xA0 or 0x2028 <= o <= 0x202E or 0x2066 <= o <= 0x2069 or o in (0x200E, 0x200F):
            out.append({"\n": "\\n", "\r": "\\r", "\t": "\\t"}.get(ch) or (f"\\x{o:02x}" if o < 0x100 else f"\\u{o:04x}"))
        else:
            out.append(ch)
    result = "".join(out)
    return result if len(result) <= limit else result[: limit - 1] + "…"


def clean_reject(reject: Reject) -> Reject:
    """A reject with a printable name and a printable reason of sane length."""
    return Reject(printable(reject.source, MAX_NAME_CHARS), printable(reject.reason, MAX_REASON_CHARS))


def scrub(text: str) -> str:
    """``text`` with lone surrogates (from JSON escapes such as ``\\ud800``) replaced by U+FFFD."""
    return _SURROGATES.sub("\ufffd", text)


def _describe(exc: BaseException, with_type: bool = True) -> str:
    message = str(exc)[:MAX_REASON_CHARS].strip()
    if not with_type:
        return message or type(exc).__name__
    return f"{type(exc).__name__}: {message}" if message else type(exc).__name__


def _longest_run(text: str) -> int:
    """The length of the longest run of ``text`` without a sentence end or a line break."""
    return max((m.end() - m.start() for m in _SENTENCE_RUN.finditer(text)), default=0)


def normalise_published(value: dt.datetime | None, source_name: str = "<text>") -> dt.datetime | None:
    """The one rule for publication dates, whatever the reader: a date without a time zone is
    UTC; years outside 1900-2200 are refused (``InputError``), so that no later date
    computation runs off the calendar."""
    if value is None:
        return None
    low, high = PUBLISHED_YEARS
    if not low <= value.year <= high:
        raise InputError(source_name, f"publication date {value.isoformat()} is outside the years {low}-{high}")
    if value.tzinfo is None or value.utcoffset() is None:
        return value.replace(tzinfo=dt.timezone.utc)
    return value


_SPECIAL_FILES = ((stat.S_ISDIR, "a directory"), (stat.S_ISFIFO, "a FIFO (named pipe)"),
                  (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
                  (stat.S_ISSOCK, "a socket"))


def open_regular(path: str | os.PathLike[str]) -> BinaryIO:
    """``path`` opened for reading if it is a regular file; else ``InputError`` saying what it
    is (a FIFO or a device is never read, and opening never blocks)."""
    name = os.fspath(path)
    try:
        fd = os.open(name, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise InputError(str(name), _os_reason(name, exc)) from None
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            what = next((label for test, label in _SPECIAL_FILES if test(mode)), "not a regular file")
            raise InputError(str(name), f"{what}, not a regular file; not read")
        os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def _os_reason(name: str, exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "a symbolic link loop (too many levels of symbolic links)"
    if exc.errno == errno.ENOENT and os.path.islink(name):
        return f"a broken symbolic link (its target {os.readlink(name)!r} does not exist)"
    return f"cannot read: {exc.strerror or exc}"


class BoundedStream(io.RawIOBase):
    """A binary file, inflated if it is gzip, that raises ``InputError`` once it has given
    ``max_total`` bytes or a line longer than ``max_line`` bytes (what a gzip bomb gives)."""

    def __init__(self, raw: BinaryIO, name: str, max_total: int, max_line: int) -> None:
        super().__init__()
        self.name = name
        self.max_total = max_total
        self.max_line = max_line
        self.total = 0
        self.run = 0  # bytes since the last line break
        head = raw.read(2)
        self._inflater: Any = zlib.decompressobj(wbits=31) if head == b"\x1f\x8b" else None
        self._raw = raw
        self._pending = head
        self._eof = False

    def readable(self) -> bool:
        return True

    def _more(self, size: int) -> bytes:
        """Up to ``size`` bytes of content (empty at the end)."""
        while True:
            if self._inflater is None:
                data, self._pending = self._pending + self._raw.read(size), b""
                return data
            if self._inflater.unconsumed_tail:
                return bytes(self._inflater.decompress(self._inflater.unconsumed_tail, size))
            if self._inflater.eof:  # gzip members follow one another
                rest = self._inflater.unused_data
                self._inflater = zlib.decompressobj(wbits=31)
                if not rest:
                    rest = self._raw.read(65536)
                    if not rest:
                        return b""
                out = bytes(self._inflater.decompress(rest, size))
            else:
                compressed = self._pending + self._raw.read(65536)
                self._pending = b""
                if not compressed:
                    if not self._eof:
                        self._eof = True
                    return b""
                out = bytes(self._inflater.decompress(compressed, size))
            if out:
                return out

    def readinto(self, buffer: Any) -> int:
        data = self._more(max(1, min(len(buffer), 1 << 20)))
        if not data:
            return 0
        self.total += len(data)
        if self.total > self.max_total:
            raise InputError(self.name, f"inflates to more than {self.max_total:,} bytes, the limit "
                                        "(max_decompressed_bytes)")
        cut = data.rfind(b"\n")
        self.run = self.run + len(data) if cut < 0 else len(data) - cut - 1
        if self.run > self.max_line:
            raise InputError(self.name, f"a line of more than {self.max_line:,} bytes (after {self.total:,} bytes "
                                        "inflated); not a WARC file, or a damaged one")
        buffer[: len(data)] = data
        return len(data)


def _lines(handle: BinaryIO, limit: int) -> Iterator[tuple[int, bytes | None, int]]:
    """(line number, line, size) of every line; a line longer than ``limit`` is None (and skipped
    without holding it in memory)."""
    lineno = 0
    while True:
        line = handle.readline(limit + 1)
        if not line:
            return
        lineno += 1
        if len(line) <= limit or line.endswith(b"\n"):
            yield lineno, line, len(line)
            continue
        size = len(line)
        while not line.endswith(b"\n"):
            line = handle.readline(1 << 20)
            if not line:
                break
            size += len(line)
        yield lineno, None, size


def _looks_like_feed(fetched: Fetched) -> bool:
    if fetched.content_type in FEED_TYPES[:3]:
        return True
    head = fetched.content[:1024].lstrip().lower()
    return (fetched.content_type in FEED_TYPES or not fetched.content_type or head.startswith(b"<?xml")) and (
        b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head)


# ---------------------------------------------------------------------------------------
# HTML pages, JSON records, feed entries


_HTML_OPEN = re.compile(r"<html[\s>]", re.I)
_HTML_CLOSE = re.compile(r"</html\s*>", re.I)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
# Meta tags that carry a publication date, best first (property, name or itemprop; lower case).
META_PUBLISHED = (
    "article:published_time", "og:article:published_time", "og:published_time", "datepublished",
    "published_time", "article.published", "pubdate", "publishdate", "publish-date", "publish_date",
    "dcterms.issued", "dc.date.issued", "dcterms.created", "dc.date", "date", "sailthru.date",
    "parsely-pub-date",
)
MIN_PAGE_TEXT = 40  # characters: less is navigation or boilerplate, not an article
_BLOCK_TAGS = ("p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section",
               "article", "header", "footer", "ul", "ol", "table", "pre", "figure", "figcaption")


def parse_html(data: bytes | str, article_id: str, url: str | None = None, source_name: str | None = None,
               charset: str | None = None, max_depth: int = 100) -> Article:
    """Read an HTML page: main text and title by trafilatura; the publication date and time from
    the page's metadata (``article:published_time`` and other meta tags, JSON-LD
    ``datePublished``, ``<time datetime>``); source = the site's name or host.  Raises
    ``InputError`` with the reason (empty, binary, truncated, no main text)."""
    import trafilatura

    name = source_name or url or article_id
    text = data if isinstance(data, str) else decode(data, name, charset or declared_charset(data))
    if _HTML_OPEN.search(text[:8192]) and not _HTML_CLOSE.search(text):
        raise InputError(name, "truncated HTML: the page opens <html> but never closes it")
    tree = _html_tree(text)
    published = _meta_published(tree, max_depth) if tree is not None else None
    text = _drop_deep_jsonld(text, max_depth)
    try:
        doc = trafilatura.bare_extraction(text, url=url, with_metadata=True, include_comments=False,
                                          include_tables=False, deduplicate=False)
    except Exception as exc:  # trafilatura is robust, but a page must never stop a batch
        raise InputError(name, f"cannot extract the main text ({type(exc).__name__}: {exc})") from None
    if doc is None or isinstance(doc, dict) or not (doc.text or "").strip():
        raise InputError(name, "no main text found in the HTML page")
    title = fold_spaces(doc.title or "")
    lines = [line.strip() for line in str(doc.text).split("\n") if line.strip()]
    if lines and title and fold_spaces(lines[0]) == title:
        lines = lines[1:]
    if sum(len(line) for line in lines) < MIN_PAGE_TEXT:
        raise InputError(name, f"no main text found in the HTML page (only {sum(len(x) for x in lines)} characters)")
    if published is None and doc.date:
        published = _parse_datetime(str(doc.date))
    page_url = url or (str(doc.url) if doc.url else None)
    host = urllib.parse.urlsplit(page_url).hostname if page_url else None
    source = fold_spaces(str(doc.sitename or "")) or host or None
    return article_from_parts(article_id, title, "\n\n".join(lines), published, source=source, url=page_url,
                              source_name=name)


def article_from_parts(article_id: str, title: str, text: str, published: dt.datetime | None,
                       source: str | None = None, url: str | None = None, language: str | None = None,
                       max_bytes: int | None = None, source_name: str | None = None) -> Article:
    """An ``Article`` from its fields: the body normalised, language detected unless given,
    the content hashed.  A missing title becomes the first sentence of the body."""
    name = source_name or article_id
    body = normalise_body(scrub(text))
    title = scrub(title)
    if not body:
        raise InputError(name, "no body text")
    if max_bytes is not None and len(body.encode("utf-8")) > max_bytes:
        raise InputError(name, f"text is {len(body.encode('utf-8')):,} bytes; the limit is {max_bytes:,}")
    title = fold_spaces(title)
    if not title:
        first = re.split(r"(?<=[.!?])\s", body.split("\n\n", 1)[0], maxsplit=1)[0]
        title = first if len(first) <= 150 else first[:149].rsplit(" ", 1)[0] + "…"
    return Article(
        id=article_id, title=title, text=body, published=published, source=source or None, url=url,
        language=language or detect_language(f"{title}\n{body}"), content_hash=content_hash(title, body))


JSON_FIELDS = ("title", "url", "source", "published", "text", "language")


def article_from_record(record: Any, article_id: str, source_name: str, max_bytes: int | None = None) -> Article:
    """An ``Article`` from a JSON object with the fields title, url, source, published
    (RFC 2822, ISO 8601 or null), text and optionally language (detected when absent)."""
    if not isinstance(record, dict):
        raise InputError(source_name, f"expected a JSON object with {', '.join(JSON_FIELDS)}; got {type(record).__name__}")
    for key in ("title", "text"):
        if not isinstance(record.get(key), str) or not record[key].strip():
            raise InputError(source_name, f"field '{key}' is missing or empty")
    for key in ("url", "source", "published", "language"):
        if record.get(key) is not None and not isinstance(record[key], str):
            raise InputError(source_name, f"field '{key}' must be a string or null, not {type(record[key]).__name__}")
    language = (record.get("language") or "").strip().lower() or None
    if language is not None and not re.fullmatch(r"[a-z]{2,3}", language):
        raise InputError(source_name, f"field 'language' {language!r} is not an ISO 639 code (e.g. 'en')")
    published = parse_published(record.get("published") or "", source_name, where="field 'published'")
    return article_from_parts(article_id, record["title"], record["text"], published,
                              source=(record.get("source") or "").strip() or None,
                              url=(record.get("url") or "").strip() or None, language=language,
                              max_bytes=max_bytes, source_name=source_name)


def _load_json(data: bytes, where: str, max_depth: int = 100) -> Any:
    """The decoded JSON value of ``data``, or a ``Reject`` saying why it is not JSON."""
    deep = Reject(where, f"JSON nested more than {max_depth} levels deep, the limit (max_depth)")
    try:
        text = decode(data, where)
        if json_too_deep(text, max_depth):
            return deep
        return json.loads(text)
    except InputError as exc:
        return Reject(where, exc.reason)
    except json.JSONDecodeError as exc:
        return Reject(where, f"not valid JSON ({exc.msg} at line {exc.lineno} column {exc.colno})")
    except RecursionError:
        return deep


def _read_json(data: bytes, path: Path, max_bytes: int, max_depth: int = 100) -> Iterator[Article | Reject]:
    name = str(path)
    value = _load_json(data, name, max_depth)
    if isinstance(value, Reject):
        yield value
        return
    if isinstance(value, list):
        if not value:
            yield Reject(name, "empty JSON list")
        for i, record in enumerate(value, 1):
            yield _reject_or(lambda: article_from_record(record, f"{path.stem}#{i}", f"{name}#{i}", max_bytes))
    else:
        yield _reject_or(lambda: article_from_record(value, path.stem, name, max_bytes))


def html_text(fragment: str) -> str:
    """Plain text of an HTML fragment (a feed entry's content), one paragraph a block element."""
    from lxml import etree
    from lxml import html as lxml_html

    if "<" not in fragment:
        return fragment
    try:
        root = lxml_html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return re.sub(r"<[^>]+>", " ", fragment)
    for bad in list(root.iter("script", "style")):
        bad.drop_tree()
    for br in root.iter("br"):
        br.tail = "\n" + (br.tail or "")
    for block in root.iter(*_BLOCK_TAGS):
        block.text = "\n\n" + (block.text or "")
        block.tail = "\n\n" + (block.tail or "")
    return str(root.text_content())


def _html_tree(text: str) -> Any:
    from lxml import etree
    from lxml import html as lxml_html

    try:
        return lxml_html.document_fromstring(_XML_DECLARATION.sub("", text, count=1))
    except (etree.ParserError, ValueError):
        return None


def _meta_published(tree: Any, max_depth: int = 100) -> dt.datetime | None:
    """The publication date and time a page's metadata states: meta tags, JSON-LD, <time>.
    A value with a time of day beats one with only a date."""
    found: dict[str, str] = {}
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        value = (meta.get("content") or "").strip()
        if key in META_PUBLISHED and value:
            found.setdefault(key, value)
    candidates = [found[k] for k in META_PUBLISHED if k in found]
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() == "application/ld+json" and script.text:
            if json_too_deep(script.text, max_depth):
                continue
            try:
                candidates.extend(_jsonld_dates(json.loads(script.text)))
            except (ValueError, RecursionError):
                continue
    times = [t for t in tree.iter("time") if t.get("datetime")]
    times.sort(key=lambda t: 0 if (t.get("itemprop") or "").lower() == "datepublished" or t.get("pubdate") is not None else 1)
    candidates.extend(str(t.get("datetime")) for t in times)
    dated = None
    for value in candidates:
        parsed = _parse_datetime(value)
        if parsed is None:
            continue
        if ":" in value:
            return parsed
        dated = dated or parsed
    return dated


_JSONLD = re.compile(r"(<script[^>]*application/ld\+json[^>]*>)(.*?)(</script\s*>)", re.I | re.S)


def _drop_deep_jsonld(text: str, max_depth: int) -> str:
    """The page without JSON-LD blocks nested deeper than ``max_depth`` (the main-text
    extractor parses JSON-LD too, and would recurse without end)."""
    if "ld+json" not in text:
        return text
    return _JSONLD.sub(lambda m: m.group(0) if not json_too_deep(m.group(2), max_depth) else m.group(1) + m.group(3),
                       text)


_JSON_TOKEN = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{}]')


def json_too_deep(text: str, max_depth: int) -> bool:
    """Whether JSON ``text`` nests arrays and objects more than ``max_depth`` levels deep
    (one linear scan, strings skipped; decided before any recursive parser sees it)."""
    if text.count("[") + text.count("{") <= max_depth:
        return False
    depth = 0
    for m in _JSON_TOKEN.finditer(text):
        token = m.group(0)
        if token in "[{":
            depth += 1
            if depth > max_depth:
                return True
        elif token in "]}":
            depth -= 1
    return False


def _jsonld_dates(value: Any, depth: int = 0) -> list[str]:
    if depth > 6:
        return []
    if isinstance(value, list):
        return [d for v in value for d in _jsonld_dates(v, depth + 1)]
    if not isinstance(value, dict):
        return []
    out = [str(value["datePublished"])] if isinstance(value.get("datePublished"), str) else []
    for key, sub in value.items():
        if key != "datePublished" and isinstance(sub, (dict, list)):
            out.extend(_jsonld_dates(sub, depth + 1))
    return out


def _parse_datetime(value: str) -> dt.datetime | None:
    value = value.strip()
    if not value:
        return None
    try:
        parsed = dt.datetime.fromisoformat(value[:-1] + "+00:00" if value[-1] in "zZ" else value)
    except (ValueError, OverflowError):
        try:
            parsed = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError, OverflowError):
            return None
    return parsed if PUBLISHED_YEARS[0] <= parsed.year <= PUBLISHED_YEARS[1] else None


def _entry_published(entry: Any) -> dt.datetime | None:
    """A feed entry's publication time, with its own offset when the feed gives one."""
    for key in ("published", "updated", "created"):
        raw = entry.get(key)
        if raw:
            parsed = _parse_datetime(str(raw))
            if parsed is not None:
                return parsed
        struct = entry.get(f"{key}_parsed")
        if struct:
            year, month, day, hour, minute, second = (int(x) for x in struct[:6])
            return dt.datetime(year, month, day, hour, minute, second, tzinfo=dt.timezone.utc)
    return None


# ---------------------------------------------------------------------------------------
# The news text format


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


def parse_published(value: str, source_name: str = "<text>", where: str = "line 3") -> dt.datetime | None:
    """Read a publication date: RFC 2822, ISO 8601, or ``unknown`` (None)."""
    value = value.strip()
    if not value or value.lower() == "unknown":
        return None
    try:
        parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except (ValueError, OverflowError):
        try:
            parsed = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError, OverflowError):
            raise InputError(
                source_name,
                f"{where}: cannot read the publication date {value!r} (use RFC 2822, ISO 8601 or 'unknown')",
            ) from None
    return parsed


def content_hash(title: str, body: str) -> str:
    return hashlib.sha256(f"{title}\n{body}".encode()).hexdigest()
