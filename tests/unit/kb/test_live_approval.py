"""A running assistant sees approval changes in the knowledge folder without a restart."""

import os

import pytest

from assistant.factory import build_assistant
from assistant.kb.approval import ApprovedDocuments
from assistant.kb.corpus import load_corpus
from assistant.kb.ingest import build_ingestor
from tests.conftest import make_settings

QUESTION = "grounding techniques 5-4-3-2-1 senses"
DOC = "grounding-techniques"


def _edit(folder):
    path = folder / f"{DOC}.md"
    path.write_text(path.read_text() + "\nAn edit nobody has reviewed yet.\n")


def _retire(folder):
    path = folder / f"{DOC}.md"
    path.write_text(path.read_text().replace("status: approved", "status: retired", 1))


def _edit_another_document(folder):
    path = folder / "self-compassion.md"
    path.write_text(path.read_text() + "\nAn unreviewed edit elsewhere.\n")


def _touch(folder):
    path = folder / f"{DOC}.md"
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))


@pytest.fixture
def assistant(tmp_path, small_corpus, embedder):
    settings = make_settings(data_dir=tmp_path / "d", knowledge_dir=small_corpus)
    build_ingestor(settings, embedder).run()
    return build_assistant(settings, embedder)


@pytest.mark.parametrize(
    ("change", "still_answers"),
    [
        (_edit, False),  # changed since approval
        (_retire, False),  # un-approved
        (_edit_another_document, True),  # no match: another document's edit
        (_touch, True),  # no match: saved without a change
    ],
)
def test_a_running_retriever_follows_approval_changes(
    assistant, small_corpus, change, still_answers
):
    retriever = assistant.retriever
    assert DOC in {p.doc_id for p in retriever.retrieve(QUESTION, k=10, apply_floor=False)}
    change(small_corpus)
    docs = {p.doc_id for p in retriever.retrieve(QUESTION, k=10, apply_floor=False)}
    assert (DOC in docs) is still_answers
    assert docs  # the other approved documents keep answering


def test_approval_state_is_read_again_only_when_a_file_changes(small_corpus, monkeypatch):
    approved = ApprovedDocuments(small_corpus)
    assert DOC in approved()
    reads = []
    def counting_load(folder):
        reads.append(folder)
        return load_corpus(folder)

    monkeypatch.setattr("assistant.kb.approval.load_corpus", counting_load)
    approved(), approved()
    assert reads == []
    _edit(small_corpus)
    assert DOC not in approved() and len(reads) == 1
    (small_corpus / "self-compassion.md").unlink()
    assert "self-compassion" not in approved() and len(reads) == 2
