"""Web addresses with a scheme or www, including their whole path, and social-media handles."""

from __future__ import annotations

from assistant.privacy.recognizers.base import Pattern, RegexRecognizer


ACCOUNT_LABEL = (
    r"(?:wechat|weixin|whatsapp|telegram|signal|discord|snapchat|snap|skype|instagram|insta|tiktok"
    r"|twitter|venmo|cash[ \t]?app|kakao(?:talk)?|viber|threads|bluesky|reddit|user[ \t]?name|handle"
    r"|screen[ \t]?name|gamertag|login)"
)


class WebAddressRecognizer(RegexRecognizer):
    """``https://...`` and ``www....`` up to the next space (trailing punctuation dropped),
    ``@handles`` and account names after the app that carries them."""

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
        # "WeChat: mindy_chen_88", "Venmo $lucia-g", "username: okafor.t": an account name after
        # the app or the word that labels it.
        Pattern(
            "labelled account name",
            rf"\b{ACCOUNT_LABEL}(?:[ \t]*[:：][ \t]*|[ \t]+(?=[@$]|[\w-]*(?:[_\d]|\.\w)))"
            r"(?P<phi>[@$]?(?=[\w.-]*[a-z])[a-z0-9][\w.-]{1,38}[a-z0-9])\b",
            0.6,
        ),
    ]
    CONTEXT = ["link", "url", "site", "portal", "website", "handle", "insta", "profile"]
