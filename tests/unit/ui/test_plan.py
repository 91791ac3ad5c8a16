"""Session plan page: draft from the loaded journal, edit in place, download."""

from __future__ import annotations

from tests.unit.ui.conftest import SAMPLE_JOURNAL, assert_clean, texts


def test_when_no_journal_is_loaded_then_it_points_to_session_prep(page):
    at = page("Session plan")
    assert_clean(at)
    assert "Session prep first" in texts(at.info)[0]
    assert at.get("page_link")


def draft(page, focus: str = "sleep"):
    at = page("Session prep")
    at.text_area[0].set_value(SAMPLE_JOURNAL.read_text(encoding="utf-8"))
    at.button[0].click().run()
    plan = page("Session plan")
    plan.session_state["kap_journal"] = at.session_state["kap_journal"]
    plan.run()
    plan.number_input[0].set_value(3)
    plan.text_input[0].set_value(focus)
    return plan.button[0].click().run()


def test_when_plan_is_drafted_then_sections_are_editable_with_sources(page):
    at = draft(page)
    assert_clean(at)
    assert any(h.startswith("Session 3 · 50 minutes · sleep") for h in texts(at.subheader))
    assert at.dataframe  # the agenda editor
    labels = [t.label for t in at.text_area]
    assert "Goals" in labels and "Check-in" in labels
    assert any(c.startswith("Sources: ") for c in texts(at.caption))


def test_when_a_section_is_edited_then_the_edit_survives_a_rerun(page):
    at = draft(page)
    goals = next(t for t in at.text_area if t.label == "Goals")
    goals.set_value("Practise the 4-7-8 breath together").run()
    assert next(t for t in at.text_area if t.label == "Goals").value == (
        "Practise the 4-7-8 breath together")
    assert_clean(at)


def test_when_plan_is_drafted_then_markdown_and_word_downloads_are_offered(page):
    at = draft(page)
    assert [b.label for b in at.get("download_button")] == ["Markdown", "Word"]


def test_when_a_section_is_edited_then_the_downloads_carry_the_edit(page, monkeypatch):
    exported = []
    monkeypatch.setattr("assistant.ui.downloads.plan_markdown",
                        lambda plan, vault: exported.append(plan) or "# plan")
    at = draft(page)
    next(t for t in at.text_area if t.label == "Goals").set_value("Rest\nBreathe").run()
    assert exported[-1].goals == ["Rest", "Breathe"]
    assert exported[-1].focus == "sleep"
