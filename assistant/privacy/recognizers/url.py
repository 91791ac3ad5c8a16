"""Web addresses with a scheme or www, including their whole path."""

from __future__ import annotations

from presidio_analyzer import Pattern

from assistant.privacy.recognizers.base import RegexRecognizer


class WebAddressRecognizer(RegexRecognizer):
    """``https://...`` and ``www....`` up to the next space (trailing punctuation dropped)."""

    ENTITY = "URL"
    PATTERNS = [
        Pattern("scheme or www", r"\b(?:https?://|www\.)[^\s<>\"'`]*[^\s<>\"'`.,;:!?)\]]", 0.8),
    ]
    CONTEXT = ["link", "url", "site", "portal", "website"]
