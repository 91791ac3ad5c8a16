"""AppTest helpers: every page runs against the shared test index, models loaded once."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import REPO

# The first run loads Presidio and MiniLM into Streamlit's resource cache, which then
# serves every later AppTest in this process.
TIMEOUT = 180
SAMPLE_JOURNAL = REPO / "examples" / "journal-sample.md"
PAGE_SCRIPT = """
import streamlit as st
from assistant.ui import navigation
st.navigation(navigation.sections(start={title!r})).run()
"""


@pytest.fixture
def ui_env(monkeypatch, indexed_settings):
    """Point the app at the session's test index (the app reads settings from the env)."""
    monkeypatch.setenv("KAP_DATA_DIR", str(indexed_settings.data_dir))
    monkeypatch.setenv("KAP_KNOWLEDGE_DIR", str(REPO / "knowledge"))
    monkeypatch.chdir(REPO)
    return indexed_settings


@pytest.fixture
def page(ui_env):
    """``page("Chat")`` → an AppTest of that page, already run once."""

    def open_page(title: str) -> AppTest:
        return AppTest.from_string(PAGE_SCRIPT.format(title=title), default_timeout=TIMEOUT).run()

    return open_page


def texts(elements) -> list[str]:
    return [str(element.value) for element in elements]


def assert_clean(at: AppTest) -> None:
    """No traceback and no error box on the page."""
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, texts(at.error)
