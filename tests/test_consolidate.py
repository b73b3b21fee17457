import datetime as dt

from treatywatch import Claim, consolidate_events
from treatywatch.consolidate import apply_reviews, machine_date
from treatywatch.models import Evidence, Review

D = dt.date


def claim(article, date, basis="explicit", action="notified", state="LTU", modality="asserted", confidence=0.9,
          background=False, precision="day", bound=D(2025, 6, 30)):
    return Claim(article=article, state=state, treaty="apmbc", action=action, date=date, date_basis=basis,
                 date_precision=precision if date else None, bound=bound, evidence=Evidence(0, 1, "x"),
                 modality=modality, confidence=confidence, background=background)


def test_consolidate_copies_count_once_and_conflicts_are_kept():
    claims = [claim("a1", D(2025, 6, 27)), claim("a2", D(2025, 6, 27)), claim("a3", D(2025, 6, 28), "relative")]
    (event,) = consolidate_events(claims, originals={"a2": "a1"})
    assert event.date == D(2025, 6, 27)
    assert event.sources == ("a1", "a2", "a3")
    assert event.independent == 2
    assert event.conflicts == ("a3 gives 2025-06-28 (relative)",)
    assert "1 of 2 independent" in event.note


def test_consolidate_agreement_of_independent_sources_wins():
    claims = [claim("a1", D(2025, 6, 28)), claim("a2", D(2025, 6, 27), "relative"),
              claim("a3", D(2025, 6, 27), "relative")]
    (event,) = consolidate_events(claims)
    assert event.date == D(2025, 6, 27)
    # copies do not make agreement: a2 and its copies against an independent explicit date
    copied = [claim("a1", D(2025, 6, 28)), claim("a2", D(2025, 6, 27), "relative"),
              claim("a3", D(2025, 6, 27), "relative")]
    (event,) = consolidate_events(copied, originals={"a3": "a2"})
    assert event.date == D(2025, 6, 28)


def test_consolidate_record_beats_press():
    claims = [claim("a1", D(2025, 6, 28)), claim("a2", D(2025, 6, 28)), claim("status:t.csv", D(2025, 6, 27), "record")]
    (event,) = consolidate_events(claims)
    assert (event.date, event.date_basis) == (D(2025, 6, 27), "record")
    assert len(event.conflicts) == 2


def test_consolidate_ignores_unasserted_and_weak_claims():
    claims = [claim("a1", D(2025, 6, 27), modality="planned"), claim("a2", D(2025, 6, 27), confidence=0.3)]
    assert consolidate_events(claims) == []


def test_consolidate_separate_acts_stay_separate():
    claims = [claim("a1", D(2019, 11, 4), state="USA"), claim("a2", D(2025, 1, 27), state="USA")]
    assert [e.date for e in consolidate_events(claims)] == [D(2019, 11, 4), D(2025, 1, 27)]


def test_consolidate_bounded_claim_joins_the_earlier_event():
    claims = [claim("a1", D(2025, 6, 27)), claim("a2", None, "bounded", bound=D(2025, 6, 28))]
    (event,) = consolidate_events(claims)
    assert event.date == D(2025, 6, 27) and event.sources == ("a1", "a2")
    (alone,) = consolidate_events([claim("a2", None, "bounded", bound=D(2025, 6, 28))])
    assert alone.date is None and alone.bound == D(2025, 6, 28) and alone.id.endswith("by-2025-06-28")


def test_consolidate_background_only_confirms_history():
    recent = claim("a1", D(2003, 5, 12), "record", action="ratified")
    old = claim("a2", D(2003, 1, 1), action="ratified", precision="year", background=True)
    (event,) = consolidate_events([recent, old])
    assert event.sources == ("a1", "a2")
    # a year-only background mention alone makes no event
    assert consolidate_events([old]) == []
    # nor one that contradicts a better-dated event
    wrong = claim("a3", D(2004, 1, 1), action="ratified", precision="year", background=True)
    (event,) = consolidate_events([recent, wrong])
    assert event.sources == ("a1",)


def test_consolidate_undated_join_never_makes_an_event():
    assert consolidate_events([claim("a1", None, "bounded", action="acceded")]) == []


def test_consolidate_multisource_corpus_into_expected_events(bare_ledger, extractor):
    """36 articles on 6 real acts, with syndicated copies and a date conflict (tests/data/multisource)."""
    import json
    import pathlib

    from treatywatch import ingest

    folder = pathlib.Path(__file__).parent / "data" / "multisource"
    report = ingest(sorted(str(p) for p in folder.glob("*.txt")), bare_ledger, extractor)
    assert (report.ingested, report.rejected) == (36, 0)
    expected = json.loads((folder / "expected_events.json").read_text(encoding="utf-8"))
    events = bare_ledger.events()
    assert len(events) == len(expected)
    originals = bare_ledger.originals()
    for act in expected:
        (event,) = [e for e in events if (e.state, e.treaty, e.action) == (act["state"], act["treaty"], act["action"])]
        assert event.date == D.fromisoformat(act["date"]), event
        assert sorted(event.sources) == sorted(act["articles"])
        assert event.independent == act["independent"]
        assert sorted(c.split(" gives ")[1][:10] for c in event.conflicts) == act["conflicting_dates"]
        for group in act["copies"]:
            original, copies = group[0], group[1:]
            assert original not in originals
            assert all(originals.get(c) == original for c in copies), (group, originals)


def test_consolidate_bounded_claim_before_a_record_joins_it():
    record = claim("status:t.csv", D(2025, 7, 10), "record", state="FIN")
    early = claim("a1", None, "bounded", state="FIN", bound=D(2025, 6, 28))
    (event,) = consolidate_events([record, early])
    assert event.date == D(2025, 7, 10) and event.sources == ("status:t.csv", "a1")


def review(event_id, verdict, machine_date=D(2025, 6, 27), **changes):
    return Review(event_id=event_id, state="LTU", treaty="apmbc", action="notified", machine_date=machine_date,
                  verdict=verdict, changes=changes, by="ana", reason="depositary")


def test_consolidate_reviews_follow_an_event_whose_date_moved():
    (event,) = consolidate_events([claim("a1", D(2025, 6, 27))])
    (moved,) = consolidate_events([claim("a1", D(2025, 6, 27)), claim("status:t.csv", D(2025, 7, 2), "record")])
    assert moved.id != event.id
    (edited,) = apply_reviews([moved], [review(event.id, "edit", date="2025-06-26")])
    assert (edited.id, edited.date, edited.date_basis, edited.reviewed) == (moved.id, D(2025, 6, 26), "review", "edited")
    assert apply_reviews([moved], [review(event.id, "edit", date="2025-06-26"), review(event.id, "reject")]) == []
    far = review(event.id, "reject", machine_date=D(2025, 1, 1))  # outside the merge window: another act
    assert apply_reviews([moved], [far]) == [moved]


def test_consolidate_machine_date_is_the_first_reviews():
    (event,) = consolidate_events([claim("a1", D(2025, 6, 27))])
    assert machine_date(event, []) == D(2025, 6, 27)
    (edited,) = apply_reviews([event], [review(event.id, "edit", date="2025-06-20")])
    assert machine_date(edited, [review(event.id, "edit", date="2025-06-20")]) == D(2025, 6, 27)
