"""``kap app`` starts the web app; ``kap hash-password`` makes a hash for its password gate."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import typer

from assistant.cli.common import console, fail


def app_command(
    port: int = typer.Option(8501, "--port", min=1, max=65535, help="Port on 127.0.0.1."),
) -> None:
    """Start the web app (the same as `streamlit run app.py`); only this machine can connect."""
    script = Path.cwd() / "app.py"
    if not script.is_file():
        raise fail("app.py is not in this folder; run `kap app` from the project folder")
    console.print(f"Starting the app at http://127.0.0.1:{port} (Ctrl+C stops it)")
    os.execv(sys.executable, [sys.executable, "-m", "streamlit", "run", str(script),
                              "--server.port", str(port)])


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
