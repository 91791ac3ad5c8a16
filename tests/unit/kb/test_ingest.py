from datetime import date

import pytest

from assistant.errors import CorpusError
from assistant.kb.ingest import build_ingestor
from assistant.kb.approval import approve
from assistant.kb.corpus import load_corpus
from tests.conftest import make_settings


@pytest.fixture
def setup(tmp_path, small_corpus, embedder):
    settings = make_settings(data_dir=tmp_path / "data", knowledge_dir=small_corpus)
    return settings, build_ingestor(settings, embedder)


def test_second_ingest_of_an_unchanged_corpus_embeds_nothing(setup):
    _, ingestor = setup
    first = ingestor.run()
    assert first.added > 10 and first.embedded == first.added
    again = ingestor.run()
    assert (again.added, again.updated, again.removed, again.embedded) == (0, 0, 0, 0)
    assert again.unchanged == first.added


def test_changed_sections_are_re_embedded_and_removed_documents_disappear(setup, small_corpus):
    settings, ingestor = setup
    first = ingestor.run()
    path = small_corpus / "self-compassion.md"
    path.write_text(path.read_text() + "\nA new closing paragraph about kindness towards oneself.\n")
    (small_corpus / "safety-planning.md").unlink()
    report = ingestor.run()
    # only the edited chunk is re-embedded; its siblings just lose approval (metadata)
    assert report.embedded == 1 and report.updated >= 1
    assert report.removed > 0
    stored = ingestor.store.fingerprints()
    assert not any(cid.startswith("safety-planning#") for cid in stored)
    assert len(stored) == first.added - report.removed + report.added


def test_approval_change_updates_metadata_without_re_embedding(setup, small_corpus):
    _, ingestor = setup
    path = small_corpus / "self-compassion.md"
    path.write_text(path.read_text() + "\nAn unreviewed edit.\n")
    ingestor.run()
    approve(load_corpus(small_corpus), "self-compassion", "Dr R", date(2026, 1, 1))
    report = ingestor.run()
    assert report.updated > 0 and report.embedded == 0


def test_invalid_corpus_leaves_the_index_exactly_as_it_was(setup, small_corpus):
    _, ingestor = setup
    ingestor.run()
    before = ingestor.store.fingerprints()
    path = small_corpus / "grounding-techniques.md"
    path.write_text(path.read_text().replace("audience:", "audience: nobody #", 1))
    with pytest.raises(CorpusError, match="grounding-techniques.md: audience"):
        ingestor.run()
    assert ingestor.store.fingerprints() == before


def test_rebuild_re_embeds_everything_and_keeps_the_same_chunks(setup):
    _, ingestor = setup
    first = ingestor.run()
    rebuilt = ingestor.run(rebuild=True)
    assert rebuilt.embedded == first.added and rebuilt.updated == first.added
    assert len(ingestor.store.fingerprints()) == first.added
    assert ingestor.run().embedded == 0


def test_an_index_built_with_another_model_asks_for_a_rebuild(setup, tmp_path, embedder):
    settings, ingestor = setup
    ingestor.run()
    from assistant.errors import IndexMissingError
    from assistant.kb.store import ChromaStore, connect

    other = ChromaStore(connect(settings), settings.collection, str(tmp_path))
    with pytest.raises(IndexMissingError, match="--rebuild"):
        other.all_chunks()


def test_only_an_approved_vocabulary_reaches_the_index_and_needs_no_embedding(setup, small_corpus):
    from assistant.kb.vocabulary import Vocabulary

    _, ingestor = setup
    (small_corpus / "vocabulary.yaml").write_text(
        "version: 1\nabbreviations:\n  - {short: SI, means: [suicidal ideation]}\n"
    )
    ingestor.run()
    assert ingestor.store.vocabulary() is None  # a draft is not used
    approve(load_corpus(small_corpus), "vocabulary", "Dr R", date(2026, 1, 1))
    report = ingestor.run()
    assert report.vocabulary_updated and report.embedded == 0
    assert Vocabulary.from_json(ingestor.store.vocabulary()).abbreviations[0].short == "SI"
    again = ingestor.run()
    assert not again.vocabulary_updated and again.embedded == 0
