"""Word classes of the English rules (loaded from ``data/wordlists.json``), and text-level helpers:
datelines, quotes, people, names that are part of a treaty's or a format's name."""

from __future__ import annotations

import datetime as dt
import json
import re
from importlib import resources

from ..dates import find_dates
from ..gate import Mention


def _english_words() -> dict[str, frozenset[str]]:
    """The English word classes, from ``data/wordlists.json`` (key "en"), where the other
    languages' word lists live too."""
    data = json.loads(resources.files("treatywatch").joinpath("data/wordlists.json").read_text(encoding="utf-8"))
    return {key: frozenset(words) for key, words in data["en"].items() if key != "_doc"}


_EN = _english_words()
# forms the model's lemmatizer reads as another word ("hopes" as "hop"): set right before it runs (``load_nlp``)
MISREAD_LEMMAS = dict(pair.split(":") for pair in _EN["misread_lemmas"])
PRONOUNS = _EN["pronouns"]
GENERIC_SUBJECTS = _EN["generic_subjects"]
NOTIFY_VERBS = _EN["notify_verbs"]
INSTRUMENT_WORDS = _EN["instrument_words"]
DEPOSITARY_WORDS = _EN["depositary_words"]
LEGISLATURE_WORDS = _EN["legislature_words"]
GOVERNMENT_WORDS = _EN["government_words"]
LAW_WORDS = _EN["law_words"]
BILL_WORDS = _EN["bill_words"]
BILL_VERBS = _EN["bill_verbs"]
DECREE_WORDS = _EN["decree_words"]
ANNOUNCE_VERBS = _EN["announce_verbs"]
VOTE_VERBS = _EN["vote_verbs"]
GOVT_VERBS = _EN["govt_verbs"]
PLANNED = _EN["planned"]
INTENT_VERBS = _EN["intent_verbs"]
READINESS = _EN["readiness"]
DELIBERATE_VERBS = _EN["deliberate_verbs"]
REACTION_VERBS = _EN["reaction_verbs"]
HYPOTHETICAL_AUX = _EN["hypothetical_aux"]
FUTURE_AUX = _EN["future_aux"]
CALLED_FOR = _EN["called_for"]
BLOCKING_VERBS = _EN["blocking_verbs"]
PEOPLE_NOUNS = _EN["people_nouns"]
QUANTIFIERS = _EN["quantifiers"]
GENERIC_DETERMINERS = _EN["generic_determiners"]
REPORTING_VERBS = _EN["reporting_verbs"]
PREVENT_VERBS = _EN["prevent_verbs"]
DENY_VERBS = _EN["deny_verbs"]
GENERIC_TREATY_WORDS = _EN["generic_treaty_words"]
JOIN_NOUNS = _EN["join_nouns"]
OTHER_BODIES = _EN["other_bodies"]  # organisations that are not treaties: joining them is no treaty act
# "the adapted version", "the adaptation agreement": another instrument than the treaty; its ratification is no act
# on the treaty (regular expressions, unlike the word classes above)
AMENDED = re.compile(r"\b(?:%s)\b" % "|".join(sorted(_EN["amended"])), re.IGNORECASE)
# "takes effect on", "effective from", "until": a date of the effect, not of the act ("withdrawal from the
# Ottawa Convention on 27 June" is the act's)
EFFECT_BEFORE = re.compile(r"(?:(?:into force|effect|effective|later|expire[sd]?|until)\W*(?:\w+\W+){0,3}(?:on|from|as of)?"
                            r"|\bfrom)\s*$", re.I)
# the note of a joining read from "became a member/party": dropped beside the state's ratification (english, lists)
BECAME_MEMBER = "became a member or party: joined, by an instrument not named here"
JOIN_LIKE = {"signed", "ratified", "acceded", "rejoined", "deratified", "suspended"}


GAP_OPEN = re.compile(r"(?:,|;|:|\band|,\s+after)\s*(?:the\s+)?$")  # after a comma, colon, 'and' or ', after'
GAP_JOIN = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)(?:the\s+)?")
GAP_LEAD = re.compile(r"\s+(?:by\s+(?P<how>[a-z]+)\s+)?(?:(?:on|in)\s+)?")
GAP_MORE_YEARS = re.compile(r"\s*(?:,|\band\b)\s*((?:19|20)\d\d)\b")
GAP_CLOSE = re.compile(r"\s*(?:,|;|\.|\band\b|\brespectively\b|$)")
COUNT_BEFORE = re.compile(r"\b(?P<n>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+"
                           r"(?P<unit>day|week|month|year)s?\s*$", re.I)
LAST_YEAR = re.compile(r"\s+last\s+year\b", re.I)
YEAR = re.compile(r"\b(?:19|20)\d\d\b")
SAME_DAY = re.compile(r"\b(?:(?:on\s+)?(?:the\s+same|that(?:\s+same)?)\s+(?:day|date|morning|afternoon|evening|night)"
                       r"|within\s+hours|hours\s+later|later\s+that\s+day|the\s+(?:next|following)\s+day)\b", re.I)
# the place (and date, agency) an agency report opens with: "VILNIUS, June 27 (Reuters) -", "MOSCOW, 2 November
# /TASS/.", "Ottawa (dpa) -", "GENEVA (AP) —"; an upper-case place may stand alone before the dash
DATELINE_PLACE = re.compile(r"^(?:[A-ZÀ-Ž][A-ZÀ-Ž .'’-]{2,40}?(?:,[^-–—\n]{0,40})?\s*(?:\([^)\n]{1,40}\))?\s*(?:[-–—]+|:)\s"
                             r"|[A-ZÀ-Ž][\w .'’-]{2,40}?(?:,[^-–—\n/]{0,40})?\s*(?:\([^)\n]{1,40}\)\s*[-–—]+|/[^/\n]{1,20}/\s*[.:-]?)\s)",
                             re.M)
_NAMED_AFTER = re.compile(r"\s+(?:Convention|Treaty|Protocol|Agreement|Accord|Statute|Document|Declaration|Charter|Format|Group|Process|Pact)\b")


def outside_names(states: list[Mention], treaties: list[Mention], text: str) -> list[Mention]:
    """State mentions that are not part of a treaty's name ('Ottawa Convention', 'Vienna Convention',
    'Treaty of Rome')."""
    out = []
    for m in states:
        if any(t.start <= m.start < t.end for t in treaties):
            continue
        if text[m.end:m.end + 7] == "-Presse" or text[max(0, m.start - 7):m.start] == "Agence ":
            continue
        if text[max(0, m.start - 7):m.start] == "Reform " or text[m.end:m.end + 6] == " First":
            continue  # party names: "Reform UK", "Latvia First"
        if m.kind in ("capital", "name", "alias") and (_NAMED_AFTER.match(text, m.end)
                                                       or text[max(0, m.start - 12): m.start].endswith(("Treaty of ", "Convention of "))):
            continue
        out.append(m)
    return out


ROLE_BEFORE = re.compile(r"((?:Deputy |Prime |Foreign |Defen[cs]e |Interior )?(?:Minister|President|Prime Minister|Chancellor|"
                          r"Secretary(?: of State)?|spokes(?:person|man|woman)|Ambassador|Speaker|Premier)"
                          r"(?: (?:of|for) [A-Z][a-z]+(?: [A-Z][a-z]+)?)?)\s*$")
_DATELINE = re.compile(
    r"^\(?(?P<place>[A-ZÀ-Ž][A-Za-zÀ-ž .'’-]{2,40}?)(?:,\s*[A-Z][A-Za-z.]{1,20})?(?:\s*\([^)\n]{1,40}\))?,\s*"
    r"(?P<date>(?:%s)\.?\s+\d{1,2}|\d{1,2}\s+(?:%s))"
    r"(?:\.?,?\s*(?P<year>(?:19|20)\d\d))?\.?\s*(?:\([^)\n]{1,40}\)|/[^/\n]{1,20}/)?\s*\)?\s*(?:[-–—:]|\.\s)" % (
        "January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec",
        "January|February|March|April|May|June|July|August|September|October|November|December"), re.M)


def find_dateline(text: str, pattern: re.Pattern[str] = _DATELINE) -> re.Match[str] | None:
    """A dateline at the start of one of the text's first three lines (a headline or standfirst may
    come before it)."""
    pos = 0
    for _ in range(3):
        m = pattern.match(text, pos)
        if m:
            return m
        nl = text.find("\n", pos)
        if nl < 0 or nl > 600:
            return None
        pos = nl + 1
        while pos < len(text) and text[pos] == "\n":
            pos += 1
    return None


# the date line a stored page may open with, before its text ("date 2023-04-05 On Tuesday, Finland ...")
PAGE_DATE = re.compile(r"date ((?:19|20)\d\d-\d\d-\d\d|(?:19|20)\d\d-\d\d)\s+")


def page_date(text: str) -> dt.date | None:
    """The day of the date line a text opens with ('date 2023-04-05 ...'), if it gives a day."""
    m = PAGE_DATE.match(text)
    if m is None or len(m.group(1)) != 10:
        return None
    try:
        return dt.date.fromisoformat(m.group(1))
    except ValueError:
        return None


def parse_dateline(text: str, published: dt.date | None) -> dt.date | None:
    """The date of a dateline in any agency's style ("VILNIUS, June 27 (Reuters) -", "MOSCOW, 2 November
    /TASS/.", "(Geneva, 12 January 2012):"), with the year of publication when it gives none."""
    m = find_dateline(text)
    if not m:
        return None
    found = find_dates(m.group("date") + (f" {m.group('year')}" if m.group("year") else ""), published)
    return found[0].date if found and found[0].precision == "day" else None


STATE_GROUPS = [
    (re.compile(r"\bBaltic (?:states|countries|nations|trio|neighbours|neighbors|republics|parliaments|governments)\b", re.I), "EST|LVA|LTU"),
    (re.compile(r"\bBaltics\b"), "EST|LVA|LTU"),
    (re.compile(r"\b(?:three )?Sahel (?:states|juntas|countries|governments|military governments|nations)\b", re.I), "BFA|MLI|NER"),
    (re.compile(r"\bAlliance of Sahel States\b"), "BFA|MLI|NER"),
]

_QUOTE_RE = re.compile(r"“[^”]{3,}?”|\"[^\"]{3,}?\"")


def quote_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _QUOTE_RE.finditer(text)]


_TITLE_NAME = re.compile(
    r"\b(?:Minister|President|Prime Minister|Chancellor|Secretary|spokes(?:person|man|woman)|Ambassador|Speaker|Premier|Commissioner|Director|Senator|leader)\s+(?P<name>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){1,2})"
)


def person_mentions(text: str, states: list[Mention]) -> list[Mention]:
    people = [m for m in states if m.kind == "official"]
    for m in _TITLE_NAME.finditer(text):
        s, e = m.span("name")
        if not any(p.start <= s < p.end for p in people):
            people.append(Mention(s, e, m.group("name"), m.group("name"), "person"))
    return sorted(people, key=lambda p: p.start)
