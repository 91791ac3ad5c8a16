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
from assistant.factory import build_assistant
from assistant.journal import load_journal
from assistant.privacy.vault import Vault

status = Console(stderr=True)


class Format(str, Enum):
    md = "md"
    json = "json"
    docx = "docx"


def _write(text_or_bytes, output: Path | None, default_name: str, binary: bool) -> None:
    if binary:
        target = output or Path(default_name)
        target.write_bytes(text_or_bytes)
        status.print(f"[green]✓[/] wrote {target}")
    elif output:
        output.write_text(text_or_bytes, encoding="utf-8")
        status.print(f"[green]✓[/] wrote {output}")
    else:
        print(text_or_bytes)


def summarize_command(
    journal: Path = typer.Argument(..., help="Journal file: .txt/.md (dated headings), .json, .jsonl or .csv."),
    fmt: Format = typer.Option(Format.md, "--format", help="md, json or docx."),
    output: Path = typer.Option(None, "--output", "-o", help="Write to this file instead of stdout."),
) -> None:
    """Session-prep summary: risk flags first, themes with dated quotes, mood, scores, questions."""
    settings = settings_or_exit()
    entries = load_journal(journal)
    assistant = build_assistant(settings)
    vault = Vault()  # this run only; never written anywhere
    with status.status(f"Summarizing {len(entries)} entries…"):
        summary = assistant.summarize(entries, vault)
    if fmt is Format.json:
        _write(json.dumps(restored_json(summary, vault), ensure_ascii=False, indent=2), output, "", False)
    elif fmt is Format.docx:
        _write(summary_docx(summary, vault), output, f"{journal.stem}-summary.docx", True)
    else:
        _write(summary_markdown(summary, vault), output, "", False)


def plan_command(
    journal: Path = typer.Option(..., "--journal", help="The client's journal file."),
    session: int = typer.Option(None, "--session", min=1, max=100, help="Integration session number."),
    focus: str = typer.Option(None, "--focus", help="What you want the session to focus on."),
    minutes: int = typer.Option(50, "--minutes", min=15, max=180, help="Session length."),
    fmt: Format = typer.Option(Format.md, "--format", help="md, json or docx."),
    output: Path = typer.Option(None, "--output", "-o", help="Write to this file (docx default: JOURNAL-plan.docx)."),
) -> None:
    """Draft integration-session plan with cited psychoeducation, practice and homework."""
    settings = settings_or_exit()
    entries = load_journal(journal)
    if focus is not None and not focus.strip():
        raise fail("--focus is empty; leave it out or describe the focus")
    assistant = build_assistant(settings)
    vault = Vault()
    with status.status("Drafting the plan…"):
        plan = assistant.plan(entries, vault, session=session, focus=focus, minutes=minutes)
    if fmt is Format.json:
        _write(json.dumps(restored_json(plan, vault), ensure_ascii=False, indent=2), output, "", False)
    elif fmt is Format.docx:
        _write(plan_docx(plan, vault), output, f"{journal.stem}-plan.docx", True)
    else:
        _write(plan_markdown(plan, vault), output, "", False)


def register(app: typer.Typer) -> None:
    app.command("summarize")(summarize_command)
    app.command("plan")(plan_command)
