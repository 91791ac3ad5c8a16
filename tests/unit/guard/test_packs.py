"""Pattern packs: every pattern matches its must-match examples and none of its must-not."""

import pytest

from assistant.guard.packs import PACK_DIR, load_pack
from assistant.guard.rules.base import match_patterns
from assistant.guard.text import Sentence

PACKS = sorted(path.stem for path in PACK_DIR.glob("*.yaml"))
ROWS = [
    (pack, item.pattern, text, expected)
    for pack in PACKS
    for item in load_pack(pack)
    for examples, expected in ((item.must_match, True), (item.must_not_match, False))
    for text in examples
]


@pytest.mark.parametrize("pack, pattern, text, expected", ROWS,
                         ids=[f"{r[0]}:{r[1].name}:{r[2][:30]}" for r in ROWS])
def test_every_pack_pattern_meets_its_examples(pack, pattern, text, expected):
    found = match_patterns(pack, (pattern,), Sentence(text, 0, len(text)), [])
    assert bool(found) is expected


def test_every_pack_pattern_has_examples_both_ways():
    for pack in PACKS:
        for item in load_pack(pack):
            assert item.must_match and item.must_not_match, f"{pack}:{item.pattern.name}"


@pytest.mark.parametrize("text, decision, flags", [
    ("C-SSRS screen came back positive for passive SI — what goes in the safety plan?",
     "allow", ["crisis"]),
    ("how often should we repeat the PCL-5 during a KAP course?", "allow", []),
    ("my client says she took her usual lozenge and felt nothing; how do I help her make "
     "meaning of a quiet session?", "allow", []),
    ("She felt nothing last time — should we go higher?", "block", ["dosing"]),
])
def test_the_issues_examples_are_judged_as_a_clinician_would(guard, text, decision, flags):
    verdict = guard.check(text, "input")
    assert (verdict.decision, verdict.flags) == (decision, flags)
