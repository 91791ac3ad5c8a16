"""Load and validate the scrubber YAML; any problem is a ConfigError, never a fallback."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from assistant.errors import ConfigError

DEFAULT_CONFIG = Path(__file__).with_name("presidio.yaml")
_REQUIRED = (
    "language",
    "ner",
    "presidio_recognizers",
    "custom_recognizers",
    "min_score",
    "placeholder_types",
    "allow_list",
    "location_allow_list",
)
_NER_REQUIRED = ("score", "model_to_presidio_entity_mapping", "context")


@dataclass(frozen=True)
class NerConfig:
    score: float
    mapping: dict[str, str]
    low_score_entity_names: tuple[str, ...]
    low_confidence_score_multiplier: float
    context: tuple[str, ...]


@dataclass(frozen=True)
class PrivacyConfig:
    """The parsed ``presidio.yaml``."""

    language: str
    ner: NerConfig
    presidio_recognizers: tuple[str, ...]
    custom_recognizers: tuple[str, ...]
    min_score: dict[str, float]
    placeholder_types: dict[str, str]
    allow_list: frozenset[str]
    location_allow_list: frozenset[str]
    named_things: frozenset[str] = frozenset()
    institutions: frozenset[str] = frozenset()
    opening_words: frozenset[str] = frozenset()

    def threshold(self, entity_type: str) -> float:
        return self.min_score.get(entity_type, self.min_score["default"])


def load_privacy_config(path: Path | None = None) -> PrivacyConfig:
    """Parse the YAML at ``path`` (default: the shipped one) or raise ConfigError."""
    path = path or DEFAULT_CONFIG
    where = f"scrubber config {path}"
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{where}: cannot read it ({exc.strerror}); fix KAP_PRESIDIO_CONFIG") from None
    except yaml.YAMLError as exc:
        raise ConfigError(f"{where}: invalid YAML ({exc}); fix the file") from None
    if not isinstance(raw, dict):
        raise ConfigError(f"{where}: expected a mapping at the top level")
    missing = [key for key in _REQUIRED if key not in raw]
    if missing:
        raise ConfigError(f"{where}: missing key {missing[0]!r}")
    ner = raw["ner"]
    if not isinstance(ner, dict) or any(key not in ner for key in _NER_REQUIRED):
        raise ConfigError(f"{where}: 'ner' needs {', '.join(_NER_REQUIRED)}")
    min_score = {str(k): float(v) for k, v in (raw["min_score"] or {}).items()}
    if "default" not in min_score:
        raise ConfigError(f"{where}: 'min_score' needs a 'default' entry")
    try:
        return PrivacyConfig(
            language=str(raw["language"]),
            ner=NerConfig(
                score=float(ner["score"]),
                mapping={str(k): str(v) for k, v in ner["model_to_presidio_entity_mapping"].items()},
                low_score_entity_names=tuple(ner.get("low_score_entity_names") or ()),
                low_confidence_score_multiplier=float(ner.get("low_confidence_score_multiplier", 1.0)),
                context=tuple(ner["context"]),
            ),
            presidio_recognizers=tuple(raw["presidio_recognizers"]),
            custom_recognizers=tuple(raw["custom_recognizers"]),
            min_score=min_score,
            placeholder_types={str(k): str(v) for k, v in raw["placeholder_types"].items()},
            allow_list=frozenset(str(term).casefold() for term in raw["allow_list"]),
            location_allow_list=frozenset(
                str(term).casefold() for term in raw["location_allow_list"]
            ),
            named_things=frozenset(str(term).casefold() for term in raw.get("named_things") or ()),
            institutions=frozenset(str(term).casefold() for term in raw.get("institutions") or ()),
            opening_words=frozenset(
                str(term).casefold() for term in raw.get("opening_words") or ()
            ),
        )
    except (TypeError, ValueError, AttributeError) as exc:
        raise ConfigError(f"{where}: a value has the wrong shape ({exc})") from None
