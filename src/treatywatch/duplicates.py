"""Duplicates: the same story under another headline, and syndicated copies of a wire story.

Exact copies share a body hash; near copies (a changed first sentence, a dropped paragraph, a
credit line) are found by MinHash over word 5-grams with locality-sensitive hashing.  Copies
are stored and count as sources, but not as independent evidence (see ``consolidate``).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from typing import Any

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
