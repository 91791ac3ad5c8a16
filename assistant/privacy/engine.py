"""Build Presidio analyzers: ours from presidio.yaml, and Presidio's default as a baseline.

The spaCy model is loaded by path from its installed package, so Presidio never tries
to download one; a missing model or a broken YAML raises instead of falling back.
"""

from __future__ import annotations

import assistant.privacy.presidio_loader  # noqa: F401  (before Presidio: see its docstring)
import importlib.util
import logging
from pathlib import Path

import presidio_analyzer
import yaml
from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
from presidio_analyzer import predefined_recognizers as presidio_recognizers
from presidio_analyzer.nlp_engine import NerModelConfiguration, SpacyNlpEngine
from presidio_analyzer.predefined_recognizers import SpacyRecognizer

from assistant.config import Settings
from assistant.errors import ConfigError, ScrubberError
from assistant.privacy.config import PrivacyConfig, load_privacy_config
from assistant.privacy.recognizers import CUSTOM_RECOGNIZERS, OfflineEmailRecognizer

log = logging.getLogger(__name__)
# Presidio's DEBUG records quote the analysed text (context words, matches), and its
# warnings are start-up noise about languages we do not use: keep only errors.
PRESIDIO_LOGGER = "presidio-analyzer"
PRESIDIO_DEFAULT_NLP_CONF = Path(presidio_analyzer.__file__).parent / "conf" / "default.yaml"


def resolve_spacy_model(model: str) -> Path:
    """The folder of a spaCy model given as an installed package name or a path."""
    folder = Path(model)
    if not folder.is_dir():
        spec = importlib.util.find_spec(model) if model.isidentifier() else None
        if spec is None or spec.origin is None:
            raise ConfigError(
                f"KAP_SPACY_MODEL: {model!r} is neither an installed spaCy model package nor "
                "a folder; run `make install` or point it at a model folder"
            )
        package = Path(spec.origin).parent
        folder = next((p for p in sorted(package.iterdir()) if (p / "config.cfg").is_file()), package)
    if not (folder / "config.cfg").is_file():
        raise ConfigError(f"KAP_SPACY_MODEL: {folder} has no spaCy config.cfg")
    return folder


def _quiet_presidio() -> None:
    logging.getLogger(PRESIDIO_LOGGER).setLevel(logging.ERROR)


def _load_nlp_engine(model_path: Path, ner: NerModelConfiguration | None) -> SpacyNlpEngine:
    _quiet_presidio()
    engine = SpacyNlpEngine(
        models=[{"lang_code": "en", "model_name": str(model_path)}],
        ner_model_configuration=ner,
    )
    try:
        engine.load()
    except (OSError, ValueError) as exc:
        raise ScrubberError(
            f"cannot load the spaCy model at {model_path} ({type(exc).__name__}); reinstall it"
        ) from None
    return engine


def _ner_configuration(config: PrivacyConfig) -> NerModelConfiguration:
    mapped = set(config.ner.mapping)
    return NerModelConfiguration(
        default_score=config.ner.score,
        model_to_presidio_entity_mapping=config.ner.mapping,
        low_score_entity_names=list(config.ner.low_score_entity_names),
        low_confidence_score_multiplier=config.ner.low_confidence_score_multiplier,
        # Every spaCy label we did not map is dropped (dates come from our recognizer).
        labels_to_ignore=[label for label in _SPACY_LABELS if label not in mapped],
    )


_SPACY_LABELS = (
    "CARDINAL", "DATE", "EVENT", "FAC", "GPE", "LANGUAGE", "LAW", "LOC", "MONEY", "NORP",
    "ORDINAL", "ORG", "PERCENT", "PERSON", "PRODUCT", "QUANTITY", "TIME", "WORK_OF_ART",
)


def _registry(config: PrivacyConfig) -> RecognizerRegistry:
    registry = RecognizerRegistry(supported_languages=[config.language])
    entities = sorted(set(config.ner.mapping.values()))
    registry.add_recognizer(
        SpacyRecognizer(
            supported_language=config.language,
            supported_entities=entities,
            ner_strength=config.ner.score,
            context=list(config.ner.context),
        )
    )
    for name in config.presidio_recognizers:
        cls = getattr(presidio_recognizers, name, None)
        if cls is None:
            raise ConfigError(f"scrubber config: unknown Presidio recognizer {name!r}")
        registry.add_recognizer(cls(supported_language=config.language))
    for name in config.custom_recognizers:
        if name not in CUSTOM_RECOGNIZERS:
            raise ConfigError(
                f"scrubber config: unknown recognizer {name!r}; known: {', '.join(CUSTOM_RECOGNIZERS)}"
            )
        registry.add_recognizer(CUSTOM_RECOGNIZERS[name](supported_language=config.language))
    return registry


def build_analyzer(settings: Settings) -> tuple[AnalyzerEngine, PrivacyConfig]:
    """Our tuned analyzer and the configuration it was built from."""
    config = load_privacy_config(settings.presidio_config)
    model_path = resolve_spacy_model(settings.spacy_model)
    log.info("loading PHI analyzer (spaCy model %s)", model_path.name)
    nlp_engine = _load_nlp_engine(model_path, _ner_configuration(config))
    analyzer = AnalyzerEngine(
        nlp_engine=nlp_engine,
        registry=_registry(config),
        supported_languages=[config.language],
    )
    return analyzer, config


def build_baseline_analyzer(settings: Settings) -> AnalyzerEngine:
    """Presidio's default analyzer on the same spaCy model, with the email check offline."""
    defaults = yaml.safe_load(PRESIDIO_DEFAULT_NLP_CONF.read_text(encoding="utf-8"))
    ner = NerModelConfiguration.from_dict(defaults["ner_model_configuration"])
    nlp_engine = _load_nlp_engine(resolve_spacy_model(settings.spacy_model), ner)
    analyzer = AnalyzerEngine(nlp_engine=nlp_engine, supported_languages=["en"])
    analyzer.registry.remove_recognizer("EmailRecognizer")
    analyzer.registry.add_recognizer(OfflineEmailRecognizer(supported_entity="EMAIL_ADDRESS"))
    return analyzer
