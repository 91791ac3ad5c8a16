"""``kap eval`` and ``kap bench``: the evaluation harness as a quality gate, and the benchmarks."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from assistant.cli.common import fail, settings_or_exit
from assistant.errors import KapError
from evals import report as gate
from evals.suites import SUITES, Options, benchmarks, evaluate, suite
from evals.thresholds import DEFAULT_FILE

out = Console()
EXIT_FAILED = 1


def eval_command(
    suites: list[str] = typer.Argument(None, help=f"Suites to run: {', '.join(SUITES)} (default all)."),
    quick: bool = typer.Option(False, "--quick", help="A seeded sample of the dev data, about a minute."),
    data: Path = typer.Option(None, "--data", help="Your own labelled JSONL file (one suite; see evals/README.md)."),
    report: Path = typer.Option(None, "--report", help="Folder for report.json, report.md and the suites' details."),
    dev_only: bool = typer.Option(False, "--dev-only", help="Skip the held-out sets (for tuning)."),
    thresholds: Path = typer.Option(DEFAULT_FILE, "--thresholds", help="Thresholds YAML file."),
) -> None:
    """Score retrieval, PHI scrubbing, the guard and grounding against the thresholds.

    Exit status 0 when every metric meets its threshold, 1 when one does not, 2 on bad input.
    """
    names = suites or list(SUITES)
    unknown = [n for n in names if n not in SUITES]
    if unknown:
        raise fail(f"Unknown suite name; choose from {', '.join(SUITES)}")
    if data and len(names) != 1:
        raise fail("--data needs exactly one suite, e.g. kap eval retrieval --data FILE")
    if data and not data.is_file() and not data.is_dir():
        raise fail(f"{data}: file not found")
    settings = settings_or_exit()
    options = Options(quick=quick, data=data, dev_only=dev_only,
                      detail_dir=None if quick else report,  # samples never replace full details
                      thresholds=thresholds)
    try:
        with out.status("Loading models…") as status:
            result = evaluate(names, settings, options,
                              progress=lambda name: status.update(f"Running the {name} suite…"))
    except KapError as exc:
        raise fail(str(exc)) from None
    if not quick and data is None:
        for name in names:
            if name in ("retrieval", "phi", "guard"):
                out.print(suite(name).render(options.details[name]), highlight=False)
                out.print()
    if report:
        report.mkdir(parents=True, exist_ok=True)
        result = gate.write(result, report)
    out.print(gate.render(result), highlight=False, markup=False)
    if report:
        out.print(f"Report written to {report / 'report.json'} and {report / 'report.md'}")
    if not result["passed"]:
        raise typer.Exit(EXIT_FAILED)


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
