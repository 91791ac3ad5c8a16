"""The integration-theme taxonomy (prompts/themes.yaml) and sentence-to-theme matching."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import numpy as np
import yaml
from pydantic import BaseModel, Field, ValidationError

from assistant.embeddings import Embedder
from assistant.errors import ConfigError


class ThemeDefinition(BaseModel):
    name: str
    description: str
    kind: Literal["theme", "insight", "body", "intention"] = "theme"
    exemplars: list[str] = Field(min_length=2)
    question: str
    explore: str
    query: str


class Taxonomy(BaseModel):
    version: int
    threshold: float = Field(ge=0, le=1)
    themes: list[ThemeDefinition] = Field(min_length=1)


def load_taxonomy(path: Path) -> Taxonomy:
    """Fail loudly: a broken taxonomy must stop the program, not silently degrade."""
    try:
        return Taxonomy.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
    except FileNotFoundError:
        raise ConfigError(f"{path}: theme taxonomy not found (set KAP_PROMPTS_DIR)") from None
    except (yaml.YAMLError, ValidationError) as exc:
        raise ConfigError(f"{path}: invalid theme taxonomy: {str(exc).splitlines()[0]}") from None


@dataclass
class ThemeMatcher:
    """Scores sentences against each theme's exemplars (max cosine similarity)."""

    taxonomy: Taxonomy
    embedder: Embedder
    _exemplars: np.ndarray | None = None
    _owner: np.ndarray | None = None

    def _embed_exemplars(self) -> None:
        if self._exemplars is None:
            texts, owner = [], []
            for index, theme in enumerate(self.taxonomy.themes):
                texts += theme.exemplars
                owner += [index] * len(theme.exemplars)
            self._exemplars = self.embedder.encode(texts)
            self._owner = np.array(owner)

    def scores(self, sentence_vectors: np.ndarray) -> np.ndarray:
        """A (sentences × themes) matrix of similarities."""
        self._embed_exemplars()
        similarity = sentence_vectors @ self._exemplars.T
        out = np.full((len(sentence_vectors), len(self.taxonomy.themes)), -1.0, dtype=np.float32)
        for index in range(len(self.taxonomy.themes)):
            out[:, index] = similarity[:, self._owner == index].max(axis=1)
        return out
