"""Draft an integration-session plan from a journal summary, grounded in approved documents."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

import numpy as np

from assistant.embeddings import Embedder
from assistant.generation.llm import LLMPlanWriter
from assistant.generation.sentences import split_sentences
from assistant.guard.guard import Guard
from assistant.kb.chunking import SUMMARY_SECTION
from assistant.kb.retriever import HybridRetriever
from assistant.models import (
    AgendaItem,
    CitedItem,
    JournalSummary,
    Passage,
    PlanTheme,
    SessionPlan,
    SourceRef,
)
from assistant.privacy.scrubber import Scrubber
from assistant.privacy.vault import Vault
from assistant.workflows.plan_template import PlanTemplate
from assistant.workflows.themes import Taxonomy

log = logging.getLogger(__name__)

_STEPS = re.compile(r"^\s*\d+[.)]\s", re.MULTILINE)
PRESCRIBER_REMINDER = (
    "Dose, route, titration, boosters and medication interactions are the prescriber's "
    "decisions; bring these observations to them rather than advising the client."
)


def _ref(passage: Passage) -> SourceRef:
    return SourceRef(doc_id=passage.doc_id, chunk_id=passage.chunk_id, section=passage.section)


@dataclass
class PlanWorkflow:
    """Plan sections from a template; teaching and suggestions come from retrieved passages."""

    scrubber: Scrubber
    guard: Guard
    retriever: HybridRetriever
    embedder: Embedder
    taxonomy: Taxonomy
    template: PlanTemplate
    writer: LLMPlanWriter | None = None

    def run(
        self,
        summary: JournalSummary,
        vault: Vault,
        session: int | None = None,
        focus: str | None = None,
        minutes: int = 50,
    ) -> SessionPlan:
        plan = SessionPlan(session=session, minutes=minutes)
        focus = self._safe_focus(focus, vault, plan)
        plan.focus = focus
        by_name = {t.name: t for t in self.taxonomy.themes}
        themes = summary.themes[: self.template.max_themes]
        queries = ([focus] if focus else []) + [
            by_name[t.name].query if t.name in by_name else t.description for t in themes
        ]
        if not queries:
            queries = ["integration after a ketamine session"]

        if summary.flags:
            plan.safety_check = list(self.template.safety_check) + [
                f"Flagged on {flag.date}: “{flag.quote}”" for flag in summary.flags
            ]
        goals = self.template.goal_templates
        plan.goals = ([goals.focus.format(focus=focus)] if focus else []) + [
            goals.theme.format(explore=by_name[t.name].explore) for t in themes[:2] if t.name in by_name
        ] or [goals.default]
        plan.check_in = list(self.template.check_in)
        plan.themes = [
            PlanTheme(
                name=t.name,
                evidence=t.evidence,
                prompts=[by_name[t.name].question] if t.name in by_name else [],
            )
            for t in themes
        ]
        used: set[str] = set()  # chunk ids, so two items never quote the same passage
        plan.practice = self._items(queries[:1], self.template.practice_query, used, practice=True)
        plan.psychoeducation = self._items(queries[:2], self.template.psychoeducation_query, used, practice=False)
        plan.homework = self._homework(queries[0])
        plan.prescriber_notes = [
            f"On {item.date} the client wrote: “{item.text}”" for item in summary.prescriber_items
        ] + [
            f"Medical red flag on {flag.date}: “{flag.quote}”"
            for flag in summary.flags
            if flag.category == "medical red flag"
        ]
        if plan.prescriber_notes:
            plan.prescriber_notes.append(PRESCRIBER_REMINDER)
        plan.agenda = self._agenda(minutes, bool(summary.flags))
        if self.writer is not None:
            plan = self.writer.revise(plan)
        self._check_output(plan)
        return plan

    def _safe_focus(self, focus: str | None, vault: Vault, plan: SessionPlan) -> str | None:
        if not focus or not focus.strip():
            return None
        scrubbed = self.scrubber.scrub(focus.strip(), vault).text
        verdict = self.guard.check(scrubbed, mode="input")
        if verdict.decision == "block":
            plan.notes.append(
                "The requested focus asks for a decision outside this assistant's scope "
                "(such as dosing); it was not used. " + PRESCRIBER_REMINDER
            )
            return None
        return scrubbed

    def _retrieve(self, query: str) -> list[Passage]:
        """Best passages for a theme; no floor, since the plan always offers something vetted."""
        passages = self.retriever.retrieve(query, k=12, apply_floor=False, max_per_doc=6)
        return [p for p in passages if p.section != SUMMARY_SECTION]

    def _items(self, queries: list[str], pattern: str, used: set[str], practice: bool) -> list[CitedItem]:
        items = []
        for query in queries:
            candidates = [
                p
                for p in self._candidates(pattern.format(query=query), practice)
                if p.chunk_id not in used
            ]
            if not candidates:
                continue
            passage = candidates[0]
            used.add(passage.chunk_id)
            text = (
                " ".join(split_sentences(passage.text)[:8])
                if practice
                else " ".join(self._best_sentences(query, passage, 2))
            )
            items.append(CitedItem(title=f"{passage.title}: {passage.section}", text=text, citations=[_ref(passage)]))
        return items

    def _candidates(self, query: str, practice: bool) -> list[Passage]:
        """Psychoeducation: the best non-step passages. Practice: the step-by-step sections
        of the best-matching documents, in document rank order."""
        passages = self._retrieve(query)
        if not practice:
            return [p for p in passages if not _STEPS.search(p.text)]
        documents = list(dict.fromkeys(p.doc_id for p in passages))
        return [
            p for doc_id in documents for p in self.retriever.passages_of(doc_id) if _STEPS.search(p.text)
        ]

    def _best_sentences(self, query: str, passage: Passage, n: int) -> list[str]:
        sentences = split_sentences(passage.text)
        if len(sentences) <= n:
            return sentences
        vectors = self.embedder.encode([query] + sentences)
        order = np.argsort(-(vectors[1:] @ vectors[0]), kind="stable")[:n]
        return [sentences[i] for i in sorted(order)]

    def _homework(self, query: str) -> list[CitedItem]:
        """A journaling prompt for the week, taken from the journaling document."""
        passages = self.retriever.passages_of(self.template.homework_doc)
        prompts = [
            (sentence, passage)
            for passage in passages
            for sentence in split_sentences(passage.text)
            if sentence.endswith("?")
        ]
        if not prompts:
            return []
        vectors = self.embedder.encode([query] + [s for s, _ in prompts])
        best = int(np.argmax(vectors[1:] @ vectors[0]))
        sentence, passage = prompts[best]
        return [CitedItem(title="Journaling prompt for the week", text=sentence, citations=[_ref(passage)])]

    def _agenda(self, minutes: int, flagged: bool) -> list[AgendaItem]:
        slots = [s for s in self.template.agenda if flagged or s.key != "safety"]
        total = sum(s.share for s in slots)
        agenda = [AgendaItem(minutes=max(1, round(minutes * s.share / total)), activity=s.activity) for s in slots]
        agenda[-1].minutes += minutes - sum(a.minutes for a in agenda)  # rounding remainder
        return agenda

    def _check_output(self, plan: SessionPlan) -> None:
        """Drop any line or cited item (title or text) in which the output guard finds a dose
        statement: every field a model may write goes through it."""
        for field in ("goals", "check_in", "psychoeducation", "practice", "homework"):
            values = getattr(plan, field)
            texts = [v.title + "\n" + v.text if isinstance(v, CitedItem) else v for v in values]
            verdicts = self.guard.check_many(texts, mode="output")
            kept = [v for v, verdict in zip(values, verdicts, strict=True) if "dosing" not in verdict.flags]
            if len(kept) < len(values):
                plan.notes.append(f"A dosing statement was removed from {field.replace('_', ' ')}.")
            setattr(plan, field, kept)
