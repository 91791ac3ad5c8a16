"""Incremental ingestion: validate the corpus, embed only what changed, then write once."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

from assistant.config import Settings
from assistant.embeddings import Embedder, build_embedder
from assistant.kb.chunking import Chunk, chunk_document
from assistant.kb.corpus import load_corpus
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
    """Keeps the store in step with the knowledge folder."""

    def __init__(self, store: ChromaStore, embedder: Embedder, knowledge_dir: Path):
        self.store = store
        self.embedder = embedder
        self.knowledge_dir = knowledge_dir

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
        stored = self.store.fingerprints()
        report = IngestReport()
        to_embed: list[Chunk] = []
        metadata_only: list[Chunk] = []
        for chunk in chunks:
            previous = stored.get(chunk.chunk_id)
            if previous is None:
                report.added += 1
                to_embed.append(chunk)
            elif rebuild or previous[0] != chunk.content_sha256:
                report.updated += 1
                to_embed.append(chunk)
            elif previous[1] != _stored_metadata(chunk):
                report.updated += 1
                metadata_only.append(chunk)
            else:
                report.unchanged += 1
        current_ids = {chunk.chunk_id for chunk in chunks}
        deletions = [cid for cid in stored if cid not in current_ids]
        report.removed = len(deletions)

        on_batch = progress(len(to_embed)) if progress and to_embed else None
        vectors = self.embedder.encode([c.embed_text for c in to_embed], on_progress=on_batch)
        report.embedded = len(to_embed)
        upserts = [
            (c.chunk_id, c.text, _stored_metadata(c), vec)
            for c, vec in zip(to_embed, vectors, strict=True)
        ]
        updates = [(c.chunk_id, _stored_metadata(c)) for c in metadata_only]
        if rebuild:
            self._rebuild(upserts)
        elif upserts or updates or deletions:
            self.store.write(upserts, updates, deletions)
        if self.store.vocabulary() != vocabulary:
            self.store.set_vocabulary(vocabulary)
            report.vocabulary_updated = True
        log.info("ingest: %s", report.as_dict())
        return report

    def _rebuild(self, upserts) -> None:
        """Build a staging collection, then swap it in: a failure leaves the old index intact."""
        staging = f"{self.store.name}-staging"
        self.store.drop(staging)
        try:
            self.store.write(upserts, [], [], collection_name=staging)
            self.store.replace_with(staging)
        except BaseException:
            self.store.drop(staging)
            raise


def build_ingestor(settings: Settings, embedder: Embedder | None = None) -> Ingestor:
    return Ingestor(open_store(settings), embedder or build_embedder(settings), settings.knowledge_dir)
