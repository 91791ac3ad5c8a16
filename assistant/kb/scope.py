"""Is a question about something the knowledge base covers?

A small learned scope model decides, instead of one similarity floor: a logistic regression
over the question's MiniLM vectors (as typed and as understood), its retrieval signals
(best dense similarity, best BM25 score, vocabulary concepts named) and its likeness to the
nearest labelled questions in scope and out of scope (whose vectors ship with the model).
It is trained by ``make models`` (``tools/retrieval_scope``) on questions written by
separate authors, in and out of scope, and ships in ``assistant/kb/scope_model`` with a
manifest (base model and its hash, data digest, recipe, threshold, leave-one-set-out
figures). Its threshold is chosen so
that no in-scope question of the training data, read by a model that never saw it, is left
without material: an empty answer on a covered topic is the failure it must not make.
See docs/evaluation/retrieval-scope.md.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from assistant.errors import ConfigError
from assistant.model_files import checked_base

MODEL_DIR = Path(__file__).with_name("scope_model")
MANIFEST = "manifest.json"
WEIGHTS = "scope.npz"
REBUILD = "retrain it with `make models` (a maintainer step)"
# Scales that put the retrieval signals in the range of the vector components' weights.
KEYWORD_SCALE = 20.0
MAX_CONCEPTS = 5
MAX_SPELLED_OUT = 3
SIGNAL_WEIGHT = 3.0
# Labelled questions read for likeness: the nearest this many of each kind.
NEIGHBOURS = 3


@dataclass(frozen=True)
class ScopeSignals:
    """What retrieval knows about a question before deciding whether to answer it."""

    typed_vector: np.ndarray
    understood_vector: np.ndarray  # the typed one when the rewrite changed nothing
    typed_similarity: float  # best dense similarity of any approved passage, as typed
    understood_similarity: float  # the same, as typed or as understood
    keyword_score: float  # best BM25 score of the rewritten question
    concepts: int  # vocabulary concepts the question names
    spelled_out: int  # abbreviations the rewrite spelled out

    def features(self) -> np.ndarray:
        signals = np.array([
            self.typed_similarity,
            self.understood_similarity,
            self.keyword_score / KEYWORD_SCALE,
            min(self.concepts, MAX_CONCEPTS) / MAX_CONCEPTS,
            min(self.spelled_out, MAX_SPELLED_OUT) / MAX_SPELLED_OUT,
        ], dtype=np.float32)
        return np.concatenate([signals * SIGNAL_WEIGHT, self.typed_vector, self.understood_vector])


def likeness(vector: np.ndarray, references: np.ndarray, in_scope: np.ndarray) -> np.ndarray:
    """How like the labelled questions in scope and out of scope a question is (as
    understood): the mean and the best cosine of its ``NEIGHBOURS`` nearest of each kind."""
    similarity = references @ vector
    near_in = np.sort(similarity[in_scope])[-NEIGHBOURS:]
    near_out = np.sort(similarity[~in_scope])[-NEIGHBOURS:]
    found = [near_in.mean(), near_out.mean(), near_in.max(), near_out.max()]
    return np.array(found, dtype=np.float32) * SIGNAL_WEIGHT


class ScopeModel:
    """Weights, bias and the calibrated threshold of the logistic scope model, and the
    labelled questions whose likeness it reads (their vectors only). The installed base
    model is checked against the manifest's hash on first use (a clear error if it differs),
    so building one costs nothing."""

    def __init__(
        self,
        weights: np.ndarray,
        bias: float,
        threshold: float,
        references: np.ndarray,
        in_scope: np.ndarray,
        base: tuple[str, str] | None = None,
    ):
        self.weights = weights.astype(np.float32)
        self.bias = float(bias)
        self.threshold = float(threshold)
        self.references = references.astype(np.float32)
        self.labels = in_scope.astype(bool)  # per reference: in scope
        self._unverified_base = base

    def features(self, signals: ScopeSignals) -> np.ndarray:
        """The signals and vectors, then the question's likeness to the labelled ones."""
        return np.concatenate([
            signals.features(), likeness(signals.understood_vector, self.references, self.labels),
        ])

    def probability(self, signals: ScopeSignals) -> float:
        """How likely the question is in scope (0..1)."""
        if self._unverified_base is not None:
            checked_base(*self._unverified_base, "the retrieval scope model", REBUILD)
            self._unverified_base = None
        logit = float(self.features(signals) @ self.weights) + self.bias
        return float(1.0 / (1.0 + np.exp(-logit)))

    def in_scope(self, signals: ScopeSignals) -> bool:
        return self.probability(signals) >= self.threshold

    @classmethod
    def load(cls, embedding_model: str, directory: Path = MODEL_DIR) -> ScopeModel:
        """Read the shipped model; refuse clearly when it is missing, damaged, or was trained
        over another embedding model than ``embedding_model``."""
        manifest_path = directory / MANIFEST
        try:
            manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
            base = (manifest["base_model"], manifest["base_sha256"])
            threshold = float(manifest["threshold"])
            with np.load(directory / WEIGHTS) as data:
                weights, bias = data["weights"], float(data["bias"])
                references, in_scope = data["references"], data["in_scope"]
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise ConfigError(
                f"{directory}: the retrieval scope model is missing or damaged ({exc}); {REBUILD}"
            ) from None
        if base[0] != embedding_model:
            raise ConfigError(
                f"{directory}: the retrieval scope model reads vectors of {base[0]!r}, not of "
                f"the configured embedding model {embedding_model!r}; {REBUILD}"
            )
        return cls(weights, bias, threshold, references, in_scope, base)

