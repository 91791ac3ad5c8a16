"""Retrieval suite: recall@5, MRR and nDCG@10 by document for dense, BM25 and hybrid."""

from __future__ import annotations

import json
import statistics
import time
from pathlib import Path

from assistant.config import Settings
from assistant.errors import InputError
from assistant.factory import Assistant, build_assistant
from assistant.jsonl import json_lines
from evals.metrics import dedupe, ndcg_at, recall_at, reciprocal_rank

DEFAULT_DATA = Path(__file__).parent / "data" / "retrieval.jsonl"
MODES = ("dense", "bm25", "hybrid")
POOL = 30  # chunks fetched per question before ranking documents


def load_questions(path: Path) -> list[dict]:
    rows = []
    for number, row in json_lines(str(path), path.read_text(encoding="utf-8").splitlines()):
        try:
            rows.append({"id": row["id"], "question": row["question"], "relevant": set(row["relevant"])})
        except (KeyError, TypeError) as exc:
            raise InputError(f"{path}:{number}: expected {{id, question, relevant}} ({exc})") from None
    return rows


def run(
    settings: Settings,
    data: Path | None = None,
    report_dir: Path | None = None,
    assistant: Assistant | None = None,
) -> dict:
    """Score every mode on the in-scope questions and the relevance floor on all of them."""
    questions = load_questions(data or DEFAULT_DATA)
    assistant = assistant or build_assistant(settings)
    retriever = assistant.retriever
    in_scope = [q for q in questions if q["relevant"]]
    out_of_scope = [q for q in questions if not q["relevant"]]
    report: dict = {"suite": "retrieval", "questions": len(in_scope), "modes": {}, "misses": []}
    for mode in MODES:
        assistant.embedder.clear_cache()  # each mode pays for its own query embeddings
        recalls, rrs, ndcgs, times = [], [], [], []
        for q in in_scope:
            started = time.perf_counter()
            passages = retriever.retrieve(q["question"], k=POOL, mode=mode, apply_floor=False)
            times.append((time.perf_counter() - started) * 1000)
            ranked = dedupe([p.doc_id for p in passages])
            recalls.append(recall_at(ranked, q["relevant"], 5))
            rrs.append(reciprocal_rank(ranked, q["relevant"]))
            ndcgs.append(ndcg_at(ranked, q["relevant"], 10))
            if mode == "hybrid" and recalls[-1] < 1:
                report["misses"].append({"id": q["id"], "question": q["question"], "top": ranked[:3]})
        report["modes"][mode] = {
            "recall@5": round(statistics.mean(recalls), 4),
            "mrr": round(statistics.mean(rrs), 4),
            "ndcg@10": round(statistics.mean(ndcgs), 4),
            "median_ms": round(statistics.median(times), 2),
        }
    empty = [q["id"] for q in in_scope if not retriever.retrieve(q["question"])]
    rejected = sum(not retriever.retrieve(q["question"]) for q in out_of_scope)
    report["floor"] = {
        "threshold": settings.relevance_floor,
        "in_scope_answered": round(1 - len(empty) / len(in_scope), 4),
        "in_scope_empty": empty,
        "out_of_scope_rejected": round(rejected / len(out_of_scope), 4) if out_of_scope else None,
    }
    if report_dir:
        report_dir.mkdir(parents=True, exist_ok=True)
        (report_dir / "retrieval.json").write_text(json.dumps(report, indent=2))
    return report


def render(report: dict) -> str:
    lines = [f"Retrieval ({report['questions']} questions, by document)", ""]
    lines.append(f"{'mode':<8} {'recall@5':>9} {'MRR':>7} {'nDCG@10':>8} {'median ms':>10}")
    for mode, m in report["modes"].items():
        lines.append(
            f"{mode:<8} {m['recall@5']:>9.3f} {m['mrr']:>7.3f} {m['ndcg@10']:>8.3f} {m['median_ms']:>10.1f}"
        )
    floor = report["floor"]
    lines += [
        "",
        f"relevance floor {floor['threshold']}: in-scope answered {floor['in_scope_answered']:.3f}, "
        f"out-of-scope rejected {floor['out_of_scope_rejected']}",
    ]
    if report["misses"]:
        lines += ["", "hybrid misses (not in top 5):"]
        lines += [f"  {m['id']}: {m['question']} -> {m['top']}" for m in report["misses"]]
    return "\n".join(lines)
