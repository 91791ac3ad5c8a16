"""Split passages into quotable sentences, keeping their words verbatim."""

from __future__ import annotations

import re

_LIST_MARKER = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_STEP_MARKER = re.compile(r"^\s*\d+[.)]\s+")
_BOUNDARY = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“(]?[A-Z0-9])")
_ABBREVIATIONS = ("e.g.", "i.e.", "et al.", "vs.", "Dr.", "cf.", "approx.", "etc.")
MIN_WORDS = 6


def split_sentences(text: str) -> list[str]:
    """Sentences of a Markdown passage; list items count as sentences, markers dropped."""
    sentences: list[str] = []
    for block in re.split(r"\n\s*\n", text):
        for line in _join_wrapped_lines(block):
            line = _LIST_MARKER.sub("", line).replace("**", "").strip()
            for piece in _split_line(line):
                if len(piece.split()) >= MIN_WORDS:
                    sentences.append(piece)
    return sentences


def split_units(text: str) -> list[tuple[str, bool]]:
    """Quotable units of a passage in reading order, as ``(text, is_step)``: each numbered
    step whole, with its number (a practice is quoted step by step, none dropped), and the
    sentences of everything else as :func:`split_sentences` gives them."""
    units: list[tuple[str, bool]] = []
    for block in re.split(r"\n\s*\n", text):
        for line in _join_wrapped_lines(block):
            if _STEP_MARKER.match(line):
                units.append((line.replace("**", "").strip(), True))
            else:
                units.extend((sentence, False) for sentence in split_sentences(line))
    return units


def _join_wrapped_lines(block: str) -> list[str]:
    """Lines of a paragraph joined, but each list item kept on its own."""
    lines: list[str] = []
    for raw in block.splitlines():
        if not raw.strip():
            continue
        if lines and not _LIST_MARKER.match(raw):
            lines[-1] += " " + raw.strip()
        else:
            lines.append(raw.strip())
    return lines


def _split_line(line: str) -> list[str]:
    pieces, start = [], 0
    for match in _BOUNDARY.finditer(line):
        candidate = line[start : match.start()].rstrip()
        if candidate.endswith(_ABBREVIATIONS):
            continue
        pieces.append(candidate.strip())
        start = match.end()
    pieces.append(line[start:].strip())
    return [p for p in pieces if p]
