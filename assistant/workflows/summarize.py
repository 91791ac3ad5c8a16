"""Session-prep summary of a client's journal, grounded: no language model."""

from __future__ import annotations

import logging
from collections import defaultdict
from dataclasses import dataclass

import numpy as np

from assistant.dose_amounts import mask_dose_amounts
from assistant.embeddings import Embedder, request_cache
from assistant.errors import InputError
from assistant.generation.llm import LLMSummaryWriter
from assistant.guard.guard import Guard
from assistant.guard.text import Sentence, split_sentences
from assistant.kb.retriever import HybridRetriever
from assistant.models import (
    Citation,
    Evidence,
    JournalEntry,
    JournalSummary,
    PrescriberItem,
    RiskFlag,
    Theme,
)
from assistant.privacy.scrubber import Scrubber
from assistant.privacy.vault import Vault
from assistant.workflows.clusters import recurring_threads
from assistant.workflows.mood import MoodScorer, trend
from assistant.workflows.scores import MEASUREMENT_DOC, THRESHOLDS, score_series
from assistant.workflows.themes import ThemeMatcher

log = logging.getLogger(__name__)

MAX_THEMES = 6
EVIDENCE_PER_THEME = 3
MIN_WORDS = 3


@dataclass(frozen=True)
class JournalSentence:
    entry: int
    sentence: Sentence


@dataclass
class SummarizeWorkflow:
    """scrub → guard(journal) → themes, mood, scores → questions; text stays pseudonymized."""

    scrubber: Scrubber
    guard: Guard
    embedder: Embedder
    matcher: ThemeMatcher
    mood: MoodScorer
    retriever: HybridRetriever
    writer: LLMSummaryWriter | None = None

    def run(self, entries: list[JournalEntry], vault: Vault) -> JournalSummary:
        if not entries:
            raise InputError("The journal has no entries to summarize")
        with request_cache():  # the guard's sentence vectors serve the themes; dropped after
            return self._run(entries, vault)

    def _run(self, entries: list[JournalEntry], vault: Vault) -> JournalSummary:
        texts = [r.text for r in self.scrubber.scrub_many([e.text for e in entries], vault)]
        verdicts = self.guard.check_many(texts, mode="journal")
        summary = JournalSummary(
            entries=len(entries), first_date=entries[0].date, last_date=entries[-1].date
        )
        # sentences that belong only to flags, the prescriber, or are instructions to software
        held_back: set[tuple[int, int]] = set()
        for index, (text, verdict) in enumerate(zip(texts, verdicts, strict=True)):
            self._risk_and_prescriber(summary, entries[index], index, text, verdict, held_back)
        sentences = [
            JournalSentence(i, s)
            for i, text in enumerate(texts)
            for s in split_sentences(text)
            if len(s.text.split()) >= MIN_WORDS and (i, s.start) not in held_back
        ]
        if sentences:
            vectors = self.embedder.encode([s.sentence.text for s in sentences])
            self._themes(summary, entries, sentences, vectors)
        summary.mood = self.mood.series(entries, texts)
        summary.scores = score_series(entries, self._score_citations())
        summary.notes.insert(0, trend(summary.mood))
        summary.questions = self._questions(summary)
        if self.writer is not None:
            summary = self.writer.revise(summary)
        log.info(
            "summary: %d entries, %d flags, %d prescriber items, %d themes",
            len(entries), len(summary.flags), len(summary.prescriber_items), len(summary.themes),
        )
        return summary

    def _risk_and_prescriber(self, summary, entry, index, text, verdict, held_back) -> None:
        sentences = split_sentences(text)

        def sentence_at(position: int) -> Sentence:
            return next((s for s in sentences if s.start <= position < s.end), sentences[-1])

        seen: set[tuple[str, int]] = set()
        for finding in verdict.findings:
            sentence = sentence_at(finding.start)
            if finding.rule == "crisis" and "crisis" in verdict.flags:
                if (finding.rule, sentence.start) in seen or not finding.current:
                    continue
                summary.flags.append(
                    RiskFlag(category=finding.category, date=entry.date, quote=mask_dose_amounts(sentence.text))
                )
            elif finding.rule == "dosing":
                if (finding.rule, sentence.start) in seen:
                    continue
                summary.prescriber_items.append(
                    PrescriberItem(date=entry.date, text=mask_dose_amounts(sentence.text))
                )
            elif finding.rule == "injection":
                if ("injection", index) not in seen:
                    summary.notes.append(
                        f"The entry of {entry.date} contains instructions addressed to software; "
                        "they were treated as the client's words, not as commands."
                    )
                    seen.add(("injection", index))
                # never theme evidence: evidence is what a language model is shown
                end = max(finding.end, finding.start + 1)
                held_back.update(
                    (index, s.start) for s in sentences if s.start < end and finding.start < s.end
                )
                continue
            else:
                continue
            seen.add((finding.rule, sentence.start))
            held_back.add((index, sentence.start))

    def _themes(self, summary, entries, sentences, vectors: np.ndarray) -> None:
        taxonomy = self.matcher.taxonomy
        scores = self.matcher.scores(vectors)
        best = scores.argmax(axis=1)
        members: dict[int, list[int]] = defaultdict(list)
        unmatched = []
        for row, theme_index in enumerate(best):
            if scores[row, theme_index] >= taxonomy.threshold:
                members[int(theme_index)].append(row)
            else:
                unmatched.append(row)

        def evidence(rows: list[int], limit: int) -> list[Evidence]:
            ranked = sorted(rows, key=lambda r: -float(scores[r].max()))
            picked, used_entries = [], set()
            for row in ranked:  # prefer distinct entries, then fill
                if sentences[row].entry not in used_entries:
                    picked.append(row)
                    used_entries.add(sentences[row].entry)
                if len(picked) == limit:
                    break
            picked += [r for r in ranked if r not in picked][: limit - len(picked)]
            return [
                Evidence(date=entries[sentences[r].entry].date, quote=mask_dose_amounts(sentences[r].sentence.text))
                for r in sorted(picked, key=lambda r: (sentences[r].entry, sentences[r].sentence.start))
            ]

        ranked_themes = sorted(
            members, key=lambda t: (-len({sentences[r].entry for r in members[t]}), -len(members[t]), t)
        )
        for theme_index in ranked_themes:
            theme = taxonomy.themes[theme_index]
            if theme.kind == "insight":
                summary.insights = evidence(members[theme_index], 5)
            elif theme.kind == "body":
                summary.body = evidence(members[theme_index], 5)
            elif theme.kind == "intention":
                summary.intentions = evidence(members[theme_index], 5)
            if len(summary.themes) < MAX_THEMES:
                summary.themes.append(
                    Theme(name=theme.name, description=theme.description,
                          evidence=evidence(members[theme_index], EVIDENCE_PER_THEME))
                )
        for rows in recurring_threads(vectors, unmatched, [s.entry for s in sentences]):
            words = " ".join(sentences[r].sentence.text for r in rows)
            summary.themes.append(
                Theme(
                    name="Recurring thread (outside the taxonomy)",
                    description=f"Sentences that recur across entries: {_keywords(words)}",
                    evidence=evidence(rows, EVIDENCE_PER_THEME),
                )
            )

    def _score_citations(self) -> dict[str, Citation]:
        """The measurement-based-care passage that states each measure's thresholds."""
        passages = self.retriever.passages_of(MEASUREMENT_DOC)
        citations = {}
        for measure, threshold in THRESHOLDS.items():
            passage = next((p for p in passages if threshold.source in p.text), None)
            if passage:
                citations[measure] = Citation(
                    n=len(citations) + 1, doc_id=passage.doc_id, chunk_id=passage.chunk_id,
                    section=passage.section, title=passage.title, references=passage.references,
                )
        return citations

    def _questions(self, summary: JournalSummary) -> list[str]:
        questions = []
        if summary.flags:
            questions.append(
                "Begin with safety: ask directly about the flagged statements, their current "
                "intensity, and the client's safety plan."
            )
        by_name = {t.name: t for t in self.matcher.taxonomy.themes}
        for theme in summary.themes:
            if theme.name in by_name:
                questions.append(by_name[theme.name].question)
        if summary.prescriber_items:
            questions.append(
                "The client wrote about their medicine; what would they like to bring to the "
                "prescriber, and how can you support that conversation?"
            )
        return questions[:8]


_STOP = set(
    "i me my myself we our you your he she it they them the a an and or but if so to of in on at "
    "for with was were is am are be been being have has had do did not no this that there then "
    "just really very felt feel feeling like about again today yesterday what when how all can".split()
)


def _keywords(text: str, limit: int = 4) -> str:
    counts: dict[str, int] = defaultdict(int)
    for word in text.lower().split():
        word = word.strip(".,!?;:\"'()<>")
        if len(word) > 3 and word not in _STOP and word.isalpha():
            counts[word] += 1
    top = sorted(counts, key=lambda w: (-counts[w], w))[:limit]
    return ", ".join(top)
