"""Markup in text the assistant did not write itself: found in model output, made inert on display.

A model (or a journal) can carry Markdown images, links and HTML. On a screen or in an
exported file these would fetch outside addresses or change what the therapist reads, so
model output containing them fails verification, and every displayed string is escaped.
"""

from __future__ import annotations

import re

_ADDRESS = re.compile(
    r"\b(?:[a-z][a-z0-9+.-]*://|www\d?\.|mailto:|javascript:|data:[a-z]+/)"
    r"|\b(?:\d{1,3}\.){3}\d{1,3}\b"
    r"|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|io|co|info|biz|xyz|ru|cn|app|dev|me|ly|gl|to"
    r"|link|site|online|top|click|us|uk|de)\b(?![.-]?\w)",
    re.IGNORECASE,
)
_MARKDOWN_LINK = re.compile(r"!?\[[^\]\n]*\]\(|^\s*\[[^\]\n]+\]:\s*\S", re.MULTILINE)
# A tag name followed by attributes, "/" or ">"; placeholders such as <PERSON_1> do not match.
_HTML = re.compile(r"</?[a-z][a-z0-9-]*(?=[\s/>])[^<>]*>|<!--|<!\[CDATA\[", re.IGNORECASE)

# CommonMark specials, Streamlit's `$` maths, and what would start an automatic link
# ("https:/", "www.", an e-mail's "@") or a Streamlit icon (":material/").
_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+|~$!@])|(:)(?=/)|(?<=www)(\.)", re.IGNORECASE)


def markup_problem(text: str) -> str | None:
    """What makes ``text`` unsafe to show as written, or None."""
    if _ADDRESS.search(text):
        return "an outside address"
    if _MARKDOWN_LINK.search(text):
        return "a Markdown link or image"
    if _HTML.search(text):
        return "HTML"
    return None


def escape_markdown(text: str) -> str:
    """``text`` as Markdown that renders it as written: no image, link, HTML or heading."""
    return _SPECIAL.sub(lambda m: "\\" + m.group(0), text)
