"""Benchmarks of session-prep summaries and plans on a synthetic 200-entry journal."""

from __future__ import annotations

import statistics
import time

from assistant.config import Settings
from assistant.factory import build_assistant
from assistant.privacy.vault import Vault
from evals.synthetic_journal import synthetic_journal

RUNS = 3
ENTRIES = 200


def bench(settings: Settings) -> list[dict]:
    """Median seconds over a few runs; the embedding cache is cleared before each run."""
    assistant = build_assistant(settings)
    entries = synthetic_journal(ENTRIES)
    assistant.summarize(entries[:3], Vault())  # warm-up: load models once, as the app does
    summary_ms, plan_ms = [], []
    for _ in range(RUNS):
        assistant.embedder.clear_cache()
        vault = Vault()
        started = time.perf_counter()
        summary = assistant.summarize(entries, vault)
        summary_ms.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        assistant.plan(entries, vault, summary=summary)
        plan_ms.append((time.perf_counter() - started) * 1000)
    summary_median = statistics.median(summary_ms)
    return [
        {"name": f"summarize {ENTRIES}-entry journal", "median_ms": round(summary_median, 1),
         "per_second": ENTRIES / (summary_median / 1000)},
        {"name": "plan after the summary", "median_ms": round(statistics.median(plan_ms), 1),
         "ratio": round(statistics.median(plan_ms) / summary_median, 3)},
    ]
