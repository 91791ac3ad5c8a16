"""Calibrate the semantic thresholds on the dev sets and record them in calibration.yaml.

Run ``python -m tools.guard_model.calibrate`` (a maintainer step, like ``make models``). It first copies the labelled dev lines into
the learned exemplars (``tools/guard_model/learned.py``). Then, for each threshold entry, it
tries a grid of similarity thresholds and benign margins, keeps those whose false rate on
every dev file's negatives stays under that file's cap, and among those within
``RECALL_TOLERANCE`` of the best dev recall picks the strictest (dev false rates are
optimistic: the rules' exceptions were written against the dev lines). Each dev line is
judged with every learned exemplar of its own writing batch (its ``origin``) masked out, so
the thresholds are set as if the line came from a new author: masking only the line's own
copy let near-duplicates from the same batch vouch for it, and a new author's lines scored
far worse than that estimate. Lines without an origin mask only their own copy (and the
copies of their sentences). The semantic layer is
calibrated on its own (not together with the patterns, which were written against the same
dev sets and would hide its errors); the combined dev figures are recorded beside it. The
grid starts at 0.40: below that MiniLM similarities say little. Held-out sets are never
read here.
"""

from __future__ import annotations

import argparse
import logging
from dataclasses import dataclass
from functools import cache
from datetime import date
from pathlib import Path

import numpy as np
import yaml

from assistant.embeddings import Embedder, SentenceTransformerEmbedder
from assistant.guard.guard import Mode, RuleGuard
from assistant.guard.rules.crisis import REPORTED_KEY, CrisisRule
from tools.guard_model.learned import LEARN, data_rows, learn
from assistant.guard.semantic import (
    CALIBRATION_FILE,
    Nearest,
    nearest_of,
    exemplar_vectors,
    read_exemplars,
)
from assistant.guard.text import split_sentences
from evals.guard_data import DATA as DEV_DATA

log = logging.getLogger(__name__)

THRESHOLDS = [round(0.40 + 0.01 * i, 2) for i in range(56)]
MARGINS = [0.0, 0.02, 0.05, 0.08]
RECALL_TOLERANCE = 0.02


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
    Task("crisis", "crisis", (DevFile("journal.dev.jsonl", "journal", 0.03),), "crisis"),
    # Therapists' questions: reports of a client's crisis are positives; benign questions
    # should not get crisis resources attached, so they bound the threshold from below.
    Task(
        REPORTED_KEY,
        "crisis",
        (
            DevFile("therapist.dev.jsonl", "input", 0.0),
            DevFile("journal.dev.jsonl", "input", 0.05),
            DevFile("questions.dev.jsonl", "input", 0.01),
        ),
        "crisis",
    ),
)


def calibrate(task: Task, embedder: Embedder, data_dir: Path = DEV_DATA) -> dict:
    """The chosen threshold and margin for one rule, with the data and figures behind them."""
    rows, modes, origin = [], [], []
    for index, item in enumerate(task.files):
        for row in data_rows(data_dir / item.name):
            rows.append(row)
            modes.append(item.mode)
            origin.append(index)
    origin = np.array(origin)
    texts = [row["text"] for row in rows]
    labels = np.array([row["label"] == task.positive_label for row in rows])
    guard = RuleGuard(None)
    pattern_hit = np.array(
        [task.rule in guard.check(text, mode).flags for text, mode in zip(texts, modes, strict=True)]
    )
    batches = [_batch(row) for row in rows]
    nearest = _nearest_per_text(task.rule, texts, modes, embedder, batches, _origins(data_dir))

    grid = []
    for threshold in THRESHOLDS:
        for margin in MARGINS:
            semantic = np.array(
                [any(n.similarity >= threshold and n.similarity - n.benign_similarity >= margin
                     for n in candidates) for candidates in nearest]
            )
            feasible = all(
                _false_rate(semantic, labels, origin == index) <= item.max_false_rate
                for index, item in enumerate(task.files)
            )
            grid.append((feasible, float(semantic[labels].mean()), threshold, margin, semantic))
    threshold, margin, semantic = _choose(grid, labels)
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


def _choose(grid: list, labels: np.ndarray) -> tuple[float, float, np.ndarray]:
    """The strictest feasible setting whose dev recall is within RECALL_TOLERANCE of the best.

    Dev false rates are optimistic (the rules' exceptions were written against those lines),
    so among settings of nearly equal recall the one least likely to flag new text wins.
    """
    feasible = [g for g in grid if g[0]]
    if not feasible:  # nothing meets the caps: the lowest false rate, then the best recall
        best = max(grid, key=lambda g: (-g[4][~labels].mean(), g[1]))
        return best[2], best[3], best[4]
    top = max(g[1] for g in feasible)
    near = [g for g in feasible if g[1] >= top - RECALL_TOLERANCE]
    best = max(near, key=lambda g: (g[2] + g[3], g[2]))
    return best[2], best[3], best[4]


def _false_rate(hits: np.ndarray, labels: np.ndarray, chosen: np.ndarray) -> float:
    negatives = hits[chosen & ~labels]
    return float(negatives.mean()) if len(negatives) else 0.0


def _rate(hits: np.ndarray) -> float:
    return round(float(hits.mean()), 4)


def _batch(row: dict) -> str:
    """The writing batch a dev line belongs to; a line without an origin is its own batch."""
    return row.get("origin") or f"line:{row['text']}"


@cache
def _origins(data_dir: Path) -> dict[str, str]:
    """The writing batch of every dev line and of each of its sentences, by text (read once)."""
    origins = {}
    for path in sorted(data_dir.glob("*.dev.jsonl")):
        for row in data_rows(path):
            for text in [row["text"], *(s.text for s in split_sentences(row["text"]))]:
                origins.setdefault(text, _batch(row))
    return origins


def _nearest_per_text(
    rule: str,
    texts: list[str],
    modes: list[Mode],
    embedder: Embedder,
    batches: list[str],
    origins: dict[str, str],
) -> list[list[Nearest]]:
    """Nearest exemplars for every sentence the rule lets semantics judge, per text.

    Leave-one-batch-out: learned exemplars copied from the text being judged, or from any
    line of its writing batch, are masked out.
    A sentence whose nearest category the rule would not keep (a "medical" match without a
    symptom word, say) is left out, as the guard leaves it out.
    """
    positives, benign = read_exemplars(rule)
    vectors = exemplar_vectors(rule, [e.text for e in positives] + benign, embedder, None)
    positive_vectors, benign_vectors = vectors[: len(positives)], vectors[len(positives) :]
    positive_texts = np.array([e.text for e in positives], dtype=object)
    benign_texts = np.array(benign, dtype=object)
    positive_batches = np.array([origins.get(e.text) for e in positives], dtype=object)
    benign_batches = np.array([origins.get(text) for text in benign], dtype=object)
    judges = {mode: CrisisRule(None, reported=mode == "input") for mode in set(modes)}
    sentences = []
    for text, mode in zip(texts, modes, strict=True):
        split = split_sentences(text)
        context = " ".join(s.text for s in split) if mode == "input" else None
        sentences.append([s for s in split if judges[mode].semantic_allowed(s, context)])
    flat = [s.text for group in sentences for s in group]
    vectors = embedder.encode(flat) if flat else np.zeros((0, 0))
    out, row = [], 0
    for text, group, mode, batch in zip(texts, sentences, modes, batches, strict=True):
        block = vectors[row : row + len(group)]
        row += len(group)
        if not group:
            out.append([])
            continue
        to_positive = block @ positive_vectors.T
        to_positive[:, (positive_texts == text) | (positive_batches == batch)] = -1.0
        to_benign = block @ benign_vectors.T
        to_benign[:, (benign_texts == text) | (benign_batches == batch)] = -1.0
        nearest = nearest_of(to_positive, to_benign, positives)
        out.append(
            [n for s, n in zip(group, nearest, strict=True)
             if judges[mode].semantic_keeps(s, n.exemplar.category)]
        )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEV_DATA, help="folder with the dev sets")
    args = parser.parse_args()
    embedder = SentenceTransformerEmbedder()
    for rule in LEARN:
        log.info("wrote %s", learn(rule, args.data))
    result = {task.key: calibrate(task, embedder, args.data) for task in TASKS}
    header = "# Written by `python -m tools.guard_model.calibrate` from the dev sets only.\n"
    CALIBRATION_FILE.write_text(header + yaml.safe_dump(result, sort_keys=False), encoding="utf-8")
    print(yaml.safe_dump(result, sort_keys=False))


if __name__ == "__main__":
    main()
