import datetime as dt

import pytest
from spacy.tokens import Doc

from treatywatch import Extractor, ExtractOptions, parse_news_text
from treatywatch.extract.english import ArticleExtraction
from treatywatch.extract.tree import has_law_word

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
    assert ltu.effective is None  # the rules stage's to count (tests/test_rules.py)
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


def test_extract_tokenizer_from_the_config_is_the_packaged_one(extractor):
    """``load_nlp`` keeps the tokenizer the model's config makes and does not read the one in its
    files: the two must be the same, rules, special cases and patterns."""
    import spacy

    from treatywatch.extract import DEFAULT_MODEL

    packaged = spacy.load(DEFAULT_MODEL, exclude=["ner"]).tokenizer
    assert extractor.nlp.tokenizer.to_bytes(exclude=["vocab"]) == packaged.to_bytes(exclude=["vocab"])
    assert len(extractor.nlp.tokenizer.rules) > 1000


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


def claims_of(claims):
    return {(c.state, c.treaty, c.action, c.modality, c.date) for c in claims}


def test_extract_gapped_list_gives_each_state_its_own_date(extractor):
    claims = claims_of(extractor.extract(article(
        "Mali ratified the Rome Statute in 2000, Niger in 2002 and Burkina Faso in 2004.")))
    assert {("MLI", "rome_statute", "ratified", "asserted", dt.date(2000, 1, 1)),
            ("NER", "rome_statute", "ratified", "asserted", dt.date(2002, 1, 1)),
            ("BFA", "rome_statute", "ratified", "asserted", dt.date(2004, 1, 1))} <= claims


def test_extract_gapped_list_with_its_own_way_of_joining(extractor):
    claims = claims_of(extractor.extract(article(
        "All three joined the Ottawa Convention early: Lithuania by ratification in 2003, and Estonia and Latvia "
        "by accession in 2004 and 2005.")))
    assert {("LTU", "apmbc", "ratified", "asserted", dt.date(2003, 1, 1)),
            ("EST", "apmbc", "acceded", "asserted", dt.date(2004, 1, 1)),
            ("LVA", "apmbc", "acceded", "asserted", dt.date(2005, 1, 1))} <= claims
    assert ("LTU", "apmbc", "acceded", "asserted", dt.date(2003, 1, 1)) not in claims


def test_extract_followed_and_did_so_repeat_the_act(extractor):
    claims = claims_of(extractor.extract(article(
        "Lithuania and Latvia lodged their notices of withdrawal from the Ottawa Convention on 27 June, and "
        "Finland followed on 10 July.", published="2025-08-01T09:00:00+03:00")))
    assert {("LTU", "apmbc", "notified", "asserted", dt.date(2025, 6, 27)),
            ("LVA", "apmbc", "notified", "asserted", dt.date(2025, 6, 27)),
            ("FIN", "apmbc", "notified", "asserted", dt.date(2025, 7, 10))} <= claims
    did_so = asserted(extractor.extract(article(
        "Poland's parliament voted to leave the Ottawa Convention, and the three Baltic parliaments had done so earlier.")))
    assert {("EST", "apmbc", "parliament_approved"), ("LTU", "apmbc", "parliament_approved")} <= did_so


def test_extract_government_bill_passed_by_parliament(extractor):
    claims = claims_of(extractor.extract(article(
        "Poland's Sejm on Thursday passed the government's bill withdrawing the country from the Ottawa Convention.")))
    assert ("POL", "apmbc", "parliament_approved", "asserted", dt.date(2025, 6, 26)) in claims
    assert ("POL", "apmbc", "government_approved", "asserted", None) in claims


def test_extract_signature_in_relative_clause_and_participle(extractor):
    got = asserted(extractor.extract(article(
        "Russia revoked its ratification of the Comprehensive Nuclear-Test-Ban Treaty. Moscow pointed to the United "
        "States, which signed the treaty in 1996 but has never ratified it.")))
    assert ("USA", "ctbt", "signed") in got and ("USA", "ctbt", "ratified") not in got
    got = asserted(extractor.extract(article(
        "Russia suspended the New START treaty. The treaty, signed in Prague in April 2010 by Presidents Barack Obama "
        "and Dmitry Medvedev, caps deployed warheads.")))
    assert {("USA", "new_start", "signed"), ("RUS", "new_start", "signed")} <= got


def test_extract_date_counted_from_the_main_clause(extractor):
    claims = claims_of(extractor.extract(article(
        "Latvia's government approved the withdrawal from the Ottawa Convention on 25 March, a week after the defence "
        "ministers of Latvia and Poland recommended leaving.")))
    assert ("POL", "apmbc", "intent_announced", "asserted", dt.date(2025, 3, 18)) in claims


def test_extract_a_date_in_a_clause_about_another_act_is_not_this_acts(extractor):
    claims = claims_of(extractor.extract(article(
        "Russia ratified the CTBT after signing it in 1996.", published="2019-09-01T10:00:00+00:00")))
    assert ("RUS", "ctbt", "ratified", "asserted", None) in claims
    assert ("RUS", "ctbt", "signed", "asserted", dt.date(1996, 1, 1)) in claims
    # the act's own complement keeps its date; the legislature's vote is its step of joining (LABELLING.md)
    claims = claims_of(extractor.extract(article(
        "Russia's parliament voted on Friday to ratify the CTBT.", published="2019-09-01T10:00:00+00:00")))
    assert ("RUS", "ctbt", "parliament_approved", "asserted", dt.date(2019, 8, 30)) in claims


def test_extract_states_saying_they_are_withdrawing_announce_it(extractor):
    got = asserted(extractor.extract(article(
        "Burkina Faso, Mali and Niger said on Monday that they were withdrawing from the Rome Statute.")))
    assert {(s, "rome_statute", "intent_announced") for s in ("BFA", "MLI", "NER")} <= got
    assert not any(action == "took_effect" for _s, _t, action in got)


def test_extract_same_day_takes_the_date_of_the_act_before(extractor):
    claims = claims_of(extractor.extract(article(
        "Latvia lodged its instrument of withdrawal from the Ottawa Convention on 27 June. Lithuania and Estonia "
        "deposited their own notices with the UN on the same day.")))
    assert {("LTU", "apmbc", "notified", "asserted", dt.date(2025, 6, 27)),
            ("EST", "apmbc", "notified", "asserted", dt.date(2025, 6, 27))} <= claims


def test_extract_decree_signed_in_relative_clause_is_government_approval(extractor):
    claims = claims_of(extractor.extract(article(
        "Ukraine's parliament voted to suspend the Ottawa Convention. The vote follows a decree that President "
        "Volodymyr Zelensky signed on 29 June.", published="2025-07-16T09:00:00+03:00")))
    assert ("UKR", "apmbc", "government_approved", "asserted", dt.date(2025, 6, 29)) in claims
    assert not any(c[2] == "signed" for c in claims)


def test_extract_head_of_state_approval_in_an_undated_clause(extractor):
    claims = claims_of(extractor.extract(article(
        "Finland has handed over its notice of withdrawal. Parliament gave its consent on 19 June by 157 votes to "
        "18, and Finnish President Alexander Stubb then formally decided on the withdrawal from the Ottawa "
        "Convention.")))
    assert ("FIN", "apmbc", "parliament_approved", "asserted", dt.date(2025, 6, 19)) in claims
    assert ("FIN", "apmbc", "law_signed", "asserted", None) in claims


def test_extract_states_listed_after_a_colon(extractor):
    got = asserted(extractor.extract(article(
        "Hungary lodged its notice of withdrawal from the Rome Statute on 2 June. Only two countries have ever "
        "left the statute: Burundi and the Philippines.")))
    assert {("BDI", "rome_statute", "took_effect"), ("PHL", "rome_statute", "took_effect")} <= got


def test_extract_rules_and_recommendations_are_not_acts(extractor):
    claims = extractor.extract(article(
        "Could Budapest quit the Rome Statute? Any withdrawal would require a written notice to the UN and would "
        "take effect one year after the notice arrived. Ramaphosa said the governing party had decided that South "
        "Africa should pull out of the Rome Statute."))
    assert asserted(claims) == set()


BALTIC_EFFECT = ("Estonia, Latvia and Lithuania have left the Ottawa Convention. Their withdrawals took effect at the "
                 "end of the six-month notice period that began when the United Nations received their notifications "
                 "on 27 June.")


def test_extract_their_after_a_list_and_an_effect_the_text_leaves_undated(extractor):
    claims = claims_of(extractor.extract(article(BALTIC_EFFECT, title="Estonia, Latvia and Lithuania leave the mine "
                                                 "ban treaty", published="2025-12-27T09:00:00+02:00")))
    for state in ("EST", "LVA", "LTU"):
        assert (state, "apmbc", "notified", "asserted", dt.date(2025, 6, 27)) in claims
        assert (state, "apmbc", "took_effect", "asserted", None) in claims  # the rules count it


def test_extract_the_four_countries_are_the_ones_named(extractor):
    got = asserted(extractor.extract(article(
        "Lithuania's parliament voted to denounce the Ottawa Convention on Thursday. The decision was coordinated "
        "with Latvia, Estonia and Poland; the defence ministers of the four countries issued a joint "
        "recommendation to leave the treaty on 18 March.")))
    assert {(s, "apmbc", "intent_announced") for s in ("LTU", "LVA", "EST", "POL")} <= got


def test_extract_bill_steps_with_same_and_next_day(extractor):
    claims = claims_of(extractor.extract(article(
        "Putin announced the suspension of the New START treaty on 21 February. He submitted a bill to the State "
        "Duma the same evening, and both chambers of parliament passed it the next day.",
        published="2023-03-01T09:00:00+03:00")))
    assert ("RUS", "new_start", "government_approved", "asserted", dt.date(2023, 2, 21)) in claims
    assert ("RUS", "new_start", "parliament_approved", "asserted", dt.date(2023, 2, 22)) in claims


def test_extract_legislature_passing_a_deratification_law_is_its_vote(extractor):
    got = asserted(extractor.extract(article(
        "Russia's State Duma on Wednesday passed a law withdrawing the country's ratification of the "
        "Comprehensive Nuclear-Test-Ban Treaty.", published="2023-10-19T09:00:00+03:00")))
    assert ("RUS", "ctbt", "parliament_approved") in got and ("RUS", "ctbt", "deratified") not in got


def test_extract_deliberation_reaction_and_retraction_are_not_acts(extractor):
    claims = extractor.extract(article(
        "Russia suspended the New START treaty on 21 February. Officials in Vilnius have said they are considering "
        "leaving the Ottawa Convention. Washington called the suspension legally invalid. Campaigners urged Warsaw to "
        "reconsider while the notice can still be withdrawn.", published="2023-03-01T09:00:00+03:00"))
    assert asserted(claims) == {("RUS", "new_start", "suspended")}
    assert ("LTU", "apmbc", "intent_announced", "hypothetical") in {(c.state, c.treaty, c.action, c.modality)
                                                                   for c in claims}


def test_extract_negated_core_and_declined_step_are_denied(extractor):
    claims = extractor.extract(article(
        "On 21 February Putin told parliament that Russia was suspending its participation in the New START treaty "
        "but was not withdrawing from it. Latvian President Edgars Rinkevics declined to promulgate the law on "
        "withdrawal from the Istanbul Convention.", published="2023-03-01T09:00:00+03:00"))
    got = {(c.state, c.treaty, c.action, c.modality) for c in claims}
    assert ("RUS", "new_start", "intent_announced", "asserted") not in got
    assert ("LVA", "istanbul_convention", "law_signed", "asserted") not in got


def test_extract_signed_instrument_of_acceptance_is_accession(extractor):
    got = asserted(extractor.extract(article(
        "President Joe Biden signed the instrument of acceptance of the Paris Agreement on 20 January. Biden signed "
        "the document hours after his inauguration.", published="2021-02-19T09:00:00+00:00")))
    assert ("USA", "paris_agreement", "acceded") in got and ("USA", "paris_agreement", "signed") not in got


def test_extract_decree_signed_by_the_president_in_a_participle(extractor):
    got = asserted(extractor.extract(article(
        "Türkiye is withdrawing from the Istanbul Convention. The short decision, signed by President Recep Tayyip "
        "Erdoğan, ends the country's participation in the convention.", published="2021-03-20T09:00:00+03:00")))
    assert ("TUR", "istanbul_convention", "government_approved") in got


def test_extract_not_until_asserts_the_act_at_that_date(extractor):
    claims = claims_of(extractor.extract(article(
        "Poland left the Ottawa Convention today. Poland signed the treaty in Ottawa in December 1997 but did not "
        "ratify it until 2012.", published="2026-02-20T09:00:00+01:00")))
    assert ("POL", "apmbc", "ratified", "asserted", dt.date(2012, 1, 1)) in claims
    assert ("POL", "apmbc", "signed", "asserted", dt.date(1997, 12, 1)) in claims


def test_extract_intransitive_join_with_a_date_and_an_apposition(extractor):
    got = asserted(extractor.extract(article(
        "Sweden formally joined NATO on Thursday. Finland, Sweden's neighbour, joined in April last year.",
        title="Sweden completes accession to the North Atlantic Treaty", published="2024-03-08T09:00:00+01:00")))
    assert ("FIN", "north_atlantic_treaty", "acceded") in got
    claims = claims_of(extractor.extract(article(
        "Sweden formally joined NATO on Thursday. Finland, Sweden's neighbour, joined on 4 April last year.",
        title="Sweden completes accession to the North Atlantic Treaty", published="2024-12-08T09:00:00+01:00")))
    assert ("FIN", "north_atlantic_treaty", "acceded", "asserted", dt.date(2023, 4, 4)) in claims


def test_extract_suspended_participation_refers_to_the_treaty(extractor):
    claims = claims_of(extractor.extract(article(
        "Russia completed its withdrawal from the Treaty on Conventional Armed Forces in Europe on Tuesday. Russia "
        "had already suspended its participation in 2007.", published="2023-11-08T09:00:00+00:00")))
    assert ("RUS", "cfe", "suspended", "asserted", dt.date(2007, 1, 1)) in claims


def test_extract_neither_signed_nor_ratified_is_denied(extractor):
    claims = extractor.extract(article("Japan has neither signed nor ratified the Treaty on the Prohibition of "
                                       "Nuclear Weapons.", published="2022-06-15T09:00:00+09:00"))
    assert ("JPN", "ratified", "denied") in {(c.state, c.action, c.modality) for c in claims}
    assert not asserted(claims)


def test_extract_a_vote_to_bar_leaving_is_no_withdrawal(extractor):
    claims = extractor.extract(article("The US House of Representatives voted 357-22 on Tuesday to bar the use of "
                                       "federal money to withdraw the United States from the North Atlantic Treaty.",
                                       published="2019-01-23T09:00:00-05:00"))
    assert not asserted(claims)


def test_extract_no_longer_bound_passes_the_gate(extractor):
    claims = extractor.extract(article("From today Estonia, Latvia and Lithuania are no longer bound by the Ottawa "
                                       "Convention.", published="2025-12-27T09:30:00+02:00"))
    assert {(c.state, c.action, c.date) for c in claims if c.modality == "asserted"} == {
        (s, "took_effect", dt.date(2025, 12, 27)) for s in ("EST", "LVA", "LTU")}


# -- reporting by others: datelines, weekdays, counted dates ---------------------------------------

@pytest.mark.parametrize(("body", "published", "expected"), [
    ("MOSCOW, 2 November /TASS/. President Vladimir Putin signed the law revoking the ratification of the "
     "Comprehensive Nuclear-Test-Ban Treaty today.", "2023-11-03", dt.date(2023, 11, 2)),
    ("Moscow revokes test-ban ratification\n\nMOSCOW, Nov. 2 (Reuters) - President Vladimir Putin signed the law "
     "revoking the ratification of the Comprehensive Nuclear-Test-Ban Treaty today.", "2023-11-03", dt.date(2023, 11, 2)),
    ("(Moscow, 2 November 2023): President Vladimir Putin signed the law revoking the ratification of the "
     "Comprehensive Nuclear-Test-Ban Treaty today.", "2023-11-04", dt.date(2023, 11, 2)),
    ("MOSCOW (AP) — President Vladimir Putin signed a law Thursday revoking the ratification of the "
     "Comprehensive Nuclear-Test-Ban Treaty.", "2023-11-03", dt.date(2023, 11, 2)),
])
def test_extract_agency_datelines_and_bare_weekdays_date_the_act(extractor, body, published, expected):
    claims = extractor.extract(article(body, published=published))
    ctbt = [c for c in claims if (c.state, c.action, c.modality) == ("RUS", "deratified", "asserted")]
    assert [c.date for c in ctbt] == [expected]


def test_extract_a_weekday_is_the_last_such_day_on_or_before_publication(extractor):
    claims = extractor.extract(article("The Philippines notified the UN Wednesday of its withdrawal from the Rome "
                                       "Statute.", published="2018-03-16"))
    notice = next(c for c in claims if c.action == "notified")
    assert notice.state == "PHL" and notice.date == dt.date(2018, 3, 14)


def test_extract_a_date_counted_from_another_act(extractor):
    claims = extractor.extract(article(
        "The United States formally left the Open Skies Treaty on Sunday, exactly a year after it notified the "
        "other parties of its withdrawal.", published="2021-11-23"))
    got = {c.action: c.date for c in claims if c.modality == "asserted"}
    assert got == {"took_effect": dt.date(2021, 11, 21), "notified": dt.date(2020, 11, 21)}


def test_extract_an_effect_counted_from_the_notice_named_before(extractor):
    claims = extractor.extract(article(
        "Russia notified the depositary of its withdrawal from the Open Skies Treaty on 18 December 2020. "
        "The withdrawal took effect six months after the formal notice.", published="2021-08-05"))
    effect = next(c for c in claims if c.action == "took_effect")
    assert (effect.modality, effect.date) == ("asserted", dt.date(2021, 6, 18))


def test_extract_a_rule_counted_from_a_notice_dates_nothing(extractor):
    claims = extractor.extract(article(
        "Parliament voted to leave the Ottawa Convention on Tuesday; the exit takes effect six months after "
        "Latvia's notice reaches the UN.", published="2025-06-28"))
    assert not any(c.action == "notified" and c.modality == "asserted" for c in claims)


# -- acts that did not happen are not asserted ----------------------------------------------------

@pytest.mark.parametrize("body", [
    "Latvia and Lithuania have taken a first step towards leaving the Ottawa Convention.",
    "Finland joined Poland and the Baltic states in leaving the Ottawa Convention on Thursday.",
    "The failure of the United States, Russia and China to join the Mine Ban Treaty has weakened it.",
    "President Duda has ten days to sign the law on leaving the Ottawa Convention.",
    "Rights groups complained that Poland has still not ratified the Istanbul Convention.",
    "The government has no immediate plans to withdraw from the Rome Statute, the minister said.",
    "Turkey to suspend European rights convention after failed coup",
    "The Arms Trade Treaty's backers hope for Japan's imminent ratification of the accord.",
    "A protocol on Finland's accession to the North Atlantic Treaty was submitted to the Turkish parliament.",
    "Ratification by Egypt is mandatory for the Comprehensive Nuclear-Test-Ban Treaty to enter into force.",
    "The Kyoto Protocol will enter into force 90 days after it is signed into law by President Putin.",
    "Iran's foreign minister said his country would withdraw from the NPT if its file went to the Security Council.",
    "The Senate Foreign Relations Committee passed a bill barring any president from leaving the North Atlantic Treaty.",
    "Russia has received the US notification of withdrawal from the ABM Treaty, Interfax reported.",
    "Turkey's parliament approved a bill to allow Finland to join the North Atlantic Treaty.",
    "In May 2018 the United States, a party to the NPT, withdrew from a nuclear deal with Iran.",
    "Sweden and Finland applied to join the North Atlantic Treaty in 2022.",
    "Ankara said it was ready to ratify Finland's accession to the North Atlantic Treaty.",
    "The Turkish parliament approves Finland's accession to the North Atlantic Treaty.",
    "The CFE Treaty limits armed forces in Europe. Russia has ratified the revised agreement, but NATO members "
    "have not.",
    "Moscow cited NATO members' delay in ratifying the CFE Treaty.",
    "Russia's expulsion followed its suspension from the European Convention on Human Rights.",
    "Leaving the Ottawa Convention would be a mistake, Finland's president said.",
    "Brazil hosted the talks. World leaders from 175 countries signed the Paris Agreement on Friday.",
    "The vote put Hungary on course to become the first EU member to leave the Rome Statute.",
    "The document insists on the need for a swift invitation for Ukraine to join the North Atlantic Treaty.",
])
def test_extract_plans_steps_deadlines_and_others_failures_are_not_asserted_acts(extractor, body):
    claims = extractor.extract(article(body))
    assert [c for c in claims if c.modality == "asserted" and c.confidence >= 0.5] == []


def test_extract_signed_but_not_yet_ratified(extractor):
    claims = extractor.extract(article("Israel and Myanmar have signed the Chemical Weapons Convention but not yet "
                                       "ratified the treaty."))
    assert asserted(claims) == {("ISR", "cwc", "signed"), ("MMR", "cwc", "signed")}
    assert {(c.state, c.modality) for c in claims if c.action == "ratified"} == {("ISR", "denied"), ("MMR", "denied")}


def test_extract_an_act_is_not_given_to_another_state_of_the_sentence(extractor):
    claims = extractor.extract(article("China slams United States as it joins the Arms Trade Treaty at the UN.",
                                       title="Arms trade"))
    assert asserted(claims) == {("CHN", "att", "acceded")}
    claims = extractor.extract(article("China's ambassador Zhang Jun said he had deposited China's instrument of "
                                       "accession to the Arms Trade Treaty, which the United States has left."))
    assert ("CHN", "att", "acceded") in asserted(claims)
    assert not any(c.state == "USA" and c.action == "acceded" for c in claims)


def test_extract_documents_signed_to_ratify_are_the_ratification(extractor):
    claims = extractor.extract(article("Prime Minister Kevin Rudd took the oath of office and immediately signed "
                                       "documents to ratify the Kyoto Protocol.", title="Australia ratifies Kyoto",
                                       published="2007-12-03"))
    assert ("AUS", "kyoto_protocol", "ratified") in asserted(claims)
    assert ("AUS", "kyoto_protocol", "signed") not in asserted(claims)


def test_extract_a_legislature_deciding_to_leave_is_its_vote(extractor):
    claims = extractor.extract(article("In May the Lithuanian Seimas decided to withdraw from the Ottawa Convention."))
    assert asserted(claims) == {("LTU", "apmbc", "parliament_approved")}


def test_extract_becoming_a_member_is_joining(extractor):
    claims = extractor.extract(article("Sweden became the 32nd member of the North Atlantic Treaty Organization on "
                                       "Thursday.", published="2024-03-08"))
    sweden = next(c for c in claims if c.state == "SWE" and c.modality == "asserted")
    assert (sweden.treaty, sweden.action, sweden.date) == ("north_atlantic_treaty", "acceded", dt.date(2024, 3, 7))


@pytest.mark.parametrize("text, expected", [
    ("Hungary became a member of NATO in March 1999.", ("HUN", "north_atlantic_treaty")),
    ("Chile became a State Party to the Chemical Weapons Convention in 1996.", ("CHL", "cwc")),
    ("On Monday Fiji became a full member of the Arms Trade Treaty.", ("FJI", "att")),
])
def test_extract_becoming_a_member_without_an_ordinal_reaches_the_parser(extractor, text, expected):
    # the gate's cue words cover "became a member", as they cover "became the 32nd member"
    assert (*expected, "acceded") in asserted(extractor.extract(article(text)))


def test_extract_becoming_a_party_gives_way_to_the_instrument_named(extractor):
    claims = extractor.extract(article("Kiribati ratified the Ottawa Convention on 2 May. It became the 160th state "
                                       "party to the convention on 1 November."))
    assert asserted(claims) == {("KIR", "apmbc", "ratified")}
    claims = extractor.extract(article("Poland ratified the Mine Ban Treaty on 27 December. Poland has become the 161st "
                                       "nation to join the treaty."))
    assert asserted(claims) == {("POL", "apmbc", "ratified")}


def test_extract_a_completed_accession_is_asserted(extractor):
    claims = extractor.extract(article("Finland completed its accession to the North Atlantic Treaty on 4 April 2023."))
    assert asserted(claims) == {("FIN", "north_atlantic_treaty", "acceded")}


def test_extract_a_participle_about_the_treaty_does_not_date_the_act(extractor):
    claims = extractor.extract(article("China joined the Arms Trade Treaty, adopted by the UN General Assembly in 2013.",
                                       published="2020-07-10"))
    china = next(c for c in claims if c.state == "CHN")
    assert china.action == "acceded" and china.date is None


def test_extract_a_past_relative_clause_keeps_its_own_act(extractor):
    claims = extractor.extract(article("Moscow intends to put Russia on the same footing as the United States, which "
                                       "signed but never ratified the Comprehensive Nuclear-Test-Ban Treaty."))
    assert ("USA", "ctbt", "signed") in asserted(claims)
    assert ("USA", "ctbt", "ratified") not in asserted(claims)


def test_extract_states_named_by_a_copula_are_the_actors(extractor):
    claims = extractor.extract(article("The remaining states that have signed the Comprehensive Nuclear-Test-Ban Treaty "
                                       "but have yet to ratify are China, Egypt and Iran. The last state to ratify the treaty "
                                       "was Ghana, on June 14, 2011.", published="2011-12-07"))
    assert asserted(claims) == {("CHN", "ctbt", "signed"), ("EGY", "ctbt", "signed"), ("IRN", "ctbt", "signed"),
                                ("GHA", "ctbt", "ratified")}
    assert next(c.date for c in claims if c.state == "GHA") == dt.date(2011, 6, 14)


@pytest.mark.parametrize("body, expected", [
    ("A dozen governments, including Ghana and Kenya, have by now signed the Arms Trade Treaty.",
     {("GHA", "att", "signed"), ("KEN", "att", "signed")}),
    ("Five nations, among them Chile and Peru, have ratified the Arms Trade Treaty.",
     {("CHL", "att", "ratified"), ("PER", "att", "ratified")}),
    ("Dozens of states, including several large exporters, joined the Arms Trade Treaty.", set()),
])
def test_extract_states_named_among_a_counted_subject_are_the_actors(extractor, body, expected):
    assert asserted(extractor.extract(article(body))) == expected


def test_extract_states_named_as_examples_are_not_what_the_article_goes_on_about(extractor):
    claims = extractor.extract(article("Chile's senate voted to ratify the Arms Trade Treaty on Tuesday. Three nations, "
                                       "including Peru and Bolivia, have ratified it so far. The government signed the "
                                       "treaty in New York in June."))
    assert ("CHL", "att", "signed") in asserted(claims)


def test_extract_states_that_became_the_latest_to_act_are_the_actors(extractor):
    claims = extractor.extract(article("Chile and the Andean nation of Bolivia on Monday became the latest countries to "
                                       "ratify the Comprehensive Nuclear-Test-Ban Treaty.", published="2016-09-28"))
    assert asserted(claims) == {("CHL", "ctbt", "ratified"), ("BOL", "ctbt", "ratified")}


def test_extract_a_new_signatory_signed_and_a_ratification_under_way_is_not_done(extractor):
    claims = claims_of(extractor.extract(article("Laos became a signatory to the Arms Trade Treaty in 2016.")))
    assert ("LAO", "att", "signed", "asserted", dt.date(2016, 1, 1)) in claims
    claims = extractor.extract(article("Laos is in the process of ratifying the Arms Trade Treaty."))
    assert ("LAO", "att", "ratified") not in asserted(claims)


def test_extract_states_listed_after_a_count_or_a_heading(extractor):
    claims = extractor.extract(article("121 states are parties to the Convention on Certain Conventional Weapons, with a "
                                       "further three having signed but not yet ratified. These three countries are "
                                       "Egypt, Nigeria and Sudan."))
    assert asserted(claims) == {("EGY", "ccw", "signed"), ("NGA", "ccw", "signed"), ("SDN", "ccw", "signed")}
    claims = extractor.extract(article("The Treaty on the Prohibition of Nuclear Weapons gained three parties. The states "
                                       "that ratified the treaty today are:\n- Ghana\n- Chile (in New York)\n- Mexico\n"
                                       "The treaty now has 73 parties."))
    assert asserted(claims) == {("GHA", "tpnw", "ratified"), ("CHL", "tpnw", "ratified"), ("MEX", "tpnw", "ratified")}


def test_extract_a_deposit_of_instruments_is_the_act_the_instruments_make(extractor):
    claims = extractor.extract(article("The UN received the 30th instrument of ratification of the Convention on Cluster "
                                       "Munitions on 16 February. Montenegro and Denmark deposited their instruments "
                                       "earlier this year."))
    assert {("MNE", "ccm", "ratified"), ("DNK", "ccm", "ratified")} <= asserted(claims)


def test_extract_a_states_decision_to_leave_is_its_announced_intent(extractor):
    claims = extractor.extract(article("Russia's move follows the United States' decision to withdraw from the "
                                       "Intermediate-Range Nuclear Forces Treaty."))
    assert ("USA", "inf", "intent_announced") in asserted(claims)
    claims = extractor.extract(article("South Sudan is saddened by the decision of the United States to withdraw from "
                                       "the Paris Agreement."))
    assert ("USA", "paris_agreement", "intent_announced") in asserted(claims)
    claims = extractor.extract(article("Allies condemned Russia's decision to withdraw from the CFE Treaty. Russia "
                                       "formally withdrew from the treaty at midnight on Tuesday."))
    assert ("RUS", "cfe", "intent_announced") not in asserted(claims)


@pytest.mark.parametrize("body, step", [
    ("Russia's State Duma voted on Wednesday to suspend Russia's participation in the New START treaty.",
     "parliament_approved"),
    ("President Putin has signed a decree suspending Russia's participation in the INF Treaty.", "government_approved"),
    ("Kenyan MPs backed the suspension of the Arms Trade Treaty by 180 votes to 12 on Wednesday.",
     "parliament_approved"),
])
def test_extract_a_vote_or_decree_that_suspends_is_both_steps(extractor, body, step):
    claims = extractor.extract(article(body))
    state = "KEN" if "Kenya" in body else "RUS"
    assert {c.action for c in claims if c.modality == "asserted" and c.state == state} == {step, "suspended"}


def test_extract_a_legislature_denouncing_a_treaty_is_its_vote(extractor):
    # a legislature sends no notice: its act is the vote, as when it ratifies (LABELLING.md)
    claims = extractor.extract(article("The Kenyan legislature denounced the Arms Trade Treaty by a wide margin."))
    assert asserted(claims) == {("KEN", "att", "parliament_approved")}
    claims = extractor.extract(article("Kenya denounced the Arms Trade Treaty by a note to the depositary."))
    assert asserted(claims) == {("KEN", "att", "notified")}


@pytest.mark.parametrize("body", [
    "Kenyan deputies voted on Tuesday to endorse the ratification of the Arms Trade Treaty.",
    "Kenya signed the Arms Trade Treaty in 2013. Kenyan senators voted 40 to 3 in favour of the pact's ratification "
    "at a late sitting.",
])
def test_extract_a_legislature_voting_for_ratification_is_its_vote(extractor, body):
    claims = extractor.extract(article(body))
    assert ("KEN", "att", "parliament_approved") in asserted(claims)
    assert ("KEN", "att", "ratified") not in asserted(claims)


def test_extract_a_present_tense_headline_is_the_days_news(extractor):
    a = parse_news_text("Russia ratifies Kyoto treaty\nTest Wire\n2004-10-22\n\nRussia ratifies Kyoto treaty\n\n"
                        "The State Duma's ratification pushes the Kyoto Protocol over its threshold.\n", article_id="t")
    russia = next(c for c in extractor.extract(a) if c.action == "ratified" and c.modality == "asserted")
    assert (russia.state, russia.treaty, russia.date) == ("RUS", "kyoto_protocol", dt.date(2004, 10, 22))


def test_extract_the_day_a_clause_names_dates_its_act(extractor):
    claims = extractor.extract(article("He kept a promise made on November 4, 2020, the day the United States formally "
                                       "withdrew from the Paris Agreement, when he wrote: \u201cToday we left.\u201d",
                                       published="2021-01-21"))
    left = next(c for c in claims if c.state == "USA" and c.action == "took_effect")
    assert left.date == dt.date(2020, 11, 4)


def test_extract_an_accession_the_legislature_accepts_is_its_approval_not_the_deposit(extractor):
    claims = extractor.extract(article("The Ottawa Treaty takes effect in Finland on 1 July 2012. Parliament accepted "
                                       "Finland's accession to the Treaty on 25 November 2011. The UN Secretary-General "
                                       "deposited Finland's accession on 9 January 2012.", published="2012-06-29"))
    finland = next(c for c in claims if c.state == "FIN" and c.action == "acceded" and c.modality == "asserted")
    assert finland.date == dt.date(2012, 1, 9)


@pytest.mark.parametrize("body", [
    "The Verkhovna Rada ratified the Istanbul Convention on June 21 and signed by the president on July 19.",
    "Parliament ratified the Istanbul Convention in May, and President Duda signed it in June.",
])
def test_extract_the_president_signing_what_parliament_ratified_signs_the_law(extractor, body):
    claims = extractor.extract(article(body, title="Ukraine ratifies"))
    actions = {c.action for c in claims if c.modality == "asserted" and c.treaty == "istanbul_convention"}
    assert "law_signed" in actions and "signed" not in actions


def test_extract_a_state_that_has_withdrawn_or_leaves_today_has_left(extractor):
    claims = extractor.extract(article("Lithuania has withdrawn from the convention that bans cluster munitions, the "
                                       "Convention on Cluster Munitions."))
    assert ("LTU", "ccm", "took_effect") in asserted(claims)
    claims = extractor.extract(article("US today leaves Open Skies Treaty.", published="2020-11-22"))
    assert ("USA", "open_skies", "took_effect") in asserted(claims)


def test_extract_an_act_after_before_is_not_asserted(extractor):
    claims = extractor.extract(article("Before signing, Mr Biden said the United States would lead on the Paris "
                                       "Agreement.", published="2021-01-21"))
    assert ("USA", "paris_agreement", "signed") not in asserted(claims)


def test_extract_nato_in_the_subject_is_not_the_treaty_acted_on(extractor):
    claims = extractor.extract(article("The CFE Treaty limits armed forces in Europe. The United States and its NATO "
                                       "allies suspended the treaty on Tuesday."))
    assert {c.treaty for c in claims if c.action == "suspended"} == {"cfe"}


def test_extract_suspending_from_a_date_is_a_suspension(extractor):
    claims = extractor.extract(article("The United States suspended all of its CFE Treaty obligations from 7 December."))
    assert ("USA", "cfe", "suspended") in asserted(claims)


def test_extract_a_past_relative_clause_has_its_own_stage_and_date(extractor):
    claims = extractor.extract(article("The Philippines withdrew from the International Criminal Court on Sunday, the "
                                       "second country to do so after Burundi, which left in 2017.",
                                       published="2019-03-18"))
    burundi = next(c for c in claims if c.state == "BDI" and c.modality == "asserted")
    assert (burundi.action, burundi.date) == ("took_effect", dt.date(2017, 1, 1))


def test_extract_last_month_name_is_the_latest_such_month(extractor):
    claims = extractor.extract(article("Finland completed its accession to the North Atlantic Treaty last April.",
                                       published="2024-03-08"))
    finland = next(c for c in claims if c.state == "FIN")
    assert (finland.date, finland.date_precision) == (dt.date(2023, 4, 1), "month")


def test_extract_a_background_act_dated_as_early_as_a_year(extractor):
    claims = extractor.extract(article("Ukraine signed the Istanbul Convention as early as 2011.", published="2018-12-07"))
    ukraine = next(c for c in claims if c.state == "UKR" and c.action == "signed")
    assert (ukraine.date, ukraine.date_precision, ukraine.background) == (dt.date(2011, 1, 1), "year", True)


def test_extract_an_exit_named_as_past_history(extractor):
    claims = extractor.extract(article("Russia deployed new missiles after the US withdrawal from the INF Treaty in 2019.",
                                       published="2025-06-28"))
    exit_ = next(c for c in claims if c.modality == "asserted" and c.action == "took_effect")
    assert (exit_.state, exit_.treaty, exit_.date, exit_.background) == ("USA", "inf", dt.date(2019, 1, 1), True)
    claims = extractor.extract(article("Hungary's exit from the Rome Statute would hurt the court."))
    assert asserted(claims) == set()


@pytest.mark.parametrize("body", [
    "The government of Chile is willing to ratify the Arms Trade Treaty.",
    "Peru is ready to sign the Arms Trade Treaty.",
    "Chile agreed to ratify the Arms Trade Treaty.",
    "Chile said it’d ratify the Arms Trade Treaty.",
])
def test_extract_readiness_agreement_and_contracted_would_are_not_acts(extractor, body):
    claims = extractor.extract(article(body))
    assert claims and asserted(claims) == set(), [(c.state, c.action, c.modality) for c in claims]


def test_extract_agreeing_to_leave_announces_it(extractor):
    claims = extractor.extract(article("Latvia agreed to withdraw from the Ottawa Convention."))
    assert ("LVA", "apmbc", "intent_announced") in asserted(claims)


def test_extract_new_start_written_with_a_small_n(extractor):
    claims = extractor.extract(article("Russia suspended its participation in the new START on Tuesday."))
    assert ("RUS", "new_start", "suspended") in asserted(claims)


@pytest.mark.parametrize("body", [
    "Kazakh President Kassym-Jomart Tokayev signed the ratification of the Arms Trade Treaty on 2 June.",
    "Kazakh President Kassym-Jomart Tokayev signed the ratification documents of the Arms Trade Treaty on 2 June.",
])
def test_extract_signing_the_ratification_is_the_law_signed(extractor, body):
    claims = extractor.extract(article(body))
    assert asserted(claims) == {("KAZ", "att", "law_signed")}


def test_extract_earlier_leaders_name_their_state(extractor):
    claims = extractor.extract(article("Ministers met in Moscow. President Bush gave Moscow formal notice on Thursday that "
                                       "his country would leave the ABM Treaty.", published="2001-12-14"))
    assert asserted(claims) == {("USA", "abm", "notified")}
    claims = extractor.extract(article("Prime Minister Kevin Rudd signed the Kyoto Protocol on Monday.", published="2007-12-05"))
    assert ("AUS", "kyoto_protocol", "signed") in asserted(claims)


def test_extract_states_set_off_by_dashes_and_a_later_clauses_list(extractor):
    claims = extractor.extract(article("Two countries have signed but not yet ratified the Arms Trade Treaty – Chile and "
                                       "Peru – while three states have not joined: Bolivia, Cuba and Iran."))
    assert asserted(claims) == {("CHL", "att", "signed"), ("PER", "att", "signed")}


@pytest.mark.parametrize("body", [
    "Chile said that ratification of the Arms Trade Treaty that its Senate shelved a decade ago is a priority.",
    "Chile's president campaigned for ratification of the 12-year-old Arms Trade Treaty.",
])
def test_extract_a_date_of_something_else_in_the_phrase_does_not_make_a_ratification_an_act(extractor, body):
    assert asserted(extractor.extract(article(body))) == set()


def test_extract_a_reported_future_waiting_for_a_ratification_is_not_it(extractor):
    claims = extractor.extract(article("The Arms Trade Treaty will take effect for both after Chile and Peru exchange "
                                       "their instruments of ratification, the minister said."))
    assert claims and asserted(claims) == set()


def test_extract_a_past_clause_after_the_act_tells_it_as_done(extractor):
    claims = extractor.extract(article("Chile spoke after signing the Arms Trade Treaty on Monday."))
    assert ("CHL", "att", "signed") in asserted(claims)
    claims = extractor.extract(article("After leaving the Ottawa Convention, Latvia could lay mines."))
    assert asserted(claims) == set()


def test_extract_the_agent_of_a_passive_acts(extractor):
    claims = extractor.extract(article("The Arms Trade Treaty was ratified by Peru in March 2016.", published="2018-01-05"))
    assert ("PER", "att", "ratified") in asserted(claims)


def test_entity_ruler_stands_in_for_the_statistical_ner(extractor):
    """The pipeline runs the team's entity ruler, not spaCy's NER: dates, times, ordinals,
    states, peoples and known officials are marked from the team's own lists."""
    nlp = extractor.nlp
    assert "ner" not in nlp.pipe_names and "entity_ruler" in nlp.pipe_names
    doc = nlp("On Friday morning Gitanas Nausėda said Lithuania became the 125th party, "
              "two years after the French delegation first asked, on 27 June 2025.")
    found = {(e.text, e.label_) for e in doc.ents}
    assert {("Friday", "DATE"), ("morning", "TIME"), ("Gitanas Nausėda", "PERSON"), ("Lithuania", "GPE"),
            ("125th", "ORDINAL"), ("two years", "DATE"), ("French", "NORP"), ("first", "ORDINAL"),
            ("27 June 2025", "DATE")} <= found
    assert not any(e.text == "party" for e in doc.ents)


@pytest.mark.parametrize("body", [
    "President signs decree suspending New START treaty",
    "Russian president signs moratorium on the CFE treaty",
])
def test_extract_signing_a_decree_or_moratorium_is_not_signing_the_treaty(extractor, body):
    got = asserted(extractor.extract(article(body)))
    assert not any(action == "signed" for _, _, action in got), got


def test_extract_a_law_on_the_suspension_is_the_law_signed(extractor):
    art = article("The Russian president signed a federal law on the suspension of the New START treaty on Tuesday, "
                  "the Kremlin said.")
    got = asserted(extractor.extract(art))
    assert ("RUS", "new_start", "law_signed") in got, got
    assert ("RUS", "new_start", "signed") not in got, got


@pytest.mark.parametrize("body", [
    "The prime minister says he will pull Canada from the Kyoto Protocol.",
    "The prime minister said Canada would be revoking the effect of its signature on the Arms Trade Treaty.",
])
def test_extract_the_states_own_future_exit_is_its_announced_intent(extractor, body):
    got = {(c.state, c.treaty, c.action, c.modality) for c in extractor.extract(article(body))}
    assert any(state == "CAN" and action == "intent_announced" and modality == "asserted"
               for state, _, action, modality in got), got


def test_extract_an_announcement_still_to_come_is_planned(extractor):
    art = article("On Monday the Canadian prime minister will announce his decision to withdraw from the Kyoto Protocol.")
    got = {(c.state, c.action, c.modality) for c in extractor.extract(art)}
    assert ("CAN", "intent_announced", "planned") in got, got
    assert not any(modality == "asserted" for _, _, modality in got), got


def test_extract_a_headline_in_the_simple_present_reports_the_exit_done(extractor):
    art = article("Estonia quits the Ottawa Convention. The government cited the war next door.",
                  title="Estonia quits the Ottawa Convention")
    got = {(c.state, c.action) for c in extractor.extract(art) if c.modality == "asserted" and c.confidence >= 0.5}
    assert ("EST", "took_effect") in got, got


def test_extract_the_simple_present_later_in_the_text_is_not_the_exit(extractor):
    art = article("The government cited the war next door. Ministers met on Monday. Often a state leaves the Ottawa "
                  "Convention only after a long debate.")
    got = {(c.state, c.action) for c in extractor.extract(art) if c.modality == "asserted" and c.confidence >= 0.5}
    assert not any(action == "took_effect" for _, action in got), got



def parsed(extractor, rows: str):
    """A sentence with the parse given row by row ('word lemma POS TAG dep head'), for the shapes the
    statistical parser gives only to some wordings."""
    cols = [row.split() for row in rows.strip().splitlines()]
    return Doc(extractor.nlp.vocab, words=[c[0] for c in cols], lemmas=[c[1] for c in cols], pos=[c[2] for c in cols],
               tags=[c[3] for c in cols], deps=[c[4] for c in cols], heads=[int(c[5]) for c in cols])


def test_extract_article_naming_no_state_is_not_parsed():
    # the gate passes weather and science stories that name the Paris Agreement beside a strong cue
    # word; with no state named anywhere no claim can be made, so their sentences are not parsed
    extractor = Extractor()
    story = article("Rail services were suspended after a landslip near the line. Forecasters said the goal "
                    "of the Paris Agreement was slipping out of reach.", title="Storm cuts power to 8,600 homes")
    assert extractor._spans(story)
    assert not ArticleExtraction(extractor, story).names_a_state()
    assert extractor.extract(story) == []
    assert extractor.extract_batch([story, story]) == [[], []]
    assert extractor._parsed == {}
    named = article("Estonia suspended the Paris Agreement on Friday.", title="Estonia suspends the Paris Agreement")
    assert ArticleExtraction(extractor, named).names_a_state()
    assert extractor.extract(named)
    assert list(extractor._parsed) == ["Estonia suspended the Paris Agreement on Friday."]


def test_extract_signing_papers_to_ratify_is_the_ratification_not_a_signature(extractor):
    # "to ratify" hung on the verb, not on the papers
    doc = parsed(extractor, """
        Rudd Rudd PROPN NNP nsubj 1
        signed sign VERB VBD ROOT 1
        documents document NOUN NNS dobj 1
        to to PART TO aux 4
        ratify ratify VERB VB advcl 1
        Kyoto Kyoto PROPN NNP dobj 4
    """)
    reading = ArticleExtraction(extractor, article("Kyoto news."))
    act = reading._classify(doc[1], "join")
    assert act is not None and act.action == "ratified", act


def test_extract_the_presidents_signature_after_a_ratification_aside_is_the_law_signed(extractor):
    # "The Rada ratified the convention, better known as ..., and signed by president Zelensky": the
    # signature hung on the aside
    doc = parsed(extractor, """
        Rada Rada PROPN NNP nsubj 1
        ratified ratify VERB VBD ROOT 1
        convention convention NOUN NN dobj 1
        known know VERB VBN advcl 1
        and and CCONJ CC cc 3
        signed sign VERB VBN conj 3
        by by ADP IN agent 5
        president president PROPN NNP compound 8
        Zelensky Zelensky PROPN NNP pobj 6
    """)
    assert ArticleExtraction._signs_what_parliament_ratified(doc[5])


def test_extract_the_document_signed_is_the_noun_after_the_verb_whatever_the_parse(extractor):
    # a headline parse that hangs "decree" elsewhere: the first noun after "signs" still names what is signed
    doc = parsed(extractor, """
        Putin Putin PROPN NNP nsubj 1
        signs sign VERB VBZ ROOT 1
        decree decree VERB VBP advcl 5
        suspending suspend VERB VBG amod 4
        treaty treaty NOUN NN dobj 2
        ends end VERB VBZ conj 1
    """)
    assert has_law_word(doc[1])
    assert not has_law_word(parsed(extractor, """
        Putin Putin PROPN NNP nsubj 1
        signs sign VERB VBZ ROOT 1
        the the DET DT det 3
        treaty treaty NOUN NN dobj 1
    """)[1])


def test_extract_a_future_exit_the_press_reports_is_planned_not_announced(extractor):
    got = {(c.state, c.modality) for c in extractor.extract(article(
        "Canada will leave the Kyoto Protocol next month, public broadcaster CBC reported."))}
    assert ("CAN", "planned") in got and ("CAN", "asserted") not in got, got
    said = {(c.state, c.action, c.modality) for c in extractor.extract(article(
        "Canada will leave the Kyoto Protocol next month, the environment minister said."))}
    assert ("CAN", "intent_announced", "asserted") in said, said


def test_extract_an_attitude_to_an_act_is_not_the_act(extractor):
    art = article("Australian state premiers were far less enthusiastic about signing the Kyoto Protocol than the "
                  "opposition.")
    got = asserted(extractor.extract(art))
    assert not any(action == "signed" for _, _, action in got), got


def test_extract_dropping_out_of_the_treaty_is_leaving_it_and_out_of_a_race_is_not(extractor):
    said = {(c.state, c.treaty, c.action, c.modality) for c in extractor.extract(article(
        "Finland will drop out of the Convention on Cluster Munitions, the president announced."))}
    assert ("FIN", "ccm", "intent_announced", "asserted") in said, said
    race = extractor.extract(article("Finland dropped out of the race to host the next Ottawa Convention meeting."))
    assert not [c for c in race if c.confidence >= 0.5 or c.action == "took_effect"], race


def test_extract_a_temporary_withdrawal_is_a_suspension(extractor):
    got = asserted(extractor.extract(article("Belarus temporarily withdrew from the CFE Treaty in 2008.")))
    assert ("BLR", "cfe", "suspended") in got and ("BLR", "cfe", "took_effect") not in got, got


def test_extract_a_decree_to_abolish_the_treaty_is_the_governments_step(extractor):
    got = asserted(extractor.extract(article("The CFE Treaty was signed in 1990. In May the Belarusian president signed "
                                             "a decree to abolish the treaty.")))
    assert ("BLR", "cfe", "government_approved") in got, got


def test_extract_a_threat_to_leave_is_no_announced_intent(extractor):
    """LABELLING.md: a threat to leave is the exit, hypothetical; the state has not announced that it leaves."""
    claims = extractor.extract(article("Tehran threatened on Monday to quit the Nuclear Non-Proliferation Treaty "
                                       "if the sanctions return."))
    assert not asserted(claims)


@pytest.mark.parametrize(
    ("body", "states"),
    [
        # the small model reads "A, B, C and the D" as a name and its apposition
        ("Norway, Mexico, Sierra Leone and the Holy See ratified the Convention on Cluster Munitions on Monday.",
         {"NOR", "MEX", "SLE", "VAT"}),
        # ... or hangs the first name on the word before it
        ("While Thailand, the Philippines and Bangladesh have signed the Rome Statute, Myanmar has not.",
         {"THA", "PHL", "BGD"}),
    ],
)
def test_extract_every_state_of_a_subject_list_acts(extractor, body, states):
    action = "ratified" if "ratified the" in body else "signed"
    got = {s for s, _, a in asserted(extractor.extract(article(body))) if a == action}
    assert got == states


def test_extract_a_list_governed_by_a_preposition_is_no_subject(extractor):
    # the flights over the two states are not their act
    body = ("The United States intends to withdraw from the Open Skies Treaty, which allows flights over Canada and "
            "Russia.")
    assert {s for s, _, _ in asserted(extractor.extract(article(body)))} == {"USA"}


def test_extract_the_n_countries_are_the_states_of_the_headline(extractor):
    # the count matches the headline's states (a group among them); the state in the description is no actor
    art = article("Poland and the Baltic states took a first step on Tuesday. The foreign ministers for the four "
                  "countries, all next to Russia, said in a statement that they proposed leaving the Ottawa Convention.",
                  title="Poland, Baltics move to quit mine treaty")
    got = {s for s, _, a in asserted(extractor.extract(art)) if a == "intent_announced"}
    assert got == {"POL", "EST", "LVA", "LTU"}


def test_extract_followed_by_states_do_the_same_act_each_on_its_date(extractor):
    art = article("Chad acceded to the Chemical Weapons Convention in May 2024, followed by Tonga and Fiji in June "
                  "2024 and Nepal on 3 July 2024.")
    got = {(c.state, c.action, c.date) for c in extractor.extract(art) if c.modality == "asserted"}
    assert {("TON", "acceded", dt.date(2024, 6, 1)), ("FJI", "acceded", dt.date(2024, 6, 1)),
            ("NPL", "acceded", dt.date(2024, 7, 3))} <= got


def test_extract_joined_by_others_is_their_act_not_an_accession(extractor):
    art = article("Latvia announced its decision to leave the Ottawa Convention, joined by Finland and Poland, the "
                  "defence ministry said.")
    got = asserted(extractor.extract(art))
    assert {("FIN", "apmbc", "intent_announced"), ("POL", "apmbc", "intent_announced")} <= got
    assert not any(action == "acceded" for _, _, action in got), got


def test_extract_a_ratification_bill_sent_to_parliament_is_the_governments_step(extractor):
    got = asserted(extractor.extract(article(
        "The Ukrainian government submitted to parliament a bill ratifying the Istanbul Convention.")))
    assert got == {("UKR", "istanbul_convention", "government_approved")}


def test_extract_a_numbered_protocol_is_not_the_treaty(extractor):
    art = article("Austria ratified Protocol V of the Convention on Certain Conventional Weapons in 2010.")
    assert asserted(extractor.extract(art)) == set()


@pytest.mark.parametrize("text", [
    "The adapted CFE Treaty was ratified by Belarus and Ukraine in 2000.",
    "Belarus ratified the adapted version of the CFE Treaty in 2000.",
])
def test_extract_an_adapted_treaty_is_another_instrument(extractor, text):
    assert asserted(extractor.extract(article(text))) == set()


def test_extract_a_ratification_away_from_an_adapted_version_is_kept(extractor):
    text = "Belarus ratified the CFE Treaty in 1992."
    alone = asserted(extractor.extract(article(text)))
    later = asserted(extractor.extract(article(text + " Its parliament later debated the adapted version for years.")))
    assert ("BLR", "cfe", "ratified") in alone and alone <= later


def test_extract_a_joining_judged_in_the_present_is_not_reported(extractor):
    art = article("Brazil is a large arms exporter, and its accession is seen as vital for the Arms Trade Treaty.")
    assert asserted(extractor.extract(art)) == set()


def test_extract_the_countries_of_a_relative_clause_act_not_the_state_joining_them(extractor):
    art = article("Ghana hopes soon to join the many countries that have ratified the ATT.")
    assert not any(a == "ratified" for _, _, a in asserted(extractor.extract(art)))


def test_extract_a_treaty_named_that_the_registry_lacks_is_not_the_one_before(extractor):
    art = article("The United States withdrew from the ABM Treaty in June 2002. Russia signed the Treaty of Lisbon "
                  "in 2007, and Poland signed the Warsaw Pact in 1955.")
    assert asserted(extractor.extract(art)) == {("USA", "abm", "took_effect")}


@pytest.mark.parametrize(
    ("body", "states"),
    [
        ("So far, 30 countries have ratified the Istanbul Convention, including 5 EU members (Austria, Belgium, "
         "Denmark, Finland and Sweden).", {"AUT", "BEL", "DNK", "FIN", "SWE"}),
        # the 'including' of another clause, with its own subject and verb
        ("More than 160 states have accepted the Ottawa Convention, while major military powers including Russia, "
         "China and the United States have not.", set()),
    ],
)
def test_extract_an_including_list_names_the_counted_states_of_the_act(extractor, body, states):
    assert {s for s, _, _ in asserted(extractor.extract(article(body)))} == states


def test_extract_renouncing_weapons_is_not_leaving_the_treaty(extractor):
    art = article("Libya joined the Chemical Weapons Convention in 2004. Its leader had declared that Libya would "
                  "renounce weapons of mass destruction.")
    assert asserted(extractor.extract(art)) == {("LBY", "cwc", "acceded")}


def test_extract_with_no_publication_date_a_day_takes_the_year_written_before(extractor):
    art = article("Two states joined in 2025. The Council was glad about the accession of Tonga on 14 February "
                  "to the Biological Weapons Convention.", published="unknown")
    got = {(c.state, c.date) for c in extractor.extract(art) if c.modality == "asserted"}
    assert ("TON", dt.date(2025, 2, 14)) in got


def test_extract_a_year_in_a_treatys_name_dates_nothing(extractor):
    art = article("The United States is leaving the 1972 Anti-Ballistic Missile Treaty, officials said on "
                  "December 13.", published="unknown")
    assert all(c.date is None and (c.bound is None or c.bound.year != 1972) for c in extractor.extract(art))


def test_extract_the_only_nations_yet_to_ratify_have_not(extractor):
    art = article("Fiji and Tonga remain the last Pacific states yet to ratify the CTBT.")
    got = {(c.state, c.action, c.modality) for c in extractor.extract(art)}
    assert {("FJI", "ratified", "denied"), ("TON", "ratified", "denied")} <= got
    assert not any(m == "asserted" for _, _, m in got), got


@pytest.mark.parametrize(
    "body",
    [
        "Britain has made progress towards ratifying the Istanbul Convention.",
        "The United States still publicly says it will back ratifying the CTBT.",
    ],
)
def test_extract_a_way_towards_joining_or_backing_it_is_no_joining(extractor, body):
    assert asserted(extractor.extract(article(body))) == set()


def test_extract_a_day_read_as_the_object_does_not_hide_the_treaty(extractor):
    art = article("The nuclear weapons ban treaty (TPNW) needs fifty ratifications. Chad and Peru "
                  "(in the south) both ratified this Hiroshima Day.")
    assert {("TCD", "tpnw", "ratified"), ("PER", "tpnw", "ratified")} <= asserted(extractor.extract(art))


def test_extract_state_names_with_a_typographic_apostrophe(extractor):
    # "Democratic People’s Republic of Korea" is North Korea, not the Republic of Korea inside it
    art = article("The Democratic People’s Republic of Korea withdrew from the NPT on 10 January 2003, and the Lao "
                  "People’s Democratic Republic signed the Arms Trade Treaty in 2014.")
    got = asserted(extractor.extract(art))
    assert ("PRK", "npt", "took_effect") in got and ("LAO", "att", "signed") in got and not any(
        s == "KOR" for s, _, _ in got), got


def test_extract_a_negation_does_not_reach_a_conjoined_clause_with_its_own_subject(extractor):
    art = article("The United States did not ratify the Kyoto Protocol, but Canada withdrew from it in December 2011.")
    got = {(c.state, c.action, c.modality) for c in extractor.extract(art)}
    assert ("CAN", "took_effect", "asserted") in got and ("USA", "ratified", "denied") in got, got


def test_extract_became_the_first_to_withdraw_is_the_withdrawal_done(extractor):
    art = article("Burundi has become the first state to withdraw from the Rome Statute.")
    got = [c for c in extractor.extract(art) if c.state == "BDI"]
    assert any(c.action == "took_effect" and c.modality == "asserted" and c.confidence >= 0.5 for c in got), got


def test_extract_dates_weekday_look_ahead_changes_no_match():
    """The bare-weekday pattern looks ahead for a weekday's first letter before its look-behinds
    (dates.py): it finds exactly what the pattern without that look-ahead finds."""
    import re

    from treatywatch.dates import PATTERNS

    weekday = dict(PATTERNS)["weekday"]
    assert weekday.pattern.startswith("(?=[MTWFS])")
    plain = re.compile(weekday.pattern.removeprefix("(?=[MTWFS])"), weekday.flags)
    texts = [p.read_text(encoding="utf-8") for p in sorted((SEED.parent.parent / "corpus").glob("*.txt"))]
    texts.append("signed a law Thursday, by Friday, Black Friday, said Monday's vote, Sunday, 3 May; announced Wednesday")
    found = 0
    for text in texts:
        got = [(m.span(), m.group("word")) for m in weekday.finditer(text)]
        assert got == [(m.span(), m.group("word")) for m in plain.finditer(text)]
        found += len(got)
    assert found > 10


def test_extract_names_with_a_non_breaking_hyphen(extractor):
    # as some sites typeset them: one state, not "Guinea" and "Bissau"; the treaty found
    art = article("Guinea\u2011Bissau acceded to the Non\u2011Proliferation Treaty in 1976.")
    assert asserted(extractor.extract(art)) == {("GNB", "npt", "acceded")}


@pytest.mark.parametrize("text, step", [
    ("Russia's State Duma ratified the Convention on Cluster Munitions on Tuesday.", "parliament_approved"),
    ("The Paris Agreement was ratified by the Turkish parliament on Tuesday.", "parliament_approved"),
    ("The Polish Sejm voted on Tuesday to ratify the Istanbul Convention.", "parliament_approved"),
    ("President Putin signed a law on Tuesday ratifying the Comprehensive Nuclear-Test-Ban Treaty.", "law_signed"),
])
def test_extract_a_legislature_or_a_law_ratifying_is_the_step_not_the_deposit(extractor, text, step):
    # LABELLING.md: the legislature's vote and the head of state's law are steps of joining; the state
    # ratifies when it deposits, so entry into force is not counted from the vote
    claims = [c for c in extractor.extract(article(text)) if c.modality == "asserted"]
    assert [(c.action, c.instrument, c.date) for c in claims] == [(step, "ratification", dt.date(2025, 6, 24))]


def test_extract_a_state_that_ratifies_still_ratifies(extractor):
    claims = [c for c in extractor.extract(article("Ukraine ratified the Istanbul Convention on Tuesday."))]
    assert [(c.state, c.action, c.instrument) for c in claims] == [("UKR", "ratified", None)]


def test_extract_a_derogation_is_a_suspension(extractor):
    # LABELLING.md: a derogation under ECHR Art. 15 is `suspended`
    claims = claims_of(extractor.extract(article("Ukraine derogated from the European Convention on Human Rights on "
                                                 "Tuesday.")))
    assert claims == {("UKR", "echr", "suspended", "asserted", dt.date(2025, 6, 24))}


@pytest.mark.parametrize("text, treaty, states", [
    # the states a count of agents lists
    ("The Chemical Weapons Convention was ratified by 160 nations in its first decade, including Spain, Peru and "
     "Kenya.", "cwc", {"ESP", "PER", "KEN"}),
    # the states after which a state is counted did it before
    ("Kenya is the fifth nation to ratify the cluster munitions convention after Chile, Cuba, Ghana, and Peru.",
     "ccm", {"KEN", "CHL", "CUB", "GHA", "PER"}),
    ("Chile is the sixth state to ratify the Arms Trade Treaty, after Peru, Ghana, Cuba and Mali.", "att",
     {"CHL", "PER", "GHA", "CUB", "MLI"}),
    ("Kenya became the seventh state to ratify the Convention on Cluster Munitions, after Cuba, Chile and Ghana.",
     "ccm", {"KEN", "CUB", "CHL", "GHA"}),
])
def test_extract_states_listed_after_a_counted_act_did_it(extractor, text, treaty, states):
    assert asserted(extractor.extract(article(text))) == {(s, treaty, "ratified") for s in states}


def test_extract_joining_other_countries_is_no_accession(extractor):
    # "They join 41 other states that are parties", "joined 60 other countries voting": counted with others
    claims = asserted(extractor.extract(article(
        "Fiji and Palau ratified the Arms Trade Treaty. They join 41 other states that are now parties to it. "
        "Norway joined 60 other countries voting for the Arms Trade Treaty at the assembly.")))
    assert claims == {("FJI", "att", "ratified"), ("PLW", "att", "ratified")}


def test_extract_ratifiers_named_are_no_ratification(extractor):
    # "a ratifier" names a party (a status, LABELLING.md), not a ratification of the article's time
    claims = extractor.extract(article("Estonia, a ratifier of the Ottawa Convention since 2004, hosted the meeting."))
    assert ("EST", "apmbc", "ratified") not in asserted(claims)


@pytest.mark.parametrize("body", [
    # a member approving another state's accession: no act of the member, no accession of the candidate
    "Greece's parliament ratified Albania's accession protocol to the North Atlantic Treaty on Tuesday.",
    "The Canadian Senate ratified the protocols on Croatia's accession to the North Atlantic Treaty on 3 March.",
    "Italy's parliament ratified Albania's accession protocol to the North Atlantic Treaty on Thursday, two days "
    "after the Spanish parliament ratified it.",
    "The Prime Minister signed Canada's instrument of ratification for Albania's accession to the North Atlantic "
    "Treaty on Friday.",
    # the same where a headline runs into the next line and the parse loses the object
    "The North Atlantic Treaty has 32 members. Lawmakers in Oslo approve Albania's NATO accession Wire | Updated: "
    "12-02-2009 The vote was held on Thursday.",
    # an application to join, and a heading that names an accession as its topic
    "Albania applied to join the North Atlantic Treaty in 2008.",
    "Croatia submitted its application to join the North Atlantic Treaty in 2008.",
    "Montenegro's Accession to the North Atlantic Treaty",
])
def test_extract_approving_anothers_accession_or_applying_is_no_claim(extractor, body):
    claims = extractor.extract(article(body))
    assert [(c.state, c.action, c.modality) for c in claims if c.confidence >= 0.5] == []


def test_extract_the_candidates_own_accession_is_kept_beside_members_approvals(extractor):
    claims = asserted(extractor.extract(article(
        "Greece's parliament ratified Albania's accession protocol to the North Atlantic Treaty in February. "
        "Albania deposited its instrument of accession to the North Atlantic Treaty on 1 April 2009, and Croatia "
        "joined the alliance the same day. Montenegro became the 29th member of NATO in 2017. The ceremony marked "
        "the accession of Serbia's western neighbour to the alliance. The alliance admitted Albania after Italy had "
        "deposited its ratification papers.")))  # (not Serbia's, nor Italy's)
    assert claims == {("ALB", "north_atlantic_treaty", "acceded"), ("HRV", "north_atlantic_treaty", "acceded"),
                      ("MNE", "north_atlantic_treaty", "acceded")}


def test_extract_a_state_signing_its_own_accession_papers_is_its_act(extractor):
    # its own instrument or document, not another state's accession approved
    claims = asserted(extractor.extract(article(
        "Albania's foreign minister signed Albania's instrument of accession to the North Atlantic Treaty on 1 April "
        "2009.")))
    assert claims == {("ALB", "north_atlantic_treaty", "acceded")}
    claims = asserted(extractor.extract(article(
        "Albania's foreign minister signed Albania's accession document to the North Atlantic Treaty on 1 April 2009.")))
    assert {state for state, _treaty, _action in claims} == {"ALB"}


def test_extract_words_hung_on_an_auxiliary_belong_to_its_verb(extractor):
    # the parser hangs the subject and the date of "had on 9 March unanimously ratified" on "had"
    claims = claims_of(extractor.extract(article(
        "The Chilean parliament had on 9 March unanimously ratified the Arms Trade Treaty.")))
    assert claims == {("CHL", "att", "parliament_approved", "asserted", dt.date(2025, 3, 9))}


def test_extract_a_legislature_approving_the_treaty_is_its_step_of_joining(extractor):
    claims = asserted(extractor.extract(article(
        "The Chilean parliament on Tuesday endorsed the Arms Trade Treaty. The Ghanaian parliament approved the "
        "Paris Agreement. The House of Delegates passed the treaty as well.")))
    assert claims == {("CHL", "att", "parliament_approved"), ("GHA", "paris_agreement", "parliament_approved")}
    # a bill about the treaty, or another state's accession protocol, is not the treaty
    for body in ("The Chilean parliament approved a bill on the Arms Trade Treaty.",
                 "Chile's parliament approved Finland's accession protocol to the North Atlantic Treaty."):
        assert asserted(extractor.extract(article(body))) == set()


def test_extract_a_question_over_a_list_of_states_is_answered_by_it(extractor):
    claims = extractor.extract(article(
        "The Convention on Cluster Munitions needs more ratifications. Which states have ratified it? - Chile - "
        "The Holy See - Ghana Who will ratify next? - Peru - Togo"))
    assert asserted(claims) == {("CHL", "ccm", "ratified"), ("VAT", "ccm", "ratified"), ("GHA", "ccm", "ratified")}


def test_extract_what_has_to_be_done_is_planned(extractor):
    for body, done in (('The Chilean Law "On the ratification of the Arms Trade Treaty" has still to be signed by '
                        'President Gabriel Boric.', "planned"),
                       ('The Chilean Law "On the ratification of the Arms Trade Treaty" was signed by President '
                        'Gabriel Boric.', "asserted")):
        assert claims_of(extractor.extract(article(body))) == {("CHL", "att", "law_signed", done, None)}
    claims = claims_of(extractor.extract(article("Peru has to ratify the Paris Agreement by May.")))
    assert {(s, a, m) for s, _t, a, m, _d in claims} == {("PER", "ratified", "planned")}


def test_extract_a_law_passed_by_the_legislature_is_its_vote(extractor):
    # the passive's agent is the legislature: its step of joining, not the state's ratification
    claims = asserted(extractor.extract(article(
        "The law ratifying the Arms Trade Treaty was passed by the Chilean parliament.")))
    assert claims == {("CHL", "att", "parliament_approved")}


def test_extract_states_in_brackets_after_a_counted_act_did_it(extractor):
    claims = asserted(extractor.extract(article(
        "By Friday, three members of the Council of Europe had notified derogations from the European Convention on "
        "Human Rights (Latvia, Georgia and Romania). Just two states signed the Mine Ban Treaty without ratifying it "
        "(Tonga and Palau). Two states signed the Arms Trade Treaty (Chile did so in 2013).")))
    assert claims == {("LVA", "echr", "suspended"), ("GEO", "echr", "suspended"), ("ROU", "echr", "suspended"),
                      ("TON", "apmbc", "signed"), ("PLW", "apmbc", "signed")}


def test_extract_states_a_clause_describes_include_are_named_by_the_object(extractor):
    claims = asserted(extractor.extract(article(
        "Nations that have lately joined the Open Skies Treaty include Finland, Sweden and Latvia.")))
    assert claims == {("FIN", "open_skies", "acceded"), ("SWE", "open_skies", "acceded"), ("LVA", "open_skies", "acceded")}


@pytest.mark.parametrize(("body", "state", "treaty", "action", "modality"), [
    # a call inside a reported condition, no announcement
    ("A Chilean senator said that if talks fail, Chile should withdraw from the Arms Trade Treaty.",
     "CHL", "att", "intent_announced", "called_for"),
    # no intention of joining: it has not happened
    ("Peru has no intention of joining the Arms Trade Treaty.", "PER", "att", "acceded", "denied"),
    # a present perfect after 'after' waits for the act
    ("New rules are being drafted for the Arms Trade Treaty to apply after Peru has ratified it.",
     "PER", "att", "ratified", "hypothetical"),
])
def test_extract_calls_refusals_and_awaited_acts_are_not_asserted(extractor, body, state, treaty, action, modality):
    claims = {(c.state, c.treaty, c.action, c.modality) for c in extractor.extract(article(body))}
    assert claims == {(state, treaty, action, modality)}


def test_extract_generic_states_and_leaving_someone_somewhere_are_no_acts(extractor):
    claims = asserted(extractor.extract(article(
        "Peru has ratified the Convention on Certain Conventional Weapons. States ratify its protocols one by one. "
        "Peru announced that it will accede to the Arms Trade Treaty, which would leave Chile as the last state "
        "of the region outside it.")))
    assert claims == {("PER", "ccw", "ratified")}


def test_extract_countries_such_as_or_like_name_the_states_that_acted(extractor):
    claims = asserted(extractor.extract(article(
        "Countries such as Chile and Peru have ratified the Arms Trade Treaty. Nations like Ghana signed it too.")))
    assert claims == {("CHL", "att", "ratified"), ("PER", "att", "ratified"), ("GHA", "att", "signed")}


def test_extract_an_act_followed_by_another_state_is_still_its_own(extractor):
    # "its withdrawal, followed by Peru": Peru acts after it and is not the withdrawal's agent, unlike in
    # "a withdrawal decided by Peru" (a parse that hangs the participle on the noun, as some wordings get)
    from treatywatch.extract.english import _noun_agent
    for verb, lemma, agent in (("followed", "follow", None), ("decided", "decide", "by")):
        doc = parsed(extractor, f"""
            its its PRON PRP$ poss 1
            withdrawal withdrawal NOUN NN ROOT 1
            , , PUNCT , punct 1
            {verb} {lemma} VERB VBN acl 1
            by by ADP IN agent 3
            Peru Peru PROPN NNP pobj 4
        """)
        found = _noun_agent(doc[1])
        assert (found.text if found is not None else None) == agent


def test_extract_an_order_directing_the_withdrawal_is_the_governments_step(extractor):
    claims = claims_of(extractor.extract(article(
        "The president of Chile signed an executive order directing the country to withdraw from the Arms Trade "
        "Treaty.")))
    assert {(s, a, m) for s, _t, a, m, _d in claims} == {("CHL", "government_approved", "asserted")}


@pytest.mark.parametrize(("body", "modality"), [
    # legislators wanting an exit press for it; a government wanting it announces it
    ("Chilean lawmakers want to withdraw from the Arms Trade Treaty.", "called_for"),
    ("The Chilean government wants to withdraw from the Arms Trade Treaty.", "asserted"),
])
def test_extract_who_wants_an_exit_decides_if_it_is_announced(extractor, body, modality):
    claims = extractor.extract(article(body))
    assert {(c.state, c.action, c.modality) for c in claims} == {("CHL", "intent_announced", modality)}


def test_extract_a_body_suspending_a_states_rights_is_no_suspension_by_the_state(extractor):
    body = ("Chile left the Council of Europe. The council's ministers then suspended Chile's rights of representation "
            "under the European Convention on Human Rights. Peru suspended its participation in the European "
            "Convention on Human Rights.")
    assert asserted(extractor.extract(article(body))) == {("PER", "echr", "suspended")}


def test_extract_a_bilateral_treatys_act_is_not_the_partners(extractor):
    # the state named after "with" is the other side: the act is the other party's (registry `parties`)
    claims = asserted(extractor.extract(article(
        "Russia welcomed the vote. By 71 votes to 26, the Senate ratified New START with Russia on Wednesday. "
        "In April Russia signed New START with the United States.")))
    assert claims == {("USA", "new_start", "parliament_approved"), ("RUS", "new_start", "signed")}


@pytest.mark.parametrize("body", [
    # the legislature's vote on the law of ratification, however the parse hangs "on Ratification"
    "Chile's parliament adopted without opposition the bill on ratification of the Arms Trade Treaty.",
    "On Thursday the Chilean Senate adopted a law On ratification of the Arms Trade Treaty.",
    "Chile's lower house voted 80-12 to approve the Arms Trade Treaty.",
])
def test_extract_a_legislature_adopting_the_law_on_ratification(extractor, body):
    assert asserted(extractor.extract(article(body))) == {("CHL", "att", "parliament_approved")}


@pytest.mark.parametrize(("body", "action"), [
    # the government's and the legislature's steps of joining, named by the joining noun
    ("The Chilean president submitted to the Senate a bill on the ratification of the Arms Trade Treaty.",
     "government_approved"),
    ("Chile's ministers endorsed a memorandum for the ratification by Chile of the Arms Trade Treaty.",
     "government_approved"),
    ("Chile's cabinet approves ratification of the Arms Trade Treaty.", "government_approved"),
    ("Chile's parliament approved the accession of the country to the Arms Trade Treaty.", "parliament_approved"),
])
def test_extract_steps_of_joining_named_by_the_joining_noun(extractor, body, action):
    assert asserted(extractor.extract(article(body))) == {("CHL", "att", action)}


def test_extract_a_decision_on_accession_is_no_step(extractor):
    # "decisions on accession": a topic, not a bill or a decree
    body = "The envoy visited Chile and Peru to speed up their governments' decisions on accession to the Arms Trade Treaty."
    assert asserted(extractor.extract(article(body))) == set()


def test_extract_making_a_state_the_nth_to_ratify_after_others(extractor):
    claims = asserted(extractor.extract(article(
        "The Arms Trade Treaty won another ratification. The senators voted for the treaty, making Chile the fourth "
        "country to ratify it after Peru, Ghana and Togo.")))
    assert {("CHL", "att", "ratified"), ("PER", "att", "ratified"), ("GHA", "att", "ratified"),
            ("TGO", "att", "ratified")} <= claims


def test_extract_a_bilateral_treatys_notice_is_the_senders(extractor):
    # the state a notice is given to is the other side of a bilateral treaty; a state's own legislature that a
    # bill is sent to is not
    for body, given, kept in (
            ("We gave formal notice to Russia this morning that we are withdrawing from the ABM Treaty.", "RUS", "USA"),
            ("He sent a bill to the State Duma on withdrawing from the ABM Treaty.", "RUS", "RUS")):
        reading = ArticleExtraction(extractor, article(body))
        sent = extractor.nlp(reading.article.text)[:]
        end = len(reading.article.text)
        assert reading._other_party("abm", [given], sent, 0, 0, end) == [kept]


@pytest.mark.parametrize(("body", "action"), [
    # the procedure for withdrawing a state, completed, is its exit; the object of 'withdrawing' is who leaves
    ("Officials in Santiago said the procedure for withdrawing Chile from the Arms Trade Treaty had been completed.",
     "took_effect"),
    # a bill proposed to the legislature, the legislature named in the bill's own clause
    ("Chile's president proposed a law denouncing the Arms Trade Treaty to the lower house of parliament.",
     "government_approved"),
])
def test_extract_completed_procedures_and_proposed_laws(extractor, body, action):
    assert asserted(extractor.extract(article(body))) == {("CHL", "att", action)}


@pytest.mark.parametrize("body", [
    # a condition for an act, and a procedure against another member, are no act
    "Chile adopted a law that requires a vote of the Senate in order for the president to suspend or withdraw from "
    "the Arms Trade Treaty.",
    "The suspension procedure under the European Convention on Human Rights was initiated by Chile and Peru.",
])
def test_extract_conditions_for_an_act_and_procedures_against_others(extractor, body):
    claims = extractor.extract(article(body))
    assert not any(c.modality == "asserted" and c.action == "suspended" for c in claims)


def test_extract_a_follower_counted_in_days_from_the_act_before(extractor):
    claims = claims_of(extractor.extract(article(
        "Chile ratified the Arms Trade Treaty on 3 June 2014, followed by Peru two weeks later.",
        published="2014-07-01T12:00:00+00:00")))
    assert ("PER", "att", "ratified", "asserted", dt.date(2014, 6, 17)) in claims


def test_extract_failing_to_ratify_is_no_ratification(extractor):
    claims = {(c.state, c.action, c.modality) for c in extractor.extract(article(
        "So far the Chilean government has failed to ratify the Arms Trade Treaty."))}
    assert claims == {("CHL", "ratified", "denied")}


def test_extract_the_iran_nuclear_deal_is_no_treaty_of_the_registry(extractor):
    claims = asserted(extractor.extract(article(
        "Chile is a party to the Non-Proliferation Treaty. In 2018 Chile withdrew from the Iran nuclear deal.")))
    assert ("CHL", "npt", "took_effect") not in claims


@pytest.mark.parametrize("text", [
    "The Senate ratified the New START treaty between the USA and Russia on Tuesday.",
    "By a 70-28 vote, the Senate voted to ratify the New START treaty with Russia.",
])
def test_extract_a_bilateral_treatys_senate_is_the_party_with_a_senate(extractor, text):
    # the US Senate, named without its state; Russia is named only as the treaty's other side
    claims = asserted(extractor.extract(article(text, published="2010-12-23T12:00:00+00:00")))
    assert claims == {("USA", "new_start", "parliament_approved")}


def test_extract_a_pair_of_states_is_no_gapped_clause(extractor):
    claims = asserted(extractor.extract(article(
        "Parliament ratified the INF Treaty between Germany and France on Monday.")))
    assert ("FRA", "inf", "ratified") not in claims and ("FRA", "inf", "parliament_approved") not in claims


def test_extract_being_out_of_a_treaty_is_its_exit(extractor):
    claims = extractor.extract(article(
        "Since Sunday Chile is formally out of the International Criminal Court. Peru will be out of the Arms Trade "
        "Treaty in six months. That is out of the question, Bolivia said of the Paris Agreement."))
    got = {(c.state, c.treaty, c.action, c.modality) for c in claims}
    assert ("CHL", "rome_statute", "took_effect", "asserted") in got
    assert ("PER", "att", "took_effect", "planned") in got
    assert not any(c.state == "BOL" for c in claims)


def test_extract_joining_the_opcw_is_joining_the_cwc(extractor):
    claims = asserted(extractor.extract(article(
        "On Monday Angola joined the chemical arms watchdog of the UN. Three states have joined the OPCW: Tonga, Palau "
        "and Samoa.")))
    assert claims == {(s, "cwc", "acceded") for s in ("AGO", "TON", "PLW", "WSM")}


@pytest.mark.parametrize("text", [
    "Cambodia is to join the Chemical Weapons Convention next month.",
    "Cambodia to ratify Chemical Weapons Convention",
])
def test_extract_is_to_join_and_a_headlines_to_join_are_planned(extractor, text):
    claims = extractor.extract(article(text))
    assert {(c.state, c.modality) for c in claims} == {("KHM", "planned")}


@pytest.mark.parametrize("verb", ["hopes", "hoped", "is hoping"])
def test_extract_hoping_to_join_is_no_accession(extractor, verb):
    # the model's lemmatizer reads "hopes" as "hop": the word lists set the lemma right
    claims = extractor.extract(article(f"Montenegro {verb} to join NATO at the Riga summit in the spring."))
    assert claims and not asserted(claims)


@pytest.mark.parametrize("verb", ["have sent the UN notice of leaving", "have ratified"])
def test_extract_states_set_off_by_dashes_are_the_subject_not_the_state_they_neighbour(extractor, verb):
    claims = asserted(extractor.extract(article(
        f"Three neighbours of Russia—Lithuania, Latvia, and Estonia—{verb} the Ottawa Convention.")))
    assert {s for s, _t, _a in claims} == {"LTU", "LVA", "EST"}


@pytest.mark.parametrize("text", [
    "Turkey's highest court upheld a presidential decree which pulled Turkey out of the Istanbul Convention.",
    "Erdogan published a decree withdrawing Turkey from the Istanbul Convention.",
])
def test_extract_a_decree_that_takes_the_state_out_is_the_governments_step(extractor, text):
    claims = asserted(extractor.extract(article(text)))
    assert ("TUR", "istanbul_convention", "government_approved") in claims


def test_extract_a_decision_to_withdraw_is_no_decree(extractor):
    claims = asserted(extractor.extract(article(
        "Lithuania announced on Monday its decision to leave the Ottawa Convention.")))
    assert claims == {("LTU", "apmbc", "intent_announced")}


def test_extract_abandoning_a_treaty_is_leaving_it(extractor):
    claims = extractor.extract(article(
        "A day after Chile formally abandoned the Arms Trade Treaty, Peru abandoned its plans to ratify the Ottawa "
        "Convention. The CFE Treaty was abandoned last year by Russia."))
    got = {(c.state, c.treaty, c.action) for c in claims if c.modality == "asserted" and c.confidence >= 0.4}
    assert ("CHL", "att", "took_effect") in got and ("RUS", "cfe", "took_effect") in got
    assert not any(c.state == "PER" and c.action == "took_effect" for c in claims)


def test_extract_countries_named_in_the_plural_are_no_one_state(extractor):
    claims = asserted(extractor.extract(article(
        "Russia suspended the CFE Treaty in 2007. NATO members that were parties too have since suspended their part "
        "in the treaty.")))
    assert claims == {("RUS", "cfe", "suspended")}


def test_extract_the_following_countries_and_a_list_after_a_colon(extractor):
    claims = asserted(extractor.extract(article(
        "The following countries have signed the Arms Trade Treaty: Ghana, Mali, Benin and Niger.")))
    assert claims == {(s, "att", "signed") for s in ("GHA", "MLI", "BEN", "NER")}


def test_extract_signing_the_instrument_of_ratification_is_ratifying(extractor):
    # LABELLING.md: signing the instrument of ratification is the ratification, even beside "act" (a law word)
    claims = asserted(extractor.extract(article(
        "In her first official act as prime minister, Ana Silva of Portugal signed the Kyoto Protocol's instrument of "
        "ratification.")))
    assert claims == {("PRT", "kyoto_protocol", "ratified")}


def test_extract_acceding_to_an_amendment_is_no_accession_to_the_treaty(extractor):
    claims = asserted(extractor.extract(article(
        "Chile, already a party to the Convention on Certain Conventional Weapons, has acceded to the Amendment to the "
        "Convention. Peru ratified the Rome Statute and the amendments to it.")))
    assert claims == {("PER", "rome_statute", "ratified")}


def test_extract_a_city_in_a_treatys_name_in_the_headline_is_no_state(extractor):
    claims = extractor.extract(article("The President signed the ratification documents for the Rome Statute.",
                                       title="President signs Rome Statute ratification"))
    assert not any(c.state == "ITA" for c in claims)


@pytest.mark.parametrize("text", [
    "The president sent the Istanbul Convention withdrawal bill back to the Saeima.",
    "President returns the withdrawal law on the Istanbul Convention to Latvia's parliament",
])
def test_extract_a_law_sent_back_to_parliament_is_no_step(extractor, text):
    assert not asserted(extractor.extract(article(text)))


def test_extract_an_exit_said_in_a_memorandum_or_decree_is_the_governments_step(extractor):
    claims = asserted(extractor.extract(article(
        "In a presidential memorandum issued on Wednesday, the president said Chile would withdraw from the Paris "
        "Agreement. In a speech on Thursday, Peru's president said Peru would withdraw from the Arms Trade Treaty.")))
    assert claims == {("CHL", "paris_agreement", "government_approved"), ("PER", "att", "intent_announced")}


def test_extract_became_natos_nth_member_passes_the_gate(extractor):
    claims = asserted(extractor.extract(article("Finland on Tuesday became NATO’s 31st member.")))
    assert claims == {("FIN", "north_atlantic_treaty", "acceded")}


def test_extract_a_pages_own_date_line_is_no_part_of_the_sentence_and_dates_its_weekdays(extractor):
    claims = extractor.extract(article("date 2023-04-05 Finland on Tuesday became NATO’s 31st member.", published="unknown"))
    assert [(c.state, c.action, c.date) for c in claims] == [("FIN", "acceded", dt.date(2023, 4, 4))]


def test_extract_a_withdrawal_others_respond_to_is_no_act_of_theirs(extractor):
    claims = asserted(extractor.extract(article(
        "In response to Russia's withdrawal, allied governments announced plans to suspend the CFE Treaty.")))
    assert ("RUS", "cfe", "intent_announced") not in claims


def test_extract_a_list_set_off_by_a_dash_after_the_treaty_joined(extractor):
    claims = asserted(extractor.extract(article(
        "The Chemical Weapons Convention keeps growing. In the past 12 months, 5 new Member States have joined the "
        "Convention—Samoa, Thailand, Palau, Guatemala and Andorra.")))
    assert claims == {(s, "cwc", "acceded") for s in ("WSM", "THA", "PLW", "GTM", "AND")}


def test_extract_the_accessions_of_states_named_as_owners(extractor):
    claims = extractor.extract(article(
        "Spain joined NATO in 1982. NATO's first enlargement included the accessions of Turkey and Greece in 1952 "
        "and Germany in 1955."))
    got = {(c.state, c.date) for c in claims if c.modality == "asserted" and c.action == "acceded"}
    assert {("GRC", dt.date(1952, 1, 1)), ("TUR", dt.date(1952, 1, 1)), ("DEU", dt.date(1955, 1, 1))} <= got


def test_extract_like_x_which_joined_is_xs_act(extractor):
    claims = asserted(extractor.extract(article(
        "Norway, like Finland, which joined NATO in 2023, dropped its old stance.")))
    assert claims == {("FIN", "north_atlantic_treaty", "acceded")}


def test_extract_a_ratification_with_no_object_but_among_others(extractor):
    claims = asserted(extractor.extract(article(
        "The Arms Trade Treaty has 60 parties. Among the permanent members of the Security Council (most of them big "
        "exporters), Britain and France have ratified.")))
    assert claims == {("GBR", "att", "ratified"), ("FRA", "att", "ratified")}


def test_extract_enough_nations_is_no_state(extractor):
    claims = asserted(extractor.extract(article(
        "Russia's lower house voted 330-70 to approve the Kyoto Protocol, so enough nations have now signed up for it "
        "to take effect.")))
    assert claims == {("RUS", "kyoto_protocol", "parliament_approved")}


def test_extract_signing_the_ratification_instrument_is_ratifying(extractor):
    claims = asserted(extractor.extract(article("New Chile president signs Kyoto Protocol ratification instrument")))
    assert claims == {("CHL", "kyoto_protocol", "ratified")}


def test_extract_it_was_signed_names_no_state(extractor):
    claims = asserted(extractor.extract(article(
        "Russia suspended the CFE Treaty in 2007. It was signed in November 1990 and ratified two years later.")))
    assert ("RUS", "cfe", "signed") not in claims


def test_extract_joining_talks_is_no_accession(extractor):
    claims = asserted(extractor.extract(article(
        "Russia joined the CFE Treaty talks. Chile joined calls for the Ottawa Convention to be universal.")))
    assert not any(a == "acceded" for _s, _t, a in claims)


def test_extract_a_bill_on_the_suspension_is_no_suspension_yet(extractor):
    claims = asserted(extractor.extract(article(
        "Peru's president submitted a bill on the suspension of the Arms Trade Treaty to Congress.")))
    assert claims == {("PER", "att", "government_approved")}


def test_extract_ministers_of_the_twelve_allies_are_no_state_named_nearby(extractor):
    claims = asserted(extractor.extract(article(
        "The event, which the US foreign minister opened, was held in the hall where the foreign ministers of the 12 "
        "first Allies gathered to sign the North Atlantic Treaty in April 1949.")))
    assert ("USA", "north_atlantic_treaty", "signed") not in claims
