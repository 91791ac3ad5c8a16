"""A scripted chat backend: replies are queued by the test, requests are recorded."""

from __future__ import annotations

from pydantic import BaseModel

from assistant.generation.backends import LLMError, _parse


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
