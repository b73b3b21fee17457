"""Treaties named by their topic in the word-list languages (extract/concepts.py)."""

import datetime as dt
import json
from importlib import resources

import pytest

from treatywatch import parse_news_text
from treatywatch.extract.concepts import concept_mentions
from treatywatch.registry import load_registry


@pytest.mark.parametrize(
    ("text", "treaty"),
    [
        ("Il governo ha firmato ieri la convenzione che mette al bando le bombe a grappolo.", "ccm"),
        ("Der Bundestag stimmte dem Vertrag über die konventionellen Streitkräfte in Europa zu.", "cfe"),
        ("Польща вийшла з угоди про відкрите небо.", "open_skies"),
        ("Москва денонсировала договор о запрете испытаний ядерного оружия.", "ctbt"),
        ("La Moldavie a adhéré à la convention interdisant les armes chimiques.", "cwc"),
        ("Die Regierung unterzeichnete die Chemiewaffenkonvention im Januar.", "cwc"),
        ("El Senado aprobó el tratado para regular el comercio de armas convencionales.", "att"),
        ("Sejm zgodził się na wypowiedzenie konwencji o zakazie min przeciwpiechotnych.", "apmbc"),
        ("Kijów ratyfikował Rzymski Statut w 2024 roku.", "rome_statute"),
        ("Die Slowakei trat aus dem Pariser Abkommen nicht aus.", "paris_agreement"),
        ("L'Italia ha ratificato l'accordo di Parigi sul clima.", "paris_agreement"),
        ("Россия приостановила участие в ДСНВ в феврале.", "new_start"),
        ("Die Regierung setzte den Atomwaffen-Kontrollvertrag New Start aus.", "new_start"),
        ("Il Cile ha aderito alla convenzione delle Nazioni Unite sul clima.", "unfccc"),
        ("Der Bundestag billigte das VN-Waffenübereinkommen.", "ccw"),
        ("Washington lascia il trattato con Mosca sulle armi nucleari (Inf).", "inf"),
        ("Der Senat billigte den neuen START-Abrüstungsvertrag.", "new_start"),
    ],
)
def test_a_treaty_named_by_its_topic_is_found(text, treaty):
    assert treaty in {m.ref for m in concept_mentions(text)}


@pytest.mark.parametrize(
    "text",
    [
        # Paris the government, not the climate agreement
        "Bamako a dénoncé l'accord de défense conclu avec Paris.",
        "L'accordo tra Roma e Parigi sarà firmato domani.",
        "Je suis d'accord avec Paris sur ce point.",
        # a missile defence system is not the ABM Treaty
        "Der Vertrag steht Plänen für ein Raketenabwehrsystem im Weg.",
        # nuclear tests near a treaty that is not about them
        "Il trattato firmato nel 2010 limita le testate nucleari.",
        # a topic word far from any treaty word
        "Il Parlamento ha votato. " + "Poi " * 40 + "si è parlato di bombe a grappolo.",
        # the Treaty of Rome of 1957 is no statute
        "Il Trattato di Roma fu firmato nel 1957.",
        # treaties in the plural are several, none named
        "Le TICE compte parmi les trois grands traités mondiaux consacrés à la non-prolifération.",
    ],
)
def test_other_things_are_not_taken_for_a_treaty(text):
    assert concept_mentions(text) == []


def test_a_treaty_named_after_the_head_speaks_for_it():
    text = "Moscou gèle le pacte New Start qui limite les arsenaux nucléaires et évoque des tests nucléaires."
    assert {m.ref for m in concept_mentions(text)} == {"new_start"}


def test_two_fitting_treaties_name_neither():
    # banned nuclear tests and nuclear weapons at once: the test-ban treaty or the ban treaty
    text = "Il trattato di divieto degli esperimenti nucleari e delle armi nucleari."
    assert concept_mentions(text) == []


def test_the_data_names_known_treaties_and_valid_patterns():
    data = json.loads(resources.files("treatywatch").joinpath("data/treaty_concepts.json").read_text(encoding="utf-8"))
    ids = set(load_registry().ids)
    assert set(data["treaties"]) <= ids and set(data["names"]) <= ids
    for spec in data["treaties"].values():
        assert spec["signatures"] and all(sig and all(group for group in sig) for sig in spec["signatures"])


def test_an_article_naming_the_treaty_by_its_topic_gives_the_act(extractor):
    art = parse_news_text(
        "Wiadomość\nAgencja\n2021-12-18T10:00:00+01:00\n\n"
        "Rosja formalnie wystąpiła z traktatu o otwartym niebie w piątek.\n", article_id="x")
    got = {(c.state, c.treaty, c.action, c.date) for c in extractor.extract(art) if c.confidence >= 0.5}
    assert ("RUS", "open_skies", "took_effect", dt.date(2021, 12, 17)) in got, got
