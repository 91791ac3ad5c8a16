"""Write the month names of every language Faker carries to the scrubber's data file:
``python -m tools.privacy_data.month_names`` (a maintainer step; the file ships in the repo).

The date recognizer reads them for dates written with another language's month word
("14 Agustus 2023", "3 listopad 2021"). Names are lower-cased, not case-folded (a Greek
final sigma stays one), and sorted.
"""

from __future__ import annotations

import importlib
import pkgutil

from assistant.privacy.recognizers.date import MONTH_NAMES_FILE

HEADER = "# Month names of the languages Faker carries: written by tools/privacy_data/month_names.py\n"


def month_names() -> list[str]:
    from faker.providers import date_time

    names = set()
    for module in pkgutil.iter_modules(date_time.__path__):
        provider = importlib.import_module(f"faker.providers.date_time.{module.name}").Provider
        names |= {name.lower() for name in (getattr(provider, "MONTH_NAMES", None) or {}).values()}
    return sorted(names)


def contents() -> str:
    return HEADER + "".join(f"{name}\n" for name in month_names())


def main() -> None:
    MONTH_NAMES_FILE.write_text(contents(), encoding="utf-8")
    print(f"wrote {MONTH_NAMES_FILE}")


if __name__ == "__main__":
    main()
