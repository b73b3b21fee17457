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


TEXTS = [BODY, BODY.replace("the foreign ministry said", "the ministry in Vilnius said"), BODY[:200], "",
         "one two three", "Grünes Licht für den Austritt: Litauen verlässt die Ottawa-Konvention’s Regeln.",
         "Россия вышла из договора об обычных вооружённых силах в Европе."]


def test_duplicates_signature_is_datasketchs_affine32_minhash():
    # duplicates.py signs with numpy alone (importing datasketch imports scipy); the bytes must be
    # those datasketch gives, as the signatures stored by earlier versions were
    from datasketch import MinHash

    from treatywatch.duplicates import _TOKENS, NUM_PERM

    for text in TEXTS:
        words = _TOKENS.findall(text.lower())
        mh = MinHash(num_perm=NUM_PERM, scheme="affine32")
        mh.update_batch([" ".join(words[i:i + 5]).encode("utf-8") for i in range(max(1, len(words) - 4))])
        assert minhash_signature(text) == mh.hashvalues.astype("<u8").tobytes(), text


def test_duplicates_bands_find_what_datasketchs_lsh_finds():
    from datasketch import MinHash, MinHashLSH

    from treatywatch.duplicates import BANDS, NEAR_DUPLICATE_THRESHOLD, NUM_PERM, ROWS, NearDuplicates

    lsh = MinHashLSH(threshold=NEAR_DUPLICATE_THRESHOLD, num_perm=NUM_PERM)
    assert (lsh.b, lsh.r) == (BANDS, ROWS)
    # a story, copies that change more and more of it, and other stories
    sentences = BODY.split(". ")
    stored = [". ".join(sentences[:k] + [" ".join(reversed(s.split())) for s in sentences[k:]])
              for k in range(len(sentences) + 1)]
    stored += TEXTS[2:]
    near = NearDuplicates([])
    for i, text in enumerate(stored):
        signature = minhash_signature(text)
        near.add(f"a{i}", signature)
        lsh.insert(f"a{i}", MinHash(num_perm=NUM_PERM, hashvalues=[int.from_bytes(signature[j:j + 8], "little")
                                                                   for j in range(0, len(signature), 8)],
                                   scheme="affine32"))
    for text in stored + TEXTS[:2]:
        signature = minhash_signature(text)
        found = lsh.query(MinHash(num_perm=NUM_PERM, hashvalues=[int.from_bytes(signature[j:j + 8], "little")
                                                                 for j in range(0, len(signature), 8)], scheme="affine32"))
        assert near.original_of(signature) == (sorted(found)[0] if found else None)
