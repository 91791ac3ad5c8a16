"""Write the given names and surnames Faker carries in scripts other than Latin to the
scrubber's data file: ``python -m tools.privacy_data.script_names`` (a maintainer step; the
file ships in the repo).

The script-name recognizer reads them for names written in Cyrillic, Greek, Arabic, Hebrew,
Indic, Thai, Georgian, Armenian, Chinese, Japanese and Korean scripts. Each line is
``given`` or ``family``, a tab and the name; names of several words give each word (of at
least two letters, but for the one-character surnames of Chinese and Korean), as the
recognizer reads words; katakana readings are written in hiragana too. Sorted, no duplicates.
"""

from __future__ import annotations

from assistant.normalize import normalize, script_of
from assistant.privacy.recognizers.script_name import SCRIPT_NAMES_FILE, UNSPACED, WORD
from tools.privacy_data.words import faker_providers

HEADER = "# Names Faker carries in scripts other than Latin: written by tools/privacy_data/script_names.py\n"
KATAKANA_TO_HIRAGANA = {code: code - 0x60 for code in range(0x30A1, 0x30F7)}


def script_names() -> set[tuple[str, str]]:
    names = set()
    for provider in faker_providers("person"):
        for attribute in dir(provider):
            kind = "given" if attribute.startswith("first_") else "family" if attribute.startswith("last_") else None
            if kind is None or not attribute.endswith("names") or "romanized" in attribute:
                continue
            values = getattr(provider, attribute)
            for name in values if isinstance(values, (list, tuple, dict)) else ():
                for word in _words(str(name)):
                    script = script_of(word)
                    if script not in (None, "LATIN") and (len(word) > 1 or script in UNSPACED):
                        names.add((kind, word))
                        names.add((kind, word.translate(KATAKANA_TO_HIRAGANA)))
    return names


def _words(name: str) -> list[str]:
    """The words of a name as the recognizer reads them: normalised as the scrubber reads
    text, split at spaces, hyphens and brackets ("Гоголь-Яновська"); a word with an
    apostrophe (a Hebrew geresh, "ג'בארין") is left out, as it reads as two fragments."""
    return [word for part in name.split() if "'" not in part and "’" not in part
            for word in WORD.findall(normalize(part).text)]


def contents() -> str:
    return HEADER + "".join(f"{kind}\t{name}\n" for kind, name in sorted(script_names()))


def main() -> None:
    SCRIPT_NAMES_FILE.write_text(contents(), encoding="utf-8")
    print(f"wrote {SCRIPT_NAMES_FILE}")


if __name__ == "__main__":
    main()
