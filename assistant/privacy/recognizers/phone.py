"""Phone and fax numbers in US and international formats, including extensions."""

from __future__ import annotations

import re

from presidio_analyzer import Pattern

from assistant.privacy.recognizers.base import RegexRecognizer, digits

EXTENSION = r"(?:\s*(?:x|ext\.?|extension)\s*\d{1,5})?"
# Local numbers of many countries: groups of digits ("612 448 903", "(41) 652-118", "8341 2276").
GROUPED = (
    r"(?<![\w+/.,:-])(?:\(\d{1,4}\)\s?|\d{2,5}[\s.-])(?:\d{2,5}[\s.-]){0,3}\d{2,6}"
    r"(?![\w/:-]|[.,]\d)"
)
CONTACT_WORDS = (
    r"call(?:ed|ing|s)?|text(?:ed|ing|s)?|ring|phone|cell|mobile|tel|fax|whatsapp|number"
    r"|reach|contact|dial(?:led)?|landline|m[oó]vil|tel[eé]fono|t[ée]l[ée]phone|handy|puhelin"
)
_EXTENSION_TAIL = re.compile(r"\s*(?:x|ext\.?|extension)\s*\d{1,5}$", re.IGNORECASE)


class PhoneNumberRecognizer(RegexRecognizer):
    """Digit groups shaped like a phone number; validated by their digit count."""

    ENTITY = "PHONE"
    PATTERNS = [
        Pattern(
            "us",
            r"(?<![\w+-])(?:(?:\+?1|001)[\s.-]?)?(?:\(\d{3}\)\s?|\d{3}[\s.-])\d{3}[\s.-]\d{4}(?!\d)"
            + EXTENSION,
            0.7,
        ),
        Pattern(
            "international",
            r"(?<![\w+])\+\d{1,3}[\s.-]?(?:\(0?\d{1,4}\)|\d{1,5})(?:[\s.-]?\d{2,5}){1,4}(?!\d)" + EXTENSION,
            0.7,
        ),
        Pattern(
            "trunk prefix",
            r"(?<![\w+-])\(?0\d{2,4}\)?[\s-]?\d{3,5}(?:[\s-]?\d{3,4})?(?!\d)" + EXTENSION,
            0.5,
        ),
        Pattern("us unseparated", r"(?<![\w-])(?:1)?[2-9]\d{2}[2-9]\d{6}(?!\d)" + EXTENSION, 0.3),
        # Below the scrub threshold unless a contact word stands near.
        Pattern("grouped digits", GROUPED + EXTENSION, 0.3),
        # Presidio's context words skip stop words, and spaCy counts "call" as one.
        Pattern(
            "grouped digits after a contact word",
            rf"\b(?:{CONTACT_WORDS})\b[^\d\n]{{0,25}}?(?P<phi>{GROUPED}{EXTENSION})",
            0.6,
        ),
    ]
    CONTEXT = ["phone", "call", "cell", "mobile", "text", "fax", "tel", "contact", "number",
               "reach", "voicemail", "pager", "paged", "ring", "whatsapp", "landline", "telephone",
               "móvil", "teléfono", "tél", "téléphone", "handy", "telefon", "puhelin"]

    def invalidate_result(self, pattern_text: str) -> bool:
        # Years side by side ("2019 2020"), and digit groups too short to dial.
        groups = re.findall(r"\d+", _EXTENSION_TAIL.sub("", pattern_text))
        years = all(len(g) == 4 and g[:2] in ("19", "20") for g in groups)
        return years or max(len(g) for g in groups) < 3

    def validate_result(self, pattern_text: str) -> bool | None:
        number = digits(_EXTENSION_TAIL.sub("", pattern_text))
        if number.startswith("0") and not number.startswith("00"):
            return None if 9 <= len(number) <= 12 else False
        return None if 7 <= len(number) <= 15 else False
