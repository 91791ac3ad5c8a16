"""Per-browser-session state: vaults, chat history and the loaded journal.

Everything lives in ``st.session_state`` only: it is gone when the tab closes or the user
signs out (:func:`forget`) and is never written to disk, logs or another session.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from uuid import uuid4

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from assistant.models import Answer, JournalEntry, JournalSummary, SessionPlan
from assistant.privacy.vault import PLACEHOLDER, Vault

_CHAT = "kap_chat"
_JOURNAL = "kap_journal"


@dataclass
class Turn:
    """One chat exchange; ``answer`` is None while it is being made (or if it was cut off)."""

    question: str
    answer: Answer | None = None


@dataclass
class Conversation:
    vault: Vault = field(default_factory=Vault)
    turns: list[Turn] = field(default_factory=list)

    def redactions(self) -> list[tuple[str, str]]:
        """(placeholder, value) for every placeholder used in this conversation's questions."""
        seen: dict[str, str] = {}
        for turn in self.turns:
            if turn.answer is None:
                continue
            for match in PLACEHOLDER.finditer(turn.answer.question):
                token = match.group(0)
                value = self.vault.restore(token)
                if value != token:
                    seen.setdefault(token, value)
        return list(seen.items())


@dataclass
class Journal:
    """A loaded journal, its summary and the plan drafted from it (one vault for all three)."""

    name: str
    entries: list[JournalEntry]
    vault: Vault = field(default_factory=Vault)
    summary: JournalSummary | None = None
    plan: SessionPlan | None = None
    key: str = field(default_factory=lambda: uuid4().hex[:8])  # fresh widget keys per journal
    drafts: int = 0  # plans drafted so far: fresh widget keys per draft


def conversation() -> Conversation:
    if _CHAT not in st.session_state:
        st.session_state[_CHAT] = Conversation()
    return st.session_state[_CHAT]


def new_conversation() -> None:
    st.session_state[_CHAT] = Conversation()


def journal() -> Journal | None:
    return st.session_state.get(_JOURNAL)


def set_journal(loaded: Journal | None) -> None:
    st.session_state[_JOURNAL] = loaded


def forget() -> None:
    """Drop everything this browser session holds, for sign-out: the vaults, chat history,
    journal, summary and plan, every widget's value (pasted text, plan edits) and the files
    uploaded in it. The next person to sign in on this tab starts empty."""
    st.session_state.clear()
    context = get_script_run_ctx()
    if context is not None:
        context.uploaded_file_mgr.remove_session_files(context.session_id)
