"""app.py refuses to serve a network address without a sign-in gate."""

from __future__ import annotations

import pytest
from streamlit import config
from streamlit.testing.v1 import AppTest

from assistant.ui.access import hash_password
from tests.conftest import REPO
from tests.unit.ui.conftest import texts


@pytest.fixture
def listening(monkeypatch, tmp_path):
    """``listening(address, password_hash)`` -> the app run once as served on that address."""
    before = config.get_option("server.address")  # parsed where the suite runs, restored after
    monkeypatch.chdir(tmp_path)  # no .env, no secrets.toml: no SSO

    def run(address: str | None, password_hash: str | None) -> AppTest:
        config.set_option("server.address", address)
        if password_hash:
            monkeypatch.setenv("KAP_UI_PASSWORD_HASH", password_hash)
        return AppTest.from_file(str(REPO / "app.py"), default_timeout=60).run()

    yield run
    config.set_option("server.address", before)


@pytest.mark.parametrize("address", ["0.0.0.0", "192.168.1.20", "", None])
def test_when_served_on_the_network_without_a_gate_then_the_app_refuses(listening, address):
    at = listening(address, None)
    assert not at.exception
    (error,) = texts(at.error)
    assert "KAP_UI_PASSWORD_HASH" in error and "kap app" in error
    assert not at.text_input and not at.title  # neither the app nor a sign-in form


@pytest.mark.parametrize("address", ["0.0.0.0", "127.0.0.1"])
def test_when_a_password_gate_is_set_then_the_app_asks_for_it_on_any_address(listening, address):
    at = listening(address, hash_password("a long enough passphrase"))
    assert not at.exception and not at.error
    assert [t.label for t in at.text_input] == ["Password"]
