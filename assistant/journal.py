"""Read a client's journal export: .txt/.md with dated headings, .json, .jsonl or .csv."""

from __future__ import annotations

import csv
import io
import math
import re
from datetime import date, datetime
from pathlib import Path

from dateutil import parser as date_parser
from pydantic import ValidationError

from assistant.errors import InputError
from assistant.jsonl import json_lines, parse_json
from assistant.models import JournalEntry

MAX_ENTRIES = 1000
MAX_BYTES = 5 * 1024 * 1024
FORMATS = (".txt", ".md", ".json", ".jsonl", ".csv")
SCORE_FIELDS = ("phq9", "gad7", "pcl5")
MAX_DATE_CHARS = 60

_HEADING = re.compile(
    r"^\s*(?:#{1,6}\s*)?(?:\*\*)?(?:(?:entry|date|journal)\s*[:\-–]?\s*)?(?P<date>[^#*]{4,40}?)"
    r"(?:\*\*)?\s*[:\-–]?\s*$",
    re.IGNORECASE,
)
_HAS_DIGIT = re.compile(r"\d")
_NEWLINE = re.compile(r"\r\n|\r|\n")
_LOOKS_LIKE_DATE = re.compile(
    r"\d{1,4}[-/.]\d{1,2}|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b",
    re.IGNORECASE,
)


def parse_date(value: str) -> date:
    """Many formats: 2026-03-14, 14 March 2026, March 14th, 2026, 3/14/2026, Tue 3/14/26.

    Anything that is not a date raises ValueError (dateutil's own errors included).
    """
    text = value.strip()
    if len(text) > MAX_DATE_CHARS or not (_HAS_DIGIT.search(text) and _LOOKS_LIKE_DATE.search(text)):
        raise ValueError("not a date")
    this_year = datetime(date.today().year, 1, 1)
    try:
        return date_parser.parse(text, fuzzy=False, default=this_year).date()
    except OverflowError:
        raise ValueError("not a date") from None


def _lines(text: str) -> list[str]:
    """Physical lines as editors number them (``str.splitlines`` also breaks at form feeds,
    U+2028 and others, which would shift every line number after them)."""
    return _NEWLINE.split(text)


def _heading_date(line: str) -> date | None:
    if len(line) > 60 or not line.strip():
        return None
    match = _HEADING.match(line)
    if not match:
        return None
    try:
        return parse_date(match.group("date"))
    except ValueError:
        return None


def _parse_text(name: str, text: str) -> list[JournalEntry]:
    entries: list[JournalEntry] = []
    current: tuple[date, int] | None = None
    body: list[str] = []

    def close() -> None:
        if current is not None:
            content = "\n".join(body).strip()
            if content:
                entries.append(JournalEntry(date=current[0], text=content, line=current[1]))

    for number, line in enumerate(_lines(text), start=1):
        heading = _heading_date(line)
        if heading is not None:
            close()
            current, body = (heading, number), []
        elif current is None:
            if line.strip() and not line.lstrip().startswith("#"):
                raise InputError(
                    f"{name}:{number}: text before the first dated heading; start each entry "
                    "with a date line such as '## 2026-03-14'"
                )
        else:
            body.append(line)
    close()
    return entries


def _score(name: str, number: int, field: str, value: object) -> int:
    if isinstance(value, str):
        value = value.strip()
    try:
        if isinstance(value, bool):
            raise ValueError("a yes/no is not a score")
        number_value = float(value)  # "12", 12 and 12.0 are all fine
    except (TypeError, ValueError):
        number_value = math.nan
    if not math.isfinite(number_value):
        raise InputError(f"{name}:{number}: field '{field}' must be a number; fix it or leave it empty")
    return int(number_value)


def _entry(name: str, number: int, record: object) -> JournalEntry:
    if not isinstance(record, dict):
        raise InputError(f"{name}:{number}: each entry must be an object with date and text")
    text = record.get("text")
    if text is not None and not isinstance(text, str):
        raise InputError(f"{name}:{number}: field 'text' must be a string")
    if not (text or "").strip():
        raise InputError(f"{name}:{number}: entry has no text")
    when = record.get("date")
    try:
        if not isinstance(when, str):
            raise ValueError("not a string")
        when = parse_date(when)
    except ValueError:
        raise InputError(
            f"{name}:{number}: unreadable date in field 'date'; write it like 2026-03-14"
        ) from None
    scores = {
        field: _score(name, number, field, record[field])
        for field in SCORE_FIELDS
        if record.get(field) not in (None, "")
    }
    try:
        return JournalEntry(date=when, text=text.strip(), line=number, **scores)
    except ValidationError as exc:
        err = exc.errors()[0]
        raise InputError(f"{name}:{number}: field '{err['loc'][0]}': {err['msg']}") from None


def _parse_json(name: str, text: str) -> list[JournalEntry]:
    data = parse_json(name, text)
    if isinstance(data, dict) and isinstance(data.get("entries"), list):
        data = data["entries"]
    if not isinstance(data, list):
        raise InputError(f"{name}:1: expected a list of entries or {{\"entries\": [...]}}")
    return [_entry(name, i, record) for i, record in enumerate(data, start=1)]


def _parse_jsonl(name: str, text: str) -> list[JournalEntry]:
    return [_entry(name, number, record) for number, record in json_lines(name, _lines(text))]


def _swallowed_row(lines: list[str], columns: list[str]) -> int | None:
    """Index of the first line in ``lines`` that is a whole row with a date: a text
    field whose quote never closed has run on into the rows after it."""
    where = columns.index("date")
    for index, line in enumerate(lines):
        fields = next(csv.reader([line]), [])
        if len(fields) == len(columns):
            try:
                parse_date(fields[where])
            except ValueError:
                continue
            return index
    return None


def _parse_csv(name: str, text: str) -> list[JournalEntry]:
    lines = _lines(text)
    reader = csv.DictReader(io.StringIO("\n".join(lines), newline=""))
    start = 1
    try:
        columns = [c.strip().lower() for c in reader.fieldnames or []]
        if not {"date", "text"} <= set(columns):
            raise InputError(f"{name}:1: the header needs 'date' and 'text' columns")
        entries = []
        start = reader.line_num + 1
        for row in reader:
            swallowed = _swallowed_row(lines[start:reader.line_num], columns)
            if swallowed is not None:
                raise InputError(
                    f"{name}:{start}: a quote in this row is never closed, so the rows from line "
                    f"{start + 1 + swallowed} on were read as its text; close or remove the quote"
                )
            record = {k.strip().lower(): v for k, v in row.items() if isinstance(k, str)}
            entries.append(_entry(name, start, record))
            start = reader.line_num + 1
    except csv.Error as exc:  # its messages name limits, never the data
        raise InputError(
            f"{name}:{start}: unreadable CSV row ({exc}); the usual cause is a quote that is "
            "never closed: close or remove it"
        ) from None
    return entries


_PARSERS = {".txt": _parse_text, ".md": _parse_text, ".json": _parse_json,
            ".jsonl": _parse_jsonl, ".csv": _parse_csv}


def parse_journal(name: str, data: bytes) -> list[JournalEntry]:
    """Entries sorted by date; any problem raises InputError naming the file and line."""
    suffix = Path(name).suffix.lower()
    if suffix not in _PARSERS:
        raise InputError(f"{name}: unsupported file type; use one of {', '.join(FORMATS)}")
    if len(data) > MAX_BYTES:
        raise InputError(f"{name}: larger than {MAX_BYTES // (1024 * 1024)} MB; split the journal")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InputError(f"{name}:{line}: not UTF-8 text; export the journal as UTF-8") from None
    entries = _PARSERS[suffix](name, text)
    if not entries:
        raise InputError(f"{name}: no journal entries found")
    if len(entries) > MAX_ENTRIES:
        raise InputError(f"{name}: {len(entries)} entries; at most {MAX_ENTRIES} are supported")
    return sorted(entries, key=lambda e: (e.date, e.line))


def load_journal(path: Path) -> list[JournalEntry]:
    if not path.is_file():
        raise InputError(f"{path}: file not found")
    return parse_journal(str(path), path.read_bytes())
