"""The default generator: answers from retrieved passages' own sentences, no language model."""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from assistant.embeddings import Embedder
from assistant.generation.sentences import split_units
from assistant.kb.chunking import SUMMARY_SECTION
from assistant.models import Answer, AnswerSentence, Citation, Passage

NO_MATERIAL = (
    "There is no vetted material in the knowledge base on that. Try rephrasing, or ask "
    "about integration practices, psychoeducation or after-care."
)
STEP_START = re.compile(r"^\d+[.)]\s")

# Sentences about the document rather than the subject make poor answers.
_META = re.compile(
    r"\b(this document|separate document|use it (?:when|to|in)|topics:)", re.IGNORECASE
)
# A question asking how to do something is answered by the practice's steps when it has them.
ASKS_FOR_STEPS = re.compile(
    r"\b(steps?|step[- ]by[- ]step|how (?:do|to|can|should|would) (?:i|we|you)?|walk (?:me )?through"
    r"|script|exercise|practice|instructions?|protocol|sequence)\b",
    re.IGNORECASE,
)
STEP_BONUS = 0.1
# Vectors of the corpus's sentences kept between questions (the approved corpus is public
# and vetted, never client text); more distinct sentences than this and the memory restarts.
MAX_KNOWN_SENTENCES = 20_000
MIN_SENTENCES = 3
MAX_SENTENCES = 6
MAX_STEPS = 9  # a practice is quoted whole: no corpus list is longer


@dataclass(frozen=True)
class _Unit:
    text: str
    passage: int
    step: bool


class GroundedAnswerer:
    """Answers from the one section that best answers the question: its sentences quoted
    verbatim, in reading order, so they read as one passage; a practice's numbered steps
    whole and in order. When that section is short, the next best sections follow. Each
    sentence carries one ``[n]`` marker. Deterministic for the same index and question."""

    def __init__(
        self,
        embedder: Embedder,
        max_sentences: int = 4,
        min_sentences: int = MIN_SENTENCES,
        passage_weight: float = 0.3,
    ):
        self.embedder = embedder
        self.max_sentences = max(min_sentences, min(max_sentences, MAX_SENTENCES))
        self.min_sentences = min_sentences
        self.passage_weight = passage_weight
        self._known: dict[str, np.ndarray] = {}

    def answer(self, question: str, passages: list[Passage]) -> Answer:
        units = self._units(passages)
        if not units:
            return Answer(question=question, status="no_material", text=NO_MATERIAL)
        asked = self.embedder.encode([question])[0]
        context = np.array([passages[u.passage].dense_score or 0.0 for u in units])
        similarity = self._vectors([u.text for u in units]) @ asked
        relevance = (1 - self.passage_weight) * similarity + self.passage_weight * context
        if ASKS_FOR_STEPS.search(question):
            relevance += STEP_BONUS * np.array([u.step for u in units])
        order = [int(i) for i in np.argsort(-relevance, kind="stable")]
        first_doc = passages[units[order[0]].passage].doc_id
        # the best section first; if it is short, the same document's other sections, then others
        order.sort(key=lambda i: passages[units[i].passage].doc_id != first_doc)
        chosen: list[int] = []
        for best in order:
            if len(chosen) >= self.min_sentences:
                break
            if units[best].passage not in {units[i].passage for i in chosen}:
                chosen += self._from_section(best, units, relevance, len(chosen))
        return compose(question, passages, [(units[i].text, units[i].passage) for i in chosen])

    def _vectors(self, sentences: list[str]) -> np.ndarray:
        """The corpus sentences' vectors, each embedded once per process (the questions that
        follow quote the same sections: a warm answer embeds only the question)."""
        missing = list(dict.fromkeys(t for t in sentences if t not in self._known))
        if missing:
            if len(self._known) + len(missing) > MAX_KNOWN_SENTENCES:
                self._known = {}
            self._known.update(zip(missing, self.embedder.encode(missing), strict=True))
        return np.vstack([self._known[t] for t in sentences])

    @staticmethod
    def _units(passages: list[Passage]) -> list[_Unit]:
        """Quotable units; summary cards only when nothing else was retrieved."""
        def from_passages(include_summary: bool) -> list[_Unit]:
            return [
                _Unit(text=text, passage=i, step=step)
                for i, passage in enumerate(passages)
                if include_summary or passage.section != SUMMARY_SECTION
                for text, step in split_units(passage.text)
                if not _META.search(text)
            ]

        return from_passages(False) or from_passages(True)

    def _from_section(self, best: int, units: list[_Unit], relevance: np.ndarray, have: int) -> list[int]:
        """Units of ``best``'s section: all its steps when ``best`` is a step, else the run
        of neighbouring sentences around ``best`` that is most relevant, in reading order."""
        section = [i for i, u in enumerate(units) if u.passage == units[best].passage]
        if units[best].step:
            return [i for i in section if units[i].step][:MAX_STEPS]
        prose = [i for i in section if not units[i].step]
        room = max(1, self.max_sentences - have)
        at = prose.index(best)
        lo = hi = at
        while hi - lo + 1 < min(room, len(prose)):
            left = relevance[prose[lo - 1]] if lo > 0 else -np.inf
            right = relevance[prose[hi + 1]] if hi + 1 < len(prose) else -np.inf
            if right >= left:
                hi += 1
            else:
                lo -= 1
        return prose[lo : hi + 1]


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
    """The answer as shown: each sentence followed by its ``[n]`` marker; numbered steps
    each on a line of their own."""
    parts = []
    for i, sentence in enumerate(sentences):
        if i:
            step = STEP_START.match(sentence.text) or STEP_START.match(sentences[i - 1].text)
            parts.append("\n" if step else " ")
        parts.append(f"{sentence.text} [{sentence.citation}]")
    return "".join(parts)


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
