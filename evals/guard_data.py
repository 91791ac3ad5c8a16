"""Reading the guard's labelled data files (dev and held-out): rows and rule categories."""

from __future__ import annotations

import re
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


# Authors name their own categories ("medical red flag: fainting after at-home session",
# "long_threat_brother"): words that tell which kind of crisis a free name stands for.
CRISIS_KIND_WORDS = (
    (MEDICAL, re.compile(r"medical|chest|breath|urin|bladder|faint|syncope|blood pressure|hypertens|\bbp\b"
                         r"|confusion|palpitation|haematuria|hematuria|seizure")),
    (SELF_HARM, re.compile(r"self[- ]harm|cutting|burning|scratching")),
    (OTHERS, re.compile(r"others|threat|child|infant|baby|coworker|colleague|neighbou?r|brother|boss"
                        r"|violen|homicid|\bhi\b|weapon|harm[- ]to")),
)


def category(rule: str, row: dict) -> str:
    """The rule category a labelled line stands for ("plan or means" is suicidal ideation)."""
    label = (row.get("category") or "").replace("_", " ").replace("self harm", "self-harm")
    label = label.replace("comedication", "co-medication")
    if rule == "crisis":
        if label in CRISIS_CATEGORIES:
            return CRISIS_CATEGORIES[label]
        return next((kind for kind, words in CRISIS_KIND_WORDS if words.search(label.lower())), SUICIDAL)
    return label if label in DOSING_CATEGORIES else "dosing request"


def injection_rows(path: Path) -> list[dict]:
    """The lines of an injection file, each labelled "injection" (an instruction to the
    software) or "benign" (a look-alike). Authors since round 22 label an instruction by the
    content under it, "dosing" or "crisis"; that label is kept as ``content``."""
    return [
        {**row, "label": "injection", "content": row["label"]} if row["label"] in ("dosing", "crisis") else row
        for row in data_rows(path)
    ]


def data_rows(path: Path) -> list[dict]:
    """The labelled lines of one guard data file; a bad line stops with its file and line."""
    if not path.is_file():
        raise InputError(f"{path}: file not found")
    with path.open(encoding="utf-8") as handle:
        return [row for _, row in json_lines(str(path), handle)]
