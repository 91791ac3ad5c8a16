"""`kap hash-password` and `kap app` (registered by the lead in assistant/cli/__init__.py)."""

from __future__ import annotations

import typer
from typer.testing import CliRunner

from assistant.cli import ui
from assistant.ui.access import verify_password


def cli() -> typer.Typer:
    app = typer.Typer()
    ui.register(app)
    return app


def test_when_password_is_given_twice_then_a_verifiable_hash_is_printed():
    result = CliRunner().invoke(cli(), ["hash-password"],
                                input="a long enough passphrase\na long enough passphrase\n")
    assert result.exit_code == 0, result.output
    line = next(l for l in result.stdout.splitlines() if l.startswith("scrypt$"))
    assert verify_password("a long enough passphrase", line)
    assert "a long enough passphrase" not in result.stdout.replace("Password", "")


def test_when_app_is_started_outside_the_project_then_it_says_where_to_run(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli(), ["app"])
    assert result.exit_code == 2
