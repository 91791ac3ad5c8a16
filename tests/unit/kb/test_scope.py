import json
import re
import shutil
from pathlib import Path

import numpy as np
import pytest

from assistant.config import BUNDLED_MINILM
from assistant.errors import ConfigError
from assistant.factory import scope_model
from assistant.kb.scope import MANIFEST, MODEL_DIR, WEIGHTS, ScopeModel, ScopeSignals
from assistant.model_files import base_weights, file_sha256
from tests.conftest import make_settings
from tools.retrieval_scope.train import DATA, FILES, RECIPE, data_digest


def signals(dimension: int = 384, similarity: float = 0.5) -> ScopeSignals:
    vector = np.full(dimension, 1 / np.sqrt(dimension), dtype=np.float32)
    return ScopeSignals(vector, vector, similarity, similarity, 10.0, 1, 0)


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


def test_its_features_are_the_signals_then_both_vectors():
    model = ScopeModel.load(BUNDLED_MINILM)
    assert signals().features().shape == model.weights.shape
    assert 0.0 <= model.probability(signals()) <= 1.0


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
