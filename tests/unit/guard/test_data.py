"""The guard's held-out sets stay held out: no dev line is a near copy of one."""

import pytest

from assistant.guard.calibrate import DEV_DATA
from assistant.guard.learned import data_rows

SETS = ("questions", "journal", "therapist", "safe", "injection")
# Authors converge on stock phrasings; a dev line this close to a held-out line would let
# the trained intent model and the exemplars answer from memory.
NEAR_COPY = 0.95


@pytest.mark.slow
@pytest.mark.parametrize("name", SETS)
def test_no_dev_line_nearly_copies_a_held_out_line(embedder, name):
    dev = [r["text"] for r in data_rows(DEV_DATA / f"{name}.dev.jsonl")]
    held_out = [r["text"] for r in data_rows(DEV_DATA / f"{name}.heldout.jsonl")]
    similarity = embedder.encode(dev) @ embedder.encode(held_out).T
    copies = [dev[i] for i in (similarity.max(axis=1) >= NEAR_COPY).nonzero()[0]]
    assert copies == []
