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
        # a revoked ratification with the state between the verb and the noun
        ("Сенаторы одобрили отзыв РФ ратификации Договора о всеобъемлющем запрещении ядерных испытаний.", "ru",
         {("RUS", "deratified", "asserted", None)}),
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
