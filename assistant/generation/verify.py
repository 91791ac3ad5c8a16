"""Checks every piece of model output must pass before a therapist sees it."""

from __future__ import annotations

import re

from assistant.dose_amounts import find_dose_amounts
from assistant.guard.guard import Guard
from assistant.privacy.scrubber import Scrubber
from assistant.privacy.vault import Vault

_PLACEHOLDER = re.compile(r"<[A-Z_]+_\d+>")


class OutputVerifier:
    """No dose statement, no identifier the model could not have been given."""

    def __init__(self, guard: Guard, scrubber: Scrubber):
        self.guard = guard
        self.scrubber = scrubber

    def problem(self, texts: list[str], context: str) -> str | None:
        """Why ``texts`` fail verification, or None. ``context`` is what the model was shown."""
        if not texts or not any(t.strip() for t in texts):
            return "the model returned nothing"
        for verdict, text in zip(self.guard.check_many(texts, mode="output"), texts, strict=True):
            if "dosing" in verdict.flags or find_dose_amounts(text):
                return "it contained a dosing statement"
        for text, result in zip(texts, self.scrubber.scrub_many(texts, Vault()), strict=True):
            for entity in result.entities:
                value = text[entity.start : entity.end]
                if _PLACEHOLDER.fullmatch(value.strip()) or value in context:
                    continue
                return f"it introduced an identifier ({entity.type}) that was not in its input"
        return None
