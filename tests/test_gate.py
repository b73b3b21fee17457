"""Tests for treatywatch.gate: the states' written forms in data/states.csv."""

from __future__ import annotations

import importlib
import importlib.resources
import json

import pytest

from treatywatch.gate import Lexicon, load_states
from treatywatch.registry import load_registry

COLUMNS = ("name", "aliases", "demonyms", "capitals", "institutions", "de", "fr", "ru", "uk", "pl", "es", "it")
LANGUAGES = ("de", "fr", "ru", "uk", "pl", "es", "it")
# written so in news although a stop list has the word in lower case ("usa", Italian for "uses")
ALLOWED_COMMON = {"USA", "Usa"}


def _written(value: str, column: str) -> set[str]:
    """The spellings the gate looks for: a Slavic lower-case adjective also opens a sentence."""
    if value[:1].islower() and column in ("ru", "uk", "pl"):
        return {value, value[:1].upper() + value[1:]}
    return {value}


def test_gate_state_forms_belong_to_one_state() -> None:
    owners: dict[str, set[str]] = {}
    for iso3, row in load_states().items():
        for column in COLUMNS:
            for value in row[column]:
                for spelling in _written(value, column):
                    owners.setdefault(spelling, set()).add(iso3)
    assert {form: sorted(states) for form, states in owners.items() if len(states) > 1} == {}


def test_gate_state_forms_are_not_function_words() -> None:
    text = importlib.resources.files("treatywatch").joinpath("data/stopwords.json").read_text(encoding="utf-8")
    common = {w.lower() for words in json.loads(text).values() if isinstance(words, list) for w in words}
    for code in ("en",) + LANGUAGES:
        common |= {w.lower() for w in importlib.import_module(f"spacy.lang.{code}.stop_words").STOP_WORDS}
    found = {(iso3, value) for iso3, row in load_states().items() for column in LANGUAGES for value in row[column]
             if value.lower() in common and value not in ALLOWED_COMMON}
    assert found == set()


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return Lexicon(load_registry())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a name in another case than the nominative, and the adjective in its declined forms
        ("Парламент Комор ратифицировал договор.", "COM"),
        ("Правительство Ганы подписало конвенцию.", "GHA"),
        ("Чадская делегация подписала протокол.", "TCD"),
        ("Уряд Чаду підписав угоду.", "TCD"),
        ("Тайванська делегація", "TWN"),
        ("Na Komorach parlament przyjął ustawę.", "COM"),
        ("Rząd czadyjski ratyfikował konwencję.", "TCD"),
        ("Die tschadische Regierung unterzeichnete.", "TCD"),
        ("Le gouvernement tchadien a ratifié.", "TCD"),
        ("El Gobierno chadiano firmó.", "TCD"),
        ("Il governo ciadiano ha firmato.", "TCD"),
    ],
)
def test_gate_declined_state_names_are_found(lexicon: Lexicon, text: str, expected: str) -> None:
    assert expected in {m.ref for m in lexicon.state_mentions(text)}


def test_gate_another_state_in_a_longer_name_is_not_found(lexicon: Lexicon) -> None:
    """The declined short name inside a longer one ("Гвинеи" in "Экваториальной Гвинеи") is the longer name's state."""
    assert {m.ref for m in lexicon.state_mentions("Правительство Экваториальной Гвинеи")} == {"GNQ"}
    assert {m.ref for m in lexicon.state_mentions("Rząd Sudanu Południowego")} == {"SSD"}


@pytest.mark.parametrize("text", ["The Indian Ocean archipelago acceded to the statute.", "off the Gulf of Mexico coast",
                                  "États insulaires de l'océan Indien", "острова в Индийском океане",
                                  "patrols in the South China Sea"])
def test_gate_a_place_named_after_a_state_is_not_the_state(lexicon: Lexicon, text: str) -> None:
    assert lexicon.state_mentions(text) == []


def test_gate_the_state_beside_a_place_named_after_it_is_found(lexicon: Lexicon) -> None:
    got = [(m.text, m.ref) for m in lexicon.state_mentions("India, on the Indian Ocean, signed; the Indian envoy spoke.")]
    assert got == [("India", "IND"), ("Indian", "IND")]
