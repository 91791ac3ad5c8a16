"""US ZIP codes after a state code or the word ZIP."""

from __future__ import annotations

from assistant.privacy.recognizers.address import STATE
from assistant.privacy.recognizers.base import Pattern, RegexRecognizer


class ZipCodeRecognizer(RegexRecognizer):
    """Five digits (or ZIP+4) where the text shows it is a ZIP code."""

    ENTITY = "ZIP"
    PATTERNS = [
        Pattern("after state", rf"\b{STATE},?\s+(?P<phi>\d{{5}}(?:-\d{{4}})?)\b", 0.7),
        Pattern(
            "keyword",
            r"\b(?:zip(?:\s*code)?|postal\s+code)\s*(?:is\s+)?[:#]?\s*(?P<phi>\d{5}(?:-\d{4})?)\b",
            0.8,
        ),
    ]
    CONTEXT = ["zip", "postal", "address"]
