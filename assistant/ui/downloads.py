"""Download buttons for a summary or a plan, as Markdown and as Word."""

from __future__ import annotations

import streamlit as st

from assistant.exports import plan_docx, plan_markdown, summary_docx, summary_markdown
from assistant.models import JournalSummary, SessionPlan
from assistant.privacy.vault import Vault

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def offer(document: JournalSummary | SessionPlan, vault: Vault, stem: str) -> None:
    """Two buttons; the files are made in memory and carry the real (restored) values."""
    if isinstance(document, SessionPlan):
        markdown, word = plan_markdown(document, vault), plan_docx(document, vault)
    else:
        markdown, word = summary_markdown(document, vault), summary_docx(document, vault)
    left, right, _ = st.columns([1, 1, 4])
    left.download_button("Markdown", markdown, f"{stem}.md", "text/markdown",
                         icon=":material/download:", on_click="ignore")
    right.download_button("Word", word, f"{stem}.docx", DOCX,
                          icon=":material/description:", on_click="ignore")
