"""Country names in every language the phone-number library carries. Safe Harbor keeps
geography at state level and above, so a place found that is only a country's name
("México", "Deutschland", "Brasil") is no identifier."""

from __future__ import annotations

from functools import cache


@cache
def country_names() -> frozenset[str]:
    """Every country and territory name phonenumbers knows, case-folded, in all its
    languages (about 3,600 names of 250 places)."""
    from phonenumbers.geodata.locale import LOCALE_DATA

    return frozenset(
        name.casefold()
        for by_language in LOCALE_DATA.values()
        for name in by_language.values()
        if not name.startswith("*")  # "*aa": the same as language aa's name
    )
