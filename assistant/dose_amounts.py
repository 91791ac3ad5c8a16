"""Recognise dose amounts (a quantity with a dosing unit) in free text."""

import re

_NUMBER = r"(?:\d+(?:[.,]\d+)?|½|¼|one|two|three|four|five|six|seven|eight|nine|ten|half\s+a)"
_UNIT = (
    r"(?:mg|milligrams?|mcg|µg|ug|micrograms?|g|grams?|ml|millilit(?:er|re)s?|cc|iu|units?"
    r"|sprays?|devices?|puffs?|tabs?|tablets?|troches?|lozenges?|pills?|drops?)"
)
_PER = r"(?:\s*/\s*(?:kg|kilo|hr|h|min|day)|\s+per\s+(?:kg|kilo(?:gram)?|hour|minute|day))?"

DOSE_AMOUNT = re.compile(
    rf"\b{_NUMBER}(?:\s*(?:-|–|to|or)\s*{_NUMBER})?\s*{_UNIT}{_PER}(?![a-z])",
    re.IGNORECASE,
)


def find_dose_amounts(text: str) -> list[tuple[int, int]]:
    """Spans of dose amounts such as "0.5 mg/kg", "two sprays" or "50-100 mg"."""
    return [m.span() for m in DOSE_AMOUNT.finditer(text)]


def mask_dose_amounts(text: str, mask: str = "[amount removed]") -> str:
    """Keep the words around a dose but hide the amount itself."""
    return DOSE_AMOUNT.sub(mask, text)
