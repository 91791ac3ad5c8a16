"""Read JSON Lines: every bad line is an InputError naming the file and line."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from assistant.errors import InputError


def json_lines(name: str, lines: Iterable[str]) -> Iterator[tuple[int, object]]:
    """``(line number, value)`` for each non-blank line."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            yield number, json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{name}:{number}: not valid JSON ({exc.msg})") from None
