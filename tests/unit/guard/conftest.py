import pytest

from assistant.guard import RuleGuard


@pytest.fixture(scope="session")
def guard(embedder):
    """The real guard with the bundled MiniLM, exemplars embedded once."""
    built = RuleGuard(embedder)
    built.warm_up()
    return built
