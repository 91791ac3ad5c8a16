"""Given names from a list, in any case; names that are also words need context.

"jess", "PRIYA" and "Oluwaseun" are names wherever they stand. "Hope", "Will" and "May"
are also English words, so they count only when capitalised and the sentence treats them
as names (see ``_acts_as_name``). An unlisted unknown word that is the subject of a verb
("rolf came over") counts too. Surnames that follow join the span.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from presidio_analyzer import EntityRecognizer, RecognizerResult

from assistant.privacy.recognizers.base import finding

NAMES_FILE = Path(__file__).resolve().parents[1] / "data" / "first_names.txt"
SURNAME_PARTICLES = frozenset("de del della der den di da dos du la le van von al el bin ibn ben".split())


@cache
def first_names() -> frozenset[str]:
    """The shipped name list, case-folded."""
    lines = NAMES_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


class NameListRecognizer(EntityRecognizer):
    """Token-level name lookup over spaCy's tokens (no extra NLP pass)."""

    ENTITY = "PERSON"
    CONTEXT = ["with", "told", "texted", "called", "said", "asked", "friend", "met"]

    def __init__(self, supported_language: str = "en", names: frozenset[str] | None = None):
        self.names = names if names is not None else first_names()
        self._english_words: frozenset[str] | None = None
        super().__init__(
            supported_entities=[self.ENTITY],
            supported_language=supported_language,
            context=list(self.CONTEXT),
        )

    def load(self) -> None:
        """Nothing to load: the list is read on first use."""

    def analyze(self, text, entities, nlp_artifacts=None):
        """Find listed names among the tokens and extend them over the surnames that follow."""
        if nlp_artifacts is None:
            return []
        doc = nlp_artifacts.tokens
        words = self._words(nlp_artifacts)
        results, skip_to = [], 0
        for token in doc:
            if token.i < skip_to:
                continue
            if token.text.casefold() in self.names:
                score = self._score(token, words)
            else:
                score = self._unlisted_subject_score(token, words)
            if score is None:
                continue
            end = self._surname_end(token)
            skip_to = end.i + 1
            results.append(self._result(token.idx, end.idx + len(end.text), score))
        return results

    def _score(self, token, words: frozenset[str]) -> float | None:
        key = token.text.casefold()
        if len(key) < 2:
            return None
        if key not in words and not token.is_stop:
            return 0.7 if token.text[:1].isupper() else 0.6
        # A name that is also a word ("Hope", "Will", "May"): the sentence must say it is a name.
        if token.text[:1].isupper() and (token.pos_ == "PROPN" or _acts_as_name(token)):
            return 0.6
        if token.text.islower() and token.pos_ == "PROPN":
            return 0.5
        return None

    @staticmethod
    def _unlisted_subject_score(token, words: frozenset[str]) -> float | None:
        """An unknown word that is the subject of a past or present-tense verb ("rolf came over")."""
        subject = token.dep_ == "nsubj" or (
            token.dep_ == "compound" and token.head.dep_ == "nsubj" and token.head.pos_ == "PROPN"
        )
        if (
            subject
            and token.is_alpha
            and len(token.text) > 2
            and not token.is_stop
            and not token.text.isupper()
            and not _english_form(token.text.casefold(), words)
            and token.lemma_.casefold() not in words
            and token.pos_ in ("PROPN", "NOUN")
            and (token.head.tag_ in ("VBD", "VBZ") or token.head.head.tag_ in ("VBD", "VBZ"))
        ):
            return 0.5
        return None

    @staticmethod
    def _surname_end(token):
        end, doc = token, token.doc
        style = str.isupper if token.text.isupper() and len(token.text) > 1 else str.istitle
        i = token.i + 1
        while i < len(doc):
            word = doc[i]
            if word.text in ("-", "'", "’") and i + 1 < len(doc) and style(doc[i + 1].text):
                i += 1
                end = doc[i]
            elif style(word.text) and word.is_alpha and (word.pos_ == "PROPN" or style is str.isupper):
                end = word
            elif word.lower_ in SURNAME_PARTICLES and i + 1 < len(doc) and doc[i + 1].is_title:
                i += 1
                end = doc[i]
            else:
                break
            i += 1
        return end

    def _words(self, nlp_artifacts) -> frozenset[str]:
        if self._english_words is None:
            nlp = nlp_artifacts.nlp_engine.get_nlp(self.supported_language)
            index = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
            self._english_words = frozenset(word for group in index.values() for word in group)
        return self._english_words

    def _result(self, start: int, end: int, score: float) -> RecognizerResult:
        return finding(self, self.ENTITY, start, end, score, "Listed given name (with following surname)")


_MONTHS_AND_DAYS = frozenset(
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday".split()
)


def _english_form(word: str, words: frozenset[str]) -> bool:
    """Whether ``word`` or the singular it may be a plural of is an English word ("Systems")."""
    singulars = (word, word[:-1] if word.endswith("s") else "", word[:-2] if word.endswith("es") else "",
                 word[:-3] + "y" if word.endswith("ies") else "")
    return any(form in words for form in singulars if form)


def _acts_as_name(token) -> bool:
    """Context that makes a capitalised word-name a name: a hyphenated given name, an
    ALL-CAPS full name, a sentence-initial subject of a verb, or a capital mid-sentence."""
    doc = token.doc
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if after is not None and after.text == "-" and not token.whitespace_:
        return True
    if token.text.isupper():
        return after is not None and after.is_alpha and after.text.isupper() and len(after) > 1
    if token.is_sent_start:
        verb = next((t for t in doc[token.i + 1 : token.i + 3] if t.pos_ != "ADV"), None)
        return verb is not None and verb.tag_ in ("VBD", "VBZ") and verb.lemma_ not in ("be", "have", "do")
    before = doc[token.i - 1]
    return token.text.casefold() not in _MONTHS_AND_DAYS and (
        before.text[:1].islower() or before.is_sent_start
    )
