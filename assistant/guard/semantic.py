"""Labelled exemplars compared with sentences by cosine similarity (the bundled MiniLM)."""

from __future__ import annotations

import hashlib
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import yaml

from assistant.dose_amounts import mask_dose_amounts
from assistant.embeddings import Embedder
from assistant.errors import ConfigError
from assistant.guard.text import Sentence
from assistant.models import Finding

log = logging.getLogger(__name__)

EXEMPLAR_DIR = Path(__file__).parent / "exemplars"
CALIBRATION_FILE = EXEMPLAR_DIR / "calibration.yaml"
# Exemplars copied from the dev sets by the calibration (never from held-out sets).
LEARNED_SUFFIX = ".learned.yaml"
# Their vectors are computed on this machine once (about a minute) and kept in the cache
# folder under a digest of the model and the texts; they are never committed.
VECTORS_SUFFIX = ".vectors.npz"
ProgressStart = Callable[[int], Callable[[int], None]]
# A sentence is compared with its TOP_K nearest positive and benign exemplars (their mean
# similarity): one stray near neighbour then decides less. Leave-one-batch-out on the dev
# sets gave crisis recall 0.966 with k=3 against 0.944 with k=1 at the same false rate.
TOP_K = 3


@dataclass(frozen=True)
class Exemplar:
    text: str
    category: str


@dataclass(frozen=True)
class Nearest:
    """The closest positive exemplar, and the mean similarity of the TOP_K nearest positive
    and the TOP_K nearest benign exemplars."""

    exemplar: Exemplar
    similarity: float
    benign_similarity: float


class ExemplarSet:
    """Positive and benign exemplars of one rule with the calibrated decision threshold.

    A sentence matches when its similarity to the nearest positive exemplar reaches
    ``threshold`` and beats the nearest benign exemplar by at least ``margin``.
    """

    def __init__(
        self,
        rule: str,
        positives: list[Exemplar],
        benign: list[str],
        threshold: float,
        margin: float,
        cache_dir: Path | None = None,
    ):
        if not positives or not benign:
            raise ConfigError(f"guard exemplars for {rule!r} need positive and benign examples")
        self.rule = rule
        self.positives = positives
        self.benign = benign
        self.threshold = threshold
        self.margin = margin
        self.cache_dir = cache_dir
        self._positive_vectors: np.ndarray | None = None
        self._benign_vectors: np.ndarray | None = None
        self._remembered: dict[bytes, Nearest] = {}

    @classmethod
    def load(
        cls,
        rule: str,
        directory: Path = EXEMPLAR_DIR,
        calibration_key: str | None = None,
        cache_dir: Path | None = None,
    ) -> ExemplarSet:
        """Read ``<rule>.yaml`` and its entry in ``calibration.yaml``; a broken file stops here.

        ``calibration_key`` picks another threshold for the same exemplars (e.g.
        ``crisis-reported`` for therapists' questions); it defaults to the rule. Vectors
        are kept in ``cache_dir`` once computed (not kept when it is None).
        """
        key = calibration_key or rule
        calibration = _read_yaml(directory / CALIBRATION_FILE.name).get(key)
        if not isinstance(calibration, dict) or "threshold" not in calibration:
            raise ConfigError(
                f"{directory / CALIBRATION_FILE.name}: no threshold for {key!r}; "
                "run `python -m tools.guard_model.calibrate` (a maintainer step)"
            )
        positives, benign = read_exemplars(rule, directory)
        return cls(
            rule,
            positives,
            benign,
            float(calibration["threshold"]),
            float(calibration["margin"]),
            cache_dir,
        )

    def embed(self, embedder: Embedder, progress: ProgressStart | None = None) -> None:
        """Embed the exemplars once (or read them from the cache); later calls are free."""
        if self._positive_vectors is None:
            texts = [e.text for e in self.positives] + self.benign
            vectors = exemplar_vectors(self.rule, texts, embedder, self.cache_dir, progress)
            self._positive_vectors = vectors[: len(self.positives)]
            self._benign_vectors = vectors[len(self.positives) :]
            log.debug("embedded %s exemplars for rule %s", len(texts), self.rule)

    def nearest(self, vectors: np.ndarray) -> list[Nearest]:
        """For each sentence vector, the nearest positive exemplar and best benign similarity."""
        if self._positive_vectors is None or self._benign_vectors is None:
            raise RuntimeError("ExemplarSet.embed() must run before nearest()")
        if len(vectors) == 0:
            return []
        remembered = [self._remembered.get(row.tobytes()) for row in vectors]
        if None not in remembered:
            return remembered
        return nearest_of(
            vectors @ self._positive_vectors.T, vectors @ self._benign_vectors.T, self.positives
        )

    def remember(self, vectors: np.ndarray) -> None:
        """Find the nearest exemplars of a whole batch of sentence vectors in one product;
        ``nearest`` on any of those rows is then a lookup. Replaces the previous batch."""
        self._remembered = {}
        self._remembered = {row.tobytes(): n for row, n in zip(vectors, self.nearest(vectors))}

    def matches(self, nearest: Nearest) -> bool:
        return (
            nearest.similarity >= self.threshold
            and nearest.similarity - nearest.benign_similarity >= self.margin
        )

    def finding(self, sentence: Sentence, nearest: Nearest) -> Finding | None:
        """A finding spanning the sentence when it is close enough to a positive exemplar."""
        if not self.matches(nearest):
            return None
        return Finding(
            rule=self.rule,
            category=nearest.exemplar.category,
            detail=f"exemplar {mask_dose_amounts(nearest.exemplar.text)!r} "
            f"(top-{TOP_K} similarity {nearest.similarity:.2f}, "
            f"benign {nearest.benign_similarity:.2f})",
            start=sentence.start,
            end=sentence.end,
            score=round(nearest.similarity, 4),
            source="exemplar",
        )


def nearest_of(
    to_positive: np.ndarray, to_benign: np.ndarray, positives: list[Exemplar]
) -> list[Nearest]:
    """Per row of similarities: the nearest positive exemplar and the TOP_K mean similarities."""
    positive = _top_k_mean(to_positive)
    benign = _top_k_mean(to_benign)
    return [
        Nearest(positives[i], float(positive[row]), float(benign[row]))
        for row, i in enumerate(to_positive.argmax(axis=1))
    ]


def _top_k_mean(similarities: np.ndarray) -> np.ndarray:
    k = min(TOP_K, similarities.shape[1])
    return np.partition(similarities, -k, axis=1)[:, -k:].mean(axis=1)


def exemplar_vectors(
    rule: str,
    texts: list[str],
    embedder: Embedder,
    cache_dir: Path | None,
    progress: ProgressStart | None = None,
) -> np.ndarray:
    """Vectors of the exemplar ``texts``: from the cache when it holds them for this model
    and these texts, else encoded now (each distinct text once, similar lengths batched
    together) and stored there in half precision."""
    digest = _digest(embedder.name, texts)
    path = cache_dir / f"{rule}-{digest[:16]}{VECTORS_SUFFIX}" if cache_dir else None
    if path is not None and path.is_file():
        try:
            with np.load(path) as data:
                if str(data["digest"]) == digest:
                    return data["vectors"].astype(np.float32)
        except (OSError, KeyError, ValueError) as exc:
            log.warning("ignoring unreadable exemplar vectors %s (%s)", path, type(exc).__name__)
    distinct = sorted(set(texts), key=len)
    advance = progress(len(distinct)) if progress else None
    encoded = dict(zip(distinct, embedder.encode(distinct, on_progress=advance), strict=True))
    vectors = np.vstack([encoded[t] for t in texts]).astype(np.float32)
    if path is not None:
        _store(path, vectors, digest)
    return vectors


def _store(path: Path, vectors: np.ndarray, digest: str) -> None:
    """Write the vectors beside their digest, atomically, readable by the owner only."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f"{path.name}.{os.getpid()}.partial.npz")  # two writers never share one
    np.savez_compressed(partial, vectors=vectors.astype(np.float16), digest=np.array(digest))
    os.chmod(partial, 0o600)
    partial.replace(path)


def _digest(model: str, texts: list[str]) -> str:
    return hashlib.sha256("\n".join([model, *texts]).encode("utf-8")).hexdigest()


def read_exemplars(
    rule: str, directory: Path = EXEMPLAR_DIR, learned: bool = True
) -> tuple[list[Exemplar], list[str]]:
    """The positive exemplars (with categories) and benign texts of ``<rule>.yaml``, followed
    by those of ``<rule>.learned.yaml`` when it exists and ``learned`` is true."""
    positives, benign = _read_exemplar_file(directory / f"{rule}.yaml")
    path = directory / f"{rule}{LEARNED_SUFFIX}"
    if learned and path.exists():
        more_positives, more_benign = _read_exemplar_file(path)
        positives, benign = positives + more_positives, benign + more_benign
    return positives, benign


def _read_exemplar_file(path: Path) -> tuple[list[Exemplar], list[str]]:
    data = _read_yaml(path)
    try:
        positives = [
            Exemplar(text, category)
            for category, texts in data["positive"].items()
            for text in texts
        ]
        benign = [text for texts in data["benign"].values() for text in texts]
    except (KeyError, TypeError, AttributeError) as exc:
        raise ConfigError(
            f"{path}: expected `positive:` and `benign:` mappings of category to texts ({exc})"
        ) from None
    return positives, benign


_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _read_yaml(path: Path) -> dict:
    try:
        # libyaml's parser: the learned exemplar files are megabytes (seconds at every start
        # with the pure-Python one)
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_YAML_LOADER)
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"{path}: cannot read guard exemplars ({exc})") from None
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: expected a YAML mapping")
    return data
