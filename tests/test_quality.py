"""The extraction quality gate (tests/eval_gate.py) as part of the test suite."""

from . import eval_gate


def test_quality_no_metric_below_its_pinned_floor():
    floors = eval_gate.load_floors()
    assert floors, "tests/eval_baseline.json is missing: run python tests/eval_gate.py --update"
    bad = eval_gate.failures(eval_gate.measure(), floors)
    assert not bad, "extraction quality fell: " + "; ".join(bad)


def test_quality_the_claim_filter_keeps_every_figure_above_its_floor():
    from treatywatch.extract import MODEL_DIR

    # in-sample (the filter has seen these articles), so a check that retraining did no harm, not a score
    bad = eval_gate.failures(eval_gate.measure(MODEL_DIR), eval_gate.load_floors())
    assert not bad, "the claim filter lowers the team's figures: " + "; ".join(bad)


def test_quality_floors_only_rise_without_the_explicit_flag():
    current = {"demo": {"all": {"strict_f1": 0.5, "coarse_f1": 0.9, "strict_precision": 0.9, "strict_recall": 0.4,
                                "date_accuracy": 0.8, "false_on_negative": 0, "articles": 1}}}
    floors = {"demo": {"all": {"strict_f1": 0.6, "coarse_f1": 0.8, "date_accuracy": 0.85, "false_on_negative": 0}}}
    raised = eval_gate.new_floors(current, floors, allow_lower=False)["demo"]["all"]
    assert raised["strict_f1"] == 0.6 and raised["coarse_f1"] == 0.9 and raised["date_accuracy"] == 0.85
    assert eval_gate.new_floors(current, floors, allow_lower=True)["demo"]["all"]["strict_f1"] == 0.5
    assert eval_gate.failures(current, floors) == [
        "demo/all strict_f1 0.5000 < floor 0.6000", "demo/all date_accuracy 0.8000 < floor 0.8500"]


def _claim(action: str, instrument: str | None = None):
    import datetime as dt

    from treatywatch.models import Claim, Evidence
    return Claim("a1", "TUR", "paris_agreement", action, dt.date(2021, 10, 6), "explicit", Evidence(0, 10, "x"),
                 confidence=0.9, instrument=instrument)


def test_quality_coarse_score_counts_a_step_of_joining_as_joining(tmp_path):
    from treatywatch.evaluate import evaluate_claims, read_gold

    gold_file = tmp_path / "gold.jsonl"
    gold_file.write_text('{"article": "a1", "state": "TUR", "treaty": "paris_agreement", "action": "parliament_approved", '
                         '"instrument": "ratification", "date": "2021-10-06"}\n', encoding="utf-8")
    gold = read_gold(gold_file)
    # "Turkey's parliament ratified the agreement": a vote on the ratification joins, as the ratification would
    assert evaluate_claims(gold, [_claim("ratified")], ["a1"]).coarse.tp == 1
    assert evaluate_claims(gold, [_claim("parliament_approved", "ratification")], ["a1"]).strict.tp == 1
    # the same vote read as a step of leaving is the wrong direction
    assert evaluate_claims(gold, [_claim("parliament_approved")], ["a1"]).coarse.tp == 0


def test_quality_gold_with_an_instrument_on_a_deposit_is_refused(tmp_path):
    import pytest

    from treatywatch.errors import InputError
    from treatywatch.evaluate import read_gold

    gold_file = tmp_path / "gold.jsonl"
    gold_file.write_text('{"article": "a1", "state": "TUR", "treaty": "paris_agreement", "action": "ratified", '
                         '"instrument": "ratification"}\n', encoding="utf-8")
    with pytest.raises(InputError, match="gold.jsonl:1"):
        read_gold(gold_file)
