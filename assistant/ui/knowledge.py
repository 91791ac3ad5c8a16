"""Knowledge base: browse and search the vetted documents and their review status."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from assistant.kb.documents import KnowledgeDocument
from assistant.ui import components, resources
from assistant.ui.errors import friendly

STATES = {
    "approved": "approved",
    "draft": "draft",
    "changed-since-approval": "changed since approval",
    "retired": "retired",
}


def _state(doc: KnowledgeDocument) -> str:
    return STATES.get(doc.review_state, doc.review_state)


@friendly
def render() -> None:
    st.title("Knowledge base")
    st.caption("Answers and plans draw only on approved documents whose content is unchanged "
               "since a reviewer approved it. Approve with "
               "`kap kb approve DOC_ID --reviewer NAME`.")
    corpus = resources.corpus()
    documents = corpus.documents
    approved = sum(doc.is_approved for doc in documents)
    left, middle, right = st.columns(3)
    left.metric("Documents", len(documents))
    middle.metric("Approved", approved)
    right.metric("Not in use", len(documents) - approved)
    if corpus.problems:
        st.warning(f"{len(corpus.problems)} problem(s) in the knowledge folder; run "
                   "`kap kb validate` to see them.", icon=":material/report:")
    query, status = st.columns([3, 1])
    text = query.text_input("Search", placeholder="title, topic, summary or text")
    only = status.selectbox("Show", ["all", "approved", "not in use"])
    shown = [doc for doc in documents if _matches(doc, text) and _status_ok(doc, only)]
    if not shown:
        st.info("No document matches. Try fewer or other words.", icon=":material/search_off:")
        return
    st.dataframe(_table(shown), hide_index=True, width="stretch")
    for doc in shown:
        _document(doc)


def _matches(doc: KnowledgeDocument, text: str) -> bool:
    words = text.lower().split()
    meta = doc.meta
    haystack = " ".join([meta.id, meta.title, meta.summary, *meta.topics, doc.body]).lower()
    return all(word in haystack for word in words)


def _status_ok(doc: KnowledgeDocument, only: str) -> bool:
    return only == "all" or (only == "approved") == doc.is_approved


def _table(documents: list[KnowledgeDocument]) -> pd.DataFrame:
    return pd.DataFrame([
        {
            "title": doc.meta.title,
            "status": _state(doc) if doc.is_approved else f"NOT IN USE: {_state(doc)}",
            "reviewer": doc.meta.review.reviewer or "—",
            "reviewed": doc.meta.review.reviewed_on,
            "audience": doc.meta.audience,
            "phase": doc.meta.phase,
            "topics": ", ".join(doc.meta.topics),
        }
        for doc in documents
    ])


def _document(doc: KnowledgeDocument) -> None:
    meta = doc.meta
    label = meta.title if doc.is_approved else f"{meta.title} — not in use ({_state(doc)})"
    icon = ":material/verified:" if doc.is_approved else ":material/warning:"
    with st.expander(label, icon=icon):
        if not doc.is_approved:
            st.warning(f"This document is {_state(doc)}, so answers and plans do not use it "
                       "until a reviewer approves it.", icon=":material/gpp_maybe:")
        st.markdown(f"*{components.plain(meta.summary)}*")
        review = meta.review
        st.caption(f"`{meta.id}` · {meta.audience} · {meta.phase} · reviewed by "
                   f"{review.reviewer or 'nobody yet'}"
                   + (f" on {review.reviewed_on:%d %b %Y}" if review.reviewed_on else ""))
        st.markdown("**References**")
        st.markdown("\n".join(f"- {components.plain(ref)}" for ref in meta.references))
        if st.toggle("Show the full text", key=f"kb-body-{meta.id}"):
            st.markdown(doc.body)
