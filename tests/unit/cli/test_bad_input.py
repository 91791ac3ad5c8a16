"""Bad input tried on purpose, through the real `kap` entry point.

Every row must end the same way: exit status 2, one line on stderr naming the problem,
no traceback, no value from the input repeated back, no control character printed, and
every input file exactly as it was.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

import pytest

from assistant.cli.boundary import describe
from assistant.config import Settings

PHONE = "555-201-4477"
JOURNAL_MD = b"## 2026-03-01\nA calm week.\n"
GOOD_LINE = b'{"date": "2026-03-01", "text": "A calm week."}\n'
LONG_PLACEHOLDER = "<PERSON_" + "9" * 5000 + ">"


@dataclass
class Case:
    args: list[str]
    says: str
    files: dict[str, bytes] = field(default_factory=dict)
    secrets: list[str] = field(default_factory=list)
    env: dict[str, str] = field(default_factory=dict)


CASES = {
    # 1. one error boundary: typer's parameter errors and every crash become one line
    "negative -k": Case(["ask", "-k", "-3", "What is grounding?"], "invalid value for '-k'"),
    "unknown --mode": Case(["guard", "--mode", f"call {PHONE}", "text"], "invalid value for '--mode'",
                           secrets=[PHONE]),
    "extra argument": Case(["ask", "What is grounding?", f"Jane Roe {PHONE}"], "unexpected extra argument",
                           secrets=["Jane Roe", PHONE]),
    "missing option": Case(["plan"], "Missing option '--journal'"),
    "binary JSONL journal": Case(["summarize", "j.jsonl"], "j.jsonl:2: not UTF-8",
                                 files={"j.jsonl": GOOD_LINE + b"\x89PNG\r\n\x1a\n\x00\xff\xfe\n"}),
    "binary JSONL batch": Case(["scrub", "--input", "q.jsonl", "--json"], "q.jsonl:1: not UTF-8",
                               files={"q.jsonl": b"\xff\xfe{\x00\n"}),
    "deeply nested JSON": Case(["summarize", "j.json"], "j.json:1: JSON nested too deeply",
                               files={"j.json": b"[" * 100_000 + b"]" * 100_000}),
    "deeply nested JSONL": Case(["plan", "--journal", "j.jsonl"], "j.jsonl:2: JSON nested too deeply",
                                files={"j.jsonl": GOOD_LINE + b'{"text": ' + b"[" * 50_000 + b"}\n"}),
    "CSV field over the limit": Case(["summarize", "j.csv"], "j.csv:2: unreadable CSV row",
                                     files={"j.csv": b"date,text\n2026-03-01," + b"x" * 200_000 + b"\n"}),
    "score of inf": Case(["summarize", "j.jsonl"], "j.jsonl:1: field 'phq9' must be a number",
                         files={"j.jsonl": b'{"date": "2026-03-01", "text": "a", "phq9": "inf"}\n'}),
    "score of NaN": Case(["summarize", "j.jsonl"], "j.jsonl:1: not accepted: NaN",
                         files={"j.jsonl": b'{"date": "2026-03-01", "text": "a", "gad7": NaN}\n'}),
    "5,000-digit number": Case(["summarize", "j.jsonl"], "j.jsonl:1: not accepted: a number longer than",
                               files={"j.jsonl": b'{"date": "2026-03-01", "text": "a", "pcl5": '
                                      + b"9" * 5000 + b"}\n"}),
    "5,000-digit score in CSV": Case(["summarize", "j.csv"], "j.csv:2: field 'phq9' must be a number",
                                     files={"j.csv": b"date,text,phq9\n2026-03-01,a," + b"9" * 5000 + b"\n"}),
    "command line not UTF-8": Case(["scrub", "caf\udce9"], "command line is not valid UTF-8"),
    # 2. messages quote no input values
    "phone number in the date": Case(["summarize", "j.jsonl"], "j.jsonl:1: unreadable date in field 'date'",
                                     files={"j.jsonl": f'{{"date": "call {PHONE}", "text": "a"}}\n'.encode()},
                                     secrets=[PHONE]),
    "name in a score": Case(["summarize", "j.csv"], "j.csv:3: field 'gad7' must be a number",
                            files={"j.csv": f"date,text,gad7\n2026-03-01,a,4\n2026-03-02,b,Jane {PHONE}\n".encode()},
                            secrets=["Jane", PHONE]),
    # 3. never destroy input
    "-o is the journal": Case(["summarize", "j.md", "-o", "j.md"], "is the journal being read",
                              files={"j.md": JOURNAL_MD}),
    "-o is the journal, with --force": Case(["plan", "--journal", "j.md", "-o", "./sub/../j.md", "--force"],
                                            "is the journal being read", files={"j.md": JOURNAL_MD, "sub/x": b""}),
    "-o exists": Case(["summarize", "j.md", "-o", "notes.md"], "notes.md already exists; pass --force",
                      files={"j.md": JOURNAL_MD, "notes.md": b"the therapist's own notes"}),
    "docx default exists": Case(["plan", "--journal", "j.md", "--format", "docx"], "j-plan.docx already exists",
                                files={"j.md": JOURNAL_MD, "j-plan.docx": b"last week's plan"}),
    "-o in a missing folder": Case(["summarize", "j.md", "-o", "nowhere/out.md"], "nowhere: folder not found",
                                   files={"j.md": JOURNAL_MD}),
    # 4. a stray CSV quote must not merge later rows under the first date
    "stray quote in CSV": Case(
        ["summarize", "j.csv"], "j.csv:2: a quote in this row is never closed, so the rows from line 3",
        files={"j.csv": b'date,text\n2026-03-01,"I said fine and left\n'
               b"2026-03-08,Some nights I think everyone would be better off without me\n"
               b"2026-03-15,A calmer week\n"}),
    # 5. terminal escapes in anything printed are made inert
    "escape sequence in a file name": Case(["summarize", "j\x1b]0;owned\x07\x1b[2J.jsonl"], "unreadable date",
                                           files={"j\x1b]0;owned\x07\x1b[2J.jsonl": b'{"date": "x", "text": "a"}\n'}),
    # 7. KAP_LOG_LEVEL is a checked setting
    "bad KAP_LOG_LEVEL": Case(["summarize", "j.md"], "Invalid setting KAP_LOG_LEVEL",
                              files={"j.md": JOURNAL_MD}, env={"KAP_LOG_LEVEL": "CHATTY"}),
}
CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f]")


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_bad_input_is_one_line_exit_2_and_changes_nothing(kap_no_index, tmp_path, case):
    for name, data in case.files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(data)
    before = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}

    result = kap_no_index(*case.args, env=case.env)

    assert result.returncode == 2, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    assert case.says in lines[0]
    assert "Traceback" not in result.stderr and result.stdout == ""
    assert not CONTROL.search(result.stderr)
    assert not [s for s in case.secrets if s in result.stderr]
    assert {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()} == before


def test_a_value_in_a_bad_row_is_really_absent_from_the_message(kap_no_index, tmp_path):
    """The secret check above can fail: the old date message quoted the field back."""
    (tmp_path / "j.jsonl").write_text(f'{{"date": "{PHONE}", "text": "a"}}\n')
    result = kap_no_index("summarize", "j.jsonl")
    assert result.returncode == 2 and PHONE not in result.stderr + result.stdout


@pytest.mark.parametrize(
    ("error", "says"),
    [
        (ValueError(f"Jane {PHONE}"), "unexpected ValueError"),  # a crash we did not foresee
        (PermissionError(13, "Permission denied", "j.md"), "j.md: permission denied"),
        (RecursionError(f"deep {PHONE}"), "nested too deeply"),
    ],
)
def test_the_boundary_names_any_failure_without_its_message(error, says):
    try:
        raise error
    except Exception as raised:
        message = describe(raised, [])
    assert says in message and PHONE not in message and "Jane" not in message


# Hostile input that is valid: it must be handled, and printed safely.


def test_a_placeholder_thousands_of_digits_long_passes_through_scrub(kap_no_index):
    text = f"copied {LONG_PLACEHOLDER} from a draft"
    result = kap_no_index("scrub", text)
    assert result.returncode == 0, result.stderr
    assert result.stdout == text + "\n"


def test_escape_sequences_are_shown_inert_on_screen_and_kept_in_json(kap_no_index):
    text = "calm now \x1b[2J\x1b]0;title\x07 and \u202eevil"
    shown = kap_no_index("scrub", text)
    assert shown.returncode == 0, shown.stderr
    assert not CONTROL.search(shown.stdout.rstrip("\n")) and "\u202e" not in shown.stdout
    assert "\\x1b[2J" in shown.stdout
    as_json = kap_no_index("scrub", "--json", text)
    assert not CONTROL.search(as_json.stdout.rstrip("\n"))
    assert json.loads(as_json.stdout)["text"] == text  # the data value itself is unchanged


@pytest.mark.parametrize(
    ("level", "info_logged"),
    [("DEBUG", True), ("WARNING", False)],
)
def test_kap_log_level_is_applied_and_logs_carry_no_phi(kap_no_index, level, info_logged):
    result = kap_no_index("scrub", f"Call Priya Raman at {PHONE}", env={"KAP_LOG_LEVEL": level})
    assert result.returncode == 0, result.stderr
    assert ("INFO assistant." in result.stderr) is info_logged
    assert "Priya" not in result.stderr and PHONE not in result.stderr


def _guard_model_trained() -> bool:
    return (Settings(_env_file=None).guard_model_dir / "manifest.json").is_file()


needs_guard_model = pytest.mark.skipif(
    not _guard_model_trained(), reason="the guard's intent model is not trained on this machine (make models)"
)


@needs_guard_model
@pytest.mark.parametrize("fmt", ["md", "json", "docx"])
def test_a_journal_with_nul_and_escapes_exports_privately_in_every_format(kap, tmp_path, fmt):
    journal = tmp_path / "j.md"
    journal.write_bytes(b"## 2026-03-01\nA calm\x00 week \x1b[2J by the river.\n"
                        + f"## 2026-03-08\nCopied {LONG_PLACEHOLDER} here.\n".encode())
    before = journal.read_bytes()
    target = tmp_path / f"out.{fmt}"
    result = kap("summarize", "j.md", "--format", fmt, "-o", target.name)
    assert result.returncode == 0, result.stderr
    assert journal.read_bytes() == before
    assert target.stat().st_mode & 0o777 == 0o600
    if fmt == "md":
        assert "\x1b" not in target.read_text()
    if fmt == "docx":
        from docx import Document

        assert "Session-prep summary" in Document(str(target)).paragraphs[0].text
    if fmt == "docx":  # every format is replaced through the same atomic write
        again = kap("summarize", "j.md", "--format", fmt, "-o", target.name, "--force")
        assert again.returncode == 0, again.stderr
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]
