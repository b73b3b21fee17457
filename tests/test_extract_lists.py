"""Extraction in the word-list languages: clauses, lists of states, dates per state."""

import datetime as dt

import pytest

from treatywatch import parse_news_text


def claims_of(extractor, text: str, lang: str, published: str = "2025-08-27T10:00:00+02:00"):
    art = parse_news_text(f"Nachricht\nWire\n{published}\n\n{text}\n", article_id="x")
    assert art.language == lang
    return {(c.state, c.action, c.modality, c.date) for c in extractor.extract(art) if c.confidence >= 0.5}


def _asserted(extractor, text: str) -> set[tuple[str, str, str]]:
    """The (state, treaty, action) of the asserted claims of ``text`` as a one-article news text."""
    art = parse_news_text(f"Nachricht\nWire\n2025-08-27T10:00:00+02:00\n\n{text}\n", article_id="x")
    return {(c.state, c.treaty, c.action) for c in extractor.extract(art)
            if c.modality == "asserted" and c.confidence >= 0.5}


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


# Spanish and Italian: the same kinds of cases, in sentences written for these tests.
@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # an act with a full date, with "de" between day, month and year
        ("Lituania notificó el 27 de junio de 2025 al secretario general de la ONU su retirada de la Convención de "
         "Ottawa.", "es", {("LTU", "notified", "asserted", dt.date(2025, 6, 27))}),
        # a numeric date, day first
        ("La Lettonia ha notificato il 27/06/2025 al segretario generale dell'ONU il recesso dalla Convenzione di "
         "Ottawa.", "it", {("LVA", "notified", "asserted", dt.date(2025, 6, 27))}),
        # two clauses, two acts, each with its own year
        ("Lituania firmó la Convención de Ottawa en 1999 y la ratificó en 2003.", "es",
         {("LTU", "signed", "asserted", dt.date(1999, 1, 1)), ("LTU", "ratified", "asserted", dt.date(2003, 1, 1))}),
        # the act said once, then again for other states with their own years
        ("Malí ratificó el Estatuto de Roma en 2000, Níger en 2002 y Burkina Faso en 2004.", "es",
         {("MLI", "ratified", "asserted", dt.date(2000, 1, 1)), ("NER", "ratified", "asserted", dt.date(2002, 1, 1)),
          ("BFA", "ratified", "asserted", dt.date(2004, 1, 1))}),
        ("Il Mali ha ratificato lo Statuto di Roma nel 2000, il Niger nel 2002 e il Burkina Faso nel 2004.", "it",
         {("MLI", "ratified", "asserted", dt.date(2000, 1, 1)), ("NER", "ratified", "asserted", dt.date(2002, 1, 1)),
          ("BFA", "ratified", "asserted", dt.date(2004, 1, 1))}),
        # a list of states, then another state with its own date
        ("Lituania, Letonia y Estonia notificaron su retirada de la Convención de Ottawa el 27 de junio, y Finlandia "
         "el 10 de julio.", "es",
         {("LTU", "notified", "asserted", dt.date(2025, 6, 27)), ("LVA", "notified", "asserted", dt.date(2025, 6, 27)),
          ("EST", "notified", "asserted", dt.date(2025, 6, 27)), ("FIN", "notified", "asserted", dt.date(2025, 7, 10))}),
        # groups of states named as one, dated by a weekday (published on Wednesday 27 August 2025)
        ("Los países bálticos comunicaron a la ONU el viernes su retirada del Tratado de Ottawa.", "es",
         {("EST", "notified", "asserted", dt.date(2025, 8, 22)), ("LVA", "notified", "asserted", dt.date(2025, 8, 22)),
          ("LTU", "notified", "asserted", dt.date(2025, 8, 22))}),
        ("I paesi baltici hanno notificato venerdì all'ONU il recesso dalla Convenzione di Ottawa.", "it",
         {("EST", "notified", "asserted", dt.date(2025, 8, 22)), ("LVA", "notified", "asserted", dt.date(2025, 8, 22)),
          ("LTU", "notified", "asserted", dt.date(2025, 8, 22))}),
        ("Los países del Sahel anunciaron el lunes su retirada del Estatuto de Roma.", "es",
         {("BFA", "intent_announced", "asserted", dt.date(2025, 8, 25)),
          ("MLI", "intent_announced", "asserted", dt.date(2025, 8, 25)),
          ("NER", "intent_announced", "asserted", dt.date(2025, 8, 25))}),
        # a parliament's vote and a president's signature of the law
        ("El Parlamento de Letonia aprobó el 16 de abril de 2025 la ley de retirada de la Convención de Ottawa.", "es",
         {("LVA", "parliament_approved", "asserted", dt.date(2025, 4, 16))}),
        ("Il Parlamento lettone ha approvato il 16 aprile 2025 la legge sul recesso dalla Convenzione di Ottawa.", "it",
         {("LVA", "parliament_approved", "asserted", dt.date(2025, 4, 16))}),
        ("Il presidente lettone ha firmato il 24 aprile 2025 la legge sul recesso dalla Convenzione di Ottawa.", "it",
         {("LVA", "law_signed", "asserted", dt.date(2025, 4, 24))}),
        # accession
        ("Palestina se adhirió al Estatuto de Roma el 2 de enero de 2015.", "es",
         {("PSE", "acceded", "asserted", dt.date(2015, 1, 2))}),
        ("La Palestina ha aderito allo Statuto di Roma il 2 gennaio 2015.", "it",
         {("PSE", "acceded", "asserted", dt.date(2015, 1, 2))}),
        ("Suecia se adhirió a la OTAN el 7 de marzo de 2024.", "es",
         {("SWE", "acceded", "asserted", dt.date(2024, 3, 7))}),
        # "no longer a party" says the withdrawal took effect; its "no" / "non" is no denial
        ("Hungría ya no es parte del Estatuto de Roma desde hoy.", "es",
         {("HUN", "took_effect", "asserted", dt.date(2025, 8, 27))}),
        ("L'Ungheria da oggi non è più parte dello Statuto di Roma.", "it",
         {("HUN", "took_effect", "asserted", dt.date(2025, 8, 27))}),
        # negation: never ratified, never signed
        ("Polonia no ha ratificado nunca el Tratado sobre la Prohibición de las Armas Nucleares.", "es",
         {("POL", "ratified", "denied", None)}),
        ("La Polonia non ha mai firmato il Trattato sulla proibizione delle armi nucleari.", "it",
         {("POL", "signed", "denied", None)}),
        # a withdrawal that will take effect is planned
        ("Il recesso dell'Ungheria dallo Statuto di Roma avrà effetto il 2 giugno 2026.", "it",
         {("HUN", "took_effect", "planned", dt.date(2026, 6, 2))}),
    ],
)
def test_word_lists_spanish_and_italian(extractor, text, lang, expected):
    got = claims_of(extractor, text, lang)
    assert expected <= got, got


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Finlandia planea retirarse de la Convención de Ottawa.", "es"),
        ("La Finlandia intende uscire dalla Convenzione di Ottawa.", "it"),
        ("Si Lituania abandona la Convención de Ottawa, otros países podrían seguir su ejemplo.", "es"),
        ("Polonia no se retirará del Acuerdo de París, dijo el ministro.", "es"),
        ("La Polonia non uscirà dall'Accordo di Parigi, ha detto il ministro.", "it"),
    ],
)
def test_word_lists_spanish_and_italian_plans_and_denials_are_not_acts(extractor, text, lang):
    got = claims_of(extractor, text, lang)
    assert got and not any(modality == "asserted" and action in ("took_effect", "notified")
                           for _, action, modality, _ in got), got


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("El Tratado de Cielos Abiertos, firmado en 1992 en Helsinki, permitía vuelos de observación.", "es"),
        ("Il Trattato sui cieli aperti, firmato nel 1992 a Helsinki, consentiva voli di osservazione.", "it"),
    ],
)
def test_word_lists_spanish_and_italian_a_place_is_not_an_actor(extractor, text, lang):
    got = claims_of(extractor, text, lang)
    assert not any(state == "FIN" for state, *_ in got), got


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("el 27 de junio de 2025", "es", (dt.date(2025, 6, 27), "day")),
        ("el 27 de junio del 2025", "es", (dt.date(2025, 6, 27), "day")),
        ("el 1.º de julio de 2025", "es", (dt.date(2025, 7, 1), "day")),
        ("27/06/2025", "es", (dt.date(2025, 6, 27), "day")),
        ("en junio de 2025", "es", (dt.date(2025, 6, 1), "month")),
        ("el 27 de junio", "es", (dt.date(2025, 6, 27), "day")),
        ("il 27 giugno 2025", "it", (dt.date(2025, 6, 27), "day")),
        ("il 1° luglio 2025", "it", (dt.date(2025, 7, 1), "day")),
        ("27.06.2025", "it", (dt.date(2025, 6, 27), "day")),
        ("a giugno 2025", "it", (dt.date(2025, 6, 1), "month")),
        ("il 30 settembre", "it", (dt.date(2024, 9, 30), "day")),  # not yet come in 2025: the year before
        ("ieri", "it", (dt.date(2025, 8, 26), "day")),
        ("27.06.2025", "de", (dt.date(2025, 6, 27), "day")),
    ],
)
def test_word_list_dates_in_spanish_and_italian(text, lang, expected):
    from treatywatch.extract.lists import find_dates_lang

    found = find_dates_lang(text, lang, dt.date(2025, 8, 27))
    assert [(d.date, d.precision) for d in found] == [expected], found


def test_word_list_dates_a_weekday_is_not_santo_domingo():
    from treatywatch.extract.lists import find_dates_lang

    assert find_dates_lang("en Santo Domingo", "es", dt.date(2025, 8, 27)) == []


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # every weekday of every language gives a date, Sunday too (Ukrainian has two apostrophes in Friday)
        ("в неділю", "uk", dt.date(2025, 8, 24)),
        ("у п’ятницю", "uk", dt.date(2025, 8, 22)),
        ("у п'ятницю", "uk", dt.date(2025, 8, 22)),
        ("в воскресенье", "ru", dt.date(2025, 8, 24)),
        ("w niedzielę", "pl", dt.date(2025, 8, 24)),
        ("am Sonntag", "de", dt.date(2025, 8, 24)),
        ("dimanche", "fr", dt.date(2025, 8, 24)),
        ("el domingo", "es", dt.date(2025, 8, 24)),
        ("domenica", "it", dt.date(2025, 8, 24)),
    ],
)
def test_word_list_dates_every_weekday(text, lang, expected):
    from treatywatch.extract.lists import find_dates_lang

    found = find_dates_lang(text, lang, dt.date(2025, 8, 27))  # a Wednesday
    assert [(d.date, d.basis) for d in found] == [(expected, "relative")], found


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # "last year" and "this year" count from the publication (2025-08-27), not the month's order
        ("22 grudnia ubiegłego roku", "pl", dt.date(2024, 12, 22)),
        ("w marcu ubiegłego roku", "pl", dt.date(2024, 3, 1)),
        ("3 июня прошлого года", "ru", dt.date(2024, 6, 3)),
        ("10 вересня минулого року", "uk", dt.date(2024, 9, 10)),
        ("am 3. Juni vergangenen Jahres", "de", dt.date(2024, 6, 3)),
        ("le 2 mars de l'année dernière", "fr", dt.date(2024, 3, 2)),
        ("el 5 de mayo del año pasado", "es", dt.date(2024, 5, 5)),
        ("il 3 giugno dell'anno scorso", "it", dt.date(2024, 6, 3)),
        ("3 октября этого года", "ru", dt.date(2025, 10, 3)),
    ],
)
def test_word_list_dates_last_year_and_this_year(text, lang, expected):
    from treatywatch.extract.lists import find_dates_lang

    found = find_dates_lang(text, lang, dt.date(2025, 8, 27))
    assert [d.date for d in found] == [expected], found


def test_word_list_dates_last_year_without_a_publication_date_is_no_date():
    from treatywatch.extract.lists import find_dates_lang

    # the other years of the article (the hint) are not the year before publication
    assert find_dates_lang("22 grudnia ubiegłego roku", "pl", None, year_hint=2002) == []


def test_word_list_dates_a_range_of_years_is_no_date():
    from treatywatch.extract.lists import find_dates_lang

    # a president's term beside the act: the act's year is 2013, the range is a period
    found = find_dates_lang("en 2013 el entonces presidente (2009-2017) estampó su firma", "es", dt.date(2019, 4, 26))
    assert [d.date for d in found] == [dt.date(2013, 1, 1)], found


def test_word_lists_have_one_pattern_per_month_and_weekday():
    from treatywatch.extract.lists import LANGUAGES, _wordlist_data

    data = _wordlist_data()
    assert all(len(data[lang]["months"]) == 12 and len(data[lang]["weekdays"]) == 7 for lang in LANGUAGES)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("El Gobierno de Lituania notificó a las Naciones Unidas su retirada de la Convención de Ottawa. La decisión "
         "fue aprobada por el Parlamento en mayo y entrará en vigor seis meses después.", "es"),
        ("Il governo lituano ha notificato alle Nazioni Unite il recesso dalla Convenzione di Ottawa. La decisione è "
         "stata approvata dal Parlamento a maggio e avrà effetto sei mesi dopo.", "it"),
        ("O governo da Lituânia notificou as Nações Unidas da sua retirada da Convenção de Ottawa. A decisão foi "
         "aprovada pelo Parlamento em maio e terá efeito seis meses depois.", "pt"),
        ("Le gouvernement lituanien a notifié aux Nations unies son retrait de la Convention d'Ottawa. La décision a "
         "été approuvée par le Parlement en mai et prendra effet six mois plus tard.", "fr"),
        ("Die litauische Regierung hat den Vereinten Nationen ihren Austritt aus der Ottawa-Konvention mitgeteilt. "
         "Das Parlament hatte den Schritt im Mai gebilligt.", "de"),
        ("Guvernul Lituaniei a notificat Națiunile Unite cu privire la retragerea sa din Convenția de la Ottawa. "
         "Decizia a fost aprobată de Parlament în mai.", "ro"),
        # equal function-word counts ("la", "que", "de"): the letters decide
        ("La ONU pidió a Polonia que no abandone la Convención de Ottawa.", "es"),
    ],
)
def test_language_detection_tells_spanish_and_italian_from_their_neighbours(text, lang):
    from treatywatch.text import detect_language

    assert detect_language(text) == lang


def test_spanish_and_italian_are_supported_languages():
    from treatywatch.extract.lists import LANGUAGES
    from treatywatch.text import SUPPORTED_LANGUAGES

    assert {"es", "it"} <= set(SUPPORTED_LANGUAGES) and {"es", "it"} <= set(LANGUAGES)


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # the act named undated first, then dated in a later sentence: the dated mention is kept
        ("Nicaragua ya no es parte del Estatuto de Roma. La retirada se hizo efectiva el 3 de marzo, un año después "
         "de la notificación.", "es", {("NIC", "took_effect", "asserted", dt.date(2025, 3, 3))}),
        # acceptance is an accession; "of that same year" takes the year of the date before
        ("Japón firmó el Acuerdo de París el 22 de abril de 2016 y lo aceptó en noviembre de ese mismo año.", "es",
         {("JPN", "signed", "asserted", dt.date(2016, 4, 22)), ("JPN", "acceded", "asserted", dt.date(2016, 11, 1))}),
        ("Il Giappone ha firmato l'Accordo di Parigi nel 2016 e lo ha accettato l'8 novembre dello stesso anno.", "it",
         {("JPN", "acceded", "asserted", dt.date(2016, 11, 8))}),
        # "announced the decision", once the article has named the withdrawal
        ("La Slovacchia ha notificato all'ONU il recesso dalla Convenzione di Ottawa. Il governo aveva annunciato la "
         "decisione il 3 marzo.", "it", {("SVK", "intent_announced", "asserted", dt.date(2025, 3, 3))}),
        # "a similar step" repeats the withdrawal named before, for other states
        ("La Bolivia è uscita dal Trattato sul commercio delle armi. Prima di lei solo l'Ecuador e il Perù avevano fatto "
         "un passo simile.", "it", {("ECU", "took_effect", "asserted", None), ("PER", "took_effect", "asserted", None)}),
        ("Ungarn ist aus dem Römischen Statut ausgetreten. Zuvor hatten nur Burundi und die Philippinen einen "
         "ähnlichen Schritt getan.", "de",
         {("BDI", "took_effect", "asserted", None), ("PHL", "took_effect", "asserted", None)}),
        # a revoked ratification with the state between the verb and the noun; senators approving it is the
        # chamber's vote (LABELLING.md), the revocation comes with the law's signature
        ("Сенаторы одобрили отзыв РФ ратификации Договора о всеобъемлющем запрещении ядерных испытаний.", "ru",
         {("RUS", "parliament_approved", "asserted", None)}),
    ],
)
def test_word_lists_acts_named_across_sentences(extractor, text, lang, expected):
    got = claims_of(extractor, text, lang)
    assert expected <= got, got


@pytest.mark.parametrize(
    ("text", "lang", "state", "action"),
    [
        # a decision named, not announced
        ("La Slovacchia ha notificato all'ONU il recesso dalla Convenzione di Ottawa. La decisione è stata criticata "
         "dalle ONG.", "it", "SVK", "intent_announced"),
        # a similar step that may come
        ("La Bolivia è uscita dal Trattato sul commercio delle armi. Anche l'Ecuador potrebbe fare un passo simile.", "it",
         "ECU", "took_effect"),
        # "a similar step" with no withdrawal named before
        ("L'Ecuador ha fatto un passo simile sul Trattato sul commercio delle armi.", "it", "ECU", "took_effect"),
    ],
)
def test_word_lists_acts_named_across_sentences_not_asserted(extractor, text, lang, state, action):
    got = claims_of(extractor, text, lang)
    assert not any(s == state and a == action and m == "asserted" for s, a, m, _ in got), got


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # "not yet ready to join", over a comma: denied, not an accession
        ("Mehrere Staaten, darunter Indien und Brasilien, sind noch nicht bereit, dem Übereinkommen über Streumunition "
         "beizutreten.", "de", {("IND", "acceded", "denied", None), ("BRA", "acceded", "denied", None)}),
        # the deposit of an instrument of ratification is the ratification, dated by the deposit
        ("Österreich hat gestern die Ratifikationsurkunde zum Übereinkommen über Streumunition beim Generalsekretär der "
         "Vereinten Nationen hinterlegt.", "de", {("AUT", "ratified", "asserted", dt.date(2025, 8, 26))}),
        ("Словаччина передала ООН ратифікаційну грамоту Паризької угоди.", "uk",
         {("SVK", "ratified", "asserted", None)}),
        # a withdrawal declared is announced
        ("Burundi hat am Montag seinen Austritt aus dem Römischen Statut erklärt.", "de",
         {("BDI", "intent_announced", "asserted", dt.date(2025, 8, 25))}),
        # a document on the withdrawal signed is the law signed; a completed withdrawal took effect
        ("Путин подписал документ о выходе России из Договора по открытому небу.", "ru",
         {("RUS", "law_signed", "asserted", None)}),
        ("В МИД заявили, что Россия завершила выход из Договора об обычных вооруженных силах в Европе.", "ru",
         {("RUS", "took_effect", "asserted", None)}),
        # a separable German verb of suspension; NATO as the alliance is not the treaty suspended
        ("Russland setzte 2007 den KSE-Vertrag aus, weil die NATO-Staaten ihn nicht umgesetzt hatten.", "de",
         {("RUS", "suspended", "asserted", dt.date(2007, 1, 1))}),
    ],
)
def test_word_lists_stages_and_modality(extractor, text, lang, expected):
    got = claims_of(extractor, text, lang)
    assert expected <= got, got
    assert not any(m == "asserted" and (s, a, m, d) not in expected for s, a, m, d in got), got


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # a withdrawal named as a noun, with no act: no claim that it took effect
        ("Der Präsident sprach gestern in Wien über den Austritt Ungarns aus dem Römischen Statut.", "de"),
        ("Le ministre a évoqué la sortie de la Hongrie du Statut de Rome.", "fr"),
        ("Il ministro ha parlato del recesso dell'Ungheria dallo Statuto di Roma.", "it"),
    ],
)
def test_word_lists_a_withdrawal_named_is_no_act(extractor, text, lang):
    got = claims_of(extractor, text, lang)
    assert not any(a == "took_effect" and m == "asserted" for _, a, m, _ in got), got


@pytest.mark.parametrize(
    ("text", "lang", "state", "action"),
    [
        # the treaty's own history in the passive, with no state in the sentence: not the last state's act
        ("Russland hat den KSE-Vertrag verlassen. Der Vertrag wurde 1990 in Paris unterzeichnet.", "de", "RUS", "signed"),
        ("Росія вийшла з Договору про звичайні збройні сили в Європі. Договір був підписаний у 1990 році в Парижі.",
         "uk", "RUS", "signed"),
        ("La Russie a révoqué sa ratification du Traité d'interdiction complète des essais nucléaires. Ouvert à la "
         "signature en 1996, ce traité a été ratifié par 178 pays.", "fr", "RUS", "ratified"),
    ],
)
def test_word_lists_a_treaty_history_is_no_state_act(extractor, text, lang, state, action):
    got = claims_of(extractor, text, lang)
    assert not any(s == state and a == action and m == "asserted" for s, a, m, _ in got), got


def test_word_lists_a_passive_with_an_official_agent_is_the_state_act(extractor):
    got = claims_of(extractor, "Il Giappone ha ratificato l'Accordo di Parigi nel 2016. Il testo è stato firmato dal "
                               "ministro degli Esteri il 22 aprile 2016.", "it")
    assert ("JPN", "signed", "asserted", dt.date(2016, 4, 22)) in got, got


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # the agent of a passive acts, not the state named before it
        ("Desde Estados Unidos se informó que el Tratado de Prohibición de Armas Nucleares fue ratificado por Honduras "
         "el sábado.", "es", ("HND", "ratified", "asserted", dt.date(2025, 8, 23))),
        ("Selon les États-Unis, le Traité sur l'interdiction des armes nucléaires a été ratifié par le Honduras samedi.",
         "fr", ("HND", "ratified", "asserted", dt.date(2025, 8, 23))),
    ],
)
def test_word_lists_the_agent_of_a_passive_acts(extractor, text, lang, expected):
    got = claims_of(extractor, text, lang)
    assert expected in got and not any(s == "USA" and m == "asserted" for s, _, m, _ in got), got


# Reporting by others: agents after a passive, parliaments that decide, dates in other spellings.
@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # the agents of a passive are named officials; "del" between month and year
        ("L'8 aprile del 2010 il Trattato New START fu firmato da Barack Obama e Dmitry Medvedev.", "it",
         {("USA", "signed", "asserted", dt.date(2010, 4, 8)), ("RUS", "signed", "asserted", dt.date(2010, 4, 8))}),
        # a parliament that decides is a parliament's approval, not an announcement
        ("Parlament Estonii zdecydował w środę o wystąpieniu z konwencji ottawskiej.", "pl",
         {("EST", "parliament_approved", "asserted", dt.date(2025, 8, 27))}),
        ("Il parlamento lettone ha deciso martedì di ritirare la Lettonia dalla Convenzione di Ottawa.", "it",
         {("LVA", "parliament_approved", "asserted", dt.date(2025, 8, 26))}),
        # "1er" for the first day of a month
        ("La Turquie s'est retirée le 1er juillet 2021 de la Convention d'Istanbul.", "fr",
         {("TUR", "took_effect", "asserted", dt.date(2021, 7, 1))}),
        # an abbreviated month
        ("Rusia suspendió el 12 dic 2007 su participación en el Tratado FACE.", "es",
         {("RUS", "suspended", "asserted", dt.date(2007, 12, 12))}),
        # a full stop that lost its space when the page was copied ends a sentence all the same
        ("Так сказано в заявлении министерства.Государственная дума 19 мая приняла закон о денонсации Договора по "
         "открытому небу.", "ru", {("RUS", "parliament_approved", "asserted", dt.date(2025, 5, 19))}),
    ],
)
def test_word_lists_read_other_peoples_reporting(extractor, text, lang, expected):
    got = claims_of(extractor, text, lang)
    assert expected <= got, got


@pytest.mark.parametrize(
    ("text", "lang", "absent"),
    [
        # a participle that describes the treaty is no state's signature
        ("La Russie s'est retirée du traité Ciel ouvert. Paraphé à Helsinki en 1992, le texte autorisait des survols "
         "non armés.", "fr", ("RUS", "signed", "asserted")),
        # the notify word reports the sentence before: no notification
        ("Україна призупинила дію Оттавської конвенції. Про це повідомив міністр оборони.", "uk",
         ("UKR", "notified", "asserted")),
        # the agent of "firmata" is no named state: the states that ratified did not sign here
        ("Svezia e Danimarca hanno già ratificato la Convenzione di Ottawa, sottoscritta da decine di paesi.", "it",
         ("DNK", "signed", "asserted")),
        # a chamber's vote on the law is the vote, not yet the revocation
        ("Депутаты Госдумы в среду проголосовали за закон об отзыве ратификации ДВЗЯИ.", "ru",
         ("RUS", "deratified", "asserted")),
        # a refusal to ratify is no ratification
        ("Le refus du Pakistan de signer le Statut de Rome reste entier.", "fr", ("PAK", "signed", "asserted")),
    ],
)
def test_word_lists_leave_out_what_did_not_happen(extractor, text, lang, absent):
    got = claims_of(extractor, text, lang)
    assert absent not in {(state, action, modality) for state, action, modality, _ in got}, got


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # a signed law on an act: the law is signed and the act is done, though named by a noun
        ("Президент России в пятницу подписал закон о ратификации Договора о СНВ.", "ru",
         {("RUS", "law_signed", "asserted", dt.date(2025, 8, 22))}),  # the law, not yet the deposit (LABELLING.md)
        ("W piątek prezydent RP podpisał ustawę o zawieszeniu stosowania traktatu CFE.", "pl",
         {("POL", "law_signed", "asserted", dt.date(2025, 8, 22)), ("POL", "suspended", "asserted", dt.date(2025, 8, 22))}),
        # renouncing the treaty is leaving it
        ("El presidente promulgó el lunes una ley con la que Bielorrusia renuncia al Tratado FACE.", "es",
         {("BLR", "law_signed", "asserted", dt.date(2025, 8, 25))}),
    ],
)
def test_word_lists_a_signed_law_does_what_it_names(extractor, text, lang, expected):
    got = claims_of(extractor, text, lang)
    assert expected <= got, got


def test_word_lists_the_state_after_an_acts_noun_is_its_actor(extractor):
    got = claims_of(extractor, "Москва обещала Астане поддержку в связи с присоединением Казахстана к Договору о "
                    "нераспространении ядерного оружия.", "ru")
    assert not any(state == "RUS" for state, *_ in got), got


def test_word_lists_treaty_names_with_a_typographic_apostrophe(extractor):
    got = claims_of(extractor, "La Turquie s’est retirée de la Convention d’Istanbul le 1er juillet 2021.", "fr")
    assert ("TUR", "took_effect", "asserted", dt.date(2021, 7, 1)) in got, got


def test_word_lists_although_is_no_condition_and_a_future_is_no_act(extractor):
    got = claims_of(extractor, "Bielorrusia suspendió ayer la aplicación del Tratado FACE y aseguró que, si bien "
                    "deja de cumplirlo, mantendrá sus fuerzas.", "es")
    assert ("BLR", "suspended", "asserted", dt.date(2025, 8, 26)) in got, got
    got = claims_of(extractor, "« Nous quitterons le traité Ciel ouvert dès l'an prochain », a affirmé le ministre "
                    "hongrois.", "fr")
    assert not any(action == "took_effect" and modality == "asserted" for _, action, modality, _ in got), got


def test_word_lists_a_signed_revocation_after_a_chamber_vote(extractor):
    got = claims_of(extractor, "Mardi, le chef de l'État russe a signé la loi portant révocation de la ratification du "
                    "TICE, que les députés avaient adoptée.", "fr")
    assert {("RUS", "deratified", "asserted", dt.date(2025, 8, 26)),
            ("RUS", "parliament_approved", "asserted", None)} <= got, got


@pytest.mark.parametrize(
    ("text", "lang", "published", "expected"),
    [
        # "then" takes the date of the act before
        ("Litwa przystąpiła do NATO 29 marca 2004 roku. Razem z nią zostały wtedy przyjęte do sojuszu Łotwa i "
         "Estonia.", "pl", "2024-03-29T10:00:00+01:00",
         {("LVA", "acceded", "asserted", dt.date(2004, 3, 29)), ("EST", "acceded", "asserted", dt.date(2004, 3, 29))}),
        # the date next to "entered into force" in another clause is the effect's, not the ratification's
        ("Portugal ratificó el Estatuto de Roma el 5 de febrero de 2002 y el tratado entró en vigor el 1 de julio de "
         "2002.", "es", "2025-05-06T10:00:00+02:00", {("PRT", "ratified", "asserted", dt.date(2002, 2, 5))}),
        # a date clause between two acts belongs to the act after it
        ("Burundi war dem Römischen Statut 2004 beigetreten, hatte im Oktober 2016 aber seinen Austritt erklärt.", "de",
         "2022-08-01T10:00:00+02:00",
         {("BDI", "acceded", "asserted", dt.date(2004, 1, 1)), ("BDI", "intent_announced", "asserted", dt.date(2016, 10, 1))}),
        # publication date unknown: a day and month take the year written before them
        ("Франція ратифікувала Паризьку угоду у 2016 році. 2 жовтня Паризьку угоду ратифікувала Індія.", "uk",
         "unknown", {("IND", "ratified", "asserted", dt.date(2016, 10, 2))}),
    ],
)
def test_word_lists_date_acts_from_their_context(extractor, text, lang, published, expected):
    got = claims_of(extractor, text, lang, published=published)
    assert expected <= got, got


def test_word_lists_treaty_names_with_a_declined_head_noun(extractor):
    # the names list "Договір/Договору/Договорі ..."; the instrumental comes from the head noun's cases
    got = claims_of(extractor, "Грузія призупинила свої зобов’язання за Договором про звичайні збройні сили в Європі.",
                    "uk")
    assert ("GEO", "suspended", "asserted", None) in got, got


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # senators approving the revocation of a ratification: the chamber's vote
        ("Члены Совета Федерации 1 ноября единогласно поддержали отзыв ратификации ДВЗЯИ, о котором просил "
         "президент России.", "ru",
         {("RUS", "parliament_approved", "asserted", dt.date(2024, 11, 1))}),
        # presenting the documents to leave is the notification
        ("Il Burundi ha presentato formalmente la notifica per lasciare lo Statuto di Roma.", "it",
         {("BDI", "notified", "asserted", None)}),
    ],
)
def test_word_lists_chambers_and_documents(extractor, text, lang, expected):
    got = claims_of(extractor, text, lang)
    assert expected <= got, got


def test_word_lists_a_past_leaving_verb_is_the_withdrawal_taking_effect(extractor):
    got = claims_of(extractor, "Філіппіни 17 березня 2019 року вийшли з Римського статуту, після того як 27 жовтня "
                    "2017 року з нього вийшов Бурунді.", "uk")
    assert {("PHL", "took_effect", "asserted", dt.date(2019, 3, 17)),
            ("BDI", "took_effect", "asserted", dt.date(2017, 10, 27))} <= got, got


@pytest.mark.parametrize(
    ("text", "lang", "expected", "absent"),
    [
        # an infinitive of purpose or hope is no act
        ("La Bosnie espère pouvoir adhérer un jour à l'OTAN.", "fr", set(), "acceded"),
        ("La Slovaquie a lancé une réforme visant à ratifier la Convention d’Istanbul.", "fr", set(), "ratified"),
        # but a decision to suspend is the suspension, and "the first country to ratify" did ratify
        ("La Bielorussia ha deciso ieri di sospendere l'applicazione del Trattato CFE.", "it",
         {("BLR", "suspended", "asserted", dt.date(2025, 8, 26))}, None),
        ("La Lettonie a été le premier pays à ratifier la Convention d’Istanbul en 2014.", "fr",
         {("LVA", "ratified", "asserted", dt.date(2014, 1, 1))}, None),
    ],
)
def test_word_lists_infinitives(extractor, text, lang, expected, absent):
    got = claims_of(extractor, text, lang)
    assert expected <= got, got
    assert not any(action == absent and modality == "asserted" for _, action, modality, _ in got), got


@pytest.mark.parametrize(
    ("text", "lang", "expected", "absent"),
    [
        # the noun of a relative clause acts, not the state named in the sentence before
        ("Węgry przystąpiły do NATO w 1999 roku. Państwa, które podpisały ten traktat, zobowiązały się do wzajemnej "
         "obrony.", "pl", {("HUN", "acceded", "asserted", dt.date(1999, 1, 1))}, ("HUN", "signed")),
        # signing the instrument of accession is acceding
        ("Minister spraw zagranicznych podpisał 29 marca 2004 roku akt przystąpienia Słowacji do NATO.", "pl",
         {("SVK", "acceded", "asserted", dt.date(2004, 3, 29))}, ("SVK", "signed")),
        # a draft law prepared is a plan
        ("Правительство подготовило законопроект об отзыве ратификации ДВЗЯИ Россией.", "ru", set(),
         ("RUS", "deratified")),
    ],
)
def test_word_lists_relatives_instruments_drafts(extractor, text, lang, expected, absent):
    got = claims_of(extractor, text, lang)
    assert expected <= got, got
    assert absent not in {(state, action) for state, action, modality, _ in got if modality == "asserted"}, got


def test_word_lists_officials_in_their_own_script(extractor):
    got = claims_of(extractor, "Володимир Зеленський підписав закон про ратифікацію Римського статуту.", "uk")
    assert {("UKR", "law_signed", "asserted", None)} <= got, got


def test_word_lists_states_that_did_the_act_before(extractor):
    got = claims_of(extractor, "Irlanda ratificó el Tratado sobre la Prohibición de las Armas Nucleares, después de "
                    "Austria, Tailandia y el Vaticano.", "es")
    assert {("IRL", "ratified", "asserted", None), ("AUT", "ratified", "asserted", None),
            ("THA", "ratified", "asserted", None), ("VAT", "ratified", "asserted", None)} <= got, got
    # the list must close the sentence: here the states after "después de" do something else
    got = claims_of(extractor, "Finlandia ratificó el Estatuto de Roma después de Suecia y Noruega aprobaron una "
                    "resolución contra la guerra.", "es")
    assert not any(state in ("SWE", "NOR") for state, *_ in got), got


def test_word_lists_a_month_alone_dates_a_listed_state(extractor):
    got = claims_of(extractor, "Sejm zatwierdził wypowiedzenie konwencji ottawskiej w czerwcu, a parlament Finlandii – "
                    "w lipcu.", "pl")
    assert {("POL", "parliament_approved", "asserted", dt.date(2025, 6, 1)),
            ("FIN", "parliament_approved", "asserted", dt.date(2025, 7, 1))} <= got, got


def test_word_lists_including_lists_and_counted_states(extractor):
    got = claims_of(extractor, "Den Atomwaffenverbotsvertrag haben 94 Staaten unterzeichnet und 73 ratifiziert, "
                    "darunter Österreich, Irland und Mexiko.", "de")
    assert {("AUT", "ratified", "asserted", None), ("IRL", "ratified", "asserted", None),
            ("MEX", "ratified", "asserted", None)} <= got, got
    assert not any(action == "signed" for _, action, *_ in got), got
    # states counted, not named, are no state named before
    got = claims_of(extractor, "Norwegen hat das Übereinkommen über Streumunition gefördert. Im Dezember 2008 haben "
                    "Delegierte aus 94 Ländern den Vertrag unterzeichnet.", "de")
    assert not any(action == "signed" for _, action, *_ in got), got


@pytest.mark.parametrize(
    ("text", "lang", "state"),
    [
        # "without signing" denies the signature
        ("India cumple en la práctica la Convención de Ottawa, pero sin firmarla.", "es", "IND"),
        # a capital is a place, and an agent counted, not named, is no state
        ("Statut rzymski, uzgodniony w stolicy Włoch, został ratyfikowany przez ponad 120 państw.", "pl", "ITA"),
        ("Als in der norwegischen Hauptstadt Oslo das Übereinkommen über Streumunition unterzeichnet wurde, fehlten "
         "viele Staaten.", "de", "NOR"),
    ],
)
def test_word_lists_no_act_by_a_state_named_as_a_place_or_not_signing(extractor, text, lang, state):
    got = claims_of(extractor, text, lang)
    assert not any(s == state and modality == "asserted" for s, _, modality, _ in got), got


def test_word_lists_the_date_of_a_law_is_not_the_date_of_its_signature(extractor):
    got = claims_of(extractor, "W piątek 5 grudnia 2014 r. głowa państwa podpisała ustawę z 7 listopada 2014 r. "
                    "o ratyfikacji przez Polskę konwencji stambulskiej.", "pl")
    assert ("POL", "law_signed", "asserted", dt.date(2014, 12, 5)) in got, got


def test_word_lists_a_list_of_agents_over_a_clause_break(extractor):
    got = claims_of(extractor, "Il Trattato New START, sottoscritto nel 2010 da Obama e Medvedev a Praga, scade nel "
                    "2026.", "it")
    assert {("USA", "signed", "asserted", dt.date(2010, 1, 1)), ("RUS", "signed", "asserted", dt.date(2010, 1, 1))} <= got, got


def test_word_lists_a_stated_intention_to_leave_is_an_announcement(extractor):
    got = claims_of(extractor, "Il Nicaragua ha confermato oggi l'intenzione di ritirarsi dallo Statuto di Roma.", "it")
    assert ("NIC", "intent_announced", "asserted", dt.date(2025, 8, 27)) in got, got


def test_word_lists_a_bill_sent_to_parliament_is_the_governments_approval(extractor):
    got = claims_of(extractor, "Le gouvernement serbe a soumis au parlement, un projet de loi visant à retirer la Serbie "
                    "du traité FCE.", "fr")
    assert ("SRB", "government_approved", "asserted", None) in got, got
    assert not any(action == "took_effect" and modality == "asserted" for _, action, modality, _ in got), got


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Junto a Chile y Perú, también ratificaron ayer el Tratado sobre el Comercio de Armas Noruega, Francia y "
         "Japón.", "es", {"CHL", "PER", "NOR", "FRA", "JPN"}),
        ("Neben Österreich haben gestern auch Irland und Malta den Atomwaffenverbotsvertrag ratifiziert.", "de",
         {"AUT", "IRL", "MLT"}),
        ("Наряду с Эстонией о выходе из Оттавской конвенции ООН вчера уведомили Латвия и Литва.", "ru",
         {"EST", "LVA", "LTU"}),
    ],
)
def test_word_lists_those_named_along_with_the_subject_act_too(extractor, text, lang, expected):
    # "along with X, Y did it": the subject after the act, and X with it
    got = claims_of(extractor, text, lang)
    assert expected == {state for state, _, modality, _ in got if modality == "asserted"}, got


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Рішення Угорщини про вихід з Римського статуту ще не набуло чинності.", "uk"),
        ("Der Austritt Ungarns aus dem Römischen Statut ist noch nicht wirksam geworden.", "de"),
        ("Le retrait de la Hongrie du Statut de Rome n'est pas encore entré en vigueur.", "fr"),
    ],
)
def test_word_lists_a_withdrawal_not_yet_in_effect_is_denied(extractor, text, lang):
    got = claims_of(extractor, text, lang)
    assert ("HUN", "took_effect", "denied", None) in got, got


def test_word_lists_a_namely_list_names_the_states_of_each_act_before_it(extractor):
    got = claims_of(extractor, "Drei Staaten haben das Chemiewaffenübereinkommen zwar unterzeichnet, aber noch nicht "
                    "ratifiziert, namentlich Israel, Myanmar und Angola.", "de")
    assert {(s, "signed", "asserted") for s in ("ISR", "MMR", "AGO")} <= {(s, a, m) for s, a, m, _ in got}, got
    assert not any(action == "ratified" and modality == "asserted" for _, action, modality, _ in got), got


def test_word_lists_states_counted_apart_keep_their_own_act(extractor):
    # "signed by 183 states and ratified by fewer, among them ...": the list names who ratified only
    got = claims_of(extractor, "Der Vertrag wurde bisher von 183 Staaten unterzeichnet und von 170 ratifiziert, "
                    "darunter Frankreich und Russland.", "de")
    assert not any(action == "signed" for _, action, _, _ in got), got


def test_word_lists_french_present_tense_of_adherer_and_the_short_tpnw_name(extractor):
    # "adhèrent" (è in the present tense stem) and the usual short name "traité d'interdiction des armes nucléaires"
    got = claims_of(extractor, "Trois Etats membres de l'Union européenne adhèrent au traité d'interdiction des armes "
                    "nucléaires : l'Autriche, l'Irlande et Malte.", "fr")
    assert {(s, "acceded", "asserted") for s in ("AUT", "IRL", "MLT")} <= {(s, a, m) for s, a, m, _ in got}, got


@pytest.mark.parametrize("name", ['układu o "otwartym niebie"', "traktatu o otwartym niebie", "układu o „otwartym niebie”"])
def test_word_lists_the_polish_open_skies_name_in_its_other_wording(extractor, name):
    # Polish news calls the treaty "układ/traktat o otwartym niebie" as well as "o otwartych przestworzach"
    got = claims_of(extractor, f"Wczoraj Stany Zjednoczone oficjalnie przestały być stroną {name}, zgodnie z "
                    "oświadczeniem Departamentu Stanu.", "pl")
    assert ("USA", "took_effect", "asserted", dt.date(2025, 8, 26)) in got, got


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Wystąpienie Węgier ze Statutu Rzymskiego nastąpi rok od złożenia pisemnego powiadomienia sekretarzowi "
         "generalnemu ONZ.", "pl"),
        ("Вихід Угорщини з Римського статуту стане чинним через рік після повідомлення генерального секретаря ООН.",
         "uk"),
    ],
)
def test_word_lists_the_notice_a_withdrawal_period_counts_from_is_not_a_notice_given(extractor, text, lang):
    got = claims_of(extractor, text, lang)
    assert not any(action == "notified" and modality == "asserted" for _, action, modality, _ in got), got


def test_word_lists_a_notice_given_before_its_period_is_still_given(extractor):
    got = claims_of(extractor, "Россия уведомила всех участников о решении выйти из Договора по открытому небу через "
                    "шесть месяцев после направления уведомления.", "ru")
    assert ("RUS", "notified", "asserted", None) in got, got


def test_word_lists_this_treaty_is_not_the_alliance_named_last(extractor):
    # "Este tratado" after the alliance was named by its organisation ("Organización del Tratado ...", "OTAN")
    art = parse_news_text("Noticia\nWire\n2025-08-27T10:00:00+02:00\n\nRusia habló ayer del Tratado INF con los "
                          "aliados de la Organización del Tratado del Atlántico Norte (OTAN) en Bruselas. Este tratado "
                          "fue firmado en 1987 por Estados Unidos y la Unión Soviética.\n", article_id="x")
    got = {(c.state, c.treaty, c.action) for c in extractor.extract(art)}
    assert ("USA", "inf", "signed") in got, got
    assert not any(treaty == "north_atlantic_treaty" for _, treaty, _ in got), got


@pytest.mark.parametrize("name", ["Trattato per la messa al bando degli esperimenti nucleari",
                                  "Trattato sulla messa al bando dei test nucleari"])
def test_word_lists_the_italian_ctbt_name_without_totale(extractor, name):
    got = claims_of(extractor, f"Il presidente russo ha firmato ieri la legge che revoca la ratifica del {name}, "
                    "approvata dal Parlamento la settimana scorsa.", "it")
    assert ("RUS", "deratified", "asserted", dt.date(2025, 8, 26)) in got, got


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Rząd Węgier ogłosił 3 kwietnia, że rozpocznie proces wycofywania się ze Statutu Rzymskiego podczas wizyty "
         "premiera Izraela w Budapeszcie.", "pl"),
        ("Le gouvernement hongrois a annoncé le 3 avril qu'il allait se retirer du Statut de Rome pendant la visite "
         "du premier ministre d'Israël à Budapest.", "fr"),
    ],
)
def test_word_lists_who_announced_a_withdrawal_not_a_state_named_after_it(extractor, text, lang):
    got = claims_of(extractor, text, lang)
    assert ("HUN", "intent_announced", "asserted", dt.date(2025, 4, 3)) in got, got
    assert not any(state == "ISR" for state, _, _, _ in got), got


def test_word_lists_an_announcement_that_a_state_is_not_leaving_stays_denied(extractor):
    got = claims_of(extractor, "Президент объявил вчера в послании парламенту: «Россия не выходит из Договора СНВ-3».",
                    "ru")
    assert not any(action == "intent_announced" and modality == "asserted" for _, action, modality, _ in got), got


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Президент России предложил вчера странам, которые остаются вне Конвенции о химическом оружии, "
         "присоединиться к ней.", "ru"),
        ("Прем'єр-міністр України закликав учора всі держави ратифікувати Римський статут.", "uk"),
        ("Premier Polski zaproponował wczoraj państwom regionu przystąpienie do Traktatu o handlu bronią.", "pl"),
    ],
)
def test_word_lists_a_proposal_to_others_is_a_call_not_an_act(extractor, text, lang):
    # proposing and urging in their past forms ("предложил", "закликав", "zaproponował")
    got = claims_of(extractor, text, lang)
    assert not any(modality == "asserted" for _, _, modality, _ in got), got


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Der Präsident unterzeichnete am Montag ein Moratorium des KSE-Vertrags. Die Regierung Polens kritisierte "
         "seine Unterschrift scharf.", "de"),
        ("Президент России подписал вчера мораторий на действие Договора об обычных вооружённых силах в Европе. "
         "В Вашингтоне подпись президента назвали ошибкой.", "ru"),
        ("Prezydent Rosji podpisał wczoraj dekret o zawieszeniu traktatu CFE. Rząd Polski skrytykował ten podpis.",
         "pl"),
    ],
)
def test_word_lists_signing_a_law_decree_or_moratorium_is_not_signing_the_treaty(extractor, text, lang):
    # the signature named again in the next sentence is the document's too, not the treaty's
    got = claims_of(extractor, text, lang)
    assert not any(action == "signed" for _, action, _, _ in got), got


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Эстония выходит из Оттавской конвенции из-за войны у своих границ.", "ru"),
        ("Естонія виходить з Оттавської конвенції через війну біля своїх кордонів.", "uk"),
        ("Estonia wycofuje się z konwencji ottawskiej z powodu wojny u swoich granic.", "pl"),
    ],
)
def test_word_lists_an_imperfective_present_of_leaving_is_an_exit_under_way(extractor, text, lang):
    got = claims_of(extractor, text, lang)
    assert ("EST", "took_effect", "planned", None) in got, got
    assert not any(modality == "asserted" for _, _, modality, _ in got), got


def test_word_lists_an_imperfective_present_said_officially_is_the_exit(extractor):
    got = claims_of(extractor, "Министр заявил вчера, что Эстония официально выходит из Оттавской конвенции.", "ru")
    assert any(state == "EST" and action == "took_effect" and modality == "asserted" for state, action, modality, _ in got), got


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Litauen kündigt Konvention über Streumunition", "de"),
        ("Литва денонсировала Конвенцию по кассетным боеприпасам.", "ru"),
        ("Litwa wypowiedziała konwencję o amunicji kasetowej.", "pl"),
    ],
)
def test_word_lists_denouncing_the_treaty_is_the_notice(extractor, text, lang):
    got = claims_of(extractor, text, lang)
    assert any(state == "LTU" and action == "notified" and modality == "asserted" for state, action, modality, _ in got), got


def test_word_lists_announcing_with_kuendigen_is_no_notice(extractor):
    # "kündigte ... an" (announced), however far the particle comes after the verb
    got = claims_of(extractor, "Den Austritt aus der Konvention über Streumunition kündigte der litauische Verteidigungsminister "
                    "gestern in einem langen Gespräch mit der Nachrichtenagentur des Landes an.", "de")
    assert not any(action == "notified" for _, action, _, _ in got), got


def test_word_lists_the_russian_imperfective_of_suspending_is_the_suspension(extractor):
    got = claims_of(extractor, "Президент объявил вчера, что Россия приостанавливает участие в ДСНВ.", "ru")
    assert ("RUS", "suspended", "asserted", dt.date(2025, 8, 26)) in got, got


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # reported speech: "würden ... zurückziehen"
        ("Der Premierminister erklärte, die Niederlande würden ihre Unterschrift unter den Vertrag über den "
         "Waffenhandel zurückziehen.", "de"),
        ("Die Niederlande wollen sich aus dem Vertrag über den Waffenhandel zurückziehen.", "de"),
    ],
)
def test_word_lists_the_states_own_future_exit_is_its_announced_intent(extractor, text, lang):
    got = claims_of(extractor, text, lang)
    assert any(state == "NLD" and action == "intent_announced" and modality == "asserted"
               for state, action, modality, _ in got), got


def test_word_lists_would_about_an_exit_named_by_a_noun_is_no_intent(extractor):
    got = claims_of(extractor, "Ein Austritt aus dem Vertrag über den Waffenhandel würde die Niederlande schwächen.", "de")
    assert not any(modality == "asserted" for _, _, modality, _ in got), got


def test_word_lists_the_ukrainian_masculine_decided_to_leave(extractor):
    got = claims_of(extractor, "Прем'єр-міністр Нідерландів вирішив вийти з Договору про торгівлю зброєю.", "uk")
    assert any(state == "NLD" and action == "intent_announced" and modality == "asserted"
               for state, action, modality, _ in got), got


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Le gouvernement a déclaré jeudi que la Lettonie se retirait de la Convention d'Ottawa.", "fr"),
        ("Президент заявил вчера, что Эстония выходит из Оттавской конвенции.", "ru"),
    ],
)
def test_word_lists_an_exit_under_way_said_by_the_government_is_its_announced_intent(extractor, text, lang):
    got = claims_of(extractor, text, lang)
    assert any(action == "intent_announced" and modality == "asserted" for _, action, modality, _ in got), got
    assert not any(action == "took_effect" and modality == "asserted" for _, action, modality, _ in got), got


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("La Russia è uscita ufficialmente dal trattato sui cieli aperti, un trattato firmato nel 1992 a Helsinki.", "it"),
        ("Rusia salió oficialmente del Tratado de Cielos Abiertos, un tratado firmado en 1992 en Helsinki.", "es"),
    ],
)
def test_word_lists_a_participle_describing_the_treaty_is_no_states_signature(extractor, text, lang):
    got = claims_of(extractor, text, lang)
    assert not any(action == "signed" for _, action, _, _ in got), got


def test_word_lists_a_participle_with_its_state_as_agent_is_that_states_signature(extractor):
    got = claims_of(extractor, "Il trattato sui cieli aperti, firmato dall'Ungheria nel 1992, è in vigore dal 2002.", "it")
    assert ("HUN", "signed", "asserted", dt.date(1992, 1, 1)) in got, got


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("El ministro de Exteriores anunció ayer que Polonia suspendería sus obligaciones en el marco del Tratado INF.",
         "es"),
        ("Le ministre a annoncé hier que la Pologne suspendrait ses obligations au titre du traité FNI.", "fr"),
    ],
)
def test_word_lists_an_announced_suspension_to_come_is_planned_and_announced(extractor, text, lang):
    # the conditional of reported speech: the suspension is to come, its announcement is made
    got = claims_of(extractor, text, lang)
    assert ("POL", "suspended", "planned", dt.date(2025, 8, 26)) in got, got
    assert ("POL", "intent_announced", "asserted", dt.date(2025, 8, 26)) in got, got


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Президент Белоруссии внёс в парламент законопроект о денонсации Договора по открытому небу.", "ru"),
        ("Президент Білорусі вніс до парламенту законопроект про денонсацію Договору про відкрите небо.", "uk"),
    ],
)
def test_word_lists_a_bill_the_head_of_state_sent_to_parliament_is_the_governments_step(extractor, text, lang):
    got = claims_of(extractor, text, lang)
    assert ("BLR", "government_approved", "asserted", None) in got, got


def test_word_lists_a_bill_members_of_parliament_sent_is_no_governments_step(extractor):
    got = claims_of(extractor, "Депутаты оппозиции внесли в парламент Белоруссии законопроект о денонсации Договора по "
                    "открытому небу.", "ru")
    assert not any(action == "government_approved" for _, action, _, _ in got), got


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("A partir del lunes, Polonia suspenderá sus obligaciones en el marco del Tratado INF.", "es"),
        ("Da lunedì la Polonia sospenderà i suoi obblighi nel quadro del Trattato INF.", "it"),
    ],
)
def test_word_lists_a_suspension_in_the_future_tense_is_planned(extractor, text, lang):
    got = claims_of(extractor, text, lang)
    assert any(action == "suspended" and modality == "planned" for _, action, modality, _ in got), got
    assert not any(modality == "asserted" and action != "intent_announced" for _, action, modality, _ in got), got


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Белоруссия временно вышла из Договора об обычных вооружённых силах в Европе в 2008 году.", "ru"),
        ("Weißrussland ist 2008 vorübergehend aus dem KSE-Vertrag ausgetreten.", "de"),
    ],
)
def test_word_lists_a_temporary_withdrawal_is_a_suspension(extractor, text, lang):
    got = claims_of(extractor, text, lang)
    assert ("BLR", "suspended", "asserted", dt.date(2008, 1, 1)) in got, got
    assert not any(action == "took_effect" for _, action, _, _ in got), got


def test_word_lists_nato_the_alliance_is_not_the_treaty_a_state_suspends(extractor):
    art = parse_news_text("Nachricht\nWire\n2025-08-27T10:00:00+02:00\n\nУ середу Туреччина заявила, що призупиняє "
                          "участь у спільних навчаннях НАТО через суперечку з союзниками.\n", article_id="x")
    assert art.language == "uk"
    assert not any(c.treaty == "north_atlantic_treaty" and c.modality == "asserted" for c in extractor.extract(art))


@pytest.mark.parametrize(
    ("text", "lang", "states"),
    [
        ("Entre los firmantes del Tratado sobre el Comercio de Armas no figuran ni Rusia ni China.", "es", ("RUS", "CHN")),
        ("Le traité sur le commerce des armes n'a été ratifié ni par la Russie ni par la Chine.", "fr", ("RUS", "CHN")),
        ("Den Waffenhandelsvertrag haben weder Russland noch China unterzeichnet.", "de", ("RUS", "CHN")),
    ],
)
def test_word_lists_neither_nor_denies_the_act_of_each_state(extractor, text, lang, states):
    got = claims_of(extractor, text, lang)
    assert not any(state in states and modality == "asserted" for state, _, modality, _ in got), got
    assert {state for state, _, modality, _ in got if modality == "denied"} >= set(states), got


@pytest.mark.parametrize(
    ("text", "lang", "actor", "partner"),
    [
        ("Moskau teilte mit, dass Russland den INF-Vertrag mit den USA ab sofort aussetzt.", "de", "RUS", "USA"),
        ("La Russia ha sospeso il trattato INF con gli Stati Uniti, ha detto oggi il ministro.", "it", "RUS", "USA"),
    ],
)
def test_word_lists_the_treatys_other_party_after_with_does_not_act(extractor, text, lang, actor, partner):
    states = {state for state, _, modality, _ in claims_of(extractor, text, lang) if modality == "asserted"}
    assert actor in states and partner not in states, states


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # a member ratifies another state's accession: neither joins the treaty by it
        ("Il Parlamento ungherese ha ratificato ieri il protocollo di adesione della Svezia alla NATO.", "it"),
        ("Parlament Węgier ratyfikował wczoraj członkostwo Szwecji w NATO.", "pl"),
        # a numbered protocol is joined on its own, not the convention
        ("L'Austria ha ratificato ieri il Protocollo V della Convenzione sulle armi convenzionali.", "it"),
    ],
)
def test_word_lists_ratifying_a_protocol_or_anothers_accession_is_no_ratification(extractor, text, lang):
    got = claims_of(extractor, text, lang)
    assert not any(action == "ratified" and modality == "asserted" for _, action, modality, _ in got), got


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # a member approves another state's accession (a vote, a consent): no act of the member, no accession
        ("Der Bundestag stimmte am Freitag für die Aufnahme Finnlands und Schwedens in die NATO.", "de"),
        ("Prezydent Turcji dał w piątek zgodę na przyjęcie Finlandii do NATO.", "pl"),
        ("Le parlement hongrois a voté lundi l'admission de la Suède dans l'OTAN.", "fr"),
        # the accession protocol members sign is not the candidate's accession
        ("Los ministros firmaron el miércoles el protocolo de adhesión a la OTAN de Macedonia del Norte.", "es"),
        ("Die Außenminister unterzeichneten am Dienstag das Beitrittsprotokoll Nordmazedoniens zum "
         "Nordatlantikvertrag.", "de"),
        # a legislature's vote on a document that brings another state closer to joining
        ("Parlament Węgier w poniedziałek ratyfikował protokół, który otwiera Szwecji drogę do wstąpienia do NATO.",
         "pl"),
        # an application to join is no act
        ("Il 17 maggio 2022 la Svezia e la Finlandia hanno presentato domanda di adesione alla NATO.", "it"),
        ("Finnland und Schweden stellten im Mai 2022 ihren Beitrittsantrag bei der NATO.", "de"),
        ("Szwecja złożyła w maju 2022 roku wniosek o przystąpienie do NATO.", "pl"),
        ("Швеция подала заявку на вступление в НАТО в мае 2022 года.", "ru"),
        # an admission named, undated, as a heading: a topic
        ("Przyjęcie Szwecji do Sojuszu Północnoatlantyckiego", "pl"),
        # the same after another sentence (the states after the phrase are found in the sentence, not the article)
        ("La notizia è arrivata nel pomeriggio da Budapest, dopo un lungo dibattito in aula tra i deputati. Il "
         "Parlamento ungherese ha ratificato ieri il protocollo di adesione della Svezia alla NATO.", "it"),
    ],
)
def test_word_lists_approving_anothers_accession_or_applying_is_no_act(extractor, text, lang):
    got = claims_of(extractor, text, lang)
    assert not any(m == "asserted" for _, _, m, _ in got), got


@pytest.mark.parametrize(
    ("text", "lang", "state"),
    [
        ("Szwecja przystąpiła do NATO 7 marca 2024 roku.", "pl", "SWE"),
        ("Przyjęcie Polski do NATO nastąpiło 12 marca 1999 roku.", "pl", "POL"),
        ("La Svezia è entrata a far parte della NATO il 7 marzo 2024.", "it", "SWE"),
        ("Macedonia del Norte se unió a la OTAN el 27 de marzo de 2020.", "es", "MKD"),
        # the protocol's entry into force is the candidate's accession
        ("Сегодня вступил в силу протокол о присоединении Швеции к НАТО.", "ru", "SWE"),
        # a request to accede sent to a convention's depositary is the accession ("приєднання", not "вступ")
        ("Сирія направила заявку про приєднання до Конвенції про хімічну зброю 14 вересня.", "uk", "SYR"),
    ],
)
def test_word_lists_the_candidates_own_accession_is_kept(extractor, text, lang, state):
    got = claims_of(extractor, text, lang)
    assert any(s == state and a == "acceded" and m == "asserted" for s, a, m, _ in got), got


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # extending a treaty is not labelled (LABELLING.md): no step of joining, at any stage
        ("Государственная дума в среду ратифицировала соглашение о продлении Договора о СНВ на пять лет.", "ru"),
        ("Das Parlament ratifizierte am Freitag das Abkommen über die Verlängerung des New-START-Vertrags.", "de"),
        ("Il Senato ha ratificato martedì la proroga del trattato New START.", "it"),
        ("El Senado ratificó el jueves la prórroga del tratado New START.", "es"),
        # nor is ratifying the adapted version of a treaty, another instrument
        ("Nur Russland, Belarus und Kasachstan haben den angepassten KSE-Vertrag ratifiziert.", "de"),
        ("Rosja ratyfikowała zmodyfikowaną wersję traktatu CFE w 2004 roku.", "pl"),
    ],
)
def test_word_lists_extending_or_adapting_a_treaty_is_no_act(extractor, text, lang):
    got = claims_of(extractor, text, lang)
    assert not any(m == "asserted" for _, _, m, _ in got), got


@pytest.mark.parametrize(
    ("text", "lang", "state"),
    [
        # "la legge che prevede", "la ley que prevé": what the law provides for, not a plan; the signing is done
        ("Il presidente ha firmato martedì la legge che prevede il ritiro dell'Italia dalla Convenzione di Ottawa.",
         "it", "ITA"),
        ("El presidente firmó el martes la ley que prevé la retirada de Lituania de la Convención de Ottawa.", "es",
         "LTU"),
    ],
)
def test_word_lists_a_law_that_provides_for_an_act_is_signed_not_planned(extractor, text, lang, state):
    assert (state, "law_signed", "asserted") in {(s, a, m) for s, a, m, _ in claims_of(extractor, text, lang)}


def test_word_lists_a_state_that_plans_to_leave_still_plans(extractor):
    got = claims_of(extractor, "L'Italia prevede di ritirarsi dalla Convenzione di Ottawa entro l'anno.", "it")
    assert got and not any(m == "asserted" for _, _, m, _ in got), got


def test_word_lists_a_ratification_beside_a_later_extension_is_kept(extractor):
    alone = claims_of(extractor, "Die russische Staatsduma ratifizierte am 26. Januar 2011 den New-START-Vertrag.", "de")
    got = claims_of(extractor, "Die russische Staatsduma ratifizierte am 26. Januar 2011 den New-START-Vertrag; zehn "
                    "Jahre später stimmte sie seiner Verlängerung zu.", "de")
    assert alone and got == alone, (alone, got)


def test_word_lists_a_legislature_approving_its_own_states_accession_is_its_step(extractor):
    # the actor is named apart as the state whose accession it approves
    got = claims_of(extractor, "I deputati del parlamento svedese hanno approvato mercoledì l'adesione della Svezia "
                    "all'Alleanza atlantica.", "it")
    assert {(s, a, m) for s, a, m, _ in got} == {("SWE", "parliament_approved", "asserted")}, got


@pytest.mark.parametrize(
    "text",
    [
        # "d'" before an infinitive, with no space after it: the government's bill, the accession to come
        "Le gouvernement mongol a adopté mercredi un projet de loi afin d'adhérer à la Convention d'Ottawa.",
        "La Mongolie a présenté mercredi un plan visant d'abord à réformer l'armée et ensuite d'adhérer à la "
        "Convention d'Ottawa.",
    ],
)
def test_word_lists_a_french_infinitive_after_d_apostrophe_is_no_accession(extractor, text):
    got = claims_of(extractor, text, "fr")
    assert not any(a == "acceded" and m == "asserted" for _, a, m, _ in got), got


@pytest.mark.parametrize(
    ("text", "lang", "states"),
    [
        ("Polonia, Finlandia e Lituania hanno dichiarato di voler ritirarsi dalla Convenzione di Ottawa.", "it",
         {"POL", "FIN", "LTU"}),
        ("Il Cremlino ha criticato la decisione americana di uscire dal trattato ABM.", "it", {"USA"}),
    ],
)
def test_word_lists_a_declared_wish_or_a_decision_to_leave_is_an_announcement(extractor, text, lang, states):
    got = claims_of(extractor, text, lang)
    assert {s for s, action, modality, _ in got if action == "intent_announced" and modality == "asserted"} == states
    assert not any(action == "took_effect" for _, action, _, _ in got), got


def test_word_lists_the_alliances_members_do_not_name_the_north_atlantic_treaty(extractor):
    art = parse_news_text("Nachricht\nWire\n2025-08-27T10:00:00+02:00\n\nRussland setzte den KSE-Vertrag aus, bis die "
                          "NATO-Staaten das angepasste Abkommen ratifizieren.\n", article_id="x")
    assert not any(c.treaty == "north_atlantic_treaty" for c in extractor.extract(art))


def test_word_lists_an_including_list_after_two_acts_is_whole_and_stops_at_but_not(extractor):
    got = claims_of(extractor, "Fin 2016, 120 Etats avaient signé le TCA et 85 Etats l'avaient ratifié dont le Japon, "
                    "la France, l'Italie et le Royaume-Uni, mais pas les Etats-Unis ni la Russie.", "fr")
    ratified = {s for s, a, m, _ in got if a == "ratified" and m == "asserted"}
    assert ratified == {"FRA", "GBR", "ITA", "JPN"}, got


def test_word_lists_the_date_of_a_participle_describing_the_treaty_is_not_the_acts(extractor):
    got = claims_of(extractor, "Les Etats-Unis ont annoncé leur retrait du traité ABM, signé à Moscou par Nixon en "
                    "mai 1972.", "fr", published="2001-12-14T10:00:00+01:00")
    assert ("USA", "intent_announced", "asserted", None) in got, got


def test_word_lists_the_framework_convention_named_with_its_agreement_is_not_the_act(extractor):
    art = parse_news_text("Tytuł\nWire\n2019-11-05T10:00:00+02:00\n\nWaszyngton notyfikował wczoraj wystąpienie "
                          "Stanów Zjednoczonych z opartego na Ramowej konwencji klimatycznej ONZ porozumienia "
                          "paryskiego.\n", article_id="x")
    assert {c.treaty for c in extractor.extract(art)} == {"paris_agreement"}


def test_word_lists_the_source_of_a_report_is_not_its_actor(extractor):
    got = claims_of(extractor, "Die USA haben nach Angaben Russlands am Freitag ihren Austritt aus dem INF-Vertrag "
                    "erklärt.", "de")
    assert {s for s, _, m, _ in got if m == "asserted"} == {"USA"}, got


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # a legislature votes on another state's accession
        ("La Camera ha votato oggi l'adesione di Svezia e Finlandia alla NATO.", "it"),
        # a letter is signed, not the convention
        ("I premier di Italia e Danimarca hanno firmato ieri una lettera sulla Convenzione europea dei diritti "
         "dell'uomo.", "it"),
        # a possible withdrawal, debated
        ("Turquía debatió ayer la posible retirada del Convenio de Estambul.", "es"),
    ],
)
def test_word_lists_no_act_in_votes_on_others_letters_or_possibilities(extractor, text, lang):
    got = claims_of(extractor, text, lang)
    assert not any(m == "asserted" for _, _, m, _ in got), got


def test_word_lists_an_agency_dateline_with_an_abbreviated_month_dates_the_lead(extractor):
    got = claims_of(extractor, "(ANSA) - WASHINGTON, 21 MAG - Gli Usa hanno annunciato il loro ritiro dal trattato "
                    "Open Skies.", "it", published="2020-05-22T10:00:00+02:00")
    assert ("USA", "intent_announced", "asserted", dt.date(2020, 5, 21)) in got, got
    # the abbreviation needs its day: "nel mar Nero" is a sea, not March
    sea = claims_of(extractor, "Nel mar Nero la Russia ha sospeso il trattato INF.", "it")
    assert all(d is None for _, _, _, d in sea), sea


def test_word_lists_last_year_on_its_own_is_the_year_before_publication(extractor):
    got = claims_of(extractor, "В прошлом году из Оттавской конвенции вышли Латвия и Литва.", "ru",
                    published="2026-02-20T10:00:00+03:00")
    assert {("LVA", "took_effect", "asserted", dt.date(2025, 1, 1)),
            ("LTU", "took_effect", "asserted", dt.date(2025, 1, 1))} <= got, got


@pytest.mark.parametrize(
    ("text", "lang", "action", "modality"),
    [
        # talks suspended are no treaty suspended
        ("Rozmowy Polski w sprawie konwencji o broni biologicznej były zawieszone od stycznia.", "pl", "suspended", None),
        # ready to sign is a readiness, not a signature
        ("Damasco si è detta pronta a firmare la Convenzione sulle armi chimiche.", "it", "signed", "planned"),
        # the announcement itself is still to come
        ("Prezydent USA ogłosi jutro wycofanie się Stanów Zjednoczonych z układu ABM.", "pl", "intent_announced", "planned"),
    ],
)
def test_word_lists_talks_readiness_and_a_coming_announcement_are_not_acts(extractor, text, lang, action, modality):
    got = claims_of(extractor, text, lang)
    assert not any(a == action and m == "asserted" for _, a, m, _ in got), got
    if modality is not None:
        assert any(a == action and m == modality for _, a, m, _ in got), got


def test_word_lists_a_state_after_against_or_in_view_of_is_no_actor(extractor):
    got = claims_of(extractor, "Litauen will angesichts Russlands Krieg gegen die Ukraine aus dem Übereinkommen über "
                    "Streumunition austreten.", "de")
    assert {s for s, _, m, _ in got if m == "asserted"} == {"LTU"}, got


def test_word_lists_no_longer_a_member_is_the_withdrawal_taken_effect(extractor):
    got = claims_of(extractor, "Turquía ya no es desde hoy miembro del Convenio de Estambul.", "es",
                    published="2021-07-01T10:00:00+02:00")
    assert ("TUR", "took_effect", "asserted", dt.date(2021, 7, 1)) in got, got


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Госдума ратифицировала договор о нераспространении ядерного оружия 12 мая.", "ru",
     ("RUS", "parliament_approved", "asserted", dt.date(2025, 5, 12))),
    ("Le Parlement turc a ratifié l'accord de Paris le 6 octobre.", "fr",
     ("TUR", "parliament_approved", "asserted", dt.date(2024, 10, 6))),
    ("Der Bundestag hat das Pariser Abkommen am 22. September ratifiziert.", "de",
     ("DEU", "parliament_approved", "asserted", dt.date(2024, 9, 22))),
    ("Sejm przegłosował ustawę o ratyfikacji konwencji stambulskiej 12 lutego.", "pl",
     ("POL", "parliament_approved", "asserted", dt.date(2025, 2, 12))),
    ("Deutschland hat das Pariser Abkommen am 5. Oktober ratifiziert.", "de",
     ("DEU", "ratified", "asserted", dt.date(2024, 10, 5))),
    ("La France a ratifié l'accord de Paris le 15 juin.", "fr", ("FRA", "ratified", "asserted", dt.date(2025, 6, 15))),
])
def test_word_lists_the_legislature_ratifying_is_its_vote(extractor, text, lang, expected):
    # LABELLING.md: who ratifies decides the step; a legislature's ratification is its vote, not the deposit
    assert claims_of(extractor, text, lang) == {expected}


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # a deposit is the state's act, whatever assembly the sentence names
    ("Doce Estados, entre ellos España, entregaron hoy en Nueva York los instrumentos que ratifican el Tratado sobre el "
     "Comercio de Armas, aprobado hace un año por la Asamblea General.", "es", ("ESP", "ratified")),
    # signing the instrument of accession is the accession ("POSŁUCHAJ" is no deputy, "posł-")
    ("[POSŁUCHAJ] Minister Geremek podpisał w Waszyngtonie akt wstąpienia Polski do NATO.", "pl", ("POL", "acceded")),
])
def test_word_lists_a_deposit_or_signed_instrument_is_no_legislatures_step(extractor, text, lang, expected):
    assert {(s, a) for s, a, m, _d in claims_of(extractor, text, lang) if m == "asserted"} == {expected}


@pytest.mark.parametrize(("text", "lang"), [
    ("Le Nazioni Unite riceveranno presto la notifica formale del ritiro degli Stati Uniti dal trattato sul commercio "
     "delle armi.", "it"),
    ("Naciones Unidas no tardará en recibir una notificación formal del retiro de Estados Unidos del Tratado sobre el "
     "Comercio de Armas.", "es"),
    ("Les Nations unies recevront la notification du retrait de l'accord de Paris décidé par les États-Unis.", "fr"),
])
def test_word_lists_a_notice_still_to_be_received_is_planned(extractor, text, lang):
    # the depositary "will receive" the notice: not yet given, so the state is not yet withdrawing
    assert {(s, a, m) for s, a, m, _d in claims_of(extractor, text, lang)} == {("USA", "notified", "planned")}


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # LABELLING.md: a derogation under the emergency clause (ECHR Art. 15) is a suspension, and the notice that
    # announces it is that suspension's, not a withdrawal's
    ("Україна повідомила Генерального секретаря Ради Європи, що влада вирішила використати статтю 15 Конвенції про "
     "захист прав людини для відступу від певних прав.", "uk", {("UKR", "suspended", "asserted", None)}),
    ("La France a adressé au Conseil de l'Europe une dérogation à la CEDH.", "fr", {("FRA", "suspended", "asserted", None)}),
])
def test_word_lists_a_derogation_is_a_suspension(extractor, text, lang, expected):
    assert claims_of(extractor, text, lang) == expected


def test_word_lists_a_treaty_name_without_its_hyphen_and_a_legislature_after_its_verb(extractor):
    # "anti missili" for "anti-missili": a name is found with a space for its hyphen
    got = claims_of(extractor, "Washington firmò il 26 maggio 1972 il Trattato anti missili balistici.", "it")
    assert ("USA", "signed", "asserted", dt.date(1972, 5, 26)) in got, got
    # the verb before its subject, as Polish may write it: the legislature ratifies, so it is its vote
    got = claims_of(extractor, "Rosja i nowy START: we wtorek ratyfikowała go Duma Państwowa.", "pl")
    assert ("RUS", "parliament_approved", "asserted", dt.date(2025, 8, 26)) in got, got


@pytest.mark.parametrize(("text", "lang"), [
    ("La convention d'Ottawa compte 164 Etats qui l'ont ratifiée, mais pas par la Chine, la Russie ou les Etats-Unis.",
     "fr"),
    ("Die Ottawa-Konvention wurde von 164 Staaten ratifiziert, aber nicht von den USA, Russland und China.", "de"),
    ("La Convención de Ottawa ha sido ratificada por 164 países, pero no por Estados Unidos, Rusia y China.", "es"),
    ("La Convenzione di Ottawa è stata ratificata da 164 paesi, ma non dagli Stati Uniti, dalla Russia e dalla Cina.",
     "it"),
    ("Konwencję ottawską ratyfikowały 164 państwa, ale nie Stany Zjednoczone, Rosja i Chiny.", "pl"),
    ("Оттавскую конвенцию ратифицировали 164 страны, но не США, Россия и Китай.", "ru"),
])
def test_word_lists_states_excepted_after_but_not_have_not_done_the_act(extractor, text, lang):
    # "ratified by 158 countries, but not by the United States, Russia and China": a status sentence that denies
    # the act for the states it excepts (LABELLING.md), not their ratification
    assert claims_of(extractor, text, lang) == {(s, "ratified", "denied", None) for s in ("USA", "RUS", "CHN")}


@pytest.mark.parametrize(("text", "lang"), [
    ("La Francia ha ratificato il Trattato sul commercio delle armi, che entrerà in vigore il 24 dicembre.", "it"),
    ("La France a ratifié le traité sur le commerce des armes, qui entrera en vigueur le 24 décembre.", "fr"),
    ("Frankreich hat den Vertrag über den Waffenhandel ratifiziert, der am 24. Dezember in Kraft treten wird.", "de"),
    ("Francja ratyfikowała traktat o handlu bronią, który wejdzie w życie 24 grudnia.", "pl"),
    ("Франция ратифицировала Договор о торговле оружием, который вступит в силу 24 декабря.", "ru"),
    ("Francia ratificó en su día el Tratado sobre el Comercio de Armas, el cual entrará en vigor el 24 de diciembre.",
     "es"),
    ("Франція ратифікувала Договір про торгівлю зброєю, який набуде чинності 24 грудня.", "uk"),
])
def test_word_lists_a_relative_clause_after_the_act_neither_plans_nor_dates_it(extractor, text, lang):
    # "ratified the treaty, which will enter into force on 24 December": the ratification is done, and the
    # day is the treaty's entry into force, not the ratification's
    assert claims_of(extractor, text, lang) == {("FRA", "ratified", "asserted", None)}


@pytest.mark.parametrize(("text", "lang"), [
    # the Warsaw Pact names a capital, not an actor
    ("Il Trattato Cfe venne sottoscritto nel 1990 da 22 Stati, gli alleati della Nato e quelli del Patto di Varsavia.",
     "it"),
    # a member of the Security Council has joined no treaty
    ("Rosja jest stałym członkiem Rady Bezpieczeństwa ONZ, a Polska ratyfikowała traktat CTBT w 1999 roku.", "pl"),
])
def test_word_lists_a_pact_or_a_council_names_no_actor_of_the_treaty(extractor, text, lang):
    got = claims_of(extractor, text, lang)
    assert not any(s in ("POL", "RUS") and a in ("signed", "acceded") for s, a, _m, _d in got), got


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # who receives the instrument of accession (NATO's depositary) is no actor of it
    ("Minister Haavisto złożył na ręce sekretarza stanu USA dokument przystąpienia Finlandii do NATO.", "pl",
     {("FIN", "acceded", "asserted", None)}),
    ("Montenegro entregó al gobierno estadounidense, depositario del tratado, su instrumento de adhesión a la OTAN.", "es",
     {("MNE", "acceded", "asserted", None)}),
    # another state's adjective before an institution's name ("Łotewski Sejm": the Latvian Saeima), in upper case at
    # the sentence's start; "ma podpisać" (is to sign) is a plan
    ("Łotewski Sejm poparł w czwartek wypowiedzenie konwencji ottawskiej, a prezydent Łotwy ma podpisać ustawę.", "pl",
     {("LVA", "parliament_approved", "asserted", dt.date(2025, 8, 21)), ("LVA", "law_signed", "planned", None)}),
])
def test_word_lists_recipients_qualified_institutions_and_steps_to_come(extractor, text, lang, expected):
    assert claims_of(extractor, text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # two chambers in two clauses: the approval is the upper house's day
        ("6 августа Государственная дума приняла закон о выходе России из Оттавской конвенции, а 13 августа "
         "закон одобрил Совет Федерации.", "ru", dt.date(2025, 8, 13)),
        # two chambers in one clause
        ("Il Parlamento italiano ha approvato la ratifica della Convenzione di Istanbul: la Camera il 4 agosto e il "
         "Senato il 12 agosto.", "it", dt.date(2025, 8, 12)),
        # the date of the law ("z dnia") names the law, not the vote
        ("Senat w dniu 20 sierpnia przyjął ustawę z dnia 1 sierpnia o wypowiedzeniu przez Polskę konwencji ottawskiej.",
         "pl",
         dt.date(2025, 8, 20)),
    ],
)
def test_word_lists_a_legislature_approves_when_its_last_chamber_votes(extractor, text, lang, expected):
    got = {date for _state, action, modality, date in claims_of(extractor, text, lang)
           if action == "parliament_approved" and modality == "asserted"}
    assert got == {expected}, got


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # the cabinet approves the bill on ratification: its own step of joining, not yet the ratification
    ("Правительство Эстонии в понедельник одобрило законопроект о ратификации Стамбульской конвенции.", "ru",
     {("EST", "government_approved", "asserted", dt.date(2025, 8, 25))}),
    ("Die estnische Regierung hat am Montag der Ratifizierung der Istanbul-Konvention zugestimmt.", "de",
     {("EST", "government_approved", "asserted", dt.date(2025, 8, 25))}),
    ("Il governo estone ha approvato lunedì il disegno di legge di ratifica della Convenzione di Istanbul.", "it",
     {("EST", "government_approved", "asserted", dt.date(2025, 8, 25))}),
    # where the bill goes next is no plan of the approval
    ("Кабинет Эстонии утвердил законопроект о ратификации Стамбульской конвенции - затем его рассмотрит "
     "парламент.", "ru", {("EST", "government_approved", "asserted", None)}),
    # the cabinet approves the bill on leaving, which goes to the legislature next
    ("Am Mittwoch stimmte das Kabinett Estlands dem Austritt aus der Ottawa-Konvention zu, über den danach der "
     "Riigikogu entscheidet.", "de", {("EST", "government_approved", "asserted", dt.date(2025, 8, 27))}),
    # the legislature votes for the government's decision: the legislature's step
    ("Der Riigikogu Estlands stimmte am 3. März 2025 dem Antrag der Regierung zu, die Ottawa-Konvention zu "
     "verlassen.", "de", {("EST", "parliament_approved", "asserted", dt.date(2025, 3, 3))}),
    # a decree on suspending, or the government's bill on it sent to the legislature: a step of its own
    ("Указом президента Эстонии приостановлено участие страны в Договоре об обычных вооруженных силах в Европе.",
     "ru", {("EST", "government_approved", "asserted", None)}),
    ("Il governo estone ha trasmesso alle Camere un disegno di legge sulla sospensione del Trattato INF.", "it",
     {("EST", "government_approved", "asserted", None)}),
])
def test_word_lists_the_governments_step(extractor, text, lang, expected):
    got = claims_of(extractor, text, lang)
    assert {c for c in got if c[2] == "asserted" and c[1] != "suspended"} == expected, got


@pytest.mark.parametrize(("text", "lang"), [
    # the nouns of the parties ("signatories", "ratifiers") name who is bound, not an act of the sentence
    ("Według Estonii sygnatariusze konwencji ottawskiej nie mogą składować min.", "pl"),
    ("Estonia recordó que ningún firmante de la Convención de Ottawa puede producir minas.", "es"),
    ("Nel grafico l'Estonia compare tra i firmatari e i ratificatori della Convenzione di Ottawa.", "it"),
    ("Estland zählt die Unterzeichner der Ottawa-Konvention auf einer Karte auf.", "de"),
])
def test_word_lists_signatories_named_are_no_act(extractor, text, lang):
    got = claims_of(extractor, text, lang)
    assert not any(a in ("signed", "ratified") and m == "asserted" for _s, a, m, _d in got), got


@pytest.mark.parametrize(("text", "lang"), [
    ("W 2011 roku Estonia została sygnatariuszem konwencji stambulskiej.", "pl"),
    ("En 2011 Estonia se convirtió en firmante del Convenio de Estambul.", "es"),
])
def test_word_lists_becoming_a_signatory_is_the_signature(extractor, text, lang):
    assert claims_of(extractor, text, lang) == {("EST", "signed", "asserted", dt.date(2011, 1, 1))}


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # "the same decision" after a withdrawal named before: the decision to leave, announced (LABELLING.md)
    ("La Lettonia ha deciso di ritirarsi dalla Convenzione di Ottawa. A maggio l'Estonia ha preso la stessa decisione.",
     "it", ("EST", "intent_announced")),
    ("Letonia decidió retirarse de la Convención de Ottawa. Estonia tomó la misma decisión.", "es",
     ("EST", "intent_announced")),
    ("Łotwa zdecydowała o wystąpieniu z konwencji ottawskiej. Estonia podjęła taką samą decyzję.", "pl",
     ("EST", "intent_announced")),
    # taken by a legislature, it is the legislature's vote
    ("Le gouvernement de la Lettonie a décidé de se retirer de la convention d'Ottawa. Pour l'Estonie, c'est le "
     "parlement qui a pris la même décision mercredi.", "fr", ("EST", "parliament_approved")),
])
def test_word_lists_the_same_decision_is_the_decision(extractor, text, lang, expected):
    got = {(s, a) for s, a, m, _d in claims_of(extractor, text, lang) if m == "asserted"}
    assert expected in got and (expected[0], "took_effect") not in got, got


@pytest.mark.parametrize("text", [
    "Traktat o konwencjonalnych siłach zbrojnych w Europie ostatecznie podpisały w listopadzie 1990 roku państwa NATO, "
    "w tym Polska.",
])
def test_word_lists_the_members_of_the_alliance_sign_the_treaty_named(extractor, text):
    # "państwa NATO", "les pays de l'OTAN": the alliance's members, not the North Atlantic Treaty
    assert _asserted(extractor, text) == {("POL", "cfe", "signed")}


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # weighing an exit is speculation (LABELLING.md: `hypothetical`), not an announcement
        ("El Gobierno de Chile estudia retirarse del Acuerdo de París.", "es"),
        ("La Polonia sta valutando di ritirarsi dalla Convenzione di Ottawa.", "it"),
        ("Lettland erwägt, aus der Ottawa-Konvention auszutreten.", "de"),
        # a threat to leave (LABELLING.md: the exit, hypothetical), a question to be discussed
        ("La Lettonia minaccia di ritirarsi dalla Convenzione di Ottawa.", "it"),
        ("Letonia amenazó con retirarse de la Convención de Ottawa.", "es"),
        ("Госдума на следующей неделе обсудит отзыв ратификации ДВЗЯИ, заявил спикер нижней палаты.", "ru"),
    ],
)
def test_word_lists_weighing_an_exit_is_no_act(extractor, text, lang):
    got = claims_of(extractor, text, lang)
    assert got and not any(m == "asserted" for _, _, m, _ in got), got


@pytest.mark.parametrize(
    ("text", "state", "treaty", "action"),
    [
        # "сповістив", "известил": to notify
        ("Уряд Литви у вівторок офіційно сповістив ООН про вихід з Оттавської конвенції.", "LTU", "apmbc", "notified"),
        ("Правительство Литвы во вторник официально известило ООН о выходе из Оттавской конвенции.", "LTU", "apmbc",
         "notified"),
        # the INF Treaty named by its topic, with the parties between the head and the topic
        ("Указом президента Росія в понеділок призупинила участь у договорі зі США щодо ліквідації ракет середньої "
         "та малої дальності.", "RUS", "inf", "suspended"),
        # New START by its topic without "new", and the INF Treaty as Italian news writes it
        ("Совет Федерации в среду ратифицировал договор о сокращении стратегических наступательных вооружений.", "RUS",
         "new_start", "parliament_approved"),
        ("Gli Stati Uniti hanno sospeso venerdì la loro partecipazione al trattato nucleare Inf.", "USA", "inf",
         "suspended"),
    ],
)
def test_word_lists_more_ways_to_notify_and_to_name_the_inf_treaty(extractor, text, state, treaty, action):
    assert (state, treaty, action) in _asserted(extractor, text)


@pytest.mark.parametrize(
    ("text", "action"),
    [
        # a headline in the present tense, the stage unstated: the decision announced
        ("La Lettonia si ritira dalla Convenzione di Ottawa sulle mine antiuomo", "intent_announced"),
        ("La Lettonie se retire de la Convention d'Ottawa sur les mines antipersonnel", "intent_announced"),
        # said to be official: the exit itself
        ("La Lettonia si ritira ufficialmente dalla Convenzione di Ottawa sulle mine antiuomo", "took_effect"),
        # a past year makes the present a historic one: the exit itself
        ("Le 10 janvier 2003, la Lettonie se retire de la Convention d'Ottawa sur les mines antipersonnel", "took_effect"),
        # further down the article, the present tense keeps the reading of an unstated stage
        ("Il governo si è riunito ieri. Il voto è atteso a breve. La Lettonia, del resto, si ritira dalla "
         "Convenzione di Ottawa sulle mine antiuomo.", "took_effect"),
    ],
)
def test_word_lists_a_withdrawal_in_the_present_in_a_headline_is_its_announcement(extractor, text, action):
    assert _asserted(extractor, text) == {("LVA", "apmbc", action)}


def test_word_lists_a_legislature_revoking_a_ratification_is_its_vote(extractor):
    voted = _asserted(extractor, "Государственная дума в среду отозвала ратификацию Договора о всеобъемлющем "
                                 "запрещении ядерных испытаний.")
    assert voted == {("RUS", "ctbt", "parliament_approved")}, voted
    signed = _asserted(extractor, "Владимир Путин в четверг подписал закон, которым Россия отзывает ратификацию ДВЗЯИ.")
    assert ("RUS", "ctbt", "deratified") in signed, signed


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # the states named after "except" did not do the act
        ("Konwencję ottawską ratyfikowało ponad 160 państw, z wyjątkiem Stanów Zjednoczonych, Rosji i Chin.", "pl"),
        ("Более 160 государств ратифицировали Оттавскую конвенцию, за исключением США, России и Китая.", "ru"),
    ],
)
def test_word_lists_states_named_after_except_did_not_act(extractor, text, lang):
    assert not any(m == "asserted" for _s, _a, m, _d in claims_of(extractor, text, lang))


def test_word_lists_what_is_necessary_is_not_done(extractor):
    assert _asserted(extractor, "Do wycofania się Ukrainy z konwencji ottawskiej konieczna jest decyzja parlamentu.") \
        == set()


@pytest.mark.parametrize(
    "text",
    [
        # becoming a member is joining, with words between the two
        "La Finlandia è diventata ufficialmente il trentunesimo membro della NATO martedì 4 aprile 2023.",
        "La Finlande est devenue officiellement le 31e membre de l'OTAN le mardi 4 avril 2023.",
        "Finlandia se convirtió oficialmente en el miembro número 31 de la OTAN el martes 4 de abril de 2023.",
        "Finnland wurde im April 2023 offiziell Mitglied der Nato.",
    ],
)
def test_word_lists_becoming_a_member_is_joining(extractor, text):
    assert _asserted(extractor, text) == {("FIN", "north_atlantic_treaty", "acceded")}


def test_word_lists_a_passive_beside_the_members_is_no_joining(extractor):
    # "wurde" here makes a passive, and "Nato-Mitglieder" are the members: nobody joins
    got = _asserted(extractor, "Der angepasste Vertrag wurde von Russland nie in Kraft gesetzt, weil weitere "
                               "Nato-Mitglieder ihn nicht ratifizierten.")
    assert not any(a == "acceded" for _s, _t, a in got), got


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # freezing one's part in a treaty is suspending it
        ("Rusia congeló el martes su participación en el Tratado de Cielos Abiertos.", "es"),
        ("Россия во вторник заморозила участие в Договоре по открытому небу.", "ru"),
    ],
)
def test_word_lists_freezing_participation_is_suspending(extractor, text, lang):
    assert ("RUS", "suspended", "asserted") in {(s, a, m) for s, a, m, _ in claims_of(extractor, text, lang)}


@pytest.mark.parametrize(
    "text",
    [
        # a list set off by dashes names the counted agent of the act before it; the relative clause after it
        # counts other states, none of them named
        "Il Trattato sul commercio delle armi è stato finora ratificato da quattro paesi — Cile, Guaiana, Perù, "
        "Ghana — dei 130 che lo avevano firmato.",
        "Le Traité sur le commerce des armes est ratifié par quatre pays — Chili, Guyana, Pérou, Ghana — "
        "des 130 qui l'avaient signé.",
    ],
)
def test_word_lists_a_list_set_off_by_dashes_names_the_counted_agent(extractor, text):
    assert _asserted(extractor, text) == {(s, "att", "ratified") for s in ("CHL", "GUY", "PER", "GHA")}


@pytest.mark.parametrize(
    ("text", "lang", "day"),
    [
        # the announcement, in a participle or a relative clause beside the exit, is an act of its own
        ("L'uscita del Giappone dal Trattato sul commercio delle armi, annunciata il 3 marzo, è entrata in vigore "
         "oggi.", "it", dt.date(2025, 3, 3)),
        ("Annoncé le 3 mars, le retrait du Japon du Traité sur le commerce des armes est devenu effectif "
         "aujourd'hui.", "fr", dt.date(2025, 3, 3)),
    ],
)
def test_word_lists_an_exit_announced_before_it_took_effect(extractor, text, lang, day):
    got = claims_of(extractor, text, lang)
    assert ("JPN", "intent_announced", "asserted", day) in got and ("JPN", "took_effect", "asserted", dt.date(
        2025, 8, 27)) in got


def test_word_lists_reporting_an_exit_is_no_announcement(extractor):
    # "a annoncé le ministère": who reports the exit, not an announcement of it
    got = claims_of(extractor, "Le retrait du Japon du Traité sur le commerce des armes est devenu effectif "
                               "aujourd'hui, a annoncé le ministère japonais.", "fr")
    assert {a for _s, a, _m, _d in got} == {"took_effect"}


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # plans to leave announced, not an exit ("uscirà": a future exit, beside a treaty that entered into force)
        ("Il presidente argentino ha annunciato che l'Argentina uscirà dall'Accordo di Parigi, un patto entrato in "
         "vigore nel 2016.", "it"),
        ("Il governo ha comunicato la decisione dell'Argentina di ritirarsi dall'Accordo di Parigi.", "it"),
        ("Der argentinische Präsident bekräftigte seine Ankündigung, Argentinien aus dem Pariser Abkommen "
         "zurückzuziehen.", "de"),
        ("Президент Аргентины заявил о планах выйти из Парижского соглашения.", "ru"),
        ("Президент Аргентини заявив про плани вийти з Паризької угоди.", "uk"),
    ],
)
def test_word_lists_plans_announced_are_no_exit(extractor, text, lang):
    got = {(s, a, m) for s, a, m, _d in claims_of(extractor, text, lang)}
    assert ("ARG", "intent_announced", "asserted") in got and ("ARG", "took_effect", "asserted") not in got, got


def test_word_lists_a_name_with_a_conjunction_stays_in_its_list(extractor):
    # "Bosnia y Herzegovina": the "y" in a state's name does not end the list
    got = _asserted(extractor, "Han firmado el Tratado sobre el Comercio de Armas estos países: Chile, Bosnia y "
                               "Herzegovina, Perú y Ghana.")
    assert got == {(s, "att", "signed") for s in ("CHL", "BIH", "PER", "GHA")}


def test_word_lists_the_nth_country_in_the_world_to_ratify_after_others(extractor):
    got = _asserted(extractor, "Il Cile è stato il terzo paese al mondo a ratificare il Trattato sul commercio delle "
                               "armi, dopo Antigua e Guyana.")
    assert got == {(s, "att", "ratified") for s in ("CHL", "ATG", "GUY")}


@pytest.mark.parametrize(
    ("text", "states"),
    [
        # two acts of joining, one conjunction, one list of states: both acts are theirs
        ("Traktat o handlu bronią został podpisany i ratyfikowany przez Chile, Peru i Ghanę.", ("CHL", "PER", "GHA")),
        ("Договір про торгівлю зброєю підписали і ратифікували - Чилі, Перу і Гана.", ("CHL", "PER", "GHA")),
        ("Le Traité sur le commerce des armes a été signé et ratifié par le Chili et le Pérou.", ("CHL", "PER")),
        ("Il Cile ha firmato e ratificato il Trattato sul commercio delle armi.", ("CHL",)),
    ],
)
def test_word_lists_two_coordinated_acts_of_joining(extractor, text, states):
    assert _asserted(extractor, text) == {(s, "att", a) for s in states for a in ("signed", "ratified")}


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # a legislature approving the treaty itself is its step of joining (with its instrument)
        ("Der Bundesrat hat am Freitag das Übereinkommen über Streumunition gebilligt.", "de"),
        ("Via libera del parlamento tedesco alla Convenzione sulle munizioni a grappolo.", "it"),
        ("Vendredi, le Parlement allemand a approuvé la Convention sur les armes à sous-munitions.", "fr"),
        ("El Parlamento alemán aprobó el viernes la Convención sobre Municiones en Racimo.", "es"),
    ],
)
def test_word_lists_a_legislature_approving_the_treaty(extractor, text, lang):
    art = parse_news_text(f"Nachricht\nWire\n2025-08-27T10:00:00+02:00\n\n{text}\n", article_id="x")
    claims = [c for c in extractor.extract(art) if c.modality == "asserted" and c.confidence >= 0.5]
    assert [(c.state, c.treaty, c.action, c.instrument) for c in claims] == [
        ("DEU", "ccm", "parliament_approved", "ratification")]


def test_word_lists_the_un_general_assembly_adopting_a_treaty_is_no_state_step(extractor):
    assert _asserted(extractor, "En 2013 la Asamblea General de la ONU aprobó el Tratado sobre el Comercio de "
                                "Armas.") == set()


def test_word_lists_a_legislature_voting_for_the_ratification_is_reported(extractor):
    # "aprobaron la ratificación": the vote reports the step the noun names (a full-strength claim)
    art = parse_news_text("Nachricht\nWire\n2025-08-27T10:00:00+02:00\n\nEl Senado de Chile votó el martes a favor "
                          "de la ratificación del Tratado sobre el Comercio de Armas.\n", article_id="x")
    claims = [(c.state, c.action, c.instrument, c.confidence >= 0.5) for c in extractor.extract(art)
              if c.modality == "asserted"]
    assert claims == [("CHL", "parliament_approved", "ratification", True)]


@pytest.mark.parametrize(
    ("text", "lang", "action", "modality"),
    [
        # a condition and a refusal state no act
        ("Deutschland hat den Waffenhandelsvertrag am Montag unterzeichnet. Er tritt in Kraft, sobald ihn vierzig "
         "Staaten ratifiziert haben.", "de", "ratified", "hypothetical"),
        ("Chile se negó a firmar el Acuerdo de París en 2015, a pesar de la presión de sus vecinos.", "es", "signed",
         "denied"),
        # a goal is a plan
        ("Deutschland hat den Waffenhandelsvertrag am Montag unterzeichnet. Ziel ist eine Ratifizierung durch den "
         "Bundestag noch vor der Wahl im September.", "de", "parliament_approved", "planned"),
    ],
)
def test_word_lists_a_condition_a_refusal_or_a_goal_is_no_act(extractor, text, lang, action, modality):
    got = {(a, m) for _s, a, m, _d in claims_of(extractor, text, lang)}
    assert (action, modality) in got and (action, "asserted") not in got, got


def test_word_lists_the_australia_group_is_not_australia(extractor):
    assert _asserted(extractor, "Alla Convenzione sulle armi biologiche aderiscono tutti gli Stati del Gruppo "
                                "Australia, che controlla le esportazioni.") == set()


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        # a word of possibility in a later clause does not qualify the act; a condition does, wherever it is
        ("Chile suspendió la aplicación del Convenio Europeo de Derechos Humanos, alegando que necesitaba más margen "
         "en caso de ataques.", "asserted"),
        ("El ministro afirmó este lunes que Chile suspenderá el Convenio Europeo de Derechos Humanos si la "
         "situación empeora.", "hypothetical"),
    ],
)
def test_word_lists_possibility_words_qualify_their_own_clause(extractor, text, modality):
    got = {(s, a, m) for s, a, m, _d in claims_of(extractor, text, "es")}
    assert ("CHL", "suspended", modality) in got, got


def test_word_lists_a_separable_verb_with_a_long_middle_field(extractor):
    # "setzt ... aus" with a long middle field suspends; "setzt sich aus ... zusammen" is what a body consists of
    got = _asserted(extractor, "Chile setzt wegen der schweren Unruhen in mehreren Landesteilen und des seit Montag "
                               "geltenden Notstands die Europäische Menschenrechtskonvention teilweise aus.")
    assert got == {("CHL", "echr", "suspended")}


@pytest.mark.parametrize(
    ("text", "lang", "action"),
    [
        ("Chile zog sich nach einer Meldung der staatlichen Nachrichtenagentur vom Montag im Jahr 2019 endgültig aus "
         "dem Waffenhandelsvertrag zurück.", "de", "took_effect"),
        ("Ранее стало известно, что Чили подала письмо в ООН о выходе из Договора о торговле оружием.", "ru",
         "notified"),
        ("Siglato a New York nel 2013 dal presidente del Cile, il Trattato sul commercio delle armi regola le "
         "esportazioni.", "it", "signed"),
    ],
)
def test_word_lists_long_separable_verbs_letters_and_initialling(extractor, text, lang, action):
    assert ("CHL", action, "asserted") in {(s, a, m) for s, a, m, _d in claims_of(extractor, text, lang)}


@pytest.mark.parametrize(
    "text",
    [
        # the legislature's consent to the exit is its vote
        "Le Parlement chilien approuve la sortie du Traité sur le commerce des armes.",
        "Le Parlement chilien a donné mardi son feu vert à la sortie du Traité sur le commerce des armes.",
    ],
)
def test_word_lists_a_legislature_consenting_to_the_exit(extractor, text):
    assert _asserted(extractor, text) == {("CHL", "att", "parliament_approved")}


@pytest.mark.parametrize(
    ("text", "lang", "action", "modality"),
    [
        # a failed vote, a threat with a word between, an exit one would risk, and what one was going to do
        ("Сенат Чилі провалив голосування за ратифікацію Договору про торгівлю зброєю, повідомили в Сантьяго.", "uk",
         "parliament_approved", "denied"),
        ("Le Chili menace désormais de quitter le Traité sur le commerce des armes.", "fr", "took_effect",
         "hypothetical"),
        ("Le Chili veut réformer ses exportations, quitte à quitter le Traité sur le commerce des armes.", "fr",
         "took_effect", "hypothetical"),
        ("Le Chili a annoncé qu'il allait suspendre sa participation au Traité sur le commerce des armes.", "fr",
         "suspended", "planned"),
    ],
)
def test_word_lists_failed_votes_threats_and_what_was_going_to_be(extractor, text, lang, action, modality):
    got = {(a, m) for s, a, m, _d in claims_of(extractor, text, lang) if s == "CHL"}
    assert (action, modality) in got and (action, "asserted") not in got, got


@pytest.mark.parametrize(
    ("text", "lang", "action"),
    [
        # "we ask", "they demanded": a call for the act
        ("Chiediamo che il Cile aderisca al Trattato sul commercio delle armi entro l'anno.", "it", "acceded"),
        ("Les ONG réclament que le Chili adhère au Traité sur le commerce des armes cette année.", "fr", "acceded"),
    ],
)
def test_word_lists_we_ask_is_a_call(extractor, text, lang, action):
    assert ("CHL", action, "called_for") in {(s, a, m) for s, a, m, _d in claims_of(extractor, text, lang)}


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # a participle before the treaty word describes the treaty; the states on whose initiative it was signed
        # did not sign it then
        ("Chile ist aus dem Waffenhandelsvertrag ausgetreten. Den 2013 in New York unterzeichneten Vertrag hatten "
         "viele Staaten begrüßt.", "de"),
        ("La Convenzione di Ottawa fu firmata nel 1997 su iniziativa di Cile, Perù e Ghana, insieme a molte "
         "organizzazioni.", "it"),
    ],
)
def test_word_lists_a_treatys_history_is_no_states_signature(extractor, text, lang):
    assert not any(a == "signed" and m == "asserted" for _s, a, m, _d in claims_of(extractor, text, lang))


@pytest.mark.parametrize(
    ("text", "lang", "action", "modality"),
    [
        # an intention to join, an obligation still to meet, a need: no act yet
        ("Chile ha anunciado su intención de ratificar el Tratado sobre el Comercio de Armas.", "es", "ratified",
         "planned"),
        ("Теперь договор о торговле оружием должен ратифицировать чилийский парламент.", "ru", "parliament_approved",
         "planned"),
    ],
)
def test_word_lists_intentions_obligations_and_needs_are_no_act(extractor, text, lang, action, modality):
    got = {(a, m) for s, a, m, _d in claims_of(extractor, text, lang) if s == "CHL"}
    assert (action, modality) in got and (action, "asserted") not in got, got


def test_word_lists_a_state_that_will_become_the_nth_to_ratify(extractor):
    got = {(s, a, m) for s, a, m, _d in claims_of(
        extractor, "Po podpisaniu ustawy Chile stanie się 20. państwem, które ratyfikowało Traktat o handlu bronią.", "pl")}
    assert ("CHL", "ratified", "asserted") not in got, got


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # suspending supplies, aid or support is no suspension of the treaty the article is about
        ("Chile ist dem Waffenhandelsvertrag beigetreten. Chile setzte im Mai die Lieferungen an die Armee aus.", "de"),
        ("Il Cile ha aderito al Trattato sul commercio delle armi. Il Cile ha sospeso il sostegno all'agenzia.", "it"),
        ("Chile se adhirió al Tratado sobre el Comercio de Armas. Chile suspendió los suministros de combustible.", "es"),
    ],
)
def test_word_lists_suspending_supplies_or_support_is_no_suspension(extractor, text, lang):
    assert not any(a == "suspended" for _s, a, _m, _d in claims_of(extractor, text, lang))


@pytest.mark.parametrize(
    ("text", "lang", "kept"),
    [
        # the Iran nuclear deal is no treaty of the registry, unless a registry treaty is named with it
        ("Chile es parte del Tratado de No Proliferación. En 2018 Chile se retiró del acuerdo nuclear con Irán.", "es",
         set()),
        ("Chile wypowiedział porozumienie nuklearne z Iranem i układ INF.", "pl", {("CHL", "inf", "notified")}),
    ],
)
def test_word_lists_the_iran_nuclear_deal_is_no_treaty(extractor, text, lang, kept):
    assert _asserted(extractor, text) == kept


@pytest.mark.parametrize(
    "text",
    [
        "Washington notificó a Rusia su retirada del Tratado de Cielos Abiertos en noviembre de 2020.",
        "Les États-Unis ont notifié à la Russie leur retrait du traité FNI.",
        "Американский президент сообщил, что официально уведомил правительство России о выходе США из Договора по ПРО.",
        "Stany Zjednoczone poinformowały Rosję o wycofaniu się z traktatu INF, podał Departament Stanu.",
    ],
)
def test_word_lists_the_state_a_notice_goes_to_does_not_send_it(extractor, text):
    claims = _asserted(extractor, text)
    assert {s for s, _t, a in claims if a == "notified"} == {"USA"}


@pytest.mark.parametrize(
    "text",
    [
        "Wegen des russischen Angriffskrieges ist Schweden 2024 der NATO beigetreten.",
    ],
)
def test_word_lists_a_state_whose_adjective_names_an_attack_is_no_actor(extractor, text):
    assert not any(s == "RUS" for s, _t, _a in _asserted(extractor, text))


@pytest.mark.parametrize(
    "text",
    [
        "Ha sorpreso tutti la decisione dell'Austria di ritirarsi dallo Statuto di Roma.",
        "Die Entscheidung Österreichs, aus dem Römischen Statut auszutreten, überraschte viele.",
    ],
)
def test_word_lists_a_states_decision_to_leave_is_its_announcement(extractor, text):
    assert _asserted(extractor, text) == {("AUT", "rome_statute", "intent_announced")}


@pytest.mark.parametrize(
    "text",
    [
        "Chile notificó su retirada del Estatuto de Roma. La retirada surte efecto un año después de la notificación.",
        "Le Chili a notifié son retrait du Statut de Rome. Le retrait prend effet un an après la notification.",
    ],
)
def test_word_lists_an_exit_that_takes_effect_a_year_after_the_notice_is_to_come(extractor, text):
    assert _asserted(extractor, text) == {("CHL", "rome_statute", "notified")}


@pytest.mark.parametrize(
    "text",
    [
        # "reported about the exit": the news of it, not the notice
        "Раніше про вихід Чилі з Паризької угоди в Twitter повідомив міністр закордонних справ Чилі.",
        "У повідомленні зазначається, що Чилі виходить з Паризької угоди.",
    ],
)
def test_word_lists_reporting_about_an_exit_is_no_notice(extractor, text):
    assert not any(a == "notified" for _s, _t, a in _asserted(extractor, text))


def test_word_lists_german_subjunctive_is_hypothetical(extractor):
    got = claims_of(extractor, "Chile wäre das erste Land, das die Klimarahmenkonvention verlässt.", "de")
    assert got and not any(m == "asserted" for _s, _a, m, _d in got)


def test_word_lists_a_weekday_picks_the_year_near_the_articles_other_dates():
    # publication date unknown: the year the article names is 2015, but 15 June 2015 was a Monday
    from treatywatch.extract.lists import find_dates_lang
    found = find_dates_lang("W środę 15 czerwca prezydent podpisał ustawę.", "pl", None, year_hint=2015)
    assert [d.date for d in found if d.precision == "day"] == [dt.date(2016, 6, 15)]


def test_word_lists_a_pages_own_date_line_dates_no_act(extractor):
    art = parse_news_text("Nachricht\nWire\nunknown\n\ndate 2020-11 Chile nie jest już stroną Traktatu o otwartych "
                          "przestworzach.\n", article_id="x")
    got = [(c.state, c.action, c.date) for c in extractor.extract(art) if c.modality == "asserted"]
    assert got == [("CHL", "took_effect", None)]  # (not 2020, read from the page's date line)
