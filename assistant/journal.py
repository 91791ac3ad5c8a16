"""Read a client's journal export: .txt/.md with dated headings, .json, .jsonl or .csv."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import date, datetime
from pathlib import Path

from dateutil import parser as date_parser
from pydantic import ValidationError

from assistant.errors import InputError
from assistant.jsonl import json_lines
from assistant.models import JournalEntry

MAX_ENTRIES = 1000
MAX_BYTES = 5 * 1024 * 1024
FORMATS = (".txt", ".md", ".json", ".jsonl", ".csv")
SCORE_FIELDS = ("phq9", "gad7", "pcl5")

_HEADING = re.compile(
    r"^\s*(?:#{1,6}\s*)?(?:\*\*)?(?:(?:entry|date|journal)\s*[:\-–]?\s*)?(?P<date>[^#*]{4,40}?)"
    r"(?:\*\*)?\s*[:\-–]?\s*$",
    re.IGNORECASE,
)
_HAS_DIGIT = re.compile(r"\d")
_LOOKS_LIKE_DATE = re.compile(
    r"\d{1,4}[-/.]\d{1,2}|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b",
    re.IGNORECASE,
)


def parse_date(value: str) -> date:
    """Many formats: 2026-03-14, 14 March 2026, March 14th, 2026, 3/14/2026, Tue 3/14/26."""
    text = value.strip()
    if not (_HAS_DIGIT.search(text) and _LOOKS_LIKE_DATE.search(text)):
        raise ValueError(f"no date in {text!r}")
    this_year = datetime(date.today().year, 1, 1)
    return date_parser.parse(text, fuzzy=False, default=this_year).date()


def _heading_date(line: str) -> date | None:
    if len(line) > 60 or not line.strip():
        return None
    match = _HEADING.match(line)
    if not match:
        return None
    try:
        return parse_date(match.group("date"))
    except (ValueError, OverflowError):
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

    for number, line in enumerate(text.splitlines(), start=1):
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


def _entry(name: str, number: int, record: object) -> JournalEntry:
    if not isinstance(record, dict):
        raise InputError(f"{name}:{number}: each entry must be an object with date and text")
    if not str(record.get("text") or "").strip():
        raise InputError(f"{name}:{number}: entry has no text")
    try:
        when = parse_date(str(record.get("date", "")))
    except (ValueError, OverflowError):
        raise InputError(f"{name}:{number}: unreadable date {record.get('date')!r}") from None
    scores = {}
    for field in SCORE_FIELDS:
        value = record.get(field)
        if value in (None, ""):
            continue
        try:
            scores[field] = int(float(value))
        except (TypeError, ValueError):
            raise InputError(f"{name}:{number}: {field} must be a number, got {value!r}") from None
    try:
        return JournalEntry(date=when, text=str(record["text"]).strip(), line=number, **scores)
    except ValidationError as exc:
        err = exc.errors()[0]
        raise InputError(f"{name}:{number}: {err['loc'][0]} {err['msg']}") from None


def _parse_json(name: str, text: str) -> list[JournalEntry]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"{name}:{exc.lineno}: not valid JSON ({exc.msg})") from None
    if isinstance(data, dict) and isinstance(data.get("entries"), list):
        data = data["entries"]
    if not isinstance(data, list):
        raise InputError(f"{name}:1: expected a list of entries or {{\"entries\": [...]}}")
    return [_entry(name, i, record) for i, record in enumerate(data, start=1)]


def _parse_jsonl(name: str, text: str) -> list[JournalEntry]:
    return [_entry(name, number, record) for number, record in json_lines(name, text.splitlines())]


def _parse_csv(name: str, text: str) -> list[JournalEntry]:
    reader = csv.DictReader(io.StringIO(text))
    columns = {c.strip().lower() for c in reader.fieldnames or []}
    if not {"date", "text"} <= columns:
        raise InputError(f"{name}:1: the header needs 'date' and 'text' columns")
    return [
        _entry(name, reader.line_num, {k.strip().lower(): v for k, v in row.items() if k})
        for row in reader
    ]


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
    except UnicodeDecodeError:
        raise InputError(f"{name}: not UTF-8 text; export the journal as UTF-8") from None
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
