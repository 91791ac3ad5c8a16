"""Licence, certificate, NPI/DEA, passport and plate numbers, found by their label."""

from __future__ import annotations

from presidio_analyzer import Pattern

from assistant.privacy.recognizers.base import RegexRecognizer, digits, keyed


class LicenseNumberRecognizer(RegexRecognizer):
    """A labelled licence-like number with at least four digits."""

    ENTITY = "LICENSE"
    PATTERNS = [
        Pattern(
            "labelled licence",
            keyed(
                r"(?:driver'?s?\s+)?licen[cs]e|dl|npi|dea|passport|permit|(?:license\s+)?plate"
                r"|certificate|cert|registration|reg(?:istration)?\s+no|provider\s+(?:number|no)"
                r"|gmc|cpso|ahpra|vin|vehicle|kenteken|matr[ií]cula|immatriculation"
            ),
            0.85,
        ),
    ]
    CONTEXT = ["license", "licence", "npi", "dea", "passport"]

    def validate_result(self, pattern_text: str) -> bool | None:
        return None if len(digits(pattern_text)) >= 4 else False
