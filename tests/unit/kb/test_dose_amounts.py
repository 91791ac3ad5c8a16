import pytest

from assistant.dose_amounts import find_dose_amounts, mask_dose_amounts


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("She was given 0.5 mg/kg last time", "0.5 mg/kg"),
        ("two sprays per nostril", "two sprays"),
        ("somewhere between 50-100 mg", "50-100 mg"),
        ("I took 2 tablets", "2 tablets"),
        ("56 mg", "56 mg"),
        ("three devices", "three devices"),
        ("a dose of hope", None),  # no match: a metaphor, no amount
        ("a 5 point change on the PHQ-9", None),  # no match: a score
        ("after three sessions", None),  # no match: sessions are not a dosing unit
        ("for 15 minutes", None),  # no match
    ],
)
def test_dose_amounts_are_found_and_other_numbers_are_not(text, found):
    spans = find_dose_amounts(text)
    assert [text[s:e] for s, e in spans] == ([found] if found else [])


def test_masking_keeps_the_words_but_hides_the_amount():
    assert mask_dose_amounts("they gave 40 mg yesterday") == "they gave [amount removed] yesterday"
