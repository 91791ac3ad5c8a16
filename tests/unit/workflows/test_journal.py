import json
from datetime import date

import pytest

from assistant.errors import InputError
from assistant.journal import MAX_ENTRIES, parse_journal
from tests.conftest import REPO


@pytest.mark.parametrize(
    "heading",
    ["## 2026-03-14", "# March 14, 2026", "Monday 3/14/2026", "**14 March 2026**",
     "Date: 2026-03-14", "Entry - 2026-03-14", "### Sat, Mar 14 2026"],
)
def test_text_journal_headings_in_many_date_formats(heading):
    entries = parse_journal("j.md", f"{heading}\nFelt calm today after the walk.\n".encode())
    assert [(e.date, e.text) for e in entries] == [(date(2026, 3, 14), "Felt calm today after the walk.")]


@pytest.mark.parametrize(
    "line",
    ["I walked 3 miles today", "10 out of 10", "5", "We met at 3 and talked"],  # no match: not headings
)
def test_body_lines_with_numbers_are_not_mistaken_for_headings(line):
    entries = parse_journal("j.md", f"## 2026-03-14\nFirst line.\n{line}\n".encode())
    assert len(entries) == 1 and line in entries[0].text


def test_entries_are_sorted_by_date_and_keep_their_line():
    entries = parse_journal("j.txt", b"## 2026-03-20\nlater\n\n## 2026-03-14\nearlier\n")
    assert [e.text for e in entries] == ["earlier", "later"]
    assert [e.line for e in entries] == [4, 1]


def test_json_jsonl_and_csv_with_scores():
    records = [{"date": "2026-03-01", "text": "a", "phq9": 12}, {"date": "March 8 2026", "text": "b", "gad7": "9"}]
    as_json = parse_journal("j.json", json.dumps(records).encode())
    as_wrapped = parse_journal("j.json", json.dumps({"entries": records}).encode())
    as_jsonl = parse_journal("j.jsonl", "\n".join(json.dumps(r) for r in records).encode())
    as_csv = parse_journal("j.csv", b"date,text,phq9,gad7\n2026-03-01,a,12,\nMarch 8 2026,b,,9\n")
    for entries in (as_json, as_wrapped, as_jsonl, as_csv):
        assert [(e.date.isoformat(), e.text, e.phq9, e.gad7) for e in entries] == [
            ("2026-03-01", "a", 12, None), ("2026-03-08", "b", None, 9)
        ]


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("j.pdf", b"%PDF", "unsupported file type"),
        ("j.md", b"", "no journal entries"),
        ("j.md", b"Some text before any date\n## 2026-03-14\nx\n", "j.md:1: text before the first dated heading"),
        ("j.jsonl", b'{"date": "2026-03-01", "text": "a"}\n{oops\n', "j.jsonl:2: not valid JSON"),
        ("j.jsonl", b'{"date": "someday", "text": "a"}\n', "j.jsonl:1: unreadable date"),
        ("j.jsonl", b'{"date": "2026-03-01", "text": ""}\n', "j.jsonl:1: entry has no text"),
        ("j.jsonl", b'{"date": "2026-03-01", "text": "a", "phq9": 40}\n', "j.jsonl:1: phq9"),
        ("j.csv", b"when,what\n2026-03-01,a\n", "j.csv:1: the header needs 'date' and 'text'"),
        ("j.csv", b"date,text,phq9\n2026-03-01,a,lots\n", "j.csv:2: phq9 must be a number"),
        ("j.md", "## 2026-03-14\ncaf\xe9".encode("latin-1"), "not UTF-8"),
        ("j.md", b"## 2026-03-14\n" + b"x" * (6 * 1024 * 1024), "larger than"),
    ],
)
def test_bad_input_names_file_and_line(name, data, message):
    with pytest.raises(InputError, match=message.replace("(", r"\(")):
        parse_journal(name, data)


def test_too_many_entries_is_refused_rather_than_truncated():
    lines = "".join(f'{{"date": "2026-01-01", "text": "entry {i}"}}\n' for i in range(MAX_ENTRIES + 1))
    with pytest.raises(InputError, match="at most"):
        parse_journal("j.jsonl", lines.encode())


@pytest.mark.parametrize("sample", ["journal-sample.md", "journal-sample.jsonl", "journal-sample.csv"])
def test_the_shipped_examples_parse(sample):
    path = REPO / "examples" / sample
    assert parse_journal(path.name, path.read_bytes())
