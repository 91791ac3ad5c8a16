"""The learned PHI tagger as a Presidio recognizer, beside the pattern recognizers.

It reads any casing and any naming tradition the patterns and spaCy miss ("priya", "OKONKWO",
"Rua das Flores 12", "+44 20 7946 0958"). Scoring is batched: call ``prime(texts)`` (or
``prime_tagger(analyzer, texts)``) with a whole batch before the analyzer runs, and
``analyze`` takes each text's spans from that batch; a text that was not primed is scored
on its own, so priming changes speed, never results.
"""

from __future__ import annotations

import threading
import re
from collections.abc import Sequence

from presidio_analyzer import EntityRecognizer, RecognizerResult

from assistant.privacy.phi_tagger import MODEL_DIR, PhiTagger, TaggedSpan
from assistant.privacy.recognizers.base import finding
from assistant.privacy.recognizers.street_address import STREET_BEFORE, STREET_ENDING

BASE_MODEL = "bundled:all-MiniLM-L6-v2"
PREFIX = "LEARNED_"
# Numbers the tagger may call a phone or a postcode only with at least this many digits
# ("97-year-old" is not a phone, "SW1A 2AA" is a postcode).
MIN_DIGITS = {"PHONE": 6, "ZIP": 1}
# Left to the URL and e-mail recognizers, whose types are more specific.
WEB = re.compile(r"://|www\.|@")
# "Roosevelt High School", "Mayo Clinic": a name that starts an institution is not a person.
INSTITUTION = re.compile(
    r"\s+(?:High|Middle|Elementary|School|College|University|Academy|Institute|Hospital|Clinic"
    r"|Center|Centre|Church|Foundation|Inc|LLC|Ltd|Corp|Company)\b"
)
YEAR = re.compile(r"(?:19|20)\d\d")
DIGITS = re.compile(r"\d+")
NUMBER_BEFORE = re.compile(r"\d[.,;]?\s+$")
NUMBER_AFTER = re.compile(r"[.,;]?\s+\d")
RANGE = re.compile(r"(\d{3,4})\s*[-–]\s*(\d{3,4})")
ACRONYM = re.compile(r"[A-Z]{2,4}")
STREET_NAMED = re.compile(rf"^{STREET_BEFORE}\.?\s|{STREET_ENDING}$", re.IGNORECASE)
TIME = re.compile(r"\d{1,2}:\d\d(?::\d\d)?(?:\s*[–-]\s*\d{1,2}:\d\d)?")
# "2011-05-19 14:02:51": the calendar part is read before the time.
DATE_AND_TIME = re.compile(r"\S*\d\S* \d{1,2}[:.h]\d\d")
# "1/2 of the session": a single-digit fraction is not a date on the tagger's word alone.
FRACTION = re.compile(r"\d/\d")


class PhiTaggerRecognizer(EntityRecognizer):
    """Spans from the shipped MiniLM tagger, each with the tagger's score."""

    # Its own entity names (presidio.yaml maps them to the placeholder types): Presidio drops
    # a finding that a same-named one with a higher score contains, and the tagger's must not
    # remove a pattern recognizer's (spans.resolve lets the patterns' spans and types stand).
    ENTITIES = [PREFIX + kind for kind in ("PERSON", "LOCATION", "ADDRESS", "ZIP", "PHONE", "DATE")]

    def __init__(self, supported_language: str = "en", tagger: PhiTagger | None = None):
        self._tagger = tagger
        self._primed: dict[str, list[TaggedSpan]] = {}
        self._lock = threading.Lock()
        super().__init__(supported_entities=list(self.ENTITIES), supported_language=supported_language)

    def load(self) -> None:
        """Nothing here: the model loads on first use, so building the registry stays cheap."""

    @property
    def tagger(self) -> PhiTagger:
        with self._lock:
            if self._tagger is None:
                from assistant.embeddings import resolve_model_path

                self._tagger = PhiTagger(resolve_model_path(BASE_MODEL), MODEL_DIR)
        return self._tagger

    def prime(self, texts: Sequence[str]) -> None:
        """Score ``texts`` in one batched pass; ``analyze`` then looks each one up."""
        unique = list(dict.fromkeys(texts))
        found = self.tagger.predict(unique)
        with self._lock:
            self._primed = dict(zip(unique, found))

    def analyze(self, text, entities, nlp_artifacts=None):
        """The primed spans of ``text`` (scored now if it was not primed), as findings."""
        with self._lock:
            spans = self._primed.pop(text, None)
        if spans is None:
            spans = self.tagger.predict([text])[0]
        wanted = set(entities or self.ENTITIES)
        return [self._result(span) for span in spans
                if PREFIX + span.type in wanted and _plausible(text, span)]

    def _result(self, span: TaggedSpan) -> RecognizerResult:
        return finding(self, PREFIX + span.type, span.start, span.end, round(span.score, 4),
                       f"PHI tagger labelled the span {span.type}")


def _plausible(text: str, span: TaggedSpan) -> bool:
    """Presidio's invalidate hook, for the tagger: numeric types need their digits, and web
    addresses, institutions and fractions belong to other recognizers."""
    value = text[span.start : span.end]
    start, end = span.start, span.end  # judged on whole words: pieces split "a.org/x" apart
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    while end < len(text) and not text[end].isspace():
        end += 1
    words = text[start:end].strip(".,;:!?()")
    if WEB.search(words) or (span.type == "DATE" and FRACTION.fullmatch(words)):
        return False
    if span.type == "PERSON" and INSTITUTION.match(text, span.end):
        return False
    # A lone number of one or two digits ("scores 14 12 9", "SUDS 40") identifies no one, and
    # a place or name written all in lower case and alone is an ordinary noun ("the bridge").
    if value.isdigit() and len(value) <= 2:
        return False
    if span.type == "DATE" and not (_calendar_like(value) and not _in_number_list(text, span)):
        return False
    if span.type == "PHONE" and RANGE.fullmatch(value) and _ascending(value):
        return False  # "pages 1266-1277" is a range
    if span.type == "PERSON" and ACRONYM.fullmatch(value) and not _mostly_upper(text):
        return False  # "NIF", "MRN" in ordinary text are labels, not names
    if span.type in ("ADDRESS", "LOCATION") and not any(ch.isdigit() for ch in value) and (
        span.type == "ADDRESS" or STREET_NAMED.search(value)
    ):
        return False  # a street named without its house number ("down Calle Mayor") is no address
    if span.type in ("LOCATION", "ADDRESS") and value.isalpha() and value.islower():
        return False
    if span.type == "ADDRESS" and len(value) <= 3 and value.isalnum():
        return False  # "lot B2", "row 4C": a unit is the address recognizers' ("Apt. 402")
    return sum(ch.isdigit() for ch in value) >= MIN_DIGITS.get(span.type, 0)


def _calendar_like(value: str) -> bool:
    """Whether a span the tagger calls a date can be one: it needs a digit ("March" alone is
    the date recognizer's); with words ("jueves 23", "3rd of May") the tagger's reading
    stands; digits alone must read as a day and month (and year) of the calendar, so a year
    alone, a time alone, a score "21/27", a decimal "23.5" or a range "2019-2024" is none."""
    if not any(ch.isdigit() for ch in value):
        return False
    if any(ch.isalpha() for ch in value):
        return True
    if TIME.fullmatch(value.strip()):
        return False
    groups = DIGITS.findall(value.split(" ", 1)[0] if DATE_AND_TIME.match(value) else value)
    if len(groups) == 2 and "." in value and not value.rstrip().endswith("."):
        return False  # "23.5" is a decimal; "14.03." is a date
    padded = value.rstrip().endswith(".")  # "2024. 6. 3." is written so; "2024.1.5" is a version
    return len(groups) in (2, 3) and any(_calendar(order) for order in _orders(groups, padded))


def _in_number_list(text: str, span: TaggedSpan) -> bool:
    """A digits-only date between other numbers is one of a list of scores ("14. 12. 9. 8")."""
    if any(ch.isalpha() for ch in text[span.start : span.end]):
        return False
    return bool(NUMBER_BEFORE.search(text, 0, span.start) or NUMBER_AFTER.match(text, span.end))


def _ascending(value: str) -> bool:
    low, high = (int(g) for g in DIGITS.findall(value))
    return 0 < high - low < 100


def _mostly_upper(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and sum(ch.isupper() for ch in letters) > len(letters) / 2


def _orders(groups: list[str], year_first: bool = False):
    """(day, month, year or None) readings of the groups: d m y, m d y, y m d."""
    if len(groups) == 2:
        yield groups[0], groups[1], None
        yield groups[1], groups[0], None
    else:
        yield groups[0], groups[1], groups[2]
        yield groups[1], groups[0], groups[2]
        if len(groups[0]) == 4 and (year_first or len(groups[1]) == len(groups[2]) == 2):
            yield groups[2], groups[1], groups[0]  # "2024-06-03"; "2024.1.5" is a version


def _calendar(order: tuple[str, str, str | None]) -> bool:
    day, month, year = order
    if len(day) > 2 or len(month) > 2 or not (1 <= int(day) <= 31 and 1 <= int(month) <= 12):
        return False
    return year is None or len(year) == 2 or (len(year) == 4 and YEAR.fullmatch(year) is not None)


def prime_tagger(analyzer, texts: Sequence[str]) -> None:
    """Batch hook for the scrubber: prime every tagger in ``analyzer``'s registry with ``texts``
    (the normalised texts it is about to analyse). Without a tagger this does nothing."""
    for recognizer in analyzer.registry.recognizers:
        if isinstance(recognizer, PhiTaggerRecognizer):
            recognizer.prime(texts)
