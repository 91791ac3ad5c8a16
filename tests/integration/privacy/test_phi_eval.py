"""The PHI suite on dev data: ahead of Presidio's default, and no PHI left behind.

The held-out suites are scored by `kap eval phi` once per round, never by the tests."""

from __future__ import annotations

import logging
import re

import pytest

from assistant.config import load_settings
from evals import phi

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def eval_run(tmp_path_factory):
    """One evaluation run with its report written under a temporary data dir, logs captured."""
    data_dir = tmp_path_factory.mktemp("kap-data")
    settings = load_settings(data_dir=data_dir)
    records: list[logging.LogRecord] = []
    handler = logging.Handler(logging.DEBUG)
    handler.emit = records.append
    root = logging.getLogger()
    old_level = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    try:
        report = phi.run(settings, None, settings.reports_dir, names=phi.DEV)
    finally:
        root.removeHandler(handler)
        root.setLevel(old_level)
    return report, data_dir, records


def test_dev_journals_keep_every_contact_and_id(eval_run):
    for name in ("journal-dev", "journal-v1"):
        ours = eval_run[0]["suites"][name]["ours"]
        assert ours["critical_all_caught"], name
        assert ours["recall"] >= 0.95, name


def test_we_beat_the_presidio_default_on_every_suite(eval_run):
    # Speed is a benchmark figure (`kap bench`), not a test: a timed assert fails on a busy machine.
    for suite in eval_run[0]["suites"].values():
        assert suite["ours"]["recall"] > suite["baseline"]["recall"]


def _values(cases):
    for case in cases:
        for entity in case["entities"]:
            value = case["text"][entity["start"] : entity["end"]]
            if len(value) >= 4:  # "May", "Dev" also appear as ordinary words in log text
                yield value


def test_no_phi_value_in_logs_or_files_after_scrubbing_the_evaluation_set(eval_run):
    _, data_dir, records = eval_run
    values = set(_values(c for cases in phi.suites(None, phi.DEV).values() for c in cases))
    logged = "\n".join(record.getMessage() for record in records)
    files = [p for p in data_dir.rglob("*") if p.is_file()]
    assert files, "the report should have been written under the data dir"
    written = "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in files)
    haystack = logged + "\n" + written
    leaked = sorted(v for v in values if re.search(rf"(?<!\w){re.escape(v)}(?!\w)", haystack))
    assert not leaked[:5]


def test_render_shows_every_suite_side_by_side(eval_run):
    text = phi.render(eval_run[0])
    assert "journal-dev" in text and "baseline" in text and "ms/text" in text
