"""A rule-based entity ruler in place of spaCy's statistical NER.

The English rules read a token's entity type only to ask whether it is part of a date or a
time, an ordinal, a state (GPE), a people (NORP) or a person; the statistical NER answered that
at half the cost of the whole parse.  This ruler answers it from the team's own lists: dates and
times from ``data/entities.json``, states, capitals and demonyms from ``data/states.csv``, persons
from ``data/officials.csv``.  On every English corpus in ``tests/data`` and the English articles
of the real-news dev split the claims are the same as with the statistical NER.
"""

from __future__ import annotations

import functools
import json
from importlib import resources
from typing import Any

from ..gate import load_officials, load_states


@functools.lru_cache(maxsize=1)
def entity_words() -> dict[str, list[str]]:
    text = resources.files("treatywatch").joinpath("data/entities.json").read_text(encoding="utf-8")
    return {k: v for k, v in json.loads(text).items() if not k.startswith("_")}


def entity_patterns() -> list[dict[str, Any]]:
    """The ruler's patterns (spaCy ``EntityRuler`` format)."""
    w = entity_words()
    lower = {key: [x.lower() for x in values] for key, values in w.items()}
    month = {"LOWER": {"IN": lower["months"]}, "IS_TITLE": True}
    day = {"SHAPE": {"IN": ["d", "dd"]}}
    year = {"SHAPE": "dddd"}
    dates: list[list[dict[str, Any]]] = [
        [day, month, year], [month, day, {"ORTH": ","}, year], [month, day, year], [day, month], [month, day],
        [month, year], [{"LOWER": "the", "OP": "?"}, day, {"LOWER": "of"}, month], [month], [year],
        [{"SHAPE": "dddds"}], [{"LOWER": "the"}, {"SHAPE": "dddds"}],  # "the 1990s"
        [{"LOWER": {"IN": lower["weekdays"]}}], [{"LOWER": {"IN": lower["days"]}}],
        [{"LOWER": {"IN": lower["relative"]}}, {"LOWER": {"IN": lower["units"] + lower["weekdays"] + lower["months"]}}],
        [{"LOWER": {"IN": lower["counts"]}, "OP": "?"}, {"LIKE_NUM": True, "OP": "?"}, {"LOWER": {"IN": lower["units"]}}],
    ]
    patterns: list[dict[str, Any]] = [{"label": "DATE", "pattern": p} for p in dates]
    patterns.append({"label": "TIME", "pattern": [{"LOWER": {"IN": lower["times"]}}]})
    patterns.append({"label": "ORDINAL", "pattern": [{"LOWER": {"IN": lower["ordinals"]}}]})
    patterns.append({"label": "ORDINAL", "pattern": [{"TEXT": {"REGEX": r"^\d+(?:st|nd|rd|th)$"}}]})
    for row in load_states().values():
        patterns += [{"label": "GPE", "pattern": name} for name in row["name"] + row["aliases"] + row["capitals"]]
        patterns += [{"label": "NORP", "pattern": name} for name in row["demonyms"]]
    patterns += [{"label": "PERSON", "pattern": name} for name in load_officials()]
    return patterns


def add_entity_ruler(nlp: Any) -> Any:
    """``nlp`` (a pipeline loaded without its ``ner``) with the ruler as its last component."""
    ruler = nlp.add_pipe("entity_ruler", first=True, config={"phrase_matcher_attr": "ORTH", "overwrite_ents": True})
    ruler.add_patterns(entity_patterns())
    return nlp
