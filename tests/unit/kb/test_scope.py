import json
import re
import shutil
from pathlib import Path

import numpy as np
import pytest

from assistant.config import BUNDLED_MINILM
from assistant.errors import ConfigError
from assistant.factory import scope_model
from assistant.kb.scope import (
    MANIFEST, MODEL_DIR, SIGNAL_WEIGHT, WEIGHTS, ScopeModel, ScopeSignals, likeness,
)
from assistant.model_files import base_weights, file_sha256
from tests.conftest import make_settings
from tools.retrieval_scope.train import DATA, FILES, RECIPE, data_digest


def signals(dimension: int = 384, similarity: float = 0.5) -> ScopeSignals:
    vector = np.full(dimension, 1 / np.sqrt(dimension), dtype=np.float32)
    return ScopeSignals(vector, vector, similarity, similarity, 10.0, 1, 0)


def model_manifest() -> dict:
    return json.loads((MODEL_DIR / MANIFEST).read_text(encoding="utf-8"))


def test_the_shipped_model_is_small_and_names_its_base_data_and_figures():
    manifest = json.loads((MODEL_DIR / MANIFEST).read_text(encoding="utf-8"))
    assert (MODEL_DIR / WEIGHTS).stat().st_size <= 5 * 1024 * 1024
    assert manifest["base_sha256"] == file_sha256(base_weights(manifest["base_model"]))
    assert manifest["recipe"] == RECIPE
    # The dev questions changed without `make models`: retrain, or the model is stale.
    assert manifest["digest"] == data_digest(DATA)
    reports = Path(__file__).resolve().parents[3] / "docs" / "evaluation"
    for name in FILES:  # a sealed set trains it only once scored (its report exists)
        version = re.match(r"sealed/retrieval-(v\d+)\.jsonl", name)
        assert version is None or (reports / f"retrieval-heldout-{version[1]}.md").is_file(), name
    total = manifest["eval"]["total"]
    assert total["in_scope"] + total["out_of_scope"] == manifest["questions"]
    assert total["scope_in_scope_empty"] <= total["floor_in_scope_empty"]


def test_its_features_are_the_signals_both_vectors_then_the_likeness_to_labelled_questions():
    model = ScopeModel.load(BUNDLED_MINILM)
    question = signals()
    assert model.features(question).shape == model.weights.shape
    assert np.array_equal(model.features(question)[: question.features().size], question.features())
    assert len(model.references) == len(model.labels) == model_manifest()["questions"]
    assert 0.0 <= model.probability(question) <= 1.0


def test_likeness_is_the_mean_and_best_of_the_nearest_labelled_questions_of_each_kind():
    axis = np.eye(4, dtype=np.float32)
    references = np.stack([axis[0], axis[0] * 0.9 + axis[1] * 0.1, axis[2], axis[3]])
    in_scope = np.array([True, True, False, False])
    near_in, near_out, best_in, best_out = likeness(axis[0], references, in_scope) / SIGNAL_WEIGHT
    assert best_in == pytest.approx(1.0) and near_in == pytest.approx(0.95)
    assert best_out == pytest.approx(0.0) and near_out == pytest.approx(0.0)


def test_another_embedding_model_gets_the_relevance_floor_not_this_model(tmp_path):
    assert scope_model(make_settings(embedding_model=str(tmp_path))) is None
    with pytest.raises(ConfigError, match="not of the configured embedding model.*make models"):
        ScopeModel.load(str(tmp_path))


def test_a_missing_or_damaged_model_is_refused_clearly(tmp_path):
    with pytest.raises(ConfigError, match="missing or damaged.*make models"):
        ScopeModel.load(BUNDLED_MINILM, tmp_path)
    shutil.copy(MODEL_DIR / MANIFEST, tmp_path / MANIFEST)
    (tmp_path / WEIGHTS).write_bytes(b"not numpy")
    with pytest.raises(ConfigError, match="missing or damaged"):
        ScopeModel.load(BUNDLED_MINILM, tmp_path)


def test_a_model_trained_on_another_base_is_refused_at_first_use(tmp_path):
    manifest = json.loads((MODEL_DIR / MANIFEST).read_text(encoding="utf-8"))
    manifest["base_sha256"] = "0" * 64
    (tmp_path / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    shutil.copy(MODEL_DIR / WEIGHTS, tmp_path / WEIGHTS)
    model = ScopeModel.load(BUNDLED_MINILM, tmp_path)
    with pytest.raises(ConfigError, match="weights' hash differs"):
        model.in_scope(signals())
