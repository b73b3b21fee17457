"""Plain text forms of answers shared by the command line and the web server (light: no heavy
imports, so that the command line still starts fast)."""

from __future__ import annotations

import csv
import io
from typing import Any


def csv_text(records: list[dict[str, Any]], cols: list[str]) -> str:
    """``records`` as CSV with the header ``cols``: lists joined by spaces, ``None`` empty."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(cols)
    for r in records:
        writer.writerow([" ".join(v) if isinstance(v, list) else ("" if v is None else v) for v in (r.get(c) for c in cols)])
    return buf.getvalue()
