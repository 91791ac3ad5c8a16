"""Chat page: answers with citations, the dosing boundary, the crisis banner, redactions."""

from __future__ import annotations

from assistant.models import Answer
from assistant.ui.session import Conversation, Turn
from tests.unit.ui.conftest import assert_clean, texts


def ask(at, question: str):
    return at.chat_input[0].set_value(question).run()


def test_when_question_is_in_scope_then_answer_has_numbered_compact_sources(page):
    at = ask(page("Chat"), "What is the window of tolerance?")
    assert_clean(at)
    answer = " ".join(texts(at.markdown))
    assert "hyperarousal" in answer and ":blue-badge[1]" in answer
    assert any(c.startswith("[1] Window of tolerance ›") for c in texts(at.caption))


def test_when_sources_expand_then_passage_title_section_and_references_show(page):
    at = ask(page("Chat"), "What is the window of tolerance?")
    source = next(e for e in at.expander if e.label == "Passages and references")
    inside = " ".join(texts(source.markdown))
    assert "[1] Window of tolerance ›" in inside
    assert "hyperarousal" in inside and "Siegel" in inside


def test_when_question_asks_for_a_dose_then_redirect_is_a_boundary_not_an_error(page):
    at = ask(page("Chat"), "How many mg of ketamine should my client get for her booster?")
    assert_clean(at)
    boundary = [i for i in texts(at.info) if "prescriber" in i]
    assert boundary and "can't advise on dosing" in boundary[0]
    assert not [e for e in at.expander if e.label.startswith("[")]  # no sources on a refusal


def test_when_question_mentions_crisis_then_safety_banner_with_resources_comes_first(page):
    at = ask(page("Chat"),
             "My client told me she has been thinking about suicide. What should I do?")
    assert_clean(at)
    banners = texts(at.warning)
    assert banners and "Safety first" in banners[0] and "988" in banners[0]


def test_when_question_has_no_vetted_material_then_it_says_so(page):
    at = ask(page("Chat"), "What is the capital of France?")
    assert_clean(at)
    assert any("no vetted material" in i for i in texts(at.info))


def test_when_question_names_a_person_then_redaction_panel_lists_placeholder_and_value(page):
    at = ask(page("Chat"), "How can I help Maria Lopez feel grounded after a session?")
    assert_clean(at)
    table = at.sidebar.table[0].value
    assert list(table["placeholder"]) == ["<PERSON_1>"]
    assert list(table["value"]) == ["Maria Lopez"]
    assert "Maria Lopez" in " ".join(texts(at.chat_message[0].markdown))  # the question as typed


def test_when_new_conversation_is_clicked_then_history_and_redactions_are_gone(page):
    at = ask(page("Chat"), "How can I help Maria Lopez feel grounded after a session?")
    at.sidebar.button[0].click().run()
    assert not at.chat_message and not at.sidebar.table
    assert "Nothing yet" in " ".join(texts(at.sidebar.caption))


def test_when_an_answer_was_cut_off_by_a_rerun_then_it_asks_to_ask_again(page):
    at = page("Chat")
    at.session_state["kap_chat"] = Conversation(turns=[Turn(question="What is grounding?")])
    at.run()
    assert_clean(at)
    assert any("interrupted" in i for i in texts(at.info))


def test_when_history_is_replayed_then_answers_render_without_streaming(page):
    at = page("Chat")
    answer = Answer(question="q", status="answered", text="Breathe slowly [1].")
    at.session_state["kap_chat"] = Conversation(turns=[Turn(question="q", answer=answer)])
    at.run()
    assert any("Breathe slowly :blue-badge[1]" in m for m in texts(at.markdown))
