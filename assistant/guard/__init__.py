"""Guardrails: refuse dosing decisions, surface crisis, treat journal text as data."""

from assistant.config import Settings
from assistant.embeddings import Embedder
from assistant.guard.guard import MODES, Guard, Mode, RuleGuard
from assistant.guard.intent import IntentModel


def build_guard(settings: Settings, embedder: Embedder) -> RuleGuard:
    """The full guard: rules, exemplars and the intent model (the shipped one by default)."""
    return RuleGuard(embedder, IntentModel.load(settings.guard_model_dir), settings.cache_dir)


__all__ = ["MODES", "Guard", "Mode", "RuleGuard", "build_guard"]
