"""Text the CLI prints, made inert: client text must not drive the terminal.

A journal line can carry escape sequences (colours, cursor moves, a changed window title,
OSC 8 links), carriage returns that overwrite what was printed, bidi overrides that
reorder it, or half a surrogate pair that stops the encoder. ``printable`` shows each
such character as a visible escape instead; ``json_line`` escapes them inside JSON
strings, so the data values stay exactly the same.
"""

from __future__ import annotations

import json
import re

from rich.markup import escape

# C0 controls except tab, newline and the CR of a CRLF; DEL and C1 controls; bidi
# embeddings, overrides and isolates; line and paragraph separators; lone surrogates.
_UNSAFE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]|\r(?!\n)"
)
# The same minus the C0 controls, which json.dumps already escapes.
_UNSAFE_IN_JSON = re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group(0))
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """``text`` with every control, escape and reordering character shown as ``\\xNN``."""
    return _UNSAFE.sub(_escape, text)


def for_rich(text: str) -> str:
    """``printable`` text for rich: square brackets in it are not read as markup."""
    return escape(printable(text))


def one_line(text: str) -> str:
    """``printable`` on one line: newlines and tabs become spaces (for error messages)."""
    return " ".join(printable(text).split())


def json_line(value: object, indent: int | None = None) -> str:
    """JSON text whose strings hold the same values, with no raw terminal controls."""
    encoded = json.dumps(value, ensure_ascii=False, indent=indent)
    # Outside strings JSON is plain ASCII, so every match is inside a string, where a
    # \\uXXXX escape decodes to the very same character.
    return _UNSAFE_IN_JSON.sub(lambda m: f"\\u{ord(m.group(0)):04x}", encoded)
