"""The scale path: the same code against a real `chroma run` server on loopback."""

import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from assistant.errors import StoreError
from assistant.factory import build_assistant
from assistant.kb.ingest import Ingestor, build_ingestor
from assistant.kb.lock import RecordLock
from assistant.kb.store import open_store
from tests.conftest import make_settings

pytestmark = pytest.mark.integration


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _start_chroma(tmp_path) -> tuple[subprocess.Popen, str]:
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
    return proc, f"http://127.0.0.1:{port}"


@pytest.fixture
def chroma_server(tmp_path):
    proc, url = _start_chroma(tmp_path)
    yield url
    proc.terminate()
    proc.wait(timeout=20)


def test_ingest_and_retrieve_through_a_chroma_server(chroma_server, tmp_path, small_corpus, embedder):
    settings = make_settings(
        data_dir=tmp_path / "data", knowledge_dir=small_corpus, chroma_url=chroma_server
    )
    first = build_ingestor(settings, embedder).run()
    assert first.added >= len(list(small_corpus.glob("*.md")))
    assert build_ingestor(settings, embedder).run().embedded == 0
    assert not settings.chroma_path.exists()  # nothing embedded locally
    store = open_store(settings)
    names = {c.name for c in store._client.list_collections()}
    assert names == {store.pointer_name, store.live_name()}  # one version, behind the pointer

    retriever = build_assistant(settings, embedder).retriever
    passages = retriever.retrieve("steps of a collaborative safety plan", k=3)
    assert passages[0].doc_id == "safety-planning"


def test_a_server_that_is_not_running_is_reported_with_what_to_do(tmp_path):
    url = f"http://127.0.0.1:{_free_port()}"  # nothing listens there
    settings = make_settings(data_dir=tmp_path / "data", chroma_url=url)
    with pytest.raises(StoreError, match=f"Chroma server at {url} cannot be reached; start it"):
        open_store(settings)


def test_a_server_that_stops_after_connecting_is_reported_as_unreachable_not_as_no_index(
    tmp_path, small_corpus, embedder
):
    proc, url = _start_chroma(tmp_path)
    settings = make_settings(
        data_dir=tmp_path / "data", knowledge_dir=small_corpus, chroma_url=url
    )
    store = open_store(settings)
    try:
        build_ingestor(settings, embedder).run()
        assert store.count() > 10
    finally:
        proc.terminate()
        proc.wait(timeout=20)
    for read in (store.count, store.all_chunks, store.fingerprints):
        with pytest.raises(StoreError, match=f"Chroma server at {url} cannot be reached"):
            read()


@pytest.mark.parametrize(
    ("holder_ttl", "outcome"),
    [
        (None, "runs"),  # no other writer
        (0.05, "runs"),  # the other writer died: its lease ran out and is taken over
        (120.0, "names the lock"),  # a live writer holds it: a clear message, no second writer
    ],
)
def test_one_writer_at_a_time_on_a_server(
    chroma_server, tmp_path, small_corpus, embedder, holder_ttl, outcome
):
    settings = make_settings(
        data_dir=tmp_path / "data", knowledge_dir=small_corpus, chroma_url=chroma_server
    )
    store = open_store(settings)
    if holder_ttl is not None:
        assert RecordLock(store, ttl=holder_ttl).try_acquire() is None
        time.sleep(0.1)
    second = Ingestor(store, embedder, small_corpus, RecordLock(store), lock_wait=1.0)
    if outcome == "runs":
        assert second.run().added > 10
        assert store.lock_name not in {c.name for c in store._client.list_collections()}
    else:
        expected = f"lock record {store.lock_name} on the Chroma server {chroma_server} \\(`kap"

        with pytest.raises(StoreError, match=expected):
            second.run()
