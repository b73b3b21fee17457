"""Statements: who said what about an act, on which channel, for or against it, and why."""

import json

import pytest

import treatywatch
from treatywatch import api
from treatywatch.ingest import parse_news_text
from treatywatch.statements import extract_statements, filter_statements

from . import statements_gate
from .conftest import SEED
from .test_cli import run


@pytest.fixture(scope="module")
def seed_ledger():
    ledger = treatywatch.Ledger.memory()
    api.ingest([str(SEED)], ledger)
    return ledger


def test_seed_five_quotations_with_speaker_state_channel_and_event(seed_ledger):
    said = seed_ledger.statements()
    direct = [s for s in said if s.kind == "direct"]
    assert [(s.speaker, s.state) for s in direct] == [("Kęstutis Budrys", "LTU")] * 3 + [("Margus Tsahkna", "EST")] * 2
    assert all(s.channel == "X" for s in direct if s.speaker == "Kęstutis Budrys")
    text = SEED.read_text(encoding="utf-8")
    article = parse_news_text(text, SEED.stem)
    for s in direct:
        assert article.text[s.start:s.end] == s.text and s.text.startswith("“")
        assert s.event == f"{s.state}-apmbc-notified-2025-06-27" and s.treaty == "apmbc" and not s.other
    threat = next(s for s in direct if "existential threat" in s.text)
    assert "security_threat" in threat.reason_codes
    assert any(r.label == "security threat named" and "threat" in r.words for r in threat.reasons)
    flexibility = next(s for s in direct if "greater flexibility" in s.text)
    assert any(r.code == "military_flexibility" and r.words == "flexibility" for r in flexibility.reasons)
    assert flexibility.reasons[0].label == "military flexibility"


def test_seed_reported_commitments_to_humanitarian_law(seed_ledger):
    reported = [s for s in seed_ledger.statements() if s.kind == "reported" and "humanitarian law" in s.text]
    assert [(s.speaker, s.state, s.event) for s in reported] == [
        ("Kęstutis Budrys", "LTU", "LTU-apmbc-notified-2025-06-27"),
        ("Margus Tsahkna", "EST", "EST-apmbc-notified-2025-06-27")]
    assert all("humanitarian" in s.reason_codes and s.stance == "for" for s in reported)
    assert reported[1].text.startswith("Tsahkna also noted that Estonia remains committed")


NGO = """Campaigners urge Poland to stay in mine ban treaty
Test Wire
2025-04-02T10:00:00+00:00

GENEVA - The International Campaign to Ban Landmines said on Wednesday that Poland's plan to leave the Ottawa Convention would put civilians at risk for decades.
Human Rights Watch urged Warsaw to stay in the treaty and called the plan a dangerous precedent.
Germany's foreign ministry said Berlin regretted the plan but respected the decision of its ally.
"""


def test_statements_by_ngos_and_other_states_are_marked_and_never_claims():
    article = parse_news_text(NGO, "ngo")
    claims = treatywatch.extract_claims(article)
    said = extract_statements(article, claims)
    by = {s.body or s.speaker: s for s in said}
    assert by["ICBL"].other and by["ICBL"].speaker_kind == "organisation" and by["ICBL"].about == "POL"
    assert "humanitarian" in by["ICBL"].reason_codes
    assert by["Human Rights Watch"].stance == "against" and by["Human Rights Watch"].other
    germany = next(s for s in said if s.state == "DEU")
    assert germany.other and germany.about == "POL"
    # none of them makes a claim that a state acted: the ledger holds extraction's claims only
    assert not [c for c in claims if c.state == "DEU"]
    ledger = treatywatch.Ledger.memory(baseline=False)
    ledger.add_article(article, claims, statements=said)
    assert [c.to_export() for c in ledger.claims()] == [c.to_export() for c in claims]
    assert len(ledger.statements(state="POL")) == 3 and ledger.statements(state="DEU") == [germany]


def test_filters_and_reason_labels(seed_ledger):
    said = seed_ledger.statements()
    assert filter_statements(said, reason="security threat named") == filter_statements(said, reason="security_threat")
    assert {s.state for s in seed_ledger.statements(state="EST")} <= {"EST", "EST|LTU|LVA"}
    assert all(s.stance == "for" for s in seed_ledger.statements(stance="for"))
    assert seed_ledger.statements(event="LTU-apmbc-notified-2025-06-27")[0].speaker == "Kęstutis Budrys"
    assert "005_statements" in seed_ledger.migrations()


def test_cli_statements_export_timeline_and_event(tmp_path):
    db = tmp_path / "t.db"
    assert "10 statements" in run("ingest", str(SEED), db=db).output
    found = json.loads(run("statements", "--state", "LTU", "--reason", "security_threat", "--format", "json",
                           db=db).output)
    assert found and all(any(r["code"] == "security_threat" for r in s["reasons"]) for s in found)
    assert found[0]["speaker"] == "Kęstutis Budrys" and found[0]["channel"] == "X"
    csv_out = run("statements", "--stance", "for", "--format", "csv", db=db).output
    assert csv_out.startswith("date,article,kind,speaker")
    exported = json.loads(run("export", "statements", "--format", "json", db=db).output)
    assert len(exported) == 10 and exported[0]["event"] == "LTU-apmbc-notified-2025-06-27"
    assert "Kęstutis Budrys" in run("export", "statements", db=db).output
    timeline = run("timeline", "EST", db=db).output
    assert "statements about EST's acts" in timeline and "Margus Tsahkna" in timeline
    detail = run("event", "LTU-apmbc-notified-2025-06-27", db=db).output
    assert "statements (" in detail and "Kęstutis Budrys" in detail and "security_threat" in detail
    quotes = json.loads(run("quotes", "--state", "EST", "--format", "json", db=db).output)
    assert [q["speaker"] for q in quotes if q["speaker"] == "Margus Tsahkna"] == ["Margus Tsahkna"] * 2
    assert run("statements", "--reason", "nonsense", db=db).exit_code != 0


def test_cli_evaluate_statements_prints_precision_and_recall():
    out = run("evaluate", "--statements", "tests/data/statements_gold.jsonl", "tests/data/articles").output
    assert "speaker" in out and "reasons" in out and " P " in out and " R " in out


def test_statements_gold_is_large_enough_and_well_formed():
    from treatywatch.statements import read_statement_gold

    gold = read_statement_gold(str(statements_gate.GOLD))
    assert len(gold) >= 60
    assert {g["article"] for g in gold} & {p.stem for p in (statements_gate.DATA / "realnews").rglob("*.txt")} == set()


def test_statements_quality_no_metric_below_its_pinned_floor():
    floors = json.loads(statements_gate.BASELINE.read_text(encoding="utf-8"))
    assert set(floors) >= {"speaker", "state", "stance", "reasons"}
    bad = statements_gate.failures(statements_gate.measure(), floors)
    assert not bad, "statement quality fell: " + "; ".join(bad)


def test_statements_first_chars_are_what_the_letter_matches_under_ignorecase():
    """``_first_chars`` stands in for a letter under re.IGNORECASE in the rules' patterns: it must
    give exactly the characters the engine matches (every code point checked)."""
    import re
    import string

    from treatywatch.statements import _first_chars

    every = "".join(map(chr, range(0x110000)))
    for letter in string.ascii_letters:
        assert set(_first_chars(letter, True)) == set(re.findall(re.escape(letter), every, re.IGNORECASE)), letter
        assert _first_chars(letter, False) == letter
    assert _first_chars("É", True) is None and _first_chars("É", False) == "É"


def test_statements_alternation_matches_as_the_plain_alternation():
    """The phrases grouped by first character match exactly what the plain alternation of them
    (longest first) matches, with and without re.IGNORECASE, alone and inside a longer pattern."""
    import re

    from treatywatch.statements import _alternation_source, _cue

    raw = json.loads((statements_gate.ROOT / "src" / "treatywatch" / "data" / "statements.json").read_text(encoding="utf-8"))
    lists = [raw["reporting_verbs"], raw["roles"], raw["government_bodies"], list(raw["organisations"]),
             raw["not_speakers"], *raw["stance"].values(), *(words for _c, _l, words in raw["reasons"]),
             ["said", "Said", "spokesman", "Spokeswoman", "İstanbul", "ſo", "Kelvin"], [" said", "told"], ["* said", "told"]]
    texts = [p.read_text(encoding="utf-8") for p in sorted((statements_gate.DATA / "corpus").glob("*.txt"))]
    texts.append("SAID İstanbul ſo kelvin Said-said said_ SPOKESMAN Foreign minister FOREIGN MINISTER")
    for phrases in lists:
        plain = r"(?<![\w-])(?:" + "|".join(_cue(p) for p in sorted(set(phrases), key=len, reverse=True)) + ")"
        for flags in (0, re.IGNORECASE):
            grouped = _alternation_source(phrases, bool(flags))
            for old, new in ((plain, grouped), (rf"(?P<a>(?:[A-Z]\w+\s+){{0,2}}{plain})\s+(?P<b>\w+)",
                                                  rf"(?P<a>(?:[A-Z]\w+\s+){{0,2}}{grouped})\s+(?P<b>\w+)")):
                o, n = re.compile(old, flags), re.compile(new, flags)
                for text in texts:
                    assert [m.groups() + m.span() for m in o.finditer(text)] == \
                        [m.groups() + m.span() for m in n.finditer(text)]


def test_statements_sentence_cuts_and_role_words_match_their_plain_patterns():
    """The sentence cuts skip the search where it cannot match, and the words that begin a role
    before a name are grouped by first character: both give exactly what the plain patterns give."""
    import re

    from treatywatch.gate import split_sentences
    from treatywatch.statements import _EXTRA_SPLIT, _NAME, _ROLE_COMMA_NAME, _extra_cuts

    plain = re.compile(rf"(?P<role>\b(?i:head|chief|leader|director|spokes\w+|minister|president|ambassador|adviser|advisor"
                       rf"|chairman|chairwoman|chair|secretary|envoy|deputy|official)\b[^,.;]{{0,70}}),\s+(?P<name>{_NAME}),")
    texts = [p.read_text(encoding="utf-8") for p in sorted((statements_gate.DATA / "corpus").glob("*.txt"))]
    texts += ["It ended.Then it began!“Yes” he said.\"No\" And then?", "the HEAD of the agency, Ali Salajegheh, said",
              "Spokeswoman for the Kremlin, Maria Zakharova, said", "a CHAIR, Jane Doe, and chief, John Roe Smith,",
              "no mark here", "x.", "ab.\"C", "ab.C", "line\nbreak", "\n"]
    for text in texts:
        assert [m.groupdict() | {"at": m.span()} for m in plain.finditer(text)] == \
            [m.groupdict() | {"at": m.span()} for m in _ROLE_COMMA_NAME.finditer(text)]
        for sentence in [text] + [text[s:e] for s, e in split_sentences(text)]:
            assert _extra_cuts(sentence) == [m.end() for m in _EXTRA_SPLIT.finditer(sentence)]
