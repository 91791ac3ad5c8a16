"""Evaluation: the quality gate (pass/fail against thresholds, movement since the previous
report), a suite run on an uploaded file of the clinic's own cases, and the suites' charts."""

from __future__ import annotations

import datetime as dt
import json
import tempfile
from pathlib import Path

import pandas as pd
import streamlit as st

from assistant.errors import InputError, KapError
from assistant.ui import charts, resources
from assistant.ui.errors import friendly
from evals import report as gate
from evals.suites import Options, evaluate

SUITES = {"retrieval": "Retrieval", "guard": "Dosing and crisis guard", "phi": "PHI scrubbing"}
UPLOADABLE = {"guard": "Dosing and crisis guard", "phi": "PHI scrubbing", "retrieval": "Retrieval"}
GATE_FILE = "report.json"
MISSES_SHOWN = 20


@friendly
def render() -> None:
    st.title("Evaluation")
    st.caption("Whether retrieval, the guard, PHI scrubbing and grounded outputs meet their "
               "thresholds, how each measure moved, and how they compare with simple baselines.")
    folder = resources.settings().reports_dir
    _gate(folder / GATE_FILE, folder)
    _own_cases()
    _details(folder)


def _gate(path: Path, folder: Path) -> None:
    st.subheader("Quality gate")
    if not path.is_file():
        st.info(f"No evaluation reports yet. Run `kap eval --report {folder}` (or `make eval`) "
                "and reload this page.", icon=":material/monitoring:")
        return
    try:
        report = json.loads(path.read_text(encoding="utf-8"))
        _verdict(report)
    except (json.JSONDecodeError, UnicodeDecodeError, KeyError, TypeError, AttributeError):
        st.warning(f"{path.name} is not a readable report; run `kap eval --report` again.",
                   icon=":material/report:")


def _verdict(report: dict) -> None:
    """Pass or fail, every measure against its threshold, then what each failure missed."""
    compared = report.get("previous_created")
    st.caption(f"{report['run']} run of {report['created']}, {report['seconds']} s"
               + (f"; changes since the run of {compared}" if compared else ""))
    if report["passed"]:
        st.success("Every measure meets its threshold.", icon=":material/check_circle:")
    else:
        st.error(f"{len(report['failures'])} measure(s) miss their threshold; see below.",
                 icon=":material/flag:")
    st.dataframe(pd.DataFrame(_rows(report)), hide_index=True, width="stretch")
    for failure in report["failures"]:
        metric = report["suites"][failure["suite"]]["sets"][failure["set"]]["metrics"][failure["metric"]]
        with st.expander(f"{failure['suite']} · {failure['set']} · {failure['metric']}: "
                         f"{len(metric['misses'])} case(s)"):
            st.dataframe(pd.DataFrame(metric["misses"][:MISSES_SHOWN]), hide_index=True,
                         width="stretch")


def _rows(report: dict) -> list[dict]:
    return [
        {"suite": suite, "set": name, "measure": metric, "value": m["value"],
         "threshold": "" if m["threshold"] is None
         else f"{m['threshold']['op']} {m['threshold']['value']:g}",
         "change": gate.movement(m),
         "result": {True: "pass", False: "FAIL", None: ""}[m["passed"]]}
        for suite, body in report["suites"].items()
        for name, judged in body["sets"].items()
        for metric, m in judged["metrics"].items()
    ]


def _own_cases() -> None:
    st.subheader("Your own cases")
    st.caption("A JSON Lines file of labelled cases, scored against the same thresholds; "
               "evals/README.md describes the format of each suite.")
    with st.container(border=True):
        chosen = st.selectbox("Suite", list(UPLOADABLE), format_func=UPLOADABLE.get)
        uploaded = st.file_uploader("Cases (.jsonl)", type=["jsonl"])
        if st.button("Run on this file", icon=":material/play_arrow:"):
            if uploaded is None:
                st.warning("Choose a .jsonl file first.", icon=":material/upload_file:")
                return
            with st.spinner(f"Scoring {uploaded.name}…"):
                try:
                    report = _run_on(chosen, uploaded.name, uploaded.getvalue())
                except KapError as exc:
                    st.error(str(exc), icon=":material/error:")
                    return
            _verdict(report)


def _run_on(suite: str, name: str, content: bytes) -> dict:
    """Score the uploaded file under its own name (the set name thresholds match); an error
    names the file as uploaded, not the temporary copy."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / Path(name).name
        path.write_bytes(content)
        try:
            return evaluate([suite], resources.settings(), Options(data=path),
                            assistant=resources.assistant())
        except InputError as exc:
            raise InputError(str(exc).replace(str(path), path.name)) from None


def _details(folder: Path) -> None:
    found = {path.stem: path for path in folder.glob("*.json")} if folder.is_dir() else {}
    found.pop(Path(GATE_FILE).stem, None)
    reports = [found.pop(name) for name in SUITES if name in found] + sorted(found.values())
    if not reports:
        return
    st.subheader("Details and baselines")
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
    pipeline = report["modes"]["pipeline"]
    left, right = st.columns(2)
    answered = 1 - pipeline["empty_in_scope"] / report["questions"]
    left.metric("In-scope questions answered", f"{answered:.0%}")
    if report["out_of_scope"]:
        declined = pipeline["out_of_scope_rejected"] / report["out_of_scope"]
        right.metric("Out-of-scope questions declined", f"{declined:.0%}")
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
