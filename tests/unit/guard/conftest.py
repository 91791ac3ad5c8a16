import pytest

from assistant.guard import build_guard
from tests.conftest import make_settings


@pytest.fixture(scope="session")
def guard(embedder):
    """The real guard: rules, the bundled MiniLM's exemplars and the trained intent model."""
    built = build_guard(make_settings(), embedder)
    built.warm_up()
    return built
