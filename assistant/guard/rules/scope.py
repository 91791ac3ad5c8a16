"""Scope rule: requests to diagnose a client or to make prescribing decisions.

Its patterns are data, with their examples: ``assistant/guard/packs/scope.yaml``.
"""

from __future__ import annotations

import numpy as np

from assistant.guard.packs import load_pack
from assistant.guard.rules.base import Pattern, match_patterns
from assistant.guard.text import Sentence
from assistant.models import Finding

NAME = "scope"
PATTERNS: tuple[Pattern, ...] = tuple(item.pattern for item in load_pack("scope"))


class ScopeRule:
    """Finds diagnosis and prescribing requests, which the assistant redirects."""

    name = NAME

    def analyze(
        self, sentence: Sentence, vector: np.ndarray | None, context: str | None = None
    ) -> list[Finding]:
        return match_patterns(NAME, PATTERNS, sentence, [])
