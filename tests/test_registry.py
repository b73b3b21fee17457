"""Tests for treatywatch.registry: treaty files, the registry, and its committed snapshot."""

from __future__ import annotations

import dataclasses
import datetime as dt
import importlib.resources
import json
import os
from pathlib import Path

import pytest

from treatywatch.errors import RegistryError, TreatyFileError, UnknownTreatyError
from treatywatch.gate import Lexicon
from treatywatch.registry import (
    ENV_VAR,
    Registry,
    Rule,
    load_registry,
    load_treaty,
    registry_snapshot,
)

DATA = Path(__file__).parent / "data"
SNAPSHOT = DATA / "registry_snapshot.json"
UPDATE_VAR = "TREATYWATCH_UPDATE_SNAPSHOT"

# The treaty ids of shared/DESIGN.md ("Vocabulary").
DESIGN_IDS = {
    "apmbc", "ccm", "ccw", "att", "npt", "ctbt", "tpnw", "cwc", "bwc", "new_start", "inf", "cfe",
    "open_skies", "rome_statute", "paris_agreement", "unfccc", "kyoto_protocol", "istanbul_convention",
    "echr", "abm", "north_atlantic_treaty",
}  # fmt: skip


@pytest.fixture(autouse=True)
def _no_user_registry(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENV_VAR, raising=False)


def template() -> str:
    """The text of the built-in apmbc.toml, the model every treaty file follows."""
    return importlib.resources.files("treatywatch").joinpath("treaties", "apmbc.toml").read_text("utf-8")


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.toml"
    path.write_text(text, encoding="utf-8")
    return path


def edited(old: str, new: str, text: str | None = None) -> str:
    text = template() if text is None else text
    assert old in text, f"template no longer contains {old!r}"
    return text.replace(old, new, 1)


# --- the built-in registry ---------------------------------------------------------------------


def test_registry_loads_every_design_treaty() -> None:
    registry = load_registry()
    missing = DESIGN_IDS - set(registry.ids)
    assert not missing, f"treaty files missing for: {', '.join(sorted(missing))}"
    assert len(registry) >= 21
    for treaty in registry:
        assert Path(treaty.path).name == f"{treaty.id}.toml"
        assert treaty.aliases and treaty.name and treaty.short_name


def test_registry_iterates_treaties_in_id_order() -> None:
    registry = load_registry()
    assert [t.id for t in registry] == sorted(registry.ids) == list(registry.ids)
    assert "apmbc" in registry and registry["apmbc"] in registry and "xyz" not in registry
    assert registry.get("apmbc") is registry["apmbc"]


def test_registry_is_cached() -> None:
    assert load_registry() is load_registry()


def test_registry_unknown_treaty_lists_known_ids() -> None:
    registry = load_registry()
    with pytest.raises(UnknownTreatyError) as info:
        registry.get("ottawa")
    message = str(info.value)
    assert message.startswith("Unknown treaty 'ottawa'. Known: ")
    assert "apmbc" in message and "north_atlantic_treaty" in message
    assert set(info.value.known) == set(registry.ids)
    with pytest.raises(KeyError):
        registry["ottawa"]


def test_registry_treaties_are_frozen_and_hashable() -> None:
    apmbc = load_registry()["apmbc"]
    assert isinstance(hash(apmbc), int)
    assert apmbc.joining.params == {"months": 6}
    with pytest.raises(dataclasses.FrozenInstanceError):
        apmbc.id = "x"  # type: ignore[misc]
    with pytest.raises(TypeError):
        apmbc.joining.params["months"] = 7  # type: ignore[index]
    assert Rule("on_deposit.v1", {}, "1", "s") == Rule("on_deposit.v1", {}, "1", "s")


def test_registry_apmbc_facts() -> None:
    apmbc = load_registry()["apmbc"]
    assert apmbc.entry_into_force == dt.date(1999, 3, 1)
    assert apmbc.joining.rule == "first_day_of_month_after_months.v1"
    assert apmbc.leaving.rule == "months_after.v1" and apmbc.leaving.armed_conflict_bar
    assert not apmbc.suspension_clause
    assert "Ottawa Convention" in apmbc.aliases
    assert "Оттавская конвенция" in apmbc.names["ru"]


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    """The gate's names from the built-in registry."""
    return Lexicon(load_registry())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # popular, descriptive and organisation names in each language
        ("Schweden trat der Nordatlantischen Allianz bei.", "north_atlantic_treaty"),
        ("Фінляндія стала членом Північноатлантичного альянсу.", "north_atlantic_treaty"),
        ("Финляндия вступила в НАТО.", "north_atlantic_treaty"),
        ("Szwecja przystąpiła do Sojuszu Północnoatlantyckiego.", "north_atlantic_treaty"),
        ("Die USA traten aus dem Vertrag zur Regulierung des Waffenhandels aus.", "att"),
        ("La Russie suspend l'accord New Start.", "new_start"),
        ("Russia suspends the Strategic Offensive Arms Treaty.", "new_start"),
        ("the US left the Anti-Ballistic Missile (ABM) Treaty", "abm"),
        ("El Tratado de Otawa prohíbe las minas.", "apmbc"),
        ("Il trattato per la messa al bando delle armi nucleari è entrato in vigore.", "tpnw"),
        # German compounds in the genitive; a Polish name whose adjective is declined
        ("die Aussetzung des KSE-Vertrags", "cfe"),
        ("die Kündigung des Atomwaffensperrvertrags", "npt"),
        ("o wyjściu z Umowy paryskiej", "paris_agreement"),
        # "Treaty of" for "Treaty on", a space for a hyphen, "New START" with another language's "new"
        ("Its exit from the Treaty of Conventional Armed Forces in Europe was final.", "cfe"),
        ("Washington firmò il Trattato anti missili balistici nel 1972.", "abm"),
        ("Le Sénat a ratifié le Nouveau Start.", "new_start"),
        ("We wtorek nowy START ratyfikowała Duma Państwowa.", "new_start"),
    ],
)
def test_registry_names_find_their_treaty(lexicon: Lexicon, text: str, expected: str) -> None:
    assert {m.ref for m in lexicon.treaty_mentions(text)} == {expected}


@pytest.mark.parametrize(
    "text",
    [
        "Ростов-на-Дону стоит на реке Дон.",  # 'ДОН' is matched case-sensitively
        "Tian Wei met the minister.",  # so is 'TIAN'
        "The talks need a new start.",  # and 'New Start'
    ],
)
def test_registry_abbreviations_do_not_match_ordinary_words(lexicon: Lexicon, text: str) -> None:
    assert lexicon.treaty_mentions(text) == []


def test_registry_cascades_and_conditions() -> None:
    registry = load_registry()
    assert set(registry["unfccc"].leaving.cascades) == {"paris_agreement", "kyoto_protocol"}
    assert [t.id for t in registry.cascading_into("paris_agreement")] == ["unfccc"]
    assert registry["ctbt"].entry_into_force is None
    assert registry["inf"].terminated == dt.date(2019, 8, 2)
    assert registry["echr"].leaving.min_party_years == 5


def test_registry_snapshot() -> None:
    """The loaded registry equals tests/data/registry_snapshot.json.

    After an intended change to a treaty file or a rule, regenerate the file with
    ``TREATYWATCH_UPDATE_SNAPSHOT=1 pytest tests/test_registry.py`` and review the diff.
    """
    current = registry_snapshot(load_registry())
    json.dumps(current)  # JSON-able
    if os.environ.get(UPDATE_VAR) == "1":
        SNAPSHOT.write_text(json.dumps(current, indent=2, sort_keys=True, ensure_ascii=False) + "\n", "utf-8")
        pytest.fail(f"{SNAPSHOT} was regenerated ({UPDATE_VAR}=1); review the diff and run again without it")
    assert SNAPSHOT.exists(), f"{SNAPSHOT} is missing; create it with {UPDATE_VAR}=1"
    expected = json.loads(SNAPSHOT.read_text("utf-8"))
    assert current == expected, (
        f"the registry differs from {SNAPSHOT.name}; if the change is intended, regenerate it with {UPDATE_VAR}=1"
    )


def test_registry_snapshot_content() -> None:
    snapshot = registry_snapshot(load_registry())
    assert "months_after.v1" in snapshot["rules"]
    apmbc = snapshot["treaties"]["apmbc"]
    assert apmbc["entry_into_force"] == "1999-03-01"
    assert apmbc["joining"] == {"rule": "first_day_of_month_after_months.v1", "params": {"months": 6},
                                "article": "17(2)"}
    assert apmbc["leaving"]["armed_conflict_bar"] is True
    assert apmbc["leaving"]["runs_from"] == "receipt"
    assert snapshot["treaties"]["ctbt"]["entry_into_force"] is None


# --- user directories ------------------------------------------------------------------------


def test_registry_user_directory_overrides_and_adds(tmp_path: Path) -> None:
    user = tmp_path / "mine"
    write(user, "apmbc", edited('short_name = "Ottawa Convention"', 'short_name = "Mine Ban Treaty (local)"'))
    write(user, "seabed", edited('id = "apmbc"', 'id = "seabed"'))
    registry = load_registry(user)
    assert registry["apmbc"].short_name == "Mine Ban Treaty (local)"
    assert registry["apmbc"].path == str(user / "apmbc.toml")
    assert "seabed" in registry and registry["seabed"].path == str(user / "seabed.toml")
    assert DESIGN_IDS <= set(registry.ids)
    assert load_registry()["apmbc"].short_name == "Ottawa Convention"  # the default is untouched


def test_registry_environment_directories(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first, second, explicit = tmp_path / "a", tmp_path / "b", tmp_path / "c"
    write(first, "apmbc", edited('short_name = "Ottawa Convention"', 'short_name = "from a"'))
    write(second, "apmbc", edited('short_name = "Ottawa Convention"', 'short_name = "from b"'))
    write(explicit, "apmbc", edited('short_name = "Ottawa Convention"', 'short_name = "explicit"'))
    monkeypatch.setenv(ENV_VAR, os.pathsep.join([str(first), str(second)]))
    assert load_registry()["apmbc"].short_name == "from b"  # later directory wins
    assert load_registry(explicit)["apmbc"].short_name == "explicit"  # arguments beat the environment
    monkeypatch.setenv(ENV_VAR, str(first))
    assert load_registry()["apmbc"].short_name == "from a"  # cache keyed on the environment value


def test_registry_missing_directory(tmp_path: Path) -> None:
    with pytest.raises(RegistryError, match="does not exist"):
        load_registry(tmp_path / "nowhere")


def test_registry_unknown_cascade_target(tmp_path: Path) -> None:
    path = write(tmp_path, "apmbc", edited("cascades = []", 'cascades = ["seabed"]'))
    with pytest.raises(TreatyFileError) as info:
        load_registry(tmp_path)
    assert info.value.path == str(path) and info.value.field == "leaving.cascades[0]"
    assert "seabed" in str(info.value) and "Known:" in str(info.value)


def test_registry_cascade_cycle(tmp_path: Path) -> None:
    write(tmp_path, "apmbc", edited("cascades = []", 'cascades = ["ccm"]'))
    ccm = importlib.resources.files("treatywatch").joinpath("treaties", "ccm.toml").read_text("utf-8")
    write(tmp_path, "ccm", edited("cascades = []", 'cascades = ["apmbc"]', ccm))
    with pytest.raises(TreatyFileError, match="cycle"):
        load_registry(tmp_path)


# --- malformed files -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "field", "reason"),
    [
        ('short_name = "Ottawa Convention"\n', "", "short_name", "missing"),
        ('\n[leaving]\narticle = "20"\n', '\n[leaving]\n', "leaving.article", "missing"),
        ("verified = true", 'verified = "yes"', "verified", "expected true or false"),
        ("entry_into_force = 1999-03-01", 'entry_into_force = "1999-03-01"', "entry_into_force", "TOML date"),
        ("entry_into_force = 1999-03-01", "entry_into_force = 1999-03-01T00:00:00", "entry_into_force", "TOML date"),
        ('abbreviations = ["APMBC", "MBT"]', 'abbreviations = "APMBC"', "abbreviations", "list of strings"),
        ('abbreviations = ["APMBC", "MBT"]', 'abbreviations = ["APMBC", 3]', "abbreviations[1]", "expected a string"),
        ('rule = "months_after.v1"', 'rule = "months_later.v1"', "leaving.rule", "Available: "),
        ('rule = "months_after.v1"', "rule = 6", "leaving.rule", "expected a string"),
        ("verified = true", "verified = true\ncolour = 'red'", "colour", "unknown key"),
        ('runs_from = "receipt"', 'runs_from = "receipt"\nnotice_days = 3', "leaving.notice_days", "unknown key"),
        ('article = "17(2)"', 'article = "17(2)"\ncascades = []', "joining.cascades", "unknown key"),
        ("params = { months = 6 }\n\n[leaving]", "params = { months = 0 }\n\n[leaving]", "joining.params.months",
         "at least 1"),
        ("params = { months = 6 }\n\n[leaving]", "params = { months = 6.5 }\n\n[leaving]", "joining.params.months",
         "expected an integer"),
        ("params = { months = 6 }\n\n[leaving]", "params = { months = true }\n\n[leaving]", "joining.params.months",
         "expected an integer"),
        ("params = { months = 6 }\n\n[leaving]", "params = { days = 6 }\n\n[leaving]", "joining.params.days",
         "not a parameter"),
        ("params = { months = 6 }\n\n[leaving]", "params = {}\n\n[leaving]", "joining.params", "needs months"),
        ('runs_from = "receipt"', 'runs_from = "signature"', "leaving.runs_from", "receipt, notice"),
        ("min_party_years = 0", "min_party_years = -1", "leaving.min_party_years", "at least 0"),
        ("cascades = []", 'cascades = ["apmbc"]', "leaving.cascades", "itself"),
        ('kind = "multilateral"', 'kind = "plurilateral"', "kind", "multilateral, bilateral"),
        ('id = "apmbc"', 'id = "ottawa"', "id", "file is named apmbc.toml"),
        ('id = "apmbc"', 'id = "Apmbc"', "id", "lower case"),
        ("adopted = 1997-09-18", "adopted = 1998-09-18", "opened_for_signature", "before adoption"),
        ("entry_into_force = 1999-03-01", "entry_into_force = 1999-03-01\nterminated = 1998-01-01", "terminated",
         "before entry into force"),
        ('[names]\nde = [', '[names]\nGerman = [', "names.German", "language code"),
        ("verified = true", "verified = ", "(file)", "not valid TOML"),
    ],
)
def test_registry_malformed_file(tmp_path: Path, old: str, new: str, field: str, reason: str) -> None:
    path = write(tmp_path, "apmbc", edited(old, new))
    with pytest.raises(TreatyFileError) as info:
        load_treaty(path)
    assert info.value.path == str(path)
    assert info.value.field == field
    assert reason in info.value.reason
    assert str(path) in str(info.value) and f"field '{field}'" in str(info.value)


def test_registry_unknown_rule_lists_available_names(tmp_path: Path) -> None:
    path = write(tmp_path, "apmbc", edited('rule = "first_day_of_month_after_months.v1"', 'rule = "notice.v1"'))
    with pytest.raises(TreatyFileError) as info:
        load_treaty(path)
    assert info.value.field == "joining.rule"
    assert "Unknown rule 'notice.v1'. Available: " in str(info.value)
    assert "first_day_of_month_after_months.v1" in str(info.value) and "years_after.v1" in str(info.value)


def test_registry_malformed_user_file_fails_the_load(tmp_path: Path) -> None:
    path = write(tmp_path, "apmbc", edited("verified = true\n", ""))
    with pytest.raises(TreatyFileError) as info:
        load_registry(tmp_path)
    assert (info.value.path, info.value.field) == (str(path), "verified")


def test_registry_optional_keys(tmp_path: Path) -> None:
    text = edited("entry_into_force = 1999-03-01\n", "")
    text = edited("adopted = 1997-09-18\n", "", text)
    text = edited("verified = true", 'verified = true\nnotes = "test file"', text)
    treaty = load_treaty(write(tmp_path, "apmbc", text))
    assert treaty.entry_into_force is None and treaty.adopted is None and treaty.terminated is None
    assert treaty.notes == "test file"


def test_registry_every_builtin_file_loads_on_its_own() -> None:
    folder = importlib.resources.files("treatywatch").joinpath("treaties")
    names = sorted(entry.name for entry in folder.iterdir() if entry.name.endswith(".toml"))
    assert {name[: -len(".toml")] for name in names} >= DESIGN_IDS
    registry = load_registry()
    for name in names:
        with importlib.resources.as_file(folder.joinpath(name)) as path:
            assert load_treaty(path) == registry[name[: -len(".toml")]]


def test_registry_constructor_later_wins() -> None:
    apmbc = load_registry()["apmbc"]
    other = dataclasses.replace(apmbc, short_name="other")
    registry = Registry([apmbc, other])
    assert len(registry) == 1 and registry["apmbc"].short_name == "other"


def test_registry_bilateral_parties() -> None:
    registry = load_registry()
    assert registry["new_start"].parties == ("USA", "RUS") and registry["apmbc"].parties == ()


@pytest.mark.parametrize("parties", ['["USA", "RUS"]', '["USA"]', '["usa", "rus"]'])
def test_registry_parties_only_for_two_states_of_a_bilateral_treaty(tmp_path: Path, parties: str) -> None:
    # apmbc is multilateral: no parties; a bilateral file needs two ISO3 codes
    text = edited('kind = "multilateral"', f'kind = "bilateral"\nparties = {parties}') if parties != '["USA", "RUS"]' \
        else edited('kind = "multilateral"', f'kind = "multilateral"\nparties = {parties}')
    path = write(tmp_path, "apmbc", text)
    with pytest.raises(TreatyFileError) as info:
        load_registry(tmp_path)
    assert info.value.path == str(path) and info.value.field == "parties" and "ISO3" in str(info.value)
