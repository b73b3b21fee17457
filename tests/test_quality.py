"""The extraction quality gate (tests/eval_gate.py) as part of the test suite."""

from . import eval_gate


def test_quality_no_metric_below_its_pinned_floor():
    floors = eval_gate.load_floors()
    assert floors, "tests/eval_baseline.json is missing: run python tests/eval_gate.py --update"
    bad = eval_gate.failures(eval_gate.measure(), floors)
    assert not bad, "extraction quality fell: " + "; ".join(bad)


def test_quality_floors_only_rise_without_the_explicit_flag():
    current = {"demo": {"all": {"strict_f1": 0.5, "coarse_f1": 0.9, "strict_precision": 0.9, "strict_recall": 0.4,
                                "date_accuracy": 0.8, "false_on_negative": 0, "articles": 1}}}
    floors = {"demo": {"all": {"strict_f1": 0.6, "coarse_f1": 0.8, "date_accuracy": 0.85, "false_on_negative": 0}}}
    raised = eval_gate.new_floors(current, floors, allow_lower=False)["demo"]["all"]
    assert raised["strict_f1"] == 0.6 and raised["coarse_f1"] == 0.9 and raised["date_accuracy"] == 0.85
    assert eval_gate.new_floors(current, floors, allow_lower=True)["demo"]["all"]["strict_f1"] == 0.5
    assert eval_gate.failures(current, floors) == [
        "demo/all strict_f1 0.5000 < floor 0.6000", "demo/all date_accuracy 0.8000 < floor 0.8500"]
