"""The treaty registry: one TOML file per treaty, loaded into frozen ``Treaty`` objects.

Treaties are data (``treaties/<treaty_id>.toml``, every file with the same keys; see
``treaties/apmbc.toml``).  ``load_treaty`` validates one file and raises ``TreatyFileError``
naming the file, the field and what is wrong; ``load_registry`` loads the built-in files, then
the user directories, and checks what only the whole set can tell (``leaving.cascades``).

User directories come from ``TREATYWATCH_REGISTRY`` (``os.pathsep``-separated) and from the
arguments of ``load_registry``, in that order; a later file with the same id replaces an
earlier one, so an explicit argument beats the environment and both beat the built-in files.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import importlib.resources
import logging
import os
import re
import tomllib
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, TypeVar

from . import rules
from .errors import RegistryError, TreatyFileError, UnknownRuleError, UnknownTreatyError

logger = logging.getLogger(__name__)

__all__ = [
    "ENV_VAR",
    "FrozenMap",
    "Registry",
    "Rule",
    "Treaty",
    "clear_registry_cache",
    "load_registry",
    "load_treaty",
    "registry_snapshot",
]

ENV_VAR = "TREATYWATCH_REGISTRY"
RUNS_FROM = ("receipt", "notice")

_K = TypeVar("_K")
_V = TypeVar("_V")


class FrozenMap(Mapping[_K, _V]):
    """A read-only, hashable mapping (so ``Rule`` and ``Treaty`` stay frozen and hashable)."""

    __slots__ = ("_data",)

    def __init__(self, items: Mapping[_K, _V] | Iterable[tuple[_K, _V]] = ()) -> None:
        self._data: dict[_K, _V] = dict(items)

    def __getitem__(self, key: _K) -> _V:
        return self._data[key]

    def __iter__(self) -> Iterator[_K]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __hash__(self) -> int:
        return hash(frozenset(self._data.items()))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Mapping):
            return dict(self._data) == dict(other.items())
        return NotImplemented

    def __repr__(self) -> str:
        return f"FrozenMap({self._data!r})"


@dataclasses.dataclass(frozen=True)
class Rule:
    """How joining or leaving takes effect: a registered date rule and its conditions.

    The leaving conditions (``runs_from`` … ``cascades``) keep their defaults for joining.
    """

    rule: str
    params: Mapping[str, int]
    article: str
    summary: str
    runs_from: str = "receipt"
    armed_conflict_bar: bool = False
    min_party_years: int = 0
    later_date_allowed: bool = False
    cascades: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not isinstance(self.params, FrozenMap):
            object.__setattr__(self, "params", FrozenMap(self.params))


@dataclasses.dataclass(frozen=True)
class Treaty:
    """One treaty as its registry file describes it (``path`` is the file it came from)."""

    id: str
    name: str
    short_name: str
    kind: str
    depositary: str
    adopted: dt.date | None
    opened_for_signature: dt.date | None
    entry_into_force: dt.date | None
    terminated: dt.date | None
    aliases: tuple[str, ...]
    abbreviations: tuple[str, ...]
    names: Mapping[str, tuple[str, ...]]
    joining: Rule
    leaving: Rule
    suspension_clause: bool
    deratification_clause: bool
    sources: tuple[str, ...]
    verified: bool
    notes: str | None = None
    parties: tuple[str, ...] = ()  # a bilateral treaty's two states (ISO3)
    path: str = ""

    def __post_init__(self) -> None:
        if not isinstance(self.names, FrozenMap):
            object.__setattr__(self, "names", FrozenMap(self.names))


# ---------------------------------------------------------------------------------------------
# Reading one file

_ID = re.compile(r"^[a-z][a-z0-9_]*$")
_LANG = re.compile(r"^[a-z]{2,3}$")
_REQUIRED = (
    "id",
    "name",
    "short_name",
    "kind",
    "depositary",
    "aliases",
    "abbreviations",
    "names",
    "joining",
    "leaving",
    "suspension_clause",
    "deratification_clause",
    "sources",
    "verified",
)
_OPTIONAL = ("adopted", "opened_for_signature", "entry_into_force", "terminated", "notes", "parties")
KINDS = ("multilateral", "bilateral")
_JOINING_KEYS = ("article", "summary", "rule", "params")
_LEAVING_KEYS = _JOINING_KEYS + ("runs_from", "armed_conflict_bar", "min_party_years", "later_date_allowed",
                                 "cascades")


# Ranges a treaty file's values must fall in: a period of a day to a century, dates of
# modern treaty law, names long enough not to match ordinary words.
PARAM_MAXIMUM = {"days": 36_525, "months": 1_200, "years": 100}
TREATY_YEARS = (1800, 2200)
MIN_ALIAS_CHARS = 3


def _describe(value: object) -> str:
    text = repr(value)
    return f"{type(value).__name__} {text if len(text) <= 60 else text[:57] + '...'}"


class _Reader:
    """Typed access to one parsed TOML table; every failure names the file and the field."""

    def __init__(self, path: str) -> None:
        self.path = path

    def fail(self, field: str, reason: str) -> TreatyFileError:
        return TreatyFileError(self.path, field, reason)

    def keys(self, table: Mapping[str, Any], prefix: str, required: tuple[str, ...],
             optional: tuple[str, ...] = ()) -> None:
        allowed = required + optional
        for key in table:
            if key not in allowed:
                raise self.fail(prefix + key, f"unknown key; allowed keys here: {', '.join(allowed)}")
        for key in required:
            if key not in table:
                raise self.fail(prefix + key, "missing; every treaty file sets it (copy the layout of apmbc.toml)")

    def string(self, value: object, field: str) -> str:
        if not isinstance(value, str):
            raise self.fail(field, f"expected a string, got {_describe(value)}")
        if not value.strip():
            raise self.fail(field, "must not be empty")
        return value

    def boolean(self, value: object, field: str) -> bool:
        if not isinstance(value, bool):
            raise self.fail(field, f"expected true or false, got {_describe(value)}")
        return value

    def integer(self, value: object, field: str, minimum: int, maximum: int | None = None) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail(field, f"expected an integer, got {_describe(value)}")
        if value < minimum:
            raise self.fail(field, f"must be at least {minimum}, got {value}")
        if maximum is not None and value > maximum:
            raise self.fail(field, f"must be at most {maximum:,}, got {value:,}")
        return value

    def date(self, value: object, field: str) -> dt.date:
        if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
            raise self.fail(
                field, f"expected a TOML date such as 1997-09-18 (no quotes, no time), got {_describe(value)}"
            )
        if not TREATY_YEARS[0] <= value.year <= TREATY_YEARS[1]:
            raise self.fail(field, f"must be in the years {TREATY_YEARS[0]}-{TREATY_YEARS[1]}, got {value}")
        return value

    def strings(self, value: object, field: str, *, non_empty: bool = False) -> tuple[str, ...]:
        if not isinstance(value, list):
            raise self.fail(field, f"expected a list of strings, got {_describe(value)}")
        if non_empty and not value:
            raise self.fail(field, "must list at least one entry")
        return tuple(self.string(item, f"{field}[{i}]") for i, item in enumerate(value))

    def table(self, value: object, field: str) -> Mapping[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(field, f"expected a table, got {_describe(value)}")
        return value

    def rule(self, value: object, field: str, *, leaving: bool) -> Rule:
        table = self.table(value, field)
        prefix = field + "."
        self.keys(table, prefix, _LEAVING_KEYS if leaving else _JOINING_KEYS)
        name = self.string(table["rule"], prefix + "rule")
        try:
            expected = rules.rule_params(name)
        except UnknownRuleError as exc:
            raise self.fail(prefix + "rule", str(exc)) from None
        params_table = self.table(table["params"], prefix + "params")
        params: dict[str, int] = {}
        for key, param in params_table.items():
            if key not in expected:
                takes = ", ".join(expected) if expected else "no parameters"
                raise self.fail(f"{prefix}params.{key}", f"not a parameter of rule '{name}' (it takes: {takes})")
            params[key] = self.integer(param, f"{prefix}params.{key}", 1, PARAM_MAXIMUM.get(key, 100_000))
        missing = [key for key in expected if key not in params]
        if missing:
            raise self.fail(prefix + "params", f"rule '{name}' needs {', '.join(missing)} (a positive integer)")
        rule = Rule(
            rule=name,
            params=params,
            article=self.string(table["article"], prefix + "article"),
            summary=self.string(table["summary"], prefix + "summary"),
        )
        if not leaving:
            return rule
        runs_from = self.string(table["runs_from"], prefix + "runs_from")
        if runs_from not in RUNS_FROM:
            raise self.fail(prefix + "runs_from", f"must be one of {', '.join(RUNS_FROM)}, got {runs_from!r}")
        cascades = self.strings(table["cascades"], prefix + "cascades")
        for i, target in enumerate(cascades):
            if not _ID.match(target):
                raise self.fail(f"{prefix}cascades[{i}]", f"not a treaty id: {target!r}")
        return dataclasses.replace(
            rule,
            runs_from=runs_from,
            armed_conflict_bar=self.boolean(table["armed_conflict_bar"], prefix + "armed_conflict_bar"),
            min_party_years=self.integer(table["min_party_years"], prefix + "min_party_years", 0, 100),
            later_date_allowed=self.boolean(table["later_date_allowed"], prefix + "later_date_allowed"),
            cascades=cascades,
        )


def load_treaty(path: str | os.PathLike[str]) -> Treaty:
    """Read and validate one treaty file; ``TreatyFileError`` names the file and the field."""
    label = os.fspath(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise TreatyFileError(label, "(file)", f"cannot be read: {exc.strerror}") from exc
    except UnicodeDecodeError as exc:
        raise TreatyFileError(label, "(file)", f"is not UTF-8: {exc}") from exc
    return _parse_treaty(text, label, Path(label).stem)


def _parse_treaty(text: str, label: str, stem: str) -> Treaty:
    r = _Reader(label)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise r.fail("(file)", f"is not valid TOML: {exc}") from None
    r.keys(data, "", _REQUIRED, _OPTIONAL)
    treaty_id = r.string(data["id"], "id")
    if not _ID.match(treaty_id):
        raise r.fail("id", f"must be lower case letters, digits and underscores, got {treaty_id!r}")
    if treaty_id != stem:
        raise r.fail("id", f"is {treaty_id!r} but the file is named {stem}.toml; they must match")

    names_table = r.table(data["names"], "names")
    names: dict[str, tuple[str, ...]] = {}
    for lang, values in names_table.items():
        if not _LANG.match(lang):
            raise r.fail(f"names.{lang}", "not a language code (ISO 639-1 such as de, fr, ru)")
        names[lang] = r.strings(values, f"names.{lang}", non_empty=True)

    joining = r.rule(data["joining"], "joining", leaving=False)
    leaving = r.rule(data["leaving"], "leaving", leaving=True)
    if treaty_id in leaving.cascades:
        raise r.fail("leaving.cascades", "a treaty cannot cascade to itself")

    adopted, opened, eif, terminated = (
        r.date(data[key], key) if key in data else None
        for key in ("adopted", "opened_for_signature", "entry_into_force", "terminated")
    )
    if opened is not None and adopted is not None and opened < adopted:
        raise r.fail("opened_for_signature", f"{opened} is before adoption ({adopted})")
    earliest = opened or adopted
    if eif is not None and earliest is not None and eif < earliest:
        raise r.fail("entry_into_force", f"{eif} is before the treaty was adopted or opened for signature ({earliest})")
    kind = r.string(data["kind"], "kind")
    if kind not in KINDS:
        raise r.fail("kind", f"must be one of {', '.join(KINDS)}, got {kind!r}")
    parties = r.strings(data["parties"], "parties") if "parties" in data else ()
    if parties and (kind != "bilateral" or len(parties) != 2 or not all(re.fullmatch(r"[A-Z]{3}", x) for x in parties)):
        raise r.fail("parties", "only a bilateral treaty has them: its two states, as ISO3 codes (\"USA\", \"RUS\")")
    if terminated is not None and eif is None:
        raise r.fail("terminated", "a treaty that never entered into force cannot terminate")
    if terminated is not None and eif is not None and terminated < eif:
        raise r.fail("terminated", f"{terminated} is before entry into force ({eif})")

    aliases = r.strings(data["aliases"], "aliases", non_empty=True)
    abbreviations = r.strings(data["abbreviations"], "abbreviations")
    for field, values in (("aliases", aliases), ("abbreviations", abbreviations)):
        for i, alias in enumerate(values):
            if len(alias.strip()) < MIN_ALIAS_CHARS:
                raise r.fail(f"{field}[{i}]", f"{alias!r} is shorter than {MIN_ALIAS_CHARS} characters; "
                                              "it would match ordinary words and make false claims")
    folded = [a.casefold() for a in aliases]
    if len(set(folded)) != len(folded):
        logger.info("%s: aliases repeat case-insensitively (harmless)", label)

    return Treaty(
        id=treaty_id,
        name=r.string(data["name"], "name"),
        short_name=r.string(data["short_name"], "short_name"),
        kind=kind,
        depositary=r.string(data["depositary"], "depositary"),
        adopted=adopted,
        opened_for_signature=opened,
        entry_into_force=eif,
        terminated=terminated,
        aliases=aliases,
        abbreviations=abbreviations,
        names=names,
        joining=joining,
        leaving=leaving,
        suspension_clause=r.boolean(data["suspension_clause"], "suspension_clause"),
        deratification_clause=r.boolean(data["deratification_clause"], "deratification_clause"),
        sources=r.strings(data["sources"], "sources"),
        verified=r.boolean(data["verified"], "verified"),
        notes=r.string(data["notes"], "notes") if "notes" in data else None,
        parties=parties,
        path=label,
    )


# ---------------------------------------------------------------------------------------------
# The registry


class Registry:
    """Treaties by id.  Iterating yields ``Treaty`` objects in id order (not ids)."""

    def __init__(self, treaties: Iterable[Treaty]) -> None:
        by_id: dict[str, Treaty] = {}
        for treaty in treaties:
            by_id[treaty.id] = treaty
        self._by_id = dict(sorted(by_id.items()))

    def get(self, treaty_id: str) -> Treaty:
        """The treaty ``treaty_id``; ``UnknownTreatyError`` lists the known ids."""
        try:
            return self._by_id[treaty_id]
        except KeyError:
            raise UnknownTreatyError(treaty_id, list(self._by_id)) from None

    def __getitem__(self, treaty_id: str) -> Treaty:
        return self.get(treaty_id)

    def __contains__(self, item: object) -> bool:
        if isinstance(item, Treaty):
            item = item.id
        return isinstance(item, str) and item in self._by_id

    def __iter__(self) -> Iterator[Treaty]:
        return iter(self._by_id.values())

    def __len__(self) -> int:
        return len(self._by_id)

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(self._by_id)

    def cascading_into(self, treaty_id: str) -> tuple[Treaty, ...]:
        """Treaties whose withdrawal also withdraws a state from ``treaty_id``."""
        return tuple(t for t in self if treaty_id in t.leaving.cascades)

    def __repr__(self) -> str:
        return f"Registry({', '.join(self._by_id)})"


def load_registry(*extra_dirs: str | os.PathLike[str]) -> Registry:
    """The built-in treaties, then those of ``TREATYWATCH_REGISTRY`` and of ``extra_dirs``.

    Cached on the directories and the environment value; ``clear_registry_cache()`` forgets
    it (needed only when treaty files change while the process runs).
    """
    env = os.environ.get(ENV_VAR, "")
    env_dirs = tuple(os.path.abspath(d) for d in env.split(os.pathsep) if d.strip())
    dirs = tuple(os.path.abspath(os.fspath(d)) for d in extra_dirs)
    return _load_registry(env_dirs + dirs)


def clear_registry_cache() -> None:
    """Forget every cached registry."""
    _load_registry.cache_clear()


@functools.lru_cache(maxsize=16)
def _load_registry(dirs: tuple[str, ...]) -> Registry:
    treaties: dict[str, Treaty] = {t.id: t for t in _builtin_treaties()}
    for directory in dirs:
        if not os.path.isdir(directory):
            raise RegistryError(
                f"Treaty directory '{directory}' does not exist; fix the path passed to load_registry() "
                f"or listed in {ENV_VAR}"
            )
        for path in sorted(Path(directory).glob("*.toml")):
            treaty = load_treaty(path)
            if treaty.id in treaties:
                logger.info("%s replaces treaty '%s' from %s", path, treaty.id, treaties[treaty.id].path)
            treaties[treaty.id] = treaty
    _check_cascades(treaties)
    registry = Registry(treaties.values())
    logger.debug("registry loaded: %d treaties from the package and %d directories", len(registry), len(dirs))
    return registry


def _builtin_treaties() -> list[Treaty]:
    folder = importlib.resources.files("treatywatch").joinpath("treaties")
    found = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".toml") and entry.is_file():
            found.append(_parse_treaty(entry.read_text(encoding="utf-8"), str(entry), entry.name[: -len(".toml")]))
    return found


def _check_cascades(treaties: Mapping[str, Treaty]) -> None:
    for treaty in treaties.values():
        for i, target in enumerate(treaty.leaving.cascades):
            if target not in treaties:
                raise TreatyFileError(
                    treaty.path, f"leaving.cascades[{i}]",
                    f"unknown treaty '{target}'. Known: {', '.join(sorted(treaties))}",
                )

    def walk(start: str, node: str, trail: tuple[str, ...]) -> None:
        for target in treaties[node].leaving.cascades:
            if target == start:
                raise TreatyFileError(treaties[start].path, "leaving.cascades",
                                      f"cascade cycle {' -> '.join(trail + (target,))}")
            if target not in trail:
                walk(start, target, trail + (target,))

    for treaty_id in treaties:
        walk(treaty_id, treaty_id, (treaty_id,))


def registry_snapshot(registry: Registry) -> dict[str, Any]:
    """A JSON-able view of what decides legal dates: rules, parameters, conditions, key dates."""

    def rule(r: Rule, leaving: bool) -> dict[str, Any]:
        out: dict[str, Any] = {"rule": r.rule, "params": dict(sorted(r.params.items())), "article": r.article}
        if leaving:
            out.update(
                runs_from=r.runs_from,
                armed_conflict_bar=r.armed_conflict_bar,
                min_party_years=r.min_party_years,
                later_date_allowed=r.later_date_allowed,
                cascades=list(r.cascades),
            )
        return out

    def iso(day: dt.date | None) -> str | None:
        return day.isoformat() if day is not None else None

    return {
        "rules": sorted(rules.RULES),
        "treaties": {
            t.id: {
                "entry_into_force": iso(t.entry_into_force),
                "terminated": iso(t.terminated),
                "suspension_clause": t.suspension_clause,
                "deratification_clause": t.deratification_clause,
                "joining": rule(t.joining, False),
                "leaving": rule(t.leaving, True),
            }
            for t in registry
        },
    }
