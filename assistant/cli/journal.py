"""``kap summarize`` and ``kap plan``: session prep from a client's journal."""

from __future__ import annotations

from enum import Enum
from pathlib import Path

import typer
from rich.console import Console

from assistant.cli.common import fail, settings_or_exit
from assistant.cli.terminal import for_rich, json_line, printable
from assistant.exports import (
    plan_docx,
    plan_markdown,
    restored_json,
    save,
    summary_docx,
    summary_markdown,
)
from assistant.journal import load_journal
from assistant.privacy.vault import Vault

status = Console(stderr=True)

FORCE = typer.Option(False, "--force", help="Replace an existing output file (never the journal).")


class Format(str, Enum):
    md = "md"
    json = "json"
    docx = "docx"


def _target(output: Path | None, fmt: Format, journal: Path, docx_default: str, force: bool) -> Path | None:
    """Where to write, checked before any work: never the journal, never an existing file
    unless ``force``, always in a folder that exists."""
    target = output or (journal.with_name(docx_default) if fmt is Format.docx else None)
    if target is None:
        return None
    if target.resolve() == journal.resolve() or (target.exists() and journal.exists() and target.samefile(journal)):
        raise fail(f"{target} is the journal being read; write the output to another file")
    if target.is_dir():
        raise fail(f"{target} is a folder; give a file name for the output")
    if not target.parent.is_dir():
        raise fail(f"{target.parent}: folder not found; create it or choose another output file")
    if target.exists() and not force:
        raise fail(f"{target} already exists; pass --force to replace it or choose another name")
    return target


def _emit(model, vault: Vault, fmt: Format, target: Path | None, to_markdown, to_docx) -> None:
    """Print Markdown or JSON (or write them to ``target``); Word always goes to a file.

    Markdown is made safe to show in a terminal; JSON keeps every value exactly."""
    if fmt is Format.docx:
        data = to_docx(model, vault)
    elif fmt is Format.json:
        data = json_line(restored_json(model, vault), indent=2)
    else:
        data = printable(to_markdown(model, vault))
    if target is None:
        print(data)
        return
    save(target, data if isinstance(data, bytes) else (data + "\n").encode("utf-8"))
    status.print(f"[green]✓[/] wrote {for_rich(str(target))}", highlight=False)


def summarize_command(
    journal: Path = typer.Argument(..., help="Journal file: .txt/.md (dated headings), .json, .jsonl or .csv."),
    fmt: Format = typer.Option(Format.md, "--format", help="md, json or docx."),
    output: Path = typer.Option(None, "--output", "-o", help="Write to this new file instead of stdout."),
    force: bool = FORCE,
) -> None:
    """Session-prep summary: risk flags first, themes with dated quotes, mood, scores, questions."""
    settings = settings_or_exit()
    target = _target(output, fmt, journal, f"{journal.stem}-summary.docx", force)
    entries = load_journal(journal)
    from assistant.factory import build_assistant  # heavy: only once the journal is readable

    assistant = build_assistant(settings)
    vault = Vault()  # this run only; never written anywhere
    with status.status(f"Summarizing {len(entries)} entries…"):
        summary = assistant.summarize(entries, vault)
    _emit(summary, vault, fmt, target, summary_markdown, summary_docx)


def plan_command(
    journal: Path = typer.Option(..., "--journal", help="The client's journal file."),
    session: int = typer.Option(None, "--session", min=1, max=100, help="Integration session number."),
    focus: str = typer.Option(None, "--focus", help="What you want the session to focus on."),
    minutes: int = typer.Option(50, "--minutes", min=15, max=180, help="Session length."),
    fmt: Format = typer.Option(Format.md, "--format", help="md, json or docx."),
    output: Path = typer.Option(None, "--output", "-o", help="Write to this new file (docx default: JOURNAL-plan.docx)."),
    force: bool = FORCE,
) -> None:
    """Draft integration-session plan with cited psychoeducation, practice and homework."""
    settings = settings_or_exit()
    target = _target(output, fmt, journal, f"{journal.stem}-plan.docx", force)
    entries = load_journal(journal)
    if focus is not None and not focus.strip():
        raise fail("--focus is empty; leave it out or describe the focus")
    from assistant.factory import build_assistant

    assistant = build_assistant(settings)
    vault = Vault()
    with status.status("Drafting the plan…"):
        plan = assistant.plan(entries, vault, session=session, focus=focus, minutes=minutes)
    _emit(plan, vault, fmt, target, plan_markdown, plan_docx)


def register(app: typer.Typer) -> None:
    app.command("summarize")(summarize_command)
    app.command("plan")(plan_command)
