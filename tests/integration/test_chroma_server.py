"""The scale path: the same code against a real `chroma run` server on loopback."""

import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from assistant.factory import build_assistant
from assistant.kb.ingest import build_ingestor
from tests.conftest import REPO, make_settings

pytestmark = pytest.mark.integration


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def chroma_server(tmp_path):
    chroma = shutil.which("chroma") or str(Path(sys.executable).parent / "chroma")
    port = _free_port()
    log = (tmp_path / "chroma.log").open("w")
    proc = subprocess.Popen(
        [chroma, "run", "--host", "127.0.0.1", "--port", str(port), "--path", str(tmp_path / "db")],
        stdout=log, stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            break
        except OSError:
            assert proc.poll() is None, (tmp_path / "chroma.log").read_text()
            time.sleep(0.2)
    else:
        proc.kill()
        pytest.fail("chroma run did not start within 60 s")
    yield f"http://127.0.0.1:{port}"
    proc.terminate()
    proc.wait(timeout=20)


def test_ingest_and_retrieve_through_a_chroma_server(chroma_server, tmp_path, embedder):
    settings = make_settings(
        data_dir=tmp_path / "data", knowledge_dir=REPO / "knowledge", chroma_url=chroma_server
    )
    first = build_ingestor(settings, embedder).run()
    assert first.added > 100
    assert build_ingestor(settings, embedder).run().embedded == 0
    assert not settings.chroma_path.exists()  # nothing embedded locally

    retriever = build_assistant(settings, embedder).retriever
    passages = retriever.retrieve("steps of a collaborative safety plan", k=3)
    assert passages[0].doc_id == "safety-planning"
