"""``kap app`` starts the web app; ``kap hash-password`` makes a hash for its password gate."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import typer

import assistant
from assistant.cli.common import console, fail
from assistant.ui.exposure import is_loopback, url

LOOPBACK = "127.0.0.1"

# Passed on the command line so they hold from any folder, whatever config.toml Streamlit
# finds (it reads the one in the current folder and ~/.streamlit, and only newer versions
# the one beside app.py); they match .streamlit/config.toml.
SERVER_OPTIONS = {
    "server.headless": "true",
    "server.enableXsrfProtection": "true",
    "server.enableCORS": "true",
    "server.maxUploadSize": "10",
    "server.maxMessageSize": "50",
    "server.runOnSave": "false",
    "server.fileWatcherType": "none",
    "browser.gatherUsageStats": "false",
    "client.toolbarMode": "minimal",
    "client.showErrorDetails": "none",
    "runner.magicEnabled": "false",
}


def app_script() -> Path:
    """app.py of this checkout: found beside the package, not in the current folder."""
    return Path(assistant.__file__).resolve().parent.parent / "app.py"


def streamlit_command(script: Path, address: str, port: int) -> list[str]:
    options = {"server.address": address, "server.port": str(port), **SERVER_OPTIONS}
    flags = [part for name, value in options.items() for part in (f"--{name}", value)]
    return [sys.executable, "-m", "streamlit", "run", str(script), *flags]


def app_command(
    port: int = typer.Option(8501, "--port", min=1, max=65535, help="Port to listen on."),
    address: str = typer.Option(
        LOOPBACK, "--address",
        help="Interface to listen on. Keep 127.0.0.1 unless the app is shared behind the "
        "password gate or SSO and a TLS proxy (see SECURITY.md).",
    ),
) -> None:
    """Start the web app; by default only this machine can connect. Works from any folder."""
    script = app_script()
    if not script.is_file():
        raise fail(f"{script} is missing: `kap app` needs a source checkout of the project "
                   "(installed with `make install` or `pip install -e .`)")
    if not is_loopback(address):
        console.print(f"[bold yellow]warning:[/] listening on {address or 'every interface'}: "
                      "other machines can reach the app. It opens only with a password "
                      "(KAP_UI_PASSWORD_HASH) or SSO configured.", highlight=False)
    console.print(f"Starting the app at {url(address, port)} (Ctrl+C stops it)")
    command = streamlit_command(script, address, port)
    os.execv(command[0], command)


def hash_password_command() -> None:
    """Print a salted hash for KAP_UI_PASSWORD_HASH; the password itself is never stored."""
    from assistant.ui.access import hash_password

    password = typer.prompt("Password for the app", hide_input=True, confirmation_prompt=True)
    typer.echo(hash_password(password))
    console.print("Put it in .env as KAP_UI_PASSWORD_HASH='<the line above>' (single quotes: "
                  "it contains $), then restart the app.")


def register(app: typer.Typer) -> None:
    app.command("app")(app_command)
    app.command("hash-password")(hash_password_command)
