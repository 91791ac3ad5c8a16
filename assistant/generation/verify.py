"""Checks every piece of model output must pass before a therapist sees it."""

from __future__ import annotations

from pydantic import BaseModel

from assistant.dose_amounts import find_dose_amounts
from assistant.generation.markup import markup_problem
from assistant.generation.placeholders import foreign_placeholders
from assistant.guard.guard import Guard
from assistant.privacy.scrubber import Scrubber
from assistant.privacy.vault import PLACEHOLDER, Vault


class OutputVerifier:
    """No markup or outside address, no placeholder the model was not given, no dose
    statement, no identifier the model could not have been given."""

    def __init__(self, guard: Guard, scrubber: Scrubber):
        self.guard = guard
        self.scrubber = scrubber

    def problem(self, texts: list[str], context: str) -> str | None:
        """Why ``texts`` fail verification, or None. ``context`` is what the model was shown
        in this call (the user message, not the system prompt and its examples)."""
        if not texts or not any(t.strip() for t in texts):
            return "the model returned nothing"
        for text in texts:
            markup = markup_problem(text)
            if markup:
                return f"it contained {markup}"
            foreign = foreign_placeholders(text, context)
            if foreign:
                kinds = ", ".join(sorted({PLACEHOLDER.fullmatch(p).group(1) for p in foreign}))
                return f"it used a placeholder ({kinds}) that was not in its input"
        for verdict, text in zip(self.guard.check_many(texts, mode="output"), texts, strict=True):
            if "dosing" in verdict.flags or find_dose_amounts(text):
                return "it contained a dosing statement"
        for text, result in zip(texts, self.scrubber.scrub_many(texts, Vault()), strict=True):
            for entity in result.entities:
                value = text[entity.start : entity.end]
                if PLACEHOLDER.fullmatch(value.strip()) or value in context:
                    continue
                return f"it introduced an identifier ({entity.type}) that was not in its input"
        return None

    def reply_problem(self, reply: object, context: str) -> str | None:
        """``problem`` for every string anywhere in a model's reply or part of one (titles included)."""
        return self.problem([s for s in strings(reply) if s.strip()], context)


def strings(value: object) -> list[str]:
    """Every string inside a reply, however deeply nested, in order."""
    if isinstance(value, BaseModel):
        value = value.model_dump()
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in strings(v)]
    if isinstance(value, list | tuple):
        return [s for v in value for s in strings(v)]
    return []
