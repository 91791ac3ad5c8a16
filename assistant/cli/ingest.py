"""``kap ingest``: bring the index in step with the knowledge folder."""

from __future__ import annotations

import json
import time

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from assistant.cli.common import settings_or_exit
from assistant.kb.ingest import build_ingestor


def ingest_command(
    rebuild: bool = typer.Option(False, "--rebuild", help="Re-embed everything from scratch."),
    as_json: bool = typer.Option(False, "--json", help="Print the counts as one JSON object."),
) -> None:
    """Chunk, embed and index the knowledge base; unchanged chunks are not re-embedded."""
    settings = settings_or_exit()
    ingestor = build_ingestor(settings)
    console = Console(stderr=True)
    started = time.perf_counter()
    with Progress(
        TextColumn("embedding"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=console, transient=True, disable=as_json or not console.is_terminal,
    ) as progress:

        def start(total: int):
            task = progress.add_task("embed", total=total)
            return lambda n: progress.advance(task, n)

        report = ingestor.run(rebuild=rebuild, progress=start)
    if as_json:
        print(json.dumps(report.as_dict()))
        return
    seconds = time.perf_counter() - started
    Console().print(
        f"[green]✓[/] index up to date in {seconds:.1f}s: {report.added} added, "
        f"{report.updated} updated, {report.removed} removed, {report.unchanged} unchanged "
        f"({report.embedded} embedded)"
    )


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest_command)
