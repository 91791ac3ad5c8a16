"""Session prep: a client's journal becomes a summary with risk flags first."""

from __future__ import annotations

import streamlit as st

from assistant.errors import InputError
from assistant.journal import FORMATS, MAX_BYTES, parse_journal
from assistant.models import Evidence, JournalSummary
from assistant.privacy.vault import Vault
from assistant.ui import charts, components, downloads, resources, session
from assistant.ui.errors import friendly

PASTE_EXAMPLE = "## 2026-03-14\nSlept badly but the breathing practice helped…\n\n## 2026-03-16\n…"


@friendly
def render() -> None:
    st.title("Session prep")
    st.caption(
        "Upload or paste a client's journal. Identifiers are replaced before anything is "
        "analysed; the summary shows them again on this screen only. Nothing is saved."
    )
    _journal_input()
    loaded = session.journal()
    if loaded is None or loaded.summary is None:
        return
    _summary(loaded)


def _journal_input() -> None:
    with st.container(border=True):
        upload_tab, paste_tab = st.tabs(["Upload a file", "Paste text"])
        with upload_tab:
            uploaded = st.file_uploader(
                "Journal file", type=[f.lstrip(".") for f in FORMATS],
                help="Text or Markdown with a dated heading per entry, JSON, JSON Lines or "
                "CSV with date and text columns (optional phq9, gad7, pcl5).",
            )
        with paste_tab:
            pasted = st.text_area("Journal text", height=180, placeholder=PASTE_EXAMPLE)
        if st.button("Prepare summary", type="primary", icon=":material/summarize:"):
            if uploaded is not None:
                _prepare(uploaded.name, uploaded.getvalue())
            elif pasted.strip():
                _prepare(_pasted_name(pasted), pasted.encode("utf-8"))
            else:
                st.warning("Choose a journal file or paste the journal text first.",
                           icon=":material/upload_file:")


def _pasted_name(text: str) -> str:
    """Pasted text has no file name: tell JSON and JSON Lines from dated text by its shape."""
    start = text.lstrip()[:1]
    first_line = text.lstrip().split("\n", 1)[0]
    if start == "[":
        return "pasted text.json"
    if start == "{":
        return "pasted text.jsonl" if first_line.rstrip().endswith("}") else "pasted text.json"
    if first_line.lower().startswith("date,"):
        return "pasted text.csv"
    return "pasted text.txt"


def _prepare(name: str, data: bytes) -> None:
    if len(data) > MAX_BYTES:  # before parsing: a huge paste gets a message, not a wait
        raise InputError(f"{name}: {len(data) / 1e6:.1f} MB is more than the "
                         f"{MAX_BYTES // (1024 * 1024)} MB limit; split the journal")
    with st.status("Preparing the summary…", expanded=False) as status:
        status.update(label="Reading the journal…")
        entries = parse_journal(name, data)
        status.update(label=f"Summarizing {len(entries)} entries…")
        loaded = session.Journal(name=name, entries=entries)
        loaded.summary = resources.assistant().summarize(entries, loaded.vault)
        session.set_journal(loaded)
        status.update(label=f"Summary of {len(entries)} entries ready", state="complete")


def _summary(loaded: session.Journal) -> None:
    summary, vault = loaded.summary, loaded.vault
    r = vault.restore
    st.subheader(f"{summary.entries} entries, {summary.first_date:%d %b %Y} – "
                 f"{summary.last_date:%d %b %Y}")
    _risk(summary, vault, loaded.key)
    if summary.prescriber_items:
        st.markdown("#### For the prescriber")
        st.caption("Dosing talk in the journal, to bring to the prescriber (amounts masked).")
        for item in summary.prescriber_items:
            st.markdown(f"- **{item.date:%d %b}** — {components.plain(r(item.text))}")
    _themes(summary, vault)
    _charts(summary)
    _threads(summary, vault)
    if summary.questions:
        st.markdown("#### Questions for next session")
        st.markdown("\n".join(f"- {components.plain(r(q))}" for q in summary.questions))
    for note in summary.notes:
        st.caption(components.plain(r(note)))
    downloads.offer(summary, vault, "session-prep")


def _risk(summary: JournalSummary, vault: Vault, key: str) -> None:
    st.markdown("#### Risk flags")
    if not summary.flags:
        st.caption("No risk language was flagged. This is not a risk assessment.")
        return
    components.crisis_banner()
    for index, flag in enumerate(summary.flags):
        with st.container(border=True):
            left, right = st.columns([5, 1], vertical_alignment="center")
            category = components.plain(flag.category.replace("-", " ").capitalize())
            quote = components.plain(vault.restore(flag.quote))
            left.markdown(f"**{category}** · {flag.date:%d %b %Y}  \n“{quote}”")
            right.checkbox("Acknowledged", key=f"kap-flag-{key}-{index}")


def _themes(summary: JournalSummary, vault: Vault) -> None:
    if not summary.themes:
        return
    st.markdown("#### Themes")
    columns = st.columns(2)
    for index, theme in enumerate(summary.themes):
        with columns[index % 2].container(border=True):
            st.markdown(f"**{components.plain(theme.name)}**")
            if theme.description:
                st.caption(components.plain(vault.restore(theme.description)))
            _quotes(theme.evidence, vault)


def _quotes(evidence: list[Evidence], vault: Vault) -> None:
    for item in evidence:
        st.markdown(f"{item.date:%d %b} — “{components.plain(vault.restore(item.quote))}”")


def _charts(summary: JournalSummary) -> None:
    if len(summary.mood) > 1:
        st.markdown("#### Tone across entries")
        st.altair_chart(charts.mood(summary.mood), width="stretch")
    if summary.scores:
        st.markdown("#### Questionnaires")
        columns = st.columns(len(summary.scores))
        for column, series in zip(columns, summary.scores, strict=True):
            with column:
                st.altair_chart(charts.scores(series), width="stretch")
                st.caption(f"{series.first} → {series.last} ({series.change:+d}). "
                           f"{components.plain(series.interpretation)}")
                if series.citation:
                    st.caption(f"Source: {components.plain(series.citation.title)}")


def _threads(summary: JournalSummary, vault: Vault) -> None:
    threads = {"Insights": summary.insights, "In the body": summary.body,
               "Intentions": summary.intentions}
    present = {title: items for title, items in threads.items() if items}
    if not present:
        return
    for tab, items in zip(st.tabs(list(present)), present.values(), strict=True):
        with tab:
            _quotes(items, vault)

