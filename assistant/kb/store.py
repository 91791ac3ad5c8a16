"""The Chroma collection holding chunk embeddings: embedded on disk, or a Chroma server."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from urllib.parse import urlparse

import numpy as np

from assistant.config import Settings
from assistant.errors import IndexMissingError, StoreError

log = logging.getLogger(__name__)

MODEL_KEY = "embedding_model"
VOCABULARY_KEY = "vocabulary"
HASH_KEY = "content_sha256"


@dataclass(frozen=True)
class StoredChunk:
    chunk_id: str
    text: str
    metadata: dict
    embedding: np.ndarray | None = None


def connect(settings: Settings):
    """A Chroma client with telemetry off: a server when KAP_CHROMA_URL is set, else on disk."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False, allow_reset=False)
    try:
        if settings.chroma_url:
            url = urlparse(settings.chroma_url)
            return chromadb.HttpClient(
                host=url.hostname or "127.0.0.1",
                port=url.port or (443 if url.scheme == "https" else 8000),
                ssl=url.scheme == "https",
                settings=chroma_settings,
            )
        settings.chroma_path.mkdir(parents=True, exist_ok=True)
        return chromadb.PersistentClient(path=str(settings.chroma_path), settings=chroma_settings)
    except Exception as exc:  # chromadb raises many types; all mean "cannot use the store"
        where = settings.chroma_url or settings.chroma_path
        raise StoreError(f"Cannot open the Chroma store at {where}: {exc}") from None


class ChromaStore:
    """Chunks keyed by chunk id; cosine space; remembers which embedding model built it."""

    def __init__(self, client, name: str, embedding_model: str):
        self._client = client
        self.name = name
        self.embedding_model = embedding_model

    def _collection(self, name: str | None = None, create: bool = False):
        name = name or self.name
        if create:
            return self._client.get_or_create_collection(
                name,
                configuration={"hnsw": {"space": "cosine"}},
                metadata={MODEL_KEY: self.embedding_model},
                embedding_function=None,
            )
        try:
            collection = self._client.get_collection(name, embedding_function=None)
        except Exception:
            raise IndexMissingError("No index found; run `kap ingest` first") from None
        built_with = (collection.metadata or {}).get(MODEL_KEY)
        if built_with != self.embedding_model:
            raise IndexMissingError(
                f"The index was built with embedding model {built_with!r}, not "
                f"{self.embedding_model!r}; run `kap ingest --rebuild`"
            )
        return collection

    def exists(self) -> bool:
        return self.name in {c.name for c in self._client.list_collections()}

    def fingerprints(self) -> dict[str, tuple[str, dict]]:
        """chunk id -> (content hash, metadata) for what is stored; empty if no index yet."""
        if not self.exists():
            return {}
        got = self._collection().get(include=["metadatas"])
        return {
            cid: (meta.get(HASH_KEY, ""), meta)
            for cid, meta in zip(got["ids"], got["metadatas"], strict=True)
        }

    def write(
        self,
        upserts: list[tuple[str, str, dict, np.ndarray]],
        metadata_updates: list[tuple[str, dict]],
        deletions: list[str],
        collection_name: str | None = None,
    ) -> None:
        """Apply a prepared change set; all embeddings are computed before this is called."""
        collection = self._collection(collection_name, create=True)
        if deletions:
            collection.delete(ids=deletions)
        if upserts:
            ids, texts, metas, vectors = zip(*upserts, strict=True)
            collection.upsert(
                ids=list(ids),
                documents=list(texts),
                metadatas=list(metas),
                embeddings=np.vstack(vectors),
            )
        if metadata_updates:
            ids, metas = zip(*metadata_updates, strict=True)
            collection.update(ids=list(ids), metadatas=list(metas))

    def replace_with(self, staging_name: str) -> None:
        """Swap a fully built staging collection in for the live one."""
        if self.exists():
            self._client.delete_collection(self.name)
        self._client.get_collection(staging_name).modify(name=self.name)

    def drop(self, name: str) -> None:
        if name in {c.name for c in self._client.list_collections()}:
            self._client.delete_collection(name)

    def query(self, vector: np.ndarray, n: int, where: dict | None) -> list[tuple[str, float]]:
        """(chunk id, cosine similarity) of the ``n`` nearest chunks matching ``where``."""
        collection = self._collection()
        got = collection.query(
            query_embeddings=[vector.tolist()], n_results=n, where=where, include=["distances"]
        )
        return [
            (cid, 1.0 - float(dist))
            for cid, dist in zip(got["ids"][0], got["distances"][0], strict=True)
        ]

    def all_chunks(self) -> list[StoredChunk]:
        """Every stored chunk with its text, metadata and embedding (for BM25 and scoring)."""
        got = self._collection().get(include=["documents", "metadatas", "embeddings"])
        return [
            StoredChunk(chunk_id=cid, text=text, metadata=meta, embedding=np.asarray(vec))
            for cid, text, meta, vec in zip(
                got["ids"], got["documents"], got["metadatas"], got["embeddings"], strict=True
            )
        ]

    def vocabulary(self) -> str | None:
        """The approved query vocabulary (JSON) that the last ingest stored, if any."""
        if not self.exists():
            return None
        return (self._collection().metadata or {}).get(VOCABULARY_KEY)

    def set_vocabulary(self, vocabulary: str | None) -> None:
        """Store the query vocabulary beside the chunks, so every reader of this index,
        embedded or on a Chroma server, expands questions the same way."""
        metadata = {MODEL_KEY: self.embedding_model}
        if vocabulary is not None:
            metadata[VOCABULARY_KEY] = vocabulary
        self._collection(create=True).modify(metadata=metadata)

    def count(self) -> int:
        return self._collection().count() if self.exists() else 0


def open_store(settings: Settings) -> ChromaStore:
    return ChromaStore(connect(settings), settings.collection, settings.embedding_model)
