"""Exemplars: learned lines from dev only, stored vectors used only when they match."""

import json

import numpy as np
import pytest

from assistant.dose_amounts import find_dose_amounts
from assistant.errors import ConfigError
from assistant.guard.semantic import Exemplar, ExemplarSet, exemplar_vectors, read_exemplars
from assistant.guard.text import Sentence
from tests.amounts import amount
from tests.conftest import make_settings
from tools.guard_model.learned import learn


class CountingEmbedder:
    """Deterministic unit vectors; counts the texts it was asked to encode."""

    def __init__(self, name: str = "counting"):
        self.name = name
        self.encoded = 0

    def encode(self, texts, on_progress=None):
        self.encoded += len(texts)
        rows = [np.random.default_rng(abs(hash(t)) % 2**32).normal(size=8) for t in texts]
        vectors = np.array(rows, dtype=np.float32)
        return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def _write(path, rows):
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")


def test_when_calibration_learns_then_only_dev_lines_without_amounts_are_kept(tmp_path):
    data, exemplars = tmp_path / "data", tmp_path / "exemplars"
    data.mkdir()
    exemplars.mkdir()
    (exemplars / "crisis.yaml").write_text(
        "positive: {plan: ['I have a plan.']}\nbenign: {misc: ['What music?']}\n", encoding="utf-8"
    )
    _write(data / "journal.dev.jsonl", [
        {"id": "1", "text": "I keep thinking about ending it.", "label": "crisis",
         "category": "suicidal ideation"},
        {"id": "2", "text": f"I saved up {amount('2')} worth to end it.", "label": "crisis",
         "category": "means"},
        {"id": "3", "text": "We walked by the sea.", "label": "benign"},
    ])
    _write(data / "therapist.dev.jsonl", [])
    _write(data / "questions.dev.jsonl", [{"id": "4", "text": "How do I kill a process?", "label": "benign"}])
    _write(data / "journal.heldout.jsonl", [{"id": "5", "text": "secret", "label": "crisis"}])
    learn("crisis", data, exemplars)
    positives, benign = read_exemplars("crisis", exemplars)
    texts = [e.text for e in positives] + benign
    assert "I keep thinking about ending it." in texts and "How do I kill a process?" in texts
    assert "secret" not in texts  # held-out lines are never learned
    assert not any(find_dose_amounts(t) for t in texts)
    assert {e.category for e in positives} == {"plan", "suicidal ideation"}
    assert read_exemplars("crisis", exemplars, learned=False)[0] == positives[:1]


def test_when_cached_vectors_match_then_nothing_is_encoded(tmp_path):
    texts = ["one", "two", "one"]
    first = CountingEmbedder()
    exemplar_vectors("dosing", texts, first, tmp_path)
    assert first.encoded == 2  # each distinct text once
    embedder = CountingEmbedder()
    vectors = exemplar_vectors("dosing", texts, embedder, tmp_path)
    assert vectors.shape == (3, 8) and embedder.encoded == 0
    assert all((p.stat().st_mode & 0o777) == 0o600 for p in tmp_path.iterdir())


@pytest.mark.parametrize(
    ("texts", "model"),
    [(["one", "three"], "counting"), (["one", "two"], "another model")],
)
def test_when_cached_vectors_are_stale_then_exemplars_are_encoded(tmp_path, texts, model):
    exemplar_vectors("dosing", ["one", "two"], CountingEmbedder(), tmp_path)
    embedder = CountingEmbedder(model)
    exemplar_vectors("dosing", texts, embedder, tmp_path)
    assert embedder.encoded == 2


def test_the_first_embedding_reports_its_progress(tmp_path):
    seen = []
    exemplar_vectors("dosing", ["one", "two"], CountingEmbedder(), tmp_path,
                     lambda total: (seen.append(total), seen.append)[1])
    assert seen[0] == 2


def test_when_a_threshold_is_missing_then_loading_stops(tmp_path):
    (tmp_path / "calibration.yaml").write_text("dosing: {threshold: 0.5, margin: 0.0}\n")
    (tmp_path / "crisis.yaml").write_text("positive: {x: [a]}\nbenign: {y: [b]}\n")
    with pytest.raises(ConfigError, match="no threshold for 'crisis-reported'"):
        ExemplarSet.load("crisis", tmp_path, calibration_key="crisis-reported")


def test_findings_never_quote_a_dose_amount(embedder):
    exemplars = ExemplarSet(
        "dosing", [Exemplar(f"Is {amount('2')} right?", "amount")], ["music"], threshold=0.0, margin=0.0
    )
    exemplars.embed(embedder)
    question = f"What about {amount('2')}?"
    nearest = exemplars.nearest(embedder.encode([question]))[0]
    finding = exemplars.finding(Sentence(question, 0, len(question)), nearest)
    assert finding is not None and not find_dose_amounts(finding.detail)


def test_calibration_picks_the_strictest_setting_near_the_best_recall():
    from tools.guard_model.calibrate import _choose

    labels = np.array([True, False])
    hits = np.array([True, False])
    grid = [
        (True, 0.90, 0.40, 0.0, hits),  # best recall
        (True, 0.89, 0.50, 0.0, hits),  # within tolerance and stricter: chosen
        (True, 0.80, 0.60, 0.0, hits),  # too much recall lost
        (False, 0.99, 0.30, 0.0, hits),  # over a false-rate cap
    ]
    assert _choose(grid, labels)[:2] == (0.50, 0.0)


def test_when_a_benign_line_has_several_sentences_then_each_is_a_benign_exemplar(tmp_path):
    data, exemplars = tmp_path / "data", tmp_path / "exemplars"
    data.mkdir()
    exemplars.mkdir()
    (exemplars / "crisis.yaml").write_text(
        "positive: {'suicidal ideation': ['I want to die.']}\nbenign: {misc: ['I slept.']}\n",
        encoding="utf-8",
    )
    _write(data / "journal.dev.jsonl", [
        {"id": "1", "text": "My dog died last week. Cried in session and it helped.", "label": "benign"},
        {"id": "2", "text": "Felt calm at first. Tonight I want to end it.", "label": "crisis"},
    ])
    _write(data / "therapist.dev.jsonl", [])
    _write(data / "questions.dev.jsonl", [])
    learn("crisis", data, exemplars)
    positives, benign = read_exemplars("crisis", exemplars)
    assert "Cried in session and it helped." in benign  # a benign line's sentence is benign
    assert "Felt calm at first." not in [e.text for e in positives]  # not so for crisis lines


def test_calibration_masks_a_dev_line_with_its_whole_writing_batch(tmp_path):
    from tools.guard_model.calibrate import _batch, _origins

    _write(tmp_path / "journal.dev.jsonl", [
        {"id": "1", "text": "First line. Second part.", "label": "benign", "origin": "probe-a"},
        {"id": "2", "text": "Unbatched line.", "label": "benign"},
    ])
    origins = _origins(tmp_path)
    assert origins["First line. Second part."] == origins["Second part."] == "probe-a"
    assert origins["Unbatched line."] == _batch({"text": "Unbatched line."}) != "probe-a"


def test_a_bad_guard_data_line_names_its_file_and_line(tmp_path):
    from assistant.errors import InputError
    from evals.guard_data import data_rows

    path = tmp_path / "journal.dev.jsonl"
    path.write_text('{"id": "1", "text": "x", "label": "benign"}\n{broken\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"journal\.dev\.jsonl:2:"):
        data_rows(path)
    with pytest.raises(InputError, match="file not found"):
        data_rows(tmp_path / "missing.dev.jsonl")


def test_a_remembered_batch_gives_the_same_nearest_exemplars(embedder):
    cache = make_settings().cache_dir  # computed once per machine, as by `kap prepare`
    exemplars = ExemplarSet.load("crisis", cache_dir=cache)
    exemplars.embed(embedder)
    vectors = embedder.encode(["I want to disappear for good.", "Lovely walk by the river."])
    direct = exemplars.nearest(vectors)
    exemplars.remember(vectors)
    assert [exemplars.nearest(row[None])[0] for row in vectors] == direct
    other = embedder.encode(["My chest has hurt since the session."])
    fresh = ExemplarSet.load("crisis", cache_dir=cache)
    fresh.embed(embedder)
    assert exemplars.nearest(other) == fresh.nearest(other)  # outside the batch: computed
