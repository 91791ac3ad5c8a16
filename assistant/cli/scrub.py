"""``kap scrub``: replace PHI with placeholders in a text, stdin or a JSONL file."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import islice
from typing import TYPE_CHECKING

import typer

from assistant.cli.common import emit_json, fail, read_jsonl, read_stdin, settings_or_exit
from assistant.cli.terminal import printable
from assistant.errors import KapError
from assistant.privacy.vault import Vault

if TYPE_CHECKING:
    from assistant.privacy.scrubber import PresidioScrubber

BATCH = 64


def register(app: typer.Typer) -> None:
    """Add the ``scrub`` command to ``app``."""

    @app.command()
    def scrub(
        text: str = typer.Argument(None, help='Text to scrub, or "-" to read it from stdin.'),
        input: str = typer.Option(None, "--input", help="JSONL file of {id, text}; - for stdin."),
        json_out: bool = typer.Option(False, "--json", help="One JSON object per input line."),
    ) -> None:
        """Replace names, dates, places, numbers and other PHI with typed placeholders.

        With --input, streams {"id", "text", "entities": [{"type", "start", "end", "score"}]}
        per line; start/end are offsets in the original text.
        """
        if (text is None) == (input is None):
            raise fail('give TEXT, "-" for stdin, or --input FILE.jsonl')
        settings = settings_or_exit()
        try:
            # Input is read (a file checked whole) before Presidio loads; stdin JSONL streams.
            if input is not None:
                records = (record for _, record in read_jsonl(input))
                if input != "-":
                    records = iter(list(records))
            else:
                source = read_stdin() if text == "-" else text
            from assistant.privacy.scrubber import PresidioScrubber  # loads Presidio: only when scrubbing

            scrubber = PresidioScrubber(settings)
            vault = Vault()  # one run, one vault: the same value keeps its placeholder
            if input is not None:
                _scrub_records(scrubber, vault, records, json_out)
            else:
                result = scrubber.scrub(source, vault)
                if json_out:
                    emit_json(_record(None, result))
                else:
                    typer.echo(printable(result.text), nl=not result.text.endswith("\n"))
        except KapError as exc:
            raise fail(str(exc)) from None


def _scrub_records(scrubber: PresidioScrubber, vault: Vault, records: Iterator[dict], json_out: bool) -> None:
    """Stream results in batches so spaCy's nlp.pipe does the work and output keeps flowing."""
    while batch := list(islice(records, BATCH)):
        for record, result in zip(batch, scrubber.scrub_many([r["text"] for r in batch], vault)):
            if json_out:
                emit_json(_record(record["id"], result))
            else:
                typer.echo(printable(result.text))


def _record(record_id, result) -> dict:
    entities = [
        {"type": e.type, "start": e.start, "end": e.end, "score": e.score} for e in result.entities
    ]
    return {"id": record_id, "text": result.text, "entities": entities}
