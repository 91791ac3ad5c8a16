"""Learned exemplars: the labelled dev lines, copied into ``exemplars/<rule>.learned.yaml``.

The hand-written exemplars show each kind of crisis once; the dev sets
hold hundreds of phrasings of them in many voices. Remembering those too lets the
similarity layer recognise paraphrases the patterns never saw. Only dev files are read
(held-out sets never); benign lines also lend each of their sentences; lines quoting a dose
amount are left out (a finding names its exemplar, and no finding may show a dose amount);
and ``calibrate`` scores every dev line with its whole writing batch masked out, so the
thresholds are not set on memorised answers. Run through ``python -m tools.guard_model.calibrate``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from assistant.dose_amounts import find_dose_amounts
from assistant.guard.semantic import EXEMPLAR_DIR, LEARNED_SUFFIX
from assistant.guard.text import split_sentences
from evals.guard_data import category, data_rows

@dataclass(frozen=True)
class Source:
    """A dev file whose lines become exemplars: those labelled ``positive`` are positives."""

    name: str
    positive: str


LEARN = {
    "crisis": (
        Source("journal.dev.jsonl", "crisis"),
        Source("therapist.dev.jsonl", "crisis"),
        Source("questions.dev.jsonl", "crisis"),  # benign therapist questions
    ),
}


def _with_sentences(text: str) -> list[str]:
    """A benign line and, when it has several, each of its sentences: the guard judges
    sentences, and every sentence of a benign line is benign (not so for positive lines)."""
    sentences = [s.text for s in split_sentences(text)]
    return [text] + [s for s in sentences if len(sentences) > 1 and len(s.split()) >= 3]


def learn(rule: str, data_dir: Path, directory: Path = EXEMPLAR_DIR) -> Path:
    """Write ``<rule>.learned.yaml`` from the dev sets; returns its path."""
    positive: dict[str, list[str]] = {}
    benign: dict[str, list[str]] = {}
    for source in LEARN[rule]:
        for row in data_rows(data_dir / source.name):
            if find_dose_amounts(row["text"]):
                continue
            if row["label"] == source.positive:
                positive.setdefault(category(rule, row), []).append(row["text"])
            elif row["label"] == "benign":
                benign.setdefault(source.name.split(".")[0], []).extend(_with_sentences(row["text"]))
    path = directory / f"{rule}{LEARNED_SUFFIX}"
    header = (
        "# Written by `python -m tools.guard_model.calibrate`: labelled lines of the dev sets\n"
        "# (never the held-out sets). Edit the dev sets, not this file.\n"
    )
    body = yaml.safe_dump(
        {"positive": positive, "benign": benign}, sort_keys=False, allow_unicode=True, width=100
    )
    path.write_text(header + body, encoding="utf-8")
    return path
