"""US social security numbers, labelled or in the 3-2-4 shape."""

from __future__ import annotations

from assistant.privacy.recognizers.base import Pattern, RegexRecognizer, digits, keyed

SSN_VALUE = r"\d{3}[-\s.]?\d{2}[-\s.]?\d{4}(?!\d)"


class SsnRecognizer(RegexRecognizer):
    """Nine digits as an SSN; unlabelled ones must be dashed and plausible."""

    ENTITY = "SSN"
    PATTERNS = [
        Pattern("labelled", keyed(r"ssn|ss#|soc(?:ial)?\s+sec(?:urity)?|ssa", SSN_VALUE), 0.9),
        Pattern("dashed", r"(?<![\d-])\d{3}-\d{2}-\d{4}(?![\d-])", 0.6),
    ]
    CONTEXT = ["ssn", "social", "security"]

    def invalidate_result(self, pattern_text: str) -> bool:
        number = digits(pattern_text)
        area, group, serial = number[:3], number[3:5], number[5:]
        return len(number) != 9 or area in ("000", "666") or group == "00" or serial == "0000"
