import os
import subprocess
import sys

import pytest

from tests.conftest import REPO


def _runner(cwd, data_dir):
    """Run the real ``kap`` entry point in a subprocess, settings from a clean environment."""

    def run(*args: str, stdin: str | None = None, env: dict | None = None, cwd=cwd):
        environment = {
            k: v for k, v in os.environ.items() if not k.startswith("KAP_")
        } | {
            "KAP_DATA_DIR": str(data_dir),
            "KAP_KNOWLEDGE_DIR": str(REPO / "knowledge"),
            "KAP_PROMPTS_DIR": str(REPO / "prompts"),
        } | (env or {})
        return subprocess.run(
            [sys.executable, "-m", "assistant.cli", *args],
            input=stdin, capture_output=True, text=True, env=environment,
            cwd=cwd, timeout=600,  # Presidio loads in each run; slow on a busy machine
        )

    return run


@pytest.fixture
def kap(tmp_path, indexed_settings):
    """``kap`` against the test index."""
    return _runner(tmp_path, indexed_settings.data_dir)


@pytest.fixture
def kap_no_index(tmp_path):
    """``kap`` with an empty data folder: for runs that must stop before any model or index."""
    return _runner(tmp_path, tmp_path / ".kap")
