"""The shipped knowledge base itself: complete, valid, vetted and free of dose amounts."""

import re

import pytest

from assistant.dose_amounts import find_dose_amounts
from assistant.kb.corpus import load_corpus
from tests.conftest import REPO

REQUIRED = """what-is-integration kap-overview preparation-and-intention-setting set-and-setting
the-ketamine-experience challenging-experiences ego-dissolution-and-death-imagery
grounding-techniques breathwork-and-regulation window-of-tolerance body-based-integration
journaling-for-integration meaning-making-and-narrative values-and-committed-action
self-compassion parts-work-ifs-informed mindfulness-practices behavioral-activation
ptsd-psychoeducation trauma-informed-principles depression-psychoeducation
anxiety-psychoeducation neuroplasticity-window after-care-and-post-session-safety
relationships-and-support-systems sleep-and-daily-rhythms creative-and-expressive-integration
nature-and-spiritual-experiences when-symptoms-return safety-planning
substance-use-considerations measurement-based-care
scope-of-practice-and-prescriber-collaboration cultural-humility-and-consent""".split()

CORPUS = load_corpus(REPO / "knowledge")


def test_the_corpus_has_no_problems():
    assert [str(p) for p in CORPUS.problems] == []


def test_every_required_document_exists():
    assert sorted(set(REQUIRED) - {d.id for d in CORPUS.documents}) == []


@pytest.mark.parametrize("doc", CORPUS.documents, ids=lambda d: d.id)
def test_document_is_approved_substantial_and_cites_sources(doc):
    assert doc.is_approved, f"{doc.id} is {doc.review_state}; run kap kb approve"
    assert doc.word_count() >= 350
    assert len(doc.meta.references) >= 2
    assert len(re.findall(r"^## ", doc.body, re.MULTILINE)) >= 2


@pytest.mark.parametrize("path", sorted((REPO / "knowledge").glob("*.md")), ids=lambda p: p.stem)
def test_no_dose_amount_anywhere_in_the_file(path):
    text = path.read_text(encoding="utf-8")
    assert [text[s:e] for s, e in find_dose_amounts(text)] == []
