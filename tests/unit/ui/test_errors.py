"""Failures on a page become one friendly line, never a traceback."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from assistant.ui.errors import UNEXPECTED
from tests.unit.ui.conftest import texts

FAILING = """
from assistant.errors import InputError
from assistant.ui.errors import friendly

@friendly
def render():
    raise {error}

render()
"""


@pytest.mark.parametrize(
    ("error", "shown"),
    [
        ("InputError('journal.txt:3: no date; start each entry with a date line')",
         "journal.txt:3: no date; start each entry with a date line"),  # a KapError: its message
        ("RuntimeError('Maria Lopez broke it')", UNEXPECTED),  # anything else: generic, no PHI
    ],
)
def test_when_a_page_fails_then_one_error_line_and_no_traceback(error, shown, caplog):
    at = AppTest.from_string(FAILING.format(error=error), default_timeout=30).run()
    assert not at.exception
    assert texts(at.error) == [shown]
    assert "Maria Lopez" not in caplog.text
