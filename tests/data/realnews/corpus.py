"""The real-news corpus: check its labels and locators, merge labelling parts, rebuild its texts.

    python tests/data/realnews/corpus.py check              # locators and gold are consistent
    python tests/data/realnews/corpus.py merge              # parts/*.jsonl -> locators.jsonl, gold.jsonl
    python tests/data/realnews/corpus.py rebuild ANSWERS... # search answers (JSON) -> texts/<id>.txt
    python tests/data/realnews/corpus.py stats              # counts per split, language, treaty, action

The texts are other people's words and are never committed (texts/ is git-ignored); see README.md.
"""

from __future__ import annotations

import argparse
import collections
import hashlib
import json
import re
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent
LOCATORS = HERE / "locators.jsonl"
GOLD = HERE / "gold.jsonl"
TEXTS = HERE / "texts"
PARTS = HERE / "parts"
RESERVED = HERE.parents[3] / "shared" / "reference" / "reserved_urls.txt"


def article_id(url: str) -> str:
    return "rn_" + hashlib.sha1(url.encode("utf-8")).hexdigest()[:10]


def split_of(url: str) -> str:
    """A third of the articles, fixed by the URL before any labelling, is the held-out test split."""
    return "test" if int(hashlib.sha1(url.encode("utf-8")).hexdigest(), 16) % 3 == 0 else "dev"


def normal_url(url: str) -> str:
    """A page's address as the reserved list is compared with it: without scheme, "www.", query, fragment or
    trailing slash, and without what names another rendering of the same page: a dot after the host
    ("people.cn./n3/..."), an "amp" path segment ("gordonua.com/amp/ukr/..."). Generous on purpose: a
    reserved page must not come back under another address."""
    url = re.sub(r"^[a-z]+://", "", url.strip().lower())
    url = re.sub(r"^www\.", "", url)
    url = re.sub(r"[?#].*$", "", url)
    url = re.sub(r"^([^/]*?)\.(?=/|$)", r"\1", url)
    url = re.sub(r"/amp(?=/|$)", "", url)
    return url.rstrip("/")


def reserved_urls(path: Path = RESERVED) -> set[str]:
    if not path.exists():
        return set()
    lines = path.read_text(encoding="utf-8").splitlines()
    return {normal_url(line) for line in lines if line.strip() and not line.startswith("#")}


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def news_text(locator: dict[str, Any], excerpt: str) -> str:
    """The news text file of one search result: title, outlet, date, blank line, the excerpt verbatim."""
    body = excerpt.strip()
    title = next((line.strip() for line in body.splitlines() if line.strip()), "")[:200]
    return f"{title}\n{locator['outlet']}\n{locator.get('published') or 'unknown'}\n\n{body}\n"


def check(locators: list[dict[str, Any]], gold: list[dict[str, Any]], vocabulary: dict[str, set[str]]) -> list[str]:
    """Every problem found in the committed labels and locators (empty when all is well)."""
    problems = []
    reserved = reserved_urls()
    seen: set[str] = set()
    for loc in locators:
        url = loc["url"]
        if loc["id"] != article_id(url):
            problems.append(f"{loc['id']}: id is not {article_id(url)}")
        if loc["split"] != split_of(url):
            problems.append(f"{loc['id']}: split is {loc['split']}, the URL gives {split_of(url)}")
        if normal_url(url) in reserved:
            problems.append(f"{loc['id']}: {url} is reserved for independent evaluation")
        if loc["id"] in seen:
            problems.append(f"{loc['id']}: listed twice")
        seen.add(loc["id"])
        for key in ("outlet", "language", "query"):
            if not loc.get(key):
                problems.append(f"{loc['id']}: no {key}")
    for i, row in enumerate(gold, 1):
        where = f"gold line {i} ({row.get('article')})"
        if row.get("article") not in seen:
            problems.append(f"{where}: article not in the locators")
        for key in ("treaty", "action", "modality"):
            if row.get(key) not in vocabulary[key]:
                problems.append(f"{where}: {key} {row.get(key)!r} is not in the vocabulary")
        if not re.fullmatch(r"[A-Z]{3}", str(row.get("state"))):
            problems.append(f"{where}: state {row.get('state')!r} is not ISO alpha-3")
        if row.get("date") is not None and not re.fullmatch(r"\d{4}-\d\d-\d\d", str(row["date"])):
            problems.append(f"{where}: date {row['date']!r} is not YYYY-MM-DD")
        if row.get("instrument") is not None and (row["instrument"] not in ("ratification", "accession") or row.get(
                "action") not in ("government_approved", "parliament_approved", "law_signed")):
            problems.append(f"{where}: instrument {row['instrument']!r} on {row.get('action')!r} (only a domestic "
                            f"step of joining names its instrument: ratification or accession)")
    return problems


def vocabulary() -> dict[str, set[str]]:
    from treatywatch import ACTIONS, MODALITIES, load_registry

    return {"treaty": {t.id for t in load_registry()}, "action": set(ACTIONS), "modality": set(MODALITIES)}


def merge() -> None:
    """Fold parts/<name>.locators.jsonl and parts/<name>.gold.jsonl into the two committed files."""
    locators = {loc["id"]: loc for loc in (read_jsonl(LOCATORS) if LOCATORS.exists() else [])}
    gold = read_jsonl(GOLD) if GOLD.exists() else []
    for part in sorted(PARTS.glob("*.locators.jsonl")):
        for loc in read_jsonl(part):
            locators[loc["id"]] = loc
        labels = part.with_name(part.name.replace(".locators.", ".gold."))
        ids = {loc["id"] for loc in read_jsonl(part)}
        gold = [g for g in gold if g["article"] not in ids]
        if labels.exists():
            gold.extend(read_jsonl(labels))
    keys = ["id", "url", "outlet", "published", "published_basis", "language", "query", "rank", "split",
            "treaties", "negative"]
    LOCATORS.write_text("".join(json.dumps({k: loc.get(k) for k in keys}, ensure_ascii=False) + "\n"
                                for loc in sorted(locators.values(), key=lambda x: x["id"])), encoding="utf-8")
    gold_keys = ["article", "state", "treaty", "action", "date", "modality", "background", "language"]
    # a domestic step of joining names its instrument (LABELLING.md); other lines have no such key
    GOLD.write_text("".join(json.dumps({k: g.get(k) for k in gold_keys} | (
        {"instrument": g["instrument"]} if g.get("instrument") else {}), ensure_ascii=False) + "\n"
                            for g in sorted(gold, key=lambda g: (g["article"], g["state"], g["treaty"], g["action"],
                                                                  g["modality"]))), encoding="utf-8")
    print(f"{len(locators)} locators, {len(gold)} gold lines")


def rebuild(answers: list[Path]) -> None:
    """Write texts/<id>.txt for every locator whose URL is among the saved search answers.

    An answer file is the JSON the search tool returns for a query ({"query": ..., "results":
    [{"url": ..., "excerpt": ...}, ...]}); save one per query listed in locators.jsonl.
    """
    wanted = {loc["url"]: loc for loc in read_jsonl(LOCATORS)}
    TEXTS.mkdir(exist_ok=True)
    written = 0
    for path in answers:
        for result in json.loads(path.read_text(encoding="utf-8")).get("results", []):
            loc = wanted.get(result.get("url"))
            if loc is not None:
                (TEXTS / f"{loc['id']}.txt").write_text(news_text(loc, result["excerpt"]), encoding="utf-8")
                written += 1
    missing = [loc["id"] for loc in wanted.values() if not (TEXTS / f"{loc['id']}.txt").exists()]
    print(f"wrote {written} texts; {len(missing)} locators still without a text")


def stats(locators: list[dict[str, Any]], gold: list[dict[str, Any]]) -> None:
    asserted = collections.Counter(g["article"] for g in gold if g["modality"] == "asserted")
    print(f"articles {len(locators)}; with no asserted act {sum(1 for x in locators if not asserted[x['id']])}; "
          f"gold lines {len(gold)} ({sum(asserted.values())} asserted)")
    for key in ("split", "language"):
        print(f"{key}: " + ", ".join(f"{k} {v}" for k, v in sorted(collections.Counter(x[key] for x in locators).items())))
    years = collections.Counter((x.get("published") or "unknown")[:4] for x in locators)
    print("years: " + ", ".join(f"{k} {v}" for k, v in sorted(years.items())))
    treaties = collections.Counter(t for x in locators for t in x.get("treaties") or [])
    print("treaties: " + ", ".join(f"{k} {v}" for k, v in sorted(treaties.items())))
    actions = collections.Counter(g["action"] for g in gold if g["modality"] == "asserted")
    print("asserted actions: " + ", ".join(f"{k} {v}" for k, v in sorted(actions.items())))
    have = sum(1 for x in locators if (TEXTS / f"{x['id']}.txt").exists())
    print(f"texts present: {have} of {len(locators)}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("check")
    sub.add_parser("merge")
    sub.add_parser("stats")
    rb = sub.add_parser("rebuild")
    rb.add_argument("answers", nargs="+", type=Path)
    args = parser.parse_args(argv)
    if args.command == "merge":
        merge()
    elif args.command == "rebuild":
        rebuild(args.answers)
    else:
        locators, gold = read_jsonl(LOCATORS), read_jsonl(GOLD)
        if args.command == "stats":
            stats(locators, gold)
            return 0
        problems = check(locators, gold, vocabulary())
        print("\n".join(problems) or f"ok: {len(locators)} locators, {len(gold)} gold lines")
        return 1 if problems else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
