"""Start-up: commands that need only the ledger do not load spaCy, the readers or the extractors."""

from __future__ import annotations

import importlib.metadata
import json
import subprocess
import sys
import types

import treatywatch

HEAVY = ("spacy", "httpx", "datasketch", "trafilatura", "lxml", "warcio", "feedparser", "pyarrow",
         "treatywatch.api", "treatywatch.extract", "treatywatch.ingest", "treatywatch.statements")


def _loaded_after(code: str) -> set[str]:
    out = subprocess.run([sys.executable, "-c", code + "\nimport sys, json; print(json.dumps(sorted(sys.modules)))"],
                         capture_output=True, text=True, check=True)
    return set(json.loads(out.stdout.strip().splitlines()[-1]))


def test_cli_import_loads_nothing_heavy() -> None:
    loaded = _loaded_after("import treatywatch.cli")
    assert not loaded & set(HEAVY)


def test_status_command_loads_nothing_heavy(tmp_path: object) -> None:
    code = ("import sys\nfrom treatywatch.cli import cli\n"
            f"sys.argv = ['treatywatch', '--db', {str(tmp_path) + '/l.db'!r}, 'status', 'apmbc']\n"
            "try:\n    cli(prog_name='treatywatch')\nexcept SystemExit as e:\n    assert not e.code, e.code\n")
    loaded = _loaded_after(code)
    assert "treatywatch.ledger" in loaded
    assert not loaded & set(HEAVY)


def test_public_names_resolve_lazily() -> None:
    import treatywatch.extract.lists  # noqa: F401 - the subpackage must not hide the API function
    import treatywatch.ingest  # noqa: F401
    import treatywatch.statements  # noqa: F401

    for name in ("extract", "ingest", "statements"):
        assert isinstance(getattr(treatywatch, name), types.FunctionType), name
        assert getattr(treatywatch, name) is getattr(sys.modules["treatywatch.api"], name)
    for name in treatywatch.__all__:
        assert getattr(treatywatch, name) is not None
    assert set(treatywatch.__all__) <= set(dir(treatywatch))


def test_version_and_default_db_agree() -> None:
    from treatywatch import cli, ledger

    assert treatywatch.__version__ == importlib.metadata.version("treatywatch")
    assert cli.DEFAULT_DB == ledger.DEFAULT_DB
