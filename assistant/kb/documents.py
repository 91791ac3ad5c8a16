"""One knowledge document: YAML front matter validated by pydantic, plus a Markdown body."""

from __future__ import annotations

import hashlib
import json
import re
from datetime import date
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, Field, ValidationError, field_validator

from assistant.models import Audience, Phase

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
FRONT_MATTER = re.compile(r"\A---\r?\n(.*?)\r?\n---\r?\n?(.*)\Z", re.DOTALL)
MIN_WORDS = 350
MIN_REFERENCES = 2


class Review(BaseModel):
    status: Literal["approved", "draft", "retired"] = "draft"
    reviewer: str | None = None
    reviewed_on: date | None = None
    content_sha256: str | None = None


class FrontMatter(BaseModel):
    """The validated header of a knowledge document."""

    model_config = {"extra": "forbid"}

    id: str
    title: str = Field(min_length=3)
    summary: str = Field(min_length=20)
    topics: list[str] = Field(min_length=1)
    audience: Audience
    phase: Phase
    references: list[str] = Field(min_length=MIN_REFERENCES)
    review: Review = Field(default_factory=Review)

    @field_validator("id")
    @classmethod
    def _slug(cls, value: str) -> str:
        if not SLUG.match(value):
            raise ValueError("must be a lower-case slug like 'grounding-techniques'")
        return value

    @field_validator("references")
    @classmethod
    def _references_are_citations(cls, value: list[str]) -> list[str]:
        for ref in value:
            if len(ref.strip()) < 20:
                raise ValueError(f"reference {ref!r} is too short to be a full citation")
        return value


class DocumentProblem(BaseModel):
    """One thing wrong with a document; ``field`` names the part that is wrong."""

    path: Path
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.field}: {self.message}"


class InvalidDocument(Exception):
    """Raised by :func:`parse_document` with every problem found."""

    def __init__(self, problems: list[DocumentProblem]):
        self.problems = problems
        super().__init__("; ".join(str(p) for p in problems))


class KnowledgeDocument(BaseModel):
    path: Path
    meta: FrontMatter
    body: str

    @property
    def id(self) -> str:
        return self.meta.id

    def content_sha256(self) -> str:
        """Hash of everything a reviewer vouches for: the body and all metadata but review."""
        vouched = self.meta.model_dump(mode="json", exclude={"review"})
        canonical = json.dumps(vouched, sort_keys=True) + "\n" + normalise_body(self.body)
        return hashlib.sha256(canonical.encode("utf-8")).hexdigest()

    @property
    def is_approved(self) -> bool:
        """Approved, and unchanged since the reviewer approved it."""
        review = self.meta.review
        return review.status == "approved" and review.content_sha256 == self.content_sha256()

    @property
    def review_state(self) -> str:
        review = self.meta.review
        if review.status == "approved" and not self.is_approved:
            return "changed-since-approval"
        return review.status

    def word_count(self) -> int:
        return len(re.findall(r"[A-Za-z][A-Za-z'’-]*", self.body))


def normalise_body(body: str) -> str:
    lines = [line.rstrip() for line in body.replace("\r\n", "\n").split("\n")]
    return "\n".join(lines).strip() + "\n"


def parse_document(path: Path) -> KnowledgeDocument:
    """Read and validate one document; raise InvalidDocument naming every bad field."""

    def fail(field: str, message: str) -> InvalidDocument:
        return InvalidDocument([DocumentProblem(path=path, field=field, message=message)])

    try:
        raw = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise fail("file", "is not UTF-8 text") from None
    match = FRONT_MATTER.match(raw)
    if not match:
        raise fail("front matter", "must start with '---', YAML, then '---'")
    try:
        data = yaml.safe_load(match.group(1))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 2} of the file)" if mark else ""
        raise fail("front matter", f"is not valid YAML{where}") from None
    if not isinstance(data, dict):
        raise fail("front matter", "must be a YAML mapping")
    try:
        meta = FrontMatter.model_validate(data)
    except ValidationError as exc:
        raise InvalidDocument(
            [
                DocumentProblem(
                    path=path,
                    field=".".join(str(part) for part in err["loc"]) or "front matter",
                    message=err["msg"],
                )
                for err in exc.errors()
            ]
        ) from None
    if meta.id != path.stem:
        raise fail("id", f"{meta.id!r} must equal the file name {path.stem!r}")
    return KnowledgeDocument(path=path, meta=meta, body=match.group(2))
