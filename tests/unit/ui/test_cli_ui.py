"""`kap hash-password` and `kap app` (registered by the lead in assistant/cli/__init__.py)."""

from __future__ import annotations

import pytest
import typer
from typer.testing import CliRunner

from assistant.cli import ui
from assistant.ui.access import verify_password
from assistant.ui.exposure import is_loopback
from tests.conftest import REPO


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


@pytest.fixture
def started(monkeypatch, tmp_path):
    """``started(*args)`` -> (result, the streamlit command `kap app` would exec), run from a
    folder that is not the project's and holds no config."""
    monkeypatch.chdir(tmp_path)
    execs: list[list[str]] = []
    monkeypatch.setattr(ui.os, "execv", lambda path, args: execs.append(args))

    def start(*args: str):
        result = CliRunner().invoke(cli(), ["app", *args])
        return result, (execs[-1] if execs else None)

    return start


def option(command: list[str], name: str) -> str:
    return command[command.index(f"--{name}") + 1]


def test_when_app_starts_from_another_folder_then_it_runs_the_checkouts_app_on_loopback(started):
    result, command = started()
    assert result.exit_code == 0, result.output
    assert command[command.index("run") + 1] == str(REPO / "app.py")
    assert option(command, "server.address") == "127.0.0.1"
    assert "http://127.0.0.1:8501" in result.output and "warning" not in result.output


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("browser.gatherUsageStats", "false"),
        ("server.enableXsrfProtection", "true"),
        ("client.showErrorDetails", "none"),
        ("server.maxUploadSize", "10"),
        ("server.headless", "true"),
    ],
)
def test_when_app_starts_then_the_private_server_settings_are_passed_explicitly(started, name, value):
    _, command = started()
    assert option(command, name) == value


def test_when_another_address_is_asked_for_then_it_is_used_with_a_warning(started):
    result, command = started("--address", "0.0.0.0", "--port", "8600")
    assert option(command, "server.address") == "0.0.0.0" and option(command, "server.port") == "8600"
    assert "warning" in result.output and "KAP_UI_PASSWORD_HASH" in result.output


def test_when_app_py_is_missing_then_it_says_a_source_checkout_is_needed(started, monkeypatch, tmp_path):
    monkeypatch.setattr(ui, "app_script", lambda: tmp_path / "nowhere" / "app.py")
    result, command = started()
    assert result.exit_code == 2 and command is None
    assert "source checkout" in result.output


@pytest.mark.parametrize(
    ("address", "loopback"),
    [
        ("127.0.0.1", True),
        ("127.0.0.53", True),
        ("localhost", True),
        ("::1", True),
        ("[::1]", True),
        ("0.0.0.0", False),  # every interface
        ("::", False),
        ("", False),  # streamlit's default: every interface
        (None, False),
        ("192.168.1.20", False),
        ("kap.example-clinic.org", False),
    ],
)
def test_when_an_address_is_checked_then_only_loopback_counts_as_private(address, loopback):
    assert is_loopback(address) is loopback
