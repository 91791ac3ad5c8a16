"""A street line found by where it stands on an envelope, whatever the country's street words.

The street recognizer knows streets by their type words ("Calle", "-katu", "Road"); many
addresses have none ("Vončinina 536", "3-1-8 Kitahama", "H.No. 770", "28, LALL ZILA") or add
parts it cannot read ("ulica Piotrkowska 112 mieszkanie 4", "Kastanienallee 5, Hinterhaus,
2. Etage links"). Where the text itself says "this is an address", the line holding a house
number is taken whole:

- before a postcode and its town ("…, 10435 Berlin") or a town and its postcode;
- on the line above a postcode line;
- after an address label ("Anschrift:", "Osoite:", "Home address on file:");
- after a verb of living or sending ("lives at 17 Ellery Close", "ships to Holmgropa 6").
"""

from __future__ import annotations

from assistant.privacy.recognizers.base import Pattern, RegexRecognizer, UPPER
from assistant.privacy.recognizers.postal_code import CANADA, NUMBER, PLACE, PLACES, UK, YEAR

# A part of an address line: up to the next comma, semicolon, bracket or line end.
PART = r"[^\n,;()]"
# The first part holds the house number ("Vončinina 536", "H.No. 770", "3-1-8 Kitahama");
# up to two further parts may follow ("…, Hinterhaus, 2. Etage links"). It starts with a
# capital or a digit, so a sentence that leads up to the address is not taken with it.
STREET_LINE = (
    rf"(?=[^\n,;:()]*\d)(?:{UPPER}|\d)"
    rf"{PART}{{1,50}}?(?:,[ \t]*(?![ \t]){PART}{{1,30}}?){{0,2}}"
)
# A postcode, then its town: ", 10435 Berlin", ", SW1A 1AA London", ", D-10115 Berlin",
# ", 266908 XIAMEN".
POSTCODE = rf"(?:{NUMBER}|\d{{6}}|{UK}|{CANADA})"
POSTCODE_THEN_TOWN = rf",[ \t]*(?:(?-i:[A-Z]{{1,3}})-)?{POSTCODE}[ \t]+{PLACE}"
# A town, then its postcode: ", Tschars 47861", ", Fitzroy VIC 3065".
TOWN_THEN_POSTCODE = rf",[ \t]*{PLACES}[ \t]+(?:(?-i:[A-Z]{{2,3}})[ \t]+)?(?!{YEAR})\d{{4,6}}\b"
LINE_START = r"(?:(?<=^[ \t]*)|(?<=[:(,][ \t]*)|(?<=\b(?:at|to|from)[ \t]+))"
LABEL = (
    r"(?:address|addr|adresse|adres|adresa|adres[ăa]|adresi|direcci[óo]n|domicilio|indirizzo"
    r"|endere[çc]o|morada|anschrift|osoite|adress|c[íi]m|lakc[íi]m)"
)
# After a label: a lone house number and the part after it ("28, LALL ZILA"), or one part
# holding a number.
LABELLED_VALUE = rf"(?:\d{{1,5}}[a-z]?,[ \t]*{PART}{{3,40}}|(?=[^\n,;()]*\d){PART}{{3,50}})"
MOVING = (
    r"(?:liv(?:es|e|ing)|resid(?:es|e|ing)|moved|moving|relocated|ship(?:s|ped|ping)?"
    r"(?:[ \t]+today)?|sen[dt]|deliver(?:ed|y)?|mail(?:ed)?|forward(?:ed)?|collect(?:ed)?"
    r"(?:[ \t]+it)?)"
)
WORD = rf"{UPPER}[\p{{L}}'’.-]*"
# After such a verb: a number and capitalised words, or capitalised words and a number.
MOVED_VALUE = (
    rf"(?:\d{{1,5}}[a-z]?[ \t]+{WORD}(?:[ \t]+{WORD}){{0,3}}"
    rf"|{WORD}(?:[ \t]+{WORD}){{0,2}}[ \t]+\d{{1,5}}[a-z]?)\b"
)


class AddressLineRecognizer(RegexRecognizer):
    """The street line of an address, found by its place: before a postcode and town, above a
    postcode line, after an address label or a verb of living or sending."""

    ENTITY = "ADDRESS"
    PATTERNS = [
        Pattern("street line before a postcode and town",
                rf"{LINE_START}(?P<phi>{STREET_LINE})(?={POSTCODE_THEN_TOWN})", 0.6),
        Pattern("street line before a town and postcode",
                rf"{LINE_START}(?P<phi>{STREET_LINE})(?={TOWN_THEN_POSTCODE})", 0.6),
        Pattern("street line above a postcode line",
                rf"(?<=^[ \t]*)(?P<phi>(?=[^\n:]*\d)[^\n:]{{4,60}}?)[ \t]*"
                rf"(?=\n[ \t]*(?:{POSTCODE}[ \t]+(?-i:\p{{Lu}})"
                rf"|{PLACES}[ \t]+(?:(?-i:[A-Z]{{2,3}})[ \t]+)?(?!{YEAR})\d{{4,6}}\b))", 0.6),
        Pattern("after an address label",
                rf"(?<=\b{LABEL}\b[^\n:.]{{0,25}}:[ \t]*)(?P<phi>{LABELLED_VALUE})", 0.6),
        Pattern("after a verb of living or sending",
                rf"(?<=\b{MOVING}[ \t]+(?:at|to|from)[ \t]+)(?P<phi>{MOVED_VALUE})", 0.6),
    ]
    CONTEXT = ["address", "lives", "moved", "street", "mail", "send", "home"]

    def invalidate_result(self, pattern_text: str) -> bool:
        """A line of numbers alone is a phone, a date or an ID, not a street."""
        return not any(ch.isalpha() for ch in pattern_text)
