"""Phone and fax numbers in US and international formats, including extensions."""

from __future__ import annotations

import re

from assistant.privacy.recognizers.base import Pattern, RegexRecognizer, digits

EXTENSION = r"(?:\s*(?:x|ext\.?|extension|poste|durchwahl|anexo|interno)\s*\d{1,5})?"
# Local numbers of many countries: groups of digits ("612 448 903", "(41) 652-118", "8341 2276").
GROUPED = (
    r"(?<![\w+/.,:-])(?:\(\d{1,4}\)\s?|\d{2,5}[\s.-])(?:\d{2,5}[\s.-]){0,3}\d{2,6}"
    r"(?![\w/:-]|[.,]\d)"
)
# Near a contact word a number may be written any way: unbroken ("98001950"), with slashes,
# dots, bullets or tildes between its groups ("26/628-9769", "503 • 555 • 0173"), or with
# its country code in brackets ("(+358) 732676665").
SEPARATOR = r"(?:\s?[·•~]\s?|[\s./-])"
LOOSE = (
    r"(?<![\w+/.,:-])(?!\d{1,2}/\d{1,2}/\d{2,4}\b)(?:\(\+?\d{1,4}\)" + SEPARATOR + r"?|\+?\d{2,5}"
    + SEPARATOR + r")(?:\d{2,5}" + SEPARATOR + r"){0,3}\d{2,10}(?![\w/:-]|[.,]\d)"
    r"|(?<![\w+/.,:-])\+?\d{7,13}(?![\w/:-]|[.,]\d)"
)
# Counts after a contact word are not numbers to dial ("texted 1000000 times").
_NOT_A_COUNT = r"(?!\s+(?:times|people|messages|texts|calls|followers|views|likes|steps))"
CONTACT_WORDS = (
    r"call(?:ed|ing|s)?|text(?:ed|ing|s)?|ring|phone|cell|mobile|tel|fax|whatsapp|number"
    r"|reach|contact|dial(?:led)?|landline|m[oó]vil|tel[eé]fono|t[ée]l[ée]phone|handy|puhelin"
    r"|answers?|sms|voicemail|hotline|helpline"
)
_EXTENSION_TAIL = re.compile(
    r"\s*(?:x|ext\.?|extension|poste|durchwahl|anexo|interno)\s*\d{1,5}$", re.IGNORECASE
)


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
            rf"\b(?:{CONTACT_WORDS})\b[^\d\n]{{0,25}}?(?P<phi>(?:{LOOSE}){EXTENSION}){_NOT_A_COUNT}",
            0.6,
        ),
    ]
    CONTEXT = ["phone", "call", "cell", "mobile", "text", "fax", "tel", "contact", "number",
               "reach", "voicemail", "pager", "paged", "ring", "whatsapp", "landline", "telephone",
               "móvil", "teléfono", "tél", "téléphone", "handy", "telefon", "puhelin"]

    def invalidate_result(self, pattern_text: str) -> bool:
        # Years side by side ("2019 2020"), and digit groups too short to dial, unless a
        # country code shows it is a number ("+47 26 75 46 33").
        groups = re.findall(r"\d+", _EXTENSION_TAIL.sub("", pattern_text))
        years = all(len(g) == 4 and g[:2] in ("19", "20") for g in groups)
        international = pattern_text.lstrip("( ").startswith("+")
        return years or (max(len(g) for g in groups) < 3 and not international)

    def validate_result(self, pattern_text: str) -> bool | None:
        number = digits(_EXTENSION_TAIL.sub("", pattern_text))
        if number.startswith("0") and not number.startswith("00"):
            return None if 9 <= len(number) <= 12 else False
        return None if 7 <= len(number) <= 15 else False
