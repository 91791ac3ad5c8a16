"""The evaluation suites and benchmarks that ``kap eval`` and ``kap bench`` know."""

from __future__ import annotations

import importlib

SUITES = {"retrieval": "evals.retrieval", "phi": "evals.phi", "guard": "evals.guard"}
BENCHMARKS = ("evals.bench_retrieval", "evals.phi", "evals.guard", "evals.bench_workflows")


def suite(name: str):
    """The suite module (``run``/``render``), imported only when asked for."""
    return importlib.import_module(SUITES[name])


def benchmarks():
    for module in BENCHMARKS:
        yield importlib.import_module(module)
