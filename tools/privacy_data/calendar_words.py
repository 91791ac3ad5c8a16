"""Write the month and weekday names of the languages our clients write in to the
scrubber's data file: ``python -m tools.privacy_data.calendar_words`` (a maintainer step;
the file ships in the repo).

The date recognizer reads them for dates written in another language ("27 януари 2020 г.",
"Minggu, 13 Agustus", "2024. január 18."). The names come from the Unicode CLDR (through
Babel: the wide and abbreviated forms, as a date writes them and as they stand alone, which
gives the Slavic genitives, "березня") for the languages Faker carries and those listed
below, and from Faker's own month names. Lines are ``month`` or ``weekday``, a tab and the
name, lower-cased and normalised as the scrubber reads text, without a closing dot; a
Latin name is also written without its accents, as people type it ("fevrier").

Left out: abbreviations of fewer than three letters, names with a digit ("M01", "3月": the
recognizer reads figures itself), and abbreviations that are words of the bundled MiniLM's
vocabulary, which is mostly English ("ago", "set", "ann"), but for English's own: a number
before such a word would make it a date ("a month or 2 ago").
"""

from __future__ import annotations

import unicodedata

from assistant.normalize import normalize, script_of
from assistant.calendar_words import CALENDAR_WORDS_FILE
from tools.privacy_data.words import faker_providers, minilm_vocabulary

HEADER = "# Month and weekday names (CLDR via Babel, and Faker): written by tools/privacy_data/calendar_words.py\n"
# Languages of clients and their families beyond those Faker carries.
EXTRA_LANGUAGES = (
    "af", "as", "be", "ca", "ckb", "cy", "eu", "gl", "jv", "kk", "km", "kn", "ky", "lo", "mn",
    "ms", "my", "ml", "nb", "nn", "om", "pa", "ps", "rw", "so", "te", "ti", "tk", "ur", "xh",
)
# English's own abbreviations stay, though they are words of the vocabulary.
ENGLISH_ABBREVIATIONS = {
    "month": frozenset("jan feb mar apr jun jul aug sep sept oct nov dec".split()),
    "weekday": frozenset("mon tue tues wed thu thur thurs fri sat sun".split()),
}


def languages() -> list[str]:
    from faker.config import AVAILABLE_LOCALES

    return sorted({locale.split("_")[0] for locale in AVAILABLE_LOCALES} | set(EXTRA_LANGUAGES))


def calendar_words() -> set[tuple[str, str]]:
    from babel import Locale, UnknownLocaleError

    vocabulary = minilm_vocabulary()
    words = {("month", name) for name in _faker_months()}
    for language in languages():
        try:
            locale = Locale.parse(language)
        except (UnknownLocaleError, ValueError):
            continue
        for kind, table in (("month", locale.months), ("weekday", locale.days)):
            for context in ("format", "stand-alone"):
                for width in ("wide", "abbreviated"):
                    for name in table.get(context, {}).get(width, {}).values():
                        words.add((kind, name) if width == "wide" else (kind, name, "short"))
    cleaned = {entry for entry in (_cleaned(entry, vocabulary) for entry in words) if entry}
    return cleaned | {(kind, _unaccented(name)) for kind, name in cleaned if script_of(name) == "LATIN"}


def _unaccented(name: str) -> str:
    """The name as written without its accents ("fevrier", "marz")."""
    return "".join(ch for ch in unicodedata.normalize("NFD", name) if not unicodedata.combining(ch))


def _faker_months() -> set[str]:
    return {name for provider in faker_providers("date_time")
            for name in (getattr(provider, "MONTH_NAMES", None) or {}).values()}


def _cleaned(entry: tuple, vocabulary: frozenset[str]) -> tuple[str, str] | None:
    """(kind, name) as the recognizer reads it, or None when the name is left out."""
    kind, name = entry[0], normalize(entry[1]).text.lower().strip().rstrip(".")
    letters = sum(ch.isalpha() for ch in name)
    short = len(entry) == 3
    if not name or any(ch.isdigit() for ch in name) or letters < 2:
        return None
    english_word = name in vocabulary and name not in ENGLISH_ABBREVIATIONS[kind]
    if short and (letters < 3 and script_of(name) == "LATIN" or english_word):
        return None
    return kind, name


def contents() -> str:
    return HEADER + "".join(f"{kind}\t{name}\n" for kind, name in sorted(calendar_words()))


def main() -> None:
    CALENDAR_WORDS_FILE.write_text(contents(), encoding="utf-8")
    print(f"wrote {CALENDAR_WORDS_FILE}")


if __name__ == "__main__":
    main()
