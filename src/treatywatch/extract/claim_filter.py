"""Claim filter: a small text classifier that scores each asserted claim the rules produce.

The rules assert some claims a careful reader would not take (a plan read as the act, another
state's act, background, a treaty word in an unrelated sentence).  The filter reads what the
rules saw (the evidence sentence with the claim's state marked, the action, treaty, date basis,
confidence and language) and gives the probability that the article really asserts that
(state, treaty, action).  A claim scoring below the model's threshold keeps its modality and
evidence but its confidence drops to ``WEAK`` with a note: the rules' own way of saying
"asserted in form, too weak for an event" (a claim below the ``min_confidence`` floor never
makes an event and is not counted as a fact by ``evaluate``), so a reviewer still sees it.

The model is a spaCy ``textcat`` (bag of words, no pretrained vectors) trained by
``make train`` from the team's labelled corpora and the real-news dev split; it lives in
``data/models/claim_filter`` with its threshold.  Without that folder extraction runs on
the rules alone and says so once in the log.  See docs/claim-filter.md for the measurements.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import logging
import pathlib
from collections.abc import Iterable, Sequence
from typing import Any

from ..gate import Lexicon
from ..models import Article, Claim

logger = logging.getLogger(__name__)

MODEL_DIR = pathlib.Path(__file__).resolve().parent.parent / "data" / "models" / "claim_filter"
LABEL = "TAKEN"  # the article asserts this (state, treaty, action)
WEAK = 0.45  # a filtered claim's confidence: below the default event floor, like the rules' weak reads
SETTINGS_FILE = "claim_filter.json"  # the threshold and how it was chosen, next to the spaCy model

# the textcat component: a bag of single words, no vectors (nothing downloaded); 2**16 features
# keep the model folder under 1 MB.  Word pairs and a CNN ensemble scored lower in cross-validation.
TEXTCAT_CONFIG: dict[str, Any] = {
    "model": {
        "@architectures": "spacy.TextCatBOW.v3",
        "exclusive_classes": True,
        "ngram_size": 1,
        "no_output_layer": False,
        "length": 2 ** 16,
    },
}


def claim_text(claim: Claim, article: Article, claims: Sequence[Claim], lexicon: Lexicon) -> str:
    """What the classifier reads for one of an article's ``claims``: marker words for the
    claim's action, treaty, date basis, confidence, language and place, how often the article
    asserts the same act and how many other acts and states it asserts, then its evidence with
    the claim's state written ``zstate`` and every other state ``zother`` (so that "who acted"
    is learned across states), lower-cased."""
    evidence = claim.evidence.text
    pieces, last, own = [], 0, False
    for m in lexicon.state_mentions(evidence):
        state = lexicon.state_of(m)
        if state is None or m.start < last:
            continue
        mine = state == claim.state
        own = own or mine
        pieces += [evidence[last:m.start], " zstate " if mine else " zother "]
        last = m.end
    pieces.append(evidence[last:])
    where = "title" if claim.evidence.start < len(article.title) + 1 else (
        "lede" if claim.evidence.start < len(article.text) // 3 else "body")
    asserted = [c for c in claims if c.modality == "asserted"]
    same = sum(1 for c in asserted if (c.state, c.treaty, c.action) == (claim.state, claim.treaty, claim.action))
    siblings = {c.action for c in asserted if (c.state, c.treaty) == (claim.state, claim.treaty)} - {claim.action}
    states = {c.state for c in asserted}
    markers = [
        f"zsame{min(same, 3)}", f"zsiblings{min(len(siblings), 2)}", f"zstates{min(len(states), 3)}",
        f"zact{claim.action}", f"ztreaty{claim.treaty}", f"zbasis{claim.date_basis}",
        f"zconf{int(claim.confidence * 10)}", f"zlang{article.language}", f"zwhere{where}",
        "zbackground" if claim.background else "zcurrent", "zownstate" if own else "znostate",
    ]
    return " ".join(markers) + " | " + "".join(pieces).lower()


@dataclasses.dataclass
class ClaimFilter:
    """A loaded claim filter: the spaCy pipeline and the score below which a claim is weak."""

    nlp: Any
    threshold: float
    trained_on: str  # figures on these articles are in-sample

    def scores(self, texts: Sequence[str]) -> list[float]:
        """The probability, for each claim text, that the article asserts the claim."""
        return [float(doc.cats[LABEL]) for doc in self.nlp.pipe(texts)]

    def apply(self, article: Article, claims: list[Claim], lexicon: Lexicon) -> list[Claim]:
        """``claims`` with each asserted claim below the threshold made weak (same order)."""
        picked = [i for i, c in enumerate(claims) if scored(c)]
        if not picked:
            return claims
        found = self.scores([claim_text(claims[i], article, claims, lexicon) for i in picked])
        out = list(claims)
        for i, score in zip(picked, found):
            out[i] = judged(claims[i], score, self.threshold)
        return out


def scored(claim: Claim) -> bool:
    """Whether the filter reads ``claim``: asserted and stronger than weak."""
    return claim.modality == "asserted" and claim.confidence > WEAK


def judged(claim: Claim, score: float, threshold: float) -> Claim:
    """``claim`` as it stands after the filter gave it ``score``: unchanged at or above the
    threshold, else weak with a note naming the score."""
    if score >= threshold:
        return claim
    note = f"claim filter: {score:.2f} below {threshold:.2f} (too weak for an event)"
    return dataclasses.replace(claim, confidence=WEAK, notes=claim.notes + (note,))


def save_filter(nlp: Any, threshold: float, path: pathlib.Path, about: dict[str, Any]) -> None:
    """Write the spaCy pipeline and its threshold (with ``about``: how it was chosen) to ``path``.

    The vocabulary is left out: the bag of words keeps hashed features only, and the strings
    would be the words of the training articles (others' words for the real-news corpus)."""
    path.mkdir(parents=True, exist_ok=True)
    nlp.meta.update(name="claim_filter", spacy_version=">=3.8,<3.9")  # any spaCy the package accepts
    nlp.to_disk(path, exclude=["vocab"])
    (path / SETTINGS_FILE).write_text(json.dumps({"threshold": threshold, **about}, indent=2) + "\n",
                                      encoding="utf-8")


@functools.lru_cache(maxsize=2)
def load_filter(path: pathlib.Path) -> ClaimFilter | None:
    """The claim filter stored at ``path``, or ``None`` (logged once) when there is none."""
    settings = path / SETTINGS_FILE
    if not settings.exists():
        logger.warning("no claim filter model at %s: asserted claims are the rules' alone "
                       "(run `make train` to build it)", path)
        return None
    import spacy

    about = json.loads(settings.read_text(encoding="utf-8"))
    return ClaimFilter(spacy.load(path), float(about["threshold"]), str(about.get("trained_on", "unknown")))


def new_pipeline() -> Any:
    """A blank multilingual pipeline with an untrained ``textcat``."""
    import spacy

    nlp = spacy.blank("xx")
    textcat: Any = nlp.add_pipe("textcat", config=TEXTCAT_CONFIG)
    textcat.add_label(LABEL)
    textcat.add_label("NOT_" + LABEL)
    return nlp


def train_pipeline(samples: Iterable[tuple[str, bool]], seed: int = 0, epochs: int = 6,
                   dropout: float = 0.2) -> Any:
    """A pipeline trained on (claim text, taken) pairs; the same samples and seed give the
    same model."""
    import random

    from spacy.training import Example
    from thinc.api import fix_random_seed

    fix_random_seed(seed)
    nlp = new_pipeline()
    data = [(text, {"cats": {LABEL: float(y), "NOT_" + LABEL: float(not y)}}) for text, y in samples]
    examples = [Example.from_dict(nlp.make_doc(text), ann) for text, ann in data]
    nlp.initialize(lambda: examples)
    rng = random.Random(seed)
    for _ in range(epochs):
        rng.shuffle(examples)
        for i in range(0, len(examples), 16):
            nlp.update(examples[i:i + 16], drop=dropout)
    return nlp
