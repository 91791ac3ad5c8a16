"""The guard's held-out sets stay held out: no dev line is a near copy of one."""

import pytest

from evals.guard_data import DATA as DEV_DATA, data_rows
from tools.guard_model.decontaminate import NEAR_COPY, SETS



@pytest.mark.slow
@pytest.mark.parametrize("name", SETS)
def test_no_dev_line_nearly_copies_a_held_out_line(embedder, name):
    dev = [r["text"] for r in data_rows(DEV_DATA / f"{name}.dev.jsonl")]
    held_out = [r["text"] for r in data_rows(DEV_DATA / f"{name}.heldout.jsonl")]
    similarity = embedder.encode(dev) @ embedder.encode(held_out).T
    copies = [dev[i] for i in (similarity.max(axis=1) >= NEAR_COPY).nonzero()[0]]
    assert copies == []
