"""Helpers every CLI command shares: settings, errors as one red line, JSONL streaming."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

import typer
from rich.console import Console

from assistant.config import Settings, load_settings
from assistant.errors import InputError, KapError
from assistant.jsonl import json_lines

console = Console(stderr=True)
EXIT_USAGE = 2


def fail(message: str) -> typer.Exit:
    """Print one red line on stderr and return the exit to raise (status 2)."""
    console.print(f"[bold red]error:[/] {message}", highlight=False, soft_wrap=True)
    return typer.Exit(EXIT_USAGE)


def settings_or_exit() -> Settings:
    try:
        return load_settings()
    except KapError as exc:
        raise fail(str(exc)) from None


def read_jsonl(source: str) -> Iterator[tuple[int, dict]]:
    """Yield ``(line_number, record)`` from a file or ``-`` (stdin); bad lines raise InputError.

    Every record needs a string ``text``; ``id`` defaults to the line number.
    """
    name = "<stdin>" if source == "-" else source
    if source == "-":
        handle = sys.stdin
    else:
        path = Path(source)
        if not path.is_file():
            raise InputError(f"{name}: file not found")
        handle = path.open(encoding="utf-8")
    with handle:
        for number, record in json_lines(name, handle):
            if not isinstance(record, dict) or not isinstance(record.get("text"), str):
                raise InputError(f"{name}:{number}: each line needs a string field \"text\"")
            record.setdefault("id", number)
            yield number, record


def emit_json(record: dict) -> None:
    """One JSON object per line on stdout, flushed so pipes stream."""
    sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    sys.stdout.flush()
