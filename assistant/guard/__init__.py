"""Guardrails: refuse dosing decisions, surface crisis, treat journal text as data."""

from assistant.guard.guard import MODES, Guard, Mode, RuleGuard

__all__ = ["MODES", "Guard", "Mode", "RuleGuard"]
