"""The guard's held-out sets stay held out: no dev line is a near copy of one."""

import json

from tools.guard_model.decontaminate import NEAR_COPY, RECORD, digests, near_copies


def test_the_guard_data_is_the_data_the_decontamination_left_clean():
    record = json.loads(RECORD.read_text(encoding="utf-8"))
    assert record["near_copy"] == NEAR_COPY
    changed = [name for name, files in digests().items() if record["files"].get(name) != files]
    assert changed == [], (
        f"guard data changed since its decontamination ({', '.join(changed)}): run "
        "`python -m tools.guard_model.decontaminate` (a maintainer step) and commit the record"
    )


def test_a_reworded_copy_is_a_near_copy_and_another_line_is_not(embedder):
    held_out = ["I have been thinking about ending my life since Friday."]
    dev = ["I've been thinking about ending my life since friday.",
           "We walked by the lake and talked about my garden."]
    assert near_copies(embedder, dev, held_out).tolist() == [True, False]
