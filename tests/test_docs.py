import pathlib

import click
from cogapp import Cog

import treatywatch
from treatywatch.cli import cli
from treatywatch.settings import SETTINGS

ROOT = pathlib.Path(__file__).parent.parent


def test_docs_generated_files_are_current():
    for name in ("docs/cli.md", "docs/settings.md"):
        status = Cog().main(["cog", "--check", str(ROOT / name)])
        assert status == 0, f"{name} is out of date: run `make docs`"


def test_docs_every_command_has_an_example():
    for name, command in cli.commands.items():
        assert "Example:" in (command.help or ""), name


def test_docs_every_command_in_cli_reference():
    text = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    for name in cli.commands:
        assert f"## treatywatch {name}\n" in text, name


def test_docs_every_setting_documented():
    text = (ROOT / "docs" / "settings.md").read_text(encoding="utf-8")
    for setting in SETTINGS:
        assert f"`{setting.name}`" in text and setting.env in text, setting.name


def test_docs_readme_names_the_two_commands():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make demo" in text and "make test" in text
    for doc in ("docs/cli.md", "docs/registry.md", "docs/data.md", "docs/settings.md", "benchmarks/README.md"):
        assert doc in text and (ROOT / doc).is_file(), doc


def test_docs_public_api_is_exported():
    exported = set(treatywatch.__all__)
    for name in exported:
        assert hasattr(treatywatch, name), name
    public = {n for n in dir(treatywatch) if not n.startswith("_")}
    modules = {n for n in public if isinstance(getattr(treatywatch, n), type(treatywatch))}
    assert public - modules - {"logging"} == exported


def test_docs_cli_is_click_group():
    assert isinstance(cli, click.Group)
