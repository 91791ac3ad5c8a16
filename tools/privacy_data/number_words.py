"""Write the numbers from zero to 999 as words, in the languages our clients write in, to
the scrubber's data file: ``python -m tools.privacy_data.number_words`` (a maintainer step;
the file ships in the repo).

The normaliser reads them to see a phone or an ID number said in words ("zéro six,
quarante-deux, dix-huit", "sıfır beş yüz otuz iki", "nul zes, vierenveertig"). The words come
from num2words; each line is a number's words written together without case, accents,
spaces or hyphens (as ``assistant.spoken_numbers.compact`` reads a phrase), a tab and its
digits, so "kırk iki" and "kırkiki", "quarante deux" and "quarante-deux" read alike.

The days of a month are also there as ordinals ("ninth", "dreißigster"), written with a
closing dot ("9."): the normaliser reads them only beside a month's name.

Left out: forms that are words of the bundled MiniLM's vocabulary, which is mostly English
("on" is ten in Turkish, "hat" six in Hungarian), but for English's own numbers and the digit
words people say in phone numbers (``SPOKEN_DIGITS``: "oh", "otto", "sex", "to").
Chinese, Japanese and Korean numerals are read character by character in the code instead.
"""

from __future__ import annotations

from assistant.spoken_numbers import NUMBER_WORDS_FILE, compact
from functools import lru_cache

from tools.privacy_data.words import minilm_vocabulary

HEADER = "# Numbers 0-999 in words (num2words): written by tools/privacy_data/number_words.py\n"
LANGUAGES = (
    "ar", "ca", "cs", "da", "de", "en", "es", "fa", "fi", "fr", "he", "hu", "id", "is", "it",
    "lt", "lv", "nl", "no", "pl", "pt", "ro", "ru", "sk", "sl", "sr", "sv", "tr", "uk", "vi",
)
ORDINAL_LANGUAGES = ("da", "de", "en", "es", "fi", "fr", "hu", "it", "nl", "no", "pl", "pt", "ru", "sv", "tr", "uk")
# Digits as people say them in a phone number, beyond num2words' forms: the feminine and
# short forms, "oh" for zero, and digit words that are also English words.
SPOKEN_DIGITS = {
    "0": ("zero", "oh", "cero", "zéro", "null", "nul", "noll", "sıfır", "nol"),
    "1": ("one", "uno", "un", "une", "eins", "um", "uma", "een", "en", "ett", "jeden", "bir",
          "satu", "jedna", "одна", "один"),
    "2": ("two", "dos", "deux", "zwei", "dois", "duas", "due", "twee", "två", "to", "dwa", "dwie",
          "iki", "dua", "две", "дві"),
    "3": ("three", "tres", "trois", "drei", "três", "tre", "drie", "trzy", "üç", "tiga"),
    "4": ("four", "cuatro", "quatre", "vier", "quatro", "quattro", "fyra", "fire", "cztery",
          "dört", "empat"),
    "5": ("five", "cinco", "cinq", "fünf", "fuenf", "cinque", "vijf", "fem", "pięć", "beş", "lima"),
    "6": ("six", "seis", "sechs", "sei", "zes", "sex", "seks", "sześć", "altı", "enam", "meia"),
    "7": ("seven", "siete", "sept", "sieben", "sete", "sette", "zeven", "sju", "syv", "siedem",
          "yedi", "tujuh"),
    "8": ("eight", "ocho", "huit", "acht", "oito", "otto", "åtta", "åtte", "otte", "osiem",
          "sekiz", "delapan"),
    "9": ("nine", "nueve", "neuf", "neun", "nove", "negen", "nio", "ni", "dziewięć", "dokuz",
          "sembilan"),
}


@lru_cache(maxsize=1)
def number_words() -> dict[str, str]:
    """Each number's compact words and its digits."""
    from num2words import num2words

    vocabulary = minilm_vocabulary()
    english = {compact(num2words(n, lang="en")) for n in range(1000)}
    words = {compact(word): digit for digit, forms in SPOKEN_DIGITS.items() for word in forms}
    for language in LANGUAGES:
        for number in range(1000):
            written = num2words(number, lang=language)
            forms = {written, written.replace(" and ", " ")} if language == "en" else {written}
            for form in forms:
                word = compact(form)
                if word not in words and (word in english or word not in vocabulary):
                    words[word] = str(number)
    return words


def day_ordinals() -> dict[str, str]:
    """The ordinals of the days of a month, as a date says them ("ninth", "dreißigster",
    "двадцать третьего"), each to its day and a closing dot."""
    from num2words import num2words

    words = {}
    for language in ORDINAL_LANGUAGES:
        for day in range(1, 32):
            written = num2words(day, lang=language, to="ordinal")
            for form in (written, *_inflected(written, language)):
                words.setdefault(compact(form), f"{day}.")
    return words


def _inflected(ordinal: str, language: str) -> list[str]:
    """The forms a date gives an ordinal: German endings, the Slavic genitive."""
    if language == "de":
        return [ordinal + ending for ending in "rnsm"]
    endings = {"ru": (("тий", "тьего"), ("ый", "ого"), ("ий", "его"), ("ой", "ого")),
               "uk": (("ій", "ього"), ("ий", "ого")), "pl": (("y", "ego"), ("i", "iego"))}.get(language, ())
    return [" ".join(_swap_ending(word, endings) for word in ordinal.split())] if endings else []


def _swap_ending(word: str, endings: tuple[tuple[str, str], ...]) -> str:
    for old, new in endings:
        if word.endswith(old):
            return word[: -len(old)] + new
    return word


def contents() -> str:
    ordinals = {word: day for word, day in day_ordinals().items() if word not in number_words()}
    lines = sorted({**number_words(), **ordinals}.items())
    return HEADER + "".join(f"{word}\t{digits}\n" for word, digits in lines)


def main() -> None:
    NUMBER_WORDS_FILE.write_text(contents(), encoding="utf-8")
    print(f"wrote {NUMBER_WORDS_FILE}")


if __name__ == "__main__":
    main()
