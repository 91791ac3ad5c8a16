"""Ranking metrics over document ids."""

from __future__ import annotations

import math


def dedupe(ranked: list[str]) -> list[str]:
    """Documents in order of their best-ranked chunk."""
    seen: dict[str, None] = {}
    for doc_id in ranked:
        seen.setdefault(doc_id, None)
    return list(seen)


def recall_at(ranked: list[str], relevant: set[str], k: int) -> float:
    return len(relevant & set(ranked[:k])) / len(relevant)


def reciprocal_rank(ranked: list[str], relevant: set[str]) -> float:
    return next((1.0 / i for i, doc in enumerate(ranked, 1) if doc in relevant), 0.0)


def ndcg_at(ranked: list[str], relevant: set[str], k: int) -> float:
    gain = sum(1.0 / math.log2(i + 1) for i, doc in enumerate(ranked[:k], 1) if doc in relevant)
    ideal = sum(1.0 / math.log2(i + 1) for i in range(1, min(len(relevant), k) + 1))
    return gain / ideal
