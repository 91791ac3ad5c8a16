"""The files of the installed base model that shipped learned artifacts are checked against."""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

from assistant.errors import ConfigError

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


def checked_base(model: str, sha256: str, artifact: str, rebuild: str) -> Path:
    """The base model's weights file, once it is the one ``artifact`` was trained on; else a
    ConfigError naming the artifact and both ways to mend it."""
    return checked_weights(base_weights(model), sha256, artifact, rebuild)


def checked_weights(weights: Path, sha256: str, artifact: str, rebuild: str) -> Path:
    """``weights`` itself, once it is the base model file ``artifact`` was trained on."""
    if not weights.is_file():
        raise ConfigError(
            f"{artifact}: its base model's weights {weights} were not found; reinstall the "
            "pinned package with `make install`"
        )
    if file_sha256(weights) != sha256:
        raise ConfigError(
            f"{artifact} was trained on another base model than the installed one at {weights} "
            f"(its weights' hash differs); reinstall the pinned package with `make install`, or "
            f"{rebuild}"
        )
    return weights
