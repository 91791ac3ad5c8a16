"""Shared shape for our regex recognizers: Presidio's PatternRecognizer plus a ``phi`` group.

A pattern may match a keyword ("MRN:") and mark the identifier itself with the named
group ``phi``; only that group is reported, so the keyword stays readable.
"""

from __future__ import annotations

import copy
from functools import cached_property

import presidio_analyzer
import regex
from presidio_analyzer import AnalysisExplanation, EntityRecognizer, PatternRecognizer, RecognizerResult

FLAGS = regex.IGNORECASE | regex.MULTILINE
# A capital letter of any script, even under FLAGS' IGNORECASE.
UPPER = r"(?-i:\p{Lu})"
# English words that start no name: a run of words before a venue or a company's legal form
# does not begin with one ("the courthouse", "at grabher & mayr gmbh").
FUNCTION_WORDS = r"(?:the|a|an|at|in|to|for|with|from|by|of|my|his|her|our|their|and|or)"
REGEX_TIMEOUT_SECONDS = 1.0
# A word of a script other than Latin (Persian joins some with a zero-width non-joiner), and
# a capitalised Cyrillic or Greek one: what follows a title or a kind of institution there.
OTHER_SCRIPT_WORD = r"(?:(?!\p{Latin})[\p{L}\p{M}\u200c]+)"
CYRILLIC_OR_GREEK_NAME = r"(?-i:\p{Lu}(?:\p{Cyrillic}|\p{Greek}|-)+)"


class Finding(RecognizerResult):
    """A RecognizerResult that copies itself cheaply: Presidio's context step deep-copies
    every result of every text, and a deep copy of the explanation (its pattern's text, its
    regex) was a twentieth of the scrubber's time. The copy shares what no step changes."""

    def __deepcopy__(self, memo):
        copied = copy.copy(self)
        copied.analysis_explanation = copy.copy(self.analysis_explanation)
        copied.recognition_metadata = dict(self.recognition_metadata or {})
        return copied


class Pattern(presidio_analyzer.Pattern):
    """Presidio's Pattern, compiled once, with our flags, when a recognizer is built:
    Presidio's own check compiles every pattern a second time, without them (two seconds of
    every start), and compiling at import made every command pay for the date recognizer's
    word lists (most of a second)."""

    def __init__(self, name: str, regex_text: str, score: float):  # skips Presidio's check
        if not 0 <= score <= 1:
            raise ValueError(f"pattern {name!r}: score {score} is not between 0 and 1")
        self.name, self.regex, self.score = name, regex_text, score
        self.compiled_with_flags = FLAGS

    @cached_property
    def compiled_regex(self) -> regex.Pattern:
        return regex.compile(self.regex, FLAGS)


class RegexRecognizer(PatternRecognizer):
    """Subclasses set ENTITY, PATTERNS and CONTEXT, and may override the two hooks."""

    ENTITY: str = ""
    PATTERNS: list[Pattern] = []
    CONTEXT: list[str] = []

    def __init__(self, supported_language: str = "en"):
        super().__init__(
            supported_entity=self.ENTITY,
            patterns=list(self.PATTERNS),
            context=list(self.CONTEXT),
            supported_language=supported_language,
            global_regex_flags=FLAGS,
        )
        self._compiled = [(p, p.compiled_regex) for p in self.patterns]

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):
        """Run every pattern; report the ``phi`` group's span when the pattern has one."""
        results = []
        for pattern, compiled in self._compiled:
            for match in compiled.finditer(text, timeout=REGEX_TIMEOUT_SECONDS):
                group = "phi" if "phi" in compiled.groupindex else 0
                start, end = match.span(group)
                value = text[start:end]
                if not value.strip() or self.invalidate_result(value):
                    continue
                valid = self.validate_result(value)
                if valid is False:
                    continue
                score = EntityRecognizer.MAX_SCORE if valid else pattern.score
                results.append(self._result(start, end, score, pattern, valid))
        return results

    def _result(self, start, end, score, pattern, valid) -> RecognizerResult:
        explanation = self.build_regex_explanation(
            self.name, pattern.name, pattern.regex, score, valid, FLAGS
        )
        return Finding(
            entity_type=self.ENTITY,
            start=start,
            end=end,
            score=score,
            analysis_explanation=explanation,
            recognition_metadata={
                RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
            },
        )


def finding(
    recognizer: EntityRecognizer, entity: str, start: int, end: int, score: float, why: str
) -> RecognizerResult:
    """A finding of a recognizer that is not pattern-based, with its reason and its name."""
    return Finding(
        entity_type=entity,
        start=start,
        end=end,
        score=score,
        analysis_explanation=AnalysisExplanation(
            recognizer=recognizer.name, original_score=score, textual_explanation=why
        ),
        recognition_metadata={
            RecognizerResult.RECOGNIZER_NAME_KEY: recognizer.name,
            RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: recognizer.id,
        },
    )


def digits(value: str) -> str:
    """The digits of ``value``, for validation hooks."""
    return "".join(ch for ch in value if ch.isdigit())


# An identifier value: letters, digits and inner separators, with at least one digit, and
# any further groups of digits written after a space ("4471 2209 8812"); a short capital
# prefix may stand apart ("EK 4418209"); or three or more short groups of digits, perhaps after
# a prefix ("681 072 757", "BHR 841 247 069").
ID_VALUE = (
    r"(?:(?:(?-i:[A-Z]{1,4})\s)?\d{2,3}(?:\s\d{2,4}){2,4}(?:\s(?-i:[A-Z]))?(?![\w-])|(?:(?-i:[A-Z]{1,4})\s(?=\d{4}))?"
    r"(?=[A-Z0-9./-]*\d)[A-Z0-9](?:[A-Z0-9]|[-/.](?=[A-Z0-9])){3,24}"
    r"(?:\s\d{1,6}(?![\w-]))*(?![\w-]))"
)


def keyed(keywords: str, value: str = ID_VALUE) -> str:
    """A pattern for ``KEYWORD [number|no|nr|n.|#|ID] [is] [:#(] VALUE``, with VALUE as ``phi``;
    "is" may be said in German, Dutch, Scandinavian, Spanish, Portuguese or French."""
    return (
        rf"\b(?:{keywords})(?:\s+(?:number|num|no\.?|nbr|nr\.?|n\.|n[º°]\.?|#|id|code))?"
        r"(?:\s+(?:is|was|lautet|ist|er|är|es|é|est))?"
        rf"\s*(?:[:#(]\s*)?(?P<phi>{value})"
    )


def alternation(words) -> str:
    """A pattern for any of ``words``, longest first, written as a trie: the engine tries a
    plain alternation of a few thousand words one by one at every position."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_pattern(trie)


def _trie_pattern(node: dict) -> str:
    branches = [
        (r"\s" if ch == " " else regex.escape(ch)) + _trie_pattern(child)
        for ch, child in sorted(node.items())
        if ch
    ]
    if not branches:
        return ""
    if "" in node:
        return "(?:" + "|".join(branches) + ")?"
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
