"""Medical record and chart numbers, found by their label ("MRN", "chart #")."""

from __future__ import annotations

from assistant.privacy.recognizers.base import Pattern, RegexRecognizer, digits, keyed


class MedicalRecordRecognizer(RegexRecognizer):
    """A labelled record number with at least four digits."""

    ENTITY = "MRN"
    PATTERNS = [
        Pattern(
            "labelled record number",
            keyed(
                r"mrn|mr#|medical\s+record|med(?:ical)?\s+rec(?:ord)?|chart|patient|record|ehr|emr"
                r"|hospital|encounter"
            ),
            0.85,
        ),
    ]
    CONTEXT = ["mrn", "record", "chart", "patient"]

    def validate_result(self, pattern_text: str) -> bool | None:
        return None if len(digits(pattern_text)) >= 4 else False
