"""Shared fixtures: no network (loopback only for integration tests), real models loaded once."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from pytest_socket import disable_socket, enable_socket, socket_allow_hosts

from assistant.offline import enforce_offline

REPO = Path(__file__).resolve().parents[1]
LOOPBACK = ["127.0.0.1", "localhost", "::1"]

enforce_offline()


@pytest.fixture(autouse=True)
def _no_network(request):
    """Unit tests get no sockets at all; integration tests may use loopback only."""
    if request.node.get_closest_marker("integration"):
        socket_allow_hosts(LOOPBACK, allow_unix_socket=True)
    else:
        disable_socket(allow_unix_socket=True)
    yield
    enable_socket()


@pytest.fixture(autouse=True)
def _clean_kap_env(monkeypatch):
    """Tests never inherit a developer's KAP_ settings or .env file."""
    for name in list(os.environ):
        if name.startswith("KAP_"):
            monkeypatch.delenv(name)


@pytest.fixture(scope="session")
def embedder():
    """The real bundled MiniLM, loaded once for the whole run."""
    from assistant.embeddings import SentenceTransformerEmbedder

    return SentenceTransformerEmbedder()


@pytest.fixture(scope="session")
def repo() -> Path:
    return REPO


def make_settings(**overrides):
    """Settings for a test: no .env file, nothing from the developer's environment."""
    from assistant.config import Settings

    return Settings(_env_file=None, **overrides)


@pytest.fixture(scope="session")
def indexed_settings(tmp_path_factory, embedder):
    """The real corpus ingested once into a temporary embedded Chroma store."""
    from assistant.kb.ingest import build_ingestor

    settings = make_settings(
        data_dir=tmp_path_factory.mktemp("kap-data"), knowledge_dir=REPO / "knowledge"
    )
    build_ingestor(settings, embedder).run()
    return settings


@pytest.fixture
def small_corpus(tmp_path):
    """A writable copy of three real documents, for tests that edit or break the corpus."""
    import shutil

    folder = tmp_path / "knowledge"
    folder.mkdir()
    for slug in ("grounding-techniques", "safety-planning", "self-compassion"):
        shutil.copy(REPO / "knowledge" / f"{slug}.md", folder)
    return folder
