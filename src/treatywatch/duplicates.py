"""Duplicates: the same story under another headline, and syndicated copies of a wire story.

Exact copies share a body hash; near copies (a changed first sentence, a dropped paragraph, a
credit line) are found by MinHash over word 5-grams with locality-sensitive hashing.  Copies
are stored and count as sources, but not as independent evidence (see ``consolidate``).

``Copies.decide`` is the one place that decides, for the writer, whether an article is stored
already, which story it copies, and whether it replaces a stored original; the ledger only
answers the queries and stores what was decided.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from .models import Article, as_utc

if TYPE_CHECKING:  # the ledger imports body_hash from here
    from .ledger import Ledger

_TOKENS = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)


def body_hash(body: str) -> str:
    """Hash of the body alone, case and spacing folded: the same story under another headline."""
    return hashlib.sha256(" ".join(body.lower().split()).encode()).hexdigest()


NUM_PERM = 128
SEED = 1
# The near-duplicate index compares 25 bands of 5 values: the bands datasketch's MinHashLSH chose
# for a Jaccard threshold of 0.5 and 128 permutations, the index this one replaces.
BANDS, ROWS = 25, 5
NEAR_DUPLICATE_THRESHOLD = 0.5  # what BANDS and ROWS are chosen for


@functools.lru_cache(maxsize=1)
def _permutations() -> tuple[Any, Any]:
    """The 128 permutations h -> a * h + b (mod 2^32, a odd) of datasketch's "affine32" MinHash
    with seed 1, which made the signatures stored before: new ones stay comparable with them."""
    import numpy as np

    gen = np.random.RandomState(SEED)
    a = gen.randint(0, 1 << 31, NUM_PERM, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, NUM_PERM, dtype=np.uint32)
    return a, b


def minhash_signature(text: str) -> bytes:
    """The MinHash signature (128 permutations) of ``text``'s word 5-grams, as bytes (8 a value).

    The same bytes as datasketch's ``MinHash(num_perm=128, scheme="affine32")`` (a test checks
    it): each 5-gram hashed by the first 4 bytes of its SHA-1, mixed by the MurmurHash3 finalizer,
    then permuted.  Done here with numpy, because importing datasketch imports scipy (0.4 s of
    start-up in every ingest process) for the little a signature needs."""
    import numpy as np

    words = _TOKENS.findall(text.lower())
    shingles = {" ".join(words[i:i + 5]) for i in range(max(1, len(words) - 4))}
    h = np.array([int.from_bytes(hashlib.sha1(s.encode("utf-8")).digest()[:4], "little") for s in shingles],
                 dtype=np.uint32).reshape(-1, 1)
    h ^= h >> np.uint32(16)  # MurmurHash3's finalizer: a bijection that spreads similar hashes
    h *= np.uint32(0x85EBCA6B)
    h ^= h >> np.uint32(13)
    h *= np.uint32(0xC2B2AE35)
    h ^= h >> np.uint32(16)
    a, b = _permutations()
    return bytes((h * a + b).min(axis=0).astype("<u8").tobytes())


class NearDuplicates:
    """An LSH index of stored signatures; ``original_of`` finds the story a new text copies.

    Two signatures are candidates when all ROWS values of one of their BANDS bands are equal
    (locality-sensitive hashing: likely when their texts' estimated Jaccard similarity is at
    least NEAR_DUPLICATE_THRESHOLD)."""

    def __init__(self, stored: Iterable[tuple[str, bytes, str | None]]) -> None:
        self._bands: list[dict[bytes, list[str]]] = [{} for _ in range(BANDS)]
        self._roots: dict[str, str] = {}
        for article_id, signature, original in stored:
            self.add(article_id, signature, original)

    @staticmethod
    def _keys(signature: bytes) -> list[bytes]:
        width = ROWS * 8  # bytes a band
        return [signature[i * width:(i + 1) * width] for i in range(BANDS)]

    def add(self, article_id: str, signature: bytes, original: str | None = None) -> None:
        if article_id in self._roots:
            return
        for band, key in zip(self._bands, self._keys(signature)):
            band.setdefault(key, []).append(article_id)
        self._roots[article_id] = original or article_id

    def reroot(self, old: str, new: str) -> None:
        """``new`` (published earlier) becomes the original of ``old`` and its copies."""
        for key, root in self._roots.items():
            if root == old:
                self._roots[key] = new
        self._roots[new] = new

    def original_of(self, signature: bytes) -> str | None:
        """The original story of the first stored (by id) article sharing a band with ``signature``."""
        found = {article_id for band, key in zip(self._bands, self._keys(signature)) for article_id in band.get(key, ())}
        if not found:
            return None
        return self._roots[sorted(found)[0]]


@dataclasses.dataclass(frozen=True)
class Verdict:
    """What ``Copies.decide`` found about one article."""

    new: bool  # False: the same content (title and body) is stored already
    original: str | None = None  # the stored story it copies
    replaces: str | None = None  # a stored original it replaces, being published before it


class Copies:
    """The writer's duplicate decisions over one ledger, with the near-duplicate index of its
    stored signatures (made on the first signed article, then kept up to date)."""

    def __init__(self, ledger: Ledger) -> None:
        self.ledger = ledger
        self.near: NearDuplicates | None = None

    def decide(self, article: Article, body: str | None = None, signature: bytes | None = None) -> Verdict:
        """Whether ``article`` is new and, if so, the story it copies: a near duplicate by its
        MinHash ``signature``, else a stored article with the same ``body`` hash; a copy
        published before its original becomes the original instead.  Call it inside the
        ledger's write transaction (``Ledger.batch``), so that another process cannot store the
        same article between the decision and the write."""
        ledger = self.ledger
        if ledger.has_content(article.content_hash):
            return Verdict(False)
        original = None
        if signature is not None:
            if self.near is None:
                self.near = NearDuplicates(ledger.signatures())
            original = self.near.original_of(signature)
        if original is None:
            original = ledger.body_original(body or body_hash(article.text))
        published = as_utc(article.published)
        if original is not None and published is not None:
            stored = ledger.published(original)
            if stored is not None and stored > published:  # the new story was out first: it is the original
                return Verdict(True, None, original)
        return Verdict(True, original)

    def stored(self, article_id: str, signature: bytes | None, verdict: Verdict) -> None:
        """Keep the near-duplicate index up to date with an article stored as ``verdict`` said."""
        if signature is None or self.near is None:
            return
        if verdict.replaces is not None:
            self.near.reroot(verdict.replaces, article_id)
        self.near.add(article_id, signature, verdict.original)
