"""About & privacy: what runs, where data lives, and what the assistant will not do."""

from __future__ import annotations

import streamlit as st

from assistant import __version__
from assistant.config import BUNDLED_MINILM
from assistant.ui import resources
from assistant.ui.errors import friendly

WILL_NOT = """
- **Make dosing decisions.** Dose, route, titration, boosters and dosing interactions are
  the prescriber's; such questions get a redirect and help preparing that conversation.
- **Diagnose or prescribe**, or replace your clinical judgement.
- **Hide a crisis.** Crisis content is flagged with safety resources, never refused.
- **Answer from outside the vetted knowledge base.** With no approved material on a
  question it says so rather than guess.
- **Follow instructions inside a journal.** Journal text is the client's words, not commands.
"""


@friendly
def render() -> None:
    settings = resources.settings()
    st.title("About & privacy")
    st.markdown(f"KAP Integration Assistant {__version__} — vetted psychoeducation, session "
                "prep and plans for ketamine-assisted psychotherapy. It supports clinical "
                "judgement; it is not a medical device.")

    st.subheader("What is running")
    model = ("all-MiniLM-L6-v2 (bundled, runs on this machine)"
             if settings.embedding_model == BUNDLED_MINILM else settings.embedding_model)
    st.markdown(
        f"- **Generator:** grounded — answers, summaries and plans are built from approved "
        f"passages and the journal itself, with no language model.\n"
        f"- **Embedding model:** {model}\n"
        f"- **PHI scrubber:** Microsoft Presidio with spaCy `{settings.spacy_model}` and our "
        f"recognizers"
    )

    st.subheader("Where data lives")
    store = (f"the Chroma server at `{settings.chroma_url}`" if settings.chroma_url
             else f"`{settings.chroma_path}` on this machine")
    st.markdown(
        f"- **Knowledge documents:** `{settings.knowledge_dir}`\n"
        f"- **Search index:** {store} — knowledge passages only, never client text\n"
        f"- **Evaluation reports:** `{settings.reports_dir}`\n"
        "- **Your questions, journals, summaries and plans:** only in this browser tab's "
        "memory. Nothing is saved; closing the tab forgets them. Downloads go where you put them."
    )

    st.subheader("The network")
    if settings.chroma_url:
        st.warning(f"Knowledge searches go to {settings.chroma_url}. They contain placeholders "
                   "such as <PERSON_1>, never the real identifiers.", icon=":material/lan:")
    else:
        st.success("Nothing leaves this machine: no account, no language model service, no "
                   "usage statistics. A remote index or model is used only if you configure one.",
                   icon=":material/wifi_off:")
    st.markdown(
        "Before anything is searched or analysed, names, dates, places, contact details and "
        "record numbers are replaced by placeholders such as `<PERSON_1>`. The real values "
        "are put back only on your screen and in files you download."
    )

    st.subheader("What it will not do")
    st.markdown(WILL_NOT)
