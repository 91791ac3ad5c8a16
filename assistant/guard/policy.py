"""The guard's one policy: what the detectors' signals mean in each mode.

Detectors (pattern packs, exemplar similarity, the intent model) only emit signals, each a
:class:`Finding` with a kind (``rule``), category, span, score, source and tense. This module
alone decides: :data:`POLICY` maps mode × kind to an effect and the message shown, and the
named rules below settle the interactions between signals.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from assistant.dose_amounts import find_dose_amounts
from assistant.guard import messages
from assistant.guard.text import Sentence
from assistant.models import Finding, GuardVerdict

Mode = Literal["input", "journal", "output"]
Effect = Literal["flag", "block", "redact"]


@dataclass(frozen=True)
class Action:
    """What a signal of one kind does in one mode, and what the therapist is told."""

    effect: Effect
    message: str


# Rows are in the order their messages are shown; a kind missing for a mode is ignored.
POLICY: dict[Mode, dict[str, Action]] = {
    "input": {
        "crisis": Action("flag", messages.CRISIS_RESOURCES),
        "dosing": Action("block", messages.DOSING_REDIRECT),
        "scope": Action("block", messages.SCOPE_REDIRECT),
    },
    "journal": {
        "crisis": Action("flag", messages.CRISIS_RESOURCES),
        "dosing": Action("flag", messages.DOSING_FOR_PRESCRIBER),
        "injection": Action("flag", messages.INJECTION_NOTE),
    },
    "output": {
        "dosing": Action("redact", messages.DOSE_REMOVED),
        "injection": Action("flag", messages.INJECTION_NOTE),
    },
}


def decide(
    text: str, sentences: list[Sentence], findings: list[Finding], mode: Mode
) -> GuardVerdict:
    """The verdict for one text from all of its signals."""
    if mode == "output":
        findings = deferral_is_not_a_dose_statement(findings, sentences)
    flags = sorted({f.rule for f in history_is_not_current(findings) if f.rule in POLICY[mode]})
    actions = [action for kind, action in POLICY[mode].items() if kind in flags]
    if mode == "output":
        return _redact(text, sentences, findings, flags, actions)
    blocking = [a for a in actions if a.effect == "block"][:1]  # one refusal, the first
    shown = [a for a in actions if a.effect != "block" or a in blocking]
    decision = "block" if blocking and not crisis_is_never_refused(flags) else "allow"
    return GuardVerdict(
        decision=decision,
        flags=flags,
        findings=findings,
        message="\n\n".join(a.message for a in shown),
    )


def history_is_not_current(findings: list[Finding]) -> list[Finding]:
    """Named rule: a signal dated to the distant past or resolved ("years ago I wanted to die;
    today I feel hope") is shown as history and never raises a flag."""
    return [f for f in findings if f.current]


def crisis_is_never_refused(flags: list[str]) -> bool:
    """Named rule: a crisis report is answered with safety material even when it also asks
    for a dosing decision; the refusal's message still leaves dosing to the prescriber."""
    return "crisis" in flags


def exemplars_alone_are_not_a_report(
    findings: list[Finding], crisis_probability: float | None, veto: float, mode: Mode
) -> list[Finding]:
    """Named rule: in a therapist's question, a crisis read only by likeness to crisis
    exemplars, which the intent model reading the whole question confidently contradicts
    (``crisis_probability`` below ``veto``), is no crisis report: "should she halve her
    trazodone that night?" resembles a report of stockpiled pills, and as a crisis it would
    have been answered instead of refused. A pattern's crisis signal always stands."""
    if mode != "input" or crisis_probability is None or crisis_probability >= veto:
        return findings
    crisis = [f for f in findings if f.rule == "crisis" and f.current]
    if not crisis or any(f.source != "exemplar" for f in crisis):
        return findings
    return [f for f in findings if not (f.rule == "crisis" and f.source == "exemplar")]


def measurement_is_not_dosing(findings: list[Finding]) -> list[Finding]:
    """Named rule: a question about how often to give a questionnaire (a ``measurement``
    signal) is not a dosing request, whatever the intent model reads in its wording: the
    model's dosing signal is dropped. Dosing patterns in its other sentences still count."""
    if not any(f.rule == "measurement" for f in findings):
        return findings
    return [f for f in findings if not (f.rule == "dosing" and f.source == "model")]


def mention_is_not_request(
    findings: list[Finding], dosing_probability: float | None, veto: float, mode: Mode
) -> list[Finding]:
    """Named rule: when the intent model, reading a whole question, confidently calls it no
    dosing request (``dosing_probability`` below ``veto``), the patterns' dosing signals are
    dropped: a dose mentioned as context ("she took her usual lozenge and felt nothing; how
    do I help her make meaning of it?") is not a request. The ask workflow masks any amount
    before the question goes further."""
    if mode != "input" or dosing_probability is None or dosing_probability >= veto:
        return findings
    return [f for f in findings if f.rule != "dosing"]


# Generated or vetted text that hands dosing to the prescriber states no dose:
# "Dose, route, titration and boosters are decided by the prescriber."
DEFERS_TO_PRESCRIBER = re.compile(
    r"\b(?:decided|decisions?|belongs?|responsibilit\w*|questions?)\b[^.?!]{0,60}"
    r"\b(?:prescrib\w*|medical team)\b|\b(?:prescrib\w*|medical team)(?:'s)?\b[^.?!]{0,40}"
    r"\b(?:decid\w*|decisions?|domain|responsibilit\w*)\b|\b(?:consult|ask|check with|refer\w* to|"
    r"talk (?:to|with)|bring (?:\w+ )?to)\b[^.?!]{0,30}\b(?:prescrib\w*|medical team)\b",
    re.IGNORECASE,
)


def deferral_is_not_a_dose_statement(
    findings: list[Finding], sentences: list[Sentence]
) -> list[Finding]:
    """Named rule (output): a dosing signal inside a sentence that hands dosing to the
    prescriber and names no amount is not removed."""
    return [f for f in findings if not _defers(f, sentences)]


def _defers(finding: Finding, sentences: list[Sentence]) -> bool:
    if finding.rule != "dosing":
        return False
    sentence = next((s for s in sentences if s.start <= finding.start < s.end), None)
    return bool(
        sentence
        and not find_dose_amounts(sentence.text)
        and DEFERS_TO_PRESCRIBER.search(sentence.text)
    )


def _redact(
    text: str,
    sentences: list[Sentence],
    findings: list[Finding],
    flags: list[str],
    actions: list[Action],
) -> GuardVerdict:
    """Replace each sentence holding a signal whose effect is redact with its one note."""
    redacting = {k: a for k, a in POLICY["output"].items() if a.effect == "redact"}
    parts, cursor = [], 0
    for sentence in sentences:
        kinds = {f.rule for f in findings if sentence.start <= f.start < sentence.end}
        note = next((a.message for k, a in redacting.items() if k in kinds), None)
        if note is None:
            continue
        gap = text[cursor : sentence.start]
        if not (parts and parts[-1] == note and not gap.strip()):  # one note for a run
            parts += [gap, note]
        cursor = sentence.end
    parts.append(text[cursor:])
    message = "\n\n".join(a.message for a in actions if a.effect == "flag")
    return GuardVerdict(
        decision="allow", flags=flags, findings=findings, message=message, text="".join(parts)
    )
