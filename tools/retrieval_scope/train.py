"""Train the retrieval scope model on the dev questions: ``make models`` (a maintainer step).

Every question of the dev retrieval sets (ours, the calibration set and the held-out sets
already scored, each written by separate authors; ``FILES``) is scrubbed and searched as the
app does, and its scope signals (``assistant/kb/scope.py``) are read from the live index, so
``kap ingest`` must have run. A logistic regression (``RECIPE``) learns in-scope against
out-of-scope, over the scope signals and each question's likeness to the labelled
questions of the other sets (as a question from a new author is read against all of them).
The threshold is the lowest in-scope probability that five-fold cross-validation, grouped by
set, gives any in-scope question, so that no covered question from an author the model had
not seen would have been emptied. Leave-one-set-out figures (each set scored by a model trained
on the others) go into the manifest beside the relevance floor's on the same questions.
Sealed sets are never read. A second run with the same data and recipe does nothing.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import sys
from pathlib import Path

import numpy as np

from assistant.config import BUNDLED_MINILM, Settings
from assistant.embeddings import build_embedder
from assistant.errors import KapError
from assistant.kb.scope import MANIFEST, MODEL_DIR, WEIGHTS, likeness
from assistant.model_files import base_weights, file_sha256
from assistant.privacy.scrubber import PresidioScrubber
from assistant.privacy.vault import Vault
from evals.retrieval import load_questions

DATA = Path(__file__).resolve().parents[2] / "evals" / "data"
FILES = (
    "retrieval.jsonl",
    "retrieval.calibration.jsonl",
    "retrieval.heldout.jsonl",
    "sealed/retrieval-v2.jsonl",
    "sealed/retrieval-v3.jsonl",
    "sealed/retrieval-v4.jsonl",
    "sealed/retrieval-v5.jsonl",
    "sealed/retrieval-v6.jsonl",
    "sealed/retrieval-v7.jsonl",
    "sealed/retrieval-v8.jsonl",
    "sealed/retrieval-v9.jsonl",
    "sealed/retrieval-v10.jsonl",
    "sealed/retrieval-v11.jsonl",
    "sealed/retrieval-v12.jsonl",
)
RECIPE = {
    "base_model": BUNDLED_MINILM,
    "model": "logistic regression, L2, C=1, balanced classes",
    "features": "5 retrieval signals x3, question vector as typed, as understood, "
                "likeness to the 3 nearest labelled questions of other sets in and out of scope x3",
    "C": 1.0,
    "threshold": "lowest in-scope probability under 5-fold cross-validation grouped by set",
    "seed": 0,
}


def data_digest(data_dir: Path) -> str:
    digest = hashlib.sha256(json.dumps(RECIPE, sort_keys=True).encode("utf-8"))
    for name in FILES:
        digest.update(name.encode("utf-8"))
        digest.update((data_dir / name).read_bytes())
    return digest.hexdigest()


def read_signals(
    data_dir: Path, settings: Settings
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Signal features, understood vectors, labels (in scope), best similarity and source
    file of every dev question."""
    from assistant.factory import build_retriever

    retriever = build_retriever(settings, build_embedder(settings), scope=None)  # signals only
    scrubber = PresidioScrubber(settings)
    features, vectors, labels, similarity, sources = [], [], [], [], []
    for name in FILES:
        for question in load_questions(data_dir / name):
            signals = retriever.scope_signals(scrubber.scrub(question["question"], Vault()).text)
            if signals is None:
                raise KapError("the index holds no approved passage: run `kap ingest` first")
            features.append(signals.features())
            vectors.append(signals.understood_vector)
            labels.append(bool(question["relevant"]))
            similarity.append(signals.understood_similarity)
            sources.append(name)
    return (np.array(features), np.array(vectors), np.array(labels), np.array(similarity),
            np.array(sources))


def with_likeness(
    features: np.ndarray, vectors: np.ndarray, labels: np.ndarray, sources: np.ndarray,
    rows: np.ndarray, references: np.ndarray,
) -> np.ndarray:
    """``features[rows]`` with each row's likeness to the ``references`` rows of other sets."""
    out = []
    for row in rows:
        others = references[sources[references] != sources[row]]
        out.append(np.concatenate([features[row], likeness(vectors[row], vectors[others], labels[others])]))
    return np.array(out)


def fit(features: np.ndarray, labels: np.ndarray):
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(
        C=RECIPE["C"], max_iter=5000, class_weight="balanced"
    ).fit(features, labels)


def threshold(features: np.ndarray, labels: np.ndarray, sources: np.ndarray) -> float:
    from sklearn.model_selection import GroupKFold, cross_val_predict

    probability = cross_val_predict(
        fit(features, labels), features, labels, cv=GroupKFold(5), groups=sources,
        method="predict_proba",
    )[:, 1]
    return float(probability[labels].min())


def leave_one_set_out(features, vectors, labels, similarity, sources, floor: float) -> dict:
    """Each dev set scored by a model (and threshold) built from the other sets only, its
    questions' likeness read against those sets alone."""
    figures = {}
    for name in FILES:
        held = sources == name
        train, test = np.flatnonzero(~held), np.flatnonzero(held)
        seen = with_likeness(features, vectors, labels, sources, train, train)
        model = fit(seen, labels[train])
        cut = threshold(seen, labels[train], sources[train])
        unseen = with_likeness(features, vectors, labels, sources, test, train)
        rejected = model.predict_proba(unseen)[:, 1] < cut
        below_floor = similarity[held] < floor
        inside, outside = labels[held], ~labels[held]
        figures[name] = {
            "in_scope": int(inside.sum()),
            "out_of_scope": int(outside.sum()),
            "scope_in_scope_empty": int((rejected & inside).sum()),
            "scope_out_of_scope_declined": int((rejected & outside).sum()),
            "floor_in_scope_empty": int((below_floor & inside).sum()),
            "floor_out_of_scope_declined": int((below_floor & outside).sum()),
        }
    totals = {key: sum(f[key] for f in figures.values()) for key in next(iter(figures.values()))}
    return {"floor": floor, "sets": figures, "total": totals}


def build(target: Path = MODEL_DIR, data_dir: Path = DATA, force: bool = False) -> Path:
    """Train and write the model unless one from the same data and recipe is there."""
    digest = data_digest(data_dir)
    manifest_path = target / MANIFEST
    if not force and manifest_path.is_file():
        try:
            if json.loads(manifest_path.read_text(encoding="utf-8")).get("digest") == digest:
                print(f"retrieval scope model is up to date: {target}")
                return target
        except ValueError:
            pass
    settings = Settings()
    features, vectors, labels, similarity, sources = read_signals(data_dir, settings)
    everyone = np.arange(len(labels))
    full = with_likeness(features, vectors, labels, sources, everyone, everyone)
    model = fit(full, labels)
    manifest = {
        "base_model": RECIPE["base_model"],
        "base_sha256": file_sha256(base_weights(RECIPE["base_model"])),
        "digest": digest,
        "recipe": RECIPE,
        "threshold": round(threshold(full, labels, sources), 6),
        "questions": int(len(labels)),
        "files": list(FILES),
        "eval": leave_one_set_out(
            features, vectors, labels, similarity, sources, settings.relevance_floor
        ),
    }
    staging = target.with_name(target.name + ".partial")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    np.savez(
        staging / WEIGHTS, weights=model.coef_[0].astype(np.float32),
        bias=np.float32(model.intercept_[0]), references=vectors.astype(np.float16),
        in_scope=labels,
    )
    (staging / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    shutil.rmtree(target, ignore_errors=True)
    staging.rename(target)
    print(f"retrieval scope model written to {target}")
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA, help="folder with the dev sets")
    parser.add_argument("--force", action="store_true", help="train even if up to date")
    args = parser.parse_args()
    try:
        build(MODEL_DIR, args.data, args.force)
    except KapError as exc:
        print(f"error: {exc}", file=sys.stderr)
        sys.exit(2)


if __name__ == "__main__":
    main()
