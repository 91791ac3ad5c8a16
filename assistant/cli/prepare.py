"""``kap prepare``: compute once on this machine what the guard needs beyond the index."""

from __future__ import annotations

import time

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from assistant.cli.common import settings_or_exit


def prepare_command() -> None:
    """Embed the guard's exemplars once (about a minute the first time, then read from the cache)."""
    from assistant.embeddings import build_embedder
    from assistant.guard import build_guard

    settings = settings_or_exit()
    guard = build_guard(settings, build_embedder(settings))
    console = Console(stderr=True)
    started = time.perf_counter()
    with Progress(
        TextColumn("embedding the guard's exemplars"), BarColumn(), MofNCompleteColumn(),
        TimeElapsedColumn(), console=console, transient=True, disable=not console.is_terminal,
    ) as progress:

        def start(total: int):
            task = progress.add_task("exemplars", total=total)
            return lambda n: progress.advance(task, n)

        guard.warm_up(progress=start)
    console.print(
        f"[green]✓[/] guard ready in {time.perf_counter() - started:.1f}s "
        f"(vectors cached in {settings.cache_dir})"
    )


def register(app) -> None:
    app.command("prepare")(prepare_command)
