"""Cells of a table whose header says what they hold.

A CSV, semicolon, tab or pipe table (a Markdown one too) starts with a header row such as
``client_id,last_name,first_name,dob,mobile``; every cell below ``last_name`` is a name and
every cell below ``client_id`` an identifier, however short or ordinary it looks ("C-20931",
"Grace"). A header row is a line of at least three short cells, one of which names a kind of
identifier; the rows below it belong to the table while they have as many cells. Cells that
say nothing ("none", "n/a", "-") and cells that cannot be what the column holds (a name with
digits, a number without one) are left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from presidio_analyzer import EntityRecognizer

from assistant.privacy.recognizers.base import finding

DELIMITERS = (",", ";", "\t", "|")
MIN_COLUMNS = 3
MAX_HEADER_LENGTH = 40
MAX_HEADER_WORDS = 4
MAX_NAME_WORDS = 6
SCORE = 0.6

# Header words per placeholder type, tried in this order: "ec_phone" is a phone column
# before it is a person's, "client_mrn" a record number before it is a client's.
COLUMN_WORDS: tuple[tuple[str, frozenset[str]], ...] = tuple(
    (kind, frozenset(words.split()))
    for kind, words in (
        ("EMAIL", "email mail correo courriel"),
        ("PHONE", "phone tel telephone telefon telefono teléfono téléphone telefone telefoon "
                  "mobile mobil cell cellphone fax handy celular movil móvil portable whatsapp"),
        ("IP", "ip"),
        ("URL", "url website homepage profile handle"),
        ("SSN", "ssn sin nin nino dni nie nif bsn cpf pesel aadhaar personnummer nhs amka tfn "
                "curp rut"),
        ("HEALTH_PLAN", "insurance insurer medicaid medicare policy"),
        ("ACCOUNT", "account acct iban invoice inv card billing bank"),
        ("LICENSE", "license licence passport plate npi dea permit"),
        ("DEVICE", "device serial imei udid"),
        ("DATE", "dob birth birthday born date fecha datum ts timestamp expires expiry "
                 "expiration appointment visit admitted discharged"),
        ("ZIP", "zip zipcode postcode postal plz cp eircode"),
        ("ADDRESS", "address addr street dirección direccion adresse strasse straße adres "
                    "indirizzo endereço endereco domicilio"),
        ("LOCATION", "city town ciudad ville stadt ort plaats woonplaats cidade città citta "
                     "municipality suburb neighbourhood neighborhood village localidad "
                     "hometown birthplace"),
        ("ORGANIZATION", "employer school company workplace organisation organization clinic "
                         "practice hospital empresa arbeitgeber employeur university college"),
        ("MRN", "mrn chart record"),
        ("ID", "id ref reference file case member no nr num number"),
        ("PERSON", "name names first last given family surname firstname lastname fullname "
                   "forename middle client patient contact person guardian parent spouse "
                   "partner mother father nickname alias preferred therapist clinician "
                   "provider prescriber referrer doctor physician pcp kin nombre apellido "
                   "apellidos nom prenom prénom naam voornaam achternaam vorname nachname "
                   "nome cognome sobrenome imie imię nazwisko"),
    )
)
# A "name" column names the thing its other word names: "clinic_name", "street name".
NAMED_THINGS = ("ORGANIZATION", "LOCATION", "ADDRESS")
NUMBER_KINDS = frozenset("PHONE IP SSN HEALTH_PLAN ACCOUNT LICENSE DEVICE DATE ZIP MRN ID".split())
WORD_KINDS = frozenset("PERSON LOCATION ORGANIZATION".split())
EMPTY_CELLS = frozenset({
    "none", "n/a", "na", "-", "—", "--", "unknown", "null", "self", "tbd", "tba", "?", "x",
    "no", "yes", "same", "declined", "none listed", "not given", "not known",
})
HEADER_CELL = re.compile(r"[^\W\d_][\w .()#/'-]*")
SEPARATOR_CELL = re.compile(r":?-{2,}:?")
CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
WORD = re.compile(r"[^\W\d_]+")


def column_kind(header: str) -> str | None:
    """The placeholder type a column holds, by the words of its header, or None."""
    words = {w.casefold() for w in WORD.findall(CAMEL.sub(" ", header))}
    if "name" in words:
        for kind, vocabulary in COLUMN_WORDS:
            if kind in NAMED_THINGS and words & vocabulary:
                return kind
        return "PERSON"
    for kind, vocabulary in COLUMN_WORDS:
        if words & vocabulary:
            return kind
    return None


def split_cells(line: str, delimiter: str, offset: int) -> list[tuple[int, int]]:
    """(start, end) in the text of each cell's content, trimmed of spaces and quotes; a
    quoted cell may hold the delimiter; a pipe table's outer pipes open no cell."""
    cells, start, quoted = [], 0, False
    for index, ch in enumerate(line):
        if ch == '"':
            quoted = not quoted
        elif ch == delimiter and not quoted:
            cells.append((start, index))
            start = index + 1
    cells.append((start, len(line)))
    if delimiter == "|":
        if not line[cells[0][0]:cells[0][1]].strip():
            cells = cells[1:]
        if cells and not line[cells[-1][0]:cells[-1][1]].strip():
            cells = cells[:-1]
    return [_trimmed(line, start, end, offset) for start, end in cells]


def _trimmed(line: str, start: int, end: int, offset: int) -> tuple[int, int]:
    while start < end and (line[start].isspace() or line[start] == '"'):
        start += 1
    while end > start and (line[end - 1].isspace() or line[end - 1] == '"'):
        end -= 1
    return offset + start, offset + end


def _lines(text: str) -> list[tuple[int, str]]:
    lines, offset = [], 0
    for line in text.split("\n"):
        lines.append((offset, line))
        offset += len(line) + 1
    return lines


def _column_kinds(text: str, cells: list[tuple[int, int]]) -> list[str | None] | None:
    """The kind of each column when ``cells`` make a header row, else None."""
    if len(cells) < MIN_COLUMNS:
        return None
    headers = [text[start:end] for start, end in cells]
    if not all(
        HEADER_CELL.fullmatch(header)
        and len(header) <= MAX_HEADER_LENGTH
        and len(header.split()) <= MAX_HEADER_WORDS
        for header in headers
    ):
        return None
    kinds = [column_kind(header) for header in headers]
    return kinds if any(kinds) else None


def plausible(kind: str, value: str) -> bool:
    """Whether a cell can hold what its column names."""
    if not value or value.casefold() in EMPTY_CELLS:
        return False
    has_digit = any(ch.isdigit() for ch in value)
    if kind in NUMBER_KINDS:
        return has_digit and sum(ch.isalnum() for ch in value) >= 3
    if kind in WORD_KINDS:
        return (
            any(ch.isalpha() for ch in value)
            and "@" not in value
            and len(value.split()) <= MAX_NAME_WORDS
            and not (kind == "PERSON" and has_digit)
        )
    return True


def table_cells(text: str) -> Iterator[tuple[str, int, int]]:
    """(type, start, end) of every identifying cell of every table in ``text``."""
    lines = _lines(text)
    index = 0
    while index < len(lines):
        offset, line = lines[index]
        index += 1
        for delimiter in DELIMITERS:
            if line.count(delimiter) < MIN_COLUMNS - 1:
                continue
            kinds = _column_kinds(text, split_cells(line, delimiter, offset))
            if kinds is None:
                continue
            while index < len(lines):
                row_offset, row = lines[index]
                cells = split_cells(row, delimiter, row_offset)
                if len(cells) != len(kinds):
                    break
                index += 1
                if all(SEPARATOR_CELL.fullmatch(text[start:end]) for start, end in cells):
                    continue
                for kind, (start, end) in zip(kinds, cells):
                    if kind and plausible(kind, text[start:end]):
                        yield kind, start, end
            break


class TableColumnRecognizer(EntityRecognizer):
    """Every cell under a header that names a kind of identifier."""

    ENTITIES = sorted({kind for kind, _ in COLUMN_WORDS})

    def __init__(self, supported_language: str = "en"):
        super().__init__(supported_entities=list(self.ENTITIES), supported_language=supported_language)

    def load(self) -> None:
        """Nothing to load."""

    def analyze(self, text, entities, nlp_artifacts=None):
        """One finding per identifying table cell."""
        return [finding(self, kind, start, end, SCORE, "table column") for kind, start, end in table_cells(text)]
