"""Date expressions in news text, resolved against the publication date.

Every resolved date says how it was found: ``explicit`` (a calendar date in the text),
``relative`` (today, on Friday, six months ago: counted from publication) and its precision
(day, month, year).  Dates later than publication are kept but flagged by the caller.
"""

from __future__ import annotations

import dataclasses
import calendar
import datetime as dt
import re

MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
            ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
            ("october", "oct"), ("november", "nov"), ("december", "dec"),
        ]
    )
    for m in names
}
# a year written in a text (not part of a number or a numeric date, nor naming something: "the 1972 Anti-Ballistic
# Missile Treaty", "die 1997 Ottawa-Konvention"), and how far before a sentence the years
# written still date its days and months that have no year, when the publication date is unknown
YEAR_WRITTEN = re.compile(r"(?<![\d.])((?:19|20)\d\d)(?!\d|\.\d)(?![\s-]+(?:[A-ZА-ЯЁІЇЄ]\w*[\s-]+){0,3}(?i:treaty|convention|agreement|"
                          r"protocol|accord|statute|pact|vertrag|konvention|abkommen|übereinkommen|traité|tratado|"
                          r"convenio|acuerdo|trattato|convenzione|accordo|traktat|konwencj|porozumieni|договор|"
                          r"конвенц|соглашени|угод|договір))")
YEAR_HINT_REACH = 600

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}

_M = r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
_D = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_Y = r"(?P<year>(?:19|20)\d\d)"
_WD = r"(?:(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?"
_N = r"(?P<n>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"

PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<mon>[01]\d)-(?P<day>[0-3]\d)\b")),
    ("dmy", re.compile(rf"\b{_WD}(?:the\s+)?{_D}\s+(?:of\s+)?{_M}(?:,?\s+{_Y})?\b", re.I)),
    ("mdy", re.compile(rf"\b{_WD}{_M}\s+{_D}(?:,?\s+{_Y})?\b(?!\s*(?:per\s*cent|%|percent))", re.I)),
    ("month", re.compile(rf"\b(?P<qual>early|mid|late|the\s+beginning\s+of|the\s+end\s+of|end\s+of)?[\s-]*{_M}(?:\s+{_Y})?\b", re.I)),
    ("year", re.compile(rf"\b(?:in|since|from|by|of|during|as early as|as far back as|back in)\s+{_Y}\b", re.I)),
    ("today", re.compile(r"\b(?P<word>today|tonight|this morning|this afternoon|this evening|yesterday|tomorrow|last night|earlier today|on monday|on tuesday|on wednesday|on thursday|on friday|on saturday|on sunday|last monday|last tuesday|last wednesday|last thursday|last friday|last saturday|last sunday)\b", re.I)),
    # a bare weekday after a verb or comma: "signed a law Thursday", "announced Wednesday that" (not "Black Friday",
    # "by Friday", "next Monday"; a weekday before a date is part of that date); the look-ahead for a weekday's
    # first letter comes first, so that the look-behinds are tested only there
    ("weekday", re.compile(r"(?=[MTWFS])(?<!\bby\s)(?<!\bnext\s)(?<!\buntil\s)(?<!\btill\s)(?<!\bfrom\s)(?<!\bbefore\s)"
                           r"(?<!\bevery\s)(?<!\bthis\s)(?<!\bcoming\s)(?<!Black\s)(?<!Good\s)(?<!Holy\s)(?<!Super\s)(?<=[A-Za-z,]\s)(?P<word>Monday|Tuesday|Wednesday|Thursday|"
                           r"Friday|Saturday|Sunday)\b(?!['’]s)(?!,?\s+(?:\d|January|February|March|April|May|June|July|August|"
                           r"September|October|November|December))")),
    ("ago", re.compile(rf"\b{_N}\s+(?P<unit>day|week|month|year)s?\s+ago\b", re.I)),
    ("in", re.compile(rf"\b(?:in|within|after)\s+{_N}\s+(?P<unit>day|week|month|year)s?(?:'\s*time)?\b", re.I)),
    ("period", re.compile(r"\b(?P<which>last|this|next|earlier this|later this)\s+(?P<unit>week|month|year)\b", re.I)),
]


@dataclasses.dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    text: str
    date: dt.date
    basis: str  # explicit | relative
    precision: str  # day | month | year
    note: str | None = None
    contradiction: str | None = None


def find_dates(text: str, published: dt.date | None) -> list[DateMention]:
    """Every date expression in ``text`` resolved against ``published`` (None: explicit only)."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in PATTERNS:
        for m in pattern.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            mention = _resolve(kind, m, published)
            if mention is not None:
                found.append(mention)
                taken.append((m.start(), m.end()))
    return sorted(found, key=lambda d: d.start)


def _resolve(kind: str, m: re.Match[str], pub: dt.date | None) -> DateMention | None:
    g = m.groupdict()
    text = m.group(0).strip()
    note = None
    try:
        if kind == "iso":
            d = dt.date(int(g["year"]), int(g["mon"]), int(g["day"]))
            return DateMention(m.start(), m.end(), text, d, "explicit", "day")
        if kind in ("dmy", "mdy"):
            month = MONTHS[g["month"].lower().rstrip(".")]
            day = int(g["day"])
            if g.get("year"):
                year = int(g["year"])
            elif pub is not None:
                year = pub.year
                if dt.date(year, month, min(day, 28)) > pub + dt.timedelta(days=7):
                    year -= 1
                note = f"year {year} taken from the publication date"
            else:
                return None
            d = dt.date(year, month, day)
            contradiction = None
            if g.get("weekday") and WEEKDAYS[d.weekday()] != g["weekday"].lower():
                contradiction = f"'{g['weekday']}' does not match {d.isoformat()}, a {WEEKDAYS[d.weekday()].title()}"
            return DateMention(m.start(), m.end(), text, d, "explicit", "day", note, contradiction)
        if kind == "month":
            if g["month"].lower() == "may" and not g.get("year") and not g.get("qual"):
                return None  # the modal verb "may"
            if not g.get("year") and not re.match(r"(?i)(?:in|early|mid|late|the|end|since|from|by|last)\b", _before(m)):
                return None  # (not "signed the May agreement"; "last April" is the latest April before publication)
            month = MONTHS[g["month"].lower().rstrip(".")]
            if g.get("year"):
                year = int(g["year"])
            elif pub is not None:
                year = pub.year if month <= pub.month else pub.year - 1
                note = f"year {year} taken from the publication date"
            else:
                return None
            return DateMention(m.start(), m.end(), text, dt.date(year, month, 1), "explicit", "month", note)
        if kind == "year":
            return DateMention(m.start(), m.end(), text, dt.date(int(g["year"]), 1, 1), "explicit", "year")
        if pub is None:
            return None
        if kind == "weekday":  # the most recent such day on or before publication
            back = (pub.weekday() - WEEKDAYS.index(g["word"].lower())) % 7
            return DateMention(m.start(), m.end(), text, pub - dt.timedelta(days=back), "relative", "day")
        if kind == "today":
            word = g["word"].lower()
            if word in ("today", "tonight", "this morning", "this afternoon", "this evening", "earlier today"):
                return DateMention(m.start(), m.end(), text, pub, "relative", "day")
            if word in ("yesterday", "last night"):
                return DateMention(m.start(), m.end(), text, pub - dt.timedelta(days=1), "relative", "day")
            if word == "tomorrow":
                return DateMention(m.start(), m.end(), text, pub + dt.timedelta(days=1), "relative", "day")
            wd = WEEKDAYS.index(word.split()[1])
            back = (pub.weekday() - wd) % 7
            if word.startswith("last") and back == 0:
                back = 7
            return DateMention(m.start(), m.end(), text, pub - dt.timedelta(days=back), "relative", "day")
        if kind == "ago":
            n = int(g["n"]) if g["n"].isdigit() else NUMBERS[g["n"].lower()]
            unit = g["unit"].lower()
            if unit == "day":
                return DateMention(m.start(), m.end(), text, pub - dt.timedelta(days=n), "relative", "day")
            if unit == "week":
                return DateMention(m.start(), m.end(), text, pub - dt.timedelta(weeks=n), "relative", "day")
            if unit == "month":
                d = add_months(pub, -n)
                return DateMention(m.start(), m.end(), text, d.replace(day=1), "relative", "month")
            return DateMention(m.start(), m.end(), text, dt.date(pub.year - n, 1, 1), "relative", "year")
        if kind == "in":
            n = int(g["n"]) if g["n"].isdigit() else NUMBERS[g["n"].lower()]
            unit = g["unit"].lower()
            if unit in ("day", "week"):
                d = pub + dt.timedelta(days=n * (7 if unit == "week" else 1))
                return DateMention(m.start(), m.end(), text, d, "relative", "day")
            return DateMention(m.start(), m.end(), text, add_months(pub, n * (12 if unit == "year" else 1)),
                               "relative", "day")
        if kind == "period":
            which, unit = g["which"].lower(), g["unit"].lower()
            step = {"last": -1, "next": 1}.get(which, 0)
            if unit == "week":
                return None  # "last week" dates nothing to the day: the act stays bounded by publication
            if unit == "month":
                return DateMention(m.start(), m.end(), text, add_months(pub, step).replace(day=1), "relative", "month")
            return DateMention(m.start(), m.end(), text, dt.date(pub.year + step, 1, 1), "relative", "year")
    except (ValueError, KeyError):
        return None
    return None


def _before(m: re.Match[str]) -> str:
    """The word before the match together with the match (for 'in June' checks)."""
    start = m.start()
    head = m.string[max(0, start - 12): start]
    word = head.split()[-1] if head.split() else ""
    return (word + " " + m.group(0).strip()).strip()


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved by ``months`` calendar months, clamped to the month's end."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    last = calendar.monthrange(year, month)[1]  # safe in December 9999 too
    return dt.date(year, month, min(day.day, last))
