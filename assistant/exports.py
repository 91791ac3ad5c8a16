"""Summaries and plans as Markdown or Word, with placeholders restored for the therapist."""

from __future__ import annotations

import contextlib
import io
import os
import re
import tempfile
from pathlib import Path

from pydantic import BaseModel

from assistant.generation.markup import escape_markdown
from assistant.models import CitedItem, JournalSummary, SessionPlan
from assistant.privacy.vault import Vault

# What XML 1.0 (and so a .docx) cannot hold: most C0 controls, lone surrogates, U+FFFE/U+FFFF.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

DISCLAIMER = (
    "Draft for the treating therapist. Not a medical device; no dosing advice. "
    "Dose, route, titration and boosters are the prescriber's decisions."
)


def restored_json(model: BaseModel, vault: Vault) -> dict:
    """The model as JSON-ready data with every placeholder restored (strings only)."""

    def walk(value):
        if isinstance(value, str):
            return vault.restore(value)
        if isinstance(value, list):
            return [walk(v) for v in value]
        if isinstance(value, dict):
            return {k: walk(v) for k, v in value.items()}
        return value

    return walk(model.model_dump(mode="json"))


def _cite(item: CitedItem) -> str:
    return "; ".join(f"{c.doc_id} › {c.section}" for c in item.citations)


def summary_sections(summary: JournalSummary, vault: Vault) -> list[tuple[str, list[str]]]:
    """(heading, lines) pairs in reading order: risk first. Shared by Markdown and Word."""
    r = vault.restore
    sections = [
        ("Risk flags", [f"{f.date} · {f.category}: “{r(f.quote)}”" for f in summary.flags]
         or ["No risk statements were detected. Screening is not a substitute for asking."]),
        ("For the prescriber", [f"{i.date}: “{r(i.text)}”" for i in summary.prescriber_items]
         or ["Nothing about medication or dosing was found."]),
    ]
    for theme in summary.themes:
        lines = [theme.description] + [f"{e.date}: “{r(e.quote)}”" for e in theme.evidence]
        sections.append((f"Theme: {theme.name}", lines))
    for heading, evidence in (("Insights", summary.insights), ("Body experiences", summary.body),
                              ("Intentions", summary.intentions)):
        if evidence:
            sections.append((heading, [f"{e.date}: “{r(e.quote)}”" for e in evidence]))
    sections.append(("Mood across entries", [f"{m.date}: {m.label} ({m.score:+.2f})" for m in summary.mood]))
    if summary.scores:
        sections.append(("Questionnaire scores", [
            s.interpretation + (f" [source: {s.citation.doc_id} › {s.citation.section}]" if s.citation else "")
            for s in summary.scores
        ]))
    sections.append(("Questions for next session", summary.questions))
    if summary.notes:
        sections.append(("Notes", [r(n) for n in summary.notes]))
    return sections


def plan_sections(plan: SessionPlan, vault: Vault) -> list[tuple[str, list[str]]]:
    r = vault.restore
    sections = []
    if plan.safety_check:
        sections.append(("Safety check (first)", [r(s) for s in plan.safety_check]))
    sections += [
        ("Agenda", [f"{a.minutes} min — {a.activity}" for a in plan.agenda]),
        ("Goals", [r(g) for g in plan.goals]),
        ("Opening check-in", plan.check_in),
    ]
    for theme in plan.themes:
        lines = [f"{e.date}: “{r(e.quote)}”" for e in theme.evidence] + [f"Ask: {p}" for p in theme.prompts]
        sections.append((f"Theme to explore: {theme.name}", lines))
    for heading, items in (("Psychoeducation", plan.psychoeducation), ("Experiential practice", plan.practice),
                           ("Journaling prompt for the week", plan.homework)):
        if items:
            sections.append((heading, [f"{i.title}: {r(i.text)} [{_cite(i)}]" for i in items]))
    if plan.prescriber_notes:
        sections.append(("Notes for the prescriber", [r(n) for n in plan.prescriber_notes]))
    if plan.notes:
        sections.append(("Notes", [r(n) for n in plan.notes]))
    return sections


def _markdown(title: str, sections: list[tuple[str, list[str]]]) -> str:
    out = [f"# {title}", "", f"_{DISCLAIMER}_", ""]
    for heading, lines in sections:
        # lines carry journal and model text: escaped, so no image, link or HTML renders
        out += [f"## {heading}", ""] + [f"- {escape_markdown(line)}" for line in lines] + [""]
    return "\n".join(out)


def _xml_text(text: str) -> str:
    return _NOT_XML.sub("", text)


def _docx(title: str, sections: list[tuple[str, list[str]]]) -> bytes:
    from docx import Document

    document = Document()
    document.add_heading(_xml_text(title), level=0)
    document.add_paragraph().add_run(DISCLAIMER).italic = True
    for heading, lines in sections:
        document.add_heading(_xml_text(heading), level=1)
        for line in lines:
            document.add_paragraph(_xml_text(line), style="List Bullet")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _summary_title(summary: JournalSummary) -> str:
    return f"Session-prep summary ({summary.entries} entries, {summary.first_date} to {summary.last_date})"


def _plan_title(plan: SessionPlan) -> str:
    session = f"session {plan.session}, " if plan.session else ""
    return f"Integration-session plan ({session}{plan.minutes} minutes)"


def summary_markdown(summary: JournalSummary, vault: Vault) -> str:
    return _markdown(_summary_title(summary), summary_sections(summary, vault))


def summary_docx(summary: JournalSummary, vault: Vault) -> bytes:
    return _docx(_summary_title(summary), summary_sections(summary, vault))


def plan_markdown(plan: SessionPlan, vault: Vault) -> str:
    return _markdown(_plan_title(plan), plan_sections(plan, vault))


def plan_docx(plan: SessionPlan, vault: Vault) -> bytes:
    return _docx(_plan_title(plan), plan_sections(plan, vault))


def save(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` whole or not at all, readable by its owner only (0600).

    The bytes go to a temporary file in the same folder that is then renamed into place,
    so a failure midway never leaves half a file or a damaged older one.
    """
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise
