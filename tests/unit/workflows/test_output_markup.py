"""Markup in model output fails verification; markup anywhere renders as text; placeholders
are restored only from the input they came with."""

from __future__ import annotations

import datetime as dt
import re
from html import escape as html_escape

import pytest
from markdown_it import MarkdownIt

from assistant.exports import plan_markdown, summary_markdown
from assistant.generation.markup import escape_markdown, markup_problem
from assistant.generation.placeholders import foreign_placeholders, restore_from
from assistant.models import CitedItem, Evidence, JournalSummary, SessionPlan, SourceRef, Theme
from assistant.privacy.vault import Vault
from assistant.ui.components import plain, with_markers

HOSTILE_MARKUP = [
    ("![progress](https://tracker.example/p.png)", "an outside address"),
    ("![progress](/local/p.png)", "a Markdown link or image"),
    ("[Read more](http://evil.example/x)", "an outside address"),
    ("[Read more](#top)", "a Markdown link or image"),
    ("[1]: http://evil.example/x", "an outside address"),
    ("[note]: #anywhere", "a Markdown link or image"),
    ("More at www.evil-example.com today.", "an outside address"),
    ("More at evil-example.com/offer today.", "an outside address"),
    ("Write to help@evil.org for more.", "an outside address"),
    ("Send it to 203.0.113.9 tonight.", "an outside address"),
    ("<https://evil.example>", "an outside address"),
    ('<img src="x" onerror="alert(1)">', "HTML"),
    ("<b>Breathe</b> slowly together.", "HTML"),
    ("<script>alert(1)</script>", "HTML"),
    ("<!-- hidden --> Rest well.", "HTML"),
]
CLEAN = [
    "Grounding brings attention back to the present moment. [1]",
    "Ask <PERSON_1> what felt different on <DATE_2>.",
    "Try the 5-4-3-2-1 exercise (e.g. name five things you see) [2][3].",
    "Notice the breath: in for four, out for six.",
    "If the urge is 7/10 or higher, pause.",
    "A score below 5 is mild; 3 < 5 holds.",
    "Use the phrase i.e. what matters now.",
]


@pytest.mark.parametrize(("text", "reason"), HOSTILE_MARKUP)
def test_when_model_output_holds_markup_or_an_address_then_it_fails(text, reason):
    assert markup_problem(text) == reason


@pytest.mark.parametrize("text", CLEAN)
def test_when_model_output_is_plain_prose_then_markup_finds_nothing(text):
    assert markup_problem(text) is None


def _tokens(markdown: str) -> set[str]:
    tokens = MarkdownIt("commonmark").parse(markdown)
    return {t.type for t in tokens} | {c.type for t in tokens for c in t.children or []}


RENDERED_AS_TEXT = {"paragraph_open", "paragraph_close", "inline", "text", "softbreak"}


@pytest.mark.parametrize("text", [t for t, _ in HOSTILE_MARKUP] + ["# Heading", "> quote", "**bold** $x$"])
def test_when_markup_is_escaped_then_it_renders_as_the_same_text(text):
    escaped = escape_markdown(text)
    assert _tokens(escaped) <= RENDERED_AS_TEXT
    html = MarkdownIt("commonmark").render(escaped)
    shown = html.removeprefix("<p>").removesuffix("</p>\n")
    assert shown == html_escape(text, quote=False).replace('"', "&quot;")
    assert not re.search(r"(?<!\\):/|www\.|(?<!\\)@", escaped)  # nothing a GFM autolink starts from


def test_when_markup_is_not_escaped_then_the_renderer_would_show_it():
    assert "image" in _tokens(HOSTILE_MARKUP[0][0]) and "html_inline" in _tokens("<b>x</b> y")


def test_ui_text_is_escaped_and_citation_markers_still_become_badges():
    assert plain(HOSTILE_MARKUP[0][0]) == escape_markdown(HOSTILE_MARKUP[0][0])
    assert with_markers("Rest well. [1] ![x](https://e.example/p.png)") == (
        "Rest well. :blue-badge[1] \\!\\[x\\]\\(https\\://e.example/p.png\\)"
    )


def test_exports_render_journal_and_model_text_as_text():
    day = dt.date(2026, 9, 1)
    summary = JournalSummary(
        entries=1, first_date=day, last_date=day,
        themes=[Theme(name="Self-criticism", evidence=[Evidence(date=day, quote=HOSTILE_MARKUP[0][0])])],
        questions=[HOSTILE_MARKUP[11][0]],
    )
    ref = SourceRef(doc_id="grounding-techniques", chunk_id="c1", section="Steps")
    plan = SessionPlan(goals=["<b>Rest</b>"], practice=[
        CitedItem(title=HOSTILE_MARKUP[2][0], text="[x](http://evil.example)", citations=[ref])])
    for markdown in (summary_markdown(summary, Vault()), plan_markdown(plan, Vault())):
        types = _tokens(markdown)
        assert not types & {"image", "link_open", "html_inline", "html_block"}, types


@pytest.mark.parametrize(
    ("output", "source", "foreign"),
    [
        ("Ask <PERSON_1> how it went.", "How is <PERSON_1>?", set()),
        ("Ask <PERSON_2> how it went.", "How is <PERSON_1>?", {"<PERSON_2>"}),
        ("On <DATE_1>, <PERSON_1> rested.", "<PERSON_1> rested", {"<DATE_1>"}),
        ("No placeholder at all.", "How is <PERSON_1>?", set()),
    ],
)
def test_placeholders_not_in_the_input_are_foreign(output, source, foreign):
    assert foreign_placeholders(output, source) == foreign


def test_only_placeholders_from_the_input_are_restored():
    vault = Vault()
    earlier = vault.placeholder("PERSON", "Maria Alvarez")
    current = vault.placeholder("PERSON", "John Smith")
    text = f"{current} and {earlier}"
    assert restore_from(vault, text, f"How is {current}?") == f"John Smith and {earlier}"
    assert vault.restore(text) == "John Smith and Maria Alvarez"  # what the chat used to show
