"""Where inputs come from over the network: safe URLs and HTTP fetches with a size limit,
timeouts, bounded retries with exponential backoff, and conditional requests.

Nothing is fetched unless its URL is ``http`` or ``https`` and every address its host resolves
to is public: a feed cannot make treatywatch read ``file://`` paths or probe the local network.
``ReadOptions.allow_private_addresses`` lifts the second rule (tests serve on 127.0.0.1).  The
check runs before any connection, on every redirect too.
"""

from __future__ import annotations

import dataclasses
import email.utils
import ipaddress
import logging
import socket
import time
import urllib.parse
import zlib
from collections.abc import Callable
from typing import Any

import httpx

from .errors import InputError
from .text import content_type

logger = logging.getLogger(__name__)

RETRY_STATUSES = frozenset({408, 425, 429, 500, 502, 503, 504})
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})


def _user_agent() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return f"treatywatch/{version('treatywatch')}"
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        return "treatywatch"


@dataclasses.dataclass(frozen=True)
class ReadOptions:
    """How inputs are read: size limit, fetch timeouts and retries, which addresses may be fetched."""

    max_bytes: int = 5_000_000  # per article: a file, a page, a JSONL line, a WARC record
    timeout: float = 20.0  # seconds, for each of connect, read and write
    retries: int = 3  # further attempts after a timeout, a network error, 429 or 5xx
    backoff: float = 1.0  # first wait in seconds; doubles at each retry
    max_backoff: float = 30.0  # no single wait is longer
    allow_private_addresses: bool = False
    max_redirects: int = 5
    user_agent: str = dataclasses.field(default_factory=_user_agent)
    deadline: float = 120.0  # seconds for a whole fetch, retries and redirects included
    max_depth: int = 100  # nesting of JSON arrays and objects (JSON, JSONL, JSON-LD in pages)
    max_line_chars: int = 10_000  # longest run of text without a sentence end in an article
    max_decompressed_bytes: int = 1_000_000_000  # what one compressed file or answer may inflate to

    @property
    def max_feed_bytes(self) -> int:
        """A feed document holds many entries: it may be ten times an article's limit."""
        return 10 * self.max_bytes

    def delay(self, attempt: int) -> float:
        """The wait before retry number ``attempt`` (0-based): ``backoff * 2**attempt``, bounded."""
        return float(min(self.max_backoff, self.backoff * 2 ** attempt))


@dataclasses.dataclass(frozen=True)
class Fetched:
    """The answer to one GET (after redirects)."""

    url: str  # as asked
    final_url: str
    status: int
    content: bytes
    content_type: str = ""  # media type, lower case, without parameters
    charset: str | None = None
    etag: str | None = None
    last_modified: str | None = None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


Resolver = Callable[..., list[Any]]


def is_url(value: str) -> bool:
    """Whether ``value`` is written as a URL (``scheme://...``) rather than a path."""
    scheme, sep, _ = value.partition("://")
    return bool(sep) and scheme.isalpha() and len(scheme) > 1


def check_url(url: str, allow_private: bool = False, resolve: Resolver = socket.getaddrinfo) -> None:
    """Raise ``InputError`` unless ``url`` may be fetched: http(s), a host, and (unless
    ``allow_private``) only public addresses once the host is resolved."""
    parts = urllib.parse.urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise InputError(url, f"only http and https URLs are fetched, not {scheme or 'a schemeless'!s} URLs")
    host = parts.hostname
    if not host:
        raise InputError(url, "the URL names no host")
    if allow_private:
        return
    try:
        port = parts.port or (443 if scheme == "https" else 80)
    except ValueError:
        raise InputError(url, "the URL's port is not a number from 0 to 65535") from None
    try:
        infos = resolve(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as exc:
        raise InputError(url, f"cannot resolve host {host!r} ({exc})") from None
    for info in infos:
        address = ipaddress.ip_address(str(info[4][0]).split("%", 1)[0])
        if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
            address = address.ipv4_mapped
        if not address.is_global or address.is_multicast:
            kind = ("loopback" if address.is_loopback else "link-local" if address.is_link_local
                    else "private" if address.is_private else "non-public")
            raise InputError(url, f"host {host!r} is {address}, a {kind} address; not fetched "
                                  "(set allow_private_addresses to fetch it)")


class _Retry(Exception):
    """A failure worth another attempt."""

    def __init__(self, reason: str, wait: float | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.wait = wait


class Fetcher:
    """GET with the safety checks, limits and retries of ``ReadOptions``; one HTTP client, reused.

        >>> with Fetcher(ReadOptions(timeout=10)) as fetcher:
        ...     page = fetcher.fetch("https://example.org/news/1")
    """

    def __init__(self, options: ReadOptions | None = None, transport: httpx.BaseTransport | None = None,
                 sleep: Callable[[float], None] = time.sleep, resolve: Resolver = socket.getaddrinfo) -> None:
        self.options = options or ReadOptions()
        self._transport = transport
        self._sleep = sleep
        self._resolve = resolve
        self._client: httpx.Client | None = None
        self.requests = 0  # requests sent, redirects and retries included

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    @property
    def client(self) -> httpx.Client:
        if self._client is None:
            self._client = httpx.Client(
                timeout=httpx.Timeout(self.options.timeout), follow_redirects=False,
                headers={"User-Agent": self.options.user_agent, "Accept-Encoding": "gzip, deflate"},
                transport=self._transport)
        return self._client

    def fetch(self, url: str, etag: str | None = None, last_modified: str | None = None,
              max_bytes: int | None = None) -> Fetched:
        """The body of ``url``; ``etag``/``last_modified`` make the request conditional (a 304
        answer has ``not_modified`` set and no content).  Raises ``InputError`` with the reason."""
        check_url(url, self.options.allow_private_addresses, self._resolve)
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        limit = max_bytes or self.options.max_bytes
        attempts = self.options.retries + 1
        deadline = time.monotonic() + self.options.deadline
        for attempt in range(attempts):
            try:
                return self._get(url, headers, limit, deadline)
            except _Retry as failure:
                if attempt + 1 == attempts:
                    raise InputError(url, f"{failure.reason} (gave up after {attempts} attempts)") from None
                wait = self.options.delay(attempt)
                if failure.wait is not None:
                    wait = min(self.options.max_backoff, max(wait, failure.wait))
                if time.monotonic() + wait >= deadline:
                    raise InputError(url, f"{failure.reason} (no time left for another attempt within the "
                                          f"{self.options.deadline:g} s fetch deadline)") from None
                logger.info("%s: %s; retrying in %.1f s", url, failure.reason, wait)
                self._sleep(wait)
        raise AssertionError("unreachable")  # pragma: no cover

    def _get(self, url: str, headers: dict[str, str], limit: int, deadline: float) -> Fetched:
        current = url
        for _ in range(self.options.max_redirects + 1):
            if time.monotonic() >= deadline:
                raise InputError(url, f"no answer within the {self.options.deadline:g} s fetch deadline")
            self.requests += 1
            try:
                with self.client.stream("GET", current, headers=headers) as response:
                    status = response.status_code
                    if status in REDIRECT_STATUSES and "location" in response.headers:
                        target = urllib.parse.urljoin(current, response.headers["location"])
                        check_url(target, self.options.allow_private_addresses, self._resolve)
                        logger.debug("%s: %d redirect to %s", current, status, target)
                        current = target
                        continue
                    if status in RETRY_STATUSES:
                        raise _Retry(f"HTTP {status} {response.reason_phrase}".rstrip(),
                                     _retry_after(response.headers.get("retry-after")))
                    if status == 304:
                        return _fetched(url, current, response, b"")
                    if status >= 400 or status < 200:
                        raise InputError(url, f"HTTP {status} {response.reason_phrase}".rstrip())
                    return _fetched(url, current, response, _read_limited(
                        url, response, limit, deadline, self.options.deadline))
            except httpx.TimeoutException as exc:
                raise _Retry(f"timed out after {self.options.timeout:g} s ({type(exc).__name__})") from None
            except (httpx.NetworkError, httpx.RemoteProtocolError, httpx.ProxyError) as exc:
                raise _Retry(f"network error: {exc or type(exc).__name__}") from None
            except httpx.HTTPError as exc:
                raise InputError(url, f"cannot fetch: {exc or type(exc).__name__}") from None
        raise InputError(url, f"more than {self.options.max_redirects} redirects")


def _read_limited(url: str, response: httpx.Response, limit: int, deadline: float | None = None,
                  seconds: float = 0.0) -> bytes:
    """The body, decoded from gzip or deflate here (never inflated past ``limit`` in one step),
    within ``limit`` bytes and, with a ``deadline`` (``time.monotonic()``), before it."""
    declared = response.headers.get("content-length")
    encoding = response.headers.get("content-encoding", "").strip().lower()
    if declared and declared.isdigit() and int(declared) > limit and encoding in ("", "identity"):
        raise InputError(url, f"page is {int(declared):,} bytes; the limit is {limit:,}")
    if encoding in ("gzip", "x-gzip"):
        inflater: Any = zlib.decompressobj(wbits=47)  # gzip or zlib header, detected
    elif encoding == "deflate":
        inflater = _Deflate()
    elif encoding in ("", "identity"):
        inflater = None
    else:
        raise InputError(url, f"unsupported content encoding {encoding!r}")
    chunks: list[bytes] = []
    size = 0
    try:
        for raw in response.iter_raw():
            if deadline is not None and time.monotonic() > deadline:
                raise InputError(url, f"the answer did not arrive within the {seconds:g} s fetch deadline "
                                      f"({size:,} bytes read)")
            pieces = [raw] if inflater is None else _inflate(inflater, raw, limit - size + 1)
            for chunk in pieces:
                size += len(chunk)
                if size > limit:
                    raise InputError(url, f"page is more than {limit:,} bytes, the limit")
                chunks.append(chunk)
    except zlib.error as exc:
        raise InputError(url, f"cannot decode the {encoding} answer ({exc})") from None
    return b"".join(chunks)


class _Deflate:
    """HTTP ``deflate``: zlib data, or (from some servers) raw deflate data."""

    def __init__(self) -> None:
        self._inner: Any = None
        self._first = b""

    def decompress(self, data: bytes, max_length: int = 0) -> bytes:
        if self._inner is None:
            self._inner = zlib.decompressobj()
            try:
                return bytes(self._inner.decompress(data, max_length))
            except zlib.error:
                self._inner = zlib.decompressobj(-zlib.MAX_WBITS)
        return bytes(self._inner.decompress(data, max_length))

    @property
    def unconsumed_tail(self) -> bytes:
        return bytes(self._inner.unconsumed_tail) if self._inner is not None else b""


def _inflate(inflater: Any, data: bytes, room: int) -> list[bytes]:
    """Inflate ``data`` in steps of at most ``room`` bytes (one byte more than the limit allows is
    enough to know it is too much), so that a bomb never inflates in one call."""
    out = []
    step = max(1, min(room, 1 << 20))
    while data:
        piece = inflater.decompress(data, step)
        out.append(piece)
        room -= len(piece)
        tail = inflater.unconsumed_tail
        if room <= 0 or (not piece and len(tail) == len(data)):
            break
        data = tail
    return out


def _fetched(url: str, final: str, response: httpx.Response, content: bytes) -> Fetched:
    media, charset = content_type(response.headers.get("content-type", ""))
    return Fetched(url=url, final_url=final, status=response.status_code, content=content,
                   content_type=media, charset=charset, etag=response.headers.get("etag"),
                   last_modified=response.headers.get("last-modified"))


def _retry_after(value: str | None) -> float | None:
    """Seconds from a ``Retry-After`` header (a number of seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    return max(0.0, when.timestamp() - time.time())


__all__ = ["Fetched", "Fetcher", "ReadOptions", "check_url", "is_url"]
