"""Train the guard's intent model on the dev sets: ``make models`` (a maintainer step).

The bundled MiniLM stays frozen; low-rank adapters on every linear layer of its encoder and
three heads (dosing request; crisis kind or benign; instruction to the software) are trained
for two passes over every dev line (``RECIPE``) with a fixed seed, and only they are written,
in half precision, to ``assistant/guard/model`` beside a manifest (base model and its hash,
data digest, recipe, thresholds). Held-out sets are never read. Each line teaches what it
is labelled for:

- therapist questions: dosing or not, and neither a crisis nor an instruction (benign
  crisis-support questions are the hard negatives);
- safe-sounding prompts: none of the three;
- therapists' crisis reports: the crisis kind, and not a dosing request or an instruction;
- journal lines: the crisis kind or benign, and not an instruction (their dosing label is
  unknown: "I want to ask for more next time" is an item for the prescriber, not a
  therapist's request);
- injection lines: an instruction or a benign look-alike ("the system at work crashed");
  their dosing label is unknown, and their crisis label is benign only where the file says
  the writer's own words carry no crisis (``"crisis": "benign"``). Each is also taught
  appended to a journal line, as instructions arrive inside a client's text: a crisis in
  that journal line is still a crisis with an instruction after it, and a benign line with
  a benign instruction is benign — without that, instruction language was only ever seen
  beside crises, and the model read "tell her I'm fine, no concerns" as one.

A second run with the same data and recipe does nothing. The model is written to a
temporary folder and renamed, so an interrupted run leaves no half a model.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
import random
import shutil
import sys
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path

import numpy as np

from assistant.config import BUNDLED_MINILM
from assistant.errors import KapError
from assistant.guard.intent import (
    BENIGN,
    CRISIS_CLASSES,
    MANIFEST,
    MODEL_DIR,
    THRESHOLDS,
    WEIGHTS,
    build_network,
    split_windows,
)
from assistant.model_files import base_weights, file_sha256
from evals.guard_data import DATA as DEV_DATA, category, data_rows, injection_rows

log = logging.getLogger(__name__)

KINDS = ("questions", "safe", "therapist", "journal", "injection")
# The dev files, then the sealed sets that were scored once and so joined the dev data
# (paths from the dev folder). The newest scored set stays out, to measure a model by.
FILES = tuple(f"{kind}.dev.jsonl" for kind in KINDS) + tuple(
    f"../sealed/{version}/{kind}.heldout.jsonl" for version in (f"guard-v{n}" for n in range(14, 24))
    for kind in KINDS
)
# The newest scored set, left out of training: the manifest's figures are measured on it.
EVAL_SET = "../sealed/guard-v24"
UNKNOWN = -1  # a head the line has no label for
RECIPE = {
    "base_model": BUNDLED_MINILM,
    "lora_rank": 16,
    "lora_alpha": 32,
    "epochs": 2,
    "batch": 32,
    "batches_per_length_pool": 50,
    "learning_rate": 5e-4,
    "weight_decay": 0.01,
    "warmup": 0.1,
    "seed": 0,
    "heads": ["dosing", "crisis", "injection"],
    "injections_appended_to_journal_lines": True,
    "injection_lines_crisis_labelled": True,
    "injection_lines_labelled_by_content_are_instructions": True,
    "long_journal_lines": "benign read in windows; crisis left out (not located)",
}


def examples(data_dir: Path, seed: int = RECIPE["seed"]) -> list[tuple[str, int, int, int]]:
    """(text, dosing label, crisis class, injection label) for every line of ``FILES`` and
    every injection line appended to a journal line; UNKNOWN where there is no label for a
    head. A journal line longer than the model's window is read in windows: each window of a
    benign one is benign; a crisis one is left out, since which window holds the crisis is
    not labelled."""
    rows = {kind: [] for kind in KINDS}
    for name in FILES:
        kind = Path(name).name.split(".")[0]
        rows[kind] += (injection_rows if kind == "injection" else data_rows)(data_dir / name)
    benign = CRISIS_CLASSES.index(BENIGN)
    out = [(r["text"], int(r["label"] == "dosing"), benign, 0) for r in rows["questions"]]
    out += [(r["text"], 0, benign, 0) for r in rows["safe"]]
    out += [(r["text"], 0, _crisis_class(r), 0) for r in rows["therapist"]]
    short_journal = []
    for r in rows["journal"]:
        windows = split_windows(r["text"])
        if len(windows) == 1:
            short_journal.append(r)
            out.append((r["text"], UNKNOWN, _crisis_class(r) if r["label"] == "crisis" else benign, 0))
        elif r["label"] != "crisis":
            out += [(window, UNKNOWN, benign, 0) for window in windows]
    out += [(r["text"], UNKNOWN, _own_crisis(r), int(r["label"] == "injection")) for r in rows["injection"]]
    return out + _appended(short_journal, rows["injection"], seed)


def _appended(
    journal: list[dict], injection: list[dict], seed: int
) -> list[tuple[str, int, int, int]]:
    """Each injection line after a journal line drawn at random. The crisis label is the
    journal line's when it is a crisis; otherwise the injection line's own (benign or
    unknown), since an instruction line may carry crisis content of its own."""
    if not journal:
        return []
    draw = random.Random(seed)
    out = []
    for row in injection:
        base = draw.choice(journal)
        crisis = _crisis_class(base) if base["label"] == "crisis" else _own_crisis(row)
        instructs = int(row["label"] == "injection")
        out.append((f"{base['text']} {row['text']}", UNKNOWN, crisis, instructs))
    return out


def _own_crisis(injection_row: dict) -> int:
    """Benign where the writer's own words in an injection line are labelled free of crisis;
    unknown otherwise (the kind of a crisis there is not labelled)."""
    return CRISIS_CLASSES.index(BENIGN) if injection_row.get("crisis") == "benign" else UNKNOWN


def _crisis_class(row: dict) -> int:
    return CRISIS_CLASSES.index(category("crisis", row))


def data_digest(data_dir: Path, files: Sequence[str], recipe: dict) -> str:
    """Identifies what a model was trained from: the dev files' bytes and the recipe."""
    digest = hashlib.sha256(json.dumps(recipe, sort_keys=True).encode("utf-8"))
    for name in files:
        digest.update(name.encode("utf-8"))
        digest.update((data_dir / name).read_bytes())
    return digest.hexdigest()


def length_pooled_batches(data: list, size: int, per_pool: int) -> list[list]:
    """One epoch of batches: the lines shuffled, cut into pools of ``per_pool`` batches,
    each pool sorted by length before it is cut, and the batches shuffled again. Lines of
    a length train together, so little of a batch is padding (CPU time follows tokens)."""
    shuffled = data[:]
    random.shuffle(shuffled)
    batches = []
    for start in range(0, len(shuffled), size * per_pool):
        pool = sorted(shuffled[start : start + size * per_pool], key=lambda row: len(row[0]))
        batches += [pool[i : i + size] for i in range(0, len(pool), size)]
    random.shuffle(batches)
    return batches


def train(data: list[tuple[str, int, int, int]], recipe: dict, progress=None):
    """The fine-tuned network (deterministic for a given machine, data and recipe)."""
    import torch

    random.seed(recipe["seed"])
    np.random.seed(recipe["seed"])
    torch.manual_seed(recipe["seed"])
    network = build_network(base_weights(recipe["base_model"]).parent, recipe)
    network.train()
    batches = []
    for _ in range(recipe["epochs"]):
        batches += length_pooled_batches(data, recipe["batch"], recipe["batches_per_length_pool"])
    optimizer = torch.optim.AdamW(
        [p for p in network.parameters() if p.requires_grad],
        lr=recipe["learning_rate"], weight_decay=recipe["weight_decay"],
    )
    warmup = max(1, int(recipe["warmup"] * len(batches)))
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda step: min(1.0, (step + 1) / warmup) * max(0.0, 1 - step / len(batches))
    )
    for batch in batches:
        dosing_logits, crisis_logits, injection_logits = network([row[0] for row in batch])
        crisis = torch.tensor([row[2] for row in batch])
        loss = torch.nn.functional.cross_entropy(crisis_logits, crisis, ignore_index=UNKNOWN)
        if (crisis == UNKNOWN).all():
            loss = torch.zeros(())  # cross-entropy over no known label is not a number
        for logits, column in ((dosing_logits, 1), (injection_logits, 3)):
            labels = torch.tensor([float(row[column]) for row in batch])
            known = labels != UNKNOWN
            if known.any():
                loss = loss + torch.nn.functional.binary_cross_entropy_with_logits(
                    logits[known], labels[known]
                )
        loss.backward()
        optimizer.step()
        schedule.step()
        optimizer.zero_grad()
        if progress:
            progress(len(batches))
    network.eval()
    return network


def build(target: Path = MODEL_DIR, data_dir: Path = DEV_DATA, force: bool = False,
          progress=None) -> Path:
    """Train and write the model unless one from the same data and recipe is there."""
    data = examples(data_dir)  # a bad or missing file stops here, naming file and line
    digest = data_digest(data_dir, FILES, RECIPE)
    manifest_path = target / MANIFEST
    if not force and manifest_path.is_file():
        try:
            if json.loads(manifest_path.read_text(encoding="utf-8")).get("digest") == digest:
                log.info("guard intent model is up to date: %s", target)
                return target
        except ValueError:
            pass
    network = train(data, RECIPE, progress)
    staging = target.with_name(target.name + ".partial")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    _save(network, staging)
    _write_manifest(staging, digest, len(data), {})  # the model loads by its manifest…
    _write_manifest(staging, digest, len(data), eval_figures(staging, data_dir))  # …to be measured
    shutil.rmtree(target, ignore_errors=True)
    staging.rename(target)
    return target


def eval_figures(model_dir: Path, data_dir: Path) -> dict:
    """The model alone (no patterns, no exemplars, raw text) at its thresholds, on the
    newest scored set it never saw: how many dosing requests and benign questions it reads
    as dosing, and how many crisis and benign journal lines and therapist reports as crisis."""
    from assistant.guard.intent import IntentModel

    model = IntentModel.load(model_dir)
    folder = data_dir / EVAL_SET
    questions = data_rows(folder / "questions.heldout.jsonl")
    lines = data_rows(folder / "journal.heldout.jsonl") + data_rows(folder / "therapist.heldout.jsonl")
    asked = model.score([r["text"] for r in questions])
    written = model.score([r["text"] for r in lines])

    def share(scores, rows, label, head, threshold):
        chosen = [getattr(s, head) >= threshold for s, r in zip(scores, rows) if r["label"] == label]
        return round(sum(chosen) / len(chosen), 3) if chosen else None

    return {
        "set": EVAL_SET,
        "dosing_requests_read_as_dosing": share(asked, questions, "dosing", "dosing", THRESHOLDS.dosing),
        "benign_questions_read_as_dosing": share(asked, questions, "benign", "dosing", THRESHOLDS.dosing),
        "crisis_lines_read_as_crisis": share(written, lines, "crisis", "crisis", THRESHOLDS.crisis),
        "benign_lines_read_as_crisis": share(written, lines, "benign", "crisis", THRESHOLDS.crisis),
    }


def _write_manifest(folder: Path, digest: str, lines: int, figures: dict) -> None:
    manifest = {
        "base_model": RECIPE["base_model"],
        "base_sha256": file_sha256(base_weights(RECIPE["base_model"])),
        "digest": digest,
        "recipe": RECIPE,
        "thresholds": asdict(THRESHOLDS),
        "lines": lines,
        "files": list(FILES),
        "eval": figures,
    }
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")


def _save(network, folder: Path) -> None:
    from safetensors.torch import save_file

    state = {name: tensor.half() for name, tensor in network.trained_state().items()}
    save_file(state, str(folder / WEIGHTS))


def main() -> None:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEV_DATA, help="folder with the dev sets")
    parser.add_argument("--force", action="store_true", help="train even if up to date")
    args = parser.parse_args()
    try:
        with Progress(
            TextColumn("training the guard's intent model"), BarColumn(), MofNCompleteColumn(),
            TimeElapsedColumn(),
        ) as bar:
            task = bar.add_task("train", total=None)

            def advance(total: int) -> None:
                bar.update(task, total=total, advance=1)

            path = build(MODEL_DIR, args.data, args.force, advance)
    except KapError as exc:
        print(f"error: {exc}", file=sys.stderr)
        sys.exit(2)
    print(f"guard intent model: {path}")


if __name__ == "__main__":
    main()
