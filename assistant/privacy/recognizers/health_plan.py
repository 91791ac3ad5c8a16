"""Health-plan member, subscriber, policy and group numbers (Medicaid, Medicare...)."""

from __future__ import annotations

from assistant.privacy.recognizers.base import Pattern, RegexRecognizer, digits, keyed


class HealthPlanRecognizer(RegexRecognizer):
    """A labelled health-plan identifier with at least four digits."""

    ENTITY = "HEALTH_PLAN"
    PATTERNS = [
        Pattern(
            "labelled plan number",
            keyed(
                r"member|subscriber|policy|group|plan|beneficiary|insurance|insurer|medicaid"
                r"|medicare|medi-cal|ohp|hicn|mbi|payer|coverage|claim|authori[sz]ation|auth"
                r"|ramq|ohip|ahcip|msp|carte\s+vitale|versichertennummer|versicherungsnummer"
                r"|polisnummer|carteirinha|tessera\s+sanitaria|tarjeta\s+sanitaria|(?-i:NAM)|mutuelle"
                r"|private\s+health|health\s+card|medical\s+card|cart[ãa]o\s+de\s+utente|nhif|ehic"
                r"|krankenkasse|obra\s+social|isapre|fonasa|zorgverzekering"
            ),
            0.85,
        ),
    ]
    CONTEXT = ["insurance", "member", "policy", "plan", "medicaid", "medicare"]

    def validate_result(self, pattern_text: str) -> bool | None:
        return None if len(digits(pattern_text)) >= 4 else False
