"""Drop dev lines that nearly copy a held-out line: ``python -m tools.guard_model.decontaminate``.

Authors converge on stock phrasings; a dev line within MiniLM cosine ``NEAR_COPY`` of a
held-out line would let the trained model answer from memory. The held-out lines are
encoded but never printed: the tool reports counts per set only.
"""

from __future__ import annotations

import json
import sys

from assistant.embeddings import SentenceTransformerEmbedder
from evals.guard_data import DATA, data_rows

SETS = ("questions", "journal", "therapist", "safe", "injection")
NEAR_COPY = 0.95


def main() -> None:
    embedder = SentenceTransformerEmbedder()
    for name in SETS:
        dev_path, held_path = DATA / f"{name}.dev.jsonl", DATA / f"{name}.heldout.jsonl"
        dev = data_rows(dev_path)
        held_out = [r["text"] for r in data_rows(held_path)]
        similarity = embedder.encode([r["text"] for r in dev]) @ embedder.encode(held_out).T
        keep = similarity.max(axis=1) < NEAR_COPY
        dev_path.write_text(
            "".join(json.dumps(r, ensure_ascii=False) + "\n" for r, k in zip(dev, keep) if k),
            encoding="utf-8",
        )
        print(f"{name}: dropped {int((~keep).sum())} of {len(dev)} dev lines", file=sys.stderr)


if __name__ == "__main__":
    main()
