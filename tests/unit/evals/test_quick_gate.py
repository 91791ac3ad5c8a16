"""`kap eval --quick` as the quality gate `make test` runs: it passes on this build, and it
fails when the dosing detector or the PHI scrubber stops finding anything."""

from __future__ import annotations

import dataclasses
import time

import pytest

from assistant.models import GuardVerdict
from evals.suites import SUITES, Options, evaluate

pytestmark = pytest.mark.slow


class DosingBlind:
    """The real guard with its dosing part finding nothing: no dosing finding, flag or block."""

    def __init__(self, guard):
        self.guard = guard

    def check(self, text, mode="input"):
        return self.check_many([text], mode)[0]

    def check_many(self, texts, mode="input"):
        return [self._blind(v) for v in self.guard.check_many(texts, mode)]

    @staticmethod
    def _blind(verdict: GuardVerdict) -> GuardVerdict:
        if "dosing" not in verdict.flags and not any(f.rule == "dosing" for f in verdict.findings):
            return verdict
        findings = [f for f in verdict.findings if f.rule != "dosing"]
        return verdict.model_copy(update={
            "decision": "block" if any(f.rule == "scope" for f in findings) else "allow",
            "flags": [f for f in verdict.flags if f != "dosing"],
            "findings": findings,
        })


class Remembering:
    """The real guard, each verdict computed once per text and mode: the broken-guard test
    below reuses what the passing run checked instead of checking the sample again."""

    def __init__(self, guard):
        self.guard = guard
        self.verdicts: dict[tuple[str, str], GuardVerdict] = {}

    def check(self, text, mode="input"):
        return self.check_many([text], mode)[0]

    def check_many(self, texts, mode="input"):
        new = [t for t in dict.fromkeys(texts) if (t, mode) not in self.verdicts]
        for text, verdict in zip(new, self.guard.check_many(new, mode), strict=True):
            self.verdicts[(text, mode)] = verdict
        return [self.verdicts[(t, mode)] for t in texts]


@pytest.fixture(scope="module")
def remembered(assistant):
    return dataclasses.replace(assistant, guard=Remembering(assistant.guard))


class FindsNothing:
    """A scrubber that finds no identifier at all."""

    def find_many(self, texts):
        return [[] for _ in texts]


def test_the_quick_gate_passes_on_this_build_within_its_budget(indexed_settings, remembered):
    started = time.perf_counter()
    report = evaluate(list(SUITES), indexed_settings, Options(quick=True), assistant=remembered)
    seconds = time.perf_counter() - started
    assert report["failures"] == [] and report["passed"], report["failures"]
    assert set(report["suites"]) == set(SUITES)
    print(f"quick gate: {seconds:.1f} s", {k: v["seconds"] for k, v in report["suites"].items()})


def test_a_guard_blind_to_dosing_fails_the_quick_gate(indexed_settings, remembered):
    blind = dataclasses.replace(remembered, guard=DosingBlind(remembered.guard))
    report = evaluate(["guard"], indexed_settings, Options(quick=True), assistant=blind)
    assert not report["passed"]
    failed = {f["metric"] for f in report["failures"]}
    assert "dosing_blocked" in failed
    dosing = report["suites"]["guard"]["sets"]["quick"]["metrics"]["dosing_blocked"]
    assert dosing["value"] < 0.5 and dosing["misses"]


def test_a_scrubber_that_finds_nothing_fails_the_quick_gate(indexed_settings, assistant):
    deaf = dataclasses.replace(assistant, scrubber=FindsNothing())
    report = evaluate(["phi"], indexed_settings, Options(quick=True), assistant=deaf)
    assert not report["passed"]
    failed = {(f["set"], f["metric"]) for f in report["failures"]}
    assert {("journal-dev", "recall"), ("journal-dev", "ids_leaked"),
            ("obfuscated-dev", "recall")} <= failed
