"""Chat: ask the vetted knowledge base; answers stream in with numbered, expandable sources."""

from __future__ import annotations

import time
from collections.abc import Iterator

import streamlit as st

from assistant.generation.placeholders import restore_from
from assistant.models import Answer, Citation
from assistant.privacy.vault import Vault
from assistant.ui import components, resources, session
from assistant.ui.errors import friendly
from assistant.workflows.ask import MAX_QUESTION_CHARS

STREAM_SECONDS = 0.25  # the whole typing effect: short, so streaming never slows a turn
USER, ASSISTANT = ":material/person:", ":material/spa:"
INTERRUPTED = "This answer was interrupted (the page was refreshed or changed). Ask again."


@friendly
def render() -> None:
    st.title("Ask the knowledge base")
    st.caption(
        "Answers quote approved psychoeducation documents, with numbered sources. Names and "
        "other identifiers are replaced by placeholders before anything is searched."
    )
    conversation = session.conversation()
    if not conversation.turns:
        st.info("Try: *How can I help a client feel grounded after a session?*",
                icon=":material/lightbulb:")
    for turn in conversation.turns:
        _show_turn(turn, conversation.vault)
    question = st.chat_input("Ask about preparation, integration or after-care…",
                             max_chars=MAX_QUESTION_CHARS)
    if question:
        _ask(conversation, question)
    _sidebar(conversation)  # last, so it already lists this turn's placeholders


def _ask(conversation: session.Conversation, question: str) -> None:
    turn = session.Turn(question=question)
    conversation.turns.append(turn)  # kept even if a refresh cuts the answer short
    with st.chat_message("user", avatar=USER):
        st.markdown(components.plain(question))
    with st.chat_message("assistant", avatar=ASSISTANT):
        with st.spinner("Searching approved documents…"):
            answer = resources.assistant().ask(question, conversation.vault)
        turn.answer = answer
        _show_answer(answer, conversation.vault, stream=True)


def _show_turn(turn: session.Turn, vault: Vault) -> None:
    with st.chat_message("user", avatar=USER):
        st.markdown(components.plain(turn.question))
    with st.chat_message("assistant", avatar=ASSISTANT):
        if turn.answer is None:
            st.info(INTERRUPTED, icon=":material/refresh:")
        else:
            _show_answer(turn.answer, vault, stream=False)


def _show_answer(answer: Answer, vault: Vault, *, stream: bool) -> None:
    notes = list(answer.notes)
    if "crisis" in answer.flags:
        components.crisis_banner(notes.pop(0) if notes else None)
    if answer.status == "refused":
        components.boundary(_restore(answer.text, answer, vault))
    elif answer.status == "no_material":
        st.info(answer.text, icon=":material/search_off:")
    else:
        # numbered steps sit on lines of their own: a Markdown line break keeps them there
        text = components.with_markers(_restore(answer.text, answer, vault)).replace("\n", "  \n")
        if stream:
            st.write_stream(_typing(text))
        else:
            st.markdown(text)
        _sources(answer.citations)
    for note in notes:
        st.caption(components.plain(note))


def _restore(text: str, answer: Answer, vault: Vault) -> str:
    """The vault holds the whole conversation's identifiers; an answer gets back only those of
    its own question, so no earlier client's name can be pulled into a later answer."""
    return restore_from(vault, text, answer.question)


def _sources(citations: list[Citation]) -> None:
    """One compact line per source, "title › section"; passage and references in an expander."""
    if not citations:
        return
    st.caption("  \n".join(
        f"[{c.n}] {components.plain(c.title)} › {components.plain(c.section)}" for c in citations
    ))
    with st.expander("Passages and references", icon=":material/menu_book:"):
        for c in citations:
            st.markdown(f"**[{c.n}] {components.plain(c.title)} › {components.plain(c.section)}**")
            if c.passage:
                st.markdown("> " + components.plain(" ".join(c.passage.split())))
            if c.references:
                st.markdown("\n".join(f"- {components.plain(ref)}" for ref in c.references))


def _typing(text: str) -> Iterator[str]:
    words = text.split(" ")
    chunk = max(1, len(words) // 25)
    delay = STREAM_SECONDS / max(1, len(words) / chunk)
    for start in range(0, len(words), chunk):
        yield " ".join(words[start:start + chunk]) + " "
        time.sleep(delay)


def _sidebar(conversation: session.Conversation) -> None:
    with st.sidebar:
        with st.expander("What was redacted", icon=":material/visibility_off:", expanded=True):
            redactions = conversation.redactions()
            if not redactions:
                st.caption("Nothing yet. Identifiers you type are replaced before searching.")
            else:
                st.caption("Only the placeholders left this screen. Values stay in this "
                           "browser tab's memory and vanish when you close it.")
                st.table({"placeholder": [p for p, _ in redactions],
                          "value": [v for _, v in redactions]})
        st.button("New conversation", on_click=session.new_conversation,
                  icon=":material/restart_alt:", disabled=not conversation.turns)
