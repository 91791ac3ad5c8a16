"""Retrieval suite: recall@5, MRR and nDCG@10 by document, empty results and declined
off-topic questions (the scope decision), with a sweep of the relevance floor, for dense, BM25 and hybrid search of the question as typed and for the full pipeline
(the question as understood: vocabulary, typo correction, then hybrid)."""

from __future__ import annotations

import json
import statistics
import time
from dataclasses import dataclass
from pathlib import Path

from assistant.config import Settings
from assistant.errors import InputError
from assistant.factory import Assistant
from assistant.jsonl import json_lines
from assistant.privacy.vault import Vault
from evals.metrics import dedupe, ndcg_at, recall_at, reciprocal_rank

DEFAULT_DATA = Path(__file__).parent / "data" / "retrieval.jsonl"
POOL = 30  # chunks fetched per question before ranking documents
FLOOR_SWEEP = (0.30, 0.35, 0.40, 0.42, 0.44, 0.46, 0.48, 0.50, 0.55)


@dataclass(frozen=True)
class Pipeline:
    name: str
    mode: str
    understand: bool


PIPELINES = (
    Pipeline("dense", "dense", False),
    Pipeline("bm25", "bm25", False),
    Pipeline("hybrid", "hybrid", False),
    Pipeline("pipeline", "hybrid", True),
)


def load_questions(path: Path) -> list[dict]:
    rows = []
    for number, row in json_lines(str(path), path.read_text(encoding="utf-8").splitlines()):
        try:
            rows.append({"id": row["id"], "question": row["question"], "relevant": set(row["relevant"])})
        except (KeyError, TypeError) as exc:
            raise InputError(f"{path}:{number}: expected {{id, question, relevant}} ({exc})") from None
    return rows


def run(settings: Settings, assistant: Assistant, data: Path | None = None, report_dir: Path | None = None) -> dict:
    """Score every pipeline on the in-scope questions and the floor on all of them. Each
    question is searched as the app searches it: scrubbed first (a question the scrubber
    changed is listed with what it became)."""
    questions = load_questions(data or DEFAULT_DATA)
    retriever = assistant.retriever
    for q in questions:
        q["searched"] = assistant.scrubber.scrub(q["question"], Vault()).text
    in_scope = [q for q in questions if q["relevant"]]
    out_of_scope = [q for q in questions if not q["relevant"]]
    report: dict = {
        "suite": "retrieval",
        "questions": len(in_scope),
        "out_of_scope": len(out_of_scope),
        "floor": settings.relevance_floor,
        "scope": (
            f"the learned scope model (threshold {retriever.scope.threshold:.4f})"
            if retriever.scope is not None else f"the relevance floor {settings.relevance_floor}"
        ),
        "scrubbed": sum(q["searched"] != q["question"] for q in questions),
        "modes": {},
        "misses": [],
    }
    best: dict[str, list[tuple[bool, float]]] = {"as typed": [], "understood": []}
    for pipeline in PIPELINES:
        retriever.embedder.clear_cache()  # each pipeline pays for its own query embeddings
        scores: dict[str, list[float]] = {"recall@5": [], "mrr": [], "ndcg@10": [], "ms": []}
        empty = rejected = 0
        for q in questions:
            started = time.perf_counter()
            passages = retriever.retrieve(
                q["searched"], k=POOL, mode=pipeline.mode, apply_floor=False,
                understand=pipeline.understand,
            )
            answered = retriever.retrieve(q["searched"], mode=pipeline.mode, understand=pipeline.understand)
            scores["ms"].append((time.perf_counter() - started) * 1000)
            if pipeline.mode == "hybrid":
                top = max((p.dense_score or 0.0 for p in passages), default=0.0)
                best["understood" if pipeline.understand else "as typed"].append((bool(q["relevant"]), top))
            if not q["relevant"]:
                rejected += not answered
                continue
            empty += not answered
            ranked = dedupe([p.doc_id for p in passages])
            scores["recall@5"].append(recall_at(ranked, q["relevant"], 5))
            scores["mrr"].append(reciprocal_rank(ranked, q["relevant"]))
            scores["ndcg@10"].append(ndcg_at(ranked, q["relevant"], 10))
            if pipeline.understand and (scores["recall@5"][-1] < 1 or not answered):
                report["misses"].append(
                    {"id": q["id"], "question": q["question"], "top": ranked[:3],
                     **({"scrubbed": q["searched"]} if q["searched"] != q["question"] else {}),
                     "expected": sorted(q["relevant"]), "empty": not answered}
                )
        report["modes"][pipeline.name] = {
            "recall@5": round(statistics.mean(scores["recall@5"]), 4),
            "mrr": round(statistics.mean(scores["mrr"]), 4),
            "ndcg@10": round(statistics.mean(scores["ndcg@10"]), 4),
            "median_ms": round(statistics.median(scores["ms"]), 2),
            "empty_in_scope": empty,
            "out_of_scope_rejected": rejected,
        }
    report["floor_sweep"] = floor_sweep(best)
    if report_dir:
        report_dir.mkdir(parents=True, exist_ok=True)
        (report_dir / "retrieval.json").write_text(json.dumps(report, indent=2))
    return report


def floor_sweep(best: dict[str, list[tuple[bool, float]]]) -> list[dict]:
    """For each candidate floor: in-scope questions left empty, out-of-scope ones rejected,
    judged on the best dense similarity of the question as typed and as understood."""
    rows = []
    for threshold in FLOOR_SWEEP:
        row: dict = {"floor": threshold}
        for name, pairs in best.items():
            row[name] = {
                "in_scope_empty": sum(relevant and top < threshold for relevant, top in pairs),
                "out_of_scope_rejected": sum(not relevant and top < threshold for relevant, top in pairs),
            }
        rows.append(row)
    return rows


def render(report: dict) -> str:
    lines = [
        f"Retrieval ({report['questions']} in-scope and {report['out_of_scope']} out-of-scope "
        f"questions, searched as the app searches them: scrubbed first, {report['scrubbed']} of them "
        f"changed by the scrubber; metrics by document; in scope by {report['scope']})",
        "",
        f"{'mode':<9} {'recall@5':>9} {'MRR':>7} {'nDCG@10':>8} {'empty':>6} {'oos rejected':>13} {'median ms':>10}",
    ]
    for mode, m in report["modes"].items():
        lines.append(
            f"{mode:<9} {m['recall@5']:>9.3f} {m['mrr']:>7.3f} {m['ndcg@10']:>8.3f} "
            f"{m['empty_in_scope']:>6} {m['out_of_scope_rejected']:>7}/{report['out_of_scope']:<5} "
            f"{m['median_ms']:>10.1f}"
        )
    lines += ["", "floor sweep (best dense similarity, the decision without the scope model): "
              "in-scope empty / out-of-scope rejected"]
    lines.append(f"{'floor':>6} {'as typed':>12} {'understood':>12}")
    for row in report["floor_sweep"]:
        cells = [f"{row[n]['in_scope_empty']}/{row[n]['out_of_scope_rejected']}" for n in ("as typed", "understood")]
        lines.append(f"{row['floor']:>6.2f} {cells[0]:>12} {cells[1]:>12}")
    if report["misses"]:
        lines += ["", "pipeline misses (expected document not in top 5, or no result):"]
        lines += [
            f"  {m['id']}: {m['question']}"
            + (f" [searched as: {m['scrubbed']}]" if "scrubbed" in m else "")
            + f" -> {m['top']} (expected {m['expected']}"
            f"{', EMPTY' if m['empty'] else ''})"
            for m in report["misses"]
        ]
    return "\n".join(lines)
