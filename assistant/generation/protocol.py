"""The contract every answer generator (grounded or LLM) fulfils."""

from typing import Protocol

from assistant.models import Answer, Passage


class Answerer(Protocol):
    def answer(self, question: str, passages: list[Passage]) -> Answer: ...
