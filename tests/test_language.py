"""Language detection and body normalisation give exactly what the plain reference below gives.

The reference is the straightforward form of both (one paragraph, one word at a time), as they
stood before they were made faster; the fast forms must agree with it on every text the test
data holds and on the edge cases their shortcuts rest on.
"""

from __future__ import annotations

import re
import sys

import pytest

from treatywatch import Article, read_articles
from treatywatch.text import (
    SPACES, TOKENS, detect_language, normalise_body, stopword_data, stopwords, word_counts, word_languages,
)

from .conftest import DATA

_REFERENCE_GLUED_QUOTE = re.compile(r"([.!?])([”\"’]?)(?=[“\"])")
_REFERENCE_GLUED_WORD = re.compile(r"(?<=[a-z0-9%)])([.!?])([”\"’]?)(?=[A-Z])")


def reference_normalise(body: str) -> str:
    paragraphs = []
    for para in re.split(r"\n\s*\n", body):
        para = SPACES.sub(" ", para.replace("\n", " ")).strip()
        if para:
            para = _REFERENCE_GLUED_QUOTE.sub(r"\1\2 ", para)
            para = _REFERENCE_GLUED_WORD.sub(r"\1\2 ", para)
            paragraphs.append(para)
    return "\n\n".join(paragraphs)


def reference_language(text: str) -> str:
    words = [w.lower() for w in TOKENS.findall(text[:5000])]
    if not words:
        return "und"
    cyrillic = sum(1 for w in words if "\u0400" <= w[0] <= "\u04ff") > len(words) / 2
    hits: dict[str, int] = dict.fromkeys(stopwords(), 0)
    index = word_languages()
    for word in words:
        for lang in index.get(word, ()):
            hits[lang] += 1
    scores = {lang: n / len(words) for lang, n in hits.items() if (lang in ("ru", "uk")) == cyrillic}
    if cyrillic:
        joined = "".join(words)
        uk_letters = sum(joined.count(c) for c in "іїєґ")
        ru_letters = sum(joined.count(c) for c in "ыэъё")
        scores["uk"] = scores.get("uk", 0.0) + 0.02 * uk_letters / max(1, len(words)) * 10
        scores["ru"] = scores.get("ru", 0.0) + 0.02 * ru_letters / max(1, len(words)) * 10
    letters = stopword_data().get("_letters", {})
    joined_text = "".join(words)
    best = max(scores, key=lambda k: (scores[k], sum(joined_text.count(c) for c in letters.get(k, ""))))
    return best if scores[best] >= 0.05 else "und"


def reference_counts(text: str) -> tuple[int, int, dict[str, int], dict[str, int]]:
    """The words, those beginning with a Cyrillic letter, each language's function words, and
    each letter that detection weighs, counted one word at a time."""
    words = [w.lower() for w in TOKENS.findall(text)]
    hits = dict.fromkeys(stopwords(), 0)
    for word in words:
        for lang in word_languages().get(word, ()):
            hits[lang] += 1
    joined = "".join(words)
    return (len(words), sum(1 for w in words if "\u0400" <= w[0] <= "\u04ff"), hits,
            {c: joined.count(c) for c in WEIGHED_LETTERS})


WEIGHED_LETTERS = sorted({c for c in "іїєґыэъё" + "".join(stopword_data()["_letters"].values()) if c.isalpha()})


def counted(text: str) -> tuple[int, int, dict[str, int], dict[str, int]]:
    """``word_counts(text)`` in the form of ``reference_counts``."""
    counts = word_counts(text)
    letters = {}
    for c in WEIGHED_LETTERS:
        try:
            letters[c] = counts.letters.count(c.encode(counts.encoding))
        except UnicodeEncodeError:
            letters[c] = 0
    return counts.words, counts.cyrillic, counts.hits, letters


def corpus_texts() -> list[tuple[str, str]]:
    """(name, text) of every file under tests/data read as UTF-8 (raw: headers, markup and
    all), and the title and body of every article the readers make of them."""
    files = sorted(p for p in DATA.rglob("*") if p.is_file())
    out = [(str(p.relative_to(DATA)), p.read_bytes().decode("utf-8", "replace")) for p in files]
    for item in read_articles([str(p) for p in files if p.suffix in (".txt", ".html", ".json", ".jsonl", ".xml")]):
        if isinstance(item, Article):
            out.append((f"article {item.id}", f"{item.title}\n{item.text}"))
    return out


EDGE_CASES = [
    "", " ", "\n\n\n", "a\n \n\nb", " a \t\u00a0 b \n c ", "\x1c a \x1c\n\n\u2028b\u2029\n\n\u3000",
    "x.\u201cY\n\nz.\u201d\u201cW", "he wrote.Budrys said.\u201dThen", "9%.Next 3).After", "\r\nline\r\n\r\nnext",
    "\u039f\u0394\u039f\u03a3.\u0391 \u03c3\u03b1\u03c2 \u03a3\u0391\u03a3", "\u0130stanbul \u0130\u0307 de la que",
    "\u041f\u0440\u0438\u0432\u0435\u0442, \u044d\u0442\u043e \u043d\u0430 \u0443\u043a\u0440\u0430\u0457\u043d\u0441\u044c\u043a\u0456\u0439 \u0442\u0430 \u0456 \u0454",
    "la de que el", "l'homme et la femme", "rock'n'roll and the rest", "\u00bd \u00b2 \u2160 of the",
    # apostrophes around, doubled or after a word (only one between two letters joins a word)
    "'the' and 'of' quoted, the states' rights, l''homme, don't, it\u2019s the \u2019a\u2019 ''' a'' ''b '",
    "a'b'c'd the of and the'",
    "\u041c\u2019\u044f\u0441\u043e \u0456 \u0442\u0430 \u0449\u043e \u043d\u0430 \u0432 \u043d\u0435",
    # each code page, upper case letters, and letters whose lower case no page writes as one
    "\u00c0\u00c9\u00ce \u00df \u0178 \u00b5 \u00aa LA DE QUE ET \u00bfQu\u00e9? \u00a1S\u00ed!",
    "Za\u017c\u00f3\u0142\u0107 g\u0119\u015bl\u0105 ja\u017a\u0144 I W NA SI\u0118",
    "Lietuvos ir \u012f kad \u0161alies \u016a", "istanbul'da ve bir bu i\u00e7in \u011f \u015e",
    "\u0130STANBUL'DA VE B\u0130R BU \u0130\u00c7\u0130N",
    "\u041c\u043e\u0441\u043a\u0432\u0430 \u0438 \u041a\u0438\u0457\u0432, the and of \u00fc",
    "\u03a3\u039f\u03a6\u0399\u0391 \u03ba\u03b1\u03b9 \u03c4\u03b7\u03c2",
    "\u00bd of \u00b2the \u00b3 \u00bc and",  # numbers that are not digits are letters to TOKENS
    # sentence marks of each kind glued to quotes and capitals, beside tabs and no-break spaces
    "a!\u201cB c?\u201d\u201cD e.\u201dF g!H 9%.X\u00a0\t  y x?\"Y z!\u2019W k.\"\"L m.\"n",
]


@pytest.mark.parametrize("text", EDGE_CASES)
def test_language_edge_cases_match_reference(text):
    assert normalise_body(text) == reference_normalise(text)
    assert detect_language(text) == reference_language(text)
    assert counted(text) == reference_counts(text)


def test_language_and_normalisation_match_reference_on_every_corpus():
    texts = corpus_texts()
    assert len(texts) > 300  # every corpus was read (and the real-news texts, where present)
    for name, text in texts:
        assert normalise_body(text) == reference_normalise(text), name
        assert detect_language(text) == reference_language(text), name
        assert counted(text[:5000]) == reference_counts(text[:5000]), name
    found = {detect_language(text) for _name, text in texts}
    assert {"en", "de", "fr", "ru", "uk", "pl"} <= found  # the corpora cover several languages


def test_language_lower_case_keeps_letters_letters():
    """What detection's shortcut rests on: lower-casing maps a letter to a letter and anything
    else to a non-letter, and only U+0130 turns into more than one character."""
    letter = re.compile(r"[^\W\d_]")
    longer, changed = [], []
    for code in range(sys.maxunicode + 1):
        ch = chr(code)
        low = ch.lower()
        if len(low) != 1:
            longer.append(code)
        elif (letter.match(ch) is None) != (letter.match(low) is None):
            changed.append(code)
    assert longer == [0x130]
    assert changed == []
