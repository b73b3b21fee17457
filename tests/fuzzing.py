"""Malformed inputs of every supported format, for the fuzz test (hypothesis draws the choices)
and the hardening benchmark (a seeded random source draws them).

``make_input(kind, mutation, n, noise, pos)`` returns (file name, bytes): a valid document of
``kind`` spoiled by ``mutation``.  ``valid_article(n)`` is a clean news text article.
"""

from __future__ import annotations

import gzip
import io
import json
import random
from typing import Any

KINDS = ("txt", "html", "json", "jsonl", "rss", "atom", "warc", "warc.gz")
MUTATIONS = ("truncate", "noise", "deep", "date", "long_line", "empty", "binary", "utf16", "control_name",
             "surrogate", "bomb", "huge_number", "no_body")
ODD_DATES = ("0001-01-01T00:00:00+05:00", "9999-12-31T23:59:59-05:00", "2025-13-45", "yesterday", "",
             "2025-06-28T12:00:00-23:59", "Mon, 32 Jun 2025 99:99:99 +0000", "1e309", "2025-06-28T12:00:00")

BODY = ("{name} notified the United Nations on 27 June 2025 of its withdrawal from the Ottawa Convention "
        "banning anti-personnel mines. The withdrawal takes effect six months later. Report {n}.")


def valid_article(n: int) -> tuple[str, bytes]:
    states = ("Lithuania", "Latvia", "Estonia", "Finland", "Poland")
    text = f"Valid article {n}\nTest Wire\n2025-06-28T12:00:00+00:00\n\n{BODY.format(name=states[n % 5], n=n)}\n"
    return f"valid_{n:04d}.txt", text.encode()


def _document(kind: str, n: int, date: str = "2025-06-28T12:00:00+00:00", body: str | None = None,
              nested: str | None = None) -> bytes:
    body = body if body is not None else BODY.format(name="Lithuania", n=f"bad {n}")
    title = f"Bad input {n}"
    if kind == "txt":
        return f"{title}\nWire\n{date}\n\n{body}\n".encode()
    if kind == "html":
        ld = f'<script type="application/ld+json">{nested or json.dumps({"datePublished": date})}</script>'
        return (f"<html><head><title>{title}</title>{ld}</head><body><article><h1>{title}</h1><p>{body}</p>"
                f"</article></body></html>").encode()
    record: Any = {"title": title, "text": body, "published": date, "url": f"https://example.org/{n}"}
    if kind == "json":
        return (nested or json.dumps([record, record | {"text": body + " Second."}])).encode()
    if kind == "jsonl":
        return ((nested or json.dumps(record)) + "\n" + json.dumps(record | {"text": body + " Second."}) + "\n").encode()
    if kind == "rss":
        return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Feed {n}</title><item><title>{title}</title>'
                f"<pubDate>{date}</pubDate><description><![CDATA[<p>{body}</p>]]></description></item></channel></rss>").encode()
    if kind == "atom":
        return (f'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Feed {n}</title><entry>'
                f"<title>{title}</title><updated>{date}</updated><content type=\"html\">&lt;p&gt;{body}&lt;/p&gt;"
                "</content></entry></feed>").encode()
    page = _document("html", n, date, body, nested)
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: %d\r\n\r\n" % len(page) + page
    head = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:{n:08d}-0000-0000-0000-000000000000>\r\n"
            f"WARC-Target-URI: https://example.org/warc/{n}\r\nWARC-Date: 2025-06-28T12:00:00Z\r\n"
            f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(http)}\r\n\r\n").encode()
    data = head + http + b"\r\n\r\n"
    return gzip.compress(data) if kind == "warc.gz" else data


def make_input(kind: str, mutation: str, n: int, noise: bytes = b"", pos: int = 0) -> tuple[str, bytes]:
    """One malformed input: (file name, content)."""
    name = f"bad_{n:05d}_{mutation}.{kind}"
    data = _document(kind, n)
    if mutation == "truncate":
        data = data[: pos % max(1, len(data))]
    elif mutation == "noise":
        at = pos % max(1, len(data))
        data = data[:at] + (noise or b"\xff\xfe\x00") + data[at + len(noise) // 2:]
    elif mutation == "deep":
        depth = 2_000 + pos % 60_000
        data = _document(kind, n, nested="[" * depth + "]" * depth)
    elif mutation == "date":
        data = _document(kind, n, date=ODD_DATES[pos % len(ODD_DATES)])
    elif mutation == "long_line":
        data = _document(kind, n, body=" ".join(["treaty mines withdraw convention state"] * (3_000 + pos % 30_000)))
    elif mutation == "empty":
        data = [b"", b"   \n\n", b"\n" * 10, b"{}", b"[]"][pos % 5]
    elif mutation == "binary":
        data = bytes(random.Random(pos).randrange(256) for _ in range(200 + pos % 2000))
    elif mutation == "utf16":
        data = data.decode("latin-1").encode("utf-16-le")
    elif mutation == "control_name":
        name = f"bad_{n:05d}\n\x1b[31m{['', 'rejected x: y', chr(0x202e)][pos % 3]}.{kind}"
        data = data[: pos % max(1, len(data))]
    elif mutation == "surrogate":
        data = data.replace(b"Lithuania", b"Lith\\ud800uania").replace(b"Bad input", b"\xed\xa0\x80 Bad")
    elif mutation == "bomb":
        zeros = io.BytesIO()
        with gzip.GzipFile(fileobj=zeros, mode="wb", compresslevel=9) as out:
            for _ in range(8):
                out.write(b"\0" * (1 << 20))
        data = zeros.getvalue() if kind == "warc.gz" else data + b"\0" * (1 << 16)
    elif mutation == "huge_number":
        data = data.replace(b"2025", b"9" * (50 + pos % 5000), 1)
    elif mutation == "no_body":
        data = _document(kind, n, body="")
    return name, data


def random_inputs(count: int, seed: int = 13) -> list[tuple[str, bytes]]:
    """``count`` malformed inputs, every kind and mutation in turn, the rest drawn from ``seed``."""
    rng = random.Random(seed)
    out = []
    for i in range(count):
        kind = KINDS[i % len(KINDS)]
        mutation = MUTATIONS[(i // len(KINDS)) % len(MUTATIONS)]
        noise = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 40)))
        out.append(make_input(kind, mutation, i, noise, rng.randrange(1 << 30)))
    return out
