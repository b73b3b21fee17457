"""Duplicates: ``Copies.decide`` tells a stored article, a copy of one (same body, or a near
duplicate) and a copy published before its original apart, over a real ledger."""

from __future__ import annotations

import datetime as dt

from treatywatch.duplicates import Copies, Verdict, minhash_signature
from treatywatch.models import Article
from treatywatch.ingest import content_hash

BODY = ("Lithuania has formally notified the United Nations of its withdrawal from the Ottawa Convention "
        "banning anti-personnel mines, the foreign ministry said on Friday, citing the threat from Russia. "
        "The withdrawal takes effect six months after the notification, as the convention provides. "
        "Estonia, Latvia and Poland announced the same step earlier this year, and Finland is preparing "
        "its own notice. Defence officials said the decision would allow the army to lay mines along "
        "the eastern border should the need arise, while humanitarian groups criticised the move.")


def _article(article_id: str, title: str, body: str, hour: int) -> Article:
    return Article(id=article_id, title=title, text=body, published=dt.datetime(2025, 6, 28, hour, tzinfo=dt.timezone.utc),
                   content_hash=content_hash(title, body))


def test_duplicates_decide_stored_copy_and_earlier_original(bare_ledger):
    copies = Copies(bare_ledger)
    wire = _article("wire", "Lithuania quits mine treaty", BODY, 12)
    verdict = copies.decide(wire)
    assert verdict == Verdict(True)
    bare_ledger.add_article(wire, [], signature=minhash_signature(BODY))
    assert copies.decide(wire) == Verdict(False)  # the same title and body: stored already
    same_body = _article("copy1", "Vilnius leaves Ottawa pact", BODY, 14)
    assert copies.decide(same_body) == Verdict(True, "wire")
    reworded = BODY.replace("the foreign ministry said", "the ministry in Vilnius said")
    near = _article("copy2", "Lithuania exits", reworded, 15)
    assert copies.decide(near, signature=minhash_signature(reworded)) == Verdict(True, "wire")
    earlier = _article("first", "Lithuania to leave mine ban", BODY, 9)
    decided = copies.decide(earlier)
    assert decided == Verdict(True, None, "wire")
    bare_ledger.add_article(earlier, [], duplicate_of=decided.original, replaces=decided.replaces)
    assert bare_ledger.originals() == {"wire": "first"}
