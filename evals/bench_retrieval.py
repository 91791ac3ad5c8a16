"""Benchmarks of ingestion and retrieval, with ratios against a baseline in the same run."""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from assistant.config import Settings
from assistant.embeddings import build_embedder
from assistant.factory import build_assistant
from assistant.kb.ingest import build_ingestor
from assistant.privacy.vault import Vault
from evals.retrieval import DEFAULT_DATA, load_questions


def _timed(fn) -> float:
    started = time.perf_counter()
    fn()
    return (time.perf_counter() - started) * 1000


def bench(settings: Settings) -> list[dict]:
    """Ingest into a throw-away store (first vs unchanged re-ingest), then query latencies."""
    embedder = build_embedder(settings)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        scratch = settings.model_copy(update={"data_dir": Path(tmp), "chroma_url": None})
        ingestor = build_ingestor(scratch, embedder)
        first = _timed(ingestor.run)
        again = _timed(ingestor.run)
        rows.append({"name": "ingest (first, all chunks)", "median_ms": round(first, 1)})
        rows.append(
            {"name": "re-ingest (unchanged)", "median_ms": round(again, 1), "ratio": round(again / first, 3)}
        )
        assistant = build_assistant(scratch, embedder)
        questions = [q["question"] for q in load_questions(DEFAULT_DATA)]
        assistant.retriever.retrieve(questions[0])  # warm-up: loads the index and model
        baseline = None
        for mode in ("bm25", "dense", "hybrid"):
            assistant.embedder.clear_cache()  # every mode pays for its query embeddings
            times = [
                _timed(lambda q=q: assistant.retriever.retrieve(q, mode=mode)) for q in questions
            ]
            median = statistics.median(times)
            baseline = baseline or median
            rows.append(
                {"name": f"retrieve {mode}", "median_ms": round(median, 2), "ratio": round(median / baseline, 2)}
            )
        vault = Vault()
        assistant.embedder.clear_cache()
        times = [_timed(lambda q=q: assistant.ask(q, vault)) for q in questions]
        rows.append({"name": "ask (scrub, guard, retrieve, answer)", "median_ms": round(statistics.median(times), 1)})
    return rows
