"""Phone and fax numbers in US and international formats, including extensions."""

from __future__ import annotations

import re

from presidio_analyzer import Pattern

from assistant.privacy.recognizers.base import RegexRecognizer, digits

EXTENSION = r"(?:\s*(?:x|ext\.?|extension)\s*\d{1,5})?"
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
    ]
    CONTEXT = ["phone", "call", "cell", "mobile", "text", "fax", "tel", "contact", "number",
               "reach", "voicemail", "pager", "paged"]

    def validate_result(self, pattern_text: str) -> bool | None:
        number = digits(_EXTENSION_TAIL.sub("", pattern_text))
        if number.startswith("0") and not number.startswith("00"):
            return None if 9 <= len(number) <= 12 else False
        return None if 7 <= len(number) <= 15 else False
