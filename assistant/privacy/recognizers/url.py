"""Web addresses with a scheme or www, including their whole path, and social-media handles."""

from __future__ import annotations

from assistant.privacy.recognizers.base import Pattern, RegexRecognizer


class WebAddressRecognizer(RegexRecognizer):
    """``https://...`` and ``www....`` up to the next space (trailing punctuation dropped),
    and ``@handles``."""

    ENTITY = "URL"
    PATTERNS = [
        Pattern("scheme or www", r"\b(?:https?://|www\.)[^\s<>\"'`]*[^\s<>\"'`.,;:!?)\]]", 0.8),
        # "@milan_m36", "@zeno.n96": not inside an e-mail address, not a time ("@3pm").
        Pattern(
            "social-media handle",
            r"(?<![\w.@/])@(?!\d{1,2}(?::\d\d)?\s?(?:am|pm)\b)(?=[\w.]*[a-z])"
            r"[a-z0-9_](?:[a-z0-9_.]{1,28}[a-z0-9_])\b(?!@)",
            0.7,
        ),
    ]
    CONTEXT = ["link", "url", "site", "portal", "website", "handle", "insta", "profile"]
