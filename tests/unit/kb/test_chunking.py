from assistant.kb.chunking import SUMMARY_SECTION, chunk_document
from assistant.kb.corpus import load_corpus
from tests.conftest import REPO

CORPUS = load_corpus(REPO / "knowledge")


def test_chunk_ids_are_unique_and_stable_across_runs():
    first = [c.chunk_id for d in CORPUS.documents for c in chunk_document(d)]
    again = [c.chunk_id for d in load_corpus(REPO / "knowledge").documents for c in chunk_document(d)]
    assert first == again
    assert len(first) == len(set(first))


def test_each_document_starts_with_a_summary_chunk_then_its_sections():
    doc = CORPUS.get("grounding-techniques")
    chunks = chunk_document(doc)
    assert chunks[0].section == SUMMARY_SECTION
    headings = [line[3:].strip() for line in doc.body.splitlines() if line.startswith("## ")]
    assert [c.section.split(" > ")[0] for c in chunks[1:]][0] == headings[0]
    assert set(headings) <= {c.section.split(" > ")[0] for c in chunks}


def test_chunks_carry_filterable_metadata_and_stay_small():
    for doc in CORPUS.documents:
        for chunk in chunk_document(doc):
            assert chunk.metadata["doc_id"] == doc.id
            assert chunk.metadata["approved"] is doc.is_approved
            assert chunk.embed_text.startswith(doc.meta.title)
            assert len(chunk.text.split()) <= 400
