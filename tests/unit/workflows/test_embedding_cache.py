"""Embedding vectors of client text are remembered for one request only, never across sessions."""

from __future__ import annotations

import threading
from collections import Counter

import pytest

from assistant import factory
from assistant.embeddings import request_cache
from assistant.guard import RuleGuard
from assistant.privacy.vault import Vault

SENTENCE = "I walked by the river and felt <PERSON_1> was proud of me."


@pytest.fixture
def model_calls(embedder, monkeypatch):
    """Every text that reaches the model (not served from a cache), in order."""
    calls: list[str] = []
    encode = embedder._encode

    def counting(texts, on_progress):
        calls.extend(texts)
        return encode(texts, on_progress)

    monkeypatch.setattr(embedder, "_encode", counting)
    return calls


@pytest.fixture
def requested(embedder, monkeypatch):
    """Every text any caller asked the embedder for."""
    asked: list[str] = []
    encode = embedder.encode

    def counting(texts, on_progress=None):
        asked.extend(texts)
        return encode(texts, on_progress)

    monkeypatch.setattr(embedder, "encode", counting)
    return asked


@pytest.mark.parametrize(
    ("scoped", "model_sees"),
    [(True, 1), (False, 2)],  # inside one request: once; with no request cache: every time
)
def test_when_a_text_is_encoded_twice_then_only_a_request_cache_saves_the_second(
    embedder, model_calls, scoped, model_sees
):
    if scoped:
        with request_cache():
            first, second = embedder.encode([SENTENCE]), embedder.encode([SENTENCE])
    else:
        first, second = embedder.encode([SENTENCE]), embedder.encode([SENTENCE])
    assert model_calls.count(SENTENCE) == model_sees
    assert (first == second).all()


def test_when_a_request_ends_then_its_vectors_are_forgotten(embedder, model_calls):
    with request_cache():
        embedder.encode([SENTENCE])
        with request_cache():  # nested: the outer request's cache
            embedder.encode([SENTENCE])
    embedder.encode([SENTENCE])
    assert model_calls.count(SENTENCE) == 2


def test_when_two_sessions_run_at_once_then_neither_sees_the_others_vectors(embedder, model_calls):
    first_done = threading.Event()

    def session(wait: threading.Event | None) -> None:
        with request_cache():
            if wait is not None:
                wait.wait(timeout=30)
            embedder.encode([SENTENCE])
            first_done.set()

    one = threading.Thread(target=session, args=(None,))
    other = threading.Thread(target=session, args=(first_done,))
    one.start(), other.start()
    one.join(), other.join()
    assert model_calls.count(SENTENCE) == 2


@pytest.fixture
def summarizer(indexed_settings, embedder, monkeypatch):
    """The real workflow; the guard without its intent model (a separate network that never
    uses this embedder), so the test needs nothing trained. Exemplar vectors come from the
    machine's cache, as in the app: they are not journal text."""
    monkeypatch.setattr(factory, "build_guard",
                        lambda settings, embedder: RuleGuard(embedder, None, settings.cache_dir))
    return factory.build_assistant(indexed_settings, embedder)


def test_when_a_journal_is_summarized_then_its_sentences_are_embedded_once_and_then_dropped(
    summarizer, entries, embedder, model_calls, requested
):
    summarizer.summarize(entries, Vault())
    asked_twice = [text for text, n in Counter(requested).items() if n > 1]
    assert asked_twice, "the guard and the themes should share journal sentences"
    assert all(model_calls.count(text) == 1 for text in asked_twice)
    before = len(model_calls)
    embedder.encode([asked_twice[0]])
    assert len(model_calls) == before + 1  # nothing of the journal stayed in memory
