"""`kap guard` streams one JSON object per input line in the contract's shape."""

import json

from typer.testing import CliRunner

from assistant.cli import app

KEYS = {"id", "decision", "flags", "findings", "message"}


def _lines(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.startswith("{")]


def test_guard_jsonl_streams_the_contract_shape(tmp_path, embedder):
    source = tmp_path / "in.jsonl"
    source.write_text(
        "\n".join(
            json.dumps(r)
            for r in [
                {"id": "a", "text": "Should we increase her dose next session?"},
                {"id": "b", "text": "How do I help a client integrate an overwhelming IV session?"},
                {"id": "c", "text": "I want to die."},
            ]
        ),
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, ["guard", "--input", str(source), "--json"])
    assert result.exit_code == 0, result.output
    rows = _lines(result.output)
    assert [set(r) for r in rows] == [KEYS] * 3
    assert [(r["id"], r["decision"]) for r in rows] == [("a", "block"), ("b", "allow"), ("c", "allow")]
    assert "dosing" in rows[0]["flags"] and "crisis" in rows[2]["flags"]
    assert {"rule", "category", "detail", "start", "end", "score"} <= set(rows[0]["findings"][0])


def test_guard_text_in_output_mode_returns_cleaned_text(embedder):
    result = CliRunner().invoke(
        app, ["guard", "A typical dose is 0.5 mg/kg. Rest well.", "--json", "--mode", "output"]
    )
    assert result.exit_code == 0, result.output
    row = _lines(result.output)[0]
    assert "mg" not in row["text"] and "Rest well." in row["text"]


def test_guard_without_text_or_input_fails_with_one_line():
    result = CliRunner().invoke(app, ["guard"])
    assert result.exit_code == 2
