"""Query understanding: spell out abbreviations, name the concepts a question is about and
correct typos against the words the corpus and the embedding model know."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

import Stemmer
from bm25s.stopwords import STOPWORDS_EN

from assistant.kb.vocabulary import Vocabulary, abbreviation_key
from assistant.normalize import script_of

TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’/+\-]*")
WORD = re.compile(r"[^\W\d_]+")  # letters of any script: "übelkeit", "κατάθλιψη" match whole
MIN_TYPO_LENGTH = 4  # shorter unknown words are abbreviations or noise, never "corrected"
OWN_STEMMERS = {"CYRILLIC": "russian", "GREEK": "greek"}
STOPWORDS = frozenset(STOPWORDS_EN) | {"i", "my", "me", "she", "he", "her", "his", "do", "what", "how"}


@dataclass(frozen=True)
class RewrittenQuery:
    """A question as the retriever searches it."""

    original: str
    corrected: str
    spelled_out: tuple[tuple[str, ...], ...] = ()  # what each abbreviation stands for
    concepts: tuple[tuple[str, ...], ...] = ()  # the corpus terms of each concept named
    corrections: tuple[tuple[str, str], ...] = ()

    @property
    def dense_text(self) -> str:
        """What is embedded: the corrected question, then the first reading of each
        abbreviation and concept (more would pull the vector away from the question)."""
        extra = _unique(group[0] for group in self.spelled_out + self.concepts)
        extra = [e for e in extra if e.lower() not in self.corrected.lower()]
        return f"{self.corrected} ({'; '.join(extra)})" if extra else self.corrected

    @property
    def keyword_text(self) -> str:
        """What BM25 scores: the original words (a typo may still be a rare exact match),
        the corrections and every expansion."""
        extra = [c for _, c in self.corrections]
        extra += _unique(term for group in self.spelled_out + self.concepts for term in group)
        return " ".join([self.original, *extra])

    @property
    def changed(self) -> bool:
        return bool(self.spelled_out or self.concepts or self.corrections)


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


@dataclass
class Speller:
    """Corrects a word the corpus and the model do not know to the most frequent corpus word
    within one edit (two for long words), transpositions counting as one."""

    corpus_counts: Counter
    known: frozenset[str]
    _by_length: dict[int, list[str]] = field(default_factory=dict, init=False, repr=False)

    def __post_init__(self) -> None:
        for word in sorted(self.corpus_counts):
            self._by_length.setdefault(len(word), []).append(word)

    def correct(self, word: str) -> str | None:
        if len(word) < MIN_TYPO_LENGTH or word in self.known or word in self.corpus_counts:
            return None
        limit = 1 if len(word) < 8 else 2
        for distance in range(1, limit + 1):
            hits = [
                candidate
                for length in range(len(word) - distance, len(word) + distance + 1)
                for candidate in self._by_length.get(length, ())
                if _edit_distance(word, candidate, distance) <= distance
            ]
            if hits:
                return min(hits, key=lambda w: (-self.corpus_counts[w], w))
        return None


class ScriptStemmer:
    """Stems a word by its script: Cyrillic words as Russian, Greek words as Greek, all others
    as English. Russian and Greek inflect every noun, so "депрессии" and "депрессия",
    "ψυχοθεραπείας" and "ψυχοθεραπεία" meet; the vocabulary lists the forms of Latin-script
    languages itself."""

    def __init__(self):
        self._by_script = {script: Stemmer.Stemmer(language) for script, language in OWN_STEMMERS.items()}
        self._english = Stemmer.Stemmer("english")

    def stem(self, word: str) -> str:
        return self._by_script.get(script_of(word), self._english).stemWord(word)


class QueryRewriter:
    """Turns a therapist's question into what the retriever searches (see RewrittenQuery)."""

    def __init__(self, vocabulary: Vocabulary | None, speller: Speller | None):
        self.speller = speller
        self._stem = ScriptStemmer().stem
        self._exact: dict[str, list[str]] = {}
        self._folded: dict[str, list[str]] = {}
        self._concepts: list[tuple[list[frozenset[str]], list[str]]] = []
        for abbr in vocabulary.abbreviations if vocabulary else ():
            if abbr.exact_case:
                self._exact[abbr.short] = abbr.means
            else:
                self._folded[abbreviation_key(abbr.short)] = abbr.means
        for concept in vocabulary.concepts if vocabulary else ():
            phrases = [self._stems(p) for p in concept.terms + concept.said_as]
            self._concepts.append(([p for p in phrases if p], concept.terms))

    def rewrite(self, question: str) -> RewrittenQuery:
        corrected, corrections = self._corrected(question)
        spelled_out = [
            tuple(means)
            for token in TOKEN.findall(corrected)
            if (means := self._abbreviation(re.sub(r"['’]s$", "", token)))
        ]
        stems = self._stems(" ".join([corrected, *(group[0] for group in spelled_out)]))
        concepts = [tuple(terms) for phrases, terms in self._concepts if any(p <= stems for p in phrases)]
        return RewrittenQuery(
            question, corrected, tuple(dict.fromkeys(spelled_out)), tuple(concepts), tuple(corrections)
        )

    def _abbreviation(self, token: str) -> list[str]:
        if token in self._exact:
            return self._exact[token]
        found = self._folded.get(abbreviation_key(token))
        if found is not None:
            return found
        parts = re.split(r"[/\-+]", token)
        if len(parts) > 1:  # "SI/HI", "BA-style"
            return [m for part in parts if part for m in self._abbreviation(part)]
        return []

    def _corrected(self, question: str) -> tuple[str, list[tuple[str, str]]]:
        if self.speller is None:
            return question, []
        corrections = []

        def fix(match: re.Match) -> str:
            word = match.group(0)
            if not word.isascii():  # a word of another language is no English typo
                return word
            better = self.speller.correct(word.lower())
            if better is None:
                return word
            corrections.append((word.lower(), better))
            return better

        return WORD.sub(fix, question), corrections

    def _stems(self, text: str) -> frozenset[str]:
        words = WORD.findall(text.lower().replace("’", "'").replace("'", ""))
        return frozenset(self._stem(w) for w in words if w not in STOPWORDS)


def corpus_counts(texts: Iterable[str]) -> Counter:
    """Word frequencies of the corpus, the words a typo may be corrected to."""
    counts: Counter = Counter()
    for text in texts:
        counts.update(w for w in WORD.findall(text.lower()) if len(w) >= 3)
    return counts


def vocabulary_words(vocabulary: Vocabulary | None) -> set[str]:
    """Every word the vocabulary file uses: never "corrected", they are meant."""
    if vocabulary is None:
        return set()
    phrases = [a.short for a in vocabulary.abbreviations]
    phrases += [m for a in vocabulary.abbreviations for m in a.means]
    phrases += [p for c in vocabulary.concepts for p in c.terms + c.said_as]
    return {w for p in phrases for w in WORD.findall(p.lower())}


def _edit_distance(a: str, b: str, limit: int) -> int:
    """Optimal string alignment distance, giving up (limit + 1) once it must exceed ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]
