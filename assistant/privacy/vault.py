"""The in-memory placeholder <-> value vault for one conversation or one CLI run.

It is never written to disk or logs; ``repr`` shows counts only.
"""

from __future__ import annotations

import re
from collections import Counter

PLACEHOLDER = re.compile(r"<([A-Z][A-Z_]*?)_(\d+)>")
# Longer literals stay reserved but do not move the counter: int() of thousands of digits
# fails, and placeholder() already skips any token that is taken.
MAX_COUNTER_DIGITS = 9


class Vault:
    """Hands out consistent typed placeholders and restores them.

    The same exact value of the same type always gets the same placeholder; a text
    that already contains placeholder-shaped strings keeps them (they are reserved
    as themselves), so ``restore(scrub(text)) == text`` holds exactly.
    """

    def __init__(self) -> None:
        self._values: dict[str, str] = {}
        self._placeholders: dict[tuple[str, str], str] = {}
        self._counts: Counter[str] = Counter()

    def reserve_literals(self, text: str) -> None:
        """Treat placeholder-shaped strings already in ``text`` as taken, mapping to themselves."""
        for match in PLACEHOLDER.finditer(text):
            literal, kind, digits = match.group(0), match.group(1), match.group(2)
            self._values.setdefault(literal, literal)
            if len(digits) <= MAX_COUNTER_DIGITS:
                self._counts[kind] = max(self._counts[kind], int(digits))

    def placeholder(self, kind: str, value: str) -> str:
        """The placeholder for ``value`` of type ``kind``, e.g. ``<PERSON_1>``."""
        key = (kind, value)
        if key not in self._placeholders:
            self._counts[kind] += 1
            token = f"<{kind}_{self._counts[kind]}>"
            while token in self._values:
                self._counts[kind] += 1
                token = f"<{kind}_{self._counts[kind]}>"
            self._placeholders[key] = token
            self._values[token] = value
        return self._placeholders[key]

    def restore(self, text: str) -> str:
        """Put the original values back; unknown placeholders stay as they are."""
        return PLACEHOLDER.sub(lambda m: self._values.get(m.group(0), m.group(0)), text)

    def values_of(self, kind: str) -> list[str]:
        """The values held for one placeholder type (names, to find them again in this run)."""
        return [value for (held, value) in self._placeholders if held == kind]

    def __len__(self) -> int:
        return len(self._placeholders)

    def __repr__(self) -> str:
        return f"Vault({len(self._placeholders)} placeholders)"
