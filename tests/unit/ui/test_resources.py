"""The shared assistant is built from the settings as they are: secrets are never masked."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from assistant.config import Settings
from assistant.factory import build_backend
from assistant.ui import resources

KEY = "sk-live-0123456789abcdef"
OPENAI = {
    "KAP_GENERATOR": "openai",
    "KAP_LLM_BASE_URL": "http://127.0.0.1:11434/v1",
    "KAP_LLM_MODEL": "llama3.1:8b",
    "KAP_LLM_API_KEY": KEY,
}


@pytest.fixture
def built(monkeypatch, tmp_path):
    """The settings each build of the shared assistant received (the build itself is stubbed:
    only the hand-over is under test)."""
    monkeypatch.chdir(tmp_path)  # no .env
    for name, value in OPENAI.items():
        monkeypatch.setenv(name, value)
    received: list[Settings] = []

    def build(settings):
        received.append(settings)
        return SimpleNamespace(ask=lambda question, vault: None)

    monkeypatch.setattr(resources, "build_assistant", build)
    resources._assistant.clear()
    yield received
    resources._assistant.clear()


def test_when_the_app_builds_the_assistant_then_the_llm_gets_the_real_api_key(built):
    resources.assistant()
    (settings,) = built
    assert settings.llm_api_key.get_secret_value() == KEY
    assert build_backend(settings)._kwargs["api_key"] == KEY


def test_when_settings_round_trip_through_json_then_the_key_is_lost(built):
    """Why the assistant is not rebuilt from a dump: the negative row."""
    settings = resources.settings()
    again = Settings.model_validate_json(settings.model_dump_json())
    assert again.llm_api_key.get_secret_value() != KEY


def test_when_only_the_api_key_changes_then_a_new_assistant_is_built(built, monkeypatch):
    resources.assistant()
    resources.assistant()
    monkeypatch.setenv("KAP_LLM_API_KEY", "sk-rotated-key-456")
    resources.assistant()
    assert [s.llm_api_key.get_secret_value() for s in built] == [KEY, "sk-rotated-key-456"]


def test_when_the_cache_key_is_made_then_it_holds_no_secret(built):
    assert KEY not in resources.settings_key(resources.settings())
