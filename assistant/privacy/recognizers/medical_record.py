"""Medical record and chart numbers, found by their label in several languages ("MRN",
"chart #", "Patientennummer", "ficha n°", "prontuário")."""

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
                r"|hospital|encounter|patientennummer|patienten-?nr|fallnummer|ficha|prontu[áa]rio"
                r"|expediente|historia\s+cl[íi]nica|dossier(?:\s+m[ée]dical)?|cartella(?:\s+clinica)?"
                r"|pati[ëe]ntnummer|journalnummer"
            ),
            0.85,
        ),
    ]
    CONTEXT = ["mrn", "record", "chart", "patient"]

    def validate_result(self, pattern_text: str) -> bool | None:
        return None if len(digits(pattern_text)) >= 4 else False
