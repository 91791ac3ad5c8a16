from datetime import date

import pytest

from assistant.errors import InputError
from assistant.kb.approval import approve
from assistant.kb.corpus import load_corpus
from assistant.kb.documents import InvalidDocument, parse_document


def _rewrite(path, old, new):
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))


@pytest.mark.parametrize(
    ("old", "new", "field"),
    [
        ("audience: ", "audience: everyone-", "audience"),  # not an allowed value
        ("phase: ", "phase: sometime-", "phase"),
        ("id: grounding-techniques", "id: Grounding Techniques", "id"),
        ("id: grounding-techniques", "id: other-slug", "id"),
        ("title: ", "titel: ", "title"),  # misspelt key: missing title and an extra field
    ],
)
def test_when_front_matter_field_is_wrong_then_problem_names_the_field(small_corpus, old, new, field):
    path = small_corpus / "grounding-techniques.md"
    _rewrite(path, old, new)
    with pytest.raises(InvalidDocument) as info:
        parse_document(path)
    assert any(p.field.startswith(field) for p in info.value.problems)
    assert all(p.path == path for p in info.value.problems)


def test_when_yaml_is_broken_then_problem_says_front_matter_and_line(small_corpus):
    path = small_corpus / "grounding-techniques.md"
    _rewrite(path, "topics:", "topics: [unclosed\nfoo:")
    with pytest.raises(InvalidDocument) as info:
        parse_document(path)
    assert info.value.problems[0].field == "front matter"
    assert "line" in info.value.problems[0].message


def test_when_several_documents_are_broken_then_every_problem_is_reported(small_corpus):
    _rewrite(small_corpus / "grounding-techniques.md", "audience: ", "audience: x")
    _rewrite(small_corpus / "safety-planning.md", "phase: ", "phase: x")
    corpus = load_corpus(small_corpus)
    assert {p.path.stem for p in corpus.problems} == {"grounding-techniques", "safety-planning"}
    assert [d.id for d in corpus.documents] == ["self-compassion"]


def test_when_body_has_a_dose_amount_then_validation_reports_its_line(small_corpus):
    path = small_corpus / "self-compassion.md"
    path.write_text(path.read_text() + "\nSome clinics start at 0.5 mg/kg.\n")
    corpus = load_corpus(small_corpus)
    dose = [p for p in corpus.problems if "dose amount" in p.message]
    assert len(dose) == 1 and dose[0].field.startswith("body line ")


def test_when_body_is_too_short_then_word_count_is_reported(small_corpus):
    path = small_corpus / "self-compassion.md"
    head, _, _ = path.read_text().partition("\n---\n")
    path.write_text(head + "\n---\n## Overview\nToo short.\n## More\nStill short.\n")
    corpus = load_corpus(small_corpus)
    assert any("words" in p.message for p in corpus.problems)


def test_when_approved_then_retrievable_and_an_edit_revokes_it(small_corpus):
    corpus = load_corpus(small_corpus)
    doc = approve(corpus, "self-compassion", "Dr Reviewer", date(2026, 1, 2))
    reread = parse_document(doc.path)
    assert reread.is_approved and reread.meta.review.reviewer == "Dr Reviewer"
    assert reread.meta.review.reviewed_on == date(2026, 1, 2)
    assert reread.meta.review.content_sha256 == reread.content_sha256()

    doc.path.write_text(doc.path.read_text() + "\nAn unreviewed sentence.\n")
    edited = parse_document(doc.path)
    assert not edited.is_approved
    assert edited.review_state == "changed-since-approval"


def test_when_references_change_then_approval_is_revoked(small_corpus):
    corpus = load_corpus(small_corpus)
    doc = approve(corpus, "self-compassion", "Dr Reviewer", date(2026, 1, 2))
    _rewrite(doc.path, "references:\n", "references:\n- Someone, A. (2020). A new unreviewed source. Journal.\n")
    assert not parse_document(doc.path).is_approved


@pytest.mark.parametrize(("doc_id", "reviewer"), [("no-such-doc", "Dr R"), ("self-compassion", "  ")])
def test_when_approval_is_incomplete_then_it_is_refused(small_corpus, doc_id, reviewer):
    with pytest.raises(InputError):
        approve(load_corpus(small_corpus), doc_id, reviewer, date(2026, 1, 2))
