"""app.py: navigation with every page, Chat first, the config a clinic can trust."""

from __future__ import annotations

import tomllib

from streamlit.testing.v1 import AppTest

from tests.unit.ui.conftest import TIMEOUT, assert_clean, texts


def test_when_app_starts_then_chat_opens_and_privacy_note_is_in_the_sidebar(ui_env, repo):
    at = AppTest.from_file(str(repo / "app.py"), default_timeout=TIMEOUT).run()
    assert_clean(at)
    assert texts(at.title) == ["Ask the knowledge base"]
    assert any("nothing leaves this machine" in c for c in texts(at.sidebar.caption))


def test_when_streamlit_config_is_read_then_it_is_local_private_and_limited(repo):
    config = tomllib.loads((repo / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["address"] == "127.0.0.1"
    assert config["server"]["enableXsrfProtection"] is True
    assert config["server"]["maxUploadSize"] <= 10
    assert config["browser"]["gatherUsageStats"] is False
    assert config["client"]["showErrorDetails"] == "none"


def test_when_a_setting_is_invalid_then_the_app_shows_one_line_saying_which(ui_env, repo,
                                                                              monkeypatch):
    monkeypatch.setenv("KAP_RETRIEVAL_K", "0")
    at = AppTest.from_file(str(repo / "app.py"), default_timeout=TIMEOUT).run()
    assert not at.exception
    assert len(at.error) == 1 and "KAP_RETRIEVAL_K" in at.error[0].value
