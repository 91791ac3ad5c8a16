"""Normalise text before detecting, with a map from every normalised character back to the
original: the scrubber and the guard read what a person (or a language model) would read,
while spans, placeholders and offsets still refer to the text as written.

What changes, by class (each has must-change and must-keep rows in the tests):

- NFKC per grapheme: full-width letters and digits, ligatures, mathematical letters;
- invisible format characters are dropped: zero-width spaces and joiners, the word joiner,
  the byte-order mark, soft hyphens, direction marks and embeddings (Unicode category Cf);
- every space separator becomes a plain space (no-break, narrow no-break, figure, ideographic);
- hyphen-like dashes become ``-`` (hyphen, no-break hyphen, figure dash, en dash, minus);
  the em dash stays, since it punctuates sentences;
- digits of any script become ASCII digits;
- a dot-like mark between two letters or digits becomes ``.`` ("19·05·1979"), a long dash
  between them ``-`` ("INV—2025");
- four or more single characters spaced apart are joined ("j o h n", "7 2 4 1 8 9 0 3");
- Cyrillic and Greek letters that look Latin are folded to Latin inside a word that has a
  Latin letter or whose letters all look Latin ("Ιvаn" reads as "Ivan"); a word in Cyrillic
  or Greek proper ("Иван", "Μαρία") keeps its script.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

HYPHENS = {"\u2010", "\u2011", "\u2012", "\u2013", "\u2212", "\ufe63", "\uff0d"}
LOOKALIKES = {
    # Cyrillic
    "а": "a", "в": "b", "е": "e", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p", "с": "c",
    "т": "t", "у": "y", "х": "x", "і": "i", "ј": "j", "ѕ": "s", "ԁ": "d", "һ": "h", "ԛ": "q",
    "ԝ": "w", "ӏ": "l", "ү": "y", "ɡ": "g",
    "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P", "С": "C",
    "Т": "T", "Х": "X", "У": "Y", "І": "I", "Ј": "J", "Ѕ": "S", "Ԁ": "D", "Ү": "Y", "Ԍ": "G",
    "Ӏ": "I", "Ԛ": "Q", "Ԝ": "W",
    # Greek
    "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N",
    "Ο": "O", "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X",
    "ο": "o", "ν": "v", "α": "a", "ι": "i", "κ": "k", "ρ": "p", "υ": "u", "χ": "x",
    # Latin variants NFKC keeps
    "ı": "i", "ȷ": "j",
}
_WORD = re.compile(r"\w+")
_DOTS = "[\u00b7\u2022\u2219\u22c5\u2027\u30fb]"
_DOT_INSIDE = re.compile(rf"(?<=\w){_DOTS}(?=\w)|(?<=\w ){_DOTS}(?= \w)")
_DASH_INSIDE = re.compile(r"(?<=\w)[\u2014\u2015](?=\w)")
# Single characters (letters, digits, or a dot or hyphen between them) one space apart,
# at least four of them letters or digits.
_SPACED = re.compile(r"(?<![\w.-])(?=(?:[^\W_] (?:[.-] )?){3}[^\W_](?!\w))[^\W_](?: (?:[^\W_]|[.-])(?!\w))+")


@dataclass(frozen=True)
class Normalized:
    """The normalised ``text`` and, per character of it, where it came from in ``original``:
    normalised character ``i`` stands for ``original[starts[i]:ends[i]]``."""

    original: str
    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original offsets of the normalised span ``[start, end)``."""
        if start >= end:
            point = self.starts[start] if start < len(self.starts) else len(self.original)
            return point, point
        return self.starts[start], self.ends[end - 1]

    @property
    def changed(self) -> bool:
        return self.text != self.original


def normalize(text: str) -> Normalized:
    """``text`` as a reader sees it, with the offset map back to ``text``."""
    if text.isascii():
        offsets = tuple(range(len(text)))
        return _join_spaced(Normalized(text, text, offsets, tuple(i + 1 for i in offsets)))
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for start, end in _graphemes(text):
        piece = _normalise_cluster(text[start:end])
        out.append(piece)
        starts.extend([start] * len(piece))
        ends.extend([end] * len(piece))
    folded = _between_characters(_fold_lookalikes("".join(out)))
    return _join_spaced(Normalized(text, folded, tuple(starts), tuple(ends)))


def _between_characters(text: str) -> str:
    """A dot-like mark between two letters or digits reads as a dot ("19·05·1979",
    "756•4821"), a long dash as a hyphen ("INV—2025"); same length."""
    return _DASH_INSIDE.sub("-", _DOT_INSIDE.sub(".", text))


def _join_spaced(normal: Normalized) -> Normalized:
    """Four or more single characters spaced apart read as one word ("j o h n",
    "7 2 4 1 8 9 0 3", "3 1 0 . 5 4 8"): the spaces between them are dropped."""
    drop = {
        match.start() + offset
        for match in _SPACED.finditer(normal.text)
        for offset, ch in enumerate(match.group())
        if ch == " "
    }
    if not drop:
        return normal
    keep = [i for i in range(len(normal.text)) if i not in drop]
    return Normalized(
        normal.original,
        "".join(normal.text[i] for i in keep),
        tuple(normal.starts[i] for i in keep),
        tuple(normal.ends[i] for i in keep),
    )


def _graphemes(text: str):
    """(start, end) of each base character with the combining marks that follow it."""
    start = 0
    for index in range(1, len(text) + 1):
        if index == len(text) or not unicodedata.combining(text[index]):
            yield start, index
            start = index


@lru_cache(maxsize=4096)
def _normalise_cluster(cluster: str) -> str:
    base = cluster[0]
    category = unicodedata.category(base)
    if category == "Cf":
        return ""
    if category == "Zs":
        return " "
    if base in HYPHENS:
        return "-"
    if category == "Nd" and not base.isascii():
        return str(unicodedata.digit(base))
    normal = unicodedata.normalize("NFKC", cluster)
    return "".join(
        "-" if ch in HYPHENS else " " if unicodedata.category(ch) == "Zs" else ch
        for ch in normal
        if unicodedata.category(ch) != "Cf"
    )


def _fold_lookalikes(text: str) -> str:
    """Fold look-alike letters word by word (see the module docstring); same length."""
    if not any(ch in LOOKALIKES for ch in text):
        return text
    chars = list(text)
    for match in _WORD.finditer(text):
        word = match.group()
        if not any(ch in LOOKALIKES for ch in word):
            continue
        letters = [ch for ch in word if ch.isalpha()]
        latin = any(ch.isascii() for ch in letters)
        all_lookalike = all(ch.isascii() or ch in LOOKALIKES for ch in letters)
        if latin or all_lookalike:
            for offset, ch in enumerate(word):
                if ch in LOOKALIKES:
                    chars[match.start() + offset] = LOOKALIKES[ch]
    return "".join(chars)
