"""Hybrid retrieval over approved chunks: dense (Chroma) + BM25, fused by reciprocal rank,
for the question as asked and as the query rewriter understands it."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal, Protocol

import numpy as np

from assistant.config import BUNDLED_MINILM
from assistant.embeddings import Embedder, resolve_model_path
from assistant.errors import KapError
from assistant.kb.bm25 import KeywordIndex
from assistant.kb.query import (
    QueryRewriter,
    RewrittenQuery,
    Speller,
    corpus_counts,
    vocabulary_words,
)
from assistant.kb.scope import ScopeModel, ScopeSignals
from assistant.kb.store import ChromaStore, StoredChunk
from assistant.kb.vocabulary import Vocabulary
from assistant.models import Passage

log = logging.getLogger(__name__)

Mode = Literal["hybrid", "dense", "bm25"]


@dataclass(frozen=True)
class Filters:
    """Audience matches itself or "both"; phase matches itself or "any"; any topic matches;
    ``doc_ids`` restricts to those documents."""

    audience: str | None = None
    phase: str | None = None
    topics: tuple[str, ...] = ()
    doc_ids: tuple[str, ...] = ()

    def where(self) -> dict:
        clauses: list[dict] = [{"approved": True}]
        if self.audience:
            clauses.append({"audience": {"$in": [self.audience, "both"]}})
        if self.phase:
            clauses.append({"phase": {"$in": [self.phase, "any"]}})
        if self.doc_ids:
            clauses.append({"doc_id": {"$in": list(self.doc_ids)}})
        return clauses[0] if len(clauses) == 1 else {"$and": clauses}

    def accepts(self, meta: dict) -> bool:
        if not meta.get("approved"):
            return False
        if self.audience and meta.get("audience") not in (self.audience, "both"):
            return False
        if self.phase and meta.get("phase") not in (self.phase, "any"):
            return False
        if self.doc_ids and meta.get("doc_id") not in self.doc_ids:
            return False
        return not self.topics or any(f"|{t}|" in meta.get("topics", "") for t in self.topics)


class Retriever(Protocol):
    def retrieve(
        self, query: str, k: int | None = None, filters: Filters | None = None
    ) -> list[Passage]: ...


@dataclass
class RetrievalParams:
    k: int = 5
    candidates: int = 40
    rrf_k: int = 60
    # the best passage's least similarity, used only over an embedding model the scope
    # model was not trained for (docs/evaluation/retrieval-floor.md)
    relevance_floor: float = 0.38
    passage_floor: float = 0.2  # each passage's, once the question has cleared the floor
    max_chunks_per_doc: int = 2


@dataclass
class _Index:
    chunks: list[StoredChunk]
    matrix: np.ndarray
    keywords: KeywordIndex
    rewriter: QueryRewriter
    position: dict[str, int] = field(default_factory=dict)
    approved: frozenset[str] = frozenset()


@dataclass(frozen=True)
class _Searched:
    vectors: np.ndarray  # as typed, then as understood when the rewrite changed the question
    similarities: np.ndarray  # chunks x vectors
    keyword_scores: np.ndarray  # per chunk
    rewritten: RewrittenQuery | None

    def signals(self) -> ScopeSignals:
        return ScopeSignals(
            typed_vector=self.vectors[0],
            understood_vector=self.vectors[-1],
            typed_similarity=float(self.similarities[:, 0].max()),
            understood_similarity=float(self.similarities.max()),
            keyword_score=float(self.keyword_scores.max(initial=0.0)),
            concepts=len(self.rewritten.concepts) if self.rewritten else 0,
            spelled_out=len(self.rewritten.spelled_out) if self.rewritten else 0,
        )


class HybridRetriever:
    """Reads the live store once (lazily), then answers queries from Chroma plus BM25.

    ``approved_ids()`` returns the documents approved *now* (hash still matching); the index
    is reloaded when that answer changes, so an edited or un-approved document stops being
    retrieved before the next ingest and without a restart.
    """

    def __init__(
        self,
        store: ChromaStore,
        embedder: Embedder,
        params: RetrievalParams,
        approved_ids: Callable[[], frozenset[str]],
        scope: ScopeModel | None = None,
    ):
        self.store = store
        self.embedder = embedder
        self.params = params
        self.approved_ids = approved_ids
        self.scope = scope
        self._index: _Index | None = None

    def _load(self) -> _Index:
        approved = self.approved_ids()
        if self._index is None or self._index.approved != approved:
            chunks = [
                c
                for c in self.store.all_chunks()
                if c.metadata.get("approved") and c.metadata["doc_id"] in approved
            ]
            matrix = (
                np.vstack([c.embedding for c in chunks]).astype(np.float32)
                if chunks
                else np.zeros((0, 1), dtype=np.float32)
            )
            keyword_texts = [_keyword_text(c.metadata, c.text) for c in chunks]
            self._index = _Index(
                chunks=chunks,
                matrix=matrix,
                keywords=KeywordIndex(keyword_texts),
                rewriter=self._rewriter(keyword_texts),
                position={c.chunk_id: i for i, c in enumerate(chunks)},
                approved=approved,
            )
            log.info("retriever loaded %d approved chunks", len(chunks))
        return self._index

    def _rewriter(self, keyword_texts: list[str]) -> QueryRewriter:
        """Vocabulary from the index (what the last ingest approved); typo correction against
        the corpus, leaving alone any word the embedding model knows whole."""
        stored = self.store.vocabulary()
        vocabulary = Vocabulary.from_json(stored) if stored else None
        known = _model_words(self.embedder) | vocabulary_words(vocabulary)
        return QueryRewriter(vocabulary, Speller(corpus_counts(keyword_texts), frozenset(known)))

    def retrieve(
        self,
        query: str,
        k: int | None = None,
        filters: Filters | None = None,
        mode: Mode = "hybrid",
        apply_floor: bool = True,
        max_per_doc: int | None = None,
        understand: bool = True,
    ) -> list[Passage]:
        """Top ``k`` passages; empty when nothing clears the relevance floor.

        ``understand`` searches the question as rewritten too (abbreviations spelled out,
        concepts named, typos corrected); off, the question is searched as typed.
        """
        max_per_doc = max_per_doc or self.params.max_chunks_per_doc
        index = self._load()
        if not index.chunks:
            return []
        filters = filters or Filters()
        k = k or self.params.k
        searched = self._search(query, index, understand)
        dense_scores = searched.similarities.max(axis=1)

        rankings: list[list[str]] = []
        if mode in ("hybrid", "dense"):
            rankings.append(self._dense_ranking(searched.vectors, filters, index))
        if mode in ("hybrid", "bm25"):
            rankings.append(self._keyword_ranking(searched.keyword_scores, filters, index))
        fused = self._fuse(rankings)

        if apply_floor and not (fused and self._in_scope(searched.signals())):
            return []
        passages, per_doc = [], {}
        for chunk_id, score in fused:
            chunk = index.chunks[index.position[chunk_id]]
            dense = float(dense_scores[index.position[chunk_id]])
            doc_id = chunk.metadata["doc_id"]
            if apply_floor and dense < self.params.passage_floor:
                continue
            if per_doc.get(doc_id, 0) >= max_per_doc:
                continue
            per_doc[doc_id] = per_doc.get(doc_id, 0) + 1
            passages.append(_to_passage(chunk, score, dense))
            if len(passages) == k:
                break
        return passages

    def scope_signals(self, query: str) -> ScopeSignals | None:
        """What the scope decision reads for ``query`` (None when nothing is approved)."""
        index = self._load()
        return self._search(query, index, understand=True).signals() if index.chunks else None

    def _search(self, query: str, index: _Index, understand: bool) -> _Searched:
        """Embed the question as typed and, when the rewrite changed it, as understood; score
        every approved chunk against both and against its keywords."""
        rewritten = index.rewriter.rewrite(query) if understand else None
        texts = [query]
        if rewritten is not None and rewritten.changed:
            texts.append(rewritten.dense_text)
        vectors = self.embedder.encode(texts)
        keywords = rewritten.keyword_text if rewritten is not None else query
        return _Searched(
            vectors, index.matrix @ vectors.T, index.keywords.scores(keywords), rewritten
        )

    def _in_scope(self, signals: ScopeSignals) -> bool:
        """Whether the corpus covers the question, whatever the filters (they then narrow
        what is shown): the learned scope model's decision, or, over an embedding model it
        was not trained for, the relevance floor on the best passage's similarity."""
        if self.scope is not None:
            return self.scope.in_scope(signals)
        return signals.understood_similarity >= self.params.relevance_floor

    def passages_of(self, doc_id: str) -> list[Passage]:
        """Every approved passage of one document, in stored order (for fixed citations)."""
        index = self._load()
        return [_to_passage(c, 0.0, 0.0) for c in index.chunks if c.metadata["doc_id"] == doc_id]

    def _dense_ranking(self, vectors: np.ndarray, filters: Filters, index: _Index) -> list[str]:
        """Nearest chunks to any of the query vectors (as typed, as understood), best first."""
        n = min(self.params.candidates, len(index.chunks))
        best: dict[str, float] = {}
        if filters.topics:  # Chroma cannot filter on topics: rank the accepted chunks here
            similarity = (index.matrix @ vectors.T).max(axis=1)
            accepted = [i for i, c in enumerate(index.chunks) if filters.accepts(c.metadata)]
            accepted.sort(key=lambda i: (-similarity[i], index.chunks[i].chunk_id))
            return [index.chunks[i].chunk_id for i in accepted[:n]]
        for vector in vectors:
            for cid, similarity in self.store.query(vector, n=n, where=filters.where()):
                if cid in index.position and filters.accepts(index.chunks[index.position[cid]].metadata):
                    best[cid] = max(similarity, best.get(cid, -1.0))
        return sorted(best, key=lambda cid: (-best[cid], cid))[:n]

    def _keyword_ranking(self, scores: np.ndarray, filters: Filters, index: _Index) -> list[str]:
        """BM25 scores ranked over the chunks the filters accept (filtered before the cut, so
        a narrow filter still gets its best candidates)."""
        accepted = np.array([filters.accepts(c.metadata) for c in index.chunks])
        scores = np.where(accepted, scores, 0.0)
        order = np.argsort(-scores, kind="stable")[: self.params.candidates]
        return [index.chunks[i].chunk_id for i in order if scores[i] > 0]

    def _fuse(self, rankings: list[list[str]]) -> list[tuple[str, float]]:
        """Reciprocal rank fusion; ties broken by chunk id so results are deterministic."""
        fused: dict[str, float] = {}
        for ranking in rankings:
            for rank, chunk_id in enumerate(ranking, start=1):
                fused[chunk_id] = fused.get(chunk_id, 0.0) + 1.0 / (self.params.rrf_k + rank)
        return sorted(fused.items(), key=lambda item: (-item[1], item[0]))


def _model_words(embedder: Embedder) -> set[str]:
    """Whole words in the embedding model's tokenizer vocabulary: real words, not typos."""
    try:
        vocab = resolve_model_path(getattr(embedder, "name", BUNDLED_MINILM)) / "vocab.txt"
    except KapError:
        return set()
    if not vocab.is_file():
        return set()
    lines = vocab.read_text(encoding="utf-8").split()
    return {w for w in lines if w.isalpha() and w.islower()}


def _keyword_text(meta: dict, text: str) -> str:
    """What BM25 indexes: the passage plus its document's title, summary and topics, so a
    query's words count even when the passage itself uses other ones."""
    topics = meta.get("topics", "").replace("|", " ")
    return f"{meta['title']}\n{meta.get('summary', '')} {topics}\n{meta['section']}\n{text}"


def _to_passage(chunk: StoredChunk, score: float, dense: float) -> Passage:
    meta = chunk.metadata
    return Passage(
        doc_id=meta["doc_id"],
        chunk_id=chunk.chunk_id,
        section=meta["section"],
        title=meta["title"],
        text=chunk.text,
        score=round(score, 6),
        dense_score=round(dense, 4),
        references=json.loads(meta.get("references", "[]")),
    )
