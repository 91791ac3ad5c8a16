"""The town written beside a postcode: on an envelope the word next to one names a place.

"…, 87501 Bergzabern", "1016 JE Amsterdam", "MANCHESTER M19 2LL", "Uppsala 752 31",
"…, Hamilton 3204", "Gaya - 836954": the postcode shapes are those of ``postal_code``.
"""

from __future__ import annotations

from assistant.privacy.recognizers.base import Pattern, RegexRecognizer
from assistant.privacy.recognizers.postal_code import (
    CANADA, DUTCH, ENVELOPE_START, NUMBER, PLACE, SEPARATED, UK, YEAR,
)

JOINER = r"(?:[ \t-]+(?:im|am|an|der|de|del|la|le|les|sur|sous|en|do|da|dos|das|di)[ \t-]+|[ \t-]+)"
TOWN = rf"{PLACE}(?:{JOINER}{PLACE}){{0,3}}"


class PostcodePlaceRecognizer(RegexRecognizer):
    """A capitalised town name right after or right before a postcode (scored above spaCy's
    guesses: beside a postcode a word names a place, whatever it would name alone)."""

    ENTITY = "LOCATION"
    PATTERNS = [
        Pattern("town after a postcode",
                rf"{ENVELOPE_START}(?:{DUTCH}|{NUMBER})[ \t]+(?P<phi>{TOWN})", 0.9),
        Pattern("town before a uk or canadian postcode",
                rf"(?P<phi>{TOWN}),?[ \t]+(?:(?-i:[A-Z]{{2}})[ \t]+)?(?:{UK}|{CANADA})\b", 0.9),
        Pattern("town before a separated postcode",
                rf"(?P<phi>{TOWN}),?[ \t]+{SEPARATED}\b(?![\s-]?\d)", 0.9),
        Pattern("town in an address line before its postcode",
                rf"(?<=,[ \t]*)(?P<phi>{TOWN})[ \t]+(?:(?-i:[A-Z]{{2,3}})[ \t]+)?"
                rf"(?!{YEAR})\d{{4,6}}\b(?![\s.,-]?\d)", 0.9),
        Pattern("town before a six-digit pin", rf"(?P<phi>{TOWN})[ \t][-–][ \t]\d{{6}}\b", 0.9),
    ]
    CONTEXT = ["address", "postcode", "postal", "zip"]
