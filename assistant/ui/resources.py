"""Heavy, shared resources: built once per process and shared by every browser session."""

from __future__ import annotations

import hashlib
import json
import logging
from pathlib import Path

import streamlit as st
from pydantic import SecretStr

from assistant.config import Settings, load_settings
from assistant.factory import Assistant, build_assistant
from assistant.kb.approval import folder_signature
from assistant.kb.corpus import Corpus, load_corpus
from assistant.privacy.vault import Vault

log = logging.getLogger(__name__)

WARM_UP_QUESTION = "What is grounding?"


def settings() -> Settings:
    """Settings from the environment and ``.env``; a bad value raises ConfigError."""
    return load_settings()


def assistant() -> Assistant:
    """The one Assistant for the current settings, loaded and warmed up on first use."""
    current = settings()
    return _assistant(settings_key(current), current)


def settings_key(current: Settings) -> str:
    """Identifies a configuration for the cache. A dump masks secrets as ``**********``, so
    their digests are added: a changed key still builds a new assistant. Never parsed back."""
    secrets = {
        name: hashlib.sha256(value.get_secret_value().encode()).hexdigest()
        for name, value in current if isinstance(value, SecretStr)
    }
    return current.model_dump_json() + json.dumps(secrets, sort_keys=True)


@st.cache_resource(show_spinner="Loading the knowledge base and models (first start only)…")
def _assistant(key: str, _settings: Settings) -> Assistant:
    # Keyed by the settings, so a changed configuration builds a new one; the cache
    # holds a lock per key, so sessions arriving together still build it once. The
    # Settings object itself is passed unhashed (leading underscore) and used as is:
    # a JSON round trip would turn the API key into asterisks.
    built = build_assistant(_settings)
    built.ask(WARM_UP_QUESTION, Vault())  # load Presidio, MiniLM, Chroma and BM25 now
    log.info("assistant ready")
    return built


def corpus() -> Corpus:
    """The knowledge documents with their review state, re-read when a file changes (the
    same test the retriever uses, so this page and the answers agree on what is approved)."""
    folder = settings().knowledge_dir
    return _corpus(str(folder), folder_signature(folder))


@st.cache_resource(max_entries=4, show_spinner=False)
def _corpus(folder: str, signature: tuple) -> Corpus:  # signature: only the cache key
    return load_corpus(Path(folder))
