"""enforce_offline: tracing and telemetry stay off even when the environment asks for them."""

from __future__ import annotations

import os

import pytest
from langchain_core.callbacks.manager import CallbackManager
from langchain_core.tracers.langchain import LangChainTracer
from langsmith import utils as langsmith_utils

from assistant.offline import enforce_offline

TRACING_SWITCHES = ["LANGSMITH_TRACING", "LANGSMITH_TRACING_V2", "LANGCHAIN_TRACING_V2"]


def tracers() -> list:
    langsmith_utils.get_env_var.cache_clear()
    return [h for h in CallbackManager.configure().handlers if isinstance(h, LangChainTracer)]


@pytest.fixture
def tracing_requested(monkeypatch):
    """A developer shell that asks LangSmith to trace (the negative row: it would)."""

    def request(name: str) -> None:
        monkeypatch.setenv(name, "true")
        monkeypatch.setenv("LANGSMITH_API_KEY", "lsv2-not-a-real-key")
        for other in TRACING_SWITCHES:
            if other != name:
                monkeypatch.delenv(other, raising=False)

    yield request
    enforce_offline()  # leave the process as the test session set it up


@pytest.mark.parametrize("switch", TRACING_SWITCHES)
def test_when_tracing_is_requested_then_langchain_would_trace_without_enforce_offline(
    tracing_requested, switch
):
    tracing_requested(switch)
    assert tracers() and langsmith_utils.tracing_is_enabled()


@pytest.mark.parametrize("switch", TRACING_SWITCHES)
def test_when_offline_is_enforced_then_no_langsmith_tracer_is_attached(tracing_requested, switch):
    tracing_requested(switch)
    langsmith_utils.tracing_is_enabled()  # prime langsmith's cache of what it read
    enforce_offline()
    assert not langsmith_utils.tracing_is_enabled()
    assert not tracers()


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("ANONYMIZED_TELEMETRY", "False"),  # Chroma
        ("STREAMLIT_BROWSER_GATHER_USAGE_STATS", "false"),
        ("HF_HUB_DISABLE_TELEMETRY", "1"),
        ("HF_HUB_OFFLINE", "1"),
        ("OTEL_SDK_DISABLED", "true"),
        ("OTEL_TRACES_EXPORTER", "none"),
    ],
)
def test_when_offline_is_enforced_then_each_telemetry_switch_is_off(monkeypatch, name, value):
    monkeypatch.setenv(name, "on-by-the-user")
    enforce_offline()
    assert os.environ[name] == value
