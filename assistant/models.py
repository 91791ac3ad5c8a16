"""Shared data types passed between the stages of the flow."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

Audience = Literal["clinician", "client", "both"]
Phase = Literal["preparation", "dosing-day", "integration", "maintenance", "any"]


class Passage(BaseModel):
    """A retrieved chunk of an approved knowledge document."""

    doc_id: str
    chunk_id: str
    section: str
    title: str
    text: str
    score: float = Field(description="Fused (reciprocal rank) score; higher is better.")
    dense_score: float | None = Field(None, description="Cosine similarity to the query.")
    references: list[str] = Field(default_factory=list)


class Citation(BaseModel):
    """A numbered source shown under an answer."""

    n: int
    doc_id: str
    chunk_id: str
    section: str
    title: str
    references: list[str] = Field(default_factory=list)
    passage: str = ""


class AnswerSentence(BaseModel):
    text: str
    citation: int


class Entity(BaseModel):
    """A PHI span found by the scrubber; offsets are into the original text."""

    type: str
    start: int
    end: int
    score: float
    placeholder: str = ""


class ScrubResult(BaseModel):
    """Scrubbed text plus what was replaced (values stay in the vault, never here)."""

    text: str
    entities: list[Entity] = Field(default_factory=list)


class Finding(BaseModel):
    """One guard rule match that explains itself."""

    rule: str
    category: str
    detail: str = Field(description="Which pattern or exemplar matched.")
    start: int
    end: int
    score: float = 1.0


class GuardVerdict(BaseModel):
    decision: Literal["allow", "block"]
    flags: list[str] = Field(default_factory=list)
    findings: list[Finding] = Field(default_factory=list)
    message: str = ""
    text: str | None = Field(None, description="Output mode: the text with dose statements removed.")


class Answer(BaseModel):
    """A grounded answer to a therapist's question."""

    question: str
    status: Literal["answered", "no_material", "refused"]
    text: str
    sentences: list[AnswerSentence] = Field(default_factory=list)
    citations: list[Citation] = Field(default_factory=list)
    flags: list[str] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)
