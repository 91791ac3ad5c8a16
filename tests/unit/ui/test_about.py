"""About & privacy page: what runs, where data lives, what it will not do."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import REPO
from tests.unit.ui.conftest import PAGE_SCRIPT, TIMEOUT, assert_clean, texts


def test_when_page_opens_then_generator_model_data_and_limits_are_stated(page, ui_env):
    at = page("About & privacy")
    assert_clean(at)
    shown = " ".join(texts(at.markdown))
    assert "**Generator:** grounded" in shown
    assert "all-MiniLM-L6-v2" in shown
    assert str(ui_env.data_dir / "chroma") in shown
    assert "Make dosing decisions" in shown
    assert "Nothing leaves this machine" in texts(at.success)[0]


def test_when_a_chroma_server_on_this_machine_is_configured_then_the_page_names_it(page, monkeypatch):
    monkeypatch.setenv("KAP_CHROMA_URL", "http://127.0.0.1:8000")
    at = page("About & privacy")
    assert_clean(at)
    assert "http://127.0.0.1:8000" in texts(at.info)[0] and not texts(at.warning)


@pytest.fixture
def about(monkeypatch, tmp_path):
    """``about(**env)`` -> the About page under those settings (it reads no index)."""
    monkeypatch.chdir(REPO)
    monkeypatch.setenv("KAP_DATA_DIR", str(tmp_path))

    def open_page(**env: str) -> AppTest:
        for name, value in env.items():
            monkeypatch.setenv(name, value)
        script = PAGE_SCRIPT.format(title="About & privacy")
        return AppTest.from_string(script, default_timeout=TIMEOUT).run()

    return open_page


REMOTE_LLM = {"KAP_GENERATOR": "openai", "KAP_LLM_BASE_URL": "https://llm.example.org/v1",
              "KAP_LLM_MODEL": "big-model-70b"}
LOCAL_LLM = {**REMOTE_LLM, "KAP_LLM_BASE_URL": "http://127.0.0.1:11434/v1"}
REMOTE_INDEX = {"KAP_CHROMA_URL": "https://chroma.example-clinic.org:8000"}


@pytest.mark.parametrize(
    ("case", "env", "leaving", "nothing_leaves"),
    [
        ("grounded, embedded index", {}, [], True),
        ("LLM elsewhere", REMOTE_LLM, ["Pseudonymised prompts", "big-model-70b",
                                       "https://llm.example.org/v1"], False),
        ("LLM on this machine", LOCAL_LLM, [], True),
        ("index elsewhere", REMOTE_INDEX, ["Chroma server at https://chroma.example-clinic.org:8000"],
         False),
        ("both elsewhere", {**REMOTE_LLM, **REMOTE_INDEX}, ["big-model-70b", "chroma.example-clinic.org"],
         False),
    ],
)
def test_when_settings_send_data_out_then_the_page_says_exactly_what_and_where(
    about, case, env, leaving, nothing_leaves
):
    at = about(**env)
    assert_clean(at)
    warned = " ".join(texts(at.warning))
    assert all(part in warned for part in leaving)
    assert bool(warned) is not nothing_leaves
    assert any("Nothing leaves this machine" in s for s in texts(at.success)) is nothing_leaves


def test_when_the_llm_runs_on_this_machine_then_the_page_names_it_as_local(about):
    at = about(**LOCAL_LLM)
    assert "runs on this machine" in texts(at.info)[0] and "127.0.0.1:11434" in texts(at.info)[0]
    assert "big-model-70b" in " ".join(texts(at.markdown))  # the generator line names it


def test_when_an_embedded_gguf_model_runs_then_the_generator_line_says_so(about, tmp_path):
    model = tmp_path / "small.gguf"
    model.write_bytes(b"GGUF")
    at = about(KAP_GENERATOR="llamacpp", KAP_LLM_MODEL_PATH=str(model))
    assert_clean(at)
    assert "small.gguf" in " ".join(texts(at.markdown))
    assert "Nothing leaves this machine" in texts(at.success)[0]
