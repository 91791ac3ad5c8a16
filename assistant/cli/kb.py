"""``kap kb validate | list | approve``: vetting the knowledge base."""

from __future__ import annotations

from datetime import date

import typer
from rich.console import Console
from rich.table import Table

from assistant.cli.common import emit_json, fail, settings_or_exit
from assistant.cli.terminal import for_rich
from assistant.kb.approval import approve
from assistant.kb.corpus import load_corpus

kb_app = typer.Typer(help="Validate, list and approve knowledge documents.", no_args_is_help=True)
out = Console()


@kb_app.command("validate")
def validate_command() -> None:
    """Report every problem in the knowledge folder, with file and field."""
    settings = settings_or_exit()
    corpus = load_corpus(settings.knowledge_dir)
    for problem in corpus.problems:
        out.print(f"[red]✗[/] {for_rich(str(problem))}", highlight=False, soft_wrap=True)
    if corpus.problems:
        raise fail(f"{len(corpus.problems)} problem(s) in {settings.knowledge_dir}")
    unreviewed = [d.id for d in corpus.documents if not d.is_approved]
    out.print(
        f"[green]✓[/] {len(corpus.documents)} documents valid; "
        f"{len(corpus.documents) - len(unreviewed)} approved, {len(unreviewed)} not retrievable "
        "until approved"
    )


@kb_app.command("list")
def list_command(as_json: bool = typer.Option(False, "--json", help="One JSON line per document.")) -> None:
    """Show every document with its review status."""
    settings = settings_or_exit()
    corpus = load_corpus(settings.knowledge_dir)
    rows = [
        {
            "id": d.id,
            "title": d.meta.title,
            "status": d.review_state,
            "reviewer": d.meta.review.reviewer,
            "reviewed_on": str(d.meta.review.reviewed_on or ""),
            "audience": d.meta.audience,
            "phase": d.meta.phase,
        }
        for d in corpus.documents
    ]
    if as_json:
        for row in rows:
            emit_json(row)
        return
    table = Table("id", "status", "reviewer", "reviewed on", "audience", "phase")
    colour = {"approved": "green", "changed-since-approval": "yellow", "draft": "yellow"}
    for row in rows:
        style = colour.get(row["status"], "red")
        table.add_row(
            for_rich(row["id"]), f"[{style}]{row['status']}[/]", for_rich(row["reviewer"] or "—"),
            row["reviewed_on"] or "—", row["audience"], row["phase"],
        )
    out.print(table)
    if corpus.problems:
        out.print(f"[red]{len(corpus.problems)} invalid document(s); run `kap kb validate`[/]")


@kb_app.command("approve")
def approve_command(
    doc_id: str = typer.Argument(..., help="Document id (its file name without .md)."),
    reviewer: str = typer.Option(..., "--reviewer", help="Name of the clinician approving it."),
) -> None:
    """Approve a document's current content: records reviewer, date and content hash."""
    settings = settings_or_exit()
    corpus = load_corpus(settings.knowledge_dir)
    bad = [p for p in corpus.problems if p.path.stem == doc_id]
    if bad:
        raise fail(f"{bad[0]}; fix it before approving")
    doc = approve(corpus, doc_id, reviewer, date.today())
    out.print(
        f"[green]✓[/] approved {for_rich(doc.id)} by {for_rich(doc.meta.review.reviewer)} on "
        f"{doc.meta.review.reviewed_on}; run `kap ingest` to update the index"
    )


def register(app: typer.Typer) -> None:
    app.add_typer(kb_app, name="kb")
