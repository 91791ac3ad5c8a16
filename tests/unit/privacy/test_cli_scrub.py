"""`kap scrub`: text, stdin and streaming JSONL per the command-line contract."""

from __future__ import annotations

import json

import pytest
import typer
from typer.testing import CliRunner

from assistant.cli import scrub


@pytest.fixture(scope="module")
def app() -> typer.Typer:
    app = typer.Typer()
    scrub.register(app)
    app.command("noop")(lambda: None)  # keeps typer in multi-command mode, like `kap`
    return app


def test_when_text_given_then_scrubbed_text_printed(app):
    out = CliRunner().invoke(app, ["scrub", "Call Priya at (503) 555-0143 on 3/14."])
    assert out.exit_code == 0
    assert out.stdout == "Call <PERSON_1> at <PHONE_1> on <DATE_1>.\n"


def test_when_dash_then_text_read_from_stdin(app):
    out = CliRunner().invoke(app, ["scrub", "-"], input="i told jess about it\n")
    assert out.stdout == "i told <PERSON_1> about it\n"


def test_when_jsonl_input_then_one_line_per_record_with_original_offsets(app, tmp_path):
    texts = ["MRN 00481127 for Priya", "Priya wrote from x.y@gmail.com"]
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(json.dumps({"id": f"r{i}", "text": t}) for i, t in enumerate(texts)))
    out = CliRunner().invoke(app, ["scrub", "--input", str(path), "--json"])
    lines = [json.loads(line) for line in out.stdout.splitlines()]
    assert [line["id"] for line in lines] == ["r0", "r1"]
    assert lines[1]["text"] == "<PERSON_1> wrote from <EMAIL_1>"  # same vault for the run
    for line, text in zip(lines, texts):
        assert {"type", "start", "end", "score"} == set(line["entities"][0])
        assert {text[e["start"] : e["end"]] for e in line["entities"]} & {"Priya", "00481127"}


def test_when_no_text_and_no_input_then_usage_error(app):
    assert CliRunner().invoke(app, ["scrub"]).exit_code == 2


def test_when_bad_jsonl_then_one_line_error(app, tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text("{not json}\n")
    out = CliRunner().invoke(app, ["scrub", "--input", str(path), "--json"])
    assert out.exit_code == 2 and "not valid JSON" in out.output
