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

BASE_MODEL = "bundled:all-MiniLM-L6-v2"
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
# "1/2 of the session": a single-digit fraction is not a date on the tagger's word alone.
FRACTION = re.compile(r"\d/\d")


class PhiTaggerRecognizer(EntityRecognizer):
    """Spans from the shipped MiniLM tagger, each with the tagger's score."""

    ENTITIES = ["PERSON", "LOCATION", "ADDRESS", "ZIP", "PHONE", "DATE"]

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
        return [self._result(span) for span in spans if span.type in wanted and _plausible(text, span)]

    def _result(self, span: TaggedSpan) -> RecognizerResult:
        return finding(self, span.type, span.start, span.end, round(span.score, 4),
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
    if span.type in ("LOCATION", "ADDRESS") and value.isalpha() and value.islower():
        return False
    return sum(ch.isdigit() for ch in value) >= MIN_DIGITS.get(span.type, 0)


def prime_tagger(analyzer, texts: Sequence[str]) -> None:
    """Batch hook for the scrubber: prime every tagger in ``analyzer``'s registry with ``texts``
    (the normalised texts it is about to analyse). Without a tagger this does nothing."""
    for recognizer in analyzer.registry.recognizers:
        if isinstance(recognizer, PhiTaggerRecognizer):
            recognizer.prime(texts)
