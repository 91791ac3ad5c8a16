"""Drop dev lines that nearly copy a held-out line: ``python -m tools.guard_model.decontaminate``.

Authors converge on stock phrasings; a dev line within MiniLM cosine ``NEAR_COPY`` of a
held-out line would let the trained model answer from memory. The held-out lines are
encoded but never printed: the tool reports counts per set only. It records the digests of
the files it left clean in ``RECORD``; a test holds the data to that record, so changed guard
data means running this tool again.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

import numpy as np

from assistant.embeddings import Embedder, SentenceTransformerEmbedder
from evals.guard_data import DATA, data_rows

SETS = ("questions", "journal", "therapist", "safe", "injection")
NEAR_COPY = 0.95
RECORD = DATA / "decontaminated.json"


def near_copies(embedder: Embedder, dev: list[str], held_out: list[str]) -> np.ndarray:
    """For each dev text, whether it lies within ``NEAR_COPY`` of any held-out text."""
    similarity = embedder.encode(dev) @ embedder.encode(held_out).T
    return similarity.max(axis=1) >= NEAR_COPY


def digests(data: Path = DATA) -> dict[str, dict[str, str]]:
    """The SHA-256 of each set's dev and held-out files."""
    return {
        name: {split: hashlib.sha256((data / f"{name}.{split}.jsonl").read_bytes()).hexdigest()
               for split in ("dev", "heldout")}
        for name in SETS
    }


def main() -> None:
    embedder = SentenceTransformerEmbedder()
    for name in SETS:
        dev_path, held_path = DATA / f"{name}.dev.jsonl", DATA / f"{name}.heldout.jsonl"
        dev = data_rows(dev_path)
        copies = near_copies(embedder, [r["text"] for r in dev], [r["text"] for r in data_rows(held_path)])
        dev_path.write_text(
            "".join(json.dumps(r, ensure_ascii=False) + "\n" for r, c in zip(dev, copies) if not c),
            encoding="utf-8",
        )
        print(f"{name}: dropped {int(copies.sum())} of {len(dev)} dev lines", file=sys.stderr)
    RECORD.write_text(json.dumps({"near_copy": NEAR_COPY, "files": digests()}, indent=2) + "\n",
                      encoding="utf-8")


if __name__ == "__main__":
    main()
