"""The month and weekday names of the languages our clients write in, lower-cased
(``tools/privacy_data/calendar_words.py`` writes the file): read by the date recognizer and
by the normaliser's days said in words."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

CALENDAR_WORDS_FILE = Path(__file__).resolve().parent / "privacy" / "data" / "calendar_words.txt"
# English months that are also words ("may", "march", "august"): months only with a capital.
ENGLISH_WORD_MONTHS = frozenset({"may", "march", "august"})


@lru_cache(maxsize=2)
def calendar_words(kind: str) -> frozenset[str]:
    """The names of one ``kind``: "month" or "weekday"."""
    lines = CALENDAR_WORDS_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(line.split("\t")[1] for line in lines if line.startswith(kind + "\t"))
