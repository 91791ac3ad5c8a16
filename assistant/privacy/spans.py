"""Turn Presidio findings into the spans we scrub: typed, trimmed, allow-listed, merged."""

from __future__ import annotations

import re

from presidio_analyzer import RecognizerResult

from assistant.models import Entity
from assistant.privacy.config import PrivacyConfig
from assistant.privacy.entities import PRIORITY

_EDGE = " \t\r\n.,;:!?\"'()[]{}“”‘’"  # trimmed from span edges, never part of an identifier
_WORD = re.compile(r"[\w'’-]+|[^\w\s]")


def resolve(results: list[RecognizerResult], text: str, config: PrivacyConfig) -> list[Entity]:
    """Keep findings above their type's threshold, drop allow-listed ones, merge overlaps."""
    kept = []
    for result in results:
        kind = config.placeholder_types.get(result.entity_type, result.entity_type)
        if result.score < config.threshold(kind):
            continue
        start, end = _trim(text, result.start, result.end)
        if start >= end or _allowed(text[start:end], config.allow_list):
            continue
        if kind == "LOCATION" and _allowed(text[start:end], config.location_allow_list):
            continue
        kept.append(Entity(type=kind, start=start, end=end, score=round(result.score, 4)))
    return _merge(kept)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop edge punctuation and a possessive 's, but keep a phone's "(503)" brackets whole."""
    if text[end - 2 : end] in ("'s", "’s"):
        end -= 2
    while start < end and text[start] in _EDGE and not _balanced(text, start, end, "()"):
        start += 1
    while end > start and text[end - 1] in _EDGE and not _balanced(text, start, end, ")("):
        end -= 1
    return start, end


def _balanced(text: str, start: int, end: int, pair: str) -> bool:
    """True when the bracket at the edge has its partner inside the span."""
    edge, partner = pair
    inside = text[start:end]
    char = text[start] if edge == "(" else text[end - 1]
    return char == edge and partner in inside


def _allowed(span: str, allow_list: frozenset[str]) -> bool:
    folded = span.casefold()
    if folded in allow_list:
        return True
    words = [w for w in _WORD.findall(folded) if w.isalnum() or len(w) > 1]
    return bool(words) and all(word in allow_list for word in words)


def _merge(entities: list[Entity]) -> list[Entity]:
    """Overlapping spans become their union, named by the most specific type among them."""
    merged: list[Entity] = []
    for entity in sorted(entities, key=lambda e: (e.start, -e.end)):
        if merged and entity.start < merged[-1].end:
            last = merged[-1]
            best = max(last, entity, key=lambda e: (PRIORITY.get(e.type, 0), e.score))
            merged[-1] = Entity(
                type=best.type,
                start=last.start,
                end=max(last.end, entity.end),
                score=best.score,
            )
        else:
            merged.append(entity)
    return merged
