"""Find recurring threads among sentences the theme taxonomy did not cover."""

from __future__ import annotations

import numpy as np

MIN_SENTENCES = 3
MIN_ENTRIES = 2
MAX_THREADS = 2
DISTANCE = 0.45  # cosine distance within a thread (average linkage)


def recurring_threads(vectors: np.ndarray, rows: list[int], entry_of: list[int]) -> list[list[int]]:
    """Groups of ``rows`` that are close in meaning and span several entries, largest first."""
    if len(rows) < MIN_SENTENCES:
        return []
    from sklearn.cluster import AgglomerativeClustering

    labels = AgglomerativeClustering(
        n_clusters=None, metric="cosine", linkage="average", distance_threshold=DISTANCE
    ).fit_predict(vectors[rows])
    groups: dict[int, list[int]] = {}
    for row, label in zip(rows, labels, strict=True):
        groups.setdefault(int(label), []).append(row)
    threads = [
        members
        for members in groups.values()
        if len(members) >= MIN_SENTENCES and len({entry_of[r] for r in members}) >= MIN_ENTRIES
    ]
    return sorted(threads, key=lambda m: (-len(m), m[0]))[:MAX_THREADS]
