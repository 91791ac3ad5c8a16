import pytest

from assistant.factory import build_assistant


@pytest.fixture(scope="session")
def assistant(indexed_settings, embedder):
    """The real assistant over the session's test index: scrubber, guard, retriever, workflows."""
    return build_assistant(indexed_settings, embedder)
