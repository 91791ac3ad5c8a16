"""Evaluation page: the latest reports from settings.reports_dir, with charts."""

from __future__ import annotations

import json

import pytest

from tests.unit.ui.conftest import assert_clean, texts

RETRIEVAL = {
    "suite": "retrieval", "questions": 40, "misses": [],
    "modes": {mode: {"recall@5": 0.9, "mrr": 0.8, "ndcg@10": 0.85, "median_ms": 3.0}
              for mode in ("dense", "bm25", "hybrid")},
    "floor": {"threshold": 0.35, "in_scope_answered": 0.95, "out_of_scope_rejected": 0.9},
}
GUARD = {
    "suite": "guard", "passed": True, "targets": {"dosing_blocked": [">=", 0.95]},
    "splits": {"heldout": {
        "guard": {"dosing_blocked": 0.97, "benign_blocked": 0.02, "crisis_flagged": 0.93},
        "keyword_baseline": {"dosing_blocked": 0.6, "benign_blocked": 0.14, "crisis_flagged": 0.2},
    }},
}
PHI = {"suites": {"journal": {
    "texts": 50,
    "ours": {"recall": 0.96, "precision": 0.9, "leaked": 3,
             "per_type": {"PERSON": {"n": 40, "recall": 0.97}, "DATE": {"n": 30, "recall": 0.95}}},
    "baseline": {"recall": 0.79, "precision": 0.64, "leaked": 20,
                 "per_type": {"PERSON": {"n": 40, "recall": 0.8},
                              "DATE": {"n": 30, "recall": 0.7}}},
}}}


@pytest.fixture
def reports(ui_env):
    folder = ui_env.reports_dir
    folder.mkdir(parents=True, exist_ok=True)
    yield folder
    for path in folder.glob("*.json"):
        path.unlink()


def test_when_there_are_no_reports_then_it_says_how_to_make_them(page, ui_env):
    assert not list(ui_env.reports_dir.glob("*.json"))
    at = page("Evaluation")
    assert_clean(at)
    assert "kap eval --report" in texts(at.info)[0]


def test_when_reports_exist_then_each_suite_has_a_tab_with_charts(page, reports):
    for name, report in (("retrieval", RETRIEVAL), ("guard", GUARD), ("phi", PHI)):
        (reports / f"{name}.json").write_text(json.dumps(report), encoding="utf-8")
    at = page("Evaluation")
    assert_clean(at)
    assert [t.label for t in at.tabs] == ["Retrieval", "Dosing and crisis guard", "PHI scrubbing"]
    assert len(at.get("vega_lite_chart")) == 3
    assert "All held-out targets are met." in texts(at.success)
    assert at.metric[0].label == "In-scope questions answered" and at.metric[0].value == "95%"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "not a readable report"),  # broken file
        (json.dumps({"suite": "retrieval"}), "older layout"),  # missing fields
    ],
)
def test_when_a_report_is_unreadable_then_a_plain_warning_replaces_it(page, reports, content,
                                                                     message):
    (reports / "retrieval.json").write_text(content, encoding="utf-8")
    at = page("Evaluation")
    assert_clean(at)
    assert message in texts(at.warning)[0]
