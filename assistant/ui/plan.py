"""Session plan: a draft integration-session plan from the loaded journal, editable in place."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from assistant.models import AgendaItem, CitedItem, PlanTheme, SessionPlan
from assistant.privacy.vault import Vault
from assistant.ui import components, downloads, navigation, resources, session
from assistant.ui.errors import friendly

LIST_SECTIONS = {"safety_check": "Safety check", "goals": "Goals", "check_in": "Check-in"}
CITED_SECTIONS = {"psychoeducation": "Psychoeducation", "practice": "Practice",
                  "homework": "Between sessions"}


@friendly
def render() -> None:
    st.title("Session plan")
    st.caption("A draft for you to edit: every teaching item carries its sources. "
               "Nothing is saved; download the plan when it reads right.")
    loaded = session.journal()
    if loaded is None:
        st.info("Load the client's journal on Session prep first; the plan builds on it.",
                icon=":material/upload_file:")
        st.page_link(navigation.page("Session prep"), label="Go to Session prep",
                     icon=":material/arrow_forward:")
        return
    _form(loaded)
    if loaded.plan is not None:
        edited = _editor(loaded.plan, loaded.vault, f"plan-{loaded.key}-{loaded.drafts}")
        downloads.offer(edited, loaded.vault, "session-plan")


def _form(loaded: session.Journal) -> None:
    with st.form("plan-form", border=True):
        number, minutes = st.columns(2)
        session_number = number.number_input("Session number", min_value=1, max_value=200,
                                             value=None, placeholder="optional")
        length = minutes.number_input("Minutes", min_value=15, max_value=180, value=50, step=5)
        focus = st.text_input("Focus", placeholder="optional, e.g. sleep and self-compassion",
                              max_chars=200)
        submitted = st.form_submit_button("Draft plan", type="primary", icon=":material/edit_note:")
    if submitted:
        with st.spinner("Drafting the plan from the journal and the knowledge base…"):
            loaded.plan = resources.assistant().plan(
                loaded.entries, loaded.vault, session=session_number, focus=focus.strip() or None,
                minutes=int(length), summary=loaded.summary,
            )
        loaded.drafts += 1


def _editor(plan: SessionPlan, vault: Vault, key: str) -> SessionPlan:
    """Show every section as an editable field; return the plan as edited."""
    r = vault.restore
    title = f"Session {plan.session}" if plan.session else "Next session"
    focus = f" · {components.plain(r(plan.focus))}" if plan.focus else ""
    st.subheader(f"{title} · {plan.minutes} minutes{focus}")
    update: dict = {}
    st.markdown("#### Agenda")
    agenda = st.data_editor(
        pd.DataFrame([{"minutes": a.minutes, "activity": r(a.activity)} for a in plan.agenda],
                     columns=["minutes", "activity"]),
        num_rows="dynamic", width="stretch", hide_index=True, key=f"{key}-agenda",
        column_config={"minutes": st.column_config.NumberColumn(min_value=0, max_value=180,
                                                                width="small")},
    )
    update["agenda"] = [AgendaItem(minutes=int(row.minutes), activity=str(row.activity))
                        for row in agenda.itertuples() if pd.notna(row.minutes) and row.activity]
    for name, label in LIST_SECTIONS.items():
        items = getattr(plan, name)
        text = st.text_area(label, "\n".join(r(i) for i in items), key=f"{key}-{name}",
                            height=_height(items), help="One item per line.")
        update[name] = [line.strip() for line in text.splitlines() if line.strip()]
    update["themes"] = _themes(plan.themes, vault, key)
    for name, label in CITED_SECTIONS.items():
        update[name] = _cited(label, getattr(plan, name), vault, f"{key}-{name}")
    if plan.prescriber_notes:
        text = st.text_area("For the prescriber", "\n".join(r(n) for n in plan.prescriber_notes),
                            key=f"{key}-prescriber", height=_height(plan.prescriber_notes))
        update["prescriber_notes"] = [line.strip() for line in text.splitlines() if line.strip()]
    for note in plan.notes:
        st.caption(components.plain(r(note)))
    return plan.model_copy(update=update)


def _themes(themes: list[PlanTheme], vault: Vault, key: str) -> list[PlanTheme]:
    if not themes:
        return []
    st.markdown("#### Themes from the journal")
    edited = []
    for index, theme in enumerate(themes):
        with st.container(border=True):
            st.markdown(f"**{components.plain(theme.name)}**")
            for item in theme.evidence:
                st.caption(f"{item.date:%d %b} — “{components.plain(vault.restore(item.quote))}”")
            prompts = st.text_area("Prompts", "\n".join(vault.restore(p) for p in theme.prompts),
                                   key=f"{key}-theme-{index}", height=_height(theme.prompts))
        edited.append(theme.model_copy(update={
            "prompts": [line.strip() for line in prompts.splitlines() if line.strip()]}))
    return edited


def _cited(label: str, items: list[CitedItem], vault: Vault, key: str) -> list[CitedItem]:
    if not items:
        return []
    st.markdown(f"#### {label}")
    edited = []
    for index, item in enumerate(items):
        # a widget label renders Markdown (links, images): a title may come from a model
        label = components.plain(vault.restore(item.title))
        text = st.text_area(label, vault.restore(item.text), key=f"{key}-{index}",
                            height=_height([item.text]))
        sources = "; ".join(f"{c.doc_id} § {c.section}" for c in item.citations)
        st.caption(f"Sources: {components.plain(sources)}")
        edited.append(item.model_copy(update={"text": text.strip()}))
    return edited


def _height(items: list[str]) -> int:
    """Roughly fit the text: about 90 characters a line on a laptop screen."""
    lines = sum(1 + len(item) // 90 for item in items) or 1
    return min(400, max(68, 26 * lines + 20))

