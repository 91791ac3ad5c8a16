"""The clinical vocabulary (knowledge/vocabulary.yaml): how therapists say what the corpus says.

Abbreviations ("SI", "f/u") and concepts (lay and clinical ways of naming one thing) are data,
reviewed like the documents; the query rewriter reads them to expand a question.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import yaml
from pydantic import BaseModel, Field, ValidationError, field_validator

from assistant.dose_amounts import find_dose_amounts
from assistant.kb.documents import DocumentProblem, Review

VOCABULARY_FILE = "vocabulary.yaml"


def abbreviation_key(text: str) -> str:
    """How an abbreviation is matched: lower case, without dots, slashes and hyphens
    ("PHQ-9", "phq9" and "Phq 9" meet; "f/u" and "fu" meet)."""
    return re.sub(r"[\s./\-']+", "", text.lower())


class Abbreviation(BaseModel):
    """A short form and what it stands for; ``exact_case`` when the lower-case form is an
    ordinary word ("ACT" the therapy, "act" the verb)."""

    model_config = {"extra": "forbid"}

    short: str = Field(min_length=1, max_length=20)
    means: list[str] = Field(min_length=1)
    exact_case: bool = False

    @field_validator("short")
    @classmethod
    def _has_letters(cls, value: str) -> str:
        if not abbreviation_key(value):
            raise ValueError("must contain a letter or digit")
        return value


class Concept(BaseModel):
    """One idea: ``terms`` are the words the corpus uses, ``said_as`` how clinicians and
    clients put it. A question naming any of them is expanded with ``terms``."""

    model_config = {"extra": "forbid"}

    terms: list[str] = Field(min_length=1)
    said_as: list[str] = Field(default_factory=list)


class Vocabulary(BaseModel):
    """The validated vocabulary file."""

    model_config = {"extra": "forbid"}

    version: int = Field(ge=1)
    review: Review = Field(default_factory=Review)
    abbreviations: list[Abbreviation] = Field(default_factory=list)
    concepts: list[Concept] = Field(default_factory=list)

    def content_sha256(self) -> str:
        """Hash of everything a reviewer vouches for (all but the review block)."""
        vouched = self.model_dump(mode="json", exclude={"review"})
        return hashlib.sha256(json.dumps(vouched, sort_keys=True).encode("utf-8")).hexdigest()

    @property
    def is_approved(self) -> bool:
        return self.review.status == "approved" and self.review.content_sha256 == self.content_sha256()

    def to_json(self) -> str:
        return json.dumps(self.model_dump(mode="json"), sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> Vocabulary:
        return cls.model_validate_json(text)


def load_vocabulary(folder: Path) -> tuple[Vocabulary | None, list[DocumentProblem]]:
    """The folder's vocabulary (None when there is no file) and every problem in it."""
    path = folder / VOCABULARY_FILE
    if not path.is_file():
        return None, []

    def problem(field: str, message: str) -> DocumentProblem:
        return DocumentProblem(path=path, field=field, message=message)

    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        return None, [problem("file", "is not UTF-8 text")]
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 1})" if mark else ""
        return None, [problem("file", f"is not valid YAML{where}")]
    if not isinstance(data, dict):
        return None, [problem("file", "must be a YAML mapping with version, abbreviations, concepts")]
    try:
        vocabulary = Vocabulary.model_validate(data)
    except ValidationError as exc:
        return None, [
            problem(".".join(str(p) for p in err["loc"]) or "file", err["msg"]) for err in exc.errors()
        ]
    return vocabulary, [problem(f, m) for f, m in _content_problems(vocabulary)]


def _content_problems(vocabulary: Vocabulary) -> list[tuple[str, str]]:
    """Rules across entries: no duplicate short forms, no empty phrases, no dose amounts."""
    problems = []
    seen: dict[tuple[str, bool], int] = {}
    for i, abbr in enumerate(vocabulary.abbreviations):
        key = (abbreviation_key(abbr.short) if not abbr.exact_case else abbr.short, abbr.exact_case)
        if key in seen:
            problems.append((f"abbreviations.{i}.short", f"repeats entry {seen[key]}"))
        seen.setdefault(key, i)
        problems += _phrase_problems(f"abbreviations.{i}.means", abbr.means)
    for i, concept in enumerate(vocabulary.concepts):
        problems += _phrase_problems(f"concepts.{i}.terms", concept.terms)
        problems += _phrase_problems(f"concepts.{i}.said_as", concept.said_as)
    return problems


def _phrase_problems(field: str, phrases: list[str]) -> list[tuple[str, str]]:
    problems = []
    for j, phrase in enumerate(phrases):
        if not re.search(r"[^\W_]", phrase):  # a letter or digit of any script
            problems.append((f"{field}.{j}", "is empty"))
        elif find_dose_amounts(phrase):
            problems.append((f"{field}.{j}", "contains a dose amount; remove it"))
    return problems
