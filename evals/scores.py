"""Each suite's own report, read into one shape the quality gate judges.

The shape, per suite: ``{set name: {"size": n, "metrics": {name: number or None},
"misses": {name: [case, ...]}}}``. A miss names a case by id (PHI misses by id, type and
offsets only, never the value).
"""

from __future__ import annotations

# Identifier types that must never leak: emails, phone numbers and ID numbers.
MUST_CATCH = ("EMAIL", "PHONE", "MRN", "SSN", "ACCOUNT", "HEALTH_PLAN", "LICENSE", "DEVICE")

METRICS = {
    "phi": ("recall", "precision", "ids_leaked", "leaked"),
    "guard": (
        "dosing_blocked", "benign_blocked", "safe_blocked", "crisis_flagged",
        "benign_journal_flagged", "therapist_crisis_flagged", "therapist_category_correct",
        "benign_questions_crisis_flagged", "injection_flagged", "benign_injection_flagged",
        "injection_invariant", "injection_invariant_strict", "dosing_flagged_in_benign_journal",
        "expectations_met",
    ),
    "retrieval": ("recall@5", "mrr", "ndcg@10", "in_scope_answered", "in_scope_empty",
                  "out_of_scope_rejected"),
    "grounding": ("teaching_cited", "citations_resolved", "dose_amounts", "new_identifiers",
                  "crisis_carried", "outputs", "llm_fallbacks"),
}


def phi_scores(report: dict) -> dict[str, dict]:
    """From ``evals.phi`` (``report["suites"][name]["ours"]``)."""
    scores = {}
    for name, result in report["suites"].items():
        ours = result["ours"]
        leaks = ours["leaks"]
        critical = [leak for leak in leaks if leak["type"] in MUST_CATCH]
        scores[name] = {
            "size": result["texts"],
            "metrics": {"recall": ours["recall"], "precision": ours["precision"],
                        "ids_leaked": len(critical), "leaked": len(leaks)},
            "misses": {"recall": leaks, "leaked": leaks, "ids_leaked": critical,
                       "precision": ours.get("false_positives", [])},
        }
    return scores


def guard_scores(report: dict) -> dict[str, dict]:
    """From ``evals.guard`` (one set per split)."""
    scores = {}
    for split, result in report["splits"].items():
        metrics = {k: v for k, v in result["guard"].items() if k in METRICS["guard"]}
        misses = {k: [_short(row) for row in v] for k, v in result["guard_errors"].items()}
        scores[split] = {"size": sum(result["sizes"].values()), "metrics": metrics, "misses": misses}
    return scores


def _short(row: dict) -> dict:
    return {key: row[key] for key in ("id", "text", "flags") if key in row}


def retrieval_scores(report: dict, name: str) -> dict[str, dict]:
    """From ``evals.retrieval``: the pipeline the app uses (hybrid, questions understood)."""
    pipeline = report["modes"]["pipeline"]
    empty = [m for m in report["misses"] if m.get("empty")]
    out_of_scope = report.get("out_of_scope") or 0
    return {name: {
        "size": report["questions"],
        "metrics": {"recall@5": pipeline["recall@5"], "mrr": pipeline["mrr"],
                    "ndcg@10": pipeline["ndcg@10"],
                    "in_scope_answered": round(1 - len(empty) / max(report["questions"], 1), 4),
                    "in_scope_empty": len(empty),
                    "out_of_scope_rejected": round(pipeline["out_of_scope_rejected"] / out_of_scope, 4)
                    if out_of_scope else None},
        "misses": {"recall@5": report["misses"], "mrr": report["misses"],
                   "in_scope_empty": [{"id": m["id"]} for m in empty]},
    }}
