"""Account, billing and invoice numbers, found by their label."""

from __future__ import annotations

from presidio_analyzer import Pattern

from assistant.privacy.recognizers.base import RegexRecognizer, digits, keyed


class AccountNumberRecognizer(RegexRecognizer):
    """A labelled account number with at least four digits."""

    ENTITY = "ACCOUNT"
    PATTERNS = [
        Pattern(
            "labelled account",
            keyed(
                r"account|acct|a/c|billing|invoice|statement|routing|iban|card|bank\s+account"
                r"|customer|client\s+no|membership|loyalty|order|booking|reservation|reference"
                r"|ref|confirmation|ticket|staff|employee|pedido|commande|bestelling|auftrag"
            ),
            0.85,
        ),
    ]
    CONTEXT = ["account", "billing", "bank"]

    def validate_result(self, pattern_text: str) -> bool | None:
        return None if len(digits(pattern_text)) >= 4 else False
