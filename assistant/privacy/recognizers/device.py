"""Device identifiers and serial numbers (pumps, monitors, phones, implants)."""

from __future__ import annotations

from presidio_analyzer import Pattern

from assistant.privacy.recognizers.base import RegexRecognizer, digits, keyed


class DeviceIdRecognizer(RegexRecognizer):
    """A labelled device or serial number: three digits, or one in a long serial."""

    ENTITY = "DEVICE"
    PATTERNS = [
        Pattern(
            "labelled serial",
            keyed(r"serial(?:\s+(?:number|no\.?|#))?(?:\s+sn)?|s/n|sn|imei|udi|device|implant|meid"),
            0.85,
        ),
    ]
    CONTEXT = ["serial", "device", "imei"]

    def validate_result(self, pattern_text: str) -> bool | None:
        count = len(digits(pattern_text))
        return None if count >= 3 or (count and len(pattern_text) >= 8) else False
