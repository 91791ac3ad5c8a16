import pytest

from assistant.factory import build_assistant
from assistant.generation.sentences import split_sentences


@pytest.fixture(scope="module")
def assistant(indexed_settings, embedder):
    return build_assistant(indexed_settings, embedder)


def test_answer_quotes_passages_verbatim_with_valid_citations(assistant):
    question = "How can I help a client feel grounded after a session?"
    passages = assistant.retrieve(question)
    answer = assistant.answerer.answer(question, passages)
    assert answer.status == "answered" and 3 <= len(answer.sentences) <= 9
    by_n = {c.n: c for c in answer.citations}
    for sentence in answer.sentences:
        source = by_n[sentence.citation]
        assert sentence.text in " ".join(source.passage.replace("**", "").split())
        assert f"{sentence.text} [{sentence.citation}]" in answer.text
    assert sorted(by_n) == list(range(1, len(by_n) + 1))
    assert all(c.references for c in answer.citations)


def test_answer_is_deterministic(assistant):
    question = "What is integration in KAP?"
    passages = assistant.retrieve(question)
    assert assistant.answerer.answer(question, passages) == assistant.answerer.answer(question, passages)


def test_no_passages_means_no_material_rather_than_an_invented_answer(assistant):
    answer = assistant.answerer.answer("anything", [])
    assert answer.status == "no_material" and answer.citations == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The first sentence has six words. The second one also has six words.", 2),
        ("1. Notice five things you can see.\n2. Name four things you can feel now.", 2),
        ("Work by Dore et al. shows something important about integration here.", 1),
        ("Too short. Tiny.", 0),  # fragments under six words are not quotable
    ],
)
def test_sentence_splitting(text, expected):
    assert len(split_sentences(text)) == expected


def test_dropping_a_sentence_drops_its_unused_source_and_renumbers_the_rest(assistant):
    from assistant.generation.grounded import compose, keep_sentences

    question = "How can I help a client feel grounded after a session?"
    passages = assistant.retrieve(question, k=8)
    answer = compose(question, passages, [(split_sentences(p.text)[0], i) for i, p in enumerate(passages[:3])])
    first = answer.sentences[0].citation
    kept = [s for s in answer.sentences if s.citation != first]
    trimmed = keep_sentences(answer, kept)
    assert kept and len(trimmed.citations) == len(answer.citations) - 1
    assert [c.n for c in trimmed.citations] == list(range(1, len(trimmed.citations) + 1))
    assert {s.citation for s in trimmed.sentences} == {c.n for c in trimmed.citations}
    assert all(f"[{s.citation}]" in trimmed.text for s in trimmed.sentences)
    by_n = {c.n: c for c in trimmed.citations}
    originals = {c.n: c for c in answer.citations}
    for before, after in zip(kept, trimmed.sentences, strict=True):
        assert by_n[after.citation].chunk_id == originals[before.citation].chunk_id


@pytest.mark.parametrize(
    "question",
    [
        "how do I run a collaborative grounding sequence with a client?",
    ],
)
def test_a_practice_is_quoted_whole_with_its_steps_in_order(assistant, question):
    answer = assistant.answerer.answer(question, assistant.retrieve(question))
    numbers = [int(s.text.split(".")[0]) for s in answer.sentences if s.text[:1].isdigit()]
    assert len(numbers) >= 4 and numbers == list(range(numbers[0], numbers[0] + len(numbers)))
    assert len({s.citation for s in answer.sentences if s.text[:1].isdigit()}) == 1
    assert all(f"{s.text} [{s.citation}]" in answer.text.split("\n") for s in answer.sentences
               if s.text[:1].isdigit())


@pytest.mark.parametrize(
    "question",
    [
        "What is integration in KAP?",
        "why does self-compassion matter after a ketamine session",
        "what does the evidence say about the neuroplasticity window",
    ],
)
def test_a_prose_answer_reads_as_one_passage_from_one_section(assistant, question):
    passages = assistant.retrieve(question)
    answer = assistant.answerer.answer(question, passages)
    assert 3 <= len(answer.sentences) <= 6
    first = answer.citations[0]
    lead = [s for s in answer.sentences if s.citation == first.n]
    assert len(lead) >= 2  # the answering section leads, not a sentence from each passage
    flat = " ".join(first.passage.replace("**", "").split())
    positions = [flat.index(s.text) for s in lead]
    assert positions == sorted(positions)  # in reading order
