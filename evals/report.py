"""The quality-gate report: every metric beside its threshold, pass or fail, the misses behind
a failure, and how each metric moved since the previous report of the same kind.

``report.json`` keys are a public interface (the Evaluation page and clinics' scripts read
them); ``SCHEMA`` changes when they do.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from evals.thresholds import Thresholds

SCHEMA = 1
HISTORY = "history"
MISSES_SHOWN = 20


def judge(run: str, scores: dict[str, dict[str, dict]], thresholds: Thresholds,
          seconds: dict[str, float]) -> dict:
    """The report for ``scores`` (suite → set → size, metrics, misses) under ``thresholds``."""
    suites = {}
    for suite, sets in scores.items():
        judged = {name: _judge_set(thresholds, suite, name, result) for name, result in sets.items()}
        suites[suite] = {
            "passed": all(_set_passed(s) for s in judged.values()),
            "seconds": round(seconds.get(suite, 0.0), 1),
            "sets": judged,
        }
    return {
        "schema": SCHEMA,
        "run": run,
        "created": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "seconds": round(sum(seconds.values()), 1),
        "passed": all(s["passed"] for s in suites.values()),
        "suites": suites,
        "failures": failures(suites),
    }


def _judge_set(thresholds: Thresholds, suite: str, name: str, result: dict) -> dict:
    rules = thresholds.for_set(suite, name)
    values = dict(result["metrics"])
    for metric in rules:
        values.setdefault(metric, None)  # a threshold with nothing to measure shows as such
    metrics = {}
    for metric, value in values.items():
        rule = rules.get(metric)
        metrics[metric] = {
            "value": value,
            "threshold": rule.as_dict() if rule else None,
            "passed": None if rule is None or value is None else rule.met(value),
            "previous": None,
            "misses": result["misses"].get(metric, []),
        }
    return {"size": result["size"], "metrics": metrics}


def _set_passed(judged: dict) -> bool:
    return all(m["passed"] is not False for m in judged["metrics"].values())


def failures(suites: dict) -> list[dict]:
    """One line per metric on the wrong side of its threshold."""
    return [
        {"suite": suite, "set": name, "metric": metric, "value": m["value"],
         "threshold": m["threshold"], "misses": len(m["misses"])}
        for suite, body in suites.items()
        for name, judged in body["sets"].items()
        for metric, m in judged["metrics"].items()
        if m["passed"] is False
    ]


def with_previous(report: dict, previous: dict | None) -> dict:
    """Fill each metric's ``previous`` value from an earlier report, where it had one."""
    if not previous:
        return report
    report["previous_created"] = previous.get("created")
    for suite, body in report["suites"].items():
        for name, judged in body["sets"].items():
            before = previous.get("suites", {}).get(suite, {}).get("sets", {}).get(name, {})
            for metric, m in judged["metrics"].items():
                old = before.get("metrics", {}).get(metric, {})
                m["previous"] = old.get("value") if isinstance(old, dict) else None
    return report


def latest(folder: Path, run: str) -> dict | None:
    """The newest readable report of this kind (quick or full) kept in ``folder``."""
    for path in sorted((folder / HISTORY).glob(f"*-{run}.json"), reverse=True):
        try:
            return json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
    return None


def write(report: dict, folder: Path) -> dict:
    """``report.json`` and ``report.md`` in ``folder``, compared with the previous report of
    the same kind, and a copy under ``history/``."""
    report = with_previous(report, latest(folder, report["run"]))
    history = folder / HISTORY
    history.mkdir(parents=True, exist_ok=True)
    text = json.dumps(report, indent=2, ensure_ascii=False)
    number = len(list(history.glob("*.json"))) + 1  # orders reports written in the same second
    stamp = report["created"].replace(":", "").replace("+00:00", "Z")
    (history / f"{number:05d}-{stamp}-{report['run']}.json").write_text(text, encoding="utf-8")
    (folder / "report.json").write_text(text, encoding="utf-8")
    (folder / "report.md").write_text(render(report), encoding="utf-8")
    return report


def render(report: dict) -> str:
    """Markdown: the verdict, a table per suite, then each failure with its misses."""
    verdict = "PASSED" if report["passed"] else "FAILED"
    lines = [f"# Evaluation ({report['run']}): {verdict}", "",
             f"{report['created']}, {report['seconds']} s", ""]
    for suite, body in report["suites"].items():
        lines += [f"## {suite}: {'passed' if body['passed'] else 'FAILED'} ({body['seconds']} s)", "",
                  "| set | metric | value | threshold | since previous | result |",
                  "|---|---|---|---|---|---|"]
        for name, judged in body["sets"].items():
            for metric, m in judged["metrics"].items():
                lines.append(f"| {name} ({judged['size']}) | {metric} | {_number(m['value'])} | "
                             f"{_threshold(m['threshold'])} | {movement(m)} | {_result(m['passed'])} |")
        lines.append("")
    for failure in report["failures"]:
        m = report["suites"][failure["suite"]]["sets"][failure["set"]]["metrics"][failure["metric"]]
        lines.append(f"### {failure['suite']} / {failure['set']} / {failure['metric']}: "
                     f"{_number(m['value'])}, needs {_threshold(m['threshold'])}")
        lines += [f"- {_miss(miss)}" for miss in m["misses"][:MISSES_SHOWN]]
        if len(m["misses"]) > MISSES_SHOWN:
            lines.append(f"- … and {len(m['misses']) - MISSES_SHOWN} more in report.json")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def movement(metric: dict) -> str:
    """``+0.012`` / ``-3`` / ``=`` since the previous report; empty when there was none."""
    value, before = metric["value"], metric.get("previous")
    if not isinstance(value, (int, float)) or not isinstance(before, (int, float)):
        return ""
    delta = value - before
    if abs(delta) < 1e-9:
        return "="
    return f"{delta:+.3f}" if isinstance(value, float) or isinstance(before, float) else f"{delta:+d}"


def _number(value) -> str:
    if value is None:
        return "not measured"
    return f"{value:.3f}" if isinstance(value, float) else str(value)


def _threshold(threshold: dict | None) -> str:
    return "" if threshold is None else f"{threshold['op']} {threshold['value']:g}"


def _result(passed: bool | None) -> str:
    return {True: "pass", False: "**FAIL**", None: ""}[passed]


def _miss(miss: dict) -> str:
    return ", ".join(f"{key}={value}" for key, value in miss.items())
