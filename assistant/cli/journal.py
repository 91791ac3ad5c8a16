"""``kap summarize`` and ``kap plan``: session prep from a client's journal."""

from __future__ import annotations

import json
from enum import Enum
from pathlib import Path

import typer
from rich.console import Console

from assistant.cli.common import fail, settings_or_exit
from assistant.exports import (
    plan_docx,
    plan_markdown,
    restored_json,
    summary_docx,
    summary_markdown,
)
from assistant.journal import load_journal
from assistant.privacy.vault import Vault

status = Console(stderr=True)


class Format(str, Enum):
    md = "md"
    json = "json"
    docx = "docx"


def _emit(model, vault: Vault, fmt: Format, output: Path | None, docx_default: Path,
          to_markdown, to_docx) -> None:
    """Print Markdown or JSON (or write them to ``output``); Word always goes to a file."""
    if fmt is Format.docx:
        target = output or docx_default
        target.write_bytes(to_docx(model, vault))
        status.print(f"[green]✓[/] wrote {target}")
        return
    text = (
        json.dumps(restored_json(model, vault), ensure_ascii=False, indent=2)
        if fmt is Format.json
        else to_markdown(model, vault)
    )
    if output:
        output.write_text(text, encoding="utf-8")
        status.print(f"[green]✓[/] wrote {output}")
    else:
        print(text)


def summarize_command(
    journal: Path = typer.Argument(..., help="Journal file: .txt/.md (dated headings), .json, .jsonl or .csv."),
    fmt: Format = typer.Option(Format.md, "--format", help="md, json or docx."),
    output: Path = typer.Option(None, "--output", "-o", help="Write to this file instead of stdout."),
) -> None:
    """Session-prep summary: risk flags first, themes with dated quotes, mood, scores, questions."""
    from assistant.factory import build_assistant

    settings = settings_or_exit()
    entries = load_journal(journal)
    assistant = build_assistant(settings)
    vault = Vault()  # this run only; never written anywhere
    with status.status(f"Summarizing {len(entries)} entries…"):
        summary = assistant.summarize(entries, vault)
    _emit(summary, vault, fmt, output, journal.with_name(f"{journal.stem}-summary.docx"),
          summary_markdown, summary_docx)


def plan_command(
    journal: Path = typer.Option(..., "--journal", help="The client's journal file."),
    session: int = typer.Option(None, "--session", min=1, max=100, help="Integration session number."),
    focus: str = typer.Option(None, "--focus", help="What you want the session to focus on."),
    minutes: int = typer.Option(50, "--minutes", min=15, max=180, help="Session length."),
    fmt: Format = typer.Option(Format.md, "--format", help="md, json or docx."),
    output: Path = typer.Option(None, "--output", "-o", help="Write to this file (docx default: JOURNAL-plan.docx)."),
) -> None:
    """Draft integration-session plan with cited psychoeducation, practice and homework."""
    from assistant.factory import build_assistant

    settings = settings_or_exit()
    entries = load_journal(journal)
    if focus is not None and not focus.strip():
        raise fail("--focus is empty; leave it out or describe the focus")
    assistant = build_assistant(settings)
    vault = Vault()
    with status.status("Drafting the plan…"):
        plan = assistant.plan(entries, vault, session=session, focus=focus, minutes=minutes)
    _emit(plan, vault, fmt, output, journal.with_name(f"{journal.stem}-plan.docx"),
          plan_markdown, plan_docx)


def register(app: typer.Typer) -> None:
    app.command("summarize")(summarize_command)
    app.command("plan")(plan_command)
