"""The files of the installed base model that shipped learned artifacts are checked against."""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

BASE_WEIGHTS_FILE = "model.safetensors"


@cache
def file_sha256(path: Path) -> str:
    """The SHA-256 of a file, read in chunks (the base model's weights: ~90 MB)."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def base_weights(model: str) -> Path:
    """The weights file of an embedding model setting (the bundled MiniLM by its package)."""
    from assistant.embeddings import resolve_model_path

    return resolve_model_path(model) / BASE_WEIGHTS_FILE
