"""Calibrate the semantic thresholds on the dev sets and record them in calibration.yaml.

Run ``python -m assistant.guard.calibrate``. For each semantic rule it tries a grid of
similarity thresholds and benign margins, keeps those whose false rate on the dev
negatives stays under the target, and picks the one with the best dev recall. The
semantic layer is calibrated on its own (not together with the patterns, which were
written against the same dev sets and would hide its errors); the combined dev figures
are recorded beside it. Held-out sets are never read here.
"""

from __future__ import annotations

import argparse
import json
import logging
import math
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import numpy as np
import yaml

from assistant.embeddings import Embedder, SentenceTransformerEmbedder
from assistant.guard.guard import Mode, RuleGuard
from assistant.guard.rules.crisis import REPORTED_KEY, CrisisRule
from assistant.guard.rules.dosing import DosingRule
from assistant.guard.semantic import CALIBRATION_FILE, ExemplarSet, Nearest, read_exemplars
from assistant.guard.text import split_sentences

log = logging.getLogger(__name__)

DEV_DATA = Path(__file__).resolve().parents[2] / "evals" / "data" / "guard"
THRESHOLDS = [round(0.40 + 0.01 * i, 2) for i in range(56)]
MARGINS = [0.0, 0.02, 0.05, 0.08]


@dataclass(frozen=True)
class DevFile:
    """One dev file, the guard mode its texts are checked in, and the highest false rate
    the semantic layer may have on its negatives."""

    name: str
    mode: Mode
    max_false_rate: float


@dataclass(frozen=True)
class Task:
    """What one threshold is calibrated on: the rule's exemplars, dev files and the label
    that counts as positive. ``key`` names the entry in calibration.yaml."""

    key: str
    rule: str
    files: tuple[DevFile, ...]
    positive_label: str


TASKS = (
    Task(
        "dosing",
        "dosing",
        (
            DevFile("questions.dev.jsonl", "input", 0.01),
            DevFile("safe.dev.jsonl", "input", 0.005),
        ),
        "dosing",
    ),
    Task("crisis", "crisis", (DevFile("journal.dev.jsonl", "journal", 0.05),), "crisis"),
    # Therapists' questions: reports of a client's crisis are positives; benign questions
    # should not get crisis resources attached, so they bound the threshold from below.
    Task(
        REPORTED_KEY,
        "crisis",
        (
            DevFile("therapist.dev.jsonl", "input", 0.0),
            DevFile("journal.dev.jsonl", "input", 0.05),
            DevFile("questions.dev.jsonl", "input", 0.02),
        ),
        "crisis",
    ),
)


def calibrate(task: Task, embedder: Embedder, data_dir: Path = DEV_DATA) -> dict:
    """The chosen threshold and margin for one rule, with the data and figures behind them."""
    rows, modes, origin = [], [], []
    for index, item in enumerate(task.files):
        for line in (data_dir / item.name).open(encoding="utf-8"):
            if line.strip():
                rows.append(json.loads(line))
                modes.append(item.mode)
                origin.append(index)
    origin = np.array(origin)
    texts = [row["text"] for row in rows]
    labels = np.array([row["label"] == task.positive_label for row in rows])
    guard = RuleGuard(None)
    pattern_hit = np.array(
        [task.rule in guard.check(text, mode).flags for text, mode in zip(texts, modes, strict=True)]
    )
    nearest = _nearest_per_text(task.rule, texts, modes, embedder)

    best = None
    for threshold in THRESHOLDS:
        for margin in MARGINS:
            semantic = np.array(
                [any(n.similarity >= threshold and n.similarity - n.benign_similarity >= margin
                     for n in candidates) for candidates in nearest]
            )
            recall = float(semantic[labels].mean())
            false_rate = float(semantic[~labels].mean())
            feasible = all(
                _false_rate(semantic, labels, origin == index) <= item.max_false_rate
                for index, item in enumerate(task.files)
            )
            key = (feasible, recall if feasible else -false_rate, -false_rate, threshold)
            if best is None or key > best[0]:
                best = (key, threshold, margin, semantic)
    _, threshold, margin, semantic = best
    combined = pattern_hit | semantic
    log.info("calibrated %s: threshold %s margin %s", task.key, threshold, margin)
    return {
        "threshold": threshold,
        "margin": margin,
        "model": embedder.name,
        "data": {
            f"evals/data/guard/{item.name}": {
                "mode": item.mode,
                "max_false_rate": item.max_false_rate,
                "semantic_only_false_rate": round(
                    _false_rate(semantic, labels, origin == index), 4
                ),
            }
            for index, item in enumerate(task.files)
        },
        "positives": int(labels.sum()),
        "negatives": int((~labels).sum()),
        "semantic_only_recall": _rate(semantic[labels]),
        "semantic_only_false_rate": _rate(semantic[~labels]),
        "combined_recall": _rate(combined[labels]),
        "combined_false_rate": _rate(combined[~labels]),
        "patterns_only_recall": _rate(pattern_hit[labels]),
        "patterns_only_false_rate": _rate(pattern_hit[~labels]),
        "calibrated_on": date.today().isoformat(),
    }


def _false_rate(hits: np.ndarray, labels: np.ndarray, chosen: np.ndarray) -> float:
    negatives = hits[chosen & ~labels]
    return float(negatives.mean()) if len(negatives) else 0.0


def _rate(hits: np.ndarray) -> float:
    return round(float(hits.mean()), 4)


def _nearest_per_text(
    rule: str, texts: list[str], modes: list[Mode], embedder: Embedder
) -> list[list[Nearest]]:
    """Nearest exemplars for every sentence the rule lets semantics judge, per text.

    A sentence whose nearest category the rule would not keep (a "medical" match without a
    symptom word, say) is left out, as the guard leaves it out.
    """
    positives, benign = read_exemplars(rule)
    exemplars = ExemplarSet(rule, positives, benign, threshold=math.inf, margin=0.0)
    exemplars.embed(embedder)
    judges = {
        mode: DosingRule(None) if rule == "dosing" else CrisisRule(None, reported=mode == "input")
        for mode in set(modes)
    }
    sentences = [
        [s for s in split_sentences(text) if judges[mode].semantic_allowed(s)]
        for text, mode in zip(texts, modes, strict=True)
    ]
    flat = [s.text for group in sentences for s in group]
    found = exemplars.nearest(embedder.encode(flat)) if flat else []
    out, row = [], 0
    for group, mode in zip(sentences, modes, strict=True):
        nearest = found[row : row + len(group)]
        out.append(
            [n for s, n in zip(group, nearest, strict=True)
             if judges[mode].semantic_keeps(s, n.exemplar.category)]
        )
        row += len(group)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEV_DATA, help="folder with the dev sets")
    args = parser.parse_args()
    embedder = SentenceTransformerEmbedder()
    result = {task.key: calibrate(task, embedder, args.data) for task in TASKS}
    header = "# Written by `python -m assistant.guard.calibrate` from the dev sets only.\n"
    CALIBRATION_FILE.write_text(header + yaml.safe_dump(result, sort_keys=False), encoding="utf-8")
    print(yaml.safe_dump(result, sort_keys=False))


if __name__ == "__main__":
    main()
