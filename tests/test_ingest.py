import datetime as dt
import io

import pytest

from treatywatch import Article, InputError, Reject, parse_news_text, read_articles
from treatywatch.ingest import normalise_body, read_status_table

from .conftest import SEED, write_article


def test_ingest_reads_seed_header_and_body():
    (article,) = list(read_articles([str(SEED)]))
    assert isinstance(article, Article)
    assert article.id == "000_c8cd2b3761d92ca4"
    assert article.title.startswith("Lithuania, Estonia withdraw")
    assert article.source == "global.espreso.tv"
    assert article.published == dt.datetime(2025, 6, 28, 17, 43, tzinfo=dt.timezone(dt.timedelta(hours=3)))
    assert article.text.startswith("Lithuanian Foreign Minister")
    assert len(article.content_hash) == 64


def test_ingest_unglues_sentences():
    assert normalise_body("platform X.“Today, it") == "platform X. “Today, it"
    assert normalise_body("he wrote.Budrys said") == "he wrote. Budrys said"
    assert normalise_body("Europe.”“Russia wages") == "Europe.” “Russia wages"
    # abbreviations stay whole
    assert normalise_body("the U.S. Senate and U.N. staff") == "the U.S. Senate and U.N. staff"


def test_ingest_iso_and_unknown_dates(tmp_path):
    a = write_article(tmp_path, "a", "Body.", published="2025-06-27T18:05:00+03:00")
    b = write_article(tmp_path, "b", "Other body.", published="unknown")
    got = {x.id: x for x in read_articles([str(tmp_path)])}
    assert got["a"].published.isoformat() == "2025-06-27T18:05:00+03:00"
    assert got["b"].published is None
    assert a.exists() and b.exists()


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty file"),
        (b"\x00\x01\x02binary\x00", "binary file"),
        (b"Only a title\nand a line\n", "missing header lines"),
        ("Title\nSource\n2025-06-28\n\nBody caf\xe9".encode("latin-1"), "not valid UTF-8"),
        (b"Title\nSource\nyesterday-ish\n\nBody", "cannot read the publication date"),
        (b"Title\nSource\n2025-06-28\n\n   \n", "no body text"),
    ],
)
def test_ingest_rejects_bad_input_with_reason(tmp_path, content, reason):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    (item,) = list(read_articles([str(path)]))
    assert isinstance(item, Reject)
    assert item.source == str(path)
    assert reason in item.reason


def test_ingest_missing_path_is_rejected_not_raised(tmp_path):
    items = list(read_articles([str(tmp_path / "nope.txt"), str(SEED)]))
    assert isinstance(items[0], Reject) and "no such file" in items[0].reason
    assert isinstance(items[1], Article)


def test_ingest_reads_stdin():
    data = SEED.read_bytes()
    (article,) = list(read_articles(["-"], stdin=io.BytesIO(data)))
    assert isinstance(article, Article)
    assert article.id.startswith("stdin-")


def test_ingest_parse_raises_input_error():
    with pytest.raises(InputError) as err:
        parse_news_text(b"", source_name="x.txt")
    assert str(err.value) == "x.txt: empty file"


def test_ingest_status_table_reports_bad_rows_with_line_numbers(tmp_path):
    path = tmp_path / "table.csv"
    path.write_text(
        "iso3,signed,ratified_or_acceded,kind\n"
        "LTU,1999-02-26,2003-05-12,ratification\n"
        "XX,,2003-05-12,ratification\n"
        "EST,,2004-13-12,accession\n"
        "LVA,,2005-07-01,adhesion\n"
        "FIN,,,\n",
        encoding="utf-8",
    )
    rows, rejects = read_status_table(path)
    assert [r["iso3"] for r in rows] == ["LTU"]
    assert [(r.source.rsplit(":", 1)[1], r.reason.split(" ")[0]) for r in rejects] == [
        ("3", "iso3"), ("4", "ratified_or_acceded"), ("5", "kind"), ("6", "no"),
    ]


def test_ingest_status_table_missing_columns(tmp_path):
    path = tmp_path / "table.csv"
    path.write_text("state,date\nLTU,2003-05-12\n", encoding="utf-8")
    with pytest.raises(InputError, match="missing column"):
        read_status_table(path)
