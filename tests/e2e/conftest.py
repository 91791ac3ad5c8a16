"""A real `streamlit run app.py` on a free loopback port, driven by headless Chromium."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import REPO

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
VIEWPORT = {"width": 1440, "height": 900}  # a laptop screen
STARTUP_SECONDS = 120


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """Screenshots, server and browser logs, timings: test-artifacts/e2e (git-ignored)."""
    folder = REPO / "test-artifacts" / "e2e"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    return folder


@pytest.fixture(scope="session")
def app_env(indexed_settings) -> dict[str, str]:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("KAP_")}
    return environment | {
        "KAP_DATA_DIR": str(indexed_settings.data_dir),
        "KAP_KNOWLEDGE_DIR": str(REPO / "knowledge"),
    }


@pytest.fixture
def start_evals(app_env, indexed_settings, artifacts):
    """``start_evals()`` runs the real `kap eval retrieval --quick --report` (dev data only:
    the sealed sets are scored once per round, never by the tests) for the Evaluation page.
    One suite is enough for the page; the whole quick gate has its own test."""
    processes = []

    def start() -> subprocess.Popen:
        log = artifacts / "eval.log"
        processes.append(subprocess.Popen(
            [sys.executable, "-m", "assistant.cli", "eval", "retrieval", "--quick", "--report",
             str(indexed_settings.reports_dir)],
            cwd=REPO, env=app_env, stdout=log.open("w"), stderr=subprocess.STDOUT,
        ))
        return processes[-1]

    yield start
    for process in processes:
        process.kill()
        process.wait()
    shutil.rmtree(indexed_settings.reports_dir, ignore_errors=True)  # not kept for other tests


@pytest.fixture(scope="session")
def app_url(app_env, artifacts):
    port = free_port()
    log = (artifacts / "streamlit.log").open("w")
    server = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port),
         "--server.address", "127.0.0.1", "--server.headless", "true"],
        cwd=REPO, env=app_env, stdout=log, stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + STARTUP_SECONDS
    while True:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.read() == b"ok":
                    break
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"streamlit did not start; see {artifacts / 'streamlit.log'}")
            time.sleep(0.3)
    yield url
    server.terminate()
    server.wait(timeout=20)
    log.close()


@pytest.fixture(scope="session")
def playwright():
    if not Path(CHROMIUM).exists():
        pytest.fail("Chromium is missing: apt-get install -y chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as driver:
        yield driver


@pytest.fixture
def new_browser(playwright, tmp_path, artifacts, request):
    """``new_browser()`` → a page in its own Chromium with a fresh user-data-dir.

    The browser console goes to the artifacts folder (page text never does). Any request
    that leaves loopback fails the test: the app promises nothing leaves the machine.
    """
    contexts, external = [], []
    console = (artifacts / f"console-{request.node.name}.log").open("w")

    def launch():
        profile = tmp_path / f"profile-{len(contexts)}"
        context = playwright.chromium.launch_persistent_context(
            profile, executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True,
            viewport=VIEWPORT, accept_downloads=False,
        )
        context.set_default_timeout(60_000)
        contexts.append(context)
        page = context.pages[0] if context.pages else context.new_page()
        page.on("console", lambda message: console.write(f"{message.type}: {message.text}\n"))
        page.on("pageerror", lambda error: console.write(f"pageerror: {error}\n"))
        page.on("request", lambda request: external.append(request.url)
                if not request.url.startswith(("http://127.0.0.1", "ws://127.0.0.1", "data:",
                                               "blob:", "about:")) else None)
        return page

    yield launch
    for context in contexts:
        context.close()
    console.close()
    assert not external, f"requests left the machine: {sorted(set(external))[:5]}"
