"""Text handling shared by the readers: bytes to text (byte-order marks, declared and detected
charsets), body normalisation, and language detection.

The readers (``ingest``) and the fetcher (``sources``) call these; nothing here reads a file or
knows an input format.
"""

from __future__ import annotations

import codecs
import collections
import functools
import itertools
import json
import logging
import re
from importlib import resources
from typing import Any, NamedTuple

from .errors import InputError

logger = logging.getLogger(__name__)


# ---------------------------------------------------------------------------------------
# Decoding


def content_type(value: str) -> tuple[str, str | None]:
    """The media type and the charset (both lower case; the charset None when not given) of a
    ``Content-Type`` header value."""
    media, _, params = value.partition(";")
    charset = None
    for param in params.split(";"):
        key, _, val = param.strip().partition("=")
        if key.lower() == "charset" and val:
            charset = val.strip("\"' ").lower()
    return media.strip().lower(), charset


_DECLARED_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.I)
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def declared_charset(data: bytes) -> str | None:
    """The encoding an HTML or XML document declares in its first bytes, if Python knows it."""
    head = data[:4096]
    match = _XML_ENCODING.search(head) or _DECLARED_CHARSET.search(head)
    if not match:
        return None
    name = match.group(1).decode("ascii", "replace").lower()
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode(data: bytes, source_name: str, declared: str | None = None) -> str:
    """Decode bytes to text: a byte-order mark, else UTF-8 (bytes that are valid UTF-8 almost
    always are), else the ``declared`` encoding, else the one charset_normalizer detects;
    refuse empty and binary data."""
    if not data.strip():
        raise InputError(source_name, "empty file")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                raise InputError(source_name, f"not valid {encoding} despite its byte-order mark") from None
    if b"\x00" in data[:8192]:
        raise InputError(source_name, "binary file (NUL bytes), not text")
    for candidate in ("utf-8", declared):
        if candidate:
            try:
                text = data.decode(candidate)
            except (UnicodeDecodeError, LookupError):
                continue
            return _not_binary(text, source_name)
    return _not_binary(_detect_and_decode(data, source_name), source_name)


def _not_binary(text: str, source_name: str) -> str:
    sample = text[:20000]
    if sample and len(_CONTROL.findall(sample)) > max(3, len(sample) // 100):
        raise InputError(source_name, "binary data (control characters), not text")
    return text


def _detect_and_decode(data: bytes, source_name: str) -> str:
    """Decode bytes that are not UTF-8.  charset_normalizer proposes encodings; among the least
    chaotic, the one whose non-ASCII words read as words (letters, known function words) wins,
    Windows-1252 first on a tie (short Western texts are ambiguous to the detector)."""
    import charset_normalizer

    results = charset_normalizer.from_bytes(data[:200_000])
    best = results.best()
    if best is None:
        raise InputError(source_name, "binary data or an unknown text encoding (not UTF-8, none detected)")
    candidates = [r.encoding for r in results if r.chaos <= best.chaos + 0.02]
    if "cp1252" not in candidates:
        candidates.append("cp1252")
    stop = frozenset().union(*stopwords().values())
    scored: list[tuple[float, bool, int, str]] = []
    for rank, encoding in enumerate(candidates):
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        score = 0.0
        for word in re.findall(r"\S*[^\x00-\x7f]\S*", text[:50_000]):
            word = word.strip(".,;:!?\"'()[]«»“”„’‘-").lower()
            score += (2 if word in stop else 0) + (1 if word.isalpha() else -1)
        scored.append((score, encoding == "cp1252", -rank, encoding))
    if not scored:
        raise InputError(source_name, "cannot decode the text (not UTF-8, no detected encoding fits)")
    encoding = max(scored)[3]
    logger.debug("%s: decoded as %s", source_name, encoding)
    return data.decode(encoding)


# ---------------------------------------------------------------------------------------
# Normalisation


SPACES = re.compile(r"[ \t\u00a0]+")


# A full stop (or ! ?), maybe a closing quote, glued to the next sentence: first to an opening
# quote ("X.“Today"), then to a capital after a small letter, digit, '%' or ')' ("wrote.He").
# One pattern a mark, beginning with the mark: a search skips to one character several times
# faster than to a class, and a body without '!' or '?' needs no search for them.  Splitting
# by mark changes no result: a match never overlaps or borders one of another mark.
_UNGLUING = ([(mark, re.compile(rf"\{mark}([”\"’]?)(?=[“\"])")) for mark in ".!?"]
             + [(mark, re.compile(rf"\{mark}(?<=[a-z0-9%)]\{mark})([”\"’]?)(?=[A-Z])")) for mark in ".!?"])


def normalise_body(body: str) -> str:
    """Unglue sentences ("X.“Today" -> "X. “Today"), fold spaces, keep paragraph breaks.

    The patterns run once over the whole body, paragraphs one a line, rather than once a
    paragraph: the same result (none matches across a line break), several times faster."""
    paragraphs = [para.replace("\n", " ").strip() for para in _PARAGRAPH_BREAK.split(body)]
    text = "\n".join([para for para in paragraphs if para])
    if "\t" in text or "\u00a0" in text:
        text = text.replace("\t", " ").replace("\u00a0", " ")
    while "  " in text:  # what SPACES.sub(" ", text) gives, faster
        text = text.replace("  ", " ")
    for mark, pattern in _UNGLUING:
        if mark in text:
            text = pattern.sub(mark + r"\1 ", text)
    return text.replace("\n", "\n\n")


_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def fold_spaces(text: str) -> str:
    """``text`` on one line, each run of spaces one space (a title, a feed's or a site's name)."""
    return SPACES.sub(" ", text.replace("\n", " ")).strip()


# ---------------------------------------------------------------------------------------
# Language


TOKENS = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)
SUPPORTED_LANGUAGES = ("en", "de", "fr", "ru", "uk", "pl", "es", "it")


@functools.lru_cache(maxsize=1)
def stopword_data() -> dict[str, Any]:
    """``data/stopwords.json``: each language's function words, and under ``_letters`` the
    letters that tell apart languages whose function words tie."""
    data: dict[str, Any] = json.loads(
        resources.files("treatywatch").joinpath("data/stopwords.json").read_text(encoding="utf-8"))
    return data


@functools.lru_cache(maxsize=1)
def stopwords() -> dict[str, frozenset[str]]:
    """Each supported language's function words."""
    return {lang: frozenset(words) for lang, words in stopword_data().items() if not lang.startswith("_")}


@functools.lru_cache(maxsize=1)
def word_languages() -> dict[str, tuple[str, ...]]:
    """Each function word with the languages it belongs to (one look-up a word instead of one a language)."""
    out: dict[str, list[str]] = {}
    for lang, stop in stopwords().items():
        for word in stop:
            out.setdefault(word, []).append(lang)
    return {word: tuple(langs) for word, langs in out.items()}


class WordCounts(NamedTuple):
    """What detection needs of a text's words (``TOKENS``, lower-cased): how many, how many
    begin with a Cyrillic letter, how many are each language's function words, and a text
    whose letters are the words' letters (for the letters that tell languages apart), in
    ``encoding``."""

    words: int
    cyrillic: int
    hits: dict[str, int]
    letters: bytes
    encoding: str


def detect_language(text: str) -> str:
    """The ISO 639-1 code of ``text``'s language, from function-word counts (offline,
    deterministic); ``und`` when too little text decides it."""
    counts = word_counts(text[:5000])
    if not counts.words:
        return "und"
    cyrillic = counts.cyrillic > counts.words / 2
    scores = {lang: counts.hits[lang] / counts.words for lang in _rivals(cyrillic)}
    if cyrillic:
        uk_letters = _letter_count(counts, "іїєґ")
        ru_letters = _letter_count(counts, "ыэъё")
        scores["uk"] = scores.get("uk", 0.0) + 0.02 * uk_letters / max(1, counts.words) * 10
        scores["ru"] = scores.get("ru", 0.0) + 0.02 * ru_letters / max(1, counts.words) * 10
    top = max(scores.values())
    tied = [lang for lang, score in scores.items() if score == top]
    best = tied[0]
    if len(tied) > 1:  # equal counts ("la", "de", "que" in a short Spanish, French or Portuguese text): the letters decide
        letters = stopword_data().get("_letters", {})
        best = max(tied, key=lambda k: _letter_count(counts, letters.get(k, "")))
    return best if scores[best] >= 0.05 else "und"


@functools.lru_cache(maxsize=2)
def _rivals(cyrillic: bool) -> tuple[str, ...]:
    """The languages that a Cyrillic text (or any other) may be in, in the word lists' order."""
    return tuple(lang for lang in stopwords() if (lang in ("ru", "uk")) == cyrillic)


def word_counts(text: str) -> WordCounts:
    """The counts of ``text``'s words that detection scores: in bytes when a single-byte code
    page writes ``text`` (``_byte_counts``), else word by word.

    Lower-casing the whole text first gives the same words whenever ``str.lower`` maps one
    character to one (every character but U+0130, which lengthens the text) and needs no
    context (only capital sigma does): a character is a letter exactly when its lower case is
    (tests/test_language.py checks every code point)."""
    counts = _byte_counts(text)
    if counts is not None:
        return counts
    low = text.lower()
    if len(low) == len(text) and "\u03a3" not in text:
        return _counts(TOKENS.findall(low), low)
    words = [w.lower() for w in TOKENS.findall(text)]
    return _counts(words, "".join(words))


def _counts(words: list[str], letters: str) -> WordCounts:
    hits: dict[str, int] = dict.fromkeys(stopwords(), 0)
    index = word_languages()  # counted in C: no Python loop over the words
    hits.update(collections.Counter(itertools.chain.from_iterable(map(index.get, words, itertools.repeat(())))))
    cyrillic = sum(1 for w in words if "\u0400" <= w[0] <= "\u04ff") if _CYRILLIC.search(letters) else 0
    return WordCounts(len(words), cyrillic, hits, letters.encode(), "utf-8")


_CYRILLIC = re.compile("[\u0400-\u04ff]")


def _letter_count(counts: WordCounts, chars: str) -> int:
    """How often the letters among ``chars`` occur in the words (a character that is no
    letter, such as '¿', is in no word; nor is one that the words' code page cannot write)."""
    n = 0
    for char in chars:
        if _LETTER.match(char):
            try:
                n += counts.letters.count(char.encode(counts.encoding))
            except UnicodeEncodeError:
                continue
    return n


_LETTER = re.compile(r"[^\W\d_]")


class _CodePage(NamedTuple):
    """A single-byte code page that detection counts words in.  ``table`` maps each byte of
    a letter to the byte of its lower case, of an apostrophe to "'", of anything else to a
    space; ``classes`` maps a letter's byte to "c" (Cyrillic) or "a" (other letters), the rest
    as ``table``; ``unlowered`` holds the letters whose lower case the page cannot write as one
    character (Turkish 'İ'); ``languages`` is ``word_languages()`` for the words the page writes."""

    name: str
    table: bytes
    classes: bytes
    unlowered: bytes
    languages: dict[bytes, tuple[str, ...]]


# Together they write nearly every text in the supported languages: Western, Cyrillic,
# Central European, Baltic and Turkish.
_CODE_PAGES = ("cp1252", "cp1251", "cp1250", "cp1257", "cp1254")


@functools.lru_cache(maxsize=None)
def _code_page(name: str) -> _CodePage:
    """The tables of code page ``name``, made from Python's own codec and letter classes."""
    table, classes, unlowered = bytearray(b" " * 256), bytearray(b" " * 256), bytearray()
    for byte in range(256):
        char = bytes([byte]).decode(name, "replace")
        if char in "'’":
            table[byte] = classes[byte] = ord("'")
        elif _LETTER.match(char):
            try:
                lower = char.lower().encode(name)
            except UnicodeEncodeError:
                lower = b""
            if len(lower) != 1 or char == "\u03a3":
                unlowered.append(byte)
            else:
                table[byte] = lower[0]
            classes[byte] = ord("c") if "\u0400" <= char <= "\u04ff" else ord("a")
    languages = {}
    for word, langs in word_languages().items():
        try:
            languages[word.encode(name)] = langs
        except UnicodeEncodeError:
            continue
    return _CodePage(name, bytes(table), bytes(classes), bytes(unlowered), languages)


def _byte_counts(text: str) -> WordCounts | None:
    """``text``'s counts without a regular expression or ``str.lower``, several times faster:
    in the first code page that writes it, one ``bytes.translate`` lower-cases the letters and
    turns every other character into a space, and the words are what ``bytes.split`` gives.
    None when no code page writes ``text``, when it holds a letter that does not lower-case to
    one letter of the page, or when two apostrophes join three runs of letters
    ("rock'n'roll": the words are then not the runs around each apostrophe)."""
    if text.isascii():
        data, page = text.encode("ascii"), _code_page("cp1252")
    else:
        for name in _CODE_PAGES:
            try:
                data = text.encode(name)
            except UnicodeEncodeError:
                continue
            page = _code_page(name)
            if page.unlowered and any(byte in data for byte in page.unlowered):
                return None
            break
        else:
            return None
    spaced = b" " + data.translate(page.table) + b" "
    if b"'" in spaced:
        spaced = _LOOSE_APOSTROPHE.sub(b" ", spaced)
        if _CHAINED_APOSTROPHES.search(spaced):
            return None
    words = spaced.split()
    hits: dict[str, int] = dict.fromkeys(stopwords(), 0)
    languages = page.languages
    for word, n in collections.Counter(filter(languages.__contains__, words)).items():
        for lang in languages[word]:
            hits[lang] += n
    cyrillic = spaced.translate(page.classes).count(b" c") if b"c" in page.classes else 0
    return WordCounts(len(words), cyrillic, hits, spaced, page.name)


# An apostrophe belongs to a word only between two letters; two in one word chain three runs.
_LOOSE_APOSTROPHE = re.compile(rb"'(?:(?<=[ ']')|(?=[ ']))")
_CHAINED_APOSTROPHES = re.compile(rb"'[^ ']*'")


__all__ = ["SPACES", "SUPPORTED_LANGUAGES", "TOKENS", "WordCounts", "content_type", "declared_charset", "decode",
           "detect_language", "fold_spaces", "normalise_body", "stopword_data", "stopwords", "word_counts",
           "word_languages"]
