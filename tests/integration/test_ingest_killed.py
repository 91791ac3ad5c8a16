"""`kap ingest` killed with SIGKILL mid-run: the index keeps answering, the next run repairs it."""

import os
import shutil
import signal
import subprocess
import sys
import threading

import numpy as np
import pytest

from assistant.factory import build_assistant
from assistant.kb.ingest import build_ingestor
from assistant.kb.store import open_store
from assistant.privacy.vault import Vault
from tests.conftest import REPO, make_settings

pytestmark = pytest.mark.integration

# The real `kap` entry point, with the ingest's per-step debug line on stderr so the test
# can kill it while it is writing a version (one chunk per step: KAP_EMBEDDING_BATCH_SIZE=1).
KAP_WITH_STEP_LOG = """
import logging, sys
handler = logging.StreamHandler()
logger = logging.getLogger("assistant.kb.ingest")
logger.addHandler(handler)
logger.setLevel(logging.DEBUG)
from assistant.cli import main
main()
"""
STEPS_BEFORE_KILL = 3


def _kap_env(settings) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KAP_")}
    return env | {
        "KAP_DATA_DIR": str(settings.data_dir),
        "KAP_KNOWLEDGE_DIR": str(settings.knowledge_dir),
        "KAP_EMBEDDING_BATCH_SIZE": "1",
    }


def _kill_mid_run(settings, tmp_path) -> None:
    """Start `kap ingest` and SIGKILL it once it has written a few steps of a new version."""
    proc = subprocess.Popen(
        [sys.executable, "-c", KAP_WITH_STEP_LOG, "ingest"],
        env=_kap_env(settings), cwd=tmp_path, stderr=subprocess.PIPE, text=True,
    )
    lines: list[str] = []
    writing = threading.Event()

    def read() -> None:
        for line in proc.stderr:
            lines.append(line)
            if sum(line.startswith("wrote ") for line in lines) >= STEPS_BEFORE_KILL:
                writing.set()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        assert writing.wait(timeout=300), "".join(lines)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        reader.join(timeout=30)
    assert proc.returncode == -signal.SIGKILL


def _snapshot(store) -> dict:
    return {c.chunk_id: (c.text, c.metadata, c.embedding) for c in store.all_chunks()}


def test_a_killed_ingest_leaves_the_index_answering_and_the_next_run_repairs_it(
    tmp_path, small_corpus, embedder
):
    settings = make_settings(
        data_dir=tmp_path / "data", knowledge_dir=small_corpus, prompts_dir=REPO / "prompts"
    )
    build_ingestor(settings, embedder).run()
    assistant = build_assistant(settings, embedder)  # stands for the running app
    store = open_store(settings)
    published, before = store.live_name(), _snapshot(store)

    # a real change to write: two new documents and an edited one
    for slug in ("window-of-tolerance", "sleep-and-daily-rhythms"):
        shutil.copy(REPO / "knowledge" / f"{slug}.md", small_corpus)
    edited = small_corpus / "self-compassion.md"
    edited.write_text(edited.read_text() + "\nA closing paragraph about kindness to oneself.\n")

    _kill_mid_run(settings, tmp_path)
    names = {c.name for c in store._client.list_collections()}
    assert len(names - {store.pointer_name, published}) == 1  # the half-written version

    # meanwhile: the last published index answers, with citations
    assert store.live_name() == published and _snapshot(store).keys() == before.keys()
    answer = assistant.ask("How can I help a client come back to the room with grounding?", Vault())
    assert answer.status == "answered" and answer.citations
    assert {c.doc_id for c in answer.citations} <= {m["doc_id"] for _, m, _ in before.values()}

    # the next run repairs: the result equals a clean rebuild of the same folder
    result = subprocess.run(
        [sys.executable, "-m", "assistant.cli", "ingest", "--json"],
        env=_kap_env(settings), cwd=tmp_path, capture_output=True, text=True, timeout=600,
    )
    assert result.returncode == 0, result.stderr
    repaired = _snapshot(store)
    assert {c.name for c in store._client.list_collections()} == {
        store.pointer_name, store.live_name()
    }
    clean_settings = make_settings(data_dir=tmp_path / "clean", knowledge_dir=small_corpus)
    build_ingestor(clean_settings, embedder).run()
    clean = _snapshot(open_store(clean_settings))
    assert repaired.keys() == clean.keys() and len(clean) > len(before)
    for chunk_id, (text, metadata, embedding) in clean.items():
        assert repaired[chunk_id][:2] == (text, metadata), chunk_id
        assert np.allclose(repaired[chunk_id][2], embedding, atol=1e-5), chunk_id
