import json
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

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
        ("j.jsonl", b'{"date": "someday", "text": "a"}\n', "j.jsonl:1: unreadable date in field 'date'"),
        ("j.jsonl", b'{"date": 20260301, "text": "a"}\n', "j.jsonl:1: unreadable date"),
        ("j.jsonl", b'{"date": "2026-03-01", "text": ""}\n', "j.jsonl:1: entry has no text"),
        ("j.jsonl", b'{"date": "2026-03-01", "text": ["a"]}\n', "j.jsonl:1: field 'text' must be a string"),
        ("j.jsonl", b'{"date": "2026-03-01", "text": "a", "phq9": 40}\n', "j.jsonl:1: field 'phq9'"),
        ("j.jsonl", b'{"date": "2026-03-01", "text": "a", "phq9": "inf"}\n', "j.jsonl:1: field 'phq9' must be a number"),
        ("j.jsonl", b'{"date": "2026-03-01", "text": "a", "gad7": "nan"}\n', "j.jsonl:1: field 'gad7' must be a number"),
        ("j.jsonl", b'{"date": "2026-03-01", "text": "a", "gad7": true}\n', "j.jsonl:1: field 'gad7' must be a number"),
        ("j.jsonl", b'{"date": "2026-03-01", "text": "a", "pcl5": NaN}\n', "j.jsonl:1: not accepted: NaN"),
        ("j.jsonl", b'{"date": "2026-03-01", "text": "a", "pcl5": 1e999}\n', "j.jsonl:1: not accepted"),
        ("j.jsonl", b'{"date": "2026-03-01", "text": "a", "pcl5": ' + b"9" * 5000 + b"}\n",
         "j.jsonl:1: not accepted: a number longer than"),
        ("j.jsonl", b'{"date": "2026-03-01", "text": "\\ud800"}\n', "j.jsonl:1: .*lone surrogate"),
        ("j.jsonl", b'\n{"date": "2026-03-01", "text": ' + b"[" * 100_000 + b"]" * 100_000 + b"}\n",
         "j.jsonl:2: JSON nested too deeply"),
        ("j.json", b"[" * 100_000 + b"]" * 100_000, "j.json:1: JSON nested too deeply"),
        ("j.json", b'[{"date": "2026-03-01",\n "text": "a"},\n oops]', "j.json:3: not valid JSON"),
        ("j.jsonl", b'{"date": "2026-03-01", "text": "a"}\n\x89PNG\x00\xff\n', "j.jsonl:2: not UTF-8"),
        ("j.csv", b"when,what\n2026-03-01,a\n", "j.csv:1: the header needs 'date' and 'text'"),
        ("j.csv", b"date,text,phq9\n2026-03-01,a,lots\n", "j.csv:2: field 'phq9' must be a number"),
        ("j.csv", b"date,text\n2026-03-01," + b"x" * 200_000 + b"\n", "j.csv:2: unreadable CSV row"),
        ("j.csv", b'date,text\n2026-03-01,ok\n2026-03-02,"' + b"x" * 200_000 + b"\n", "j.csv:3: unreadable CSV row"),
        ("j.md", "## 2026-03-14\ncaf\xe9".encode("latin-1"), "j.md:2: not UTF-8"),
        ("j.md", b"## 2026-03-14\n" + b"x" * (6 * 1024 * 1024), "larger than"),
    ],
)
def test_bad_input_names_file_and_line(name, data, message):
    with pytest.raises(InputError, match=message.replace("(", r"\(")):
        parse_journal(name, data)


@pytest.mark.parametrize(
    ("data", "value"),
    [
        (b'{"date": "call 555-201-4477", "text": "a"}\n', b"555-201-4477"),
        (b'{"date": "2026-03-01", "text": "a", "phq9": "Jane 555-201-4477"}\n', b"555-201-4477"),
    ],
)
def test_messages_name_the_field_and_line_but_never_quote_the_value(data, value):
    with pytest.raises(InputError) as caught:
        parse_journal("j.jsonl", data)
    assert str(caught.value).startswith("j.jsonl:1: ") and "field '" in str(caught.value)
    assert value.decode() not in str(caught.value)


CSV_STRAY_QUOTE = (
    "date,text\n"
    "2026-03-01,\"I said \"\"fine\"\" and left\n"  # the quote opened here never closes
    "2026-03-08,Some nights I keep thinking everyone would be better off without me\n"
    "2026-03-15,A calmer week\n"
)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (CSV_STRAY_QUOTE, "j.csv:2: a quote in this row is never closed, so the rows from line 3"),
        ("date,text,phq9\n2026-03-01,\"note\n2026-03-02,second,4\n", "j.csv:2: .*from line 3"),
    ],
)
def test_a_stray_quote_in_a_csv_stops_instead_of_merging_rows(text, message):
    with pytest.raises(InputError, match=message):
        parse_journal("j.csv", text.encode())


@pytest.mark.parametrize(
    "text",
    [
        'date,text\n2026-03-01,"First paragraph.\nSecond paragraph, on 3 March."\n',  # no match: prose
        'date,text\n2026-03-01,"Line one\n2026 was hard, and so on"\n',  # no match: not a row with a date
        'date,text\r\n2026-03-01,"a\r\nb"\r\n2026-03-02,c\r\n',  # no match: CRLF file, quoted newline
    ],
)
def test_a_quoted_multi_line_entry_is_one_entry(text):
    entries = parse_journal("j.csv", text.encode())
    assert entries[0].date == date(2026, 3, 1) and "\n" in entries[0].text


def test_csv_entries_keep_the_line_where_they_start():
    entries = parse_journal("j.csv", b'date,text\n2026-03-01,"a\nb"\n2026-03-02,c\n')
    assert [e.line for e in entries] == [2, 4]


def test_line_numbers_count_only_real_line_breaks():
    data = '{"date": "2026-03-01", "text": "a\u2028b\x85c"}\n{"date": "soon", "text": "x"}\n'
    with pytest.raises(InputError, match="j.jsonl:2: unreadable date"):
        parse_journal("j.jsonl", data.encode())


def test_too_many_entries_is_refused_rather_than_truncated():
    lines = "".join(f'{{"date": "2026-01-01", "text": "entry {i}"}}\n' for i in range(MAX_ENTRIES + 1))
    with pytest.raises(InputError, match="at most"):
        parse_journal("j.jsonl", lines.encode())


@pytest.mark.parametrize("sample", ["journal-sample.md", "journal-sample.jsonl", "journal-sample.csv"])
def test_the_shipped_examples_parse(sample):
    path = REPO / "examples" / sample
    assert parse_journal(path.name, path.read_bytes())


HOSTILE = ["inf", "-Infinity", "nan", "NaN", "1e999", "9" * 5000, "<PERSON_" + "9" * 5000 + ">", "\x00",
           "\x1b[2J", '"', "\r", "\u2028", "[" * 1100, "x" * 140_000, "call 555-201-4477", "March 3, 2026"]
hostile = st.sampled_from(HOSTILE)


def _records() -> st.SearchStrategy:
    """Mostly valid entries with one hostile value somewhere, so every check is reached."""
    scalar = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20) | hostile
    record = st.fixed_dictionaries(
        {"date": st.dates().map(str) | scalar, "text": st.text(min_size=1, max_size=30) | scalar},
        optional={field: scalar | st.integers(0, 30) for field in ("phq9", "gad7", "pcl5")},
    )
    return st.lists(record | scalar, min_size=1, max_size=4)


def _json_text(records: list, suffix: str) -> str:
    if suffix == ".json":
        return json.dumps(records)
    return "\n".join(json.dumps(r) for r in records)


@st.composite
def journal_files(draw) -> tuple[str, bytes]:
    suffix = draw(st.sampled_from([".md", ".txt", ".json", ".jsonl", ".csv"]))
    kind = draw(st.sampled_from(["bytes", "records", "pieces"]))
    if kind == "bytes":
        return "j" + suffix, draw(st.binary(max_size=300))
    if kind == "records" and suffix in (".json", ".jsonl"):
        return "j" + suffix, _json_text(draw(_records()), suffix).encode("utf-8", "surrogatepass")
    pieces = st.sampled_from(["## 2026-03-14\n", "date,text,phq9\n", "2026-03-14,", ",", "\n", '{"date": "2026-03-14", '
                              '"text": "a", "phq9": ', "}", "]", *HOSTILE])
    text = "".join(draw(st.lists(pieces | st.text(max_size=20), max_size=20)))
    return "j" + suffix, text.encode("utf-8", "surrogatepass")


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(journal_files())
def test_the_parser_raises_nothing_but_input_error(file):
    name, data = file
    try:
        entries = parse_journal(name, data)
    except InputError as exc:
        assert str(exc).startswith(name) and "\n" not in str(exc)
    else:
        assert entries and all(e.text.strip() for e in entries)
