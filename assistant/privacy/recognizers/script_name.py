"""Names written in scripts other than Latin, from the names Faker carries for them.

spaCy's English model and the tagger read few of them. A word of Cyrillic, Greek, Arabic,
Hebrew, Indic, Thai, Georgian or Armenian script that is a listed given name or surname
starts a name; the words of the same script beside it join when they are listed too, link
Arabic or Hebrew names ("بن", "בן"), read as a family name (an Arabic "ال…ي", a Russian
"-ов", a Greek "-όπουλος"), or are a capitalised word right after a given name. A Russian
or Ukrainian name in another grammatical case ("Ирины") and a patronymic ("Сергеевны")
count; in a cased script a name is capitalised, and in the others a name that starts one has
three letters or more (Hebrew "אל" is also "to").

Chinese, Japanese and Korean write no spaces, so only a run that stands alone counts: a
listed name, or a listed surname and a given name ("陈静怡", "김민지님"), perhaps with an
honorific ("藤原先生"); a short word after a listed surname is its given name ("佐々木 美智子").
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import regex
from presidio_analyzer import EntityRecognizer

from assistant.normalize import script_of
from assistant.privacy.recognizers.base import finding

SCRIPT_NAMES_FILE = Path(__file__).resolve().parents[1] / "data" / "script_names.txt"
WORD = regex.compile(r"[\p{L}\p{M}]+")
_JOIN = regex.compile(r"[ \t]|[ \t]?-[ \t]?")
CASED = frozenset({"CYRILLIC", "GREEK", "ARMENIAN"})
UNSPACED = frozenset({"CJK", "HANGUL"})
LINKS = frozenset({"بن", "بنت", "ابن", "أبو", "ابو", "عبد", "آل", "בן", "בת"})
FAMILY_SHAPES = {
    "CYRILLIC": regex.compile(
        r"\p{Lu}\p{Ll}+(?:ов|ев|ёв|ин|ын|ск|цк|енк|чук|юк|ук|ишвили|ян)"
        r"(?:а|ий|ая|ой|ому|ого|у|ым|е|ых|о)?"
    ),
    "GREEK": regex.compile(r"\p{Lu}\p{Ll}+(?:όπουλ|ίδ|άκ|ίτ|ίου|άτ)\p{Ll}*"),
    "ARABIC": regex.compile(r"ال\p{L}+ي"),
}
PATRONYMIC = regex.compile(
    r"\p{Lu}\p{Ll}+(?:ович|евич|ьич|ич|овн|евн|ичн|івн|ївн)(?:а|у|ем|е|ы|ой|ом|і)?"
)
CYRILLIC_ENDINGS = (
    "", "а", "я", "ы", "и", "е", "у", "ю", "ой", "ей", "ою", "ею", "ом", "ем", "ым", "им", "ого",
    "ему", "ому",
)
HANGUL_SUFFIXES = (
    "", "님", "씨", "가", "이", "은", "는", "을", "를", "의", "에게", "한테", "와", "과", "도",
)
# Japanese and Chinese honorifics written onto a name ("健太くん", "藤原先生", "林女士").
HONORIFICS = ("", "さん", "くん", "君", "ちゃん", "様", "さま", "先生", "氏", "女士", "小姐")
SCORE = 0.85
MAX_WORDS = 5


@cache
def script_names() -> tuple[frozenset[str], frozenset[str]]:
    """(given names, surnames) of the shipped list, case-folded."""
    given, family = set(), set()
    for line in SCRIPT_NAMES_FILE.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            kind, name = line.split("\t")
            (given if kind == "given" else family).add(name.casefold())
    return frozenset(given), frozenset(family)


@cache
def _cyrillic_stems() -> frozenset[str]:
    """Listed Cyrillic names without a closing vowel or soft sign, for other cases."""
    given, family = script_names()
    return frozenset(
        name[:-1] if name[-1] in "аяйьое" else name
        for name in given | family
        if script_of(name) == "CYRILLIC" and len(name) > 3
    )


class ScriptNameRecognizer(EntityRecognizer):
    """Listed names of scripts other than Latin, with the words that complete them."""

    ENTITY = "PERSON"

    def __init__(self, supported_language: str = "en"):
        super().__init__(supported_entities=[self.ENTITY], supported_language=supported_language)

    def load(self) -> None:
        """Nothing to load: the list is read on first use."""

    def analyze(self, text, entities, nlp_artifacts=None):
        words = [(m.start(), m.end(), m.group(), script_of(m.group())) for m in WORD.finditer(text)]
        results, index = [], 0
        while index < len(words):
            start, end, word, script = words[index]
            if script in (None, "LATIN") or not self._starts_name(text, start, end, word, script):
                index += 1
                continue
            first = last = index
            while first > max(0, index - MAX_WORDS) and self._joins(
                text, words, first - 1, first, before=True
            ):
                first -= 1
            while last + 1 < len(words) and last - first < MAX_WORDS and self._joins(
                text, words, last, last + 1
            ):
                last += 1
            while words[first][2] in LINKS:
                first += 1
            while words[last][2] in LINKS:
                last -= 1
            results.append(finding(self, self.ENTITY, words[first][0], words[last][1], SCORE,
                                   f"a listed {script.lower()} name"))
            index = last + 1
        return results

    def _starts_name(self, text: str, start: int, end: int, word: str, script: str) -> bool:
        if script in UNSPACED or script == "KANA":
            return _alone(text, start, end) and _unspaced_name(word, script)
        if (script in CASED and not word[0].isupper()) or (script not in CASED and len(word) < 3):
            return False
        return _listed(word, script) or (script == "CYRILLIC" and PATRONYMIC.fullmatch(word) is not None)

    def _joins(self, text: str, words, left: int, right: int, before: bool = False) -> bool:
        """Whether ``words[left]`` and ``words[right]`` are parts of one name (the new word is
        the left one when ``before``)."""
        l_start, l_end, l_word, l_script = words[left]
        r_start, r_end, r_word, r_script = words[right]
        if l_script != r_script or not _JOIN.fullmatch(text[l_end:r_start]):
            return False
        word, script = (l_word, l_script) if before else (r_word, r_script)
        if word in LINKS:
            return True
        if script in CASED and not word[0].isupper():
            return False
        if _listed(word, script) or (script == "CYRILLIC" and PATRONYMIC.fullmatch(word)):
            return True
        shape = FAMILY_SHAPES.get(script)
        if shape is not None and shape.fullmatch(word):
            return True
        given, family = script_names()
        if script in UNSPACED or script == "KANA":  # a given name after a listed surname
            return not before and l_word in family and len(r_word) <= 3
        return not before and script in CASED and l_word.casefold() in given


def _listed(word: str, script: str) -> bool:
    given, family = script_names()
    folded = word.casefold()
    if folded in given or folded in family:
        return True
    if script != "CYRILLIC":
        return False
    stems = _cyrillic_stems()
    return any(
        folded.endswith(ending) and folded[: len(folded) - len(ending)] in stems
        for ending in CYRILLIC_ENDINGS
        if len(folded) - len(ending) > 2
    )


def _alone(text: str, start: int, end: int) -> bool:
    """Whether the run is set apart from other letters by spaces, punctuation or digits."""
    return not (start > 0 and text[start - 1].isalpha()) and not (end < len(text) and text[end].isalpha())


def _unspaced_name(word: str, script: str) -> bool:
    given, family = script_names()
    if script == "HANGUL":
        return any(
            word.endswith(suffix) and _surname_and_given(word[: len(word) - len(suffix)], given, family)
            for suffix in HANGUL_SUFFIXES
        )
    for suffix in HONORIFICS:
        core = word[: len(word) - len(suffix)] if suffix else word
        if not core or not word.endswith(suffix):
            continue
        if (core in given or core in family) and (len(core) > 1 or suffix):
            return True
        if 2 <= len(core) <= 4 and _surname_and_given(core, given, family, chinese=script == "CJK"):
            return True
    return False


def _surname_and_given(word: str, given, family, chinese: bool = False) -> bool:
    """A listed surname of one or two characters, then a listed given name (or, in Chinese,
    a listed surname and any two characters)."""
    for cut in (1, 2):
        rest = word[cut:]
        if word[:cut] in family and rest and (rest in given or (chinese and len(word) == 3)):
            return True
    return False
