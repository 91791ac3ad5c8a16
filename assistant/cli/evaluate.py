"""``kap eval`` and ``kap bench``: the evaluation harness and the benchmarks."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from assistant.cli.common import fail, settings_or_exit
from evals.suites import SUITES, benchmarks, suite

out = Console()


def eval_command(
    suites: list[str] = typer.Argument(None, help=f"Suites to run: {', '.join(SUITES)} (default all)."),
    data: Path = typer.Option(None, "--data", help="Labelled data file (only with one suite)."),
    report: Path = typer.Option(None, "--report", help="Folder for the JSON reports."),
) -> None:
    """Score retrieval, PHI scrubbing and the guard on our labelled data."""
    names = suites or list(SUITES)
    unknown = [n for n in names if n not in SUITES]
    if unknown:
        raise fail(f"Unknown suite name; choose from {', '.join(SUITES)}")
    if data and len(names) != 1:
        raise fail("--data needs exactly one suite, e.g. kap eval retrieval --data FILE")
    if data and not data.is_file():
        raise fail(f"{data}: file not found")
    settings = settings_or_exit()
    for name in names:
        module = suite(name)
        with out.status(f"Running the {name} suite…"):
            result = module.run(settings, data, report)
        out.print(module.render(result), highlight=False)
        out.print()


def bench_command() -> None:
    """Print speed figures: medians, and ratios against a baseline measured in the same run."""
    settings = settings_or_exit()
    table = Table("benchmark", "median ms", "per second", "ratio")
    for module in benchmarks():
        with out.status(f"Benchmarking {module.__name__}…"):
            rows = module.bench(settings)
        for row in rows:
            table.add_row(
                row["name"],
                f"{row['median_ms']:.2f}",
                f"{row['per_second']:.0f}" if "per_second" in row else "",
                f"{row['ratio']:.2f}×" if "ratio" in row else "",
            )
    out.print(table)


def register(app: typer.Typer) -> None:
    app.command("eval")(eval_command)
    app.command("bench")(bench_command)
