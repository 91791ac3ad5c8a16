"""Any number of seven digits or more, with or without a label: in therapy text such a number
is an identifier of some kind (a national ID, an account, a chart, a policy), whatever the
language or the label around it ("Su RUT es …", "PESEL …", "iqama …", "CLABE …").

Not identifiers, though they have the digits: amounts written with thousands separators
("23.170.000"), round counts ("1000000 times"), ranges of years or pages ("2019-2024",
"1266-1277"), years side by side ("2019 2020 2021"), short scores side by side
("21 18 15 12 9") and prices. A more specific recognizer (phone, date, account, …) names the
span when both find it.
"""

from __future__ import annotations

import regex
from assistant.privacy.recognizers.base import Pattern, RegexRecognizer, digits

# Letters and digits joined by single separators; groups after a space continue the number
# only while they are digits ("61 447802 3 01").
VALUE = (
    r"(?<![\w.,/-])(?=[\w./-]*\d)[A-Za-z0-9]+(?:[-./][A-Za-z0-9]+)*"
    r"(?:\s\d+(?:[-./]\d+)*)*(?![\w-]|[.,/]\d)"
)
_AMOUNT = regex.compile(r"\d{1,3}(?:([.,])\d{3})(?:\1\d{3})*(?:[.,]\d{1,2})?")
_ROUND = regex.compile(r"[1-9]0{6,}")
_RANGE = regex.compile(r"(\d{1,5})\s*[-–]\s*(\d{1,5})")
_YEARS = regex.compile(r"(?:(?:19|20)\d{2}[\s,/–-]*)+")
_CURRENCY = regex.compile(r"(?:[$€£¥₹₩₱₫₦]|\b(?:Rp|R\$|USD|EUR|GBP|COP|CLP|MXN|IDR|VND|KRW))\s*$")
_CURRENCY_REACH = 6  # characters before a number where its currency may stand
MIN_DIGITS = 7


class LongNumberRecognizer(RegexRecognizer):
    """A number of seven digits or more that is not an amount, a count, a range or years."""

    ENTITY = "ID"
    PATTERNS = [Pattern("long number", VALUE, 0.5)]
    CONTEXT = ["number", "no", "id", "nr", "nº", "#"]

    def validate_result(self, pattern_text: str) -> bool | None:
        value = pattern_text.strip()
        if len(digits(value)) < MIN_DIGITS:
            return False
        if any(rule.fullmatch(value) for rule in (_AMOUNT, _ROUND, _YEARS)):
            return False
        if " " in value and max(map(len, regex.findall(r"\d+", value))) < 3:
            return False  # scores side by side ("21 18 15 12 9")
        span = _RANGE.fullmatch(value)
        if span and len(span[1]) == len(span[2]) and int(span[1]) < int(span[2]):
            return False
        return None

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):
        """Drop numbers that follow a currency sign or code (prices, not identifiers)."""
        results = super().analyze(text, entities, nlp_artifacts, regex_flags)
        return [
            r for r in results
            if not _CURRENCY.search(text[max(0, r.start - _CURRENCY_REACH) : r.start])
        ]
