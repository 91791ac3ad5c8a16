"""Read JSON and JSON Lines strictly: every bad value is an InputError naming the file and line.

Stricter than ``json.loads`` on purpose: NaN, Infinity and numbers too large for a float or
too long to convert are refused (they would reach scores and ids and break the JSON we
print), lone surrogates are refused (no encoder can write them back out), and nesting too
deep for the parser is a message instead of a RecursionError. Messages never quote values.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Iterator

from assistant.errors import InputError

MAX_INT_DIGITS = 100


class _Refused(ValueError):
    """A JSON value we will not accept; the message says which kind."""


def _constant(name: str) -> float:
    raise _Refused(f"{name} is not a JSON number; use a finite number or null")


def _float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise _Refused("a number too large for a float")
    return value


def _int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_INT_DIGITS:
        raise _Refused(f"a number longer than {MAX_INT_DIGITS} digits")
    return int(text)


def _has_lone_surrogate(value: object) -> bool:
    stack = [value]
    while stack:  # iterative: the value may be nested nearly as deep as the parser allows
        item = stack.pop()
        if isinstance(item, str):
            if any("\ud800" <= ch <= "\udfff" for ch in item):
                return True
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return False


def parse_json(name: str, text: str, first_line: int = 1) -> object:
    """One JSON document; ``first_line`` is where ``text`` starts in its file (for messages)."""
    try:
        value = json.loads(text, parse_constant=_constant, parse_float=_float, parse_int=_int)
    except json.JSONDecodeError as exc:
        raise InputError(f"{name}:{first_line + exc.lineno - 1}: not valid JSON ({exc.msg})") from None
    except _Refused as exc:
        raise InputError(f"{name}:{first_line}: not accepted: {exc}") from None
    except RecursionError:
        raise InputError(f"{name}:{first_line}: JSON nested too deeply to read") from None
    if _has_lone_surrogate(value):
        raise InputError(
            f"{name}:{first_line}: a \\u escape is half of a character (a lone surrogate); "
            "fix or remove it"
        )
    return value


def json_lines(name: str, lines: Iterable[str | bytes]) -> Iterator[tuple[int, object]]:
    """``(line number, value)`` for each non-blank line; byte lines must be UTF-8."""
    for number, line in enumerate(lines, start=1):
        if isinstance(line, bytes):
            try:
                line = line.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError:
                raise InputError(f"{name}:{number}: not UTF-8 text; save the file as UTF-8") from None
        if line.strip():
            yield number, parse_json(name, line, number)
