"""Normalise text before detecting, with a map from every normalised character back to the
original: the scrubber and the guard read what a person (or a language model) would read,
while spans, placeholders and offsets still refer to the text as written.

What changes, by class (each has must-change and must-keep rows in the tests):

- NFKC per grapheme: full-width letters and digits, ligatures, mathematical letters;
- invisible format characters are dropped: zero-width spaces and joiners, the word joiner,
  the byte-order mark, soft hyphens, direction marks and embeddings (Unicode category Cf);
  so are decorations drawn around a character (keycaps, circles) and emoji variation
  selectors: "5️⃣3️⃣1️⃣" reads "531";
- every space separator becomes a plain space (no-break, narrow no-break, figure, ideographic);
- hyphen-like dashes become ``-`` (hyphen, no-break hyphen, figure dash, en dash, minus);
  the em dash stays, since it punctuates sentences;
- digits of any script become ASCII digits;
- a dot-like mark between two letters or digits becomes ``.`` ("19·05·1979"), a long dash
  between them ``-`` ("INV—2025");
- a letter O among the digits of a number reads as zero, l or I as one ("651 555 O114",
  "(2l2) 555-Ol88");
- four or more single characters spaced apart are joined ("j o h n", "7 2 4 1 8 9 0 3");
- numbers said as words become digits when they run with other numbers into four digits or
  more ("five oh three, five five five, zero one four two" reads "503 555 0142", "zéro six,
  quarante-deux" reads "06 42", "seis cinco cinco 81 42 07" reads "655 81 42 07", "공일공"
  reads "010"; about thirty languages, ``assistant.spoken_numbers``); counting ("one two
  three four") stays words; a day said in words beside a month's name becomes digits too
  ("quinze de outubro" reads "15 de outubro", "october ninth" reads "october 9");
- combining marks that no letter of Latin, Greek or Cyrillic script takes (strokes and lines
  drawn through or under a letter, an accent stacked on an accented letter) are dropped:
  "Gu̵ð̲rún" reads "Guðrún"; marks of other scripts (Devanagari vowel signs) stay;
- Cyrillic and Greek letters that look Latin are folded to Latin inside a word that has a
  Latin letter or whose letters all look Latin ("Ιvаn" reads as "Ivan"); a word in Cyrillic
  or Greek proper ("Иван", "Μαρία") keeps its script, and Latin look-alikes inside it are
  folded to that script ("Cокoлов" reads as "Соколов").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from assistant.spoken_numbers import Number, beside_a_month, numbers

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
# A number with a letter O, l or I among at least two digits ("O114", "2O19", "(2l2)"), or
# among one digit when it continues a number ("555-Ol9O").
_LETTER_IN_NUMBER = re.compile(
    r"(?<!\w)(?=[\dOolI]*[OolI])(?:(?=(?:[OolI]*\d){2})|(?<=\d[-. ]))[\dOolI]{3,}(?!\w)"
)
_DIGIT_OF_LETTER = str.maketrans("OolI", "0011")
_DOTS = "[\u00b7\u2022\u2219\u22c5\u2027\u30fb]"
_DOT_INSIDE = re.compile(rf"(?<=\w){_DOTS}(?=\w)|(?<=\w ){_DOTS}(?= \w)")
_DASH_INSIDE = re.compile(r"(?<=\w)[\u2014\u2015](?=\w)")
# Between the numbers of one phone or ID number: spaces, a comma (Latin, Arabic or
# ideographic) or a hyphen, or nothing between Chinese numerals and digits.
_BETWEEN_NUMBERS = re.compile(r"[ \t]*[,،、-]?[ \t]*")
MIN_SPOKEN_WORDS = 2
MIN_SPOKEN_DIGITS = 4
# Single characters (letters, digits, or a dot or hyphen between them) one space apart,
# at least four of them letters or digits.
_SPACED = re.compile(r"(?<![\w.'’-])(?=(?:[^\W_] (?:[.-] )?){3}[^\W_](?!\w))[^\W_](?: (?:[^\W_]|[.-])(?!\w))+")


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
        read = _zeros(text)
        return _join_spaced(_spoken_digits(Normalized(text, read, offsets, tuple(i + 1 for i in offsets))))
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for start, end in _graphemes(text):
        piece = _normalise_cluster(text[start:end])
        out.append(piece)
        starts.extend([start] * len(piece))
        ends.extend([end] * len(piece))
    folded = _zeros(_between_characters(_fold_lookalikes("".join(out))))
    return _join_spaced(_spoken_digits(Normalized(text, folded, tuple(starts), tuple(ends))))


def _between_characters(text: str) -> str:
    """A dot-like mark between two letters or digits reads as a dot ("19·05·1979",
    "756•4821"), a long dash as a hyphen ("INV—2025"); same length."""
    return _DASH_INSIDE.sub("-", _DOT_INSIDE.sub(".", text))


def _zeros(text: str) -> str:
    """A letter O among the digits of a number reads as a zero, and l or I as a one; same
    length."""
    return _LETTER_IN_NUMBER.sub(lambda m: m.group().translate(_DIGIT_OF_LETTER), text)


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


def _spoken_digits(normal: Normalized) -> Normalized:
    """Numbers said as words, in a run of four or more digits, become digits (see the module
    docstring); each digit maps back to its words, and separators between words go."""
    text, starts, ends = [], [], []
    position = 0
    for run in _runs(normal.text):
        digits = "".join(number.digits for number in run)
        said = sum(number.words for number in run)
        a_day = len(run) == 1 and beside_a_month(normal.text, run[0])
        if not a_day and (said < MIN_SPOKEN_WORDS or len(digits) < MIN_SPOKEN_DIGITS or _counting(digits)):
            continue
        _copy(normal, position, run[0].start, text, starts, ends)
        previous = None
        for number in run:
            if previous is not None:
                gap = normal.text[previous.end:number.start]
                if not (number.words and previous.words and (gap.isspace() or gap in ("-", ""))):
                    mark = "-" if "-" in gap and "," not in gap else " "
                    text.append(mark)
                    starts.append(normal.starts[min(previous.end, number.start - 1)])
                    ends.append(normal.ends[max(number.start - 1, previous.end - 1)])
            if number.words:
                origin = (normal.starts[number.start], normal.ends[number.end - 1])
                text.extend(number.digits)
                starts.extend([origin[0]] * len(number.digits))
                ends.extend([origin[1]] * len(number.digits))
            else:
                _copy(normal, number.start, number.end, text, starts, ends)
            previous = number
        position = run[-1].end
    if position == 0:
        return normal
    _copy(normal, position, len(normal.text), text, starts, ends)
    return Normalized(normal.original, "".join(text), tuple(starts), tuple(ends))


def _runs(text: str) -> list[list[Number]]:
    """Numbers that follow one another with only separators between them, at least one of
    them said in words."""
    runs: list[list[Number]] = []
    current: list[Number] = []
    for number in numbers(text):
        if (current and not number.ordinal and not current[-1].ordinal
                and _BETWEEN_NUMBERS.fullmatch(text[current[-1].end:number.start])):
            current.append(number)
            continue
        if any(n.words for n in current):
            runs.append(current)
        current = [number]
    if any(n.words for n in current):
        runs.append(current)
    return runs


def _counting(digits: str) -> bool:
    """Whether the digits count up or down by one ("1234", "54321")."""
    steps = {int(b) - int(a) for a, b in zip(digits, digits[1:])}
    return steps in ({1}, {-1})


def _copy(normal: Normalized, start: int, end: int, text, starts, ends) -> None:
    text.append(normal.text[start:end])
    starts.extend(normal.starts[start:end])
    ends.extend(normal.ends[start:end])


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
    if category in ("Cf", "Me") or "VARIATION SELECTOR" in unicodedata.name(base, ""):
        return ""
    if category == "Zs":
        return " "
    if base in HYPHENS:
        return "-"
    if category == "Nd" and not base.isascii():
        return str(unicodedata.digit(base))
    normal = unicodedata.normalize("NFKC", cluster)
    stray = _takes_no_marks(normal[0])
    return "".join(
        "-" if ch in HYPHENS else " " if unicodedata.category(ch) == "Zs" else ch
        for ch in normal
        if unicodedata.category(ch) != "Cf" and not (stray and unicodedata.combining(ch))
    )


def _takes_no_marks(letter: str) -> bool:
    """Whether ``letter`` is of Latin, Greek or Cyrillic script, where NFKC composes every
    mark a word needs: a combining mark still left after it is drawn on, not spelled."""
    name = unicodedata.name(letter, "")
    return name.startswith(("LATIN ", "GREEK ", "CYRILLIC "))


def _fold_lookalikes(text: str) -> str:
    """Fold look-alike letters word by word (see the module docstring); same length."""
    chars = list(text)
    for match in _WORD.finditer(text):
        word = match.group()
        letters = [ch for ch in word if ch.isalpha()]
        proper = [ch for ch in letters if not ch.isascii() and ch not in LOOKALIKES]
        if not any(ch in LOOKALIKES for ch in word) and not (proper and any(ch.isascii() for ch in letters)):
            continue
        script = script_of(proper[0]) if proper else None
        if script in _TO_SCRIPT and all(script_of(ch) == script for ch in proper):
            table = _TO_SCRIPT[script]  # a Cyrillic or Greek word with Latin look-alikes in it
            for offset, ch in enumerate(word):
                if ch in table:
                    chars[match.start() + offset] = table[ch]
            continue
        latin = any(ch.isascii() for ch in letters)
        all_lookalike = all(ch.isascii() or ch in LOOKALIKES for ch in letters)
        if latin or all_lookalike:
            for offset, ch in enumerate(word):
                if ch in LOOKALIKES:
                    chars[match.start() + offset] = LOOKALIKES[ch]
    return "".join(chars)


def script_of(word: str) -> str | None:
    """The script of the first letter of ``word`` ("LATIN", "CYRILLIC", "CJK", "KANA"…)."""
    for ch in word:
        if ch.isalpha():
            name = unicodedata.name(ch, "")
            return "KANA" if name.startswith(("HIRAGANA", "KATAKANA")) else name.split(" ")[0] or None
    return None


# Latin letters back to the Cyrillic or Greek letter they imitate, for a word of that script.
_TO_SCRIPT = {
    script: {latin: letter for letter, latin in LOOKALIKES.items() if script_of(letter) == script}
    for script in ("CYRILLIC", "GREEK")
}
