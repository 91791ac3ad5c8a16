"""The evaluation suites ``kap eval`` and the Evaluation page run, and the quality gate over them.

A suite runner returns its scores in the shape of ``evals.scores`` plus, for the full
suites, the suite's own detailed report (for ``render`` and the page's charts).
"""

from __future__ import annotations

import importlib
import logging
import re
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.config import Settings
from assistant.errors import InputError
from assistant.privacy.config import load_privacy_config
from evals import quick as sampling
from evals import report as gate
from evals.cases import load_guard_cases, load_phi_cases, score_guard_cases
from evals.scores import METRICS, guard_scores, phi_scores, retrieval_scores
from evals.thresholds import DEFAULT_FILE, load_thresholds

if TYPE_CHECKING:  # the models load only when a suite runs: `kap --help` stays instant
    from assistant.factory import Assistant

log = logging.getLogger(__name__)

SUITES = {"retrieval": "evals.retrieval", "phi": "evals.phi", "guard": "evals.guard",
          "grounding": "evals.grounding"}
BENCHMARKS = ("evals.bench_retrieval", "evals.phi", "evals.guard", "evals.bench_workflows")
# `--data` for the guard: a folder of sets, or one `<set>.<split>.jsonl` of that layout;
# any other file is a clinic's mixed cases (evals.cases).
_GUARD_SET_FILE = re.compile(r"^(questions|journal|safe|injection|therapist)\.[\w-]+\.jsonl$")


def suite(name: str):
    """The suite module (``run``/``render``), imported only when asked for."""
    return importlib.import_module(SUITES[name])


def benchmarks():
    for module in BENCHMARKS:
        yield importlib.import_module(module)


@dataclass
class Options:
    """What to run: the quick sample or the full sets, or one labelled file."""

    quick: bool = False
    data: Path | None = None
    dev_only: bool = False  # skip the held-out sets (they are scored once, by someone else)
    detail_dir: Path | None = None  # where the suites write their own detailed reports
    thresholds: Path = DEFAULT_FILE
    details: dict[str, dict] = field(default_factory=dict)

    @property
    def run(self) -> str:
        return "quick" if self.quick else "full"


def evaluate(names: list[str], settings: Settings, options: Options,
             assistant: Assistant | None = None,
             progress: Callable[[str], None] = lambda name: None) -> dict:
    """Run the suites, judge them against the thresholds and return the gate's report.

    The thresholds are read first, so a broken file stops before minutes of work.
    """
    unknown = [n for n in names if n not in SUITES]
    if unknown:
        raise InputError(f"Unknown suite {unknown[0]!r}; choose from {', '.join(SUITES)}")
    if options.data is not None and (len(names) != 1 or options.quick):
        raise InputError("--data needs exactly one suite and no --quick, "
                         "e.g. kap eval guard --data FILE")
    thresholds = load_thresholds(options.run, METRICS, options.thresholds)
    if assistant is None:
        from assistant.factory import build_assistant

        assistant = build_assistant(settings)
    scores, seconds = {}, {}
    for name in names:
        progress(name)
        started = time.perf_counter()
        scores[name] = RUNNERS[name](settings, assistant, options)
        seconds[name] = time.perf_counter() - started
        log.info("eval suite %s done in %.1f s", name, seconds[name])
    return gate.judge(options.run, scores, thresholds, seconds)


def _retrieval(settings: Settings, assistant: Assistant, options: Options) -> dict:
    from evals import retrieval

    with tempfile.TemporaryDirectory() as tmp:
        data = sampling.retrieval_sample(Path(tmp)) if options.quick else options.data
        result = retrieval.run(settings, assistant, data, options.detail_dir)
    options.details["retrieval"] = result
    name = "retrieval-quick" if options.quick else (data.stem if data else "retrieval-dev")
    return retrieval_scores(result, name)


def _phi(settings: Settings, assistant: Assistant, options: Options) -> dict:
    from evals import phi

    if options.data is not None:
        sets = {options.data.stem: load_phi_cases(options.data)}
    elif options.quick or options.dev_only:
        per_template = sampling.GENERATED_PER_TEMPLATE if options.quick else 20
        sets = sampling.phi_sets(per_template=per_template)
    else:
        sets = phi.suites(None)
    if options.quick:  # our scrubber alone: no baseline, no timing passes
        type_map = load_privacy_config(settings.presidio_config).placeholder_types
        result = {"suites": {
            name: {"texts": len(cases), "ours": phi.score(cases, _spans(assistant, cases), type_map)}
            for name, cases in sets.items()
        }}
    else:
        result = phi.run(settings, None, options.detail_dir, sets=sets)
    options.details["phi"] = result
    return phi_scores(result)


def _spans(assistant: Assistant, cases: list[dict]) -> list[list[tuple[int, int, str]]]:
    found = assistant.scrubber.find_many([case["text"] for case in cases])
    return [[(e.start, e.end, e.type) for e in entities] for entities in found]


def _guard(settings: Settings, assistant: Assistant, options: Options) -> dict:
    from evals import guard

    data = options.data
    if data is not None and not (data.is_dir() or _GUARD_SET_FILE.match(data.name)):
        result = score_guard_cases(assistant.guard, load_guard_cases(data))
        options.details["guard"] = {"cases": result}
        return {data.stem: result}
    with tempfile.TemporaryDirectory() as tmp:
        if options.quick:
            data = sampling.guard_sample(Path(tmp))
        elif data is None:  # held-out; the dev sets (its training data) whole only when tuning
            split = "dev" if options.dev_only else "heldout"
            data = guard.DATA / f"questions.{split}.jsonl"
        result = guard.run(settings, data, options.detail_dir, guard=assistant.guard)
    options.details["guard"] = result
    return guard_scores(result)


def _grounding(settings: Settings, assistant: Assistant, options: Options) -> dict:
    from evals import grounding

    if options.data is not None:
        raise InputError("The grounding suite runs on the example journals and dev questions; "
                         "--data is not supported for it")
    sizes = grounding.QUICK if options.quick else grounding.FULL
    result = grounding.run(settings, sizes, assistant=assistant)
    options.details["grounding"] = result
    return result


RUNNERS = {"retrieval": _retrieval, "phi": _phi, "guard": _guard, "grounding": _grounding}
