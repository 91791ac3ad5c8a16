"""The default generator: answers from retrieved passages' own sentences, no language model."""

from __future__ import annotations

from dataclasses import dataclass

import re

import numpy as np

from assistant.embeddings import Embedder
from assistant.generation.sentences import split_sentences
from assistant.kb.chunking import SUMMARY_SECTION
from assistant.models import Answer, AnswerSentence, Citation, Passage

NO_MATERIAL = (
    "There is no vetted material in the knowledge base on that. Try rephrasing, or ask "
    "about integration practices, psychoeducation or after-care."
)


# Sentences about the document rather than the subject make poor answers.
_META = re.compile(
    r"\b(this document|separate document|use it (?:when|to|in)|topics:)", re.IGNORECASE
)


@dataclass(frozen=True)
class _Candidate:
    text: str
    passage: int


class GroundedAnswerer:
    """Selects the passage sentences that best answer the question (relevance with
    diversity, maximal marginal relevance), quotes them verbatim with ``[n]`` markers
    and lists the numbered sources. Deterministic for the same index and question."""

    def __init__(
        self,
        embedder: Embedder,
        max_sentences: int = 4,
        diversity: float = 0.3,
        min_similarity: float = 0.2,
        passage_weight: float = 0.3,
    ):
        self.embedder = embedder
        self.max_sentences = max_sentences
        self.diversity = diversity
        self.min_similarity = min_similarity
        self.passage_weight = passage_weight

    def answer(self, question: str, passages: list[Passage]) -> Answer:
        candidates = self._candidates(passages)
        if not candidates:
            return Answer(question=question, status="no_material", text=NO_MATERIAL)
        vectors = self.embedder.encode([question] + [c.text for c in candidates])
        context = np.array([passages[c.passage].dense_score or 0.0 for c in candidates])
        chosen = self._select(vectors[0], vectors[1:], context)
        picked = [(candidates[i].text, candidates[i].passage) for i in chosen]
        return compose(question, passages, picked)

    @staticmethod
    def _candidates(passages: list[Passage]) -> list[_Candidate]:
        """Quotable sentences; summary cards only when nothing else was retrieved."""
        def from_passages(include_summary: bool) -> list[_Candidate]:
            return [
                _Candidate(text=sentence, passage=i)
                for i, passage in enumerate(passages)
                if include_summary or passage.section != SUMMARY_SECTION
                for sentence in split_sentences(passage.text)
                if not _META.search(sentence)
            ]

        return from_passages(False) or from_passages(True)

    def _select(self, query: np.ndarray, sentences: np.ndarray, context: np.ndarray) -> list[int]:
        """Maximal marginal relevance; a sentence's relevance also counts its passage's."""
        similarity = sentences @ query
        relevance = (1 - self.passage_weight) * similarity + self.passage_weight * context
        chosen: list[int] = []
        while len(chosen) < min(self.max_sentences, len(relevance)):
            redundancy = (
                np.max(sentences @ sentences[chosen].T, axis=1) if chosen else np.zeros_like(relevance)
            )
            score = (1 - self.diversity) * relevance - self.diversity * redundancy
            score[chosen] = -np.inf
            best = int(np.argmax(score))
            if chosen and similarity[best] < self.min_similarity:
                break
            chosen.append(best)
        return chosen


def compose(question: str, passages: list[Passage], picked: list[tuple[str, int]]) -> Answer:
    """An answer from ``(sentence, passage index)`` pairs: ``[n]`` markers, numbered sources."""
    numbers: dict[int, int] = {}
    sentences = []
    for text, passage in picked:
        n = numbers.setdefault(passage, len(numbers) + 1)
        sentences.append(AnswerSentence(text=text, citation=n))
    citations = [
        Citation(
            n=n,
            doc_id=passages[i].doc_id,
            chunk_id=passages[i].chunk_id,
            section=passages[i].section,
            title=passages[i].title,
            references=passages[i].references,
            passage=passages[i].text,
        )
        for i, n in numbers.items()
    ]
    return Answer(
        question=question,
        status="answered",
        text=answer_text(sentences),
        sentences=sentences,
        citations=citations,
    )


def answer_text(sentences: list[AnswerSentence]) -> str:
    """The answer as shown: each sentence followed by its ``[n]`` marker."""
    return " ".join(f"{s.text} [{s.citation}]" for s in sentences)


def keep_sentences(answer: Answer, kept: list[AnswerSentence]) -> Answer:
    """The answer with only ``kept`` sentences; sources nobody cites are dropped, the rest renumbered."""
    numbers: dict[int, int] = {}
    for sentence in kept:
        numbers.setdefault(sentence.citation, len(numbers) + 1)
    sentences = [s.model_copy(update={"citation": numbers[s.citation]}) for s in kept]
    citations = [
        c.model_copy(update={"n": numbers[c.n]}) for c in answer.citations if c.n in numbers
    ]
    return answer.model_copy(
        update={"sentences": sentences, "citations": sorted(citations, key=lambda c: c.n),
                "text": answer_text(sentences)}
    )
