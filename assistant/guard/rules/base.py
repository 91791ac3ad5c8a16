"""The shape every guard rule shares: named patterns, exceptions, findings that explain."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Protocol

import numpy as np

from assistant.guard.text import Sentence
from assistant.models import Finding


@dataclass(frozen=True)
class Pattern:
    """A named regular expression that yields findings of one category.

    With ``context``, a match counts only if the context expression also occurs somewhere
    in the sentence (Presidio's context words, as a hard requirement); with ``unless``, only
    if the unless expression does not (Presidio's ``invalidate_result``, as data).
    """

    name: str
    category: str
    regex: re.Pattern[str]
    context: re.Pattern[str] | None = None
    unless: re.Pattern[str] | None = None


def pattern(
    name: str, category: str, expression: str, context: str | None = None, unless: str | None = None
) -> Pattern:
    return Pattern(
        name,
        category,
        re.compile(expression, re.IGNORECASE),
        re.compile(context, re.IGNORECASE) if context else None,
        re.compile(unless, re.IGNORECASE) if unless else None,
    )


def any_of(*words: str) -> str:
    """A non-capturing alternation of regex fragments, for building vocabularies."""
    return "(?:" + "|".join(words) + ")"


class Rule(Protocol):
    """One guard rule: looks at a sentence (and its embedding) and explains what it found."""

    name: str

    def analyze(
        self, sentence: Sentence, vector: np.ndarray | None, context: str | None = None
    ) -> list[Finding]:
        """Findings in ``sentence``; ``context`` is the whole text, where a rule uses it."""
        ...


def overlaps(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(span[0] < end and start < span[1] for start, end in spans)


def spans_of(regex: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in regex.finditer(text)]


def match_patterns(
    rule: str,
    patterns: tuple[Pattern, ...],
    sentence: Sentence,
    exceptions: list[tuple[int, int]],
    context: str | None = None,
) -> list[Finding]:
    """Findings for every pattern match that no benign exception span covers.

    Context words are looked for in ``context`` (e.g. the whole question) when given,
    else in the sentence; ``unless`` expressions always in the sentence.
    """
    findings = []
    for item in patterns:
        if item.context is not None and not item.context.search(context or sentence.text):
            continue
        if item.unless is not None and item.unless.search(sentence.text):
            continue
        for match in item.regex.finditer(sentence.text):
            if overlaps(match.span(), exceptions):
                continue
            findings.append(
                Finding(
                    rule=rule,
                    category=item.category,
                    detail=f"pattern {item.name}",
                    start=sentence.start + match.start(),
                    end=sentence.start + match.end(),
                )
            )
    return findings
