import io
import json

import pytest
from docx import Document

from assistant.dose_amounts import find_dose_amounts
from assistant.exports import plan_docx, plan_markdown, restored_json, summary_docx, summary_markdown
from assistant.kb.corpus import load_corpus
from assistant.models import JournalSummary, SessionPlan
from assistant.privacy.vault import Vault
from tests.conftest import REPO
from tests.unit.workflows.conftest import CRISIS_SENTENCES, DOSING_SENTENCE_START, IDENTIFIERS


@pytest.fixture(scope="module")
def result(assistant, entries):
    vault = Vault()
    summary = assistant.summarize(entries, vault)
    plan = assistant.plan(entries, vault, session=3, focus="the inner critic", summary=summary)
    return vault, summary, plan


def test_every_crisis_sentence_is_flagged_verbatim_with_its_date(result):
    vault, summary, _ = result
    flags = [(str(f.date), vault.restore(f.quote)) for f in summary.flags]
    assert ("2026-09-14", CRISIS_SENTENCES[0]) in flags
    assert ("2026-09-22", CRISIS_SENTENCES[1]) in flags


def test_ego_death_imagery_is_a_theme_not_a_flag(result):
    vault, summary, _ = result
    flagged = " ".join(vault.restore(f.quote) for f in summary.flags)
    assert "ego die" not in flagged and "reborn" not in flagged
    assert any("reborn" in e.quote or "ego die" in e.quote for t in summary.themes for e in t.evidence)


def test_dosing_wishes_appear_only_for_the_prescriber_with_the_amount_masked(result):
    vault, summary, plan = result
    items = [vault.restore(i.text) for i in summary.prescriber_items]
    assert any(i.startswith(DOSING_SENTENCE_START) for i in items)
    everywhere_else = json.dumps(restored_json(summary, vault)["themes"]) + json.dumps(
        [t.model_dump(mode="json") for t in plan.themes]
    )
    assert DOSING_SENTENCE_START not in everywhere_else
    assert any(DOSING_SENTENCE_START in vault.restore(n) for n in plan.prescriber_notes)


def test_no_dose_amount_anywhere_in_summary_or_plan(result):
    vault, summary, plan = result
    for model in (summary, plan):
        text = json.dumps(restored_json(model, vault))
        assert [text[s:e] for s, e in find_dose_amounts(text)] == []


def test_nothing_downstream_holds_an_identifier_until_restore(result):
    vault, summary, plan = result
    raw = summary.model_dump_json() + plan.model_dump_json()
    for identifier in IDENTIFIERS:
        assert identifier not in raw
    assert "<PERSON_" in raw and "Dr. Chen" in vault.restore(raw)


def test_injected_instructions_are_noted_and_change_nothing(result):
    _, summary, _ = result
    assert any("instructions addressed to software" in n for n in summary.notes)


def test_plan_has_a_safety_check_and_every_citation_resolves_to_an_approved_passage(result, assistant):
    _, _, plan = result
    assert plan.safety_check
    assert plan.psychoeducation and plan.practice and plan.homework
    approved = {d.id for d in load_corpus(REPO / "knowledge").approved}
    chunks = {p.chunk_id for doc in approved for p in assistant.retriever.passages_of(doc)}
    for item in plan.psychoeducation + plan.practice + plan.homework:
        assert item.citations
        for citation in item.citations:
            assert citation.doc_id in approved and citation.chunk_id in chunks


def test_agenda_fills_the_session_exactly(result):
    _, _, plan = result
    assert sum(a.minutes for a in plan.agenda) == plan.minutes == 50
    assert plan.agenda[0].activity.startswith("Safety check")


def test_json_output_validates_against_the_published_schema(result):
    vault, summary, plan = result
    summary_json = restored_json(summary, vault)
    plan_json = restored_json(plan, vault)
    assert {"flags", "prescriber_items", "themes", "mood", "scores", "questions"} <= set(summary_json)
    assert set(summary_json["flags"][0]) == {"category", "date", "quote"}
    assert {"safety_check", "goals", "check_in", "themes", "psychoeducation", "practice",
            "homework", "prescriber_notes"} <= set(plan_json)
    assert set(plan_json["practice"][0]["citations"][0]) == {"doc_id", "chunk_id", "section"}
    JournalSummary.model_validate(summary_json)
    SessionPlan.model_validate(plan_json)


def test_markdown_and_word_exports_open_and_lead_with_risk(result):
    vault, summary, plan = result
    markdown = summary_markdown(summary, vault)
    assert markdown.index("## Risk flags") < markdown.index("## Theme:")
    assert CRISIS_SENTENCES[0] in markdown
    for data in (summary_docx(summary, vault), plan_docx(plan, vault)):
        document = Document(io.BytesIO(data))
        assert document.paragraphs[0].text and any("Risk" in p.text or "Safety" in p.text for p in document.paragraphs)
    assert "## Experiential practice" in plan_markdown(plan, vault)


def test_a_dosing_focus_is_not_used_and_is_explained(assistant, entries):
    vault = Vault()
    plan = assistant.plan(entries, vault, focus="should we increase her dose next session?")
    assert plan.focus is None
    assert any("prescriber" in n for n in plan.notes)


def test_scores_are_tabled_with_a_cited_threshold(assistant):
    from assistant.journal import load_journal

    entries = load_journal(REPO / "examples" / "journal-sample.jsonl")
    summary = assistant.summarize(entries, Vault())
    phq9 = next(s for s in summary.scores if s.measure == "phq9")
    assert (phq9.first, phq9.last, phq9.change) == (18, 9, -9)
    assert "clinically meaningful" in phq9.interpretation
    assert phq9.citation and phq9.citation.doc_id == "measurement-based-care"


def test_a_crisis_question_is_answered_with_safety_planning_material_and_resources(assistant):
    answer = assistant.ask(
        "My client wrote that everyone would be better off without her. What should I do?", Vault()
    )
    assert answer.status == "answered" and "crisis" in answer.flags
    assert "safety-planning" in {c.doc_id for c in answer.citations}
    assert any("988" in note for note in answer.notes)
