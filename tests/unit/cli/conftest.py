import os
import subprocess
import sys

import pytest

from tests.conftest import REPO


@pytest.fixture
def kap(tmp_path, indexed_settings):
    """Run the real ``kap`` entry point in a subprocess against the test index."""

    def run(*args: str, stdin: str | None = None, env: dict | None = None, cwd=None):
        environment = {
            k: v for k, v in os.environ.items() if not k.startswith("KAP_")
        } | {
            "KAP_DATA_DIR": str(indexed_settings.data_dir),
            "KAP_KNOWLEDGE_DIR": str(REPO / "knowledge"),
            "KAP_PROMPTS_DIR": str(REPO / "prompts"),
        } | (env or {})
        return subprocess.run(
            [sys.executable, "-m", "assistant.cli", *args],
            input=stdin, capture_output=True, text=True, env=environment,
            cwd=cwd or tmp_path, timeout=300,
        )

    return run
