"""Each suite's own report read into the gate's shape: metrics, and the cases behind them."""

from evals import phi
from evals.scores import guard_scores, phi_scores, retrieval_scores


def test_phi_leaks_of_emails_phones_and_ids_are_counted_apart_without_values():
    cases = [{"id": "a", "text": "Dana at 206-555-0143, MRN 3381904.",
              "entities": [{"type": "PERSON", "start": 0, "end": 4},
                           {"type": "PHONE", "start": 8, "end": 20},
                           {"type": "MRN", "start": 26, "end": 33}]}]
    predicted = [[(0, 4, "PERSON"), (22, 25, "ORGANIZATION")]]  # phone and MRN leak; one wrong span
    result = {"suites": {"journal-dev": {"texts": 1, "ours": phi.score(cases, predicted, {})}}}
    scores = phi_scores(result)["journal-dev"]
    assert scores["metrics"] == {"recall": round(1 / 3, 4), "precision": 0.5, "ids_leaked": 2,
                                 "leaked": 2}
    assert [m["type"] for m in scores["misses"]["ids_leaked"]] == ["PHONE", "MRN"]
    assert scores["misses"]["precision"] == [{"id": "a", "type": "ORGANIZATION", "start": 22, "end": 25}]
    assert "206" not in str(scores["misses"])  # offsets, never the value


def test_guard_splits_become_sets_with_their_misclassified_lines():
    report = {"splits": {"dev": {
        "sizes": {"questions": 2, "journal": 1},
        "guard": {"dosing_blocked": 0.5, "crisis_flagged": 1.0},
        "guard_errors": {"dosing_blocked": [{"id": "q2", "text": "nudge?", "flags": [],
                                             "findings": []}]},
    }}}
    scores = guard_scores(report)["dev"]
    assert scores["size"] == 3 and scores["metrics"]["dosing_blocked"] == 0.5
    assert scores["misses"]["dosing_blocked"] == [{"id": "q2", "text": "nudge?", "flags": []}]


def test_retrieval_is_judged_on_the_shipped_pipeline_and_empty_answers():
    report = {"questions": 3, "out_of_scope": 2,
              "misses": [{"id": "q3", "question": "?", "top": [], "empty": True}],
              "modes": {"hybrid": {"recall@5": 0.5, "mrr": 0.5, "ndcg@10": 0.5},
                        "pipeline": {"recall@5": 0.9, "mrr": 0.8, "ndcg@10": 0.85,
                                     "out_of_scope_rejected": 1}}}
    scores = retrieval_scores(report, "mine")["mine"]
    assert scores["metrics"]["in_scope_empty"] == 1 and scores["metrics"]["mrr"] == 0.8
    assert scores["metrics"]["out_of_scope_rejected"] == 0.5
    assert scores["misses"]["in_scope_empty"] == [{"id": "q3"}]
