"""National identity numbers whose format alone gives them away, with no label before them.

Each shape here is specific enough that ordinary text does not produce it: a UK National
Insurance number, an Indian PAN, a Mexican CURP, a Korean resident registration number, a
Chinese resident ID (with its birth date inside), a Czech or Slovak birth number, a Spanish
DNI or NIE (with its check letter verified).
"""

from __future__ import annotations

import regex
from assistant.privacy.recognizers.base import Pattern, RegexRecognizer

MONTH = r"(?:0[1-9]|1[0-2])"
DAY = r"(?:0[1-9]|[12]\d|3[01])"
SPANISH = regex.compile(r"(?:\d{8}|[XYZ]-?\d{7})-?[A-Z]", regex.IGNORECASE)
CHECK_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE"


class NationalIdShapeRecognizer(RegexRecognizer):
    """A national identity number recognised by its format (and check letter, where it has one)."""

    ENTITY = "SSN"
    PATTERNS = [
        Pattern("uk national insurance number",
                r"\b(?-i:(?!BG|GB|NK|KN|TN|NT|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]"
                r"\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-D])\b", 0.7),
        Pattern("indian pan", r"\b(?-i:[A-Z]{3}[PCHFATBLJG][A-Z]\d{4}[A-Z])\b", 0.7),
        Pattern("mexican curp", rf"\b[A-Z]{{4}}\d{{2}}{MONTH}{DAY}[HM][A-Z]{{5}}[A-Z\d]\d\b", 0.8),
        Pattern("korean resident registration number", rf"\b\d{{2}}{MONTH}{DAY}-[1-8]\d{{6}}\b", 0.8),
        Pattern("chinese resident id", rf"\b\d{{6}}(?:19|20)\d{{2}}{MONTH}{DAY}\d{{3}}[\dX]\b", 0.8),
        Pattern("czech or slovak birth number", rf"\b\d{{2}}[0156]\d{DAY}/\d{{3,4}}\b", 0.7),
        Pattern("spanish dni or nie", r"\b(?:\d{8}|(?-i:[XYZ])-?\d{7})-?(?-i:[A-Z])\b", 0.6),
    ]
    CONTEXT = ["id", "number", "dni", "nie", "pan", "curp", "insurance", "resident"]

    def validate_result(self, pattern_text: str) -> bool | None:
        """A Spanish number counts only with its right check letter."""
        if not SPANISH.fullmatch(pattern_text):
            return None
        plain = pattern_text.replace("-", "").upper()
        number = plain[:-1]
        if number[0] in "XYZ":  # an NIE's letter stands for a leading digit
            number = str("XYZ".index(number[0])) + number[1:]
        return CHECK_LETTERS[int(number) % 23] == plain[-1]
