"""The rule category a labelled guard line stands for, whatever its author called it."""

import pytest

from evals.guard_data import category


@pytest.mark.parametrize(("rule", "label", "expected"), [
    ("crisis", "plan or means", "suicidal ideation"),  # one of ours
    ("crisis", "medical red flag: fainting after at-home session", "medical red flag"),
    ("crisis", "medical-red-flag", "medical red flag"),
    ("crisis", "long_self_harm_relapse_middle", "self-harm"),
    ("crisis", "long_threat_brother", "harm to others"),
    ("crisis", "report_harm_to_child", "harm to others"),
    ("crisis", "long_passive_si_driving", "suicidal ideation"),  # no other kind named
    ("dosing", "co-medication", "co-medication"),
    ("dosing", "comedication", "co-medication"),
    ("dosing", "comed_benzodiazepine", "dosing request"),
])
def test_a_category_name_is_read_as_its_kind(rule, label, expected):
    assert category(rule, {"category": label}) == expected
