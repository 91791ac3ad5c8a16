"""Account, billing and invoice numbers, found by their label."""

from __future__ import annotations

from assistant.privacy.recognizers.base import Pattern, RegexRecognizer, digits, keyed


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
        # The last digits of a card are shown to identify it: "Visa ending in 2741", "•••• 6174".
        Pattern(
            "card ending",
            r"\b(?:card|visa|mastercard|amex|debit|credit)\s+(?:number\s+)?ending(?:\s+in)?\s+"
            r"(?P<phi>\d{4})\b",
            0.85,
        ),
        # An IBAN by its shape, whether or not its check digits add up: a mistyped or invented
        # one identifies an account as well ("IE64 AIBK 9311 5212 3456 78").
        Pattern(
            "IBAN shape",
            r"(?<![\w-])(?-i:[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,3})?)(?![\w-])",
            0.85,
        ),
        Pattern("masked card", r"(?<![\w*•])(?:[*•x]{4}[ -]?){1,3}\d{4}\b", 0.85),
    ]
    CONTEXT = ["account", "billing", "bank"]

    def validate_result(self, pattern_text: str) -> bool | None:
        return None if len(digits(pattern_text)) >= 4 else False
