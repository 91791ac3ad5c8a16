"""Small display pieces shared by pages: safe Markdown, citations, boundaries and banners."""

from __future__ import annotations

import re

import streamlit as st
from PIL import Image, ImageDraw

from assistant.generation.markup import escape_markdown
from assistant.guard.messages import CRISIS_RESOURCES
from assistant.models import Citation

_MARKER = re.compile(r"\\\[(\d+)\\\]")

CRISIS_TITLE = "**Safety first.** "
PRIMARY = "#4f7a6a"  # the theme's primary colour (.streamlit/config.toml)


def plain(text: str) -> str:
    """Escape Markdown (and Streamlit's `$` maths and icons) so user, journal, model and corpus
    text shows as written: no image, link or HTML is ever rendered from it."""
    return escape_markdown(text)


def with_markers(text: str) -> str:
    """Escaped text whose ``[n]`` citation markers become small badges."""
    return _MARKER.sub(r":blue-badge[\1]", plain(text))


def citations(items: list[Citation]) -> None:
    """Numbered sources that expand to the passage, its document, section and references."""
    for citation in items:
        with st.expander(f"[{citation.n}] {citation.title} — {citation.section}",
                         icon=":material/menu_book:"):
            if citation.passage:
                st.markdown("> " + plain(" ".join(citation.passage.split())))
            st.caption(f"Document `{citation.doc_id}` · section {plain(citation.section)}")
            if citation.references:
                st.markdown("**References**")
                st.markdown("\n".join(f"- {plain(ref)}" for ref in citation.references))


def boundary(message: str) -> None:
    """A refusal shown as a boundary the assistant keeps, not as an error."""
    st.info(f"**This belongs to the prescriber.** {plain(message)}", icon=":material/front_hand:")


def crisis_banner(message: str | None = None) -> None:
    """The safety banner with resources; shown above anything else in the reply."""
    st.warning(CRISIS_TITLE + plain(message or CRISIS_RESOURCES), icon=":material/emergency:")


def favicon() -> Image.Image:
    """Drawn here: a Material-icon favicon would be fetched from Google's font CDN."""
    image = Image.new("RGBA", (64, 64), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((4, 4, 60, 60), fill=PRIMARY)
    draw.ellipse((22, 22, 42, 42), fill="#fbfaf7")
    return image
