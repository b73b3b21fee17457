"""Whose act it is: agents, possessors and prepositional roles (issue 9, real news).

The sentences are invented; each states a grammar rule of attribution the same way the news does."""

import pytest

from treatywatch import parse_news_text

PUB = "2025-06-28T12:00:00+00:00"


def article(body: str, title: str = "Treaty news", published: str = PUB):
    return parse_news_text(f"{title}\nTest Wire\n{published}\n\n{body}\n", article_id="t")


def asserted(claims):
    return {(c.state, c.treaty, c.action) for c in claims if c.modality == "asserted" and c.confidence >= 0.5}


def test_extract_a_passive_agent_list_acts_with_the_states_named_besides(extractor):
    claims = extractor.extract(article(
        "The Arms Trade Treaty gained five parties this week. Besides Portugal, instruments of ratification "
        "were deposited by Chile, Ghana, New Zealand and Peru."))
    assert asserted(claims) == {(s, "att", "ratified") for s in ("PRT", "CHL", "GHA", "NZL", "PER")}


def test_extract_a_passive_agent_that_only_counts_states_names_none(extractor):
    claims = extractor.extract(article(
        "Uruguay hosted talks on the Arms Trade Treaty. It has been signed by 130 countries."))
    assert asserted(claims) == set()


def test_extract_a_reaction_to_an_act_is_not_the_reacting_states_act(extractor):
    claims = extractor.extract(article(
        "The Chinese envoy, who chairs the meeting, hailed the news of the accessions to the Biological Weapons "
        "Convention on Monday."))
    assert asserted(claims) == set()


def test_extract_an_act_noun_owned_by_one_state_is_not_another_states_announcement(extractor):
    claims = extractor.extract(article(
        "The Russian foreign minister announced on 3 March that Moscow would suspend its part in the Open Skies "
        "Treaty as an answer to Washington's withdrawal from the treaty."))
    assert not any(c.state == "USA" for c in claims)


def test_extract_a_by_phrase_inside_another_noun_is_not_the_act_nouns_agent(extractor):
    claims = extractor.extract(article(
        "Belarus announced in May the suspension of the Open Skies Treaty in reply to earlier steps by Poland."))
    assert ("POL", "open_skies", "suspended") not in asserted(claims)
    assert ("BLR", "open_skies", "suspended") in asserted(claims)


def test_extract_a_joining_named_by_its_noun_is_the_ratification_reported_before(extractor):
    ratified = "Chile deposited its instrument of ratification of the Chemical Weapons Convention on 2 May. "
    acceded = "Chile deposited its instrument of accession to the Chemical Weapons Convention on 2 May. "
    later = "Delegates at The Hague applauded Chile's accession on Friday."
    assert asserted(extractor.extract(article(ratified + later))) == {("CHL", "cwc", "ratified")}
    assert asserted(extractor.extract(article(acceded + later))) == {("CHL", "cwc", "acceded")}


def test_extract_joining_an_organisation_that_is_no_treaty_is_no_act(extractor):
    claims = extractor.extract(article(
        "Hungary quit the Rome Statute in 2025. Moldova's EU accession was on the agenda on Monday."))
    assert not any(c.state == "MDA" for c in claims)


def list_claims(extractor, body: str, lang: str):
    art = parse_news_text(f"Nachricht\nWire\n2025-08-27T10:00:00+02:00\n\n{body}\n", article_id="x")
    assert art.language == lang
    return asserted(extractor.extract(art))


@pytest.mark.parametrize(("body", "lang", "expected"), [
    # who receives the instrument does not deposit it
    ("Le ministre suédois des Affaires étrangères a remis à son homologue américain l'instrument d'adhésion au "
     "Traité de l'Atlantique Nord mardi.", "fr", {("SWE", "north_atlantic_treaty", "acceded")}),
    ("Північноатлантичний договір має нового члена. Міністр закордонних справ Фінляндії вручив державному "
     "секретарю США документи щодо вступу країни до НАТО у вівторок.", "uk",
     {("FIN", "north_atlantic_treaty", "acceded")}),
    # a participle after the treaty's name tells the treaty's history, not an act of a state named
    ("La Grèce a rejoint la Convention d'Ottawa, signée le 3 décembre 1997 par 122 pays.", "fr",
     {("GRC", "apmbc", "acceded")}),
    # a participle whose agent, after a date, only counts states
    ("Ayer Chile se adhirió a la Convención de Ottawa, texto firmado en 1997 por más de cien países.", "es",
     {("CHL", "apmbc", "acceded")}),
    ("Ieri il Cile ha aderito alla Convenzione di Ottawa, testo firmato nel 1997 da oltre cento paesi.", "it",
     {("CHL", "apmbc", "acceded")}),
])
def test_word_lists_give_the_act_to_the_state_that_does_it(extractor, body, lang, expected):
    assert list_claims(extractor, body, lang) == expected


@pytest.mark.parametrize(("body", "lang"), [
    ("Czechy ratyfikowały Konwencję o zakazie broni chemicznej w 1996 r., a rok później zostały członkiem OPCW.", "pl"),
    ("Чехия ратифицировала Конвенцию о запрещении химического оружия в 1996 году и стала членом ОЗХО в 1997 году.",
     "ru"),
])
def test_word_lists_a_membership_beside_the_ratification_is_that_ratification(extractor, body, lang):
    assert list_claims(extractor, body, lang) == {("CZE", "cwc", "ratified")}


def test_extract_a_subject_folded_into_a_besides_list_acts(extractor):
    claims = extractor.extract(article(
        "Kenya ratified the Arms Trade Treaty on Monday. Besides Kenya, Norway, Jamaica, and Trinidad and Tobago "
        "have already ratified the treaty."))
    assert asserted(claims) == {(s, "att", "ratified") for s in ("KEN", "NOR", "JAM", "TTO")}


def test_extract_they_opening_a_sentence_is_the_state_the_sentence_before_names(extractor):
    claims = extractor.extract(article(
        "Turkey's deputy premier spoke to reporters on Tuesday. \"Belgium declared an emergency last year. And they "
        "have suspended the European Convention on Human Rights,\" he said.",
        title="Turkey may suspend rights convention"))
    assert asserted(claims) == {("BEL", "echr", "suspended")}


@pytest.mark.parametrize(("body", "lang"), [
    ("Der INF-Vertrag ist Geschichte. Frankreich kritisierte am Montag die Aussetzung des INF-Vertrags.", "de"),
    ("Le traité INF a été suspendu. La France a condamné lundi la suspension du traité INF.", "fr"),
    ("Договор о РСМД приостановлен. Франция в понедельник осудила приостановление Договора о РСМД.", "ru"),
])
def test_word_lists_who_reacts_to_an_act_does_not_do_it(extractor, body, lang):
    assert not any(state == "FRA" for state, _t, _a in list_claims(extractor, body, lang))


@pytest.mark.parametrize(("body", "lang"), [
    ("L'Ukraine a ratifié le Statut de Rome en 2024. Les négociations d'adhésion à l'UE de l'Ukraine ont commencé "
     "lundi.", "fr"),
    ("Ukraina ratyfikowała Statut Rzymski w 2024 r. W poniedziałek ruszyły rozmowy o przystąpieniu Ukrainy do Unii "
     "Europejskiej.", "pl"),
])
def test_word_lists_joining_an_organisation_that_is_no_treaty_is_no_act(extractor, body, lang):
    assert list_claims(extractor, body, lang) == {("UKR", "rome_statute", "ratified")}


@pytest.mark.parametrize("body", [
    # the place a treaty opened for signature is no state that signs or ratifies it
    "The Convention on Cluster Munitions now has 30 parties. Anger at the use of the weapons in 2006 led to talks in "
    "Vienna, and the finished text was laid open for signature and ratification in Vienna at a ceremony that winter.",
    # a count of instruments towards entry into force is nobody's act
    "Mexico hosted the talks. The Arms Trade Treaty takes effect ninety days after the 50th instrument of "
    "ratification has been deposited.",
])
def test_extract_no_state_acts_in_the_treatys_own_history_or_rule(extractor, body):
    assert asserted(extractor.extract(article(body))) == set()


@pytest.mark.parametrize("body", [
    "Mexico ratified the Arms Trade Treaty. He said the governors of Canadian provinces like Ontario were less keen "
    "about signing the treaty than the government.",
    "Chile ratified the Kyoto Protocol. But Peru's opposition attacked the ratification plan of the government as a "
    "mistake.",
])
def test_extract_a_topic_or_a_plan_is_not_the_act(extractor, body):
    assert len(asserted(extractor.extract(article(body)))) == 1


def test_word_lists_know_the_polish_short_name_of_south_africa(extractor):
    body = ("Korea Północna przystąpiła do Układu o nierozprzestrzenianiu broni jądrowej w 1985 r. "
            "RPA przystąpiła do układu w 1991 r.")
    assert list_claims(extractor, body, "pl") == {("PRK", "npt", "acceded"), ("ZAF", "npt", "acceded")}


def test_extract_a_state_that_succeeded_to_a_treaty_acceded(extractor):
    claims = extractor.extract(article("South Sudan succeeded to the Biological Weapons Convention in 2013."))
    assert asserted(claims) == {("SSD", "bwc", "acceded")}


def test_extract_an_act_noun_that_is_the_subject_keeps_the_treaty_it_names(extractor):
    claims = extractor.extract(article(
        "Russia left the Treaty on Conventional Armed Forces in Europe in 2023. Moscow said that Finland's accession "
        "to NATO meant that the treaty was dead."))
    assert ("FIN", "north_atlantic_treaty", "acceded") in asserted(claims)
    assert not any(c.state == "FIN" and c.treaty == "cfe" for c in claims)
