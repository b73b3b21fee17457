"""Status tables: the generic CSV, and importers for the depositaries' own formats.

Every importer turns one document into rows of the status-table CSV (``TABLE_COLUMNS``) plus
rejects, so a fetched table can be stored with ``write_status_table`` and imported like a
bundled one:

    untc-xml            UN Treaty Collection per-treaty status XML (MTDSG): participant table,
                        kind suffix after the date, footnotes recording withdrawals
    unoda-html          UNODA treaties database participant table (dates in ``data-order``)
    unoda-json          UNODA data API answer: dated actions per state
    coe-html            Council of Europe Treaty Office chart of signatures and ratifications
    verdragenbank-html  Dutch treaty database party table
    csv                 the generic status table this project writes

A document without the expected shape raises ``InputError`` (so a refresh keeps the previous
table); a participant whose name maps to no state becomes a ``Reject`` naming it.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import functools
import html
import io
import json
import logging
import os
import re
import unicodedata
from collections.abc import Iterable, Iterator
from importlib import resources
from typing import IO, Any

from .errors import InputError
from .gate import load_states
from .models import Reject

logger = logging.getLogger(__name__)

Row = dict[str, str | int]

FORMATS = ("untc-xml", "unoda-html", "unoda-json", "coe-html", "verdragenbank-html", "csv")

#: Columns a status table must have.
STATUS_COLUMNS = ("iso3", "signed", "ratified_or_acceded", "kind")
#: Every column of the status table, in the order ``write_status_table`` writes them.
TABLE_COLUMNS = ("iso3", "name", "signed", "ratified_or_acceded", "kind", "entry_into_force_for_state",
                 "withdrawal_notified", "withdrawal_effective", "deratified", "suspended", "predecessor",
                 "note", "sources")
DATE_COLUMNS = ("signed", "ratified_or_acceded", "entry_into_force_for_state", "withdrawal_notified",
                "withdrawal_effective", "deratified", "suspended")
INSTRUMENT_KINDS = {
    "ratification": "ratified",
    "acceptance": "ratified",
    "approval": "ratified",
    "accession": "acceded",
    "succession": "acceded",
}


# ---------------------------------------------------------------------------------------
# The generic CSV


def read_status_table(path: str | os.PathLike[str]) -> tuple[list[Row], list[Reject]]:
    """Read a status table CSV: rows as dicts (with their line number), and rejected rows.

    Columns: ``iso3``, ``signed``, ``ratified_or_acceded``, ``kind`` (ratification, acceptance,
    approval, accession, succession), and optionally the rest of ``TABLE_COLUMNS``
    (``notes`` is read as ``note``).  Several rows for one state are allowed, one per
    membership cycle.
    """
    name = os.fspath(path)
    try:
        with open(name, newline="", encoding="utf-8-sig") as handle:
            text = handle.read()
    except OSError as exc:
        raise InputError(name, f"cannot read: {exc.strerror or exc}") from None
    except UnicodeDecodeError as exc:
        raise InputError(name, f"not UTF-8 text: {exc.reason} at byte {exc.start}") from None
    return _read_csv_text(text, name)


def _read_csv_text(text: str, name: str) -> tuple[list[Row], list[Reject]]:
    rows: list[Row] = []
    rejects: list[Reject] = []
    reader = csv.DictReader(io.StringIO(text, newline=""))
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
            rejects.append(Reject(where, f"kind {kind!r} is not one of {', '.join(INSTRUMENT_KINDS)}"))
            continue
        clean = _blank_row(line)
        clean.update(iso3=iso3, kind=kind, name=(row.get("name") or "").strip(),
                     note=(row.get("note") or row.get("notes") or "").strip(),
                     sources=(row.get("sources") or "").strip())
        bad = False
        for col in DATE_COLUMNS:
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
        predecessor = (row.get("predecessor") or "").strip().upper()
        if predecessor and not re.fullmatch(r"[A-Z]{3}", predecessor):
            rejects.append(Reject(where, f"predecessor {row.get('predecessor')!r} is not a 3-letter ISO code"))
            continue
        clean["predecessor"] = predecessor
        if not any(clean.get(c) for c in ("signed", "ratified_or_acceded", "withdrawal_notified",
                                          "withdrawal_effective", "deratified", "suspended")):
            rejects.append(Reject(where, "no signature, deposit or withdrawal date"))
            continue
        rows.append(clean)
    return rows, rejects


def write_status_table(rows: Iterable[dict[str, Any]], stream: IO[str]) -> None:
    """Write rows (as ``parse_status`` gives them) as a status table CSV, header first."""
    writer = csv.DictWriter(stream, fieldnames=list(TABLE_COLUMNS), extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({c: "" if row.get(c) is None else str(row.get(c)) for c in TABLE_COLUMNS})


def _blank_row(line: int) -> Row:
    row: Row = {"line": line}
    for col in TABLE_COLUMNS:
        row[col] = ""
    return row


# ---------------------------------------------------------------------------------------
# Entry points


def parse_status(data: bytes, fmt: str, name: str) -> tuple[list[Row], list[Reject]]:
    """Read one status document in format ``fmt`` (one of ``FORMATS``) into status-table rows.

    ``name`` names the input in messages and rejects (``name:record``).  A document without the
    expected shape raises ``InputError``; a participant that maps to no state is a ``Reject``.
    """
    if fmt == "csv":
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise InputError(name, f"not UTF-8 text: {exc.reason} at byte {exc.start}") from None
        return _read_csv_text(text, name)
    parsers = {
        "untc-xml": _parse_untc_xml,
        "unoda-html": _parse_unoda_html,
        "unoda-json": _parse_unoda_json,
        "coe-html": _parse_coe_html,
        "verdragenbank-html": _parse_verdragenbank_html,
    }
    if fmt not in parsers:
        raise InputError(name, f"unknown status format {fmt!r}; use one of {', '.join(FORMATS)}")
    records = parsers[fmt](data, name)
    return _finish(records, name)


def detect_format(data: bytes, name: str) -> str:
    """The status format of a document, from its content (and, to break ties, its name)."""
    head = data[:200_000].decode("utf-8", errors="replace").lstrip("\ufeff \t\r\n")
    lower = head.lower()
    lname = name.lower()
    if head.startswith("<"):
        if re.search(r"<participants\b", lower):
            return "untc-xml"
        if "<table" in lower or "<html" in lower:
            if ("verdragenbank" in lower or "partijtabel" in lower or "verdragen.nl" in lower
                    or "treatydatabase.overheid" in lower or "verdragenbank" in lname
                    or ("renunciation" in lower and "termination" in lower)
                    or ("opzegging" in lower and "buitenwerkingtreding" in lower)):
                return "verdragenbank-html"
            if ("council of europe" in lower or "coe.int" in lower or "treaty office" in lower
                    or "signatures-by-treaty" in lower or "coe" in lname):
                return "coe-html"
            if "unoda" in lower or "data-order" in lower or "unoda" in lname:
                return "unoda-html"
    if head.startswith(("{", "[")):
        if "actions_" in head or "action_type" in head or "unoda" in lname:
            return "unoda-json"
    first = head.splitlines()[0] if head else ""
    if "iso3" in [c.strip().lower() for c in first.split(",")]:
        return "csv"
    raise InputError(name, "cannot tell the status format from the content: expected an MTDSG XML "
                           "(<Participants>), an HTML party table (UNODA, Council of Europe, "
                           f"Verdragenbank), UNODA JSON (actions_) or a CSV with an iso3 column ({', '.join(FORMATS)})")


# ---------------------------------------------------------------------------------------
# Names to codes


@functools.lru_cache(maxsize=1)
def _name_index() -> dict[str, str]:
    """Folded name -> ISO3, from ``states.csv`` (names and aliases) then ``depositary_names.csv``
    (depositary-only spellings; these win)."""
    index: dict[str, str] = {}
    for iso3, entry in load_states().items():
        for value in [*entry["name"], entry["display"], *entry["aliases"]]:
            index.setdefault(_fold(value), iso3)
    text = resources.files("treatywatch").joinpath("data/depositary_names.csv").read_text(encoding="utf-8")
    for row in csv.DictReader(text.splitlines()):
        index[_fold(row["name"])] = row["iso3"].strip().upper()
    return index


def _fold(name: str) -> str:
    name = unicodedata.normalize("NFKD", name.replace("’", "'").replace("‘", "'"))
    name = "".join(c for c in name if not unicodedata.combining(c)).casefold()
    name = re.sub(r"[^\w']+", " ", name).strip()
    return re.sub(r"^the ", "", name)


def state_code(name: str) -> str | None:
    """The ISO3 code of a depositary's participant name, or None.

    Tries the name as written, then "Bolivia (Plurinational State of)" as "Plurinational State
    of Bolivia", "Moldova, Republic of" as "Republic of Moldova", and without a trailing
    bracketed remark such as "Yugoslavia (< 25-06-1991)".
    """
    index = _name_index()
    name = re.sub(r"\s+", " ", name).strip()
    candidates = [name]
    inverted = re.fullmatch(r"(.+?)\s*\((.+)\)", name)
    if inverted:
        candidates += [f"{inverted.group(2)} {inverted.group(1)}", inverted.group(1)]
    comma = re.fullmatch(r"(.+?),\s*(.+)", name)
    if comma:
        candidates.append(f"{comma.group(2)} {comma.group(1)}")
    for candidate in candidates:
        code = index.get(_fold(candidate))
        if code:
            return code
    return None


# ---------------------------------------------------------------------------------------
# Records: what every parser produces before names become codes


@dataclasses.dataclass
class _Record:
    line: int
    name: str
    fields: dict[str, str] = dataclasses.field(default_factory=dict)
    notes: list[str] = dataclasses.field(default_factory=list)


def _finish(records: list[_Record], name: str) -> tuple[list[Row], list[Reject]]:
    rows: list[Row] = []
    rejects: list[Reject] = []
    for rec in records:
        iso3 = state_code(rec.name)
        if iso3 is None:
            rejects.append(Reject(f"{name}:{rec.line}", f"participant {rec.name!r} maps to no state"))
            continue
        if not any(rec.fields.get(c) for c in ("signed", "ratified_or_acceded", "withdrawal_notified",
                                               "withdrawal_effective", "deratified", "suspended")):
            continue  # listed without any dated action (e.g. a bare footnote holder)
        for part in _split_cycle(rec):
            row = _blank_row(part.line)
            row.update(part.fields)
            row["iso3"] = iso3
            row["name"] = part.name
            row["note"] = "; ".join(dict.fromkeys(n for n in part.notes if n))
            rows.append(row)
    return rows, rejects


def _split_cycle(rec: _Record) -> list[_Record]:
    """A withdrawal that took effect (or was notified) before the deposit a record shows ended
    an earlier membership: it becomes its own row, before the current one."""
    deposit = rec.fields.get("ratified_or_acceded", "")
    ended = rec.fields.get("withdrawal_effective") or rec.fields.get("withdrawal_notified") or ""
    if not deposit or not ended or ended > deposit:
        return [rec]
    moved: dict[str, str] = {k: rec.fields.pop(k) for k in ("withdrawal_notified", "withdrawal_effective")
                             if k in rec.fields}
    earlier = _Record(rec.line, rec.name, moved,
                      ["an earlier membership ended by this withdrawal; its deposit is not in the record"])
    return [earlier, rec]


# ---------------------------------------------------------------------------------------
# Dates

_MONTHS = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)}
_TEXT_DATE = re.compile(r"\b(\d{1,2})\s+(January|February|March|April|May|June|July|August|September|October|"
                        r"November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?,?\s+(\d{4})\b",
                        re.IGNORECASE)
_NUMERIC_DATE = re.compile(r"\b(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\b")
_ISO_DATE = re.compile(r"\b(\d{4})[-/](\d{2})[-/](\d{2})\b")


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _text_dates(text: str) -> list[tuple[int, int, str]]:
    """Dates written "18 Sep 1997" / "27 June 2025" in ``text``: (start, end, ISO date)."""
    out = []
    for m in _TEXT_DATE.finditer(text):
        iso = _iso(int(m.group(3)), _MONTHS[m.group(2)[:3].lower()], int(m.group(1)))
        if iso:
            out.append((m.start(), m.end(), iso))
    return out


def _numeric_dates(text: str) -> list[str]:
    """Day-first numeric dates ("16-10-2018", "4/11/1950") in ``text``, as ISO dates."""
    out = []
    for m in _NUMERIC_DATE.finditer(text):
        iso = _iso(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        if iso:
            out.append(iso)
    return out


def _data_order_date(value: str) -> str | None:
    """A date in a ``data-order`` sort key: ISO (maybe with a time or suffix), YYYYMMDD,
    YYYY/MM/DD, or a written date."""
    value = value.strip()
    m = _ISO_DATE.search(value) or re.match(r"(\d{4})(\d{2})(\d{2})\b", value)
    if m:
        return _iso(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    found = _text_dates(value)
    if found:
        return found[0][2]
    numeric = _numeric_dates(value)
    return numeric[0] if numeric else None


# ---------------------------------------------------------------------------------------
# UN Treaty Collection (MTDSG) XML

_UNTC_KINDS = {"": "ratification", "a": "accession", "A": "acceptance", "AA": "approval", "d": "succession",
               "c": "ratification"}
_UNTC_DEPOSIT = re.compile(r"(\d{1,2}\s+[A-Za-z]{3,9}\.?\s+\d{4})\s*(AA|A|a|c|d)?\b")
_MARKUP_SUP = re.compile(r"<\s*(?:superscript|sup)\s*>(.*?)<\s*/\s*(?:superscript|sup)\s*>", re.IGNORECASE | re.DOTALL)
_TRAILING_MARKERS = re.compile(r"^(.*?[^\d\s,])[\s,]*((?:\d+\s*,\s*)*\d+)$")


def _local(tag: Any) -> str:
    return tag.rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""


def _xml_root(data: bytes, name: str) -> Any:
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=False, huge_tree=False)
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise InputError(name, f"not XML (expected an MTDSG status document): {exc}") from None


def _entry_text(el: Any) -> tuple[str, list[str]]:
    """Text of an MTDSG table entry without its footnote markers, and the markers."""
    markers: list[str] = []
    parts: list[str] = []

    def walk(node: Any, skip: bool) -> None:
        if not skip and node.text:
            parts.append(node.text)
        for child in node:
            if _local(child.tag) in ("superscript", "sup"):
                markers.append("".join(child.itertext()))
                walk(child, True)
            else:
                walk(child, skip)
            if child.tail:
                parts.append(child.tail)

    walk(el, False)
    text = html.unescape("".join(parts))
    markers += _MARKUP_SUP.findall(text)
    text = _MARKUP_SUP.sub(" ", text)
    text = re.sub(r"<[^>]+>", " ", text)
    text = re.sub(r"\s+", " ", text).strip()
    return text, [n for m in markers for n in re.findall(r"\d+", m)]


def _split_markers(name: str) -> tuple[str, list[str]]:
    """"Lithuania 4" -> ("Lithuania", ["4"]); "Germany 5,6" -> ("Germany", ["5", "6"])."""
    m = _TRAILING_MARKERS.match(name)
    if m:
        return m.group(1).strip(), re.findall(r"\d+", m.group(2))
    return name, []


def _untc_footnotes(root: Any) -> dict[str, str]:
    """Footnote number -> text, from any ``*Footnote``/``*EndNote`` element outside the table."""
    notes: dict[str, str] = {}
    for el in root.iter():
        tag = _local(el.tag)
        if not re.fullmatch(r"(foot|end)?note", tag) or any(_local(a.tag) == "participants" for a in el.iterancestors()):
            continue
        number = ""
        for attr in ("number", "num", "id", "label", "no"):
            if el.get(attr):
                number = re.sub(r"\D", "", el.get(attr) or "")
                break
        body_parts = []
        for child in el:
            ctag = _local(child.tag)
            if not number and ctag in ("number", "num", "no", "label", "labeltext", "footnotenumber", "mark"):
                number = re.sub(r"\D", "", "".join(child.itertext()))
            else:
                body_parts.append(_entry_text(child)[0])
        body = " ".join(p for p in body_parts if p) if len(el) else _entry_text(el)[0]
        if not number:
            lead = re.match(r"\s*(\d+)[\s/.)]+", body)
            if not lead:
                continue
            number, body = lead.group(1), body[lead.end():]
        if number and body:
            notes[number] = (notes[number] + " " + body) if number in notes else body
    return notes


@dataclasses.dataclass
class _Withdrawal:
    notified: str = ""
    effective: str = ""
    revoked: str = ""


_EFFECT = re.compile(r"(?:effective|tak(?:e|es|ing)\s+effect|took\s+effect|with\s+effect|became\s+effective|"
                     r"entered\s+into\s+effect)\s*(?:on|from|as\s+(?:of|from))?\s*", re.IGNORECASE)
_REVOKE_NOTICE = re.compile(r"(?:revo\w+|rescind\w*|withdr\w+|cancel\w*)\s+(?:of\s+)?(?:its|the|that)\s+"
                            r"(?:\w+\s+)?notification", re.IGNORECASE)
_DERATIFY = re.compile(r"(?:revo\w+|withdr\w+)\s+(?:of\s+)?(?:its|the)\s+(?:instrument\s+of\s+)?ratification|"
                       r"de-?ratif", re.IGNORECASE)


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.;])\s+(?=[A-Z\"“(])", text) if s.strip()]


def _note_events(text: str) -> tuple[list[_Withdrawal], str, str]:
    """Withdrawals, a revoked ratification and a suspension that a footnote's prose records:
    (withdrawals, deratified, suspended)."""
    withdrawals: list[_Withdrawal] = []
    deratified = suspended = ""
    for sentence in _sentences(text):
        dates = _text_dates(sentence)
        if not dates:
            continue
        effect = None
        for m in _EFFECT.finditer(sentence):
            later = [d for d in dates if d[0] >= m.end() and d[0] - m.end() <= 3]
            if later:
                effect = later[0]
                break
        others = [d for d in dates if d is not effect]
        if _DERATIFY.search(sentence):
            deratified = deratified or dates[0][2]
        elif _REVOKE_NOTICE.search(sentence):
            if withdrawals:
                withdrawals[-1].revoked = dates[0][2]
        elif re.search(r"withdr|denounc|denunciation", sentence, re.IGNORECASE):
            noticed = re.search(r"notif|deposit|inform|communicat|receiv|transmit", sentence, re.IGNORECASE)
            if noticed and others:
                withdrawals.append(_Withdrawal(others[0][2], effect[2] if effect else ""))
            elif effect and withdrawals and not withdrawals[-1].effective:
                withdrawals[-1].effective = effect[2]
        elif re.search(r"suspen", sentence, re.IGNORECASE):
            suspended = suspended or dates[0][2]
        elif effect and withdrawals and not withdrawals[-1].effective and re.search(r"\b(?:it|this)\b", sentence, re.IGNORECASE):
            withdrawals[-1].effective = effect[2]
    return withdrawals, deratified, suspended


def _column(headers: list[str], *words: str, exclude: tuple[str, ...] = (), start: int = 1) -> int | None:
    for i, h in enumerate(headers):
        if i >= start and any(w in h for w in words) and not any(x in h for x in exclude):
            return i
    return None


def _parse_untc_xml(data: bytes, name: str) -> list[_Record]:
    root = _xml_root(data, name)
    participants = next((el for el in root.iter() if _local(el.tag) == "participants"), None)
    if participants is None:
        raise InputError(name, "no <Participants> table found: not an MTDSG treaty status XML")
    head = next((el for el in participants.iter() if _local(el.tag) == "thead"), None)
    headers = []
    if head is not None:
        head_row = next((el for el in head.iter() if _local(el.tag) == "row"), None)
        if head_row is not None:
            headers = [_entry_text(e)[0].lower() for e in head_row if _local(e.tag) == "entry"]
    body = next((el for el in participants.iter() if _local(el.tag) == "tbody"), participants)
    table_rows = [r for r in body.iter() if _local(r.tag) == "row"
                  and not any(_local(a.tag) == "thead" for a in r.iterancestors())]
    if not table_rows:
        raise InputError(name, "the <Participants> table has no rows")
    deposit_words = ("ratification", "accession", "acceptance", "approval", "confirmation", "consent")
    deposit_col = _column(headers, *deposit_words)
    sign_col = _column(headers, "signature", exclude=deposit_words)
    footnotes = _untc_footnotes(root)
    records = []
    for number, row in enumerate(table_rows, 1):
        entries = [_entry_text(e) for e in row if _local(e.tag) == "entry"]
        if not entries or not entries[0][0]:
            continue
        sign_i: int | None
        dep_i: int | None
        if deposit_col is None and sign_col is None:
            sign_i, dep_i = (1, 2) if len(entries) >= 3 else (None, 1)
        else:
            sign_i, dep_i = sign_col, deposit_col
        pname, markers = _split_markers(entries[0][0])
        markers = entries[0][1] + markers
        rec = _Record(number, pname)
        cell = entries[sign_i][0] if sign_i is not None and sign_i < len(entries) else ""
        signed = _text_dates(cell)
        if signed:
            rec.fields["signed"] = signed[0][2]
        cell = entries[dep_i][0] if dep_i is not None and dep_i < len(entries) else ""
        deposit = _UNTC_DEPOSIT.search(cell)
        if deposit and _text_dates(deposit.group(1)):
            suffix = deposit.group(2) or ""
            rec.fields["ratified_or_acceded"] = _text_dates(deposit.group(1))[0][2]
            rec.fields["kind"] = _UNTC_KINDS[suffix]
            if suffix == "c":
                rec.notes.append("formal confirmation (c), recorded as ratification")
            if "[" in cell:
                rec.notes.append(f"the record shows the deposit in brackets: {cell}")
        records.extend(_untc_cycles(rec, [footnotes[m] for m in dict.fromkeys(markers) if m in footnotes]))
    if not records:
        raise InputError(name, "no participants found in the <Participants> table")
    return records


def _untc_cycles(rec: _Record, notes: list[str]) -> list[_Record]:
    """The participant's rows: earlier membership cycles that its footnotes end (a withdrawal
    that took effect before the deposit in the table), then the current one."""
    withdrawals: list[_Withdrawal] = []
    for text in notes:
        found, deratified, suspended = _note_events(text)
        withdrawals += found
        if deratified:
            rec.fields.setdefault("deratified", deratified)
            rec.notes.append(f"ratification revoked {deratified} (footnote)")
        if suspended:
            rec.fields.setdefault("suspended", suspended)
    deposit = rec.fields.get("ratified_or_acceded", "")
    earlier: list[_Record] = []
    current: list[_Withdrawal] = []
    for w in sorted(withdrawals, key=lambda w: w.notified):
        if w.revoked:
            rec.notes.append(f"withdrawal notified {w.notified} was revoked {w.revoked} (footnote)")
        elif deposit and (w.effective or w.notified) <= deposit:
            old = _Record(rec.line, rec.name, {"withdrawal_notified": w.notified, "withdrawal_effective": w.effective},
                          ["an earlier membership ended by this withdrawal (footnote); its deposit is not in the table"])
            earlier.append(old)
        else:
            current.append(w)
    if current:
        first = current[0]
        rec.fields["withdrawal_notified"] = first.notified
        rec.fields["withdrawal_effective"] = first.effective
        rec.notes.append("withdrawal from the footnote" + ("" if first.effective else "; no effective date stated"))
        for extra in current[1:]:
            rec.notes.append(f"another withdrawal notified {extra.notified} (footnote) not tabulated")
    return [*earlier, rec]


# ---------------------------------------------------------------------------------------
# HTML tables (UNODA, Council of Europe, Verdragenbank)


def _html_root(data: bytes, name: str, what: str) -> Any:
    from lxml import etree
    from lxml import html as lxml_html

    text = data.decode("utf-8", errors="replace").lstrip("\ufeff")
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)
    if "<" not in text:
        raise InputError(name, f"not HTML: expected {what}")
    try:
        return lxml_html.document_fromstring(text)
    except (etree.ParserError, ValueError) as exc:
        raise InputError(name, f"not HTML ({exc}): expected {what}") from None


def _cell_text(el: Any) -> str:
    """A cell's text without footnote markers (<sup>), one line per <br> or block."""
    parts: list[str] = []

    def walk(node: Any) -> None:
        if node.text:
            parts.append(node.text)
        for child in node:
            tag = _local(child.tag)
            if tag == "br" or tag in ("div", "p", "li"):
                parts.append("\n")
            if tag not in ("sup", "script", "style"):
                walk(child)
            if tag in ("div", "p", "li"):
                parts.append("\n")
            if child.tail:
                parts.append(child.tail)

    walk(el)
    lines = [re.sub(r"[ \t\xa0]+", " ", ln).strip() for ln in "".join(parts).split("\n")]
    return "\n".join(ln for ln in lines if ln)


@dataclasses.dataclass
class _Table:
    headers: list[str]
    groups: list[str]
    rows: list[tuple[int, list[Any]]]


def _expand(cells: list[Any]) -> list[Any]:
    out = []
    for c in cells:
        try:
            span = max(1, min(50, int(c.get("colspan") or 1)))
        except ValueError:
            span = 1
        out += [c] * span
    return out


def _tables(root: Any) -> Iterator[_Table]:
    """Each <table> with header texts (lower case) and group headers (a row above them)."""
    for table in root.iter("table"):
        header_rows = []
        body_rows = []
        for n, tr in enumerate(table.iter("tr"), 1):
            if any(_local(a.tag) == "table" for a in tr.iterancestors() if a is not table):
                continue
            cells = [c for c in tr if _local(c.tag) in ("td", "th")]
            if not cells:
                continue
            in_head = any(_local(a.tag) == "thead" for a in tr.iterancestors())
            if in_head or all(_local(c.tag) == "th" for c in cells):
                header_rows.append(_expand(cells))
            else:
                body_rows.append((n, _expand(cells)))
        headers = [_cell_text(c).lower() for c in header_rows[-1]] if header_rows else []
        groups = [_cell_text(c).lower() for c in header_rows[-2]] if len(header_rows) > 1 else [""] * len(headers)
        if len(groups) > len(headers):  # cells of the upper row spanning both rows (rowspan) come first
            headers = groups[:len(groups) - len(headers)] + headers
        yield _Table(headers, groups + [""] * (len(headers) - len(groups)), body_rows)


def _state_name(cell: Any) -> str:
    return re.sub(r"\s+", " ", _cell_text(cell)).strip(" *")


# -- UNODA --------------------------------------------------------------------------------

_UNODA_TYPES = {
    "SIG": "signature", "RAT": "ratification", "ACC": "accession", "SUC": "succession", "ACP": "acceptance",
    "ACT": "acceptance", "APP": "approval", "APR": "approval", "WTW": "withdrawal", "WDL": "withdrawal",
}
_TYPE_WORDS = (("withdraw", "withdrawal"), ("signat", "signature"), ("ratif", "ratification"),
               ("accession", "accession"), ("succession", "succession"), ("acceptance", "acceptance"),
               ("approval", "approval"))
_DEPOSITARIES = (("london", "London"), ("moscow", "Moscow"), ("washington", "Washington"),
                 ("(l)", "London"), ("(m)", "Moscow"), ("(w)", "Washington"))


def _action_type(text: str) -> str:
    code = text.strip().upper()
    if code in _UNODA_TYPES:
        return _UNODA_TYPES[code]
    lower = text.lower()
    for word, kind in _TYPE_WORDS:
        if word in lower:
            return kind
    for code, kind in _UNODA_TYPES.items():
        if re.search(rf"(?<![A-Za-z]){code}(?![A-Za-z])", text):
            return kind
    return ""


def _depositary(text: str) -> str:
    lower = text.lower()
    return next((place for word, place in _DEPOSITARIES if word in lower), "")


@dataclasses.dataclass
class _Action:
    order: int
    state: str
    kind: str
    date: str
    depositary: str = ""
    note: str = ""


def _unoda_records(actions: list[_Action]) -> list[_Record]:
    """Group dated actions into one row per state and membership cycle: signature, earliest deposit
    (with every depositary's date in the note), withdrawal; a deposit after a withdrawal opens a
    new cycle."""
    by_state: dict[str, list[_Action]] = {}
    for a in actions:
        by_state.setdefault(a.state, []).append(a)
    records = []
    for state, acts in by_state.items():
        line = min(a.order for a in acts)
        cycles: list[_Record] = [_Record(line, state)]
        deposits: list[_Action] = []

        def close() -> None:
            if len(deposits) > 1 or any(d.depositary for d in deposits):
                cycles[-1].notes.append("deposits: " + ", ".join(
                    f"{d.depositary or '?'} {d.date} ({d.kind})" for d in deposits))

        for a in sorted(acts, key=lambda a: (a.date, a.kind != "signature")):
            rec = cycles[-1]
            if a.kind == "signature":
                if not rec.fields.get("signed"):
                    rec.fields["signed"] = a.date
            elif a.kind == "withdrawal":
                if rec.fields.get("withdrawal_notified"):
                    continue
                rec.fields["withdrawal_notified"] = a.date
                rec.notes.append("withdrawal date as the depositary records it (notice)" + (f": {a.note}" if a.note else ""))
            elif a.kind in INSTRUMENT_KINDS:
                if rec.fields.get("withdrawal_notified"):
                    close()
                    deposits = []
                    cycles.append(_Record(line, state))
                    rec = cycles[-1]
                if not rec.fields.get("ratified_or_acceded"):
                    rec.fields["ratified_or_acceded"] = a.date
                    rec.fields["kind"] = a.kind
                deposits.append(a)
        close()
        records += cycles
    return records


def _parse_unoda_html(data: bytes, name: str) -> list[_Record]:
    root = _html_root(data, name, "a UNODA treaty participants table")
    actions: list[_Action] = []
    for table in _tables(root):
        heads = table.headers
        if not heads:
            continue
        state_col = _column(heads, "state", "country", "participant", start=0)
        state_col = 0 if state_col is None else state_col
        type_col = _column(heads, "action", "type", start=0)
        date_col = _column(heads, "date", start=0)
        for n, cells in table.rows:
            if len(cells) <= state_col:
                continue
            state = cells[state_col].get("data-order") or _state_name(cells[state_col])
            state = re.sub(r"\s+", " ", state).strip()
            if not state:
                continue
            if type_col is not None and date_col is not None and type_col < len(cells) and date_col < len(cells):
                kind = _action_type(_cell_text(cells[type_col]))
                date = _data_order_date(cells[date_col].get("data-order") or "") or _first_date(_cell_text(cells[date_col]))
                dep_col = _column(heads, "depositary", start=0)
                dep = _depositary(_cell_text(cells[dep_col])) if dep_col is not None and dep_col < len(cells) else ""
                if kind and date:
                    actions.append(_Action(n, state, kind, date, dep))
                continue
            for i, cell in enumerate(cells):
                if i == state_col or i >= len(heads):
                    continue
                actions += _unoda_cell_actions(n, state, cell, heads[i], table.groups[i])
    if not actions:
        raise InputError(name, "no table of states with dated signatures or deposits found (UNODA participants)")
    return _unoda_records(actions)


def _first_date(text: str) -> str | None:
    found = _text_dates(text)
    if found:
        return found[0][2]
    return _data_order_date(text)


def _unoda_cell_actions(n: int, state: str, cell: Any, header: str, group: str) -> list[_Action]:
    """The dated actions in one cell of a state's row: one per element carrying ``data-order``
    (or one per line of text), typed by its text or link, else by the column header."""
    if _action_type(header) == "" and not _depositary(header + " " + group):
        if not any(w in header for w in ("deposit", "instrument", "date")):
            return []
    column_kind = _action_type(header)
    if column_kind == "" and any(w in header for w in ("deposit", "instrument")):
        column_kind = "ratification?"
    column_dep = _depositary(header + " " + group)
    dated = [el for el in cell.iter() if el.get("data-order") and el is not cell]
    pieces: list[tuple[str | None, str, str]] = []  # (date, text, link)
    if dated:
        for el in dated:
            links = " ".join(a.get("href") or "" for a in el.iter("a"))
            pieces.append((_data_order_date(el.get("data-order") or ""), _cell_text(el), links))
    else:
        links = " ".join(a.get("href") or "" for a in cell.iter("a"))
        text = _cell_text(cell)
        lines = text.split("\n") if text else []
        if cell.get("data-order") and len(lines) <= 1:
            pieces.append((_data_order_date(cell.get("data-order") or ""), text, links))
        else:
            pieces += [(_first_date(line), line, links) for line in lines]
    out = []
    for date, text, links in pieces:
        if not date:
            continue
        kind = _action_type(text) or _action_type(re.sub(r"^.*[/=]", "", links)) or _action_type(links) or column_kind
        note = ""
        if kind == "ratification?":
            kind, note = "ratification", "instrument type not stated; recorded as ratification"
        if not kind:
            continue
        out.append(_Action(n, state, kind, date, _depositary(text) or column_dep, note))
    return out


def _parse_unoda_json(data: bytes, name: str) -> list[_Record]:
    try:
        value = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(name, f"not JSON (expected a UNODA treaty answer with actions_): {exc}") from None
    found = _find_actions(value)
    if found is None:
        raise InputError(name, "no actions_ list found (expected a UNODA treaty answer)")
    actions = []
    for i, item in enumerate(found, 1):
        if not isinstance(item, dict):
            continue
        state = _json_state(item.get("state"))
        kind = _action_type(str(item.get("type") or "")) or _action_type(str(item.get("action_type_") or ""))
        date = _data_order_date(str(item.get("date") or ""))
        if not state or not kind or not date:
            continue
        dep = item.get("depositary")
        dep_name = str(dep.get("short_name") or dep.get("name") or "") if isinstance(dep, dict) else str(dep or "")
        actions.append(_Action(i, state, kind, date, dep_name, str(item.get("note") or "").strip()))
    if not actions:
        raise InputError(name, "the actions_ list has no dated state actions")
    return _unoda_records(actions)


def _find_actions(value: Any) -> list[Any] | None:
    if isinstance(value, list):
        if value and all(isinstance(v, dict) and "date" in v for v in value):
            return value
        for v in value:
            found = _find_actions(v)
            if found is not None:
                return found
    elif isinstance(value, dict):
        for key in ("actions_", "actions"):
            if isinstance(value.get(key), list):
                return list(value[key])
        for v in value.values():
            found = _find_actions(v)
            if found is not None:
                return found
    return None


def _json_state(state: Any) -> str:
    if isinstance(state, str):
        return state.strip()
    if not isinstance(state, dict):
        return ""
    country = state.get("country_") or {}
    names = country.get("country_country_name") or {} if isinstance(country, dict) else {}
    for value in (names.get("countryname_official_short_name") if isinstance(names, dict) else None,
                  country.get("country_persistent_name") if isinstance(country, dict) else None,
                  state.get("name")):
        if isinstance(value, str) and value.strip():
            return value.strip()
    return ""


# -- Council of Europe ----------------------------------------------------------------------

_COE_NOTE_KINDS = {"a": "accession", "su": "succession", "s": "signature", "r": "ad referendum"}


def _parse_coe_html(data: bytes, name: str) -> list[_Record]:
    root = _html_root(data, name, "a Council of Europe chart of signatures and ratifications")
    records: list[_Record] = []
    for table in _tables(root):
        heads = table.headers
        sign_col = _column(heads, "signature", start=0)
        rat_col = _column(heads, "ratification", start=0)
        if sign_col is None or rat_col is None:
            continue
        state_col = _column(heads, "state", "member", "participant", start=0)
        state_col = 0 if state_col is None else state_col
        eif_col = _column(heads, "entry into force", "entry into\nforce", start=0)
        notes_col = next((i for i, h in enumerate(heads) if h.strip(" .") in ("notes", "note")), None)
        den_col = _column(heads, "denunciation", "withdrawal", start=0)
        for n, cells in table.rows:
            if len(cells) <= max(sign_col, rat_col, state_col) or len(set(map(id, cells))) == 1:
                continue  # a group heading spanning the table ("Members of the Council of Europe")
            state = _state_name(cells[state_col])
            if not state:
                continue
            rec = _Record(n, state)
            signed = _numeric_dates(_cell_text(cells[sign_col]))
            ratified = _numeric_dates(_cell_text(cells[rat_col]))
            if signed:
                rec.fields["signed"] = signed[0]
            if ratified:
                rec.fields["ratified_or_acceded"] = ratified[0]
                rec.fields["kind"] = "ratification"
            if eif_col is not None and eif_col < len(cells):
                eif = _numeric_dates(_cell_text(cells[eif_col]))
                if eif:
                    rec.fields["entry_into_force_for_state"] = eif[0]
            notes = _cell_text(cells[notes_col]) if notes_col is not None and notes_col < len(cells) else ""
            _coe_notes(rec, notes)
            if den_col is not None and den_col < len(cells):
                _coe_denunciation(rec, _cell_text(cells[den_col]), heads[den_col])
            records.append(rec)
    if not records:
        raise InputError(name, "no chart table found (expected columns States, Signature, Ratification)")
    return records


def _coe_notes(rec: _Record, notes: str) -> None:
    """Apply the chart's Notes: a = accession, su = succession, s = signature without reservation
    as to ratification, r = signature ad referendum; a denunciation or an end of membership."""
    words = [t.lower() for t in re.findall(r"[A-Za-z]+", notes)]
    tokens = words if all(w in _COE_NOTE_KINDS for w in words) else []  # markers only, not prose
    for token in tokens:
        kind = _COE_NOTE_KINDS.get(token)
        if kind in ("accession", "succession") and rec.fields.get("ratified_or_acceded"):
            rec.fields["kind"] = kind
        elif kind == "signature" and rec.fields.get("signed"):
            rec.fields.setdefault("ratified_or_acceded", rec.fields["signed"])
            rec.fields["kind"] = "ratification"
            rec.notes.append("signature without reservation as to ratification (s)")
        elif kind == "ad referendum":
            rec.notes.append("signature ad referendum (r)")
    if re.search(r"denunc|withdr", notes, re.IGNORECASE):
        _coe_denunciation(rec, notes, "")
    elif re.search(r"ceased|expel|expul|exclu", notes, re.IGNORECASE):
        dates = _numeric_dates(notes) or [d[2] for d in _text_dates(notes)]
        if dates:
            rec.fields["withdrawal_effective"] = dates[-1]
            rec.notes.append(f"membership ended without a notice: {notes}")


def _coe_denunciation(rec: _Record, text: str, header: str) -> None:
    dates = _numeric_dates(text) or [d[2] for d in _text_dates(text)]
    if not dates:
        return
    if len(dates) >= 2:
        rec.fields["withdrawal_notified"], rec.fields["withdrawal_effective"] = dates[0], dates[1]
    elif re.search(r"effect", header + " " + text, re.IGNORECASE):
        rec.fields["withdrawal_effective"] = dates[0]
        rec.notes.append("denunciation: only its effective date is charted")
    else:
        rec.fields["withdrawal_notified"] = dates[0]
    rec.notes.append(f"denunciation as charted: {text}" if text else "denounced")


# -- Verdragenbank ----------------------------------------------------------------------------

_NL_KINDS = {"R": "ratification", "A": "accession", "SU": "succession", "S": "ratification", "NK": "ratification"}


def _parse_verdragenbank_html(data: bytes, name: str) -> list[_Record]:
    root = _html_root(data, name, "a Verdragenbank party table")
    records: list[_Record] = []
    for table in _tables(root):
        heads = table.headers
        party_col = _column(heads, "party", "partij", start=0)
        rat_col = _column(heads, "ratification", "ratificatie", "bekrachtiging", start=0)
        if party_col is None or rat_col is None:
            continue
        sign_col = _column(heads, "signature", "ondertekening", start=0, exclude=("ratification", "ratificatie"))
        eif_col = _column(heads, "entry into force", "inwerkingtreding", start=0, exclude=("buiten",))
        ren_col = _column(heads, "renunciation", "denunciation", "opzegging", start=0)
        term_col = _column(heads, "termination", "buitenwerkingtreding", start=0)
        for n, cells in table.rows:
            if len(cells) <= max(party_col, rat_col):
                continue
            party = _state_name(cells[party_col])
            if not party:
                continue

            def col(i: int | None) -> str:
                return _cell_text(cells[i]) if i is not None and i < len(cells) else ""

            rec = _Record(n, party)
            signed = _numeric_dates(col(sign_col))
            if signed:
                rec.fields["signed"] = signed[0]
            deposit = col(rat_col)
            marker = re.search(r"\((R|A|Su|SU|S|NK)\)", deposit)
            dates = _numeric_dates(deposit)
            code = marker.group(1).upper() if marker else ""
            if code == "S" and not dates and signed:
                dates = signed
            if dates:
                rec.fields["ratified_or_acceded"] = dates[0]
                rec.fields["kind"] = _NL_KINDS.get(code, "ratification")
                if code == "S":
                    rec.notes.append("signature without reservation as to ratification (S)")
                elif code == "NK":
                    rec.notes.append("kind of instrument not known (NK); recorded as ratification")
                elif code == "R":
                    rec.notes.append("R covers ratification, acceptance, approval or notification")
            for field, i in (("entry_into_force_for_state", eif_col), ("withdrawal_notified", ren_col),
                             ("withdrawal_effective", term_col)):
                found = _numeric_dates(col(i))
                if found:
                    rec.fields[field] = found[0]
            remark = re.search(r"\(([<>]\s*[\d-]+)\)", party)
            if remark:
                rec.notes.append(f"the record limits this party in time: {remark.group(1)}")
            records.append(rec)
    if not records:
        raise InputError(name, "no party table found (expected columns Party, Signature, Ratification)")
    return records


__all__ = [
    "FORMATS", "STATUS_COLUMNS", "TABLE_COLUMNS", "INSTRUMENT_KINDS", "parse_status", "read_status_table",
    "detect_format", "write_status_table", "state_code",
]
