"""Alerts: Atom feeds of new and changed events, and webhooks (signed JSON POSTs, retried, logged).

    >>> feed = atom_feed(ledger.changes(treaty="apmbc"), "http://127.0.0.1:8000", "/feeds/treaties/apmbc.atom",
    ...                  "treatywatch: apmbc")
    >>> results = deliver_webhooks(ledger)   # every new or changed event each webhook has not had yet

The ledger records a change whenever consolidation makes an event that was not there
(``new``) or alters one (``changed``); loading the bundled status tables records none.
A webhook POSTs one JSON object per change, signed with HMAC-SHA256 over the raw body
(header ``X-Treatywatch-Signature-256: sha256=<hex>``); a failed POST (network error or a
non-2xx answer) is tried again after ``backoff`` seconds, doubling each time; every attempt
is logged in the ledger (``treatywatch webhooks log``).  After the last attempt fails, the
webhook moves on to the next change.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import hmac
import json
import logging
import secrets
import time
from collections.abc import Callable, Iterable
from typing import Any
from xml.etree import ElementTree as ET

import httpx

from .ledger import Ledger

logger = logging.getLogger(__name__)

ATOM = "http://www.w3.org/2005/Atom"
SIGNATURE_HEADER = "X-Treatywatch-Signature-256"


def event_title(event: dict[str, Any]) -> str:
    day = event.get("date") or (f"by {event['bound']}" if event.get("bound") else "date unknown")
    return f"{event['state']} {event['treaty']} {event['action']} {day}"


def atom_feed(changes: Iterable[dict[str, Any]], base_url: str, self_path: str, title: str) -> bytes:
    """An Atom 1.0 document: one entry per change, newest first, each linking to its event page."""
    base = base_url.rstrip("/")
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    items = list(changes)
    ET.SubElement(feed, f"{{{ATOM}}}title").text = title
    ET.SubElement(feed, f"{{{ATOM}}}id").text = f"{base}{self_path}"
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="self", href=f"{base}{self_path}", type="application/atom+xml")
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="alternate", href=f"{base}/", type="text/html")
    updated = max((c["at"] for c in items), default=dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"))
    ET.SubElement(feed, f"{{{ATOM}}}updated").text = _rfc3339(updated)
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    ET.SubElement(author, f"{{{ATOM}}}name").text = "treatywatch"
    for change in items:
        event = change["event"]
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        ET.SubElement(entry, f"{{{ATOM}}}id").text = f"{base}/changes/{change['id']}"
        ET.SubElement(entry, f"{{{ATOM}}}title").text = f"{event_title(event)} ({change['kind']})"
        ET.SubElement(entry, f"{{{ATOM}}}link", rel="alternate", type="text/html",
                      href=f"{base}/events/{change['event_id']}")
        ET.SubElement(entry, f"{{{ATOM}}}updated").text = _rfc3339(change["at"])
        ET.SubElement(entry, f"{{{ATOM}}}category", term=event["treaty"])
        ET.SubElement(entry, f"{{{ATOM}}}category", term=event["state"])
        sources = ", ".join(event.get("sources") or [])
        summary = f"{event.get('note') or ''} Sources: {sources}.".strip()
        ET.SubElement(entry, f"{{{ATOM}}}summary", type="text").text = summary
    body: bytes = ET.tostring(feed, encoding="utf-8", xml_declaration=True)
    return body


def _rfc3339(value: str) -> str:
    try:
        stamp = dt.datetime.fromisoformat(value)
    except ValueError:
        return value
    if stamp.tzinfo is None:
        stamp = stamp.replace(tzinfo=dt.timezone.utc)
    return stamp.isoformat(timespec="seconds")


def new_secret() -> str:
    """A random secret for signing a webhook's payloads."""
    return secrets.token_hex(24)


def sign(secret: str, body: bytes) -> str:
    """The signature header value for ``body``: ``sha256=`` and the hex HMAC-SHA256 digest."""
    return "sha256=" + hmac.new(secret.encode("utf-8"), body, hashlib.sha256).hexdigest()


def verify(secret: str, body: bytes, signature: str) -> bool:
    """Whether ``signature`` (a header value) signs ``body`` with ``secret``: what a receiver checks."""
    return hmac.compare_digest(sign(secret, body), signature)


@dataclasses.dataclass(frozen=True)
class Delivery:
    """One change delivered (or given up on) to one webhook."""

    webhook: int
    change: int
    event: str
    ok: bool
    attempts: int
    status: int | None
    error: str | None


def payload(change: dict[str, Any], base_url: str | None = None) -> dict[str, Any]:
    """The JSON object POSTed for one change."""
    out = {"change": change["id"], "kind": change["kind"], "at": change["at"], "event": change["event"]}
    if base_url:
        out["url"] = f"{base_url.rstrip('/')}/events/{change['event_id']}"
    return out


def deliver_webhooks(ledger: Ledger, base_url: str | None = None, timeout: float = 10.0, retries: int = 3,
                     backoff: float = 1.0, sleep: Callable[[float], None] = time.sleep,
                     client: httpx.Client | None = None) -> list[Delivery]:
    """POST every change each webhook has not had yet, oldest first; returns what happened."""
    own = client is None
    http = client or httpx.Client(timeout=timeout, follow_redirects=False)
    out: list[Delivery] = []
    try:
        for hook in ledger.webhooks():
            pending = ledger.changes(treaty=hook["treaty"], state=hook["state"], after=hook["after_change"],
                                     limit=1000, newest_first=False, live=False)
            for change in pending:
                out.append(_deliver_one(ledger, http, hook, change, base_url, retries, backoff, sleep))
                ledger.advance_webhook(hook["id"], change["id"])
            # changes of other treaties or states are passed over too
            ledger.advance_webhook(hook["id"], max([c["id"] for c in pending], default=0))
    finally:
        if own:
            http.close()
    return out


def _deliver_one(ledger: Ledger, http: httpx.Client, hook: dict[str, Any], change: dict[str, Any],
                 base_url: str | None, retries: int, backoff: float, sleep: Callable[[float], None]) -> Delivery:
    body = json.dumps(payload(change, base_url), ensure_ascii=False, sort_keys=True).encode("utf-8")
    headers = {"Content-Type": "application/json", "User-Agent": "treatywatch-webhook",
               "X-Treatywatch-Delivery": f"{hook['id']}-{change['id']}", "X-Treatywatch-Kind": change["kind"],
               SIGNATURE_HEADER: sign(hook["secret"], body)}
    status: int | None = None
    error: str | None = None
    attempt = 0
    for attempt in range(1, retries + 2):
        try:
            response = http.post(hook["url"], content=body, headers=headers)
            status, error = response.status_code, None
            ok = 200 <= status < 300
            if not ok:
                error = f"HTTP {status}"
        except httpx.HTTPError as exc:
            status, error, ok = None, f"{type(exc).__name__}: {exc}", False
        ledger.log_delivery(hook["id"], change["id"], change["event_id"], attempt, ok, status, error)
        if ok:
            return Delivery(hook["id"], change["id"], change["event_id"], True, attempt, status, None)
        logger.warning("webhook %s: change %s attempt %d failed (%s)", hook["url"], change["id"], attempt, error)
        if attempt <= retries:
            sleep(min(60.0, backoff * 2 ** (attempt - 1)))
    return Delivery(hook["id"], change["id"], change["event_id"], False, attempt, status, error)
