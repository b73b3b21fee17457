import datetime as dt
import io
import json

import pytest

from treatywatch import Article, InputError, Reject, parse_news_text, read_articles
from treatywatch.depositary import read_status_table
from treatywatch.text import normalise_body

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


# -- HTML, JSON, JSONL, feeds, WARC, globs, encodings ---------------------------------------

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Lithuania quits mine ban treaty | Baltic Daily</title>
<meta property="og:site_name" content="Baltic Daily">
<meta property="og:title" content="Lithuania quits mine ban treaty">
<meta property="article:published_time" content="2025-06-28T17:43:00+03:00">
<link rel="canonical" href="https://balticdaily.example/world/lithuania-quits">
</head><body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Lithuania quits mine ban treaty</h1>
<p>Lithuania notified the UN Secretary-General of its withdrawal from the Ottawa Convention on 27 June 2025.</p>
<p>The withdrawal takes effect six months after the notification, the foreign ministry said in Vilnius.</p>
</article><aside>Subscribe to our newsletter</aside><footer>(c) Baltic Daily</footer></body></html>
"""


def test_ingest_html_page_title_text_date_and_time(tmp_path):
    (tmp_path / "lithuania.html").write_text(PAGE, encoding="utf-8")
    (article,) = list(read_articles([str(tmp_path / "lithuania.html")]))
    assert isinstance(article, Article)
    assert article.id == "lithuania"
    assert article.title == "Lithuania quits mine ban treaty"
    assert article.text.startswith("Lithuania notified the UN Secretary-General")
    assert "newsletter" not in article.text and "Home" not in article.text
    assert article.published == dt.datetime(2025, 6, 28, 17, 43, tzinfo=dt.timezone(dt.timedelta(hours=3)))
    assert article.source == "Baltic Daily"
    assert article.url == "https://balticdaily.example/world/lithuania-quits"
    assert article.language == "en" and len(article.content_hash) == 64


@pytest.mark.parametrize(
    ("head", "body", "expected"),
    [
        ('<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [{"@type": "NewsArticle",'
         ' "headline": "x", "datePublished": "2025-06-27T09:15:00Z"}]}</script>', "", "2025-06-27T09:15:00+00:00"),
        ("", '<time itemprop="datePublished" datetime="2025-06-26T08:00:00-04:00">26 June</time>',
         "2025-06-26T08:00:00-04:00"),
        ('<meta name="date" content="2025-06-25">', "", "2025-06-25T00:00:00+00:00"),  # a date alone: UTC, the one rule
    ],
)
def test_ingest_html_date_from_jsonld_time_or_meta(tmp_path, head, body, expected):
    page = (f"<html><head><title>Estonia leaves</title>{head}</head><body><article>{body}"
            "<p>Estonia notified the UN Secretary-General of its withdrawal from the Ottawa Convention.</p>"
            "<p>The foreign minister said the decision was taken after long consultations with allies.</p>"
            "</article></body></html>")
    path = tmp_path / "estonia.htm"
    path.write_text(page, encoding="utf-8")
    (article,) = list(read_articles([str(path)]))
    assert article.published.isoformat() == expected


def test_ingest_html_declared_encoding(tmp_path):
    page = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'
            "<title>Литва вышла из Оттавской конвенции</title></head><body><article>"
            "<p>Литва уведомила Генерального секретаря ООН о выходе из Оттавской конвенции.</p>"
            "<p>Решение вступит в силу через шесть месяцев, сообщил министр иностранных дел.</p>"
            "</article></body></html>")
    path = tmp_path / "ru.html"
    path.write_bytes(page.encode("cp1251"))
    (article,) = list(read_articles([str(path)]))
    assert article.title == "Литва вышла из Оттавской конвенции"
    assert "Генерального секретаря" in article.text and article.language == "ru"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("Titre\nSource\n2025-06-28\n\nLa France a notifié le retrait à l'ONU. Café crème.".encode("latin-1"),
         "La France a notifié le retrait à l'ONU."),
        ("Заголовок\nИсточник\n2025-06-28\n\nРоссия вышла из договора и уведомила депозитария.".encode("cp1251"),
         "Россия вышла из договора"),
        ("Title\nSource\n2025-06-28\n\nBody text here.".encode("utf-16"), "Body text here."),
    ],
)
def test_ingest_detects_encoding_of_non_utf8_text(tmp_path, data, expected):
    path = tmp_path / "enc.txt"
    path.write_bytes(data)
    (article,) = list(read_articles([str(path)]))
    assert isinstance(article, Article), article
    assert expected in article.text


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        (PAGE.encode()[:700], "truncated HTML"),
        (b"<html><head><title>Nothing</title></head><body><nav>Home</nav></body></html>", "no main text"),
    ],
)
def test_ingest_html_rejects_with_reason(tmp_path, content, reason):
    path = tmp_path / "bad.html"
    path.write_bytes(content)
    (item,) = list(read_articles([str(path)]))
    assert isinstance(item, Reject) and reason in item.reason, item
    assert item.source == str(path)


def test_ingest_json_object_and_list(tmp_path):
    record = {"title": "Estonia leaves", "url": "https://err.example/1", "source": "ERR",
              "published": "2025-06-27T18:05:00+03:00", "text": "Estonia notified the UN of its withdrawal."}
    (tmp_path / "one.json").write_text(json.dumps(record), encoding="utf-8")
    (tmp_path / "many.json").write_text(json.dumps([record, {**record, "title": "Second", "language": "de",
                                                            "published": None}]), encoding="utf-8")
    got = {a.id: a for a in read_articles([str(tmp_path / "one.json"), str(tmp_path / "many.json")])}
    assert set(got) == {"one", "many#1", "many#2"}
    one = got["one"]
    assert (one.title, one.url, one.source, one.language) == ("Estonia leaves", "https://err.example/1", "ERR", "en")
    assert one.published.isoformat() == "2025-06-27T18:05:00+03:00"
    assert got["many#2"].language == "de" and got["many#2"].published is None


def test_ingest_jsonl_bad_line_rejected_with_number_others_kept(tmp_path):
    good = {"title": "T", "text": "Latvia's parliament voted to leave the Ottawa Convention.", "published": "2025-04-16"}
    lines = [json.dumps(good), "{not json", json.dumps({**good, "title": "U", "text": "Other text."}),
             json.dumps({"title": "No text"}), "", json.dumps({**good, "title": "V", "text": "Third."})]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(read_articles([str(path)]))
    assert [a.id for a in items if isinstance(a, Article)] == ["feed#1", "feed#3", "feed#6"]
    rejects = {r.source: r.reason for r in items if isinstance(r, Reject)}
    assert set(rejects) == {f"{path}:2", f"{path}:4"}
    assert "not valid JSON" in rejects[f"{path}:2"] and "field 'text'" in rejects[f"{path}:4"]


def test_ingest_jsonl_line_over_size_limit(tmp_path):
    from treatywatch.sources import ReadOptions

    good = json.dumps({"title": "T", "text": "Short."})
    big = json.dumps({"title": "Big", "text": "word " * 400})
    path = tmp_path / "x.jsonl"
    path.write_text(f"{big}\n{good}\n", encoding="utf-8")
    items = list(read_articles([str(path)], options=ReadOptions(max_bytes=1000)))
    assert isinstance(items[0], Reject) and "limit is 1,000" in items[0].reason and items[0].source.endswith(":1")
    assert isinstance(items[1], Article) and items[1].id == "x#2"


def test_ingest_directory_and_glob_read_every_format(tmp_path):
    write_article(tmp_path, "a", "Body one.")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "sub" / "c.jsonl").write_text(json.dumps({"title": "C", "text": "Body three."}) + "\n", encoding="utf-8")
    (tmp_path / "notes.md").write_text("not an input", encoding="utf-8")
    assert sorted(a.id for a in read_articles([str(tmp_path)])) == ["a", "b", "c#1"]
    assert [a.id for a in read_articles([str(tmp_path / "sub" / "*.html")])] == ["b"]
    assert [a.id for a in read_articles([str(tmp_path / "**" / "*.jsonl")])] == ["c#1"]
    (nothing,) = list(read_articles([str(tmp_path / "*.pdf")]))
    assert isinstance(nothing, Reject) and "no file matches" in nothing.reason


def test_ingest_size_limit_rejects_with_size(tmp_path):
    from treatywatch.sources import ReadOptions

    path = write_article(tmp_path, "big", "word " * 300)
    (item,) = list(read_articles([str(path)], options=ReadOptions(max_bytes=1000)))
    assert isinstance(item, Reject) and f"file is {path.stat().st_size:,} bytes; the limit is 1,000" in item.reason


ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Treaty Wire</title><id>urn:x</id><updated>2025-06-28T12:00:00Z</updated>
<entry><title>Finland deposits withdrawal</title><link href="https://wire.example/fin"/><id>urn:1</id>
<published>2025-07-10T15:30:00+03:00</published><updated>2025-07-10T15:30:00+03:00</updated>
<content type="html">&lt;p&gt;Finland deposited its notification of withdrawal from the Ottawa Convention on 10 July 2025.&lt;/p&gt;&lt;p&gt;It takes effect in January.&lt;/p&gt;</content></entry>
<entry><title>No link, summary only</title><id>urn:2</id><updated>2025-07-11T09:00:00Z</updated>
<summary>Poland's notice reached the UN.</summary></entry>
</feed>"""


def test_ingest_feed_file_entries_become_articles(tmp_path):
    path = tmp_path / "wire.atom"
    path.write_text(ATOM, encoding="utf-8")
    first, second = list(read_articles([str(path)]))
    assert first.id == first.url == "https://wire.example/fin"
    assert first.title == "Finland deposits withdrawal" and first.source == "Treaty Wire"
    assert first.text == ("Finland deposited its notification of withdrawal from the Ottawa Convention on 10 July 2025."
                          "\n\nIt takes effect in January.")
    assert first.published == dt.datetime(2025, 7, 10, 15, 30, tzinfo=dt.timezone(dt.timedelta(hours=3)))
    assert second.id == "wire#2" and second.text == "Poland's notice reached the UN."


def test_ingest_warc_html_responses_only(tmp_path):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "crawl.warc.gz"
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for uri, status, ctype, body in [
            ("https://balticdaily.example/lt", "200 OK", "text/html; charset=utf-8", PAGE.encode()),
            ("https://balticdaily.example/logo.png", "200 OK", "image/png", b"\x89PNG\x00"),
            ("https://balticdaily.example/gone", "404 Not Found", "text/html", b"<html>gone</html>"),
        ]:
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body),
                                                          http_headers=headers))
    (article,) = list(read_articles([str(path)]))
    assert article.id == article.url == "https://balticdaily.example/lt"
    assert article.title == "Lithuania quits mine ban treaty" and article.published.hour == 17


def test_ingest_broken_warc_is_rejected(tmp_path):
    path = tmp_path / "broken.warc.gz"
    path.write_bytes(b"\x1f\x8b\x08\x00garbage that is not gzip")
    (item,) = list(read_articles([str(path)]))
    assert isinstance(item, Reject) and item.source == str(path)


NEWS_PAGES = {
    "lithuania": ("Lithuania leaves the mine ban treaty", "2025-06-28T17:43:00+03:00",
                  "Lithuania notified the UN Secretary-General of its withdrawal from the Ottawa Convention on 27 June 2025. "
                  "The withdrawal takes effect six months after the notification is received."),
    "finland": ("Finland completes its exit procedure", "2025-07-11T09:10:00+03:00",
                "Finland deposited its notification of withdrawal from the Ottawa Convention with the UN Secretary-General "
                "on 10 July 2025. President Alexander Stubb had signed the law earlier."),
    "latvia": ("Saeima votes to leave", "2025-04-16T20:00:00+03:00",
               "The Latvian parliament voted on 16 April 2025 to withdraw from the Ottawa Convention. "
               "The government will now notify the depositary."),
}


def news_page(title: str, published: str, body: str) -> str:
    paragraphs = "".join(f"<p>{s.strip()}.</p>" for s in body.split(". ") if s.strip(". "))
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title} | Wire</title>'
            f'<meta property="og:site_name" content="Wire"><meta property="og:title" content="{title}">'
            f'<meta property="article:published_time" content="{published}"></head>'
            f"<body><header><a href='/'>Home</a></header><article><h1>{title}</h1>{paragraphs}</article>"
            "<footer>Contact us</footer></body></html>")


def test_ingest_warc_yields_the_claims_of_the_pages_read_directly(tmp_path, extractor):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    pages = tmp_path / "pages"
    pages.mkdir()
    warc = tmp_path / "news.warc.gz"
    with warc.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for name, (title, published, body) in NEWS_PAGES.items():
            html = news_page(title, published, body).encode("utf-8")
            (pages / f"{name}.html").write_bytes(html)
            uri = f"https://wire.example/{name}"
            writer.write_record(writer.create_warc_record(uri, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")))
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(html), http_headers=headers))

    def claims_by_title(paths):
        items = [a for a in read_articles(paths) if isinstance(a, Article)]
        assert len(items) == len(NEWS_PAGES)
        return {article.title: (article.published, sorted((c.state, c.treaty, c.action, c.date) for c in claims
                                                          if c.modality == "asserted"))
                for article, claims in extractor.extract_many(items)}

    direct, archived = claims_by_title([str(pages)]), claims_by_title([str(warc)])
    assert archived == direct
    facts = {fact for _, found in direct.values() for fact in found}
    assert ("LTU", "apmbc", "notified", dt.date(2025, 6, 27)) in facts
    assert ("FIN", "apmbc", "notified", dt.date(2025, 7, 10)) in facts
    assert ("LVA", "apmbc", "parliament_approved", dt.date(2025, 4, 16)) in facts


def test_ingest_undecodable_bytes_are_rejected_with_reason(tmp_path):
    import random

    rng = random.Random(1)
    path = tmp_path / "garbage.txt"
    path.write_bytes(b"Title\nSource\n2025-06-28\n\n" + bytes(rng.randrange(128, 256) for _ in range(400)))
    (item,) = list(read_articles([str(path)]))
    assert isinstance(item, Reject)
    assert "unknown text encoding" in item.reason or "binary" in item.reason


def test_ingest_files_below_lists_what_rglob_finds_in_path_order(tmp_path):
    # the folder walk of a (parallel) ingest: every file with a supported ending, hidden ones,
    # broken links and special files included, folders and links to folders left out, sorted by
    # path parts ("a/b.txt" before "a-c.txt"), the same as sorting what ``rglob`` finds
    import os
    from pathlib import Path

    from treatywatch.ingest import files_below, input_kind

    (tmp_path / "a" / "c").mkdir(parents=True)
    (tmp_path / "d.txt").mkdir()
    for name in ("a/b.txt", "a/c/y.warc.gz", "a-c.txt", "Z.txt", ".hidden.txt", "d.txt/e.json", "notes.md"):
        (tmp_path / name).write_text("x")
    os.symlink(tmp_path / "a", tmp_path / "link.txt")
    os.symlink(tmp_path / "a", tmp_path / "linked")
    os.symlink(tmp_path / "nowhere", tmp_path / "broken.txt")
    os.mkfifo(tmp_path / "fifo.txt")
    found = files_below(tmp_path)
    assert [str(f.relative_to(tmp_path)) for f in found] == [
        ".hidden.txt", "Z.txt", "a/b.txt", "a/c/y.warc.gz", "a-c.txt", "broken.txt", "d.txt/e.json", "fifo.txt"]
    assert found == sorted(f for f in Path(tmp_path).rglob("*") if input_kind(f.name) and not f.is_dir())
