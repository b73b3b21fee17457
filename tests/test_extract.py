import datetime as dt

import pytest

from treatywatch import Extractor, ExtractOptions, parse_news_text

from .conftest import SEED

PUB = "2025-06-28T12:00:00+00:00"


def article(body: str, title: str = "Treaty news", published: str = PUB, article_id: str = "t"):
    return parse_news_text(f"{title}\nTest Wire\n{published}\n\n{body}\n", article_id=article_id)


def asserted(claims):
    return {(c.state, c.treaty, c.action) for c in claims if c.modality == "asserted"}


@pytest.fixture(scope="module")
def seed_claims(extractor):
    return extractor.extract(parse_news_text(SEED.read_bytes(), article_id=SEED.stem))


def test_extract_seed_finds_ltu_and_est_notifications(seed_claims):
    assert asserted(seed_claims) == {("LTU", "apmbc", "notified"), ("EST", "apmbc", "notified")}


def test_extract_seed_evidence_points_at_the_sentences(seed_claims):
    text = parse_news_text(SEED.read_bytes()).text
    by_state = {c.state: c for c in seed_claims if c.action == "notified"}
    for claim in by_state.values():
        assert text[claim.evidence.start:claim.evidence.end] == claim.evidence.text
    assert by_state["LTU"].evidence.text.startswith("“Today, Lithuania has formally notified the UN Secretary-General")
    assert by_state["EST"].evidence.text.startswith("Estonia also submitted a letter to the UN")


def test_extract_seed_today_is_relative_not_explicit(seed_claims):
    ltu = next(c for c in seed_claims if c.state == "LTU")
    assert ltu.date == dt.date(2025, 6, 28)
    assert ltu.date_basis == "relative"
    assert ltu.date_precision == "day"
    assert ltu.effective == dt.date(2025, 12, 28)
    assert any("quotation" in n for n in ltu.notes)


def test_extract_seed_estonia_is_bounded_by_publication(seed_claims):
    est = next(c for c in seed_claims if c.state == "EST" and c.action == "notified")
    assert est.date is None
    assert est.date_basis == "bounded"
    assert est.bound == dt.date(2025, 6, 28)


def test_extract_seed_actor_and_quote(seed_claims):
    ltu = next(c for c in seed_claims if c.state == "LTU")
    assert ltu.actor == "Kęstutis Budrys"
    assert ltu.quotes and ltu.quotes[0].channel == "X"
    assert ltu.quotes[0].speaker == "Kęstutis Budrys"


def test_extract_seed_no_claim_for_threat_or_bystander(seed_claims):
    states = {c.state for c in seed_claims if c.modality == "asserted"}
    assert not states & {"RUS", "LVA", "UKR"}


def test_extract_gated_and_ungated_agree_on_seed(seed_claims):
    ungated = Extractor(ExtractOptions(gate=False)).extract(parse_news_text(SEED.read_bytes(), article_id=SEED.stem))
    assert asserted(ungated) == asserted(seed_claims)


def test_extract_ordinary_news_yields_nothing(extractor):
    art = article("The city council approved a new budget for road repairs on Monday. Fans signed up for the "
                  "comic convention in Ottawa.", title="Council budget")
    assert extractor.extract(art) == []


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Poland's Sejm voted 413 to 15 on Thursday to withdraw from the Ottawa Convention.",
         ("POL", "apmbc", "parliament_approved", "asserted", dt.date(2025, 6, 26))),
        ("Latvian President Edgars Rinkēvičs signed the law on withdrawal from the Ottawa Convention on 24 April.",
         ("LVA", "apmbc", "law_signed", "asserted", dt.date(2025, 4, 24))),
        ("Lithuania's withdrawal from the Convention on Cluster Munitions took effect on 6 March 2025.",
         ("LTU", "ccm", "took_effect", "asserted", dt.date(2025, 3, 6))),
        ("Finland submitted its instrument of withdrawal from the Ottawa Convention to the UN Secretary-General on 10 July.",
         ("FIN", "apmbc", "notified", "asserted", dt.date(2024, 7, 10))),
        ("Poland plans to withdraw from the Ottawa Convention.",
         ("POL", "apmbc", "intent_announced", "asserted", None)),
        ("Poland will withdraw from the Ottawa Convention, Prime Minister Donald Tusk said on Friday.",
         ("POL", "apmbc", "intent_announced", "asserted", dt.date(2025, 6, 27))),
        ("Human rights groups urged Poland not to withdraw from the Ottawa Convention.",
         ("POL", "apmbc", "intent_announced", "called_for", None)),
        ("Finland will not withdraw from the Ottawa Convention, the minister said.",
         ("FIN", "apmbc", "intent_announced", "denied", None)),
        ("Could Poland withdraw from the Ottawa Convention?",
         ("POL", "apmbc", "intent_announced", "question", None)),
        ("Latvia could leave the Ottawa Convention.",
         ("LVA", "apmbc", "intent_announced", "hypothetical", None)),
        ("The Marshall Islands ratified the Ottawa Convention on 12 March 2025.",
         ("MHL", "apmbc", "ratified", "asserted", dt.date(2025, 3, 12))),
    ],
)
def test_extract_stage_modality_and_date(extractor, body, expected):
    claims = extractor.extract(article(body))
    got = {(c.state, c.treaty, c.action, c.modality, c.date) for c in claims}
    assert expected in got, got


def test_extract_background_act(extractor):
    claims = extractor.extract(article("Lithuania ratified the Ottawa Convention in 2003 and left it this year."))
    old = [c for c in claims if c.action == "ratified"]
    assert old and old[0].background and old[0].date_precision == "year"


def test_extract_weekday_contradiction_lowers_confidence(extractor):
    pub = "2025-07-11T09:00:00+03:00"
    right = extractor.extract(article("Finland notified the UN of its withdrawal from the Ottawa Convention on Thursday, "
                                      "July 10, 2025.", published=pub))
    wrong = extractor.extract(article("Finland notified the UN of its withdrawal from the Ottawa Convention on Monday, "
                                      "July 10, 2025.", published=pub))
    assert right[0].date == wrong[0].date == dt.date(2025, 7, 10)
    assert wrong[0].confidence < right[0].confidence
    assert any("does not match" in n for n in wrong[0].notes)


def test_extract_suspension(extractor):
    claims = extractor.extract(article("Ukraine's parliament voted on 15 July to suspend the Ottawa Convention.",
                                       published="2025-07-16T09:00:00+03:00"))
    assert ("UKR", "apmbc", "suspended") in asserted(claims)


def test_extract_dateline_dates_relative_words(extractor):
    art = article("VILNIUS, June 27 (Reuters) - Lithuania on Friday notified the United Nations of its withdrawal "
                  "from the Ottawa Convention.", published="2025-06-29T08:00:00+00:00")
    (claim,) = [c for c in extractor.extract(art) if c.action == "notified"]
    assert claim.date == dt.date(2025, 6, 27)
    assert claim.date_basis == "dateline"


def test_extract_quote_speaker_role_state_channel(extractor):
    art = article("Finnish President Alexander Stubb wrote on X: \"Today Finland notified the UN Secretary-General "
                  "of its withdrawal from the Ottawa Convention.\"", published="2025-07-10T15:00:00+03:00")
    (claim,) = [c for c in extractor.extract(art) if c.action == "notified"]
    assert claim.date == dt.date(2025, 7, 10)
    (quote,) = claim.quotes
    assert (quote.speaker, quote.role, quote.state, quote.channel) == ("Alexander Stubb", "president", "FIN", "X")


def test_extract_language_unsupported_yields_nothing(extractor):
    art = parse_news_text("Lietuva pasitraukia\nLRT\n2025-06-27T10:00:00+03:00\n\nLietuva pranešė Jungtinėms "
                          "Tautoms, kad pasitraukia iš Otavos konvencijos, ir tai yra valstybės sprendimas.\n",
                          article_id="lt")
    assert art.language == "lt"
    assert extractor.extract(art) == []


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Litauen hat am Freitag die Vereinten Nationen über seinen Austritt aus der Ottawa-Konvention unterrichtet.",
         "de", ("LTU", "apmbc", "notified", "asserted", dt.date(2025, 6, 27))),
        ("La Lituanie a notifié le 27 juin aux Nations unies son retrait de la Convention d'Ottawa.",
         "fr", ("LTU", "apmbc", "notified", "asserted", dt.date(2025, 6, 27))),
        ("Литва в пятницу уведомила ООН о выходе из Оттавской конвенции.",
         "ru", ("LTU", "apmbc", "notified", "asserted", dt.date(2025, 6, 27))),
        ("Верховна Рада ухвалила закон про вихід України з Оттавської конвенції.",
         "uk", ("UKR", "apmbc", "parliament_approved", "asserted", None)),
        ("Sejm uchwalił w środę ustawę o wypowiedzeniu Konwencji ottawskiej.",
         "pl", ("POL", "apmbc", "parliament_approved", "asserted", dt.date(2025, 6, 25))),
        ("Polska nie wystąpi z Konwencji ottawskiej, zapewnił minister.",
         "pl", ("POL", "apmbc", "took_effect", "denied", None)),
    ],
)
def test_extract_word_list_languages(extractor, text, lang, expected):
    art = parse_news_text(f"Nachricht\nWire\n2025-06-28T10:00:00+02:00\n\n{text}\n", article_id="x")
    assert art.language == lang
    got = {(c.state, c.treaty, c.action, c.modality, c.date) for c in extractor.extract(art)}
    assert expected in got, got


def test_extract_act_dates_never_after_publication(extractor):
    (claim,) = extractor.extract(article("Finland notified the UN of its withdrawal from the Ottawa Convention, so it "
                                         "leaves on 10 January 2026.", published="2025-07-11T09:00:00+03:00"))
    assert claim.action == "notified" and claim.date is None and claim.bound == dt.date(2025, 7, 11)
