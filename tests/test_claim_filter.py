"""The claim filter: the bundled model loads, training is deterministic, the filter only weakens
asserted claims, and without a model extraction is the rules' alone."""

import dataclasses
import datetime as dt
import logging
import pathlib

import pytest

from treatywatch import Extractor, ExtractOptions, read_articles
from treatywatch.consolidate import consolidate_events
from treatywatch.extract.claim_filter import (MODEL_DIR, WEAK, judged, load_filter, save_filter, scored,
                                              train_pipeline)
from treatywatch.models import Claim, Evidence

from .conftest import DATA

CORPUS = DATA / "corpus"
# made-up claim texts in the form ``claim_text`` writes
SAMPLES = [
    ("zactratified ztreatyccm zbasisexplicit | zstate ratified the convention on monday", True),
    ("zactnotified ztreatyapmbc zbasisrelative | zstate notified the secretary-general today", True),
    ("zactsigned ztreatyatt zbasisbounded | zother urged zstate to sign the treaty", False),
    ("zactacceded ztreatynpt zbasisunknown | zstate may one day join the treaty", False),
] * 4
NEW = ["zactratified ztreatyatt | zstate ratified the treaty", "zactsigned ztreatyccm | zother urged zstate to sign"]


@pytest.fixture(scope="module")
def corpus_articles():
    """A fifth of the team corpus, enough to hold asserted claims of every kind."""
    return sorted(read_articles([str(CORPUS)]), key=lambda a: a.id)[::5]


def claims_of(articles, options: ExtractOptions) -> list[Claim]:
    return [c for _, found in Extractor(options).extract_many(articles) for c in found]


def test_claim_filter_bundled_model_loads_with_a_threshold():
    found = load_filter(MODEL_DIR)
    assert found is not None
    assert 0.0 < found.threshold < 1.0
    assert "dev split" in found.trained_on
    assert all(0.0 <= s <= 1.0 for s in found.scores(NEW))


def test_claim_filter_training_is_deterministic(tmp_path: pathlib.Path):
    first, second = train_pipeline(SAMPLES, seed=3), train_pipeline(SAMPLES, seed=3)
    assert [d.cats for d in first.pipe(NEW)] == [d.cats for d in second.pipe(NEW)]
    save_filter(first, 0.5, tmp_path / "a", {})
    save_filter(second, 0.5, tmp_path / "b", {})
    assert (tmp_path / "a" / "textcat" / "model").read_bytes() == (tmp_path / "b" / "textcat" / "model").read_bytes()
    # the vocabulary (the training texts' words) is never written
    assert not (tmp_path / "a" / "vocab").exists()


def test_claim_filter_saved_model_scores_as_trained(tmp_path: pathlib.Path):
    nlp = train_pipeline(SAMPLES, seed=3)
    save_filter(nlp, 0.4, tmp_path / "m", {"trained_on": "made-up samples"})
    found = load_filter(tmp_path / "m")
    assert found is not None and found.threshold == 0.4 and found.trained_on == "made-up samples"
    assert found.scores(NEW) == [d.cats["TAKEN"] for d in nlp.pipe(NEW)]
    assert found.scores(NEW)[0] > found.scores(NEW)[1]  # the act over the call to act


def test_claim_filter_absent_model_is_the_rules_alone(corpus_articles, tmp_path: pathlib.Path, caplog):
    with caplog.at_level(logging.WARNING, logger="treatywatch.extract.claim_filter"):
        absent = claims_of(corpus_articles, ExtractOptions(claim_filter=tmp_path / "none"))
    assert absent == claims_of(corpus_articles, ExtractOptions(claim_filter=None))
    assert "no claim filter model" in caplog.text and "make train" in caplog.text


def test_claim_filter_only_weakens_asserted_claims_and_is_deterministic():
    articles = sorted(read_articles([str(CORPUS)]), key=lambda a: a.id)
    rules = dict(Extractor(ExtractOptions(claim_filter=None)).extract_many(articles))
    extractor = Extractor(ExtractOptions(claim_filter=MODEL_DIR))  # on (off by default)
    filtered = dict(extractor.extract_many(articles))
    found = load_filter(MODEL_DIR)
    assert found is not None
    assert filtered == {a: found.apply(a, rules[a], extractor.lexicon) for a in articles}  # the same again
    # the model has seen these articles and weakens few or none of them at its own threshold: a stricter one
    # makes it weaken some, and shows what weakening does and does not change
    strict = dataclasses.replace(found, threshold=0.9)
    pairs = [(r, f) for a in articles for r, f in zip(rules[a], strict.apply(a, rules[a], extractor.lexicon), strict=True)]
    changed = [(r, f) for r, f in pairs if r != f]
    assert changed
    for r, f in changed:
        assert scored(r) and f.confidence == WEAK and f.notes[-1].startswith("claim filter:")
        assert dataclasses.replace(f, confidence=r.confidence, notes=r.notes) == r


def test_claim_filter_weak_claim_keeps_its_modality_and_makes_no_event():
    claim = Claim("a", "LTU", "apmbc", "notified", dt.date(2025, 6, 27), "explicit", Evidence(0, 5, "Today"),
                  confidence=0.9)
    assert judged(claim, 0.45, 0.45) == claim
    weak = judged(claim, 0.2, 0.45)
    assert weak.modality == "asserted" and weak.confidence == WEAK
    assert weak.notes == ("claim filter: 0.20 below 0.45 (too weak for an event)",)
    assert consolidate_events([claim]) and not consolidate_events([weak])
