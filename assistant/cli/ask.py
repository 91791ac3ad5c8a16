"""``kap ask``: a grounded answer with numbered citations; interactive when no question."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import typer
from rich.console import Console
from rich.padding import Padding
from rich.panel import Panel

from assistant.cli.common import fail, report, settings_or_exit
from assistant.cli.terminal import for_rich, json_line, printable
from assistant.errors import KapError
from assistant.models import Answer

if TYPE_CHECKING:
    from assistant.factory import Assistant
    from assistant.privacy.vault import Vault

out = Console()


def render(answer: Answer, sources: bool = False) -> None:
    """Print an answer for a person: boundary, crisis banner, text, then one line per source
    ("title › section"); with ``sources``, each source's passage and references too."""
    if "crisis" in answer.flags:
        out.print(Panel(for_rich("\n".join(answer.notes)), title="Safety first", border_style="red"))
    if answer.status == "refused":
        out.print(Panel(for_rich(answer.text), title="Outside what this assistant does", border_style="yellow"))
        return
    out.print(printable(answer.text), soft_wrap=True, highlight=False, markup=False)
    if answer.citations:
        out.print()
    for citation in answer.citations:
        out.print(f"  [bold]\\[{citation.n}][/] {for_rich(citation.title)} › {for_rich(citation.section)}",
                  highlight=False)
        if sources:
            passage = printable(" ".join(citation.passage.split()))
            out.print(Padding(passage, (0, 0, 0, 6)), style="italic", highlight=False, markup=False)
            for ref in citation.references:
                out.print(Padding(printable(ref), (0, 0, 0, 6)), style="dim", highlight=False,
                          markup=False)
    for note in answer.notes if "crisis" not in answer.flags else []:
        out.print(f"[yellow]note:[/] {for_rich(note)}", highlight=False)


def _answer(
    assistant: Assistant, question: str, vault: Vault, k: int | None, as_json: bool, sources: bool
) -> None:
    answer = assistant.ask(question, vault, k=k)
    if as_json:
        payload = answer.model_dump(mode="json")
        payload["question"] = vault.restore(answer.question)
        print(json_line(payload))
    else:
        render(answer, sources)


def ask_command(
    question: str = typer.Argument(None, help="Your question; omit it for an interactive session."),
    as_json: bool = typer.Option(False, "--json", help="Print the answer as JSON."),
    k: int = typer.Option(None, "-k", min=1, max=50, help="Passages to retrieve."),
    sources: bool = typer.Option(
        False, "--sources", help="Show each source's passage and references under the answer."
    ),
) -> None:
    """Answer a question from the vetted knowledge base, with citations. No dosing advice."""
    from assistant.factory import build_assistant
    from assistant.privacy.vault import Vault

    settings = settings_or_exit()
    assistant = build_assistant(settings)
    vault = Vault()  # one CLI run = one conversation; never written anywhere
    if question is not None:
        _answer(assistant, question, vault, k, as_json, sources)
        return
    if not sys.stdin.isatty():
        raise fail("No question given; pass one in quotes, e.g. kap ask \"What is integration?\"")
    out.print("[bold]KAP Integration Assistant[/] — ask about integration; empty line or Ctrl-D quits.")
    while True:
        try:
            line = out.input("[bold cyan]?[/] ").strip()
        except (EOFError, KeyboardInterrupt):
            break
        if not line:
            break
        try:
            with out.status("Thinking…"):
                answer = assistant.ask(line, vault, k=k)
            render(answer, sources)
        except KapError as exc:
            report(str(exc))


def register(app: typer.Typer) -> None:
    app.command("ask")(ask_command)
