import re
import threading
from datetime import date

import numpy as np
import pytest

from assistant.errors import CorpusError, IndexMissingError, StoreError
from assistant.kb.approval import approve
from assistant.kb.corpus import load_corpus
from assistant.kb.ingest import Ingestor, build_ingestor
from assistant.kb.lock import FileLock
from assistant.kb.store import ChromaStore, connect
from tests.conftest import make_settings


@pytest.fixture
def setup(tmp_path, small_corpus, embedder):
    settings = make_settings(data_dir=tmp_path / "data", knowledge_dir=small_corpus)
    return settings, build_ingestor(settings, embedder)


def test_second_ingest_of_an_unchanged_corpus_embeds_nothing(setup):
    _, ingestor = setup
    first = ingestor.run()
    assert first.added > 10 and first.embedded == first.added
    published = ingestor.store.live_name()
    again = ingestor.run()
    assert (again.added, again.updated, again.removed, again.embedded) == (0, 0, 0, 0)
    assert again.unchanged == first.added
    assert ingestor.store.live_name() == published  # nothing changed, nothing re-published


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


def test_an_index_built_with_another_model_asks_for_a_rebuild_which_then_works(
    setup, tmp_path, embedder, small_corpus
):
    settings, ingestor = setup
    ingestor.run()
    other = ChromaStore(connect(settings), settings.collection, str(tmp_path))
    with pytest.raises(IndexMissingError, match="--rebuild"):
        other.all_chunks()
    lock = FileLock(settings.data_dir / "ingest.lock")
    with pytest.raises(IndexMissingError, match="--rebuild"):
        Ingestor(other, embedder, small_corpus, lock).run()
    rebuilt = Ingestor(other, embedder, small_corpus, lock).run(rebuild=True)
    assert rebuilt.embedded == rebuilt.updated > 10
    assert len(other.all_chunks()) == rebuilt.updated


def _chunks(store: ChromaStore) -> dict:
    return {c.chunk_id: (c.text, c.metadata, c.embedding) for c in store.all_chunks()}


def test_a_version_left_half_written_is_never_read_and_is_deleted_by_the_next_run(
    setup, small_corpus
):
    _, ingestor = setup
    ingestor.run()
    store = ingestor.store
    published, before = store.live_name(), _chunks(store)
    # what a killed run leaves: a new version with some chunks, never published
    orphan = store.create_version()
    store.add(orphan, [("grounding-techniques#summary", "stale", {"doc_id": "x"}, np.ones(384))])
    assert store.live_name() == published and _chunks(store).keys() == before.keys()

    path = small_corpus / "self-compassion.md"
    path.write_text(path.read_text() + "\nA closing paragraph about kindness towards oneself.\n")
    report = ingestor.run()
    assert report.embedded == 1
    names = {c.name for c in store._client.list_collections()}
    assert names == {store.pointer_name, store.live_name()}  # the orphan and old version are gone
    after = _chunks(store)
    assert after["grounding-techniques#summary"][0] != "stale"
    summary = "grounding-techniques#summary"
    assert np.allclose(after[summary][2], before[summary][2])


def test_an_index_from_before_versions_keeps_answering_and_is_replaced_on_the_next_change(
    setup, small_corpus
):
    settings, ingestor = setup
    ingestor.run()
    store = ingestor.store
    rows = [(cid, text, meta, vec) for cid, (text, meta, vec) in _chunks(store).items()]
    # re-create the old layout: the data in a collection named KAP_COLLECTION, no pointer
    published = store.live_name()
    store._client.delete_collection(store.pointer_name)
    store._client.delete_collection(published)
    store._client.create_collection(
        settings.collection, metadata={"embedding_model": settings.embedding_model},
        configuration={"hnsw": {"space": "cosine"}}, embedding_function=None,
    )
    store.add(settings.collection, rows)
    assert store.live_name() == settings.collection and len(store.all_chunks()) == len(rows)
    assert ingestor.run().embedded == 0

    (small_corpus / "safety-planning.md").unlink()
    assert ingestor.run().removed > 0
    names = {c.name for c in store._client.list_collections()}
    assert settings.collection not in names and store.live_name() in names


@pytest.mark.parametrize(
    ("held_for", "outcome"),
    [
        (None, "runs"),  # no other writer
        (0.3, "runs"),  # the other writer finishes within the wait
        (30.0, "names the lock"),  # it does not: a clear message instead of a second writer
    ],
)
def test_a_second_writer_waits_a_bounded_time_for_the_lock(setup, embedder, held_for, outcome):
    settings, first = setup
    first.run()
    lock_path = settings.data_dir / "ingest.lock"
    second = Ingestor(
        first.store, embedder, settings.knowledge_dir, FileLock(lock_path), lock_wait=1.5
    )
    holder, release = FileLock(lock_path), None
    if held_for is not None:
        assert holder.try_acquire() is None
        release = threading.Timer(held_for, holder.release)
        release.start()
    try:
        if outcome == "runs":
            assert second.run().unchanged > 10
        else:
            expected = f"lock file {re.escape(str(lock_path))} \\(`kap ingest` pid \\d+ .*wait"
            with pytest.raises(StoreError, match=expected):
                second.run()
    finally:
        if release:
            release.cancel()
            release.join()
        holder.release()


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
