"""The quick run's samples: seeded, stratified, dev data only; disguised identifiers keep
their offsets."""

import json
import random
import unicodedata

from evals import quick

INVISIBLE = dict.fromkeys(map(ord, "\u200b"))
LATIN = {cyrillic: latin for latin, cyrillic in quick._LOOKALIKE.items()}


def test_a_stratified_sample_keeps_every_stratum_and_repeats_with_its_seed():
    rows = [{"id": i, "label": "rare" if i == 7 else "common"} for i in range(100)]
    first = quick.stratified(rows, lambda r: r["label"], 5, random.Random(1))
    assert len(first) == 6 and {"id": 7, "label": "rare"} in first
    assert first == quick.stratified(rows, lambda r: r["label"], 5, random.Random(1))
    assert first != quick.stratified(rows, lambda r: r["label"], 5, random.Random(2))


def test_the_guard_sample_has_every_label_of_every_dev_set(tmp_path):
    questions = quick.guard_sample(tmp_path)
    assert questions.name == "questions.quick.jsonl"
    for name, per_label in quick.GUARD_PER_LABEL.items():
        rows = [json.loads(line) for line in (tmp_path / f"{name}.quick.jsonl").open()]
        labels = {r["label"] for r in rows}
        assert labels and len(rows) <= per_label * len(labels)
        dev = {json.loads(line)["id"] for line in (quick.DATA / "guard" / f"{name}.dev.jsonl").open()}
        assert {r["id"] for r in rows} <= dev


def test_a_disguised_identifier_folds_back_to_the_original_at_its_new_offsets():
    case = {"id": "x", "text": "Call Maria Alvarez at 415-555-0199 or maria@example.org today.",
            "entities": [{"type": "PERSON", "start": 5, "end": 18},
                         {"type": "PHONE", "start": 22, "end": 34},
                         {"type": "EMAIL", "start": 38, "end": 55}]}
    for seed in range(6):
        disguised = quick.obfuscate(case, random.Random(seed))
        assert disguised["text"] != case["text"]
        for before, after in zip(case["entities"], disguised["entities"], strict=True):
            original = case["text"][before["start"]:before["end"]]
            shown = disguised["text"][after["start"]:after["end"]]
            folded = unicodedata.normalize("NFKC", shown).translate(INVISIBLE)
            folded = "".join(LATIN.get(c, c) for c in folded)
            assert folded == original
        assert disguised["text"].endswith(" today.")


def test_the_phi_sets_are_the_dev_texts_generated_cases_and_their_disguises():
    sets = quick.phi_sets()
    assert set(sets) == {"journal-dev", "generated-dev", "obfuscated-dev"}
    assert len(sets["obfuscated-dev"]) == len(sets["journal-dev"]) + len(sets["generated-dev"])
