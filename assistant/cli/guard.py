"""`kap guard`: check texts for dosing, crisis, injection and scope, streaming JSON lines."""

from __future__ import annotations

import logging
from enum import Enum

import typer

from assistant.cli.common import emit_json, fail, read_jsonl, settings_or_exit
from assistant.cli.terminal import printable
from assistant.embeddings import SentenceTransformerEmbedder
from assistant.errors import KapError
from assistant.guard import RuleGuard, build_guard
from assistant.models import GuardVerdict

log = logging.getLogger(__name__)
BATCH = 64


class GuardMode(str, Enum):
    input = "input"
    journal = "journal"
    output = "output"


def register(app: typer.Typer) -> None:
    """Add the ``guard`` command to the ``kap`` app."""

    @app.command("guard")
    def guard_command(
        text: str | None = typer.Argument(None, help="Text to check (or use --input)."),
        input_file: str | None = typer.Option(
            None, "--input", help="JSONL file of {\"id\", \"text\"}, or - for stdin."
        ),
        mode: GuardMode = typer.Option(GuardMode.input, "--mode", help="input, journal or output."),
        as_json: bool = typer.Option(False, "--json", help="One JSON object per line."),
    ) -> None:
        """Check a therapist question, journal text or generated text.

        Prints {"id", "decision", "flags", "findings", "message"} per line (plus "text"
        in output mode, the text with dose statements removed).
        """
        if (text is None) == (input_file is None):
            raise fail("give either TEXT or --input FILE.jsonl")
        settings = settings_or_exit()
        try:
            guard = build_guard(
                settings,
                SentenceTransformerEmbedder(settings.embedding_model, settings.embedding_batch_size),
            )
            if text is not None:
                _emit(1, guard.check(text, mode.value), mode, as_json)
                return
            batch: list[dict] = []
            for _, record in read_jsonl(input_file):
                batch.append(record)
                if len(batch) == BATCH:
                    _flush(guard, batch, mode, as_json)
            _flush(guard, batch, mode, as_json)
        except KapError as exc:
            raise fail(str(exc)) from None


def _flush(guard: RuleGuard, batch: list[dict], mode: GuardMode, as_json: bool) -> None:
    verdicts = guard.check_many([r["text"] for r in batch], mode.value)
    for record, verdict in zip(batch, verdicts, strict=True):
        _emit(record["id"], verdict, mode, as_json)
    log.info("guard streamed %s records", len(batch))
    batch.clear()


def _emit(record_id: object, verdict: GuardVerdict, mode: GuardMode, as_json: bool) -> None:
    record = {
        "id": record_id,
        "decision": verdict.decision,
        "flags": verdict.flags,
        "findings": [f.model_dump() for f in verdict.findings],
        "message": verdict.message,
    }
    if mode is GuardMode.output:
        record["text"] = verdict.text
    if as_json:
        emit_json(record)
    else:
        typer.echo(printable(f"{record_id}\t{verdict.decision}\t{','.join(verdict.flags) or '-'}"))
        if verdict.message:
            typer.echo(printable(verdict.message))
        if verdict.text is not None:
            typer.echo(printable(verdict.text))
