"""Postal codes of any country: by their own shape, by their place on an envelope, or by label.

Bare digits are ambiguous ("4120" is also a count), so a number counts as a postcode only
where an address puts one: after a comma or at the start of a line and before a place name
("…, 28267 Labbé", "D-10115 Berlin"), or after a place name when it has a postcode's inner
separator ("Uppsala 752 31", "Lisboa 1100-148"). The UK, Canadian and Dutch shapes, which
mix letters and digits, are postcodes on their own; any shape is one after a label.
"""

from __future__ import annotations

from assistant.privacy.recognizers.base import Pattern, RegexRecognizer

UK = r"(?-i:[A-Z]{1,2}\d[A-Z\d]?\s?\d[ABD-HJLNP-UW-Z]{2})"
CANADA = r"(?-i:[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z]\s?\d[ABCEGHJ-NPRSTV-Z]\d)"
IRELAND = r"(?-i:[AC-FHKNPRTV-Y]\d{2}|D6W)\s?(?-i:(?=[\dA-Z]*[A-Z])(?=[\dA-Z]*\d)[\dAC-FHKNPRTV-Y]{4})"
# Four digits and two letters, but not a year with an era or a unit ("1990 BC", "2000 MG").
DUTCH = r"\d{4}\s?(?-i:(?!AD|BC|AM|PM|CE|MG|ML|KG|CM|MM|KM|GB|MB|HZ)[A-Z]{2})"
PLACE = r"(?-i:\p{Lu}[\p{L}'’./-]+)"
PLACES = rf"{PLACE}(?:[ \t]+{PLACE}){{0,2}}"
YEAR = r"(?:19|20)\d\d\b"
# A plain number shape on an envelope: five or four digits (not a year), or digits around a
# space or hyphen (Swedish, Polish, Portuguese, Brazilian, Japanese, ZIP+4).
NUMBER = (
    rf"(?:\d{{5}}(?:-\d{{3,4}})?|(?!{YEAR})\d{{4}}|\d{{3}}\s\d{{2}}|\d{{2}}-\d{{3}}|\d{{4}}-\d{{3}}"
    r"|\d{3}-\d{4})"
)
# Where an envelope's postcode line starts: after a comma, at a line's start, or after a
# country prefix ("D-10115").
ENVELOPE_START = r"(?:(?<=,[ \t]{0,2})|(?<=^[ \t]*)|(?<=\b(?-i:[A-Z]{1,3})-))"
SEPARATED = r"(?:\d{3}\s\d{2}|\d{2}-\d{3}|\d{4}-\d{3}|\d{5}-\d{3})"
LABEL = (
    r"(?:post(?:al)?\s*code|post\s+code|zip(?:\s*code)?|plz|cep|c[óo]digo\s+postal"
    r"|code\s+postal|postnummer|postinumero|postnr|ir[áa]ny[íi]t[óo]sz[áa]m|kod\s+pocztowy"
    r"|pin\s*code|(?-i:CP|C\.P\.))"
)


class PostalCodeRecognizer(RegexRecognizer):
    """A postcode shown by its shape, its place after a comma and before a town, or a label."""

    ENTITY = "ZIP"
    PATTERNS = [
        Pattern("uk, canada, ireland", rf"\b(?:{UK}|{CANADA}|{IRELAND})\b", 0.6),
        Pattern("dutch before a place", rf"\b{DUTCH}(?=\s+{PLACE})", 0.6),
        Pattern(
            "number before a place",
            rf"{ENVELOPE_START}(?P<phi>{NUMBER})(?=[ \t]+{PLACE})",
            0.6,
        ),
        Pattern("separated number after a place",
                rf"(?<={PLACE},?\s)(?P<phi>{SEPARATED})\b(?![\s-]?\d)", 0.6),
        # The town after a comma, then its postcode: "…, Hamilton 3204", "…, Footscray VIC 3011".
        Pattern("number after a town in an address line",
                rf"(?<=,[ \t]*{PLACES}[ \t]+(?:(?-i:[A-Z]{{2,3}})[ \t]+)?)"
                rf"(?P<phi>(?!{YEAR})\d{{4,6}}|\d{{3}}-\d{{4}})\b(?![\s.,-]?\d)", 0.6),
        Pattern("six-digit pin after a town", r"(?<=\p{L}[ \t][-–][ \t])(?P<phi>\d{6})\b(?![\s-]?\d)",
                0.6),
        Pattern("labelled",
                rf"\b{LABEL}\s*(?:is\s+)?[:#]?\s*(?P<phi>{UK}|{CANADA}|{IRELAND}|{DUTCH}"
                rf"|\d{{2,6}}(?:[\s-]\d{{2,4}})?)\b",
                0.85),
    ]
    CONTEXT = ["postcode", "postal", "zip", "address"]
