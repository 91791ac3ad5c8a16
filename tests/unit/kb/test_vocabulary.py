from collections import Counter
from datetime import date

import pytest

from assistant.kb.approval import approve
from assistant.kb.corpus import load_corpus
from assistant.kb.query import QueryRewriter, Speller
from assistant.kb.vocabulary import Vocabulary, load_vocabulary
from tests.conftest import REPO

VALID = """\
version: 1
abbreviations:
  - {short: SI, means: [suicidal ideation]}
  - {short: ACT, means: [acceptance and commitment therapy], exact_case: true}
concepts:
  - terms: [behavioral activation]
    said_as: [stuck on the couch]
  - terms: [mindfulness]
    said_as: [Achtsamkeitsübungen, atenção plena, παράθυρο ανοχής, осознанность]
"""


def test_the_shipped_vocabulary_is_valid_and_approved_for_its_content():
    vocabulary, problems = load_vocabulary(REPO / "knowledge")
    assert problems == []
    assert vocabulary is not None and vocabulary.is_approved, "run kap kb approve vocabulary"


@pytest.mark.parametrize(
    ("text", "field"),
    [
        (VALID, None),  # valid
        (VALID.replace("concepts:", "  - {short: S.I., means: [again]}\nconcepts:"), "abbreviations.2.short"),
        (VALID.replace("[suicidal ideation]", "[two tablets]"), "abbreviations.0.means.0"),
        (VALID.replace("version: 1", "version: 0"), "version"),
        (VALID + "extra: true\n", "extra"),
        ("version: [1\n", "file"),
        ("- just a list\n", "file"),
    ],
)
def test_vocabulary_problems_name_the_field(tmp_path, text, field):
    (tmp_path / "vocabulary.yaml").write_text(text)
    _, problems = load_vocabulary(tmp_path)
    if field is None:
        assert problems == []
    else:
        assert problems and problems[0].field == field, problems


def test_approving_the_vocabulary_keeps_the_file_layout_and_records_the_hash(small_corpus):
    (small_corpus / "vocabulary.yaml").write_text("# a comment\n" + VALID)
    approve(load_corpus(small_corpus), "vocabulary", "Dr R", date(2026, 1, 1))
    text = (small_corpus / "vocabulary.yaml").read_text()
    assert text.startswith("# a comment\n") and "{short: SI" in text
    vocabulary = load_corpus(small_corpus).vocabulary
    assert vocabulary.is_approved and vocabulary.review.reviewer == "Dr R"
    (small_corpus / "vocabulary.yaml").write_text(text.replace("suicidal ideation", "suicide"))
    assert not load_corpus(small_corpus).vocabulary.is_approved


@pytest.fixture(scope="module")
def rewriter():
    import yaml

    vocabulary = Vocabulary.model_validate(yaml.safe_load(VALID))
    counts = Counter({"death": 9, "ketamine": 20, "integration": 12, "dearth": 1, "touch": 3, "rapid": 2})
    return QueryRewriter(vocabulary, Speller(counts, frozenset({"couch", "freaked"})))


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("SI screening after tx", "suicidal ideation"),
        ("si after the session?", "suicidal ideation"),
        ("ACT for values", "acceptance and commitment therapy"),
        ("she's stuck on the couch all week", "behavioral activation"),
        ("stuck all week on that couch", "behavioral activation"),  # any order
        ("how to act on values", None),  # "act" the verb is not ACT
        ("the couch in the session room", None),  # one word of a phrase is not the phrase
        ("SIGNS of relief", None),
        # words of other languages and scripts match whole, accents and all
        ("Achtsamkeitsübungen für den Alltag?", "mindfulness"),
        ("exercícios de atenção plena", "mindfulness"),
        ("τι είναι το παράθυρο ανοχής;", "mindfulness"),
        ("übungen für den Alltag", None),  # a piece of a word is not the word
        # Russian and Greek words meet in any case ending
        ("упражнения на осознанности?", "mindfulness"),
        ("πώς δουλεύω με το παράθυρο της ανοχής;", "mindfulness"),
    ],
)
def test_rewriter_expands_abbreviations_and_concepts(rewriter, question, expected):
    rewritten = rewriter.rewrite(question)
    if expected is None:
        assert not rewritten.spelled_out and not rewritten.concepts, rewritten
    else:
        assert expected in rewritten.keyword_text and expected in rewritten.dense_text


@pytest.mark.parametrize(
    ("question", "corrections"),
    [
        ("ego deaht freaked him out", [("deaht", "death")]),  # transposition
        ("after ketamin sessions", [("ketamin", "ketamine")]),
        ("whats intergration", [("intergration", "integration")]),  # long word: two edits
        ("stuck on the couch", []),  # a word the model knows is not a typo
        ("TIPP or grounding", []),  # nothing within reach
        ("dth", []),  # too short to guess
        ("thérapie", []),  # a word of another language is no English typo ("rapie" no "rapid")
    ],
)
def test_speller_corrects_typos_to_the_most_frequent_corpus_word(rewriter, question, corrections):
    rewritten = rewriter.rewrite(question)
    assert list(rewritten.corrections) == corrections
    for typo, fixed in corrections:
        assert fixed in rewritten.corrected and typo in rewritten.keyword_text
