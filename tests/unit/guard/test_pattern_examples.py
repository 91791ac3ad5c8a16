"""Every guard pattern written in Python runs its examples (packs run theirs in test_packs)."""

from pathlib import Path

import pytest
import yaml

from assistant.dose_amounts import find_dose_amounts
from assistant.guard import RuleGuard
from tests.amounts import amount
from tools.guard_model.pattern_examples import AMOUNT, OUT, fired, pattern_names

EXAMPLES = yaml.safe_load(Path(OUT).read_text(encoding="utf-8"))
GUARD = RuleGuard(None)


def _fired(text: str, mode: str) -> set[str]:
    return fired(GUARD, text.replace(AMOUNT, amount("2")), mode)


def test_every_pattern_has_examples():
    assert sorted(pattern_names(GUARD)) == sorted(EXAMPLES)


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_pattern_matches_its_examples_and_not_the_near_misses(name):
    entry = EXAMPLES[name]
    for text in entry["must_match"]:
        assert name in _fired(text, entry["mode"]), f"{name} should match: {text}"
    for text in entry["must_not_match"]:
        assert name not in _fired(text, entry["mode"]), f"{name} should not match: {text}"


def test_no_example_names_a_dose_amount():
    assert not find_dose_amounts(Path(OUT).read_text(encoding="utf-8"))
