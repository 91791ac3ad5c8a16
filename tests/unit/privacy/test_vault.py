"""Vault: consistent placeholders within a run, exact restore, nothing readable in repr."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant.privacy.vault import Vault

JOURNAL_BITS = st.sampled_from(
    [
        "Priya", "jess", "Dr. Okafor", "on 3/14", "(503) 555-0143", "MRN 00481127",
        "seun@gmail.com", "in Sacramento", "the 2nd of June", "ketamine", "<PERSON_1>",
        "Hope", "I hope", " ", "\n", ", ", ". ",
        # identifiers hidden with the tricks the scrubber normalises away
        "Pri\u200bya", "(503)\u00a0555\u20110143", "seun\uff20gmail.com", "\u0406van", "\u00ad",
        "\u200e", "\uff15\uff10\uff13", "e\u0301",
    ]
)


def test_when_same_value_twice_then_same_placeholder():
    vault = Vault()
    assert vault.placeholder("PERSON", "Priya") == "<PERSON_1>"
    assert vault.placeholder("DATE", "3/14") == "<DATE_1>"
    assert vault.placeholder("PERSON", "Dev") == "<PERSON_2>"
    assert vault.placeholder("PERSON", "Priya") == "<PERSON_1>"


def test_when_restoring_then_known_placeholders_come_back_and_unknown_stay():
    vault = Vault()
    token = vault.placeholder("PERSON", "Priya")
    assert vault.restore(f"{token} met <PERSON_9>.") == "Priya met <PERSON_9>."


def test_when_text_already_has_placeholder_literal_then_it_is_kept_and_not_reused():
    vault = Vault()
    vault.reserve_literals("copied <PERSON_1> from a draft")
    assert vault.placeholder("PERSON", "Priya") == "<PERSON_2>"
    assert vault.restore("<PERSON_1> and <PERSON_2>") == "<PERSON_1> and Priya"


def test_when_repr_then_no_values():
    vault = Vault()
    vault.placeholder("PERSON", "Priya")
    assert "Priya" not in repr(vault) and "Priya" not in str(vault)


def test_when_scrubbing_a_run_then_placeholders_are_shared(scrubber):
    vault = Vault()
    first, second = scrubber.scrub_many(["Priya called.", "Later Priya texted."], vault)
    assert "<PERSON_1>" in first.text and "<PERSON_1>" in second.text


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(JOURNAL_BITS | st.text(max_size=12), max_size=12).map("".join))
def test_restore_of_scrub_is_the_original_text_exactly(scrubber, text):
    vault = Vault()
    result = scrubber.scrub(text, vault)
    assert vault.restore(result.text) == text
    for entity in result.entities:  # offsets refer to the original text
        assert 0 <= entity.start < entity.end <= len(text)
        assert vault.restore(entity.placeholder) == text[entity.start : entity.end]
