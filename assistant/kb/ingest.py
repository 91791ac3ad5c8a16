"""Incremental ingestion: validate the corpus, embed only what changed, publish a new version.

Under the writer lock, a changed corpus is written as a complete new index version (fresh
embeddings for changed chunks, published embeddings copied for the rest) and then published
in one step; a killed run leaves the previous version answering (see assistant.kb.store).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

from assistant.config import Settings
from assistant.embeddings import Embedder, build_embedder
from assistant.kb.chunking import Chunk, chunk_document
from assistant.kb.corpus import load_corpus
from assistant.kb.lock import WriterLock, holding, writer_lock
from assistant.kb.store import HASH_KEY, ChromaStore, open_store

log = logging.getLogger(__name__)

ProgressStart = Callable[[int], Callable[[int], None]]


@dataclass
class IngestReport:
    added: int = 0
    updated: int = 0
    removed: int = 0
    unchanged: int = 0
    embedded: int = 0
    vocabulary_updated: bool = False

    def as_dict(self) -> dict:
        return asdict(self)


def _stored_metadata(chunk: Chunk) -> dict:
    return {**chunk.metadata, HASH_KEY: chunk.content_sha256}


class Ingestor:
    """Keeps the store in step with the knowledge folder.

    ``batch_size`` chunks are embedded and written per step; ``lock_wait`` is how long to
    wait for another writer before giving up.
    """

    def __init__(
        self,
        store: ChromaStore,
        embedder: Embedder,
        knowledge_dir: Path,
        lock: WriterLock,
        batch_size: int = 64,
        lock_wait: float = 30.0,
    ):
        self.store = store
        self.embedder = embedder
        self.knowledge_dir = knowledge_dir
        self.lock = lock
        self.batch_size = batch_size
        self.lock_wait = lock_wait

    def load_chunks(self) -> list[Chunk]:
        """Every chunk of every document; an invalid corpus raises before anything is touched."""
        return self._load()[0]

    def _load(self) -> tuple[list[Chunk], str | None]:
        """Chunks, and the approved vocabulary as JSON (None when absent or not approved)."""
        corpus = load_corpus(self.knowledge_dir)
        corpus.raise_if_invalid()
        chunks = [chunk for doc in corpus.documents for chunk in chunk_document(doc)]
        vocabulary = corpus.vocabulary
        if vocabulary is not None and not vocabulary.is_approved:
            log.warning("ingest: the vocabulary is not approved; questions are not expanded")
        approved = vocabulary.to_json() if vocabulary and vocabulary.is_approved else None
        return chunks, approved

    def run(self, rebuild: bool = False, progress: ProgressStart | None = None) -> IngestReport:
        chunks, vocabulary = self._load()
        with holding(self.lock, self.lock_wait):
            self.store.discard_unpublished()
            report = self._update(chunks, rebuild, progress)
            if self.store.vocabulary() != vocabulary:
                self.store.set_vocabulary(vocabulary)
                report.vocabulary_updated = True
            return report

    def _update(
        self, chunks: list[Chunk], rebuild: bool, progress: ProgressStart | None
    ) -> IngestReport:
        stored = self.store.fingerprints(check_model=not rebuild)
        report = IngestReport()
        to_embed: list[Chunk] = []
        to_copy: list[Chunk] = []
        for chunk in chunks:
            previous = stored.get(chunk.chunk_id)
            if previous is None:
                report.added += 1
                to_embed.append(chunk)
            elif rebuild or previous[0] != chunk.content_sha256:
                report.updated += 1
                to_embed.append(chunk)
            elif previous[1] != _stored_metadata(chunk):
                report.updated += 1  # approval or title changed: new metadata, same embedding
                to_copy.append(chunk)
            else:
                report.unchanged += 1
                to_copy.append(chunk)
        current_ids = {chunk.chunk_id for chunk in chunks}
        report.removed = sum(cid not in current_ids for cid in stored)
        if report.added or report.updated or report.removed:
            self._publish(to_embed, to_copy, progress)
            report.embedded = len(to_embed)
        log.info("ingest: %s", report.as_dict())
        return report

    def _publish(
        self, to_embed: list[Chunk], to_copy: list[Chunk], progress: ProgressStart | None
    ) -> None:
        """Write every current chunk into a new version, step by step, then publish it."""
        version = self.store.create_version()
        on_batch = progress(len(to_embed)) if progress and to_embed else None
        for part in _batches(to_embed, self.batch_size):
            vectors = self.embedder.encode([c.embed_text for c in part], on_progress=on_batch)
            self._write(version, part, vectors)
        for part in _batches(to_copy, self.batch_size):
            published = self.store.vectors([c.chunk_id for c in part])
            self._write(version, part, [published[c.chunk_id] for c in part])
        self.lock.renew()
        self.store.publish(version)

    def _write(self, version: str, chunks: list[Chunk], vectors) -> None:
        rows = [
            (c.chunk_id, c.text, _stored_metadata(c), vector)
            for c, vector in zip(chunks, vectors, strict=True)
        ]
        self.store.add(version, rows)
        self.lock.renew()
        log.debug("wrote %d chunks to %s", len(chunks), version)


def _batches(items: list, size: int) -> list[list]:
    return [items[start : start + size] for start in range(0, len(items), size)]


def build_ingestor(settings: Settings, embedder: Embedder | None = None) -> Ingestor:
    store = open_store(settings)
    return Ingestor(
        store,
        embedder or build_embedder(settings),
        settings.knowledge_dir,
        writer_lock(settings, store),
        batch_size=settings.embedding_batch_size,
    )
