import io
from pathlib import Path

import pytest

from treatywatch import InputError
from treatywatch.depositary import (
    FORMATS,
    TABLE_COLUMNS,
    detect_format,
    parse_status,
    read_status_table,
    state_code,
    write_status_table,
)

STATUS = Path(__file__).parent / "data" / "status"

FIXTURES = {
    "untc_xxvi5_apmbc.en.xml": "untc-xml",
    "untc_xxvii7d_paris.en.xml": "untc-xml",
    "untc_xviii10_rome.en.xml": "untc-xml",
    "untc_xxvi4_ctbt.en.xml": "untc-xml",
    "unoda_npt.html": "unoda-html",
    "unoda_npt.json": "unoda-json",
    "coe_cets210_chart.html": "coe-html",
    "coe_ets005_chart.html": "coe-html",
    "verdragenbank_party_table.html": "verdragenbank-html",
    "generic.csv": "csv",
}


def parse(fixture):
    data = (STATUS / fixture).read_bytes()
    return parse_status(data, FIXTURES[fixture], fixture)


def by_iso(rows):
    out = {}
    for row in rows:
        out.setdefault(row["iso3"], []).append(row)
    return out


def dates(row, *cols):
    return tuple(row[c] for c in cols)


# -- UN Treaty Collection XML ----------------------------------------------------------------


def test_depositary_untc_kinds_and_names():
    rows, rejects = parse("untc_xxvi5_apmbc.en.xml")
    assert rejects == []
    got = {r["iso3"]: (r["signed"], r["ratified_or_acceded"], r["kind"]) for r in rows}
    assert got == {
        "AFG": ("", "2002-09-11", "accession"),
        "BOL": ("1997-12-03", "1998-06-09", "ratification"),
        "CIV": ("1997-12-03", "2000-06-30", "ratification"),  # ISO-8859-1 byte in the name
        "VAT": ("1997-12-04", "1998-02-17", "ratification"),
        "LTU": ("1999-02-26", "2003-05-12", "ratification"),
        "MNE": ("", "2006-10-23", "succession"),
        "NLD": ("1997-12-03", "1999-04-12", "acceptance"),
        "PSE": ("", "2017-12-29", "accession"),
    }
    assert all(set(r) == {"line", *TABLE_COLUMNS} for r in rows)
    assert [r["line"] for r in rows] == list(range(1, 9))


def test_depositary_untc_footnote_withdrawal():
    rows, _ = parse("untc_xxvi5_apmbc.en.xml")
    (ltu,) = by_iso(rows)["LTU"]
    assert dates(ltu, "withdrawal_notified", "withdrawal_effective") == ("2025-06-27", "2025-12-27")
    assert ltu["name"] == "Lithuania"  # the <superscript> marker is gone
    # footnotes without a withdrawal ("For the Kingdom in Europe.") change nothing
    (nld,) = by_iso(rows)["NLD"]
    assert nld["withdrawal_notified"] == nld["withdrawal_effective"] == ""


def test_depositary_untc_approval_and_signature_only():
    rows, _ = parse("untc_xxvii7d_paris.en.xml")
    states = by_iso(rows)
    assert dates(states["EUU"][0], "ratified_or_acceded", "kind") == ("2016-10-05", "approval")
    assert dates(states["IRN"][0], "signed", "ratified_or_acceded", "kind") == ("2016-04-22", "", "")
    assert states["LAO"][0]["kind"] == "ratification"
    assert states["TUR"][0]["ratified_or_acceded"] == "2021-10-11"


def test_depositary_untc_earlier_cycle_from_footnote():
    rows, _ = parse("untc_xxvii7d_paris.en.xml")
    first, second = by_iso(rows)["USA"]
    # the 2019 withdrawal ended an earlier membership (its acceptance is not in the table)
    assert dates(first, "ratified_or_acceded", "withdrawal_notified", "withdrawal_effective") == (
        "", "2019-11-04", "2020-11-04")
    assert "earlier membership" in first["note"]
    assert dates(second, "signed", "ratified_or_acceded", "kind", "withdrawal_notified", "withdrawal_effective") == (
        "2016-04-22", "2021-01-20", "acceptance", "2025-01-27", "2026-01-27")


def test_depositary_untc_withdrawals_and_revoked_withdrawal():
    rows, _ = parse("untc_xviii10_rome.en.xml")
    states = by_iso(rows)
    assert dates(states["BDI"][0], "withdrawal_notified", "withdrawal_effective") == ("2016-10-27", "2017-10-27")
    assert dates(states["HUN"][0], "withdrawal_notified", "withdrawal_effective") == ("2025-06-02", "2026-06-02")
    assert dates(states["PHL"][0], "withdrawal_notified", "withdrawal_effective") == ("2018-03-17", "2019-03-17")
    (zaf,) = states["ZAF"]  # notice revoked: still a party, the revocation is in the note
    assert zaf["withdrawal_notified"] == "" and "revoked 2017-03-07" in zaf["note"]
    assert states["ARM"][0]["withdrawal_notified"] == ""


def test_depositary_untc_revoked_ratification():
    rows, _ = parse("untc_xxvi4_ctbt.en.xml")
    states = by_iso(rows)
    assert dates(states["RUS"][0], "ratified_or_acceded", "deratified") == ("2000-06-30", "2023-11-02")
    assert states["RUS"][0]["withdrawal_notified"] == ""
    assert states["GBR"][0]["deratified"] == ""


def test_depositary_untc_formal_confirmation_footnote_shapes_and_rejects():
    xml = (b'<?xml version="1.0" encoding="UTF-8"?><Treaty><Participants><Table><TGroup><Tbody><Rows>'
           b"<Row><Entry>Cook Islands<superscript>2</superscript></Entry><Entry></Entry><Entry>1 Mar 2001 c</Entry></Row>"
           b"<Row><Entry>Atlantis</Entry><Entry>2 Mar 2001</Entry><Entry></Entry></Row>"
           b"</Rows></Tbody></TGroup></Table></Participants>"
           b'<Footnotes><Footnote number="2">On 3 May 2010, the Government of the Cook Islands notified the '
           b"Secretary-General of its decision to denounce the Convention. It took effect on 3 May 2011.</Footnote>"
           b"</Footnotes></Treaty>")
    rows, rejects = parse_status(xml, "untc-xml", "x.xml")
    (cok,) = rows
    assert dates(cok, "ratified_or_acceded", "kind") == ("2001-03-01", "ratification")
    assert "formal confirmation" in cok["note"]
    assert dates(cok, "withdrawal_notified", "withdrawal_effective") == ("2010-05-03", "2011-05-03")
    assert [(r.source, r.reason) for r in rejects] == [("x.xml:2", "participant 'Atlantis' maps to no state")]


@pytest.mark.parametrize("data", [b"not xml at all", b"<Treaty><Header/></Treaty>",
                                  b"<Treaty><Participants><Table/></Participants></Treaty>"])
def test_depositary_untc_wrong_shape_raises(data):
    with pytest.raises(InputError) as err:
        parse_status(data, "untc-xml", "status.xml")
    assert err.value.source == "status.xml"


# -- UNODA -------------------------------------------------------------------------------------


def test_depositary_unoda_html_depositaries():
    rows, rejects = parse("unoda_npt.html")
    assert rejects == []
    states = by_iso(rows)
    usa = states["USA"][0]
    assert dates(usa, "signed", "ratified_or_acceded", "kind") == ("1968-07-01", "1970-03-05", "ratification")
    assert "London 1970-03-05" in usa["note"] and "Washington 1970-03-05" in usa["note"]
    assert dates(states["FRA"][0], "ratified_or_acceded", "kind") == ("1992-08-03", "accession")
    prk = states["PRK"][0]
    assert dates(prk, "ratified_or_acceded", "kind", "withdrawal_notified") == ("1985-12-12", "accession", "2003-01-10")
    assert states["RUS"][0]["signed"] == "1968-07-01"


def test_depositary_unoda_json_actions():
    rows, rejects = parse("unoda_npt.json")
    assert rejects == []
    states = by_iso(rows)
    assert set(states) == {"USA", "PRK", "FRA"}
    assert dates(states["USA"][0], "signed", "ratified_or_acceded", "kind") == ("1968-07-01", "1970-03-05", "ratification")
    prk = states["PRK"][0]
    assert dates(prk, "ratified_or_acceded", "withdrawal_notified", "withdrawal_effective") == ("1985-12-12", "2003-01-10", "")
    assert "Announced its withdrawal" in prk["note"]


def test_depositary_unoda_json_rejoin_is_a_new_row_and_unknown_state_rejected():
    data = (b'{"actions_": ['
            b'{"date": "1990-01-01 00:00:00", "type": "ACC", "state": {"name": "Nauru"}},'
            b'{"date": "2000-01-01 00:00:00", "type": "WTW", "state": {"name": "Nauru"}},'
            b'{"date": "2005-01-01 00:00:00", "type": "ACC", "state": {"name": "Nauru"}},'
            b'{"date": "1991-01-01 00:00:00", "type": "RAT", "state": {"name": "Ruritania"}}]}')
    rows, rejects = parse_status(data, "unoda-json", "npt.json")
    assert [(r["iso3"], r["ratified_or_acceded"], r["withdrawal_notified"]) for r in rows] == [
        ("NRU", "1990-01-01", "2000-01-01"), ("NRU", "2005-01-01", "")]
    assert [r.reason for r in rejects] == ["participant 'Ruritania' maps to no state"]


@pytest.mark.parametrize(("data", "fmt"), [(b"{not json", "unoda-json"), (b'{"data": {}}', "unoda-json"),
                                           (b"<html><body><p>Maintenance</p></body></html>", "unoda-html")])
def test_depositary_unoda_wrong_shape_raises(data, fmt):
    with pytest.raises(InputError):
        parse_status(data, fmt, "npt")


# -- Council of Europe -----------------------------------------------------------------------------


def test_depositary_coe_chart_dates_and_markers():
    rows, rejects = parse("coe_cets210_chart.html")
    assert rejects == []
    states = by_iso(rows)
    assert list(states) == ["ALB", "MDA", "TUR", "UKR", "GBR", "EUU"]  # group headings skipped
    alb = states["ALB"][0]  # "X" in the A. (authorities) column is not an accession
    assert dates(alb, "signed", "ratified_or_acceded", "kind", "entry_into_force_for_state") == (
        "2011-12-19", "2013-02-04", "ratification", "2014-08-01")
    assert dates(states["TUR"][0], "withdrawal_notified", "withdrawal_effective") == ("2021-03-22", "2021-07-01")


def test_depositary_coe_denunciation_expulsion_succession():
    rows, _ = parse("coe_ets005_chart.html")
    states = by_iso(rows)
    old, current = states["GRC"]
    assert dates(old, "ratified_or_acceded", "withdrawal_notified", "withdrawal_effective") == (
        "", "1969-12-12", "1970-06-13")
    assert dates(current, "ratified_or_acceded", "withdrawal_notified") == ("1974-11-28", "")
    rus = states["RUS"][0]  # ceased without a notice: only the effective date, and a note
    assert dates(rus, "kind", "withdrawal_notified", "withdrawal_effective") == ("ratification", "", "2022-09-16")
    assert "ceased" in rus["note"]
    assert states["MNE"][0]["kind"] == "succession"


def test_depositary_coe_signature_without_reservation_and_wrong_shape():
    page = (b"<html><body><p>Council of Europe</p><table><tr><th>States</th><th>Signature</th><th>Ratification</th>"
            b"<th>Entry into Force</th><th>Notes</th></tr>"
            b"<tr><td>San Marino</td><td>16/11/1988</td><td></td><td>01/03/1989</td><td>s</td></tr>"
            b"<tr><td>Spain</td><td></td><td>10/05/1990</td><td>01/09/1990</td><td>a</td></tr></table></body></html>")
    rows, _ = parse_status(page, "coe-html", "chart")
    smr, esp = rows
    assert dates(smr, "ratified_or_acceded", "kind") == ("1988-11-16", "ratification")
    assert "without reservation" in smr["note"]
    assert esp["kind"] == "accession"
    with pytest.raises(InputError, match="no chart table"):
        parse_status(b"<html><body><table><tr><td>x</td></tr></table></body></html>", "coe-html", "chart")


# -- Verdragenbank ------------------------------------------------------------------------------


def test_depositary_verdragenbank_kinds_and_withdrawals():
    rows, rejects = parse("verdragenbank_party_table.html")
    states = by_iso(rows)
    assert dates(states["AUT"][0], "signed", "ratified_or_acceded", "kind", "entry_into_force_for_state",
                 "withdrawal_notified", "withdrawal_effective") == (
        "1985-08-19", "1988-02-04", "ratification", "1988-04-01", "2021-08-03", "2022-03-01")
    aze = states["AZE"][0]
    assert dates(aze, "ratified_or_acceded", "kind") == ("2000-03-28", "ratification")
    assert "(S)" in aze["note"]
    # a succession dated back to independence: entry into force before the deposit
    assert dates(states["BIH"][0], "ratified_or_acceded", "kind", "entry_into_force_for_state") == (
        "1994-12-29", "succession", "1992-03-06")
    assert dates(states["MAR"][0], "kind") == ("accession",)
    assert dates(states["GEO"][0], "signed", "ratified_or_acceded") == ("2004-09-17", "")
    assert states["NLD"][0]["withdrawal_effective"] == "2020-09-01"
    assert [(r.source.rsplit(":", 1)[1], r.reason) for r in rejects] == [
        ("8", "participant 'Yugoslavia (< 25-06-1991)' maps to no state")]


def test_depositary_verdragenbank_wrong_shape_raises():
    with pytest.raises(InputError, match="no party table"):
        parse_status(b"<html><body><p>Verdragenbank</p></body></html>", "verdragenbank-html", "nl")


# -- the generic CSV, names, detection, writing -------------------------------------------------------


def test_depositary_csv_full_columns_and_cycles():
    rows, rejects = read_status_table(STATUS / "generic.csv")
    states = by_iso(rows)
    assert [r["ratified_or_acceded"] for r in states["USA"]] == ["2016-09-03", "2021-01-20"]
    expelled, deratified, suspended = states["RUS"]
    assert dates(expelled, "withdrawal_notified", "withdrawal_effective") == ("", "2022-09-16")
    assert deratified["deratified"] == "2023-11-02"
    assert dates(suspended, "suspended", "predecessor") == ("2007-12-12", "SUN")
    assert states["MNE"][0]["predecessor"] == "SCG"
    assert [(r.source.rsplit(":", 1)[1], r.reason.split(" ")[0]) for r in rejects] == [
        ("8", "predecessor"), ("9", "no"), ("10", "kind")]
    same = parse_status((STATUS / "generic.csv").read_bytes(), "csv", str(STATUS / "generic.csv"))
    assert same == (rows, rejects)


def test_depositary_csv_missing_columns_raise():
    with pytest.raises(InputError, match="missing column"):
        parse_status(b"state,date\nLTU,2003-05-12\n", "csv", "t.csv")


def test_depositary_write_round_trip(tmp_path):
    rows, _ = parse("untc_xxvii7d_paris.en.xml")
    out = io.StringIO()
    write_status_table(rows, out)
    assert out.getvalue().splitlines()[0] == ",".join(TABLE_COLUMNS)
    path = tmp_path / "paris.csv"
    path.write_text(out.getvalue(), encoding="utf-8")
    again, rejects = read_status_table(path)
    assert rejects == []
    strip = [{k: v for k, v in r.items() if k != "line"} for r in rows]
    assert [{k: v for k, v in r.items() if k != "line"} for r in again] == strip


@pytest.mark.parametrize(("name", "iso3"), [
    ("Bolivia (Plurinational State of)", "BOL"), ("Iran (Islamic Republic of)", "IRN"), ("Türkiye", "TUR"),
    ("State of Palestine", "PSE"), ("Holy See", "VAT"), ("European Union", "EUU"), ("Czechia", "CZE"),
    ("United Kingdom of Great Britain and Northern Ireland", "GBR"), ("Russian Federation", "RUS"),
    ("Republic of Moldova", "MDA"), ("Venezuela (Bolivarian Republic of)", "VEN"),
    ("Micronesia (Federated States of)", "FSM"), ("Côte d'Ivoire", "CIV"), ("Cote d’Ivoire", "CIV"),
    ("Lao People's Democratic Republic", "LAO"), ("Congo", "COG"), ("Democratic Republic of the Congo", "COD"),
    ("Netherlands, the Kingdom of the", "NLD"), ("Gambia, The", "GMB"), ("Republic of Korea, the", "KOR"),
    ("Korea (Democratic People's Republic of)", "PRK"), ("EU (European Union)", "EUU"), ("Moldova, Republic of", "MDA"),
])
def test_depositary_official_names_map_to_codes(name, iso3):
    assert state_code(name) == iso3


def test_depositary_detect_format_from_content():
    for fixture, fmt in FIXTURES.items():
        assert detect_format((STATUS / fixture).read_bytes(), fixture) == fmt, fixture
    assert set(FIXTURES.values()) == set(FORMATS)
    with pytest.raises(InputError, match="cannot tell"):
        detect_format(b"hello world", "x.txt")


def test_depositary_unknown_format_raises():
    with pytest.raises(InputError, match="unknown status format"):
        parse_status(b"", "pdf", "x")
