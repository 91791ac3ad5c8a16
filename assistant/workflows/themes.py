"""The integration-theme taxonomy (prompts/themes.yaml) and sentence-to-theme matching."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import numpy as np
from pydantic import BaseModel, Field

from assistant.embeddings import Embedder
from assistant.yaml_config import load_yaml_model


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
    return load_yaml_model(path, Taxonomy, "theme taxonomy")


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
