"""`kap ask` and `kap summarize` in a network namespace with no usable interface at all."""

import json
import os
import shutil
import subprocess
import sys

import pytest

from tests.conftest import REPO

pytestmark = pytest.mark.integration


def _unshare_available() -> bool:
    unshare = shutil.which("unshare")
    return bool(unshare) and subprocess.run(
        [unshare, "--net", "true"], capture_output=True
    ).returncode == 0


@pytest.mark.skipif(not _unshare_available(), reason="needs root to create a network namespace")
@pytest.mark.parametrize(
    "args",
    [
        ["ask", "How can I help a client feel grounded after a session?", "--json"],
        ["summarize", str(REPO / "examples" / "journal-sample.md"), "--format", "json"],
    ],
)
def test_works_with_no_network_interface(indexed_settings, args):
    env = {k: v for k, v in os.environ.items() if not k.startswith("KAP_")}
    env |= {"KAP_DATA_DIR": str(indexed_settings.data_dir), "KAP_KNOWLEDGE_DIR": str(REPO / "knowledge"),
            "KAP_PROMPTS_DIR": str(REPO / "prompts")}
    result = subprocess.run(
        ["unshare", "--net", sys.executable, "-m", "assistant.cli", *args],
        capture_output=True, text=True, env=env, cwd=REPO, timeout=300,
    )
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    assert payload.get("status") == "answered" or payload.get("flags")
