"""The real Presidio scrubber (spaCy small + our recognizers), loaded once per session."""

from __future__ import annotations

import pytest

from assistant.config import load_settings
from assistant.privacy.scrubber import PresidioScrubber


@pytest.fixture(scope="session")
def scrubber() -> PresidioScrubber:
    engine = PresidioScrubber(load_settings())
    engine.warm_up()
    return engine


@pytest.fixture
def found(scrubber):
    """``found(text)`` -> list of (type, value) the scrubber would replace."""

    def _found(text: str) -> list[tuple[str, str]]:
        return [(e.type, text[e.start : e.end]) for e in scrubber.find(text)]

    return _found
