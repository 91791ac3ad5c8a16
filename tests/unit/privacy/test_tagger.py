"""The learned PHI tagger: what it finds, what it leaves alone, and how its artifact is guarded."""

from __future__ import annotations

import importlib.util
import json
import re
import shutil
import sys
from pathlib import Path

import pytest

from assistant.embeddings import resolve_model_path
from assistant.errors import ConfigError
from assistant.privacy.phi_tagger import MANIFEST, MODEL_DIR, WEIGHTS, PhiTagger, TaggedSpan, read_manifest
from assistant.privacy.recognizers.tagger import BASE_MODEL, PhiTaggerRecognizer, _plausible, prime_tagger
from tools.phi_tagger import written

GENERATOR = Path(__file__).resolve().parents[3] / "tools" / "phi_tagger" / "generate.py"


@pytest.fixture(scope="module")
def tagger() -> PhiTagger:
    loaded = PhiTagger(resolve_model_path(BASE_MODEL))
    loaded.load()
    return loaded


def _covered(text: str, spans, value: str) -> bool:
    """Every letter and digit of ``value`` lies in some span: it would be scrubbed. (The type
    decides only the placeholder's name; typed figures are in docs/evaluation/phi-tagger.md.)"""
    start = text.index(value)
    chars = [i for i in range(start, start + len(value)) if text[i].isalnum()]
    return all(any(s.start <= i < s.end for s in spans) for i in chars)


FOUND = [
    # names in lowercase and capitals, from many traditions
    ("priya came over after work and we talked for hours", "priya"),
    ("CALLED OKONKWO ADEBAYO ABOUT THE FORMS", "OKONKWO ADEBAYO"),
    ("My sister Nguyễn Thị Hoa joined the integration session.", "Nguyễn Thị Hoa"),
    ("Had tea with Oluwaseun and Siobhán after group.", "Siobhán"),
    ("Tomasz Wiśniewski is my emergency contact.", "Tomasz Wiśniewski"),
    ("Georgia texted me twice last night.", "Georgia"),
    ("lunch with haruto tanaka tomorrow", "haruto tanaka"),
    # phones, addresses, postal codes and cities outside the US (the first two addresses are
    # typed PERSON and ADDRESS+city by the shipped model, and still covered)
    ("You can reach me on +44 20 7946 0958 after six.", "+44 20 7946 0958"),
    ("call me at 06 12 34 56 78 when you land", "06 12 34 56 78"),
    ("She moved to Rua das Flores 123 last month.", "Rua das Flores"),  # the number is the street recognizer's
    ("Address: Hauptstraße 5, 10115 Berlin", "10115"),
    ("Postal code: SW1A 2AA", "SW1A 2AA"),
    ("We drove up to KRAKÓW for the weekend.", "KRAKÓW"),
    ("My brother still lives in São Paulo.", "São Paulo"),
    # dates, with an attached time
    ("The next session is on 14/03/2025 at 3pm.", "14/03/2025 at 3pm"),
]

NOT_FOUND = [
    "PHQ-9 was 14 and GAD-7 was 9 at intake.",
    "C-SSRS screen negative; PCL-5 at 31.",
    "I have hope, and I will keep going by the grace of small things.",
    "The ketamine brought ego dissolution, then the void, then a wave of grief.",
    "In 2019 I moved abroad and everything changed.",
    "Every Tuesday I write in my journal.",
    "We talked about Portugal, Texas and the fear of flying.",
    "Session 3 of 6. Eye mask on, playlist started, somatic release after twenty minutes.",
    # speech in other languages and scripts is not a name
    'Afterwards she whispered "tout va bien, je suis là" and smiled.',
    "Он сказал: «Я больше не боюсь темноты.»",
]


@pytest.mark.parametrize(("text", "value"), FOUND)
def test_when_identifier_in_text_then_tagger_covers_it(tagger, text, value):
    assert _covered(text, tagger.predict([text])[0], value)


@pytest.mark.parametrize("text", NOT_FOUND)
def test_when_no_identifier_in_text_then_tagger_finds_nothing(tagger, text):
    assert tagger.predict([text])[0] == []


def test_batched_and_single_predictions_agree(tagger):
    texts = [row[0] for row in FOUND[:6]] + NOT_FOUND[:3]
    def shape(found):
        return [[(s.start, s.end, s.type, round(s.score, 4)) for s in spans] for spans in found]

    assert shape(tagger.predict(texts)) == shape([tagger.predict([text])[0] for text in texts])


def test_long_text_is_read_in_windows(tagger):
    filler = "I sat with the feeling and breathed slowly. " * 60
    text = filler + "Later Oluwaseun Adeyemi called from Lagos."
    spans = tagger.predict([text])[0]
    assert _covered(text, spans, "Oluwaseun Adeyemi")


def test_recognizer_uses_primed_results(tagger):
    recognizer = PhiTaggerRecognizer(tagger=tagger)
    text = "priya came over after work"
    recognizer.prime([text])
    assert text in recognizer._primed
    results = recognizer.analyze(text, entities=["LEARNED_PERSON"])
    assert [(r.entity_type, text[r.start : r.end]) for r in results] == [("LEARNED_PERSON", "priya")]
    assert text not in recognizer._primed


@pytest.mark.parametrize(
    ("text", "kind", "value", "reported"),
    [
        ("call 0412 555 019 tonight", "PHONE", "0412 555 019", True),
        ("She is a 97-year-old retired nurse.", "PHONE", "97-year-old", False),  # too few digits
        ("Postal code: SW1A 2AA", "ZIP", "SW1A 2AA", True),
        ("Postal code: to follow", "ZIP", "to follow", False),
        ("See https://portal.example.org/msg/88213 now", "ADDRESS", "https://portal.example.org/msg/88213", False),
        ("He teaches at Roosevelt High School.", "PERSON", "Roosevelt", False),
        ("Roosevelt called me.", "PERSON", "Roosevelt", True),
        ("about 1/2 of the session", "DATE", "1/2", False),
        ("about 1/2 of the session", "DATE", "/", False),  # a piece of a fraction
        ("See https://portal.example.org/msg/88213 now", "ZIP", "msg/88213", False),
        ("seen on 3/14 again", "DATE", "3/14", True),
        ("In 2019 she moved abroad", "DATE", "2019", False),  # a year alone is no identifier
        ("the group meets on Thursdays", "DATE", "Thursdays", False),  # no digit: not the tagger's
        ("born 2019-03-04 in Porto", "DATE", "2019-03-04", True),
        ("PHQ-9 went from 21/27 to 14/27", "DATE", "21/27", False),  # a score, not a day
        ("she weighs 23.5 now", "DATE", "23.5", False),  # a decimal
        ("Version 2024.1.5 installed", "DATE", "2024.1.5", False),  # a version
        ("2024. 6. 3. 오후 세션", "DATE", "2024. 6. 3.", True),  # year first, as Korean writes it
        ("Connected: 17:03", "DATE", "17:03", False),  # a time alone
        ("Scores went 14. 12. 9. 8 over the month.", "DATE", "12. 9.", False),  # a list of scores
        ("am 12. 9. kommt sie", "DATE", "12. 9.", True),
        ("see pages 1266-1277", "PHONE", "1266-1277", False),  # a range
        ("call 2345-6789 tonight", "PHONE", "2345-6789", True),
        ("Nome: Inês Moura\nNIF pendente", "PERSON", "NIF", False),  # a form label
        ("HE SAID WU WOULD CALL", "PERSON", "WU", True),  # a name, in a text in capitals
        ("We walked down Calle Mayor to the market.", "LOCATION", "Calle Mayor", False),
        ("We walked down Calle Mayor to the market.", "ADDRESS", "Calle Mayor", False),
        ("She lives at Calle Mayor 12.", "ADDRESS", "Calle Mayor 12", True),
        ("a walk along Storgatan", "LOCATION", "Storgatan", False),
        ("We drove up to Kraków", "LOCATION", "Kraków", True),
        ("She parked in lot B2 again.", "ADDRESS", "B2", False),  # a unit alone: not the tagger's
        ("Flat 4B, 22 Mill Road", "ADDRESS", "22 Mill Road", True),
    ],
)
def test_tagger_spans_left_to_other_recognizers_are_dropped(text, kind, value, reported):
    start = text.index(value)
    assert _plausible(text, TaggedSpan(start, start + len(value), kind, 0.9)) is reported


def test_prime_tagger_reaches_the_registered_recognizer(tagger):
    recognizer = PhiTaggerRecognizer(tagger=tagger)

    class Registry:
        recognizers = [recognizer]

    class Analyzer:
        registry = Registry()

    prime_tagger(Analyzer(), ["Georgia texted me"])
    assert "Georgia texted me" in recognizer._primed


@pytest.mark.parametrize(
    ("field", "value"),
    [("sha256", "0" * 64), ("sha256", "not-a-hash")],
)
def test_when_base_model_hash_differs_then_loading_refuses(tmp_path, field, value):
    shutil.copy(MODEL_DIR / WEIGHTS, tmp_path / WEIGHTS)
    manifest = read_manifest(MODEL_DIR)
    manifest["base_model"][field] = value
    (tmp_path / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    with pytest.raises(ConfigError, match="PHI tagger was trained on another base model.*make models"):
        PhiTagger(resolve_model_path(BASE_MODEL), tmp_path).load()


def test_when_base_model_weights_are_missing_then_loading_refuses(tmp_path):
    with pytest.raises(ConfigError, match="not found"):
        PhiTagger(tmp_path).load()


def test_shipped_manifest_matches_the_real_base_model():
    PhiTagger(resolve_model_path(BASE_MODEL)).load()


def test_manifest_data_digest_matches_the_current_generator(monkeypatch):
    spec = importlib.util.spec_from_file_location("phi_tagger_generate", GENERATOR)
    generate = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, spec.name, generate)  # dataclasses look their module up
    spec.loader.exec_module(generate)
    data = read_manifest(MODEL_DIR)["data"]
    assert data["digest"] == generate.data_digest(data["split"], data["n"], data["seed"]), (
        "tools/phi_tagger/generate.py changed since the tagger was trained: run `make models`"
    )


def test_manifest_written_data_digest_matches_the_dev_sets():
    data = read_manifest(MODEL_DIR)["data"]["written"]
    assert data["digest"] == written.data_digest(tuple(data["files"])), (
        "a written PHI set the tagger trains on changed since it was trained: run `make models`"
    )


def test_written_sets_are_sealed_sets_only_once_scored():
    reports = Path(__file__).resolve().parents[3] / "docs" / "evaluation"
    for name in written.FILES:
        version = re.match(r"sealed/phi-(v\d+)/", name)
        assert version is None or (reports / f"phi-heldout-{version[1]}.md").is_file(), (
            f"{name} is a sealed set not yet scored (no report): it must not train the tagger"
        )


def test_written_labels_land_on_the_normalised_text():
    text = "Call Ma\u200brta on +351\u00a0912\u00a0345\u00a0678."
    start = text.index("Ma")
    pieces = written.pieces(text, [{"type": "PERSON", "start": start, "end": start + 6},
                                   {"type": "EMAIL", "start": 0, "end": 4}])
    (piece,) = pieces
    assert [(piece.text[s:e], kind) for s, e, kind in piece.spans] == [
        ("Call", written.IGNORE), ("Marta", "PERSON")
    ]


def test_written_texts_are_cut_where_no_identifier_crosses():
    text = ("I walked a long way. " * 10) + "Then Ana Lima called.\n" + ("It rained all day. " * 10)
    start = text.index("Ana Lima")
    pieces = written.pieces(text, [{"type": "PERSON", "start": start, "end": start + 8}])
    assert len(pieces) > 1 and all(len(p.text) <= written.MAX_CHARS for p in pieces)
    assert [(p.text[s:e], k) for p in pieces for s, e, k in p.spans] == [("Ana Lima", "PERSON")]


def test_artifact_is_small():
    assert sum(p.stat().st_size for p in MODEL_DIR.iterdir()) <= 5 * 1024 * 1024
