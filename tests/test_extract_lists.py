"""Extraction in the word-list languages: clauses, lists of states, dates per state."""

import datetime as dt

import pytest

from treatywatch import parse_news_text


def claims_of(extractor, text: str, lang: str, published: str = "2025-08-27T10:00:00+02:00"):
    art = parse_news_text(f"Nachricht\nWire\n{published}\n\n{text}\n", article_id="x")
    assert art.language == lang
    return {(c.state, c.action, c.modality, c.date) for c in extractor.extract(art) if c.confidence >= 0.5}


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # two clauses, two acts, each with its own year
        ("Litauen hatte die Ottawa-Konvention 1999 unterzeichnet und 2003 ratifiziert.", "de",
         {("LTU", "signed", "asserted", dt.date(1999, 1, 1)), ("LTU", "ratified", "asserted", dt.date(2003, 1, 1))}),
        # the act said once, then again for other states with their own dates
        ("Le Mali avait ratifié le Statut de Rome en 2000, le Niger en 2002 et le Burkina Faso en 2004.", "fr",
         {("MLI", "ratified", "asserted", dt.date(2000, 1, 1)), ("NER", "ratified", "asserted", dt.date(2002, 1, 1)),
          ("BFA", "ratified", "asserted", dt.date(2004, 1, 1))}),
        ("Litwa, Łotwa i Estonia notyfikowały wypowiedzenie konwencji ottawskiej 27 czerwca, a Finlandia – 10 lipca.",
         "pl", {("LTU", "notified", "asserted", dt.date(2025, 6, 27)), ("LVA", "notified", "asserted", dt.date(2025, 6, 27)),
                ("EST", "notified", "asserted", dt.date(2025, 6, 27)), ("FIN", "notified", "asserted", dt.date(2025, 7, 10))}),
        # a list of states, each with its year in brackets
        ("Ungarn hat seinen Austritt aus dem Römischen Statut erklärt. Vor Ungarn hatten nur Burundi (2017) und die "
         "Philippinen (2019) den Strafgerichtshof verlassen.",
         "de", {("BDI", "took_effect", "asserted", dt.date(2017, 1, 1)),
                ("PHL", "took_effect", "asserted", dt.date(2019, 1, 1))}),
        # a group of states named as one
        ("Die baltischen Staaten haben am Freitag die Vereinten Nationen über ihren Austritt aus der Ottawa-Konvention "
         "unterrichtet.", "de",
         {("EST", "notified", "asserted", dt.date(2025, 8, 22)), ("LVA", "notified", "asserted", dt.date(2025, 8, 22)),
          ("LTU", "notified", "asserted", dt.date(2025, 8, 22))}),
        # "no longer a party" says the withdrawal took effect; its "не" is no denial
        ("Фінляндія сьогодні більше не є учасницею Оттавської конвенції про заборону протипіхотних мін.", "uk",
         {("FIN", "took_effect", "asserted", dt.date(2025, 8, 27))}),
        # the subject after the verb, in a list that runs over several clauses
        ("Ранее о выходе из Оттавской конвенции ООН уведомили Эстония, Латвия и Литва — 27 июня.", "ru",
         {("EST", "notified", "asserted", dt.date(2025, 6, 27)), ("LVA", "notified", "asserted", dt.date(2025, 6, 27)),
          ("LTU", "notified", "asserted", dt.date(2025, 6, 27))}),
    ],
)
def test_word_lists_read_each_clause_and_each_listed_state(extractor, text, lang, expected):
    got = claims_of(extractor, text, lang)
    assert expected <= got, got


def test_word_lists_a_noun_alone_is_not_an_act(extractor):
    # "the decision to leave is explained by the threat from Russia": no act, and Russia is not an actor
    got = claims_of(extractor, "Решение о выходе из Оттавской конвенции власти объясняют угрозой со стороны России.",
                    "ru")
    assert not any(state == "RUS" or modality == "asserted" and action == "intent_announced"
                   for state, action, modality, _ in got), got


def test_word_lists_a_place_is_not_an_actor(extractor):
    got = claims_of(extractor, "Договор по открытому небу, подписанный в 1992 году в Хельсинки, позволял "
                    "государствам проводить наблюдательные полёты.", "ru")
    assert not any(state == "FIN" for state, *_ in got), got


def test_word_lists_reported_speech_is_not_a_notification(extractor):
    text = ("Верховна Рада ухвалила закон про зупинення дії Оттавської конвенції. Того ж дня президент Володимир "
            "Зеленський повідомив, що невідкладно підписав закон.")
    got = claims_of(extractor, text, "uk", published="2025-07-15T18:00:00+03:00")
    assert any(state == "UKR" and action == "law_signed" and modality == "asserted"
               for state, action, modality, _ in got), got
    assert not any(action == "notified" for _, action, *_ in got), got


def test_word_lists_recipients_are_not_notifiers(extractor):
    text = ("Президент США Джордж Буш у четвер оголосив про вихід Сполучених Штатів із Договору про ПРО. "
            "Того ж дня аналогічні повідомлення отримали уряди України, Казахстану та Білорусі.")
    got = claims_of(extractor, text, "uk", published="2001-12-14T10:00:00+02:00")
    assert not any(state in ("UKR", "KAZ", "BLR") for state, *_ in got), got


def test_word_lists_an_account_is_not_a_plan_and_a_purpose_is_not_an_act(extractor):
    text = ("Le président burundais Pierre Nkurunziza a promulgué mardi la loi portant retrait du Burundi du Statut "
            "de Rome, a annoncé la présidence sur son compte Twitter. Pour que le retrait devienne effectif, "
            "Bujumbura doit encore le notifier par écrit au secrétaire général des Nations unies.")
    got = claims_of(extractor, text, "fr", published="2016-10-18T21:00:00+02:00")
    assert ("BDI", "law_signed", "asserted", dt.date(2016, 10, 18)) in got, got
    assert not any(action == "took_effect" and modality == "asserted" for _, action, modality, _ in got), got
