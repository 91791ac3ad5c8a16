"""Turn Presidio findings into the spans we scrub: typed, whole tokens, allow-listed, merged.

Span hygiene, by rule: a span never cuts a word (it grows to whole tokens); a guessed name
or place ends at a line break, and a guessed name holds no digit; overlapping
spans merge; person names next to each other, or joined by an initial or a particle,
become one name; a word after a name that is neither English nor allow-listed is its
surname ("anneke vandermolen"), and initials, particles and a listed given name just
before a name start it ("N. Mahlangu", "S. van Wyk", "Inês Carvalho Mota"); a "name"
ending in a word such as "Questionnaire" or "Institute" names a thing, not a person; a
name guessed inside an organisation that a recognizer found ("Ketamine Therapy" in "North
Star Ketamine Therapy") gives way to it.
"""

from __future__ import annotations

import assistant.privacy.presidio_loader  # noqa: F401  (before Presidio: see its docstring)
import re
import unicodedata

from presidio_analyzer import RecognizerResult

from assistant.models import Entity
from assistant.privacy.config import PrivacyConfig
from assistant.privacy.countries import country_names
from assistant.privacy.entities import PRIORITY
from assistant.privacy.recognizers.name_list import SURNAME_PARTICLES, first_names
from assistant.privacy.recognizers.vocative import NOT_NAMES
from assistant.privacy.names import Lexicon

_EDGE = " \t\r\n.,;:!?\"'()[]{}“”‘’"  # trimmed from span edges, never part of an identifier
_WORD = re.compile(r"[\w'’-]+|[^\w\s]")
_INNER = "'’-"  # joins word characters inside one token ("O'Brien", "Quintero-Vega")
# What may stand between two parts of one person's name.
_NAME_GAP = re.compile(rf"(?:\s+|\s*-\s*)(?:(?:[A-Z]\.?|{'|'.join(sorted(SURNAME_PARTICLES))})\s+)*")
_LETTERS = re.compile(r"[^\W\d_]+")
_TOKEN = re.compile(r"\w+(?:['’-]\w+)*")
_GUESSERS = frozenset({"SpacyRecognizer", "NameListRecognizer"})
_LEARNED = frozenset({"PhiTaggerRecognizer"})
GERMAN_ARTICLES = frozenset(
    "der die das den dem des ein eine einen einem einer eines mein meine meinen meinem meiner "
    "dein deine seine seinen seinem seiner ihre ihren ihrem ihrer unser unsere unserem unseren".split()
)
_DERIVED_NOUN = re.compile(r"(?:ung|ungen|heit|heiten|keit|keiten|schaft|schaften|tät|täten|ismus)$")
_WORD_OF_LETTERS = r"[^\W\d_]+(?:['’-][^\W\d_]+)*"
_COUNTRY_WORD = re.compile(_WORD_OF_LETTERS)
_NEXT_TOKEN = re.compile(rf"[ \t]+({_WORD_OF_LETTERS})")
_PREVIOUS_WORD = re.compile(rf"(?<![\w.])({_WORD_OF_LETTERS}\.?)[ \t]+$")
_LOOK_BACK = 40  # characters before a span searched for the word before it


def resolve(
    results: list[RecognizerResult], text: str, config: PrivacyConfig, lexicon: Lexicon | None = None
) -> list[Entity]:
    """Keep findings above their type's threshold, drop allow-listed ones, grow them to whole
    tokens, merge overlaps and join the parts of names."""
    foreign = lexicon is not None and lexicon.other_language(text)
    stop = lexicon.other_stop if foreign else frozenset()
    kept, learned, guessed_names, organisations = [], [], [], []
    for result in results:
        kind = config.placeholder_types.get(result.entity_type, result.entity_type)
        if result.score < config.threshold(kind):
            continue
        start, end = _trim(text, *_grow(text, result.start, result.end))
        if _guessed(result):
            start, end = _first_line(text, start, end)
            if kind == "PERSON" and any(ch.isdigit() for ch in text[start:end]):
                continue
        start = _after_opening_words(result, kind, text, start, end, config.opening_words, stop)
        if foreign:
            end = _before_closing_words(result, kind, text, start, end, stop)
        if start >= end or _allowed(text[start:end], config.allow_list, numbers=_guessed(result)):
            continue
        if kind == "LOCATION" and (
            _allowed(text[start:end], config.location_allow_list)
            or _in_a_country_name(text, start, end)
        ):
            continue
        if _lower_case_guess(result, kind, text, start, end, lexicon, foreign):
            continue
        if foreign and _guessed(result) and kind in ("PERSON", "LOCATION") and (
            _derived_noun(text, start, end) or _after_an_article(text, start, end)
        ):
            continue
        if _recognizer(result) == "SpacyRecognizer" and _form_label(kind, text, start, end):
            continue
        if kind == "PERSON" and text[start:end].casefold() in NOT_NAMES:
            continue  # "Hola doctora", "Hi team": a role or a group addressed, whoever read it
        entity = Entity(type=kind, start=start, end=end, score=round(result.score, 4))
        if _recognizer(result) in _LEARNED:
            learned.append(entity)
        elif kind == "PERSON" and _guessed(result):
            guessed_names.append(entity)
        else:
            kept.append(entity)
            if kind == "ORGANIZATION" and not _guessed(result):
                organisations.append(entity)
    kept += _outside(text, guessed_names, organisations)
    merged = _merge(kept + _outside(text, learned, kept))
    if lexicon is not None:
        merged = _merge(_with_given_names(text, _with_surnames(text, merged, lexicon), lexicon))
    return [
        _as_institution(text, e, config.institutions)
        for e in _join_names(text, merged)
        if not _names_a_thing(text, e, config.named_things)
    ]


def _grow(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a span that starts or ends inside a word to the whole word."""
    while start > 0 and (text[start - 1].isalnum() or (
        text[start - 1] in _INNER and start > 1 and text[start - 2].isalnum() and text[start].isalnum()
    )):
        start -= 1
    while end < len(text) and (text[end].isalnum() or (
        text[end] in _INNER and end + 1 < len(text) and text[end + 1].isalnum()
        and text[end - 1].isalnum() and not _possessive(text, end)
    )):
        end += 1
    return start, end


def _possessive(text: str, position: int) -> bool:
    return text[position : position + 2] in ("'s", "’s") and not text[position + 2 : position + 3].isalnum()


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop edge punctuation and a possessive 's, but keep a phone's "(503)" brackets whole."""
    if text[end - 2 : end] in ("'s", "’s"):
        end -= 2
    while start < end and text[start] in _EDGE and not _balanced(text, start, end, "()"):
        start += 1
    while end > start and text[end - 1] in _EDGE and not _balanced(text, start, end, ")("):
        end -= 1
    return start, end


def _balanced(text: str, start: int, end: int, pair: str) -> bool:
    """True when the bracket at the edge has its partner inside the span."""
    edge, partner = pair
    inside = text[start:end]
    char = text[start] if edge == "(" else text[end - 1]
    return char == edge and partner in inside


def _allowed(span: str, allow_list: frozenset[str], numbers: bool = False) -> bool:
    """Whether the span is made of allow-listed words only (and of numbers, for a guess:
    "PCL-5,31,-6" in a table of scores names nothing)."""
    folded = span.casefold()
    if folded in allow_list:
        return True
    words = [w for w in _WORD.findall(folded) if w.isalnum() or len(w) > 1]
    if numbers:
        words = [w for w in words if any(ch.isalpha() for ch in w)]
    return bool(words) and all(word in allow_list for word in words)


def _first_line(text: str, start: int, end: int) -> tuple[int, int]:
    """A guessed name or place ends at a line break (a line of a table, of a form)."""
    newline = text.find("\n", start, end)
    return (start, end) if newline < 0 else _trim(text, start, newline)


def _recognizer(result: RecognizerResult) -> str | None:
    return (result.recognition_metadata or {}).get(RecognizerResult.RECOGNIZER_NAME_KEY)


def _guessed(result: RecognizerResult) -> bool:
    """Found by a recognizer that guesses from the words around (spaCy, the name list)."""
    return _recognizer(result) in _GUESSERS


def _outside(text: str, guesses: list[Entity], found: list[Entity]) -> list[Entity]:
    """The parts of the learned tagger's spans (or spaCy's name guesses) that ``found`` does
    not cover. Where both found something, the other recognizer's span and type stand (a
    national ID is not the tagger's "phone", "MANCHESTER" stays a place inside the tagger's
    address, "Ketamine Therapy" is no person inside "North Star Ketamine Therapy"); the
    guess only adds what the others left out. A part that only a space parts from a found
    span of its own type joins that span ("από" before "8 Δεκεμβρίου 2020"), as the tagger
    read them as one, rather than standing alone as a word with nothing to hide."""
    taken: list[str | None] = [None] * len(text)
    for entity in found:
        taken[entity.start : entity.end] = [entity.type] * (entity.end - entity.start)
    parts = []
    for entity in guesses:
        start = entity.start
        while start < entity.end:
            while start < entity.end and taken[start]:
                start += 1
            end = start
            while end < entity.end and not taken[end]:
                end += 1
            start_, end_ = _trim(text, start, end)
            if any(ch.isalnum() for ch in text[start_:end_]):
                start_, end_ = _joined(text, taken, entity.type, start_, end_)
                parts.append(entity.model_copy(update={"start": start_, "end": end_}))
            start = end
    return parts


def _joined(text: str, taken: list[str | None], kind: str, start: int, end: int) -> tuple[int, int]:
    """The part grown across spaces into a neighbouring found span of type ``kind``, so that
    merging makes them one."""
    after = end
    while after < len(text) and text[after] in " \t":
        after += 1
    if after < len(text) and taken[after] == kind:
        end = after + 1
    before = start
    while before > 0 and text[before - 1] in " \t":
        before -= 1
    if before > 0 and taken[before - 1] == kind:
        start = before - 1
    return start, end


def _after_opening_words(
    result: RecognizerResult, kind: str, text: str, start: int, end: int,
    opening: frozenset[str], stop: frozenset[str],
) -> int:
    """Where a guessed or learned name or place opens with sentence-opening words of another
    language ("¿Qué dosis…", "Para Spravato…"), or with stop words of the language the text
    is in (``stop``) before a lower-case word ("Depuis la séance…", "Ella tiene…"), it starts
    after them. A capitalised article before a capitalised word belongs to the name ("El
    Poblado")."""
    if kind not in ("PERSON", "LOCATION", "ORGANIZATION") or not (
        _guessed(result) or _recognizer(result) in _LEARNED
    ):
        return start
    words = list(_LETTERS.finditer(text, start, end))
    for index, word in enumerate(words):
        folded = word.group().casefold()
        following = words[index + 1].group() if index + 1 < len(words) else ""
        initial = len(folded) == 1 and text[word.end() : word.end() + 1] == "."
        if folded in opening or (folded in stop and not initial and not following[:1].isupper()):
            continue
        return word.start()
    return end


def _before_closing_words(
    result: RecognizerResult, kind: str, text: str, start: int, end: int, stop: frozenset[str]
) -> int:
    """A guessed name or place in text of another language ends before the lower-case stop
    words of that language it ran on into ("Lucía Fernández sobre", "Camille et moi"), but
    not before a surname particle ("Kees van" goes on as "van den Broek")."""
    if kind not in ("PERSON", "LOCATION", "ORGANIZATION") or not _guessed(result):
        return end
    tokens = list(_TOKEN.finditer(text, start, end))
    trimmed = len(tokens)
    while trimmed and tokens[trimmed - 1].group() in stop - SURNAME_PARTICLES:
        trimmed -= 1
    if trimmed == len(tokens):
        return end
    return tokens[trimmed - 1].end() if trimmed else start


def _in_a_country_name(text: str, start: int, end: int) -> bool:
    """Whether the span is a country's name or a part of one written around it ("d'Ivoire"
    of "Côte d'Ivoire", "Salvador" of "El Salvador"): Safe Harbor keeps countries readable."""
    names = country_names()
    before = [m.start() for m in _COUNTRY_WORD.finditer(text, max(0, start - 40), start)][-3:]
    after = [m.end() for m in _COUNTRY_WORD.finditer(text, end, end + 40)][:3]
    return any(
        text[first:last].casefold() in names
        for first in [*before, start]
        for last in [end, *after]
    )


def _lower_case_guess(
    result: RecognizerResult, kind: str, text: str, start: int, end: int, lexicon: Lexicon | None,
    foreign: bool,
) -> bool:
    """A name or place that only a guessing recognizer saw, written in lower case, and not a
    listed first name, where the text gives the guess no ground: its writer capitalises (the
    text opens with a capital) or it reads as another language (``foreign``), where a stop
    word of that language is no first name ("la", "ella"). spaCy's English model and the
    unknown-subject rule read most words of a Spanish or French sentence that way ("antes de
    la sesión de ketamina", "que hacemos")."""
    if kind not in ("PERSON", "LOCATION") or not _guessed(result):
        return False
    words = _LETTERS.findall(text[start:end])
    if any(word[0].isupper() for word in words):
        return False
    named = [
        w for w in words
        if w.casefold() in first_names() and not (foreign and w.casefold() in lexicon.other_stop)
    ]
    if next((ch for ch in text if ch.isalpha()), "").isupper():
        return not (len(words) == 1 and named)
    return foreign and not named


def _derived_noun(text: str, start: int, end: int) -> bool:
    """Whether a guess in text of another language opens or ends with a German noun made from
    another word ("Forschung", "Angststörungen", "Achtsamkeit", "Gemeinschaft"): German
    capitalises every noun, and spaCy's English model reads them as names and places."""
    words = _LETTERS.findall(text[start:end])
    return any(
        word[0].isupper() and len(word) >= 7 and _DERIVED_NOUN.search(word)
        for word in (words[:1] + words[-1:])
    )


def _after_an_article(text: str, start: int, end: int) -> bool:
    """Whether a name or place guessed in text of another language follows (or opens with) a
    German article or possessive, and is one noun that is no listed first name ("die
    Therapeutin", "Mein Klient", "das Gefühl", "seine Ehe"; not "seiner Tochter Lea"): German
    capitalises every noun, and names rarely take an article."""
    words = _LETTERS.findall(text[start:end])
    before = _word_before(text, start)
    if words and words[0].casefold() in GERMAN_ARTICLES:
        words = words[1:]
    elif before is None or before[1].casefold() not in GERMAN_ARTICLES:
        return False
    return len(words) == 1 and words[0][0].isupper() and words[0].casefold() not in first_names()


def _form_label(kind: str, text: str, start: int, end: int) -> bool:
    """Whether spaCy's guess is one unlisted word that a colon follows: the label of a form
    field in some language ("Courriel:", "Betreff:", "Datum:"), not a name or a place."""
    word = text[start:end]
    return (
        kind in ("PERSON", "LOCATION")
        and _TOKEN.fullmatch(word) is not None
        and text[end:].lstrip(" \t").startswith(":")
        and word.casefold() not in first_names()
    )


def _merge(entities: list[Entity]) -> list[Entity]:
    """Overlapping spans become their union, named by the most specific type among them."""
    merged: list[Entity] = []
    for entity in sorted(entities, key=lambda e: (e.start, -e.end)):
        if merged and entity.start < merged[-1].end:
            last = merged[-1]
            best = max(last, entity, key=lambda e: (PRIORITY.get(e.type, 0), e.score))
            merged[-1] = Entity(
                type=best.type,
                start=last.start,
                end=max(last.end, entity.end),
                score=best.score,
            )
        else:
            merged.append(entity)
    return merged


def _with_surnames(text: str, entities: list[Entity], lexicon: Lexicon) -> list[Entity]:
    """Each PERSON span extended over the unknown words that follow it on its line (a
    surname the NER left out), one word at a time, at most two; a lower-case stop word of another
    language is not unknown ("Lucía Fernández sobre la sesión")."""
    out = []
    for entity in entities:
        if entity.type == "PERSON":
            end = entity.end
            for _ in range(2):
                match = _NEXT_TOKEN.match(text, end)
                word = match.group(1) if match else ""
                foreign_word = word.islower() and word in lexicon.other_stop - SURNAME_PARTICLES
                if len(word) < 2 or lexicon.is_word(word) or foreign_word:
                    break
                end = match.end()
            entity = entity.model_copy(update={"end": end})
        out.append(entity)
    return out


def _with_given_names(text: str, entities: list[Entity], lexicon: Lexicon) -> list[Entity]:
    """Each PERSON span extended back, on its line, over what starts the name and the NER
    left out: initials ("N."), surname particles ("van") and a given name of the shipped
    list that is no English word ("Inês"), at most three words."""
    out = []
    for entity in entities:
        if entity.type == "PERSON":
            start = entity.start
            for _ in range(3):
                before = _word_before(text, start)
                if before is None or not _starts_a_name(before[1], lexicon):
                    break
                start = before.start(1)
            entity = entity.model_copy(update={"start": start})
        out.append(entity)
    return out


def _word_before(text: str, start: int) -> re.Match | None:
    """The word (group 1, with a dot after it, if any) just before ``start`` on its line."""
    return _PREVIOUS_WORD.search(text, max(0, start - _LOOK_BACK), start)


def _starts_a_name(word: str, lexicon: Lexicon) -> bool:
    if word in SURNAME_PARTICLES:
        return True
    if not word[0].isupper():
        return False
    if word.endswith("."):
        return len(word) == 2  # an initial, not a title ("Dhr.", "Mrs.")
    bare = "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))
    return bare.casefold() in first_names() and not lexicon.is_word(word)


def _names_a_thing(text: str, entity: Entity, heads: frozenset[str]) -> bool:
    """A PERSON span whose last word is one of ``heads``."""
    if entity.type != "PERSON":
        return False
    words = _LETTERS.findall(text[entity.start : entity.end])
    return bool(words) and words[-1].casefold() in heads


def _as_institution(text: str, entity: Entity, heads: frozenset[str]) -> Entity:
    """A PERSON span whose last word is an institution's head noun names an organisation."""
    if _names_a_thing(text, entity, heads):
        return entity.model_copy(update={"type": "ORGANIZATION"})
    return entity


def _join_names(text: str, entities: list[Entity]) -> list[Entity]:
    """PERSON spans separated only by spaces, initials or name particles become one; a name
    that ends in a particle goes on over the place the NER saw next ("Kees van" + "Broek")."""
    joined: list[Entity] = []
    for entity in entities:
        last = joined[-1] if joined else None
        if last is not None and _NAME_GAP.fullmatch(text[last.end : entity.start]) and (
            last.type == entity.type == "PERSON"
            or (last.type == "PERSON" and _ends_in_particle(text, last) and entity.type == "LOCATION")
        ):
            joined[-1] = last.model_copy(update={"end": entity.end, "score": max(last.score, entity.score)})
        else:
            joined.append(entity)
    return joined


def _ends_in_particle(text: str, entity: Entity) -> bool:
    words = _LETTERS.findall(text[entity.start : entity.end])
    return len(words) > 1 and words[-1].casefold() in SURNAME_PARTICLES
