"""LLM writers: draft answers, questions and plan sections, verify them, else fall back.

The model only ever sees pseudonymized text, and never a journal sentence the guard read
as an instruction. Every string of each section it writes, titles included, is checked
(citations point at passages it was given, no markup or outside address, no placeholder
or identifier outside its input, no dose statement); a failing section is replaced by the
grounded one and marked as such.
"""

from __future__ import annotations

import logging
import re

from pydantic import BaseModel, Field

from assistant.generation.backends import ChatBackend, LLMError
from assistant.generation.grounded import GroundedAnswerer, compose
from assistant.generation.prompts import Prompt
from assistant.generation.verify import OutputVerifier
from assistant.guard.guard import Guard
from assistant.kb.retriever import HybridRetriever
from assistant.models import (
    Answer,
    CitedItem,
    JournalSummary,
    Passage,
    PlanTheme,
    SessionPlan,
    SourceRef,
    Theme,
)

log = logging.getLogger(__name__)
_MARKER = re.compile(r"\s*\[\d+\]\s*")


class _Sentence(BaseModel):
    text: str
    citation: int


class LLMAnswerDraft(BaseModel):
    sentences: list[_Sentence] = Field(default_factory=list)


class LLMQuestions(BaseModel):
    questions: list[str] = Field(default_factory=list)


class _Item(BaseModel):
    title: str = ""
    text: str
    sources: list[int] = Field(default_factory=list)


class LLMPlanDraft(BaseModel):
    goals: list[str] = Field(default_factory=list)
    check_in: list[str] = Field(default_factory=list)
    psychoeducation: list[_Item] = Field(default_factory=list)
    practice: list[_Item] = Field(default_factory=list)
    homework: list[_Item] = Field(default_factory=list)


def number_passages(passages: list[Passage]) -> str:
    return "\n\n".join(f"[{i}] {p.title} — {p.section}\n{p.text}" for i, p in enumerate(passages, 1))


def themes_for_model(themes: list[Theme] | list[PlanTheme], guard: Guard) -> str:
    """Theme names with their quotes, leaving out any quote the guard reads as an instruction
    to software: journal text is data, and an instruction never reaches a model."""
    quotes = [e.quote for t in themes for e in t.evidence]
    verdicts = guard.check_many(quotes, mode="journal") if quotes else []
    instructions = {
        q for q, v in zip(quotes, verdicts, strict=True) if any(f.rule == "injection" for f in v.findings)
    }
    if instructions:
        log.info("kept %d instruction-like quotes from the model", len(instructions))
    return "\n".join(
        f"- {t.name}: " + " | ".join(f"“{e.quote}”" for e in t.evidence if e.quote not in instructions)
        for t in themes
    )


def _fallback_note(section: str, reason: str) -> str:
    return f"The language model's {section} failed verification ({reason}); the grounded version is shown."


class LLMAnswerer:
    """Same interface as GroundedAnswerer; uses the model, falls back to grounded."""

    def __init__(self, backend: ChatBackend, prompt: Prompt, verifier: OutputVerifier,
                 fallback: GroundedAnswerer, max_sentences: int):
        self.backend, self.prompt, self.verifier = backend, prompt, verifier
        self.fallback, self.max_sentences = fallback, max_sentences

    def answer(self, question: str, passages: list[Passage]) -> Answer:
        if not passages:
            return self.fallback.answer(question, passages)
        context = number_passages(passages)
        system, user = self.prompt.render(
            question=question, passages=context, max_sentences=self.max_sentences
        )
        try:
            draft = self.backend.complete_json(system, user, LLMAnswerDraft)
            reason = self._problem(draft, passages, user)
        except LLMError as exc:
            reason = str(exc)
        if reason:
            log.info("LLM answer rejected: %s", reason)
            answer = self.fallback.answer(question, passages)
            answer.notes.append(_fallback_note("answer", reason))
            return answer
        return self._compose(question, passages, draft)

    def _problem(self, draft: LLMAnswerDraft, passages: list[Passage], context: str) -> str | None:
        sentences = draft.sentences[: self.max_sentences]
        if any(not 1 <= s.citation <= len(passages) for s in sentences):
            return "a citation did not point at a retrieved passage"
        return self.verifier.reply_problem(sentences, context)

    def _compose(self, question: str, passages: list[Passage], draft: LLMAnswerDraft) -> Answer:
        picked = [
            (_MARKER.sub(" ", s.text).strip(), s.citation - 1) for s in draft.sentences[: self.max_sentences]
        ]
        answer = compose(question, passages, picked)
        answer.notes.append(f"Written by {self.backend.name} from the cited passages and verified.")
        return answer


class LLMSummaryWriter:
    """Rewrites the questions for next session; everything quoted stays grounded."""

    def __init__(self, backend: ChatBackend, prompt: Prompt, verifier: OutputVerifier):
        self.backend, self.prompt, self.verifier = backend, prompt, verifier

    def revise(self, summary: JournalSummary) -> JournalSummary:
        themes = themes_for_model(summary.themes, self.verifier.guard)
        system, user = self.prompt.render(
            themes=themes or "(none)", flagged="yes" if summary.flags else "no", max_questions=5
        )
        try:
            draft = self.backend.complete_json(system, user, LLMQuestions)
            reason = self.verifier.reply_problem(draft, user)
            questions = [q.strip() for q in draft.questions if q.strip()][:8]
        except LLMError as exc:
            reason = str(exc)
        if reason:
            summary.notes.append(_fallback_note("questions", reason))
            return summary
        safety = [q for q in summary.questions if q.startswith("Begin with safety")]
        summary.questions = safety + questions  # the safety question is never dropped
        summary.notes.append(f"Questions drafted by {self.backend.name} and verified.")
        return summary


class LLMPlanWriter:
    """Drafts goals, check-in, psychoeducation, practice and homework from retrieved passages."""

    SECTIONS = ("goals", "check_in", "psychoeducation", "practice", "homework")

    def __init__(self, backend: ChatBackend, prompt: Prompt, verifier: OutputVerifier,
                 retriever: HybridRetriever):
        self.backend, self.prompt, self.verifier, self.retriever = backend, prompt, verifier, retriever

    def revise(self, plan: SessionPlan) -> SessionPlan:
        queries = ([plan.focus] if plan.focus else []) + [t.name for t in plan.themes] or ["integration"]
        passages = list({
            p.chunk_id: p for q in queries for p in self.retriever.retrieve(q, k=3, apply_floor=False)
        }.values())[:8]
        themes = themes_for_model(plan.themes, self.verifier.guard)
        context = number_passages(passages)
        system, user = self.prompt.render(
            minutes=plan.minutes, focus=plan.focus or "(none)", themes=themes or "(none)", passages=context
        )
        try:
            draft = self.backend.complete_json(system, user, LLMPlanDraft)
        except LLMError as exc:
            plan.notes.append(_fallback_note("plan", str(exc)))
            return plan
        for section in self.SECTIONS:
            self._apply(plan, section, getattr(draft, section), passages, user)
        return plan

    def _apply(self, plan: SessionPlan, section: str, value, passages: list[Passage], shown: str) -> None:
        """Use one section of the draft if every string in it passes verification."""
        if section in ("goals", "check_in"):
            texts, items = [v.strip() for v in value if v.strip()], None
        else:
            if any(not s or not all(1 <= n <= len(passages) for n in s) for s in (i.sources for i in value)):
                plan.notes.append(_fallback_note(section, "an item lacked a valid citation"))
                return
            items = [
                CitedItem(
                    title=i.title or passages[i.sources[0] - 1].title,
                    text=i.text.strip(),
                    citations=[
                        SourceRef(doc_id=passages[n - 1].doc_id, chunk_id=passages[n - 1].chunk_id,
                                  section=passages[n - 1].section)
                        for n in dict.fromkeys(i.sources)
                    ],
                )
                for i in value
            ]
        reason = self.verifier.reply_problem(value, shown)
        if reason:
            plan.notes.append(_fallback_note(section, reason))
            return
        setattr(plan, section, items if items is not None else texts)
        plan.notes.append(f"{section.replace('_', ' ').capitalize()} drafted by {self.backend.name} and verified.")
