"""Numbers said as words, found in text so that the normaliser can read a phone or an ID
number written out ("zéro six, quarante-deux, dix-huit", "noll sju noll, trettioett",
"sıfır beş yüz otuz iki", "공일공 사칠이팔", "一三八〇〇一三八〇〇〇").

A number is a run of one or more words that together spell a number from zero to 999 in one
of about thirty languages (``tools/privacy_data/number_words.py`` writes the list), written
together, with spaces or with hyphens alike; "double" or "triple" before a digit repeats it.
The days of a month are also read as ordinals ("ninth", "dreißigster"), and a day said in
words is a day only beside a month's name (``beside_a_month``).
Chinese, Japanese and Korean numerals are read character by character: a run of digit
characters digit by digit, or with the characters for ten and a hundred as one number.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from assistant.calendar_words import ENGLISH_WORD_MONTHS, calendar_words

NUMBER_WORDS_FILE = Path(__file__).resolve().parent / "privacy" / "data" / "number_words.txt"
REPEATS = {"double": 2, "triple": 3}
MAX_WORDS_IN_A_NUMBER = 7
# Words of one number join with spaces or a hyphen ("quarante-deux", "kırk iki").
_JOINER = re.compile(r"[ \t]+|-")
_WORD = re.compile(r"[^\W_]+")
CJK_DIGITS = {
    **dict.fromkeys("〇零공영", 0), **dict.fromkeys("一일", 1), **dict.fromkeys("二两이", 2),
    **dict.fromkeys("三삼", 3), **dict.fromkeys("四사", 4), **dict.fromkeys("五오", 5),
    **dict.fromkeys("六육륙", 6), **dict.fromkeys("七칠", 7), **dict.fromkeys("八팔", 8),
    **dict.fromkeys("九구", 9),
}
MIN_KOREAN_DIGITS = 3
CJK_MULTIPLIERS = {**dict.fromkeys("十십", 10), **dict.fromkeys("百백", 100)}
# A Korean numeral is a whole word; Chinese and Japanese are written without spaces.
_CJK_RUN = re.compile(
    "(?<![가-힣])[{k}]+(?![가-힣])|[{c}]+".format(
        k="".join(ch for ch in (*CJK_DIGITS, *CJK_MULTIPLIERS) if "가" <= ch <= "힣"),
        c="".join(ch for ch in (*CJK_DIGITS, *CJK_MULTIPLIERS) if not "가" <= ch <= "힣"),
    )
)


@dataclass(frozen=True)
class Number:
    """A number at ``[start, end)`` of a text: its digits, and how many words said it (none
    for digits written as digits)."""

    start: int
    end: int
    digits: str
    words: int
    ordinal: bool = False


def compact(phrase: str) -> str:
    """A phrase without case, accents, spaces, hyphens or apostrophes ("Quarante-Deux" and
    "quarantedeux", "SIFIR" and "sıfır" read alike)."""
    plain = unicodedata.normalize("NFKD", phrase.casefold().replace("ı", "i"))
    return "".join(ch for ch in plain if ch.isalnum() and not unicodedata.combining(ch))


@lru_cache(maxsize=1)
def number_words() -> dict[str, str]:
    lines = NUMBER_WORDS_FILE.read_text(encoding="utf-8").splitlines()
    return dict(line.split("\t") for line in lines if line and not line.startswith("#"))


def numbers(text: str) -> list[Number]:
    """Every number in ``text``, in order: written in digits, said in words, or in Chinese,
    Japanese or Korean numerals."""
    found = _cjk_numbers(text)
    taken = {i for number in found for i in range(number.start, number.end)}
    words = [match for match in _WORD.finditer(text) if match.start() not in taken]
    index = 0
    while index < len(words):
        number, used = _number_at(text, words, index)
        if number is not None:
            found.append(number)
        index += used
    return sorted(found, key=lambda number: number.start)


def _number_at(text: str, words: list[re.Match], index: int) -> tuple[Number | None, int]:
    """The number that starts at ``words[index]``, if any, and how many words it used."""
    first = words[index]
    if first.group().isascii() and first.group().isdigit():
        return Number(first.start(), first.end(), first.group(), 0), 1
    table = number_words()
    times = REPEATS.get(first.group().casefold())
    if times is None and compact(first.group()) not in table:
        return None, 1  # every number's words open with a number ("cuarenta y dos", "kırk iki")
    last = index
    while (last + 1 < len(words) and last + 1 - index < MAX_WORDS_IN_A_NUMBER
           and _JOINER.fullmatch(text[words[last].end():words[last + 1].start()])):
        last += 1
    for end in range(last, index - 1, -1):
        digits = table.get(compact(text[first.start():words[end].end()]))
        if digits is not None:
            used = end - index + 1
            return Number(first.start(), words[end].end(), digits.rstrip("."), used, digits.endswith(".")), used
    if times and last > index:
        repeated, used = _number_at(text, words, index + 1)
        if repeated is not None and repeated.words and len(repeated.digits) == 1:
            return Number(first.start(), repeated.end, repeated.digits * times, used + 1), used + 1
    return None, 1


def _cjk_numbers(text: str) -> list[Number]:
    """Runs of Chinese, Japanese or Korean numerals: digit by digit ("공일공" is 010), or as
    one number with ten and a hundred in it ("九十三" is 93)."""
    found = []
    for match in _CJK_RUN.finditer(text):
        run = match.group()
        if not any(ch in CJK_MULTIPLIERS for ch in run):
            if len(run) < MIN_KOREAN_DIGITS and "가" <= run[0] <= "힣":
                continue  # "이사", "오이": words that happen to be digits
            digits = "".join(str(CJK_DIGITS[ch]) for ch in run)
            found.append(Number(match.start(), match.end(), digits, len(run)))
            continue
        value = _cjk_value(run)
        if value is not None:
            found.append(Number(match.start(), match.end(), str(value), 1))
    return found


def _cjk_value(run: str) -> int | None:
    """The value of numerals with ten or a hundred in them ("九十三", "百二", "사십이"), or None
    when they do not read as one number."""
    total, digit, last_multiplier = 0, None, 1000
    for ch in run:
        if ch in CJK_DIGITS:
            if digit is not None:
                return None
            digit = CJK_DIGITS[ch]
            continue
        multiplier = CJK_MULTIPLIERS[ch]
        if multiplier >= last_multiplier:
            return None
        total += (1 if digit is None else digit) * multiplier
        digit, last_multiplier = None, multiplier
    return total + (digit or 0)


MIN_DAY_LETTERS = 4
_LINK_TO_A_MONTH = r"[ \t]+(?:(?:de|of|the|di|del|do|da)[ \t]+)?"
_NEXT_WORD = re.compile(rf"(?:{_LINK_TO_A_MONTH}|[ \t]*)([^\W\d_]+)")
_PREVIOUS_WORD = re.compile(r"([^\W\d_]+)\.?(?:[ \t]+the)?[ \t]+$")


def beside_a_month(text: str, number: Number) -> bool:
    """Whether ``number`` is a day of the month said in words, right before or after a
    month's name ("quinze de outubro", "ventotto febbraio", "october ninth")."""
    said = text[number.start:number.end]
    if not number.words or not 1 <= int(number.digits) <= 31 or len(compact(said)) < MIN_DAY_LETTERS:
        return False  # "en julio", "un mai": a preposition or an article, not a day
    after = _NEXT_WORD.match(text, number.end)
    before = _PREVIOUS_WORD.search(text[max(0, number.start - 40):number.start])
    return bool(after and _a_month(after.group(1)) or before and _a_month(before.group(1), whole=True))


def _a_month(word: str, whole: bool = False) -> bool:
    """Whether ``word`` names a month; "may" or "march" only with a capital, and before a
    day only a month's whole name ("war sie zwei Tage": "sie" abbreviates a month)."""
    if whole and len(word) < MIN_DAY_LETTERS:
        return False
    return word.casefold() in calendar_words("month") and not (word.islower() and word in ENGLISH_WORD_MONTHS)
