"""The ``kap`` command line: one module per command group, registered here.

Command modules import the heavy parts (Presidio, the factory) inside the command, so
that `kap kb list` or an unchanged `kap ingest` start in well under a second.
"""

from __future__ import annotations

import sys

import typer

from assistant.cli import ask, evaluate, guard, ingest, journal, kb, prepare, retrieve, scrub, ui
from assistant.cli.boundary import run
from assistant.logs import configure_logging
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
    """Console-script entry point: any failure is one red line and exit status 2."""
    enforce_offline()
    configure_logging()  # WARNING until a command loads the settings and KAP_LOG_LEVEL
    sys.exit(run(app, sys.argv[1:]))
