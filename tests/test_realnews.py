"""The real-news corpus's committed labels and locators are consistent (its texts are not committed)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

HERE = Path(__file__).parent / "data" / "realnews"


def _corpus():
    spec = importlib.util.spec_from_file_location("realnews_corpus", HERE / "corpus.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_realnews_labels_and_locators_are_consistent():
    corpus = _corpus()
    locators, gold = corpus.read_jsonl(corpus.LOCATORS), corpus.read_jsonl(corpus.GOLD)
    assert len(locators) >= 300 and gold
    assert corpus.check(locators, gold, corpus.vocabulary()) == []


def test_realnews_split_is_fixed_by_the_url_and_holds_a_third_out():
    corpus = _corpus()
    locators = corpus.read_jsonl(corpus.LOCATORS)
    test = [x for x in locators if x["split"] == "test"]
    assert 0.25 < len(test) / len(locators) < 0.42
    assert all(x["split"] == corpus.split_of(x["url"]) for x in locators)


def test_realnews_reserved_urls_are_matched_however_written():
    # a reserved page comes back with another scheme, a "www.", a trailing slash or a dot after its host
    normal = _corpus().normal_url
    assert {normal(u) for u in ("http://en.people.cn./n3/2020/a.html", "https://www.en.people.cn/n3/2020/a.html/",
                                "EN.people.cn/n3/2020/a.html", "https://en.people.cn/amp/n3/2020/a.html",
                                "https://en.people.cn/n3/2020/a.html?amp=1#top")} == {"en.people.cn/n3/2020/a.html"}


def test_realnews_texts_are_never_committed():
    ignored = (Path(__file__).parents[1] / ".gitignore").read_text(encoding="utf-8")
    assert "tests/data/realnews/texts/" in ignored.splitlines()


def test_realnews_statement_labels_keep_offsets_not_words():
    corpus = _corpus()
    rows = corpus.read_jsonl(HERE / "statements_gold.jsonl")
    assert rows and all("text" not in r and r["end"] > r["start"] >= 0 and len(r["sha1"]) == 8 for r in rows)
