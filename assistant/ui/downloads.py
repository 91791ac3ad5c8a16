"""Download buttons for a summary or a plan, as Markdown and as Word."""

from __future__ import annotations

import logging
from collections.abc import Callable

import streamlit as st

from assistant.exports import plan_docx, plan_markdown, summary_docx, summary_markdown
from assistant.models import JournalSummary, SessionPlan
from assistant.privacy.vault import Vault

log = logging.getLogger(__name__)

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _made(kind: str, make: Callable[[], bytes]) -> bytes | None:
    """The export's bytes, or None if it failed: one format failing must not take the other."""
    try:
        return make()
    except Exception as exc:  # logged by type only: the message may quote the document
        log.warning("%s export failed: %s", kind, type(exc).__name__)
        return None


def offer(document: JournalSummary | SessionPlan, vault: Vault, stem: str) -> None:
    """Two buttons; the files are made in memory and carry the real (restored) values."""
    to_markdown, to_docx = (
        (plan_markdown, plan_docx) if isinstance(document, SessionPlan) else (summary_markdown, summary_docx)
    )
    markdown = _made("Markdown", lambda: to_markdown(document, vault).encode("utf-8"))
    word = _made("Word", lambda: to_docx(document, vault))
    left, right, _ = st.columns([1, 1, 4])
    for column, data, label, suffix, mime, icon in (
        (left, markdown, "Markdown", "md", "text/markdown", ":material/download:"),
        (right, word, "Word", "docx", DOCX, ":material/description:"),
    ):
        if data is None:
            column.caption(f"{label} export failed for this document; use the other format.")
        else:
            column.download_button(label, data, f"{stem}.{suffix}", mime, icon=icon, on_click="ignore")
