"""Sentence and clause splitting with offsets, shared by the guard rules."""

from __future__ import annotations

import re
from dataclasses import dataclass

# A sentence ends at . ! ? ; (also when a closing quote or bracket follows) or a line break.
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+|(?<=[.!?;][\"'”’)])\s+|\n+")
# A full stop after these is part of the abbreviation, not the end of a sentence:
# "Dr. Okafor said integration takes time." is one sentence.
_ABBREVIATION = re.compile(
    r"(?:^|(?<=[\s(\"'“‘]))(?:dr|mr|mrs|ms|mx|st|prof|jr|sr|vs|etc|e\.g|i\.e)\.$", re.IGNORECASE
)
# What the scrubber leaves in place of an identifier: <DATE_1>, <PERSON_2>.
_PLACEHOLDER = re.compile(r"<[A-Z][A-Z_]*(?:_\d+)?>")
_WORD = re.compile(r"[^\W\d_]{2,}")
_CLAUSE_BREAK = re.compile(r",|\bbut\b|\band (?:now|today)\b|\bhowever\b|—|–", re.IGNORECASE)


@dataclass(frozen=True)
class Sentence:
    """A sentence of the checked text and where it starts and ends in it."""

    text: str
    start: int
    end: int


def split_sentences(text: str) -> list[Sentence]:
    """Sentences with offsets; empty pieces are dropped."""
    sentences, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        if match.group().isspace() and "\n" not in match.group() and _ends_in_abbreviation(
            text, match.start()
        ):
            continue
        _append(sentences, text, start, match.start())
        start = match.end()
    _append(sentences, text, start, len(text))
    return sentences


def _ends_in_abbreviation(text: str, end: int) -> bool:
    """True when the text before ``end`` finishes with an abbreviation such as "Dr." or "e.g."."""
    return bool(_ABBREVIATION.search(text[max(0, end - 8) : end]))


def _append(out: list[Sentence], text: str, start: int, end: int) -> None:
    piece = text[start:end]
    stripped = piece.strip()
    if stripped:
        offset = start + piece.index(stripped)
        out.append(Sentence(stripped, offset, offset + len(stripped)))


def has_words(text: str) -> bool:
    """Whether a sentence says anything besides scrubber placeholders and punctuation: a
    dated heading ("<DATE_1>.") is not compared with exemplars, where it would match every
    exemplar that mentions a date."""
    return bool(_WORD.search(_PLACEHOLDER.sub(" ", text)))


def clause_of(sentence: str, position: int) -> str:
    """The clause of ``sentence`` around ``position`` (split on commas, "but", dashes)."""
    start, end = 0, len(sentence)
    for match in _CLAUSE_BREAK.finditer(sentence):
        if match.end() <= position:
            start = match.end()
        elif match.start() > position:
            end = match.start()
            break
    return sentence[start:end]
