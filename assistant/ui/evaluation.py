"""Evaluation: the latest reports written by `kap eval --report`, with charts."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pandas as pd
import streamlit as st

from assistant.ui import charts, resources
from assistant.ui.errors import friendly

SUITES = {"retrieval": "Retrieval", "guard": "Dosing and crisis guard", "phi": "PHI scrubbing"}


@friendly
def render() -> None:
    st.title("Evaluation")
    st.caption("How retrieval, the guard and PHI scrubbing score on our labelled data, "
               "beside simple baselines measured in the same run.")
    folder = resources.settings().reports_dir
    found = {path.stem: path for path in folder.glob("*.json")} if folder.is_dir() else {}
    reports = [found.pop(name) for name in SUITES if name in found] + sorted(found.values())
    if not reports:
        st.info(f"No evaluation reports yet. Run `kap eval --report {folder}` (or `make eval`) "
                "and reload this page.", icon=":material/monitoring:")
        return
    tabs = st.tabs([SUITES.get(path.stem, path.stem) for path in reports])
    for tab, path in zip(tabs, reports, strict=True):
        with tab:
            _report(path)


def _report(path: Path) -> None:
    written = dt.datetime.fromtimestamp(path.stat().st_mtime)
    st.caption(f"{path.name}, written {written:%d %b %Y %H:%M}")
    try:
        report = json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError):
        st.warning(f"{path.name} is not a readable report; run `kap eval --report` again.",
                   icon=":material/report:")
        return
    shown = {"retrieval": _retrieval, "guard": _guard, "phi": _phi}.get(path.stem)
    if shown is None:
        st.json(report, expanded=False)
        return
    try:
        shown(report)
    except (KeyError, TypeError, AttributeError):
        st.warning(f"{path.name} has an older layout; run `kap eval --report` again.",
                   icon=":material/report:")


def _retrieval(report: dict) -> None:
    floor = report["floor"]
    left, right = st.columns(2)
    left.metric("In-scope questions answered", f"{floor['in_scope_answered']:.0%}")
    if floor.get("out_of_scope_rejected") is not None:
        right.metric("Out-of-scope questions declined", f"{floor['out_of_scope_rejected']:.0%}")
    st.markdown(f"**{report['questions']} questions**, documents ranked by each retriever.")
    rows = [{"metric": metric, "retriever": mode, "score": values[metric]}
            for metric in ("recall@5", "mrr", "ndcg@10")
            for mode, values in report["modes"].items()]
    st.altair_chart(charts.grouped_bars(rows, label="metric", value="score", group="retriever",
                                        title="score"), width="stretch")


def _guard(report: dict) -> None:
    split = "heldout" if "heldout" in report["splits"] else next(iter(report["splits"]))
    result = report["splits"][split]
    ours, baseline = result["guard"], result["keyword_baseline"]
    targets = report.get("targets", {})
    if "passed" in report:
        if report["passed"]:
            st.success("All held-out targets are met.", icon=":material/check_circle:")
        else:
            st.warning("Some held-out targets are not met yet; see the table.",
                       icon=":material/flag:")
    if targets:
        st.dataframe(pd.DataFrame([
            {"measure": name.replace("_", " "), "target": f"{op} {goal:.0%}",
             "guard": ours.get(name), "met": _meets(ours.get(name), op, goal)}
            for name, (op, goal) in targets.items()
        ]), hide_index=True, width="stretch",
            column_config={"guard": st.column_config.NumberColumn(format="percent")})
    rows = []
    for name, rate in ours.items():
        if isinstance(baseline.get(name), (int, float)) and isinstance(rate, (int, float)):
            rows += [{"measure": name.replace("_", " "), "by": "guard", "rate": rate},
                     {"measure": name.replace("_", " "), "by": "keyword baseline",
                      "rate": baseline[name]}]
    st.markdown(f"**{split} set** — *blocked* and *flagged* on matching rows should be high, "
                "on benign rows low.")
    st.altair_chart(charts.grouped_bars(rows, label="measure", value="rate", group="by",
                                        title="rate"), width="stretch")


def _meets(value: float | None, op: str, goal: float) -> str:
    if value is None:
        return "—"
    return "yes" if (value >= goal if op == ">=" else value <= goal) else "not yet"


def _phi(report: dict) -> None:
    suites = report["suites"]
    st.dataframe(pd.DataFrame([
        {"texts": name, "n": s["texts"], "recall": s["ours"]["recall"],
         "Presidio default": s["baseline"]["recall"], "precision": s["ours"]["precision"],
         "missed": s["ours"]["leaked"]}
        for name, s in suites.items()
    ]), hide_index=True, width="stretch", column_config={
        column: st.column_config.NumberColumn(format="percent")
        for column in ("recall", "Presidio default", "precision")})
    name = next((n for n in suites if "heldout" in n), next(iter(suites)))
    ours, base = suites[name]["ours"], suites[name]["baseline"]
    st.markdown(f"**Recall per identifier type**, {name}")
    rows = [{"type": kind, "by": by, "recall": source["per_type"][kind]["recall"]}
            for kind in ours["per_type"]
            for by, source in (("ours", ours), ("Presidio default", base))
            if kind in source["per_type"]]
    st.altair_chart(charts.grouped_bars(rows, label="type", value="recall", group="by",
                                        title="recall"), width="stretch")
