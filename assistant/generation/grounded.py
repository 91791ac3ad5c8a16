"""The default generator: answers from retrieved passages' own sentences, no language model."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from assistant.embeddings import Embedder
from assistant.generation.sentences import split_sentences
from assistant.models import Answer, AnswerSentence, Citation, Passage

NO_MATERIAL = (
    "There is no vetted material in the knowledge base on that. Try rephrasing, or ask "
    "about integration practices, psychoeducation or after-care."
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
    ):
        self.embedder = embedder
        self.max_sentences = max_sentences
        self.diversity = diversity
        self.min_similarity = min_similarity

    def answer(self, question: str, passages: list[Passage]) -> Answer:
        candidates = [
            _Candidate(text=sentence, passage=i)
            for i, passage in enumerate(passages)
            for sentence in split_sentences(passage.text)
        ]
        if not candidates:
            return Answer(question=question, status="no_material", text=NO_MATERIAL)
        vectors = self.embedder.encode([question] + [c.text for c in candidates])
        chosen = self._select(vectors[0], vectors[1:])
        return self._compose(question, passages, [candidates[i] for i in chosen])

    def _select(self, query: np.ndarray, sentences: np.ndarray) -> list[int]:
        relevance = sentences @ query
        chosen: list[int] = []
        while len(chosen) < min(self.max_sentences, len(relevance)):
            redundancy = (
                np.max(sentences @ sentences[chosen].T, axis=1) if chosen else np.zeros_like(relevance)
            )
            score = (1 - self.diversity) * relevance - self.diversity * redundancy
            score[chosen] = -np.inf
            best = int(np.argmax(score))
            if chosen and relevance[best] < self.min_similarity:
                break
            chosen.append(best)
        return chosen

    def _compose(self, question: str, passages: list[Passage], picked: list[_Candidate]) -> Answer:
        numbers: dict[int, int] = {}
        sentences = []
        for candidate in picked:
            n = numbers.setdefault(candidate.passage, len(numbers) + 1)
            sentences.append(AnswerSentence(text=candidate.text, citation=n))
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
        text = " ".join(f"{s.text} [{s.citation}]" for s in sentences)
        return Answer(
            question=question, status="answered", text=text, sentences=sentences, citations=citations
        )
