"""The Chroma collections holding chunk embeddings: embedded on disk, or a Chroma server.

An index is a family of collections named after ``KAP_COLLECTION`` (say ``kb``):

- ``kb.v7``: a complete *version*, written once by one ingest and never changed after;
- ``kb.live``: the pointer, an empty collection whose metadata names the published version;
- ``kb.lock``: the lock record of the ingest writing to a server (see assistant.kb.lock).

Readers resolve the pointer, so they always see one whole version. A writer builds a new
version, moves the pointer in one call, and only then deletes the old version: killed at
any point, it leaves the last published index answering, and its half-built version is
deleted by the next ingest.
"""

from __future__ import annotations

import logging
import re
import time
from contextlib import contextmanager
from dataclasses import dataclass
from urllib.parse import urlparse

import numpy as np

from assistant.config import Settings
from assistant.errors import IndexMissingError, StoreError

log = logging.getLogger(__name__)

MODEL_KEY = "embedding_model"
VOCABULARY_KEY = "vocabulary"
HASH_KEY = "content_sha256"
POINTER_KEY = "live"
LOCK_HOLDER_KEY = "holder"
LOCK_EXPIRES_KEY = "expires"
NO_INDEX = "No index found; run `kap ingest` first"

Row = tuple[str, str, dict, np.ndarray]  # chunk id, text, metadata, embedding


@dataclass(frozen=True)
class StoredChunk:
    chunk_id: str
    text: str
    metadata: dict
    embedding: np.ndarray | None = None


def unreachable_message(url: str) -> str:
    return (
        f"The Chroma server at {url} cannot be reached; start it (`chroma run --host HOST "
        f"--port PORT --path DIR`) or correct KAP_CHROMA_URL, then try again"
    )


def connect(settings: Settings):
    """A Chroma client with telemetry off: a server when KAP_CHROMA_URL is set, else on disk."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False, allow_reset=False)
    if settings.chroma_url:
        url = urlparse(settings.chroma_url)
        try:
            return chromadb.HttpClient(
                host=url.hostname or "127.0.0.1",
                port=url.port or (443 if url.scheme == "https" else 8000),
                ssl=url.scheme == "https",
                settings=chroma_settings,
            )
        except Exception:  # the client checks the server on creation; any failure means "not there"
            raise StoreError(unreachable_message(settings.chroma_url)) from None
    try:
        settings.chroma_path.mkdir(parents=True, exist_ok=True)
        return chromadb.PersistentClient(path=str(settings.chroma_path), settings=chroma_settings)
    except Exception as exc:  # chromadb raises many types; all mean "cannot use the store"
        raise StoreError(
            f"Cannot open the Chroma store at {settings.chroma_path}: {exc}; check that the "
            "folder is readable and writable, or set KAP_DATA_DIR to another one"
        ) from None


class ChromaStore:
    """Versioned chunk collections behind a pointer; cosine space; remembers its embedding model.

    ``server_url`` is set when ``client`` talks to a Chroma server: a failed call then says
    the server cannot be reached instead of "no index".
    """

    def __init__(self, client, name: str, embedding_model: str, server_url: str | None = None):
        self._client = client
        self.name = name
        self.embedding_model = embedding_model
        self.server_url = server_url
        self.pointer_name = f"{name}.live"
        self.lock_name = f"{name}.lock"
        self._version = re.compile(re.escape(name) + r"\.v(\d+)")
        self._opened = None  # the published collection last read: one pointer read per query

    # -- calls to Chroma -------------------------------------------------------------------

    @contextmanager
    def _reaching(self, *passing: type[Exception]):
        """Failures of the calls inside become a StoreError, except "not found" and ``passing``."""
        from chromadb.errors import ChromaError, NotFoundError

        try:
            yield
        except (NotFoundError, *passing):
            raise
        except Exception as exc:
            if self.server_url and not isinstance(exc, ChromaError):
                raise StoreError(unreachable_message(self.server_url)) from None
            where = f"server at {self.server_url}" if self.server_url else "embedded store"
            raise StoreError(
                f"The Chroma {where} failed: {exc}; check its disk space and permissions, "
                "then run `kap ingest` again"
            ) from None

    def _get(self, name: str):
        """The collection ``name``, or None when there is none."""
        from chromadb.errors import NotFoundError

        try:
            with self._reaching():
                return self._client.get_collection(name, embedding_function=None)
        except NotFoundError:
            return None

    def _names(self) -> set[str]:
        with self._reaching():
            return {c.name for c in self._client.list_collections()}

    # -- reading ---------------------------------------------------------------------------

    def live_name(self) -> str | None:
        """The published version's collection, or None when nothing was ever published.

        An index written before versions existed lives in the collection ``name`` itself.
        """
        pointer = self._get(self.pointer_name)
        if pointer is not None:
            return (pointer.metadata or {}).get(POINTER_KEY)
        return self.name if self._get(self.name) is not None else None

    def _published(self):
        """The published version's collection, or None.

        A published name is never reused (version numbers only grow), so the handle opened
        for a name stays valid for as long as the pointer names it.
        """
        for _ in range(2):  # a writer may publish and delete the version between our two reads
            name = self.live_name()
            if name is None:
                return None
            if self._opened is None or self._opened.name != name:
                self._opened = self._get(name)
            if self._opened is not None:
                return self._opened
        return None

    def _check_model(self, collection) -> None:
        built_with = (collection.metadata or {}).get(MODEL_KEY)
        if built_with != self.embedding_model:
            raise IndexMissingError(
                f"The index was built with embedding model {built_with!r}, not "
                f"{self.embedding_model!r}; run `kap ingest --rebuild`"
            )

    def _collection(self):
        """The published version, built with our embedding model."""
        collection = self._published()
        if collection is None:
            raise IndexMissingError(NO_INDEX)
        self._check_model(collection)
        return collection

    def fingerprints(self, check_model: bool = True) -> dict[str, tuple[str, dict]]:
        """chunk id -> (content hash, metadata) for what is published; empty if no index yet.

        ``check_model=False`` reads an index built with another model (to rebuild it).
        """
        collection = self._published()
        if collection is None:
            return {}
        if check_model:
            self._check_model(collection)
        with self._reaching():
            got = collection.get(include=["metadatas"])
        return {
            cid: (meta.get(HASH_KEY, ""), meta)
            for cid, meta in zip(got["ids"], got["metadatas"], strict=True)
        }

    def vectors(self, chunk_ids: list[str]) -> dict[str, np.ndarray]:
        """The published embeddings of ``chunk_ids`` (to copy them into a new version)."""
        collection = self._collection()
        with self._reaching():
            got = collection.get(ids=chunk_ids, include=["embeddings"])
        return {
            cid: np.asarray(vec) for cid, vec in zip(got["ids"], got["embeddings"], strict=True)
        }

    def query(self, vector: np.ndarray, n: int, where: dict | None) -> list[tuple[str, float]]:
        """(chunk id, cosine similarity) of the ``n`` nearest chunks matching ``where``."""
        collection = self._collection()
        with self._reaching():
            got = collection.query(
                query_embeddings=[vector.tolist()], n_results=n, where=where, include=["distances"]
            )
        return [
            (cid, 1.0 - float(dist))
            for cid, dist in zip(got["ids"][0], got["distances"][0], strict=True)
        ]

    def all_chunks(self) -> list[StoredChunk]:
        """Every published chunk with its text, metadata and embedding (for BM25 and scoring)."""
        collection = self._collection()
        with self._reaching():
            got = collection.get(include=["documents", "metadatas", "embeddings"])
        return [
            StoredChunk(chunk_id=cid, text=text, metadata=meta, embedding=np.asarray(vec))
            for cid, text, meta, vec in zip(
                got["ids"], got["documents"], got["metadatas"], got["embeddings"], strict=True
            )
        ]

    def vocabulary(self) -> str | None:
        """The approved query vocabulary (JSON) that the last ingest stored, if any."""
        pointer = self._get(self.pointer_name)
        return (pointer.metadata or {}).get(VOCABULARY_KEY) if pointer is not None else None

    def set_vocabulary(self, vocabulary: str | None) -> None:
        """Store the query vocabulary beside the published pointer, so every reader of this
        index, embedded or on a Chroma server, expands questions the same way."""
        self._set_pointer(vocabulary=vocabulary, live=self.live_name())

    def count(self) -> int:
        """How many chunks are published (0 when there is no index)."""
        collection = self._published()
        if collection is None:
            return 0
        with self._reaching():
            return collection.count()

    # -- writing (one writer at a time: hold the ingest lock) ------------------------------

    def create_version(self) -> str:
        """A new, empty version collection to fill with ``add`` and then ``publish``."""
        numbers = [int(m.group(1)) for n in self._names() if (m := self._version.fullmatch(n))]
        name = f"{self.name}.v{max(numbers, default=0) + 1}"
        with self._reaching():
            self._client.create_collection(
                name,
                configuration={"hnsw": {"space": "cosine"}},
                metadata={MODEL_KEY: self.embedding_model},
                embedding_function=None,
            )
        return name

    def add(self, version: str, rows: list[Row]) -> None:
        """Write complete chunks (text, metadata and embedding) into an unpublished version."""
        if not rows:
            return
        ids, texts, metas, vectors = zip(*rows, strict=True)
        with self._reaching():
            self._client.get_collection(version, embedding_function=None).upsert(
                ids=list(ids),
                documents=list(texts),
                metadatas=list(metas),
                embeddings=np.vstack(vectors),
            )

    def publish(self, version: str) -> None:
        """Point readers at ``version`` in one call, then delete every other version."""
        self._set_pointer(live=version, vocabulary=self.vocabulary())
        log.info("published index version %s", version)
        self.discard_unpublished()

    def _set_pointer(self, live: str | None, vocabulary: str | None) -> None:
        """Write the pointer record in one call: the published version and the vocabulary."""
        metadata = {key: value for key, value in ((POINTER_KEY, live), (VOCABULARY_KEY, vocabulary))
                    if value is not None}
        with self._reaching():
            pointer = self._client.get_or_create_collection(
                self.pointer_name, embedding_function=None
            )
            pointer.modify(metadata=metadata or None)

    def discard_unpublished(self) -> None:
        """Delete versions that are not published: left by a killed ingest, or replaced."""
        live = self.live_name()
        legacy = {self.name, f"{self.name}-staging"}
        stale = [
            n for n in self._names() if n != live and (n in legacy or self._version.fullmatch(n))
        ]
        with self._reaching():
            for name in stale:
                self._client.delete_collection(name)
        if stale:
            log.info("deleted %d unpublished or replaced index versions", len(stale))

    # -- the lock record (for a server; the embedded store uses a lock file) ----------------

    def claim_lock(self, holder: str, ttl: float) -> str | None:
        """Create the lock record for ``holder``; None when claimed, else who holds it.

        Creating a collection is atomic on the server, so two writers cannot both succeed;
        a record whose lease ran out (its writer died) is deleted and claimed again.
        """
        from chromadb.errors import ChromaError

        for _ in range(2):
            now = time.time()
            try:
                with self._reaching(ChromaError):
                    self._client.create_collection(
                        self.lock_name,
                        metadata={LOCK_HOLDER_KEY: holder, LOCK_EXPIRES_KEY: now + ttl},
                        embedding_function=None,
                    )
                return None
            except ChromaError:  # it exists: someone holds it, or held it and died
                record = self._get(self.lock_name)
            if record is None:
                continue  # released between our two calls
            meta = record.metadata or {}
            expires = float(meta.get(LOCK_EXPIRES_KEY, 0))
            if expires > now:
                until = time.strftime("%H:%M:%S UTC", time.gmtime(expires))
                return f"{meta.get(LOCK_HOLDER_KEY, 'an unknown writer')}, lease until {until}"
            log.warning("taking over the expired lock record %s", self.lock_name)
            with self._reaching():
                self._client.delete_collection(self.lock_name)
        return "another writer that is taking over an expired lock"

    def renew_lock(self, holder: str, ttl: float) -> bool:
        """Extend ``holder``'s lease; False when the record is gone or someone else's."""
        record = self._get(self.lock_name)
        if record is None or (record.metadata or {}).get(LOCK_HOLDER_KEY) != holder:
            return False
        with self._reaching():
            record.modify(metadata={LOCK_HOLDER_KEY: holder, LOCK_EXPIRES_KEY: time.time() + ttl})
        return True

    def release_lock(self, holder: str) -> None:
        record = self._get(self.lock_name)
        if record is not None and (record.metadata or {}).get(LOCK_HOLDER_KEY) == holder:
            with self._reaching():
                self._client.delete_collection(self.lock_name)


def open_store(settings: Settings) -> ChromaStore:
    return ChromaStore(
        connect(settings), settings.collection, settings.embedding_model, settings.chroma_url
    )
