"""Towns and cities by name, from GeoNames (``tools/privacy_data/place_names.py``).

spaCy's English model knows few places written in other scripts ("القاهرة", "ঢাকা") or
Latin names it has not seen ("Debrecen"). A run of up to four words that is a listed name
is a place: a Latin one as written in the list (or in capitals, when it has more than one
word: a single word in capitals is as often an acronym), another script as listed, or after
a one-letter Arabic or Hebrew preposition joined to it ("بالقاهرة", "בחיפה"). The list
holds no names of the scripts written without spaces, which would be found inside words.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import regex
from presidio_analyzer import EntityRecognizer

from assistant.normalize import script_of
from assistant.privacy.recognizers.base import finding

PLACE_NAMES_FILE = Path(__file__).resolve().parents[1] / "data" / "place_names.txt"
WORD = regex.compile(r"[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*")
JOIN = regex.compile(r" |-")
PREPOSITIONS = frozenset("بلوفכבלמהו")
MAX_WORDS = 4
SCORE = 0.6


@cache
def place_names() -> frozenset[str]:
    """The shipped names, as listed."""
    lines = PLACE_NAMES_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(line for line in lines if line and not line.startswith("#"))


class PlaceNameRecognizer(EntityRecognizer):
    """Listed towns and cities of any script."""

    ENTITY = "LOCATION"

    def __init__(self, supported_language: str = "en"):
        super().__init__(supported_entities=[self.ENTITY], supported_language=supported_language)

    def load(self) -> None:
        """Nothing to load: the list is read on first use."""

    def analyze(self, text, entities, nlp_artifacts=None):
        words = [(m.start(), m.end()) for m in WORD.finditer(text)]
        results, index = [], 0
        while index < len(words):
            last = self._longest_name(text, words, index)
            if last is None:
                index += 1
                continue
            start, end = words[index][0], words[last][1]
            results.append(finding(self, self.ENTITY, start, end, SCORE, "a listed town or city"))
            index = last + 1
        return results

    def _longest_name(self, text: str, words, first: int) -> int | None:
        """The index of the last word of the longest listed name that starts at ``first``."""
        names = place_names()
        last = first
        while last + 1 < len(words) and last - first + 1 < MAX_WORDS and JOIN.fullmatch(
            text[words[last][1]:words[last + 1][0]]
        ):
            last += 1
        for end in range(last, first - 1, -1):
            if _listed(text[words[first][0]:words[end][1]], names):
                return end
        return None


@cache
def _capitalised(names: frozenset[str]) -> frozenset[str]:
    """The Latin names of several words, in capitals."""
    return frozenset(name.upper() for name in names if " " in name and script_of(name) == "LATIN")


def _listed(run: str, names: frozenset[str]) -> bool:
    if script_of(run) == "LATIN":
        return run in names or (" " in run and run.isupper() and run in _capitalised(names))
    if run in names:
        return True
    return run[0] in PREPOSITIONS and len(run) > 4 and run[1:] in names
