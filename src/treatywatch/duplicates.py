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
MINHASH_SCHEME = "affine32"  # stored signatures stay comparable across datasketch versions
NEAR_DUPLICATE_THRESHOLD = 0.5


def minhash_signature(text: str) -> bytes:
    """The MinHash signature (128 permutations) of ``text``'s word 5-grams, as bytes."""
    from datasketch import MinHash

    words = _TOKENS.findall(text.lower())
    shingles = {" ".join(words[i:i + 5]) for i in range(max(1, len(words) - 4))}
    mh = MinHash(num_perm=NUM_PERM, scheme=MINHASH_SCHEME)
    mh.update_batch([s.encode("utf-8") for s in shingles])
    return bytes(mh.hashvalues.astype("<u8").tobytes())


class NearDuplicates:
    """An LSH index of stored signatures; ``original_of`` finds the story a new text copies."""

    def __init__(self, stored: Iterable[tuple[str, bytes, str | None]], threshold: float = NEAR_DUPLICATE_THRESHOLD) -> None:
        from datasketch import MinHashLSH

        self._lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self._roots: dict[str, str] = {}
        self._threshold = threshold
        for article_id, signature, original in stored:
            self.add(article_id, signature, original)

    @staticmethod
    def _minhash(signature: bytes) -> Any:
        import numpy as np
        from datasketch import MinHash

        return MinHash(num_perm=NUM_PERM, hashvalues=np.frombuffer(signature, dtype="<u8").astype(np.uint64),
                       scheme=MINHASH_SCHEME)

    def add(self, article_id: str, signature: bytes, original: str | None = None) -> None:
        if article_id in self._roots:
            return
        self._lsh.insert(article_id, self._minhash(signature))
        self._roots[article_id] = original or article_id

    def reroot(self, old: str, new: str) -> None:
        """``new`` (published earlier) becomes the original of ``old`` and its copies."""
        for key, root in self._roots.items():
            if root == old:
                self._roots[key] = new
        self._roots[new] = new

    def original_of(self, signature: bytes) -> str | None:
        """The original story of the closest stored near duplicate (estimated Jaccard >= threshold)."""
        mh = self._minhash(signature)
        found = self._lsh.query(mh)
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
