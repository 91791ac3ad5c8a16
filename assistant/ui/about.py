"""About & privacy: what runs, where data lives, and what the assistant will not do."""

from __future__ import annotations

from urllib.parse import urlparse

import streamlit as st

from assistant import __version__
from assistant.config import BUNDLED_MINILM, Settings
from assistant.ui import resources
from assistant.ui.errors import friendly
from assistant.ui.exposure import is_loopback

WILL_NOT = """
- **Make dosing decisions.** Dose, route, titration, boosters and dosing interactions are
  the prescriber's; such questions get a redirect and help preparing that conversation.
- **Diagnose or prescribe**, or replace your clinical judgement.
- **Hide a crisis.** Crisis content is flagged with safety resources, never refused.
- **Answer from outside the vetted knowledge base.** With no approved material on a
  question it says so rather than guess.
- **Follow instructions inside a journal.** Journal text is the client's words, not commands.
"""


def generator(settings: Settings) -> str:
    if settings.generator == "openai":
        return (f"the language model `{settings.llm_model}` at {settings.llm_base_url} "
                "(OpenAI-compatible); every section it writes is verified, and grounded "
                "content replaces a section that fails")
    if settings.generator == "llamacpp":
        return (f"the language model `{settings.llm_model_path.name}`, run inside this app by "
                "llama.cpp on this machine; every section it writes is verified")
    return ("grounded — answers, summaries and plans are built from approved passages and "
            "the journal itself, with no language model")


def outbound(settings: Settings) -> list[tuple[str, bool]]:
    """What this app sends elsewhere under these settings: (what and where, leaves the machine)."""
    sent = []
    if settings.generator == "openai":
        sent.append((
            f"Pseudonymised prompts go to the language model `{settings.llm_model}` at "
            f"{settings.llm_base_url}: your questions, quotes from journals and knowledge "
            "passages, with names, dates, places, contact details and record numbers "
            "replaced by placeholders such as <PERSON_1>.",
            not _local(settings.llm_base_url),
        ))
    if settings.chroma_url:
        sent.append((
            f"Knowledge searches go to the Chroma server at {settings.chroma_url}: the "
            "embedding (a list of numbers) of each pseudonymised question, journal theme or "
            "plan focus. The server holds knowledge passages only, never client text.",
            not _local(settings.chroma_url),
        ))
    return sent


def _local(url: str) -> bool:
    return is_loopback(urlparse(url).hostname)


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
        f"- **Generator:** {generator(settings)}.\n"
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
    sent = outbound(settings)
    leaving = [what for what, leaves in sent if leaves]
    for what in leaving:
        st.warning(what, icon=":material/lan:")
    if leaving:
        st.markdown("Nothing else leaves this machine: no account, no tracing, no usage "
                    "statistics.")
    else:
        st.success("Nothing leaves this machine: no account, no language model service, no "
                   "tracing, no usage statistics.", icon=":material/wifi_off:")
    for what, leaves in sent:
        if not leaves:
            st.info(f"{what} That server runs on this machine.", icon=":material/dns:")
    st.markdown(
        "Before anything is searched or analysed, names, dates, places, contact details and "
        "record numbers are replaced by placeholders such as `<PERSON_1>`. The real values "
        "are put back only on your screen and in files you download."
    )

    st.subheader("What it will not do")
    st.markdown(WILL_NOT)
