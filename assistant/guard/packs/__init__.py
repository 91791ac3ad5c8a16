"""Pattern packs: guard patterns kept as data, each with examples it must and must not match.

A pack is a YAML file in this folder (see ``screening.yaml``). Loading compiles every
pattern; the tests run every example, so a pattern no example needs has no reason to stay.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from assistant.errors import ConfigError
from assistant.guard.rules.base import Pattern, pattern

PACK_DIR = Path(__file__).parent


@dataclass(frozen=True)
class PackPattern:
    """A compiled pattern with the examples that justify it."""

    pattern: Pattern
    must_match: tuple[str, ...]
    must_not_match: tuple[str, ...]


def load_pack(name: str, directory: Path = PACK_DIR) -> tuple[PackPattern, ...]:
    """The patterns of ``<name>.yaml``; a malformed pack stops the program (ConfigError)."""
    path = directory / f"{name}.yaml"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        return tuple(
            PackPattern(
                pattern(item["name"], item["category"], _one_line(item["regex"]),
                        unless=_one_line(item["unless"]) if item.get("unless") else None),
                tuple(item["must_match"]),
                tuple(item["must_not_match"]),
            )
            for item in data["patterns"]
        )
    except (OSError, yaml.YAMLError, KeyError, TypeError) as exc:
        raise ConfigError(f"{path}: not a valid pattern pack ({type(exc).__name__}: {exc})") from None


def _one_line(expression: str) -> str:
    """YAML folds a long expression over lines; the spaces folding adds are not part of it."""
    return "".join(part.strip() for part in expression.split())
