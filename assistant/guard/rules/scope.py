"""Scope rule: requests to diagnose a client or to make prescribing decisions."""

from __future__ import annotations

import numpy as np

from assistant.guard.rules.base import Pattern, match_patterns, pattern
from assistant.guard.text import Sentence
from assistant.models import Finding

NAME = "scope"

CLIENT = r"(?:she|he|they|my client|this client|the client|my patient|her|him|them)"
DISORDER = (
    r"(?:disorder|bipolar|ptsd|depression|adhd|autism|autistic|schizo\w*|psychosis|psychotic|"
    r"borderline|bpd|ocd|narcissis\w*|personality)"
)

PATTERNS: tuple[Pattern, ...] = (
    pattern(
        "diagnose",
        "diagnosis",
        rf"\b(?:diagnose {CLIENT}|diagnose my|(?:give|make|confirm) (?:a|the|her|his|their) "
        rf"diagnos\w*|what(?: is|'s) (?:her|his|their) diagnosis|which disorder|"
        rf"what disorder does)\b",
    ),
    pattern(
        "has-disorder",
        "diagnosis",
        rf"\b(?:does|do|is|could) {CLIENT} (?:have|has|meet (?:the )?criteria for|be)\b"
        rf"[^.?!]{{0,40}}\b{DISORDER}",
    ),
    pattern(
        "prescribe",
        "prescribing",
        rf"\b(?:(?:can|could|would|will) you prescribe|should i prescribe|write (?:(?:her|him|them) )?"
        rf"(?:a |an |the |her |his |their )?(?:new )?(?:prescription|script(?!s? for (?:a|an|the|my|our|this) "
        rf"(?:[\w-]+ ){{0,3}}(?:call|conversation|session|role[- ]?play|meeting|check[- ]?in|video|talk|"
        rf"voicemail|welcome|group|visit)))|(?:should|can) {CLIENT} (?:start|begin|be put on|switch to) "
        rf"(?:an? )?(?:antidepressant|antipsychotic|ssri|medication|meds|lithium|ketamine|"
        rf"spravato|\w+(?:pine|zepam|xetine|oline|pram|afaxine|azine)))\b",
    ),
    pattern(
        "eligibility",
        "prescribing",
        rf"\bis {CLIENT} (?:a )?(?:good |suitable |right )?(?:candidate|eligible) for "
        r"(?:ketamine|kap|spravato|esketamine|treatment)\b",
    ),
)


class ScopeRule:
    """Finds diagnosis and prescribing requests, which the assistant redirects."""

    name = NAME

    def analyze(
        self, sentence: Sentence, vector: np.ndarray | None, context: str | None = None
    ) -> list[Finding]:
        return match_patterns(NAME, PATTERNS, sentence, [])
