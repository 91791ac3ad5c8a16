"""About & privacy page: what runs, where data lives, what it will not do."""

from __future__ import annotations

from tests.unit.ui.conftest import assert_clean, texts


def test_when_page_opens_then_generator_model_data_and_limits_are_stated(page, ui_env):
    at = page("About & privacy")
    assert_clean(at)
    shown = " ".join(texts(at.markdown))
    assert "**Generator:** grounded" in shown
    assert "all-MiniLM-L6-v2" in shown
    assert str(ui_env.data_dir / "chroma") in shown
    assert "Make dosing decisions" in shown
    assert "Nothing leaves this machine" in texts(at.success)[0]


def test_when_a_remote_index_is_configured_then_the_page_says_searches_leave(page, monkeypatch):
    monkeypatch.setenv("KAP_CHROMA_URL", "http://127.0.0.1:8000")
    at = page("About & privacy")
    assert_clean(at)
    assert "http://127.0.0.1:8000" in texts(at.warning)[0]
