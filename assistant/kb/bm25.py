"""A BM25 keyword index (bm25s) with English stemming and stop words."""

from __future__ import annotations

import bm25s
import numpy as np
import Stemmer
from bm25s.tokenization import Tokenizer


class KeywordIndex:
    """Scores every indexed text against a query; built in memory in milliseconds."""

    def __init__(self, texts: list[str]):
        stemmer = Stemmer.Stemmer("english")
        self._tokenizer = Tokenizer(stemmer=stemmer.stemWord, stopwords="en")
        ids = self._tokenizer.tokenize(texts, return_as="ids", show_progress=False)
        self._bm25 = bm25s.BM25()
        self._bm25.index(ids, show_progress=False)
        self._size = len(texts)

    def scores(self, query: str) -> np.ndarray:
        """One score per indexed text, zero where no query term occurs."""
        tokens = self._tokenizer.tokenize(
            [query], update_vocab=False, return_as="ids", show_progress=False
        )[0]
        if not tokens or self._size == 0:
            return np.zeros(self._size, dtype=np.float32)
        return np.asarray(self._bm25.get_scores(tokens), dtype=np.float32)
