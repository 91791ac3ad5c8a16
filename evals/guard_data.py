"""Reading the guard's labelled data files (dev and held-out): rows and rule categories."""

from __future__ import annotations

from pathlib import Path

from assistant.errors import InputError
from assistant.guard.rules.crisis import MEDICAL, OTHERS, SELF_HARM, SUICIDAL
from assistant.jsonl import json_lines

DATA = Path(__file__).parent / "data" / "guard"
DOSING_CATEGORIES = {
    "titration", "amount", "taper", "route", "frequency", "esketamine", "co-medication",
    "framing",
}
CRISIS_CATEGORIES = {
    SUICIDAL: SUICIDAL, "passive ideation": SUICIDAL, "plan or means": SUICIDAL,
    "slang": SUICIDAL, SELF_HARM: SELF_HARM, OTHERS: OTHERS, MEDICAL: MEDICAL,
}


def category(rule: str, row: dict) -> str:
    """The rule category a labelled line stands for ("plan or means" is suicidal ideation)."""
    label = (row.get("category") or "").replace("_", " ").replace("self harm", "self-harm")
    label = label.replace("comedication", "co-medication")
    if rule == "crisis":
        return CRISIS_CATEGORIES.get(label, SUICIDAL)
    return label if label in DOSING_CATEGORIES else "dosing request"


def data_rows(path: Path) -> list[dict]:
    """The labelled lines of one guard data file; a bad line stops with its file and line."""
    if not path.is_file():
        raise InputError(f"{path}: file not found")
    with path.open(encoding="utf-8") as handle:
        return [row for _, row in json_lines(str(path), handle)]
