"""Names found once are found everywhere: the parts of every person's name, and the
lexicon that tells a name part from an ordinary English word."""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import spacy

from assistant.models import Entity
from assistant.privacy.config import PrivacyConfig
from assistant.privacy.recognizers.name_list import first_names

PROPAGATED_SCORE = 0.6
_PART = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_RUN = re.compile(r"[\w'’-]+")
_SUFFIXES = ("'s", "’s", "s", "es", "ed", "ing", "ly", "er", "est")


# Languages whose stop words tell a sentence in another language from English.
_OTHER_LANGUAGES = ("es", "fr", "pt", "it", "de", "nl")


@dataclass(frozen=True)
class Lexicon:
    """Ordinary English words (spaCy's lemma table and stop words), words never PHI, and the
    stop words of other languages that English does not share."""

    words: frozenset[str]
    never: frozenset[str]
    english_stop: frozenset[str] = frozenset()
    other_stop: frozenset[str] = frozenset()

    @classmethod
    def from_analyzer(cls, analyzer, config: PrivacyConfig) -> Lexicon:
        nlp = analyzer.nlp_engine.get_nlp(config.language)
        lookups = nlp.get_pipe("lemmatizer").lookups
        index, irregular = lookups.get_table("lemma_index"), lookups.get_table("lemma_exc")
        words = {word for group in index.values() for word in group}
        words |= {form for table in irregular.values() for form in table}  # "came", "went"
        english_stop = frozenset(nlp.Defaults.stop_words)
        words |= english_stop
        other_stop = frozenset().union(*map(_stop_words, _OTHER_LANGUAGES)) - english_stop
        return cls(frozenset(words), config.allow_list | config.location_allow_list, english_stop, other_stop)

    def other_language(self, text: str) -> bool:
        """True when the text reads as another language: more of its words are stop words of
        Spanish, French, Portuguese, Italian, German or Dutch than of English."""
        words = [w.casefold() for w in _PART.findall(text)]
        other = sum(w in self.other_stop for w in words)
        return other >= 2 and other > sum(w in self.english_stop for w in words)

    def is_word(self, token: str) -> bool:
        """True for an English word in any common inflection ("talked", "sessions")."""
        folded = token.casefold()
        if folded in self.words or folded in self.never:
            return True
        return any(
            folded.endswith(suffix) and folded[: -len(suffix)] in self.words
            for suffix in _SUFFIXES
            if len(folded) > len(suffix) + 2
        )


def _stop_words(language: str) -> frozenset[str]:
    """spaCy's stop words for ``language``, read from its file alone (importing the language
    package would also build its tokenizer exceptions: seconds for French)."""
    path = Path(spacy.__file__).parent / "lang" / language / "stop_words.py"
    spec = importlib.util.spec_from_file_location(f"_stop_words_{language}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return frozenset(module.STOP_WORDS)


@dataclass(frozen=True)
class NamePart:
    """A word of a found name; a part that is also an English word ("Hope", "Will") is only
    found again written exactly so and not at the start of a sentence."""

    text: str
    is_word: bool


def name_parts(names: Iterable[str], lexicon: Lexicon) -> list[NamePart]:
    """The words of the given names worth looking for elsewhere: two letters or more, and
    no stop word of another language that is no listed first name ("de" of "Fernández de la
    Torre"; "Sara" and "Ben" stay)."""
    parts: dict[str, NamePart] = {}
    for name in names:
        for match in _PART.finditer(name):
            word = match.group()
            folded = word.casefold()
            if len(word) < 2 or folded in lexicon.never or (
                folded in lexicon.other_stop and folded not in first_names()
            ):
                continue
            key = word.casefold()
            is_word = lexicon.is_word(word)
            if key not in parts or (is_word and not parts[key].is_word):
                parts[key] = NamePart(word, is_word)
    return sorted(parts.values(), key=lambda p: -len(p.text))


def spread_names(text: str, entities: list[Entity], parts: list[NamePart]) -> list[Entity]:
    """``entities`` plus a PERSON span for every uncovered occurrence of a name part."""
    if not parts:
        return entities
    covered = [(e.start, e.end) for e in entities]
    added = []
    for start, end in _occurrences(text, parts):
        if not any(s < end and start < e for s, e in covered):
            covered.append((start, end))
            added.append(Entity(type="PERSON", start=start, end=end, score=PROPAGATED_SCORE))
    return sorted(entities + added, key=lambda e: e.start) if added else entities


def _occurrences(text: str, parts: list[NamePart]):
    """(start, end) of each part written as a whole word: where a run of word characters,
    apostrophes and hyphens starts, up to the run's end or an apostrophe in it ("Varga's");
    the longest such reading of a run counts. Case-blind, but for a part that is also an
    English word, which counts written exactly so and not opening a sentence. One pass over
    the text instead of a pattern compiled per part."""
    by_fold = {part.text.casefold(): part for part in parts}
    for run in _RUN.finditer(text):
        word = run.group()
        cuts = [len(word)] + [i for i in range(len(word) - 1, 0, -1) if word[i] in "'’"]
        for cut in cuts:
            part = by_fold.get(word[:cut].casefold())
            if part is None or (part.is_word and (
                word[:cut] != part.text or _sentence_start(text, run.start())
            )):
                continue
            yield run.start(), run.start() + cut
            break


def _sentence_start(text: str, position: int) -> bool:
    before = text[:position].rstrip()
    return not before or before[-1] in ".!?:\n\"“"
