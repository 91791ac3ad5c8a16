"""The public command-line contract: JSON shapes, and bad input as one line with exit 2."""

import json

import pytest

from assistant.kb.store import open_store
from tests.conftest import REPO


def test_retrieve_streams_one_result_line_per_input_line(kap, tmp_path):
    source = tmp_path / "q.jsonl"
    source.write_text(
        '{"id": "a", "text": "steps of a safety plan"}\n\n{"id": 7, "text": "grounding when dissociated"}\n'
    )
    result = kap("retrieve", "--input", str(source), "--json", "-k", "3")
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["id"] for line in lines] == ["a", 7]
    first = lines[0]["results"]
    assert len(first) == 3 and first[0]["doc_id"] == "safety-planning"
    assert set(first[0]) == {"doc_id", "chunk_id", "section", "score"}


def test_retrieve_reads_stdin(kap):
    result = kap("retrieve", "--input", "-", "--json", stdin='{"id": 1, "text": "self-compassion practice"}\n')
    assert result.returncode == 0 and json.loads(result.stdout)["results"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"id": 1, "text": "ok question here"}\nnot json\n', "q.jsonl:2: not valid JSON"),
        ('{"id": 1, "txt": "typo"}\n', 'q.jsonl:1: each line needs a string field "text"'),
    ],
)
def test_a_bad_input_line_is_one_clear_error_with_exit_2(kap, tmp_path, content, message):
    source = tmp_path / "q.jsonl"
    source.write_text(content)
    result = kap("retrieve", "--input", str(source), "--json")
    assert result.returncode == 2
    assert message in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"KAP_RETRIEVAL_K": "0"}, "KAP_RETRIEVAL_K"),
        ({"KAP_CHROMA_URL": "localhost:8000"}, "KAP_CHROMA_URL"),
        ({"KAP_NO_SUCH_SETTING": "1"}, "Unknown setting KAP_NO_SUCH_SETTING"),
        ({"KAP_EMBEDDING_MODEL": "/no/such/model"}, "KAP_EMBEDDING_MODEL"),
    ],
)
def test_an_invalid_setting_stops_at_start_naming_the_setting(kap, env, message):
    result = kap("kb", "list", env=env)
    assert result.returncode == 2 and message in result.stderr
    assert "Traceback" not in result.stderr


def test_kb_validate_names_file_and_field_and_ingest_leaves_index_untouched(kap, tmp_path, small_corpus, indexed_settings):
    doc = small_corpus / "self-compassion.md"
    doc.write_text(doc.read_text().replace("phase:", "phase: someday #", 1))
    env = {"KAP_KNOWLEDGE_DIR": str(small_corpus)}
    result = kap("kb", "validate", env=env)
    assert result.returncode == 2
    assert "self-compassion.md: phase:" in result.stdout

    store = open_store(indexed_settings)
    before = store.fingerprints()
    result = kap("ingest", env=env)
    assert result.returncode == 2 and "self-compassion.md: phase" in result.stderr
    assert "Traceback" not in result.stderr
    assert store.fingerprints() == before


def test_ingest_json_prints_the_four_counts(kap, tmp_path, small_corpus):
    env = {"KAP_DATA_DIR": str(tmp_path / "fresh"), "KAP_KNOWLEDGE_DIR": str(small_corpus)}
    result = kap("ingest", "--json", env=env)
    counts = json.loads(result.stdout)
    assert set(counts) >= {"added", "updated", "removed", "unchanged"}
    assert counts["added"] >= len(list(small_corpus.glob("*.md"))) and counts["unchanged"] == 0


def test_kb_list_json_shows_status(kap):
    result = kap("kb", "list", "--json")
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) >= 34 and all(row["status"] == "approved" for row in rows)


def test_kb_approve_records_reviewer(kap, small_corpus):
    doc = small_corpus / "self-compassion.md"
    doc.write_text(doc.read_text() + "\nA fresh edit.\n")
    env = {"KAP_KNOWLEDGE_DIR": str(small_corpus)}
    assert "changed-since-approval" in kap("kb", "list", "--json", env=env).stdout
    result = kap("kb", "approve", "self-compassion", "--reviewer", "Dr Test", env=env)
    assert result.returncode == 0, result.stderr
    row = [json.loads(l) for l in kap("kb", "list", "--json", env=env).stdout.splitlines() if "self-compassion" in l][0]
    assert row["status"] == "approved" and row["reviewer"] == "Dr Test"


def test_summarize_json_and_plan_docx_from_the_command_line(kap, tmp_path):
    journal = REPO / "examples" / "journal-sample.md"
    summary = kap("summarize", str(journal), "--format", "json")
    assert summary.returncode == 0, summary.stderr
    data = json.loads(summary.stdout)
    assert data["flags"] and data["themes"] and data["questions"]
    target = tmp_path / "plan.docx"
    plan = kap("plan", "--journal", str(journal), "--session", "2", "--format", "docx", "-o", str(target))
    assert plan.returncode == 0, plan.stderr
    from docx import Document

    assert "Integration-session plan" in Document(str(target)).paragraphs[0].text


def test_a_bad_journal_is_one_line_naming_file_and_line(kap, tmp_path):
    journal = tmp_path / "j.jsonl"
    journal.write_text('{"date": "2026-01-01", "text": "fine"}\n{"date": "soon", "text": "x"}\n')
    result = kap("summarize", str(journal))
    assert result.returncode == 2 and "j.jsonl:2: unreadable date" in result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""


def test_a_broken_theme_taxonomy_stops_the_program(kap, tmp_path):
    prompts = tmp_path / "prompts"
    prompts.mkdir()
    for name in ("plan.yaml", "ask.yaml", "summary.yaml", "plan_llm.yaml"):
        (prompts / name).write_text((REPO / "prompts" / name).read_text())
    (prompts / "themes.yaml").write_text("version: 1\nthemes: [oops\n")
    result = kap("ask", "What is grounding?", env={"KAP_PROMPTS_DIR": str(prompts)})
    assert result.returncode == 2 and "invalid theme taxonomy" in result.stderr
