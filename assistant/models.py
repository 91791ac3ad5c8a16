"""Shared data types passed between the stages of the flow."""

from __future__ import annotations

import datetime as dt
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
    """One signal from a guard detector, explaining itself: the policy
    (:mod:`assistant.guard.policy`) decides what it means."""

    rule: str = Field(description="The signal's kind: dosing, crisis, injection or scope.")
    category: str
    detail: str = Field(description="Which pattern, exemplar or model reading matched.")
    start: int
    end: int
    score: float = 1.0
    source: Literal["pattern", "exemplar", "model"] = "pattern"
    tense: Literal["current", "past"] = Field(
        "current", description="past: dated to the distant past or resolved (history, not a flag)."
    )

    @property
    def current(self) -> bool:
        return self.tense == "current"


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


class JournalEntry(BaseModel):
    """One dated journal entry, with optional questionnaire scores."""

    date: dt.date
    text: str
    phq9: int | None = Field(None, ge=0, le=27)
    gad7: int | None = Field(None, ge=0, le=21)
    pcl5: int | None = Field(None, ge=0, le=80)
    line: int = Field(0, description="Where the entry starts in its file (for messages).")


class RiskFlag(BaseModel):
    category: str
    date: dt.date
    quote: str = Field(description="The client's sentence, verbatim.")


class PrescriberItem(BaseModel):
    date: dt.date
    text: str = Field(description="Verbatim, with any dose amount masked.")


class Evidence(BaseModel):
    date: dt.date
    quote: str


class Theme(BaseModel):
    name: str
    description: str = ""
    evidence: list[Evidence] = Field(default_factory=list)


class MoodPoint(BaseModel):
    date: dt.date
    score: float = Field(description="Sentiment from -1 (very negative) to 1 (very positive).")
    label: Literal["low", "mixed", "neutral", "positive"]


class ScoreSeries(BaseModel):
    measure: Literal["phq9", "gad7", "pcl5"]
    points: list[tuple[dt.date, int]]
    first: int
    last: int
    change: int
    interpretation: str = Field(description="Against the cited change thresholds.")
    citation: Citation | None = None


class JournalSummary(BaseModel):
    """The session-prep summary: risk first, then themes, mood, scores and questions."""

    entries: int
    first_date: dt.date
    last_date: dt.date
    flags: list[RiskFlag] = Field(default_factory=list)
    prescriber_items: list[PrescriberItem] = Field(default_factory=list)
    themes: list[Theme] = Field(default_factory=list)
    insights: list[Evidence] = Field(default_factory=list)
    body: list[Evidence] = Field(default_factory=list)
    intentions: list[Evidence] = Field(default_factory=list)
    mood: list[MoodPoint] = Field(default_factory=list)
    scores: list[ScoreSeries] = Field(default_factory=list)
    questions: list[str] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)


class SourceRef(BaseModel):
    doc_id: str
    chunk_id: str
    section: str


class CitedItem(BaseModel):
    """A plan item that teaches or suggests: always carries its sources."""

    title: str
    text: str
    citations: list[SourceRef] = Field(min_length=1)


class PlanTheme(BaseModel):
    name: str
    evidence: list[Evidence] = Field(default_factory=list)
    prompts: list[str] = Field(default_factory=list)


class AgendaItem(BaseModel):
    minutes: int
    activity: str


class SessionPlan(BaseModel):
    """A draft integration-session plan for the therapist to edit."""

    session: int | None = None
    minutes: int = 50
    focus: str | None = None
    agenda: list[AgendaItem] = Field(default_factory=list)
    safety_check: list[str] = Field(default_factory=list)
    goals: list[str] = Field(default_factory=list)
    check_in: list[str] = Field(default_factory=list)
    themes: list[PlanTheme] = Field(default_factory=list)
    psychoeducation: list[CitedItem] = Field(default_factory=list)
    practice: list[CitedItem] = Field(default_factory=list)
    homework: list[CitedItem] = Field(default_factory=list)
    prescriber_notes: list[str] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)
