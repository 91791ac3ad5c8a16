"""Chat backends and a verifier for tests: scripted replies, and recordings of real ones."""

from __future__ import annotations

from pydantic import BaseModel

from assistant.generation.backends import LLMError, _parse
from assistant.generation.verify import OutputVerifier


class ScriptedChatBackend:
    """Implements ChatBackend; ``enqueue`` replies (JSON strings or exceptions)."""

    name = "scripted"

    def __init__(self) -> None:
        self.replies: list[str | Exception] = []
        self.history: list[tuple[str, str]] = []

    def enqueue(self, *replies: str | Exception) -> "ScriptedChatBackend":
        self.replies.extend(replies)
        return self

    def complete_json(self, system: str, user: str, schema: type[BaseModel]):
        self.history.append((system, user))
        if not self.replies:
            raise LLMError("no scripted reply left")
        reply = self.replies.pop(0)
        if isinstance(reply, Exception):
            raise reply
        return _parse(reply, schema)


class RecordingBackend:
    """Implements ChatBackend around a real backend; keeps every reply it parsed."""

    def __init__(self, inner) -> None:
        self.inner = inner
        self.name = inner.name
        self.replies: list[BaseModel] = []

    def complete_json(self, system: str, user: str, schema: type[BaseModel]):
        reply = self.inner.complete_json(system, user, schema)
        self.replies.append(reply)
        return reply


class RecordingVerifier(OutputVerifier):
    """The real verifier, remembering each batch of texts it judged and its verdict."""

    def __init__(self, guard, scrubber) -> None:
        super().__init__(guard, scrubber)
        self.calls: list[tuple[list[str], str | None]] = []

    def problem(self, texts: list[str], context: str) -> str | None:
        reason = super().problem(texts, context)
        self.calls.append((list(texts), reason))
        return reason
