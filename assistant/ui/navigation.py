"""The app's pages, grouped as they appear in the sidebar."""

from __future__ import annotations

import streamlit as st

START = "Chat"


def sections(start: str = START) -> dict[str, list[st.Page]]:
    """Built per run (``st.Page`` needs a running script); ``start`` opens at the root URL."""
    from assistant.ui import about, chat, evaluation, knowledge, plan, prep

    def page(render, title: str, icon: str, url_path: str) -> st.Page:
        return st.Page(render, title=title, icon=icon, url_path=url_path, default=title == start)

    return {
        "Work": [
            page(chat.render, "Chat", ":material/forum:", "chat"),
            page(prep.render, "Session prep", ":material/assignment:", "session-prep"),
            page(plan.render, "Session plan", ":material/event_note:", "session-plan"),
        ],
        "Reference": [
            page(knowledge.render, "Knowledge base", ":material/library_books:", "knowledge-base"),
            page(evaluation.render, "Evaluation", ":material/monitoring:", "evaluation"),
            page(about.render, "About & privacy", ":material/shield:", "about"),
        ],
    }


def page(title: str) -> st.Page:
    """The page with this title, e.g. for ``st.page_link``."""
    return next(p for group in sections().values() for p in group if p.title == title)
