"""LLM path wiring with a scripted backend: verification and fallback, no network."""

import json

import pytest

from assistant.generation.backends import LLMError
from assistant.generation.llm import LLMAnswerer, LLMPlanWriter, LLMSummaryWriter
from assistant.generation.prompts import load_prompt
from assistant.generation.verify import OutputVerifier
from assistant.privacy.vault import Vault
from assistant.testing.fakes import ScriptedChatBackend
from assistant.workflows.ask import AskWorkflow
from tests.conftest import REPO

PROMPTS = REPO / "prompts"


@pytest.fixture
def backend():
    return ScriptedChatBackend()


@pytest.fixture
def ask(assistant, backend):
    verifier = OutputVerifier(assistant.guard, assistant.scrubber)
    answerer = LLMAnswerer(backend, load_prompt(PROMPTS, "ask"), verifier, assistant.answerer, 4)
    return AskWorkflow(assistant.scrubber, assistant.guard, assistant.retriever, answerer)


def _answer(*sentences):
    return json.dumps({"sentences": [{"text": t, "citation": c} for t, c in sentences]})


QUESTION = "How can I help Maria Alvarez feel grounded after her session?"


def test_a_verified_model_answer_is_used_and_the_model_saw_no_identifier(ask, backend):
    backend.enqueue(_answer(("Grounding brings attention back to the present moment.", 1)))
    answer = ask.run(QUESTION, Vault())
    assert answer.text == "Grounding brings attention back to the present moment. [1]"
    assert any("verified" in n for n in answer.notes)
    system, user = backend.history[0]
    assert "Maria" not in user and "Alvarez" not in user and "<PERSON_1>" in user


@pytest.mark.parametrize(
    ("reply", "reason"),
    [
        (_answer(("Grounding helps.", 9)), "citation"),
        (_answer(("Many clinics give 40 mg for a first session.", 1)), "dosing"),
        (_answer(("Ask John Smith at 415-555-0100 for help.", 1)), "identifier"),
        (LLMError("the model did not reply with JSON"), "JSON"),
        ('{"sentences": "not a list"}', "shape"),
    ],
)
def test_a_failing_model_answer_falls_back_to_grounded_and_says_why(ask, backend, reply, reason):
    backend.enqueue(reply)
    answer = ask.run(QUESTION, Vault())
    assert answer.status == "answered" and answer.citations
    note = next(n for n in answer.notes if "failed verification" in n)
    assert reason in note
    assert "40 mg" not in answer.text and "John Smith" not in answer.text


def test_a_dosing_question_never_reaches_the_model(ask, backend):
    answer = ask.run("Should we raise her dose next time?", Vault())
    assert answer.status == "refused" and backend.history == []


def test_summary_questions_from_the_model_keep_the_safety_question(assistant, entries, backend):
    verifier = OutputVerifier(assistant.guard, assistant.scrubber)
    writer = LLMSummaryWriter(backend, load_prompt(PROMPTS, "summary"), verifier)
    summary = assistant.summarize(entries, Vault())
    backend.enqueue(json.dumps({"questions": ["What has felt different in your body this week?"]}))
    revised = writer.revise(summary.model_copy(deep=True))
    assert revised.questions[0].startswith("Begin with safety")
    assert "What has felt different in your body this week?" in revised.questions
    assert "Maria" not in backend.history[0][1]


def test_plan_sections_are_verified_one_by_one(assistant, entries, backend):
    verifier = OutputVerifier(assistant.guard, assistant.scrubber)
    writer = LLMPlanWriter(backend, load_prompt(PROMPTS, "plan_llm"), verifier, assistant.retriever)
    plan = assistant.plan(entries, Vault())
    grounded_practice = plan.practice
    backend.enqueue(json.dumps({
        "goals": ["Explore the inner critic with curiosity."],
        "check_in": ["How are you arriving today?"],
        "psychoeducation": [{"title": "Self-compassion", "text": "Self-compassion means kindness toward oneself.", "sources": [1]}],
        "practice": [{"title": "Pause", "text": "Take a breath.", "sources": [99]}],
        "homework": [{"title": "Prompt", "text": "Try two sprays and write about it.", "sources": [1]}],
    }))
    revised = writer.revise(plan.model_copy(deep=True))
    assert revised.goals == ["Explore the inner critic with curiosity."]
    assert revised.psychoeducation[0].citations[0].chunk_id
    assert revised.practice == grounded_practice  # bad citation: grounded kept
    assert "sprays" not in json.dumps(revised.model_dump(mode="json")["homework"])
    notes = " ".join(revised.notes)
    assert "practice failed verification" in notes and "homework failed verification" in notes
