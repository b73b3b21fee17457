"""Extraction for languages without a parser (German, French, Russian, Ukrainian, Polish, Spanish, Italian).

Sentence rules over word lists (``data/wordlists.json``): a sentence with a treaty name (or a
generic treaty word after one), a state and an action word yields a claim.  The stage (notice,
vote, signature of the law, effect) and the modality (negation, plan, call, conditional) come
from the other words of the sentence; a law, decree or moratorium signed is never the treaty
signed, and an exit under way ("выходят") is planned unless said officially.  A sentence is cut
into clauses (at punctuation and before conjunctions): clauses with acts of their own make claims of their own, a clause of a name and a
date repeats the act before it ("le Niger en 2002"), and the subject is the list of states
nearest the act (with the states named "along with" it, "junto a España", and a "namely" list
after a counted subject, "Vier Staaten ..., namentlich Ägypten, ...").  Dates: numeric (day first) and month-name dates, months, years, weekdays, today
and yesterday in each language, resolved against the publication date (when it is unknown, a day
and month take the year written before them); "then" ("wówczas", "тогда") takes the date of the
act before.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import json
import re
from collections.abc import Sequence
from importlib import resources
from typing import Any

from ..dates import YEAR_HINT_REACH, YEAR_WRITTEN, DateMention, find_dates
from ..gate import Lexicon, Mention, split_sentences
from ..models import Article, Claim, Evidence
from .concepts import concept_mentions
from .words import BECAME_MEMBER, PAGE_DATE, outside_names, page_date

LANGUAGES = ("de", "fr", "ru", "uk", "pl", "es", "it")
_YEAR_RANGE = re.compile(r"(?<![\d.])(?:19|20)\d\d\s*[-–—]\s*(?:19|20)\d\d(?!\d)")
_NUMERIC = re.compile(r"(?<![\d./])([0-3]?\d)([./])([01]?\d)\2((?:19|20)\d\d)(?!\d)")  # 27.06.2025, 27/06/2025
CORE = ("leave", "notify", "effect", "ratify", "accede", "sign", "suspend", "deratify", "vote", "announce",
        "same_step", "same_decision")
JOINING = ("ratified", "acceded", "signed")
# cues read in a clause only; the others (law, legislature, depositary, ...) count sentence-wide
LOCAL_CUES = CORE + ("decree", "negation", "planned", "hypothetical", "called_for")


@dataclasses.dataclass
class _Chunk:
    """A clause of a sentence (offsets within the sentence) and what is named in it."""

    s: int
    e: int
    hits: dict[str, list[re.Match[str]]]
    names: list[Mention]
    dates: list[DateMention]
    terse: bool  # names, dates and at most three short words: "le Niger en 2002", "Lettland 2005"


@dataclasses.dataclass
class _Frame:
    """One act of a sentence: its action, where its cue is, who did it and the dates near it."""

    s: int
    e: int
    action: str
    strength: float
    cue_at: int
    states: list[str]
    dates: list[DateMention]
    modality: str | None = None


# actions named by their own word (not by the stage words around a withdrawal)
_OWN_WORD = ("ratified", "acceded", "signed", "suspended", "deratified", "took_effect")
NOMINAL_CUE = {"ratified": "ratify", "acceded": "accede", "signed": "sign", "suspended": "suspend",
               "intent_announced": "announce"}


def _only_nominal(hits: dict[str, list[re.Match[str]]], cue: str) -> bool:
    """Whether every word of ``cue`` in ``hits`` is a noun ('ratification'), none a verb."""
    return bool(hits[cue]) and all(any(n.start() <= h.start() < n.end() or h.start() <= n.start() < h.end()
                                       for n in hits["nominal"]) for h in hits[cue])


def _party_noun_only(hits: dict[str, list[re.Match[str]]], cue: str) -> bool:
    """Whether every word of ``cue`` is inside a noun of the parties ("los firmantes", "sygnatariusze",
    "Unterzeichnerstaaten", "i firmatari") that no word of becoming comes before ("została
    sygnatariuszem", "se convirtió en firmante" are acts): the parties named, not an act (LABELLING.md: a
    positive status is not labelled; "no figuran entre los firmantes" stays a denial)."""
    nouns = hits.get("party_noun", [])
    if not hits[cue] or not nouns:
        return False
    became = [n for n in nouns if any(0 <= n.start() - b.end() <= 25 for b in hits.get("become", []))]
    return all(any(n.start() <= h.start() < n.end() for n in nouns) and not any(
        n.start() <= h.start() < n.end() for n in became) for h in hits[cue])


def _legislature_decides(hits: dict[str, list[re.Match[str]]]) -> bool:
    """Whether a legislature is who decides: its name next to a word of deciding ("Il Seimas ha
    deciso di ritirare"), with no government or minister nearer to that word."""
    for a in hits["announce"]:
        near = [h for h in hits["legislature"] if abs(h.start() - a.start()) < 40]
        others = [h for h in hits["government"] + hits["agent"] if abs(h.start() - a.start()) < 40]
        if near and min(abs(h.start() - a.start()) for h in near) < min(
                (abs(h.start() - a.start()) for h in others), default=99):
            return True
    return False


# where a later clause begins: a comma, a semicolon or colon, a dash between spaces
_NEXT_CLAUSE = re.compile(r"[,;:]\s|\s[-–—]\s")
# an adjective of the government's name ("un projet gouvernemental", "rządowy projekt", "правительственная комиссия")
_GOVERNMENT_ADJECTIVE = re.compile(r"(?:al|ativ|ow|енн|ов)", re.IGNORECASE)


def _government_votes(hits: dict[str, list[re.Match[str]]]) -> bool:
    """Whether the government is who approves: the first body named before a word of approving is the
    government or cabinet, not the legislature ("кабинет утвердил законопроект", "das Kabinett stimmte
    dem Entwurf zu", but "Sejm przyjął rządowy projekt", "das Parlament stimmte dem Antrag der
    Regierung zu"); with none before it, the body right after it ("beschloss die Regierung")."""
    bodies = sorted((h.start(), cue) for cue in ("government", "legislature") for h in hits[cue]
                    if not (cue == "government" and _GOVERNMENT_ADJECTIVE.match(h.string, h.end())))
    for v in hits["vote"]:
        before = [cue for at, cue in bodies if 0 < v.start() - at <= 120]
        after = [cue for at, cue in bodies if 0 <= at - v.end() <= 40]
        if (before or after)[:1] == ["government"]:
            return True
    return False


def _government_step(hits: dict[str, list[re.Match[str]]]) -> bool:
    """Whether the sentence reports the government's own step (LABELLING.md: a cabinet approving a bill,
    a decree, a bill sent to parliament), not the legislature's vote on it: the government approves
    ("кабинет утвердил законопроект о ратификации"), or a decree is issued or a bill submitted
    ("издал указ о приостановлении", "il governo ha trasmesso alle Camere un disegno di legge") with no
    legislature voting in the sentence ("la Camera ha approvato il disegno di legge del governo" is the
    vote)."""
    if _government_votes(hits):
        return True
    legislature_votes = any(abs(h.start() - v.start()) < 60 for v in hits["vote"] for h in hits["legislature"])
    return bool(hits["decree"]) and not legislature_votes and not (hits["sign"] and hits["law"] and not hits["decree"])


def _law_passed(hits: dict[str, list[re.Match[str]]]) -> bool:
    """Whether a law is signed or voted through ("podpisał ustawę o ratyfikacji"), not only drafted
    by a government: the act the law is about is then done, though named by a noun."""
    done = any(hits[cue] and not _only_nominal(hits, cue) for cue in ("sign", "vote"))  # not "po podpisaniu ustawy"
    return bool(hits["law"]) and done and not hits["government"]


# an adjective of a legislature's name ("parlamentarny", "parlamentarisch", "парламентский"), and what opens a clause
# of its own between a legislature and a joining word
_ADJECTIVE = re.compile(r"arn|arisch|сь?к", re.IGNORECASE)
_STATE_ACTS = re.compile(r"[;:]|\b(?:and|et|und|y|e|i|и|і|та)\b")


def _clauses_about_the_treaty(hits: dict[str, list[re.Match[str]]], cue_at: int, cues: tuple[str, ...]) -> list[int]:
    """Where the relative clauses after ``cue_at`` that hold one of ``cues`` open: "a ratifié le traité, qui
    entrera en vigueur le 24 décembre" says what will become of the treaty, not of the act."""
    return [r.start() for r in hits["relative_clause"] if r.start() > cue_at and any(
        h.start() > r.start() for cue in cues for h in hits[cue])]


def _joining_step(hits: dict[str, list[re.Match[str]]], cue_at: int, text: str, lang: str) -> str | None:
    """The domestic step a joining word names when the legislature or the head of state does it
    (LABELLING.md), not yet the state's ratification: "Путин подписал закон о ратификации" is
    `law_signed`; "la Douma a ratifié", "ratificado por el Senado", "Sejm przegłosował ustawę o
    ratyfikacji" are `parliament_approved`.  A deposit is the state's own act, whatever assembly the
    sentence names ("depositaron los instrumentos ... aprobación por la Asamblea General")."""
    if hits["notify"] and (hits["instrument"] or hits["depositary"]) or hits["sign"] and hits["instrument"] \
            and not hits["law"]:
        return None  # (nor is signing the instrument: "podpisuje akt wstąpienia Polski")
    if _law_passed(hits) and hits["sign"] and not _only_nominal(hits, "sign"):
        return "law_signed"
    cue = "ratify" if hits["ratify"] else "accede"
    if hits[cue] and _government_step(hits) and (
            _only_nominal(hits, cue) or all(_infinitive(text, h.start(), lang) for h in hits[cue])):
        # "кабинет утвердил законопроект о ратификации", "das Kabinett billigte die Ratifizierung", "a soumis
        # un projet de loi pour adhérer": the government's step, the joining still to come
        return "government_approved"
    for h in hits["legislature"]:
        if _ADJECTIVE.match(text, h.end()):
            continue  # "Debatę parlamentarną nad przyjęciem": not the legislature acting
        if 0 <= cue_at - h.end() <= 70 and not _STATE_ACTS.search(text, h.end(), cue_at):
            return "parliament_approved"  # "Il Senato ha ratificato", "Turkey's parliament ratified"
        if 0 <= h.start() - cue_at <= 45 and _PASSIVE_BY.match(text, cue_at) or 0 <= h.start() - cue_at <= 30 \
                and not _STATE_ACTS.search(text, cue_at, h.start()) and not re.search(r"\d", text[cue_at:h.start()]):
            return "parliament_approved"  # "ratifié par le Parlement", "nowy START ratyfikowała Duma Państwowa"
    if hits["vote"] and hits["legislature"] and _only_nominal(hits, "ratify" if hits["ratify"] else "accede"):
        return "parliament_approved"  # "Сейм проголосовал за ратификацию": the vote on the ratification
    return None


def _within(hits: dict[str, list[re.Match[str]]], s: int, e: int) -> dict[str, list[re.Match[str]]]:
    return {k: [m for m in v if s <= m.start() < e] for k, v in hits.items()}


_GAP = re.compile(r"[\s,()–—-]*(?:(?:\w{1,4}|l['’])[\s,()–—-]*){0,3}[.!?]?\s*")  # ", ", " i ", " et à la "
_YEAR_ASIDE = re.compile(r"\(\s*(?:19|20)\d\d\s*\)|\b(?:en|in|nel|w|в|у|im)\s+(?:19|20)\d\d\b")


# "but not" before the states an exception names: "mais pas par les Etats-Unis", "aber nicht von", "pero no",
# "ma non", "ale nie", "но не", "але не"
_BUT_NOT = re.compile(r"(?<!\w)(?:but|mais|aber|pero|ma|ale|но|але)\s+(?:not|pas|nicht|no|non|nie|не)(?!\w)", re.IGNORECASE)
# a list that turns to those who did not: "..., mais pas les Etats-Unis", "aber nicht", "но не" ("ni ... ni" lists them)
_NOT_IN_LIST = re.compile(r"(?<!\w)(?:but|not|mais|pas|aber|nicht|pero|ma|non|ale|nie|но|не|але|no)(?!\w)",
                          re.IGNORECASE)


def _gap(text: str, a: int, b: int) -> bool:
    """Whether the text between two names joins them in one list: "Burundi (2017) und die"."""
    between = text[a:b]
    return _GAP.fullmatch(_YEAR_ASIDE.sub(" ", between)) is not None and not _NOT_IN_LIST.search(between)


_LOCATIVE = re.compile(r"(?:^|\s)(?:в|во|у|w|we|in|im|à|au|en|nel)\s$", re.IGNORECASE)
# Italian "a Helsinki", "a Cuba" is a place; Spanish "pidió a Polonia" names whom an act concerns
_LOCATIVE_LANG = {"it": re.compile(r"(?:^|\s)a\s$", re.IGNORECASE)}
_THAT = re.compile(r"(?:,\s*|\s)(?:що|что|że|dass|que|qu['’]|che)\b", re.IGNORECASE)  # a that-clause begins
_REPORTING = re.compile(r"\w*\s*(?:,\s*(?:що|что|że|dass|que|qu['’]|che)|:)")
# a passive's agent right after the act: "ratificado por Honduras", "ratifié par la Hongrie", "von Ungarn"
_AGENT = re.compile(r"\w+(?:\s+\w+){0,3}\s+(?:(?:por|par|da|dal|dalla|von|przez)\s+|dall['’])(?:(?:el|la|le|les|der|die|den|dem|il|lo|l['’])\s*)?",
                    re.IGNORECASE)
# a full stop with no space after it between two words: "... говорится в сообщении.После ..."
_GLUED_STOP = re.compile(r"(?<=[^\W\d_A-ZА-ЯЁІЇЄ]{3})\.(?=[A-ZА-ЯЁІЇЄ][^\W\d_A-ZА-ЯЁІЇЄ])")
# a participle's own word and the space before the noun it describes: "unterzeichnete Vereinbarung"
_BEFORE_TREATY_WORD = re.compile(r"\w+(?:te|ten|tes|ter|tem|ta|to|ti|te|ée|é|ado|ada|ados|adas)\s+", re.IGNORECASE)
# the UN's assembly, no state's legislature: "la Asamblea General aprobó el tratado"
_GENERAL_ASSEMBLY = re.compile(
    r"(?:assembl\w+|asamblea|assemblea|ассамбле\w+|асамбле\w+|zgromadzeni\w+)\s+(?:general|générale|generale|ogóln)|"
    r"(?:general|генеральн\w+)\s+(?:assembl|ассамбле|асамбле)|generalversammlung", re.IGNORECASE)
# between two coordinated act words: "signé et ratifié", "podpisany i ratyfikowany"
_AND = re.compile(r"\s+(?:and|et|e|y|und|i|и|і|й|та|oraz)\s+", re.IGNORECASE)
# the words of a condition: "se retirará del Tratado si ...", "falls", "если"
_CONDITION = re.compile(r"(?:si|se|if|wenn|falls|qualora|если|якщо|jeśli|jeżeli|gdyby)$", re.IGNORECASE)
# a relative pronoun: "una decisión que el presidente anunció", "la decisione che il governo ha annunciato"
_RELATIVE = re.compile(r"\b(?:que|qui|che|cui|die|der|das|den|welche\w*|któr\w+|котор\w+|як\w+)\b", re.IGNORECASE)
# a number a relative clause describes: "sui 58 che l'hanno firmato", "des 58 qui l'ont signé"
_COUNT = re.compile(r"\b\d{1,3},?\s+(?:che|qui|que|die|welche|które|которые|які)\b", re.IGNORECASE)
# a participle with an agent that is not a named state: "la Convenzione, firmata da 30 paesi", "firmado en 1987
# por las dos potencias" (a date or place between)
_PASSIVE_BY = re.compile(r"\w+(?:\s+(?:en|in|im|w|в|у|a|à|le|el|il|nel|am)\s+\w+){0,2}"
                         r"\s+(?:por|par|da|dal|dalla|dall['’]|von|przez)\s", re.IGNORECASE)
# between an act's noun and the state it belongs to: "adhésion de la Finlande", "przystąpienia Polski"
_OF = re.compile(r"\s*(?:(?:of|de|du|des|d['’]|del|della|dell['’]|di|der|des)\s*)?(?:(?:la|le|les|l['’]|the|el)\s*)?",
                 re.IGNORECASE)
_DEPOSITARY_WORD = re.compile(r"(?i)депозитар|depositar|verwahr|dépositaire|depozytar")
# a past participle of the Romance languages: "firmato", "firmado", "signé", "ratifiée"
_PARTICIPLE = re.compile(r"\w+(?:é|ée|és|ées|at[oaie]|ad[oa]s?)\b", re.IGNORECASE)
_AUXILIARY = re.compile(r"(?<!\w)(?:ha|hanno|è|sono|fu|furono|stat[oaie]|a|ont|est|sont|été|fut|furent|han|fue|fueron|"
                        r"sido|es|son)(?!\w)", re.IGNORECASE)
# "NATO-Länder", "NATO countries", "países de la OTAN" after the name: the alliance's members, not the treaty
_ALLIANCE_MEMBERS = re.compile(r"-\w|\s+(?:countries|allies|members|states)\b", re.IGNORECASE)
_PUNCT = re.compile(r"[,;:.]")
# what may stand between a notice's verb and the state that receives it: "notificó a Rusia", "a informé le gouvernement
# de la Russie", "уведомил правительство России", "poinformował Rosję"
_TO_RECIPIENT = re.compile(
    r"\w*\s+(?:(?:a|à|al|alla|au|den|dem)\s+)?(?:(?:el|le|il|los|les|gli|la|l['’])\s*)?(?:(?:gobierno|gouvernement|governo|"
    r"regierung|правительство|уряд|rząd|autoridades|autorités|autorità)\s+(?:(?:de|del|des|du|di|della|de la)\s+)?"
    r"(?:(?:la|le|l['’])\s*)?)?", re.IGNORECASE)
_SLAVIC_OBJECT = re.compile(r"(?:[юу]|ę|правительство|уряд|rząd)\s*$", re.IGNORECASE)
_PUNCT_BREAK = re.compile(r"[,;:]\s+|\s[–—](?=\s+(?!\d)(?:\S+\s+){3})")


def _sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans, also cut where a full stop lost its space when the page was copied."""
    out = []
    for start, end in split_sentences(text):
        for m in _GLUED_STOP.finditer(text, start, end):
            out.append((start, m.end()))
            start = m.end()
        out.append((start, end))
    return out


def _clauses(text: str, breaks: re.Pattern[str], names: Sequence[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """Spans of ``text`` cut after commas, semicolons and colons and before conjunctions, never inside
    one of ``names`` ("Bosnia y Herzegovina", "Antigua e Barbuda")."""
    cuts = sorted(c for c in {m.end() for m in _PUNCT_BREAK.finditer(text)} | {m.start() for m in breaks.finditer(text)}
                  if not any(a < c < b for a, b in names))
    spans, s = [], 0
    for c in cuts:
        if c > s:
            spans.append((s, c))
            s = c
    spans.append((s, len(text)))
    return spans


@functools.lru_cache(maxsize=1)
def _wordlist_data() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        resources.files("treatywatch").joinpath("data/wordlists.json").read_text(encoding="utf-8"))
    return data


@functools.lru_cache(maxsize=1)
def wordlists() -> dict[str, dict[str, re.Pattern[str]]]:
    data = _wordlist_data()
    out: dict[str, dict[str, re.Pattern[str]]] = {}
    for lang in LANGUAGES:
        for key, count in (("months", 12), ("weekdays", 7)):
            if len(data[lang][key]) != count:  # one pattern per month and day: the index is the month or day
                raise ValueError(f"wordlists.json: {lang} {key} needs {count} patterns, has {len(data[lang][key])}")
        out[lang] = {}
        for cue, patterns in data[lang].items():
            if cue in ("months", "weekdays", "date_links", "same_year", "this_year", "last_year", "last_year_alone",
                       "groups", "name_heads", "alliance_members",
                       "infinitive", "month_in", "doc_date"):
                continue  # read by the date, group and treaty-name helpers
            name = "_breaks" if cue == "breaks" else cue  # clause breaks, not a cue
            out[lang][name] = re.compile(r"(?<!\w)(?:%s)" % "|".join(patterns), re.IGNORECASE)
        # words between day, month and year: "27 de junio de 2025"
        link = r"(?:\s+(?:%s))?" % "|".join(data[lang]["date_links"]) if data[lang]["date_links"] else ""
        out[lang]["_months"] = re.compile(
            r"(?<!\w)(?P<day>[0-3]?\d)(?:er|[.º°]{0,2})%s\s+(?P<month>%s)\w*(?:,?%s\s+(?P<year>(?:19|20)\d\d))?"
            % (link, "|".join(f"(?P<m{i}>{m})" for i, m in enumerate(data[lang]["months"])), link), re.IGNORECASE)
        out[lang]["_monthyear"] = re.compile(
            r"(?<!\w)(?:%s)\w*%s\s+(?P<year>(?:19|20)\d\d)(?!\d)"
            % ("|".join(f"(?P<m{i}>{m})" for i, m in enumerate(data[lang]["months"])), link), re.IGNORECASE)
        # "en septiembre de ese mismo año", "el 3 de junio del mismo año": the year of the date before
        out[lang]["_sameyear"] = re.compile(r",?\s+(?:%s)\b" % "|".join(data[lang]["same_year"]), re.IGNORECASE)
        # "22 grudnia ubiegłего roku", "3 июня этого года": the year counted from the publication's
        for key, back in (("this_year", 0), ("last_year", 1)):
            out[lang][f"_year{back}"] = re.compile(r",?\s+(?:%s)\b" % "|".join(data[lang][key]), re.IGNORECASE)
        # "в прошлом году", "l'année dernière" on their own: the year before publication
        out[lang]["_lastyear"] = re.compile(r"(?<!\w)(?:%s)" % "|".join(data[lang]["last_year_alone"]), re.IGNORECASE)
        out[lang]["_month"] = re.compile(
            r"(?<!\w)(?:%s)\w*" % "|".join(f"(?P<m{i}>{m})" for i, m in enumerate(data[lang]["months"])), re.IGNORECASE)
        # a month alone after "in": "w maju", "en mai", "im Mai" (not "im Mai 2020": that one has its year)
        out[lang]["_inmonth"] = re.compile(
            r"(?<!\w)(?:%s)\s+(?:%s)\w*(?![\s,]+(?:de\s+|del\s+)?(?:19|20)\d\d)"
            % ("|".join(data[lang]["month_in"]), "|".join(f"(?P<m{i}>{m})" for i, m in enumerate(data[lang]["months"]))),
            re.IGNORECASE)
        # "закон от 10 октября", "ustawę z 10 października": the date names the document, not the act
        out[lang]["_docdate"] = re.compile(r"(?:%s)\s+$" % "|".join(data[lang]["doc_date"]), re.IGNORECASE)
        # "państwami NATO", "les pays de l'OTAN", "dei paesi della NATO": the members of the alliance named just before it
        out[lang]["_members_of"] = re.compile(r"(?<!\w)(?:%s)\s+(?:(?:de la|de l['’]|del|della|dell['’]|de|der|des)\s*)?$"
                                              % "|".join(data[lang]["alliance_members"]), re.IGNORECASE)
        out[lang]["_weekdays"] = re.compile(
            r"(?<!\w)(?:%s)" % "|".join(f"(?P<w{i}>{w})" for i, w in enumerate(data[lang]["weekdays"])), re.IGNORECASE)
    return out


@functools.lru_cache(maxsize=None)
def _infinitive_patterns(lang: str) -> tuple[re.Pattern[str], ...] | None:
    """What comes before an infinitive, its ending, and "the first country to" (fr, es, it)."""
    spec = _wordlist_data()[lang].get("infinitive")
    if not spec:
        return None
    return tuple(re.compile(spec[k], re.IGNORECASE) for k in ("marker", "ending", "first_to"))


def _infinitive(text: str, cue_at: int, lang: str) -> bool:
    """Whether the act word at ``cue_at`` is an infinitive ("à rejoindre", "per uscire"), other than
    in "the first country to ratify"."""
    patterns = _infinitive_patterns(lang)
    word = re.match(r"\w+", text[cue_at:])
    if patterns is None or word is None:
        return False
    marker, ending, first_to = patterns
    before = text[max(0, cue_at - 40):cue_at]
    return bool(ending.search(word.group(0)) and marker.search(before)) and not first_to.search(before)


@functools.lru_cache(maxsize=None)
def group_patterns(lang: str) -> list[tuple[re.Pattern[str], str]]:
    """Names of groups of states ("die baltischen Staaten") and the codes of their members."""
    return [(re.compile(r"(?<!\w)(?:%s)" % "|".join(p), re.IGNORECASE), ref) for ref, p in _wordlist_data()[lang]["groups"].items()]


@functools.lru_cache(maxsize=None)
def _declined_names(lexicon: Lexicon, lang: str) -> tuple[re.Pattern[str] | None, dict[str, str]]:
    """The registry's names in ``lang`` with their head noun in its other cases ("Договором про
    звичайні збройні сили", "Traktatem o ..."), which the names list only in some cases."""
    heads: dict[str, list[str]] = _wordlist_data()[lang].get("name_heads", {})
    variants: dict[str, str] = {}
    for treaty in lexicon.registry:
        for name in treaty.names.get(lang, []):
            low = name.lower().replace("'", "’")
            for head, forms in heads.items():
                if low.startswith(head + " "):
                    variants.update((form + low[len(head):], treaty.id) for form in forms)
    if not variants:
        return None, {}
    alternation = "|".join(re.escape(v) for v in sorted(variants, key=len, reverse=True))
    return re.compile(r"(?<!\w)(?:%s)(?!\w)" % alternation, re.IGNORECASE), variants


def declined_treaty_mentions(lexicon: Lexicon, lang: str, text: str) -> list[Mention]:
    """The lexicon's treaty mentions plus the names whose head noun is declined otherwise, and
    the treaties named by their topic (``concepts.py``) where no name is."""
    found = lexicon.treaty_mentions(text)
    pattern, variants = _declined_names(lexicon, lang)
    if pattern is not None:
        found += [Mention(m.start(), m.end(), m.group(0), variants[m.group(0).lower().replace("'", "’")], lang)
                  for m in pattern.finditer(text)
                  if not any(t.start < m.end() and m.start() < t.end for t in found)]
    found += [m for m in concept_mentions(text, found) if not any(t.start < m.end and m.start < t.end for t in found)]
    return sorted(found, key=lambda m: m.start)


def _weekday_of(year: int, month: int, day: int) -> int | None:
    try:
        return dt.date(year, month, day).weekday()
    except ValueError:
        return None


def find_dates_lang(text: str, lang: str, published: dt.date | None, year_hint: int | None = None) -> list[DateMention]:
    """Dates in ``text`` written in ``lang`` (plus ISO dates and years).  A day and month without a
    year take the publication's year, or, when the publication date is unknown, ``year_hint``."""
    wl = wordlists()[lang]
    found = [d for d in find_dates(text, published) if d.basis == "explicit" and d.precision == "day"]
    for m in _NUMERIC.finditer(text):
        try:
            numeric = dt.date(int(m.group(4)), int(m.group(3)), int(m.group(1)))
        except ValueError:
            continue
        if not any(d.start < m.end() and m.start() < d.end for d in found):
            found.append(DateMention(m.start(), m.end(), m.group(0), numeric, "explicit", "day"))
    ranges = [r.span() for r in _YEAR_RANGE.finditer(text)]  # "(2009-2017)": a term or a period, no act's date
    for m in YEAR_WRITTEN.finditer(text):
        if not any(d.start <= m.start() < d.end for d in found) and not any(a <= m.start() < b for a, b in ranges):
            found.append(DateMention(m.start(), m.end(), m.group(0), dt.date(int(m.group(1)), 1, 1), "explicit", "year"))

    def year_before(pos: int) -> int | None:
        """The year of the last explicit date before ``pos``."""
        before = [d for d in found if d.end <= pos and d.basis == "explicit"]
        return max(before, key=lambda d: d.start).date.year if before else None

    for m in wl["_months"].finditer(text):
        month = next(i for i in range(12) if m.group(f"m{i}")) + 1
        day = int(m.group("day"))
        note = None
        same = wl["_sameyear"].match(text, m.end())
        back, relative = _year_back(wl, text, m.end())
        if m.group("year"):
            year = int(m.group("year"))
        elif relative is not None:
            if published is None:
                continue  # "last year" with no publication date: no year, not another date's
            year = published.year - back
            note = f"year {year}: '{relative.group(0).strip(', ')}' from the publication date"
        elif same and (before := year_before(m.start())) is not None:
            year = before
            note = f"year {year} from the date before ('{same.group(0).strip(', ')}')"
        elif published is not None:
            year = published.year if (month, day) <= (published.month, published.day) or month <= published.month else published.year - 1
            note = f"year {year} taken from the publication date"
        elif year_hint is not None:
            year = year_hint
            note = f"year {year} taken from the article's other dates (publication date unknown)"
            weekday = next((w for w in wl["_weekdays"].finditer(text, max(0, m.start() - 20), m.start())
                            if 0 <= m.start() - w.end() <= 3), None)
            if weekday is not None:  # "W środę 15 czerwca": the year near the hint whose 15 June is a Wednesday
                wd = next(i for i in range(7) if weekday.group(f"w{i}"))
                fitting = [y for y in (year_hint, year_hint + 1, year_hint - 1) if _weekday_of(y, month, day) == wd]
                if fitting and fitting[0] != year_hint:
                    year = fitting[0]
                    note = f"year {year}: the one near {year_hint} (the article's other dates) whose day is a '{weekday.group(0)}'"
        else:
            continue
        try:
            found.append(DateMention(m.start(), m.end(), m.group(0), dt.date(year, month, day), "explicit", "day", note))
        except ValueError:
            continue
    for m in wl["_monthyear"].finditer(text):
        if any(d.start <= m.start() < d.end or m.start() <= d.start < m.end() for d in found if d.precision == "day"):
            continue
        month = next(i for i in range(12) if m.group(f"m{i}")) + 1
        found = [d for d in found if not (m.start() <= d.start < m.end())]  # the year alone
        found.append(DateMention(m.start(), m.end(), m.group(0), dt.date(int(m.group("year")), month, 1), "explicit", "month"))
    for m in wl["_month"].finditer(text):
        same = wl["_sameyear"].match(text, m.end())
        year_of = year_before(m.start()) if same else None
        if same is None or year_of is None or any(d.start <= m.start() < d.end for d in found):
            continue
        month = next(i for i in range(12) if m.group(f"m{i}")) + 1
        found.append(DateMention(m.start(), same.end(), text[m.start():same.end()], dt.date(year_of, month, 1),
                                 "explicit", "month", f"year {year_of} from the date before"))
    for m in wl["_inmonth"].finditer(text):
        month = next(i for i in range(12) if m.group(f"m{i}")) + 1
        back, relative = _year_back(wl, text, m.end())
        if relative is not None:
            if published is None:
                continue
            year = published.year - back
        elif published is not None:
            year = published.year if month <= published.month else published.year - 1
        elif year_hint is not None:
            year = year_hint
        else:
            continue
        if not any(d.start <= m.start() < d.end or m.start() <= d.start < m.end() for d in found):
            found.append(DateMention(m.start(), m.end(), m.group(0), dt.date(year, month, 1), "explicit", "month",
                                     f"year {year} taken from the publication date or the article"))
    if published is not None:
        for m in wl["_weekdays"].finditer(text):
            if any(0 <= d.start - m.end() <= 3 and d.precision == "day" for d in found):
                continue  # "W środę 21 listopada": the weekday of the date after it
            wd = next(i for i in range(7) if m.group(f"w{i}"))
            back = (published.weekday() - wd) % 7
            found.append(DateMention(m.start(), m.end(), m.group(0), published - dt.timedelta(days=back), "relative", "day"))
        for m in wl["today"].finditer(text):
            found.append(DateMention(m.start(), m.end(), m.group(0), published, "relative", "day"))
        for m in wl["yesterday"].finditer(text):
            found.append(DateMention(m.start(), m.end(), m.group(0), published - dt.timedelta(days=1), "relative", "day"))
        # (not "10 вересня минулого року", "le 2 mars de l'année dernière": the year of that day)
        qualified = [q.end() for d in found if (q := wl["_year1"].match(text, d.end))]
        for m in wl["_lastyear"].finditer(text):
            if not any(d.start < m.end() and m.start() < d.end for d in found) and m.end() not in qualified:
                found.append(DateMention(m.start(), m.end(), m.group(0), dt.date(published.year - 1, 1, 1), "relative",
                                         "year", f"the year before {published.year}, the publication's"))
    # "10 липня 2025 року": the year inside a full date is not a date of its own
    found = [d for d in found if not (d.precision == "year" and any(
        o is not d and o.precision != "year" and o.start <= d.start < o.end for o in found))]
    return sorted(found, key=lambda d: d.start)


def _year_back(wl: dict[str, re.Pattern[str]], text: str, at: int) -> tuple[int, re.Match[str] | None]:
    """Whether "this year" (0) or "last year" (1) follows ``at``, and its match."""
    for back in (0, 1):
        found = wl[f"_year{back}"].match(text, at)
        if found:
            return back, found
    return 0, None


_PRECISION = {"day": 0, "month": 1, "year": 2}


def _date_rank(claim: Claim) -> int:
    """A day before a month before a year before no date at all."""
    return _PRECISION.get(claim.date_precision or "", 3) if claim.date is not None else 3


def _later_chamber(claim: Claim, kept: Claim) -> bool:
    """Whether ``claim`` dates a legislature's approval to a later day than ``kept``: "6 августа закон
    принят Думой, 13 августа Совет Федерации его поддержал" is one approval, given when the last chamber
    votes (so a clause that names both chambers takes its latest day, ``_date``)."""
    return (claim.action == "parliament_approved" and claim.date_precision == kept.date_precision == "day"
            and claim.date is not None and kept.date is not None and claim.date > kept.date)


def _joins_other_body(join: re.Match[str], bodies: list[re.Match[str]], treaties: list[tuple[int, int]]) -> bool:
    """Whether a joining word names joining an organisation that is not a treaty: "EU-Beitritt", "adhésion à
    l'UE", "вступление в ЕС", "przystąpienie do Rady Europy" (no treaty named between the two)."""
    return any(join.string[b.end():join.start()] == "-" or 0 <= b.start() - join.end() <= 30 and not any(
        join.end() <= s < b.start() for s, _e in treaties) for b in bodies)


def _applied_for(join: re.Match[str], applications: list[re.Match[str]]) -> bool:
    """Whether a joining word is what a state applied for: "domanda di adesione", "заявку на вступление",
    "Beitrittsantrag" (LABELLING.md: an application to join is no act)."""
    return any(a.start() <= join.start() <= a.end() + 4 for a in applications)


def _approvals_of_anothers_joining(claims: list[Claim]) -> list[Claim]:
    """A sentence's claims without a legislature's or head of state's step whose only joining is another state's,
    still to come: "Sejm ratyfikował protokół, który otwiera Macedonii drogę do NATO" approves
    North Macedonia's accession, which is no act of Poland (LABELLING.md), as "approved a bill to allow Finland to join" is
    none in English."""
    coming = {(c.treaty, c.state) for c in claims if c.action == "acceded" and c.modality == "planned"}
    return [c for c in claims if not (c.instrument is not None and any(
        t == c.treaty and s != c.state for t, s in coming))]


def _joined_once(claims: list[Claim]) -> list[Claim]:
    """A sentence's claims without a membership read beside the state's ratification in the same sentence:
    "ratyfikowała Konwencję ... i została członkiem" is one joining.  (Across sentences a membership may be a
    joining of its own: a candidate ratifies its accession protocol, then becomes a member of NATO.)"""
    done = {(c.state, c.treaty) for c in claims if c.action in ("ratified", "rejoined") and c.modality == "asserted"}
    return [c for c in claims if not (BECAME_MEMBER in c.notes and (c.state, c.treaty) in done)]


class ListExtraction:
    """The claims of one article in a language read with word lists."""

    def __init__(self, lexicon: Lexicon, article: Article) -> None:
        self.lex = lexicon
        self.article = article
        self.lang = article.language
        self.wl = wordlists()[self.lang]
        self.treaties = declined_treaty_mentions(lexicon, self.lang, article.text)
        self.title_treaties = lexicon.treaty_mentions(article.title)
        self.states = outside_names(lexicon.state_mentions(article.text), self.treaties, article.text)
        self.states = sorted(self.states + [Mention(m.start(), m.end(), m.group(0), ref, "group")
                                            for pattern, ref in group_patterns(self.lang)
                                            for m in pattern.finditer(article.text)],
                             key=lambda m: m.start)
        # (a page's own date line, "date 2023-04-05 ...", when the publication date is unknown)
        self.published = article.published.date() if article.published else page_date(article.text)
        self.leave_seen = False
        self.treaty_spans: list[tuple[int, int]] = []  # where the sentence read now names treaties
        self.sentence_text = ""
        self.approvals: set[int] = set()  # where a legislature approves a treaty (its step of joining)
        self.document_signed = False  # a law, decree or moratorium was signed: a later bare signature is its
        self.years = [(m.start(), int(m.group(1))) for m in YEAR_WRITTEN.finditer(article.text)]
        self.last_date: DateMention | None = None  # of the last dated act: "wówczas", "тогда" refer to it
        self.in_lead = False  # the sentence read is the headline or the first sentence, and names no past year

    def run(self) -> list[Claim]:
        best: dict[tuple[str, str, str, str], Claim] = {}
        last_states: list[str] = []
        spans = _sentences(self.article.text)
        lead_end = spans[min(1, len(spans) - 1)][1] if spans else 0  # the headline and the first sentence
        for start, end in spans:
            # a year other than the publication's in the sentence makes its present tense a historic one
            self.in_lead = start < lead_end and not any(
                start <= at < end and (self.published is None or year < self.published.year) for at, year in self.years)
            for claim in self._sentence(start, end, last_states):
                key = (claim.state, claim.treaty, claim.action, claim.modality)
                if key not in best or _date_rank(claim) < _date_rank(best[key]) or _later_chamber(claim, best[key]):
                    best[key] = claim  # the first, unless a later mention dates the act (more finely)
        return sorted(best.values(), key=lambda c: c.evidence.start)

    def _sentence(self, start: int, end: int, last_states: list[str]) -> list[Claim]:
        text = self.article.text[start:end]
        hits = {cue: list(pattern.finditer(text)) for cue, pattern in self.wl.items() if not cue.startswith("_")}
        # leaving under way, denouncing, a withdrawal in the present: cues not every language has
        for cue in ("progressive", "denounce", "leave_present"):
            hits.setdefault(cue, [])
        names = [(m.start - start, m.end - start) for m in self.treaties if start <= m.start < end]
        self.treaty_spans, self.sentence_text, self.approvals = names, text, set()
        # "è diventata ufficialmente il trentunesimo membro della NATO", "est devenue le 31e membre", "ist Mitglied
        # geworden": becoming a member or a party is joining (LABELLING.md "became a member or party")
        hits["accede"] = sorted(hits["accede"] + [m for m in hits["member"] if any(
            (0 <= m.start() - b.end() <= 32 and not _PUNCT.search(text, b.end(), m.start()))
            or (0 <= b.start() - m.end() <= 30 and not _PUNCT.search(text, m.end(), b.start())) for b in hits["become"])],
            key=lambda h: h.start())
        hits["accede"] = [h for h in hits["accede"] if not _joins_other_body(h, hits["other_body"], names)
                          and not _applied_for(h, hits["application"])]
        if not any(hits.get(c) for c in CORE):
            return []
        if hits["leave"] or hits["deratify"] or hits["suspend"]:
            self.leave_seen = True  # later stages may name only "the law", "the document"
        if hits["sign"] and (hits["law"] or hits["decree"]):
            self.document_signed = True
        dates = find_dates_lang(text, self.lang, self.published, self._year_hint(start, end))
        page = PAGE_DATE.match(self.article.text) if start == 0 else None
        if page is not None:  # "date 2020-11 Stany Zjednoczone ...": the page's own date line dates no act
            dates = [d for d in dates if d.start >= page.end()]
        # not the actor: "the threat from Russia", "notified the depositaries, Canada and Hungary", "handed it to
        # his American counterpart" (who receives an instrument)
        # nor a treaty's other party, named right after "with": "der Vertrag mit den USA", "con la Russia"; nor a
        # source ("nach Angaben Russlands", "selon la France")
        blocked = [(h.end(), h.end() + 25) for h in hits["not_subject"]] + [
            (h.end(), h.end() + 1) for h in hits["partner"] + hits["source"]] + [
            (h.start(), h.end() + 30) for h in hits["recipient"]] + [
            (h.start() - 25, h.end() + 25) for h in hits["place"]] + [
            (h.start(), h.end() + 40) for h in hits["depositary"] if _DEPOSITARY_WORD.match(h.group(0))] + [
            (h.end(), h.end() + 120) for h in hits["except"]]  # "ratyfikowało 160 państw, z wyjątkiem USA": not them
        # a place, not an actor: "в Хельсинки", "w Polsce", "in Genf"
        # nor the state whose adjective qualifies an attack or a threat: "des russischen Angriffskrieges" (not "La
        # Lettonia minaccia di ritirarsi", whose name is the subject)
        blocked += [(m.start - start, m.end - start) for m in self.states if start <= m.start < end
                    and m.text[:1].islower() and any(0 < h.start() - (m.end - start) <= 2 for h in hits["not_subject"])]
        mentions = [dataclasses.replace(m, start=m.start - start, end=m.end - start)
                    for m in self.states if start <= m.start < end
                    and not any(a <= m.start - start < b for a, b in blocked)
                    and not _LOCATIVE.search(text[max(0, m.start - start - 4):m.start - start])
                    and not (self.lang in _LOCATIVE_LANG
                             and _LOCATIVE_LANG[self.lang].search(text[max(0, m.start - start - 3):m.start - start]))]
        # "Washington notificó a Rusia su retirada": the state named right after a notice's verb receives it, when a
        # state named before sends it
        # (in the Slavic languages only the object's case tells it from a subject after the verb: "уведомили Латвия")
        recipients = [(m.start, m.end) for h in hits["notify"] for m in mentions[1:] if m.start >= h.end()
                      and any(o.end <= h.start() and o.ref != m.ref for o in mentions)
                      and (to := _TO_RECIPIENT.match(text, h.end())) is not None and to.end() == m.start
                      and (self.lang not in ("ru", "uk", "pl") or _SLAVIC_OBJECT.search(m.text)
                           or _SLAVIC_OBJECT.search(to.group(0)))]
        mentions = [m for m in mentions if (m.start, m.end) not in recipients]
        # "Łotewski Sejm", "la Rada lituana": an institution's name that another state's adjective qualifies is that
        # state's legislature, not the institution's own state
        mentions = [m for m in mentions if not (m.kind == "institution" and any(
            o.kind not in ("institution", "official", "group") and o.ref != m.ref and (
                o.end <= m.start and not text[o.end:m.start].strip() or m.end <= o.start and not text[m.end:o.start].strip())
            for o in mentions))]
        # "повідомив, що ...", "teilte mit, dass ...": reported speech, not a notification
        # "Про це повідомила ...": the notify word reports what the sentence is about
        # "Rozmowy ... były zawieszone", "las negociaciones se encontraban suspendidas": talks, not the treaty
        hits["suspend"] = [h for h in hits["suspend"] if not any(-80 < t.start() - h.start() < 40 for t in hits["talks"])]
        hits["notify"] = [h for h in hits["notify"] if not _REPORTING.match(text, h.end())
                          and not any(r.start() <= h.start() <= r.end() + 60 for r in hits["reported"])]
        chunks = [self._chunk(s, e, text, hits, mentions, dates) for s, e in _clauses(
            text, self.wl["_breaks"], [(m.start, m.end) for m in mentions])]
        out = []
        for frame in self._coordinated(self._frames(chunks, hits, mentions, last_states, text), hits, text):
            treaty = self._treaty(start, end, frame.cue_at, hits, frame.action)
            if treaty is None:
                continue
            if frame.action in JOINING and not mentions and not (hits["agent"] or hits["government"] or hits["legislature"]) \
                    and (hits["passive"] or _only_nominal(hits, NOMINAL_CUE[frame.action])):
                continue  # "Der Vertrag wurde 1990 in Paris unterzeichnet": the treaty's history, no state's act
            if frame.action == "signed" and self.document_signed and not hits["generic_treaty"] and not any(
                    start <= m.start < end for m in self.treaties):
                continue  # "enttäuscht von Putins Unterschrift": the signature of the law named before
            if frame.action in JOINING and self._describes_treaty(text, start, frame.cue_at, hits, mentions):
                continue  # "il trattato, firmato allora a Helsinki": the treaty's history
            if frame.action in ("signed", "acceded") and not hits["effect"] and (
                    frame.action == "signed" or hits["sign"] or hits["ratify"] or hits["vote"] or hits["legislature"]
                    or hits["consent"]) and any(frame.cue_at - 3 <= h.start() <= frame.cue_at + 60 or h.start() <= frame.cue_at < h.end()
                                                for h in hits["accession_protocol"]):
                # "firmaron el protocolo de adhesión de Montenegro", "unterzeichneten das Beitrittsprotokoll": the
                # protocol members sign and ratify, not the candidate's accession ("вступил в силу протокол о
                # присоединении Швеции": its entry into force is)
                continue
            if frame.action in JOINING and any(frame.cue_at - 60 <= h.start() <= frame.cue_at + 45
                                               for h in hits["extension"] + hits["amended"]):
                # "ратифицировал соглашение о продлении договора", "la proroga del trattato firmata": extending a
                # treaty is no act of joining it (LABELLING.md, "Not labelled"); "den angepassten Vertrag", "wersja
                # zmodyfikowana": the adapted treaty is another instrument
                continue
            if (frame.action == "ratified" or frame.action == "acceded" and (
                    hits["vote"] or hits["legislature"] or hits["consent"])) and any(
                    frame.cue_at - 3 <= h.start() <= frame.cue_at + 60 and h.start() < frame.e and (
                        h.group(0)[-1].isdigit() or h.group(0)[-1] in "IVXivx"
                        or self._anothers_joining(h, start, frame.states, hits["law"]))
                    for h in hits["ratified_other"]):
                # "ha ratificato il Protocollo V": a protocol, not the treaty; "ratifica del protocollo di adesione di
                # Svezia", "ratyfikował członkostwo Finlandii", "il Senato ha votato l'adesione di Finlandia e Svezia":
                # a member approves another state's accession; "dał zgodę na przyjęcie Finlandii": it consents to it
                continue
            if frame.action in JOINING and not mentions and not text[:frame.cue_at].strip(" \"'«“„-–—"):
                continue  # "Signé le 24 mars 1992, le traité ...": a participle that describes the treaty
            if frame.action in JOINING and _PASSIVE_BY.match(text, frame.cue_at) and not any(
                    frame.cue_at < m.start < frame.e for m in mentions) and not any(
                    frame.cue_at < h.start() < frame.cue_at + 40 for h in hits["agent"] + hits["government"]
                    + hits["legislature"]):
                continue  # "ratyfikowany przez ponad 120 państw": the agent is counted, not named or an office
            clause = next(((c.s, c.e) for c in chunks if c.s <= frame.cue_at < c.e), (0, len(text)))
            # "la Douma a ratifié", "Путин подписал закон о ратификации", "кабинет утвердил законопроект о ратификации":
            # the legislature's, the head of state's or the government's step of joining, not yet the state's
            # ratification (LABELLING.md); the government's has a modality of its own
            step = _joining_step(_within(hits, frame.s, frame.e), frame.cue_at, text, self.lang) if frame.action in (
                "ratified", "acceded") else None
            by_government = step == "government_approved"
            modality = frame.modality or self._modality(_within(hits, frame.s, frame.e), text, frame.cue_at,
                                                        "government_approved" if by_government else frame.action, clause)
            action = frame.action
            # "plant den Austritt", and "a déclaré qu'elle se retirait" (an exit under way, said): the announcement
            under_way = bool(_within(hits, frame.s, frame.e)["progressive"])
            if modality == "planned" and action == "took_effect" and frame.strength < 0.6 \
                    and not _infinitive(text, frame.cue_at, self.lang) \
                    and (not under_way or _THAT.search(text, 0, frame.cue_at) is not None):
                action, modality = "intent_announced", "asserted"
            if frame.action in ("signed", "ratified") and modality == "asserted" and _party_noun_only(
                    _within(hits, frame.s, frame.e), "sign" if frame.action == "signed" else "ratify"):
                continue  # "los firmantes deben ...", "die Unterzeichnerstaaten müssen ...": the parties, no act
            frame.modality = modality
            date = self._date(frame, hits, chunks, text, start, (step or action) == "parliament_approved")
            if date is None and hits["then"] and self.last_date is not None:
                date = dataclasses.replace(self.last_date, note=f"the date of the act before ('{hits['then'][0].group(0)}')")
            strength = frame.strength
            # "la decisione americana di uscire", "рішення Угорщини вийти": a state's own decision, named as taken
            owned = action == "intent_announced" and any(
                h.end() <= m.start < frame.cue_at and frame.cue_at - h.end() < 40 for h in hits["decision"] for m in mentions)
            # (nor "podjęła taką samą decyzję": the same decision, taken)
            owned = owned or bool(hits["same_decision"])
            # ("aprobaron la ratificación": the vote reports the step the noun names)
            # (not an accession's: "billigte den Beitritt von Finnland" may be another member's approval)
            voted = step == "parliament_approved" and action == "ratified" and bool(
                _within(hits, frame.s, frame.e)["vote"])
            if date is None and action in NOMINAL_CUE and not _within(hits, frame.s, frame.e)["notify"] and not owned \
                    and not _law_passed(hits) and not by_government and not voted \
                    and _only_nominal(_within(hits, frame.s, frame.e), NOMINAL_CUE[action]):
                strength = 0.45  # "Mit dem Beitritt ...", "Решение о выходе ...": the act named, not reported
            if action == "took_effect" and (
                    (frame.strength < 0.6 and not any(m.start < frame.cue_at for m in mentions if m.kind != "official"))
                    or (date is None and hits["rule"])):
                continue  # a withdrawal named without its stage or its subject, or how the rule works
            said = modality == "planned" and action == "suspended" and any(
                h.start() < frame.cue_at and _THAT.search(text, h.end(), frame.cue_at) for h in hits["announce"])
            # "ratyfikowała Konwencję ... i została członkiem": the membership the ratification gave
            member = action == "acceded" and any(-30 <= h.start() - frame.cue_at <= 40 for h in hits["member"])
            instrument = "ratification" if action == "parliament_approved" and frame.cue_at in self.approvals else None
            if step is not None:
                instrument = "ratification" if action == "ratified" else "accession"
                action, strength, member = step, min(strength, 0.8), False
            # "ratifiée par 120 Etats, mais pas par l'Inde ou le Pakistan": the states an exception names after
            # the act have not done it (LABELLING.md: a status sentence that denies the act)
            excepted = {x for m in mentions for x in self._codes(m) if frame.cue_at < m.start < frame.e and any(
                frame.cue_at < b.start() < m.start for b in _BUT_NOT.finditer(text, frame.cue_at, m.start))}
            for state in frame.states:
                denied = state in excepted and modality == "asserted"
                claim = self._claim(state, treaty, action, "denied" if denied else modality, strength, date,
                                    start, end, BECAME_MEMBER if member else None, instrument)
                if claim.modality == "asserted":
                    last_states.append(state)
                    self.last_date = date or self.last_date
                out.append(claim)
                if said:  # "anunció que Washington suspendería ...": the suspension to come, and its announcement
                    out.append(self._claim(state, treaty, "intent_announced", "asserted", strength, date, start, end))
        return _joined_once(_approvals_of_anothers_joining(out))

    def _describes_treaty(self, text: str, start: int, cue_at: int, hits: dict[str, list[re.Match[str]]],
                          mentions: list[Mention]) -> bool:
        """Whether the joining word at ``cue_at`` is a participle that describes the treaty named just before it:
        after the treaty's name and a comma ("le traité de Londres, signé en 1990"), or after a treaty
        word with no verb of its own between ("il trattato ... firmato nel 1992", "un acuerdo firmado en 1992"):
        the treaty's history, no state's act, unless a state is named as its agent after it ("signé par la
        France", "firmato dall'Ungheria")."""
        before = _BEFORE_TREATY_WORD.match(text, cue_at)
        if before is not None and any(h.start() == before.end() for h in hits["generic_treaty"]):
            return True  # "diese Ende 2015 unterzeichnete Vereinbarung": a participle before the treaty word
        comma = re.search(r",\s*$", text[:cue_at])
        if comma is None or not any(m.end - start == comma.start() for m in self.treaties):
            if not _PARTICIPLE.match(text, cue_at):
                return False
            word = max((h for h in hits["generic_treaty"] if h.end() <= cue_at), key=lambda h: h.end(), default=None)
            if word is None or cue_at - word.end() > 60 or any(word.end() <= m.start < cue_at for m in mentions) \
                    or _AUXILIARY.search(text, word.end(), cue_at):
                return False  # "lo ha accettato", "fu firmato": a verb of its own
        return not any(_AGENT.fullmatch(text, cue_at, m.start) for m in mentions if m.start > cue_at)

    def _chunk(self, s: int, e: int, text: str, hits: dict[str, list[re.Match[str]]], mentions: list[Mention],
               dates: list[DateMention]) -> _Chunk:
        names = [m for m in mentions if s <= m.start < e]
        own_dates = [d for d in dates if s <= d.start < e]
        rest = list(text[s:e])
        # who acts may be a chamber or an office too: "a parlament Litwy - w maju" is terse
        bodies = [(h.start(), min(h.end(), e)) for cue in ("legislature", "government", "agent") for h in hits[cue]
                  if s <= h.start() < e]
        for a, b in [(m.start, m.end) for m in names] + [(d.start, d.end) for d in own_dates] + bodies:
            rest[a - s:b - s] = " " * (b - a)
        words = re.findall(r"\w+", "".join(rest))
        terse = len(words) <= 3 and all(len(w) <= 5 for w in words)
        return _Chunk(s, e, _within(hits, s, e), names, own_dates, terse)

    def _frames(self, chunks: list[_Chunk], hits: dict[str, list[re.Match[str]]], mentions: list[Mention],
                last_states: list[str], text: str) -> list[_Frame]:
        """The acts of one sentence: one frame, or one per clause when clauses have their own acts.

        "Litauen hatte die Konvention 1999 unterzeichnet und 2003 ratifiziert": two acts, two dates;
        "Le Mali avait ratifié le Statut en 2000, le Niger en 2002": the act again, for Niger, in 2002.
        """
        action, strength, cue_at = self._action(hits)
        if action is None:
            return []
        cued: dict[int, tuple[str, float, int]] = {}
        for i, ch in enumerate(chunks):
            if any(ch.hits.get(c) for c in CORE):
                local = {k: (ch.hits[k] if k in LOCAL_CUES else v) for k, v in hits.items()}
                if ch.hits["effect"] and not any(ch.hits.get(c) for c in CORE if c != "effect") and any(
                        ch.s <= h.start() < ch.hits["effect"][0].start() for h in hits["generic_treaty"]):
                    continue  # "..., un patto entrato in vigore nel 2016": the treaty's own entry into force
                if ch.hits["effect"]:
                    local["leave"] = hits["leave"]  # "Ihr Austritt ..., ist ... wirksam geworden"
                act, st, at = self._action(local)
                # "la Convenzione, firmata da 30 paesi": a participle whose agent is no name states no act
                # (unless a list set off by a dash or a colon names them: "ratificato da dieci paesi — A, B, ... —")
                unnamed = _PASSIVE_BY.match(text, at) is not None and not any(m.start > at for m in ch.names) \
                    and not (text[ch.s:ch.e].rstrip()[-1:] in "—–:" and i + 1 < len(chunks)
                             and chunks[i + 1].names and chunks[i + 1].terse)
                if act == "notified" and hits["suspend"] and not hits["leave"]:
                    continue  # "повідомила Генерального секретаря, що ... для відступу": the notice of a derogation
                if act is not None and st >= 0.6 and not unnamed:
                    cued[i] = (act, st, at)
        first_cue = min((chunks[i].s for i in cued), default=cue_at)
        # a clause of a name and a date after a clause that closed with a date, or after an act unless a
        # conjunction carries on its list of actors ("firmato da Obama e Medvedev il 10 aprile")
        gapped = [ch for i, ch in enumerate(chunks) if ch.s > first_cue and ch.terse and ch.dates and not any(
            ch.hits.get(c) for c in CORE) and any(m.kind != "official" for m in ch.names)
            and i and (chunks[i - 1].dates or (any(chunks[i - 1].hits.get(c) for c in CORE)
                                               and not self.wl["_breaks"].match(text, ch.s)))]
        subjects = {tuple(m.ref for m in chunks[i].names if m.kind != "official") for i in cued} - {()}
        frames: list[_Frame] = []
        if len(cued) >= 2 and (len({a for a, _, _ in cued.values()}) >= 2 or len(subjects) >= 2):
            pending: list[str] = []
            pending_dates: list[DateMention] = []
            for i, ch in enumerate(chunks):
                if i in cued:
                    act, st, at = cued[i]
                    if frames and frames[-1].action == act and not ch.names:
                        frames[-1].e, frames[-1].dates = ch.e, frames[-1].dates + pending_dates + ch.dates
                        pending_dates = []
                        continue
                    later = [m for m in mentions if m.start >= ch.e]  # "da Obama | e Medvedev": an agent list goes on
                    states = pending + self._subjects(ch.names, at, [], text, later) or self._set_off(chunks, i, text)
                    listed = self._including(mentions, at, hits, text)
                    if states and listed and set(states) < set(listed):
                        states = listed  # "... Etats l'ont ratifié dont A, B, C et D": the whole list
                    if not states and (states := listed):
                        counted = self.wl.get("counted")
                        for earlier in frames:
                            # "Vier Staaten haben es unterzeichnet, aber nicht ratifiziert, namentlich ...": the acts
                            # before the list are its states' too, unless counted apart ("von 183 Staaten unterzeichnet")
                            if not earlier.states and not (counted and counted.search(text, earlier.s, earlier.e)):
                                earlier.states = states
                    if not states and _COUNT.search(text, ch.s, at):
                        pass  # "... sui 58 che l'hanno firmato": the states counted there, none named
                    elif not states:
                        # "Наступною стане Польща, яка ... повідомила ООН": the state named before
                        states = frames[-1].states if frames else self._subjects(
                            [m for m in mentions if m.end <= ch.s], at, last_states, text)
                    frames.append(_Frame(ch.s, ch.e, act, st, at, [s for s in states if s], pending_dates + ch.dates))
                    pending, pending_dates = [], []
                elif ch in gapped and frames:
                    frames.append(self._gapped(frames[-1], ch))
                elif not frames:
                    pending += [x for m in ch.names if m.kind != "official" and ch.terse for x in self._codes(m)]
                    pending_dates += ch.dates
                elif frames[-1].dates and i + 1 in cued and not ch.names:
                    pending_dates += ch.dates  # "2004 beigetreten, hatte im Oktober 2016 aber ... erklärt": the next act's
                else:
                    frames[-1].e, frames[-1].dates = ch.e, frames[-1].dates + ch.dates
            return [f for f in frames if f.states]
        if len({a for a, _, _ in cued.values()}) == 1:
            action, strength, cue_at = next(iter(cued.values()))  # the one clause that states an act
        who_at = cue_at  # where the actor is sought
        if action == "intent_announced" and (said := [h.end() for h in hits["announce"] if h.start() < cue_at
                                                      and _THAT.search(text, h.end(), cue_at)]):
            who_at = said[-1]  # "Rząd Węgier ogłosił, że rozpocznie wycofywanie się": who announced it
        skip = {id(m) for ch in gapped for m in ch.names}
        left = [d for ch in chunks if ch not in gapped for d in ch.dates]
        names = self._near(chunks, who_at, skip, text) or [m for m in mentions if id(m) not in skip]
        run = self._run(names, who_at, text)
        own = [next((d for d in left if m.end <= d.start <= m.end + 25), None) for m in run]
        if len(run) >= 2 and all(own) and len({d.date for d in own if d}) > 1:
            # "seuls le Burundi, en 2017, et les Philippines, en 2019, avaient quitté": a date each
            return [_Frame(0, chunks[-1].e, action, strength, cue_at, self._codes(m), [d])
                    for m, d in zip(run, own) if d and self._codes(m)]
        states = self._subjects(names, who_at, last_states, text)
        if not states:
            return []
        announced = self._announced_apart(chunks, hits, cue_at, text) if action in ("took_effect", "notified") else None
        if announced is not None:
            left = [d for d in left if d not in announced.dates]
        frames.append(_Frame(0, chunks[-1].e, action, strength, cue_at, states, left))
        if announced is not None:
            # "Il recesso, annunciato un anno fa, entra in vigore oggi": the announcement is an act of its own
            frames.append(_Frame(0, chunks[-1].e, "intent_announced", 0.7, announced.hits["announce"][0].start(),
                                 states, announced.dates))
        if action in ("deratified", "suspended") and (hits["law"] or action == "deratified"):
            # "the Rada passed a law suspending the convention": the vote and the signature are acts too;
            # "the senators approved the revocation of the ratification": the vote
            signed = bool(hits["law"] and hits["sign"]) and not _only_nominal(hits, "sign")
            if hits["vote"] and hits["legislature"]:
                vote = _Frame(0, chunks[-1].e, "parliament_approved", 0.8, hits["vote"][0].start(), states, left)
                # "the Duma passed the law revoking the ratification": the vote; the revocation comes with the signature
                frames[-1:] = [vote] if action == "deratified" and not signed else [frames[-1], vote]
            if signed:
                frames.append(_Frame(0, chunks[-1].e, "law_signed", 0.8, hits["sign"][0].start(), states, left))
        if action == "suspended" and _government_step(hits):
            # "издал указ о приостановлении", "il governo ha trasmesso alle Camere un disegno di legge sulla sospensione":
            # the decree or the government's bill is a step of its own (LABELLING.md)
            at = (hits["decree"] or hits["vote"])[0].start()
            frames.append(_Frame(0, chunks[-1].e, "government_approved", 0.75, at, states, left))
        frames.extend(self._gapped(frames[0], ch) for ch in gapped)
        if action in JOINING and (before := self._after_list(names, cue_at, text)):
            frames.append(_Frame(0, chunks[-1].e, action, strength, cue_at, before, []))
        return frames

    @staticmethod
    def _coordinated(frames: list[_Frame], hits: dict[str, list[re.Match[str]]], text: str) -> list[_Frame]:
        """Two acts of joining said of the same states with a conjunction between their words ("signé et
        ratifié par", "підписали і ратифікували", "firmato e ratificato"): the other act is theirs too."""
        def word_end(at: int) -> int:
            word = re.match(r"\w+", text[at:])
            return at + (word.end() if word is not None else 0)

        out = list(frames)
        for frame in frames:
            if frame.action not in JOINING:
                continue
            for cue, action in (("ratify", "ratified"), ("sign", "signed"), ("accede", "acceded")):
                other = next((h.start() for h in hits[cue] if _AND.fullmatch(text, word_end(frame.cue_at), h.start())
                              or _AND.fullmatch(text, word_end(h.start()), frame.cue_at)), None)
                if action != frame.action and other is not None and not any(
                        f.action == action and set(frame.states) <= set(f.states) for f in out):
                    out.append(dataclasses.replace(frame, action=action, cue_at=other))
        return out

    @staticmethod
    def _announced_apart(chunks: list[_Chunk], hits: dict[str, list[re.Match[str]]], cue_at: int,
                         text: str) -> _Chunk | None:
        """The clause that says when the exit, in effect or notified in another clause, was announced: "Il
        recesso, annunciato un anno fa, entra in vigore", "une décision que le président avait annoncée en mars"."""
        if not hits["announce"] or hits["negation"]:
            return None
        own = next((ch for ch in chunks if ch.s <= cue_at < ch.e), None)
        for ch in chunks:
            if ch is own or not ch.hits["announce"] or any(
                    ch.hits.get(c) for c in ("leave", "effect", "notify", "ratify", "accede", "sign", "suspend")):
                continue
            # a participle that opens its clause, or a relative clause (not "a annoncé le ministère", reporting)
            before = text[ch.s:ch.hits["announce"][0].start()]
            if not before.strip(" ,;:—–-\"'«»“”") or _RELATIVE.search(before):
                return ch
        return None

    def _set_off(self, chunks: list[_Chunk], i: int, text: str) -> list[str]:
        """The states of a list a dash or a colon sets off right after the act of ``chunks[i]``, when it names
        no actor itself: "ratificato da dieci paesi — A, B, ..., J — sui 58 che l'hanno firmato"."""
        if text[chunks[i].s:chunks[i].e].rstrip()[-1:] not in ("—", "–", ":"):
            return []
        found: list[str] = []
        for ch in chunks[i + 1:]:
            if not ch.terse or not ch.names or any(ch.hits.get(c) for c in CORE):
                break
            found += [x for m in ch.names if m.kind != "official" for x in self._codes(m)]
            if text[ch.s:ch.e].rstrip()[-1:] in ("—", "–"):
                break
        return list(dict.fromkeys(found))

    def _including(self, names: list[Mention], cue_at: int, hits: dict[str, list[re.Match[str]]], text: str) -> list[str]:
        """The states an "including" list names after an act with no named subject: "73 haben ihn
        ratifiziert, darunter Österreich und Irland"."""
        including = self.wl.get("including")
        word = next(including.finditer(text, cue_at), None) if including is not None else None
        if word is None or any(cue_at < h.start() < word.start() for c in CORE for h in hits[c]):
            return []
        first = next((m for m in names if m.kind != "official" and 0 <= m.start - word.end() <= 30), None)
        if first is None:
            return []
        return list(dict.fromkeys(x for m in self._list_from(first, names, text) for x in self._codes(m)))

    def _after_list(self, names: list[Mention], cue_at: int, text: str) -> list[str]:
        """States that did the act before, listed at the end of the sentence: "Irlanda ratificó el
        Tratado, después de Austria y Tailandia"."""
        after = self.wl.get("after")
        word = next((m for m in after.finditer(text, cue_at)), None) if after is not None else None
        first = next((m for m in names if word is not None and m.kind != "official"
                      and _OF.fullmatch(text, word.end(), m.start)), None)
        if first is None:
            return []
        run = self._list_from(first, names, text)
        if text[run[-1].end:].strip(" .,;:!?\"'»”)") != "":
            return []  # the list must close the sentence
        return list(dict.fromkeys(x for m in run for x in self._codes(m)))

    @staticmethod
    def _near(chunks: list[_Chunk], cue_at: int, skip: set[int], text: str) -> list[Mention]:
        """Names in the clause of the act and in the lists of names next to it
        ("à l'Estonie, à la Lettonie et à la Lituanie, qui ont notifié")."""
        i = next((k for k, ch in enumerate(chunks) if ch.s <= cue_at < ch.e), 0)

        def listed(ch: _Chunk) -> bool:
            if not ch.names:
                return False
            tail = list(text[ch.names[-1].end:ch.e])
            for d in ch.dates:
                a, b = max(0, d.start - ch.names[-1].end), max(0, d.end - ch.names[-1].end)
                tail[a:b] = " " * (b - a)
            return not any(ch.hits.get(c) for c in CORE) and _GAP.fullmatch("".join(tail)) is not None

        lo = i
        while lo > 0 and listed(chunks[lo - 1]):
            lo -= 1
        hi = i
        while hi + 1 < len(chunks) and listed(chunks[hi + 1]) and (hi == i or not chunks[hi].dates):
            hi += 1
        return [m for ch in chunks[lo:hi + 1] for m in ch.names if id(m) not in skip]

    def _gapped(self, before: _Frame, ch: _Chunk) -> _Frame:
        states = [x for m in ch.names if m.kind != "official" for x in self._codes(m)]
        return _Frame(ch.s, ch.e, before.action, before.strength, ch.dates[0].start, [s for s in states if s],
                      ch.dates[:1], modality=before.modality)

    def _anothers_joining(self, phrase: re.Match[str], start: int, actors: list[str],
                          laws: list[re.Match[str]]) -> bool:
        """Whether a phrase naming a state's joining ("l'adesione della Svezia", "przystąpienia Finlandii";
        ``start``: its sentence's offset) is another state's than the act's: a member's approval.  It is the
        act's own when the actor is named apart as that state ("szwedzki parlament przyjął ustawę o przystąpieniu
        Szwecji") or when the phrase is a law's title ("Закон «О присоединении Украины к Договору»"); an actor
        not named ("il Senato ha votato l'adesione di Finlandia e Svezia") approves another state's joining."""
        near = [m for m in self.states if phrase.start() <= m.start - start <= phrase.end() + 25]
        owners = {code for m in near for code in self._codes(m)}
        if not owners:
            return False
        apart = {code for m in self.states if m not in near and start <= m.start < start + len(phrase.string)
                 for code in self._codes(m)} & set(actors)
        if apart:
            return not apart <= owners
        return not any(0 <= phrase.start() - law.end() <= 4 for law in laws)

    def _codes(self, m: Mention) -> list[str]:
        """The states a name stands for: one, or each member of a group."""
        if m.kind == "group":
            return m.ref.split("|")
        state = self.lex.state_of(m)
        return [state] if state else []

    def _year_hint(self, start: int, end: int) -> int | None:
        """With no publication date, the year of a day and month in the sentence ``start:end``: the
        year written last in the few sentences before it, else the first one in the sentence."""
        if self.published is not None:
            return None
        before = [y for at, y in self.years if start - YEAR_HINT_REACH <= at < start]
        return before[-1] if before else next((y for at, y in self.years if start <= at < end), None)

    def _date(self, frame: _Frame, hits: dict[str, list[re.Match[str]]], chunks: list[_Chunk], text: str,
              start: int, legislature: bool = False) -> DateMention | None:
        """The date of the act of ``frame``; ``legislature``: the act is a legislature's approval."""
        dates = frame.dates
        if not dates:
            return None
        documents = [h.end() for cue in ("law", "generic_treaty") for h in hits[cue]] + [
            m.end - start for m in self.treaties]
        own = [d for d in dates if not (self.wl["_docdate"].search(text[max(0, d.start - 12):d.start])
                                        and any(0 <= d.start - end <= 100 for end in documents))]
        dates = own or dates
        # "annonce le retrait du traité signé avec l'URSS en juin 1972": a date after a participle that describes
        # the treaty is the treaty's, not this act's
        described = [h.start() for cue in ("sign", "ratify") for h in hits[cue] if frame.action not in JOINING
                     and h.start() > frame.cue_at and _PARTICIPLE.match(text, h.start())]
        dates = [d for d in dates if not any(p < d.start <= p + 60 for p in described)]
        # "a ratifié le traité, qui entrera en vigueur le 24 décembre": a date in a relative clause after a joining
        # act that says what will become of the treaty is the treaty's ("qui a nommé le 27 mars ..." may date the act)
        relative = _clauses_about_the_treaty(hits, frame.cue_at, ("effect", "planned")) if frame.action in JOINING else []
        dates = [d for d in dates if not any(r < d.start for r in relative)]
        if not dates:
            return None
        date = min(dates, key=lambda d: abs(d.start - frame.cue_at))
        days = [d for d in dates if d.precision == "day" and (self.published is None or d.date <= self.published)]
        if legislature and len(hits["legislature"]) > 1 and len(days) > 1:
            date = max(days, key=lambda d: d.date)  # "la Camera il 4 agosto, il Senato il 12 agosto": see _later_chamber

        def clause(pos: int) -> int:
            return next((i for i, ch in enumerate(chunks) if ch.s <= pos < ch.e), -1)

        # "ratificó el 5 de febrero y entró en vigor el 1 de julio": the other date is the effect's
        if frame.action != "took_effect" and len(dates) > 1 and any(
                abs(date.start - h.start()) < 40 and clause(h.start()) == clause(date.start) for h in hits["effect"]):
            date = min((d for d in dates if d is not date), key=lambda d: abs(d.start - frame.cue_at))
        return date

    def _action(self, hits: dict[str, list[re.Match[str]]]) -> tuple[str | None, float, int]:
        def at(cue: str) -> int:
            return hits[cue][0].start()

        if hits["deratify"]:
            if hits["legislature"] and not hits["sign"]:
                # "Госдума отозвала ратификацию": the legislature's vote to revoke, not yet the revocation (as for a
                # ratification, LABELLING.md "Who ratifies decides the step")
                return "parliament_approved", 0.85, at("deratify")
            return "deratified", 0.85, at("deratify")
        leaving = bool(hits["leave"])
        if not leaving and hits["notify"] and (hits["ratify"] or hits["accede"]) and (
                hits["instrument"] or hits["depositary"]):
            # "hinterlegte die Ratifizierungsurkunde beim Generalsekretär": the deposit is the act of joining
            return ("ratified" if hits["ratify"] else "acceded"), 0.85, at("notify")
        if not leaving and hits["sign"] and hits["instrument"] and (hits["ratify"] or hits["accede"]):
            # "podpisał akt przystąpienia Słowacji do NATO": signing the instrument is the act of joining
            return ("ratified" if hits["ratify"] else "acceded"), 0.8, at("sign")
        if hits["suspend"] and not leaving:
            return "suspended", 0.8, at("suspend")
        if not leaving and not self.leave_seen and hits["notify"] and hits["depositary"]:
            return None, 0.0, 0  # "a remis ces documents à ..., dépositaire du traité": joining papers, no withdrawal
        if leaving and any(abs(t.start() - h.start()) < 40 for t in hits["temporarily"] for h in hits["leave"]):
            return "suspended", 0.75, at("leave")  # "временно вышла из договора": a suspension (LABELLING.md)
        if leaving or (hits["notify"] and hits["depositary"]):
            anchor = at("leave") if leaving else at("notify")
            if hits["effect"] and leaving:
                return "took_effect", 0.8, anchor
            if hits["notify"] and (hits["depositary"] or leaving):
                return "notified", 0.85, anchor
            if hits["sign"] and hits["law"]:
                return "law_signed", 0.8, anchor
            if hits["vote"] and _government_votes(hits):
                return "government_approved", 0.75, anchor  # "das Kabinett stimmte dem Austrittsgesetz zu"
            if hits["vote"] and (hits["legislature"] or hits["law"]):
                return "parliament_approved", 0.85, anchor
            if hits["decree"] or (hits["government"] and hits["vote"]):
                return "government_approved", 0.75, anchor
            if _legislature_decides(hits):
                return "parliament_approved", 0.75, anchor  # "parlament Estonii zdecydował o wystąpieniu"
            if hits["announce"]:
                return "intent_announced", 0.75, anchor
            if hits["denounce"] and not hits["law"]:
                # "USA kündigen ABM-Vertrag": the denunciation is the notice (a law that denounces is the law's step)
                return "notified", 0.7, at("denounce")
            if hits["suspend"]:
                return "suspended", 0.75, at("suspend")
            if all(any(n.start() <= h.start() < n.end() for n in hits["leave_noun"]) for h in hits["leave"]):
                return "took_effect", 0.45, anchor  # "ein Dokument über den Austritt": the withdrawal named, no act
            if self.in_lead and not hits["formally"] and hits["leave_present"] and all(
                    any(p.start() <= h.start() < p.end() for p in hits["leave_present"]) for h in hits["leave"]):
                # "L'Ucraina si ritira dalla Convenzione", "se retirent du statut de Rome" in a headline or lead: news
                # of a decision in the present tense, its stage unstated: the announcement, as the labellers read
                # it ("si ritira ufficialmente": the exit itself; the Slavic imperfective is an exit under way)
                return "intent_announced", 0.55, anchor
            return "took_effect", 0.55, anchor
        if self.leave_seen and hits["law"] and not hits["ratify"]:
            # "the Sejm passed the law on 25 June", after the article named the withdrawal
            if hits["sign"]:
                return "law_signed", 0.75, at("sign")
            if hits["vote"] and hits["legislature"]:
                return "parliament_approved", 0.75, at("vote")
        if self.leave_seen and hits["government"] and hits["legislature"] and (hits["notify"] or hits["law"]) \
                and not hits["vote"]:
            return "government_approved", 0.7, at("government")  # "Rządowy projekt trafił do Sejmu w maju"
        if self.leave_seen and hits["decree"] and not (hits["ratify"] or hits["accede"]):
            return "government_approved", 0.7, at("decree")  # "... ввів у дію указом 29 червня"
        if self.leave_seen and hits["notify"] and not (hits["ratify"] or hits["accede"] or hits["legislature"]
                                                       or hits["receive"]):  # "...отримали уряди": recipients
            return "notified", 0.75, at("notify")  # "Litwa, Łotwa i Estonia notyfikowały swoje decyzje"
        if self.leave_seen and hits["announce"] and not (hits["ratify"] or hits["accede"] or hits["sign"]) and any(
                not any(a.start() <= d.start() < a.end() or d.start() <= a.start() < d.end() for a in hits["announce"])
                for d in hits["decision"]):
            # "Il governo aveva annunciato la decisione il 3 aprile", after the article named the withdrawal
            return "intent_announced", 0.7, at("announce")
        if not leaving and not self.leave_seen and not (
                hits["ratify"] or hits["accede"] or hits["sign"] or hits["law"] or hits["decree"]):
            # "Der Bundesrat hat das Kioto-Protokoll gebilligt", "Via libera del parlamento al Protocollo di Kyoto":
            # the legislature approves the treaty itself, its step of joining (not the UN's General Assembly)
            treaty_at = [a for a, _b in self.treaty_spans] + [h.start() for h in hits["generic_treaty"]]
            vote = next((v for v in hits["vote"] if any(abs(t - v.start()) <= 60 for t in treaty_at) and any(
                (0 <= v.start() - h.end() <= 70 or 0 <= h.start() - v.end() <= 30)
                and not _GENERAL_ASSEMBLY.search(self.sentence_text, max(0, h.start() - 12), h.end() + 12)
                for h in hits["legislature"])), None)
            if vote is not None:
                self.approvals.add(vote.start())
                return "parliament_approved", 0.75, vote.start()
        if hits["ratify"]:
            return "ratified", 0.8, at("ratify")
        if hits["accede"]:
            return "acceded", 0.8, at("accede")
        if hits["sign"] and not hits["law"] and not hits["decree"] and not all(
                any(0 <= w.start() - h.end() <= 30 for w in hits["letter"]) for h in hits["sign"]):
            return "signed", 0.7, at("sign")  # (not "hanno firmato una lettera congiunta": a letter, not the treaty)
        if self.leave_seen and hits["same_decision"]:
            # "ha preso la stessa decisione": the decision to leave, announced (LABELLING.md), or the
            # legislature's vote when it took it ("c'est le parlement qui a pris la même décision")
            decided = at("same_decision")
            by_legislature = any(abs(h.start() - decided) < 80 for h in hits["legislature"])
            return ("parliament_approved" if by_legislature else "intent_announced"), 0.7, decided
        if self.leave_seen and hits["same_step"]:
            return "took_effect", 0.7, at("same_step")  # "solo il Burundi e le Filippine avevano compiuto un passo simile"
        return None, 0.0, 0

    def _treaty(self, start: int, end: int, cue_at: int, hits: dict[str, list[re.Match[str]]], action: str) -> str | None:
        if any(0 <= h.start() - cue_at <= 60 for h in hits.get("other_deal", [])) and not any(
                0 <= m.start - start - cue_at <= 80 for m in self.treaties):
            # "se retiró del acuerdo nuclear": the Iran nuclear deal (JCPOA), not a treaty of the registry (unless one
            # is named with it: "porozumienie nuklearne z Iranem i układ INF")
            return None
        inside = [m for m in self.treaties if start <= m.start < end]
        if action not in JOINING:
            # "setzte den KSE-Vertrag aus, solange die NATO-Staaten ...", "НАТО оголосило про призупинення ...": NATO
            # the alliance, not the act's treaty; a state leaves it only as the treaty ("Tratado del Atlántico Norte")
            inside = [m for m in inside if m.ref != "north_atlantic_treaty" or self.wl["generic_treaty"].match(m.text)]
        elif any(m.ref != "north_atlantic_treaty" for m in self.treaties if m.end <= start) or any(
                m.ref != "north_atlantic_treaty" for m in inside):
            # "bis die NATO-Länder das Anpassungsabkommen ratifizieren", "weitere Nato-Mitglieder": the alliance's
            # members, in an article about another treaty
            # "państwami NATO", "les pays de l'OTAN": the members named before the alliance
            inside = [m for m in inside if m.ref != "north_atlantic_treaty" or not (
                _ALLIANCE_MEMBERS.match(self.article.text, m.end)
                or self.wl["_members_of"].search(self.article.text, max(0, m.start - 40), m.start))]
        # "Porozumienia paryskiego do Ramowej konwencji NZ": the parent convention names the agreement it frames
        inside = [m for m in inside if not any(
            c.ref in self.lex.registry[m.ref].leaving.cascades and abs(c.start - m.start) < 150 for c in inside)]
        if inside:
            return min(inside, key=lambda m: abs(m.start - start - cue_at)).ref
        if hits["generic_treaty"] or hits["leave"] or hits["suspend"] or self.leave_seen or action in JOINING:
            # "the convention", "it", or a stage of the withdrawal named before: the treaty named last
            before = [m for m in self.treaties if m.end <= start and (m.ref != "north_atlantic_treaty" or (
                action in JOINING and not (hits["generic_treaty"] and not self.wl["generic_treaty"].match(m.text))))]
            # "joined NATO" may be said again with "it", but "this treaty" is not the alliance ("OTAN", "Organización
            # del Tratado del Atlántico Norte"), only the treaty named as one ("Tratado del Atlántico Norte")
            if before:
                return before[-1].ref
            if self.title_treaties:
                return self.title_treaties[0].ref
        return None

    def _subjects(self, names: list[Mention], cue_pos: int, last_states: list[str], text: str,
                  later: list[Mention] | None = None) -> list[str]:
        reacted = self._reaction_before(text, cue_pos)
        if reacted is not None:  # "Die USA kritisierten die Aussetzung": who reacts to an act does not do it
            names = [m for m in names if m.start > reacted]
        run = self._run(names, cue_pos, text, later or [])
        if not run:
            # "Państwa, które podpisały ten traktat": the relative pronoun's noun acts, not a state named before;
            # "von 122 Staaten unterzeichnet": states counted, not named
            relative = self.wl["relative"].search(text, max(0, cue_pos - 14), cue_pos) if "relative" in self.wl else None
            counted = self.wl["counted"].search(text) if "counted" in self.wl else None
            return [last_states[-1]] if last_states and relative is None and counted is None and reacted is None else []
        return list(dict.fromkeys(x for m in run for x in self._codes(m)))

    def _reaction_before(self, text: str, cue_pos: int) -> int | None:
        """Where a word of reacting ("begrüßte", "a condamné", "осудил") ends, when it governs the act noun at
        ``cue_pos`` (a few words before it): the names before that word react to the act."""
        if not self.wl["nominal"].match(text, cue_pos):
            return None
        found = [m.end() for m in self.wl["reaction"].finditer(text, max(0, cue_pos - 60), cue_pos)]
        return found[-1] if found else None

    def _run(self, names: list[Mention], cue_pos: int, text: str, later: list[Mention] | None = None) -> list[Mention]:
        """Who acts: the run of state names nearest before the act ("Litwa, Łotwa i Estonia
        notyfikowały"), else an official named before it, else the first run after it.  ``later``
        are names after ``names`` in the sentence, where the list of a passive's agents may go on."""
        agent = next((m for m in names if m.start > cue_pos and _AGENT.fullmatch(text, cue_pos, m.start)), None)
        noun = self.wl["nominal"].match(text, cue_pos)
        if agent is None and noun is not None:
            # "в связи с присоединением Украины", "l'adhésion de la Finlande": whose act the noun names
            agent = next((m for m in names if m.kind != "official" and _OF.fullmatch(text, noun.end(), m.start)), None)
        if agent is not None:
            # "fue ratificado por Honduras", "firmato a Praga da Obama e Medvedev": the agent acts
            out = [agent]
            for m in names[names.index(agent) + 1:] + (later or []):
                if not _gap(text, out[-1].end, m.start):
                    break
                out.append(m)
            return out
        states = [m for m in names if m.kind != "official"]
        before = [m for m in states if m.start < cue_pos]
        officials = [m for m in names if m.kind == "official" and m.start < cue_pos]
        if not before and officials:
            return officials[:1]  # "Premier Ulf Kristersson przekazał ... dokument"
        if before:
            out = [before[-1]]
            for m in reversed(before[:-1]):
                if not _gap(text, m.end, out[0].start):
                    break
                out.insert(0, m)
            after = [m for m in states if m.start > cue_pos]
            lead = next((m for m in before if self._alongside(text, m.start)), None)
            if lead is out[0] and after:
                # "Junto a España ... depositaron ... Alemania, Bulgaria": the subject comes after the act
                out += self._list_from(after[0], states, text)
            elif lead is not None and lead not in out:
                out = self._list_from(lead, states, text) + out  # "Neben Österreich haben auch Irland ..."
            return out
        if not states:
            return []
        out = states[:1]
        for m in states[1:] + [m for m in later or [] if m.kind != "official"]:
            if not _gap(text, out[-1].end, m.start):  # (a list may go on past the clause: "- Чилі, | Перу | і Гана")
                break
            out.append(m)
        return out

    def _alongside(self, text: str, name_at: int) -> bool:
        """Whether the name at ``name_at`` follows "along with" ("neben", "junto a", "наряду с"):
        those it names act together with a subject named after the act."""
        alongside = self.wl.get("alongside")
        return alongside is not None and any(
            _OF.fullmatch(text, m.end(), name_at) for m in alongside.finditer(text, max(0, name_at - 30), name_at))

    @staticmethod
    def _list_from(first: Mention, names: list[Mention], text: str) -> list[Mention]:
        """The list of names that begins with ``first``: "Alemania, Bulgaria, ... y Reino Unido"."""
        run = [first]
        for m in names[names.index(first) + 1:]:
            if not _gap(text, run[-1].end, m.start):
                break
            run.append(m)
        return run

    def _modality(self, hits: dict[str, list[re.Match[str]]], text: str, cue_at: int, action: str,
                  clause: tuple[int, int]) -> str:
        if text.rstrip().endswith("?"):
            return "question"
        if hits["called_for"]:
            return "called_for"
        cues = [(h.start(), h.end()) for h in hits["leave"] + hits["effect"]]
        if any(0 <= cue_at - m.start() <= 40 and clause[0] <= m.start() and not any(a <= m.start() < b for a, b in cues)
               for m in hits["negation"]):
            return "denied"
        if any(clause[0] <= m.start() < clause[1] for m in hits["neither_nor"]):
            return "denied"  # "no se encuentran ni A ni B", "n'ont signé ni A ni B": either side of the act word
        if any(0 <= cue_at - m.start() <= 80 for m in hits["not_yet"]):
            return "denied"  # "sind noch nicht bereit, dem Abkommen beizutreten": over a clause break too
        if action == "took_effect" and any(0 < e.start() - m.end() <= 12 for m in hits["not_yet"] for e in hits["effect"]):
            return "denied"  # "Рішення про вихід ще не набуло чинності": the effect word itself is denied
        if action == "acceded" and any(0 <= cue_at - h.start() <= 50 for h in hits["prospect"]):
            return "planned"  # "przybliża Macedonię do członkostwa", "ebnet den Weg für den Beitritt": a joining to come
        if any(0 <= cue_at - h.end() <= 12 for h in hits["hypothetical"]):
            return "hypothetical"  # "menace désormais de quitter", "quitte à quitter": the word right before the act
        if action in _OWN_WORD and _infinitive(text, cue_at, self.lang) and not any(
                0 < cue_at - h.end() <= 25 for h in hits["announce"] + hits["decision"]):
            return "planned"  # "visant à retirer", "espère adhérer", but "ha deciso di sospendere" is the act
        if action == "notified" and _only_nominal(hits, "notify") and all(
                any(0 <= n.start() - p.end() <= 40 for p in hits["period"]) for n in hits["notify"]):
            return "planned"  # "potrwa rok od złożenia notyfikacji": the notice a rule counts from, not one given
        if any(h.start() < clause[1] or _CONDITION.match(h.group(0)) for h in hits["hypothetical"]):
            # (a condition qualifies the act wherever it is, "se retirará ... si ...", but other words only in
            # the act's clause or before it: not "suspendió la aplicación ..., alegando ... en caso de ...")
            return "hypothetical"
        if action == "took_effect" and hits["progressive"] and not hits["formally"]:
            # "США выходят из соглашения", "USA wycofują się", "se retirait": an exit under way, not done
            # ("официально выходит" reports the formal step taken)
            return "planned"
        if action == "took_effect" and any(0 <= p.start() - e.end() <= 20 for e in hits["effect"] for p in hits["period"]):
            return "planned"  # "la retirada surte efecto un año después de la notificación": the exit to come
        if action == "intent_announced" and hits["announce_future"]:
            return "planned"  # "Bush ogłosi dzisiaj ...": the announcement itself is still to come
        # "внёс в Госдуму законопроект": the words of the government's step, done, are not its plan; "a ratifié le
        # traité, qui entrera en vigueur le 24 décembre": a relative clause after the act plans the treaty's future
        # (not "que se convertirá en miembro": only a clause on the treaty's entry into force)
        described = _clauses_about_the_treaty(hits, cue_at, ("effect",)) if action in JOINING else []
        planned = hits["planned"]
        if action == "government_approved":
            # "billigte den Entwurf, der dann an den Landtag geht", "утвердил проект - затем его рассмотрит
            # парламент": a later clause says where the bill goes next, not that the approval is to come
            planned = [p for p in planned if not (p.start() > cue_at and _NEXT_CLAUSE.search(text, cue_at, p.start()))]
        if any(not any(d.start() <= p.start() < d.end() for d in hits["decree"]) and not any(r < p.start() for r in described)
               for p in planned) and action != "intent_announced":
            return "planned"
        return "asserted"

    def _claim(self, state: str, treaty: str, action: str, modality: str, strength: float,
               date: DateMention | None, start: int, end: int, note: str | None = None,
               instrument: str | None = None) -> Claim:
        pub = self.published
        notes = [f"read with the {self.lang} word lists (no parser)"] + ([note] if note else [])
        if date and date.note:
            notes.append(date.note)
        if action == "took_effect" and modality == "asserted" and date and pub and date.date > pub:
            modality = "planned"  # a withdrawal that takes effect after publication has not happened yet
        background = bool(date and pub and (pub - date.date).days > 365 and modality == "asserted")
        return Claim(
            article=self.article.id, state=state, treaty=treaty, action=action,
            date=date.date if date else None,
            date_basis=date.basis if date else ("bounded" if pub else "unknown"),
            date_precision=date.precision if date else None, bound=pub,
            modality=modality, confidence=round(strength, 3),
            evidence=Evidence(start, end, self.article.text[start:end]), notes=tuple(notes), background=background,
            instrument=instrument,
        )
