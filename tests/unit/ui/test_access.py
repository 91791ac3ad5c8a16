"""The access gate: salted password hashes, the sign-in form, open by default."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from assistant.errors import ConfigError, InputError
from assistant.ui.access import hash_password, verify_password
from tests.unit.ui.conftest import texts

GATED = """
from types import SimpleNamespace
import streamlit as st
from assistant.ui import access
from assistant.ui.errors import friendly

@friendly
def main():
    if access.gate(SimpleNamespace(ui_password_hash={stored!r})):
        st.write("inside the app")

main()
"""


def test_when_password_is_hashed_then_it_verifies_and_the_hash_is_salted():
    first, second = hash_password("correct horse"), hash_password("correct horse")
    assert first != second and "correct horse" not in first
    assert verify_password("correct horse", first)
    assert not verify_password("wrong horse", first)


@pytest.mark.parametrize(
    "stored", ["", "plain-text-password", "scrypt$x$8$1$00$00", "md5$1$2$3$4$5"]
)
def test_when_stored_hash_is_malformed_then_config_error_says_what_to_do(stored):
    with pytest.raises(ConfigError, match="kap hash-password"):
        verify_password("anything", stored)


@pytest.mark.parametrize("password", ["", "short pass"])
def test_when_password_is_too_short_then_it_is_refused(password):
    with pytest.raises(InputError, match="at least 12"):
        hash_password(password)


def gated(stored: str | None) -> AppTest:
    return AppTest.from_string(GATED.format(stored=stored), default_timeout=30).run()


def test_when_no_password_is_configured_then_the_app_is_open():
    at = gated(None)
    assert "inside the app" in texts(at.markdown)


def test_when_password_is_configured_then_only_the_right_one_opens_the_app():
    at = gated(hash_password("s3cret-passphrase"))
    assert "inside the app" not in texts(at.markdown)
    at.text_input[0].input("not it")
    at.button[0].click().run()
    assert "not right" in texts(at.error)[0] and "inside the app" not in texts(at.markdown)
    at.text_input[0].input("s3cret-passphrase")
    at.button[0].click().run()
    assert "inside the app" in texts(at.markdown)
    assert not at.error and not at.exception
