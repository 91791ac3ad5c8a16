"""Helpers every CLI command shares: settings, errors as one red line, JSONL streaming."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import typer
from rich.console import Console

from assistant.cli.terminal import for_rich, json_line, one_line
from assistant.config import Settings, load_settings
from assistant.errors import InputError, KapError
from assistant.jsonl import json_lines
from assistant.logs import configure_logging

console = Console(stderr=True)
EXIT_USAGE = 2


def report(message: str) -> None:
    """The one way a failure is shown: one red line on stderr, control characters inert."""
    console.print(f"[bold red]error:[/] {for_rich(one_line(message))}", highlight=False, soft_wrap=True)


def fail(message: str) -> typer.Exit:
    """Report ``message`` and return the exit to raise (status 2)."""
    report(message)
    return typer.Exit(EXIT_USAGE)


def settings_or_exit() -> Settings:
    """This run's settings, with KAP_LOG_LEVEL applied; a bad setting exits with one line."""
    try:
        settings = load_settings()
    except KapError as exc:
        raise fail(str(exc)) from None
    configure_logging(settings.log_level)
    return settings


def read_jsonl(source: str) -> Iterator[tuple[int, dict]]:
    """Yield ``(line_number, record)`` from a file or ``-`` (stdin); bad lines raise InputError.

    Every record needs a string ``text``; ``id`` defaults to the line number.
    """
    name = "<stdin>" if source == "-" else source
    if source == "-":
        handle = sys.stdin.buffer
    else:
        path = Path(source)
        if not path.is_file():
            raise InputError(f"{name}: file not found")
        handle = path.open("rb")  # decoded line by line, so a bad byte names its line
    with handle:
        for number, record in json_lines(name, handle):
            if not isinstance(record, dict) or not isinstance(record.get("text"), str):
                raise InputError(f"{name}:{number}: each line needs a string field \"text\"")
            record.setdefault("id", number)
            yield number, record


def read_stdin() -> str:
    """All of standard input as text; bytes that are not UTF-8 are an InputError."""
    data = sys.stdin.buffer.read()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InputError(f"<stdin>:{line}: not UTF-8 text; send UTF-8") from None


def emit_json(record: dict) -> None:
    """One JSON object per line on stdout, flushed so pipes stream."""
    sys.stdout.write(json_line(record) + "\n")
    sys.stdout.flush()
