"""Device identifiers and serial numbers (pumps, monitors, phones, implants)."""

from __future__ import annotations

from assistant.privacy.recognizers.base import Pattern, RegexRecognizer, digits, keyed


class DeviceIdRecognizer(RegexRecognizer):
    """A labelled device or serial number (three digits, or one in a long serial), a hardware
    address or a UUID."""

    ENTITY = "DEVICE"
    PATTERNS = [
        Pattern(
            "labelled serial",
            keyed(
                r"serial(?:\s+(?:number|no\.?|#))?(?:\s+sn)?|s/n|sn|imei|udi|device|implant|meid"
                r"|monitor|scanner|frame\s+number|mac(?:\s+address)?"
            ),
            0.85,
        ),
        # Hardware addresses and UUIDs identify one device without any label.
        Pattern("mac address",
                r"(?<![\w:-])[0-9a-f]{2}([:-])[0-9a-f]{2}(?:\1[0-9a-f]{2}){4}(?![\w:-])",
                0.8),
        Pattern("uuid", r"\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b", 0.8),
    ]
    CONTEXT = ["serial", "device", "imei"]

    def validate_result(self, pattern_text: str) -> bool | None:
        count = len(digits(pattern_text))
        return None if count >= 3 or (count and len(pattern_text) >= 8) else False
