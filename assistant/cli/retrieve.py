"""``kap retrieve``: batch retrieval over JSONL questions (the evaluation interface)."""

from __future__ import annotations

import typer

from assistant.cli.common import emit_json, fail, read_jsonl, settings_or_exit


def retrieve_command(
    input_path: str = typer.Option(..., "--input", help="JSONL file with {id, text}; - for stdin."),
    as_json: bool = typer.Option(True, "--json", help="Stream JSON lines (the only format)."),
    k: int = typer.Option(5, "-k", min=1, max=50, help="Passages per question."),
) -> None:
    """Stream {id, results: [{doc_id, chunk_id, section, score}]} per input line."""
    from assistant.factory import build_assistant

    if not as_json:
        raise fail("kap retrieve only writes JSON lines; pass --json")
    settings = settings_or_exit()
    records = read_jsonl(input_path)
    if input_path != "-":  # a file is checked whole before any model loads; stdin streams
        records = list(records)
    assistant = build_assistant(settings)
    for _, record in records:
        passages = assistant.retrieve(record["text"], k=k)
        emit_json(
            {
                "id": record["id"],
                "results": [
                    {"doc_id": p.doc_id, "chunk_id": p.chunk_id, "section": p.section, "score": p.score}
                    for p in passages
                ],
            }
        )


def register(app: typer.Typer) -> None:
    app.command("retrieve")(retrieve_command)
