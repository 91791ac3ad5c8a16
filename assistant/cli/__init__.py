"""The ``kap`` command line: one module per command group, registered here.

Command modules import the heavy parts (Presidio, the factory) inside the command, so
that `kap kb list` or an unchanged `kap ingest` start in well under a second.
"""

from __future__ import annotations

import logging
import sys

import click
import typer

from assistant.cli import ask, evaluate, guard, ingest, journal, kb, prepare, retrieve, scrub, ui
from assistant.cli.common import EXIT_USAGE, console
from assistant.errors import KapError
from assistant.offline import enforce_offline

app = typer.Typer(
    name="kap",
    help="KAP Integration Assistant: vetted psychoeducation for ketamine-assisted "
    "psychotherapy. Never makes dosing decisions.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,  # tracebacks with locals could show PHI
)

for module in (ingest, prepare, kb, ask, retrieve, scrub, guard, journal, evaluate, ui):
    module.register(app)


def main() -> None:
    """Console-script entry point: KapError becomes one red line and exit status 2."""
    enforce_offline()
    handler = logging.StreamHandler()
    handler.setLevel(logging.WARNING)  # some libraries set their own loggers to DEBUG
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    logging.basicConfig(level=logging.WARNING, handlers=[handler])
    try:
        code = app(standalone_mode=False)
    except KapError as exc:
        console.print(f"[bold red]error:[/] {exc}", highlight=False, soft_wrap=True)
        sys.exit(EXIT_USAGE)
    except click.exceptions.Abort:
        console.print("aborted")
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(EXIT_USAGE)
    sys.exit(code if isinstance(code, int) else 0)
