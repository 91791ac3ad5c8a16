"""Contact details written so that a filter misses them and a reader does not: e-mail
addresses with "at" and "dot" spelled out or bracketed, in the local part too and in other
languages ("maja.l (at) gmail (dot) com", "ana dot ruiz at gmail dot com", "facturacion
(arroba) clinica (punto) mx", "gosia kropka nowak84 małpa wp kropka pl"),
and "defanged" IP and web addresses ("91[.]64[.]12[.]207", "hxxps://example[.]com").
"""

from __future__ import annotations

from assistant.privacy.recognizers.base import Pattern, RegexRecognizer

# "at" and "dot" in English, Spanish, French, Portuguese, Italian, German, Polish,
# Norwegian/Danish, Swedish, Turkish, Indonesian, Hungarian, Czech, Dutch, Finnish,
# Romanian, Russian, Ukrainian, Greek and Hebrew.
AT_WORD = (
    r"(?:at|arroba|arobase|chiocciola|klammeraffe|ma[łl]pa|kr[øo]llalfa|snabel-a|et(?:\s+i[şs]areti)?"
    r"|kukac|zavin[áa][čc]|apenstaartje|[äa]t|miukumauku|a[ -]?rond|собака|собачка|равлик|παπάκι|שטרודל)"
)
DOT_WORD = (
    r"(?:dot|punto|point|ponto|punkt|kropka|punktum|nokta|titik|pont|te[čc]ka|punt|piste|punct"
    r"|точка|крапка|τελεία|נקודה)"
)
AT = rf"(?:\s*[\[({{<]\s*(?:{AT_WORD}|@)\s*[\])}}>]\s*|\s+{AT_WORD}\s+)"
DOT = rf"(?:\s*[\[({{<]\s*(?:{DOT_WORD}|\.)\s*[\])}}>]\s*|\s+{DOT_WORD}\s+)"
# Common endings only: "met at school dot com" is not a sentence anyone writes.
TLD = (
    r"(?:com|org|net|edu|gov|io|me|info|dev|co|uk|es|fr|de|nl|se|fi|no|dk|pt|br|mx|it|pl|ca"
    r"|au|nz|ie|in|jp|kr|vn|ch|at|be|cz|tr|id|kz|ru|ua|hu|ro|gr|is|ee|lt|lv|sk|si|hr|rs|za)\b"
)
SPELLED_EMAIL = rf"\b[\w.+-]*\w(?:{DOT}[\w+-]+)*{AT}[\w-]+(?:(?:{DOT}|\.)[\w-]+)*?(?:{DOT}|\.){TLD}(?:(?:{DOT}|\.){TLD})?"
DEFANGED_DOT = r"(?:\[\.\]|\(\.\)|\[dot\]|\(dot\)|\s\.\s)"
DEFANGED_IP = rf"\b\d{{1,3}}(?:\s*{DEFANGED_DOT}\s*\d{{1,3}}){{3}}\b"
DEFANGED_URL = (
    r"\bhxxps?://[^\s<>\"]+"
    r"|\b(?=[\w-]*[a-z])[\w-]+(?:\[\.\]|\(dot\)|\[dot\])[\w-]+"  # a host with a letter
    r"(?:(?:\[\.\]|\(dot\)|\[dot\]|\.)[\w-]+)*(?:/[^\s<>\"]*)?"
)


class SpelledEmailRecognizer(RegexRecognizer):
    """An e-mail address with its "@" or dots written as words or in brackets."""

    ENTITY = "EMAIL"
    PATTERNS = [Pattern("spelled-out e-mail", SPELLED_EMAIL, 0.8)]
    CONTEXT = ["email", "e-mail", "mail", "write"]


class DefangedIpRecognizer(RegexRecognizer):
    """An IP address with its dots bracketed or spaced out."""

    ENTITY = "IP_ADDRESS"
    PATTERNS = [Pattern("defanged ip", DEFANGED_IP, 0.8)]
    CONTEXT = ["ip", "login", "address"]


class DefangedUrlRecognizer(RegexRecognizer):
    """A web address with its dots bracketed or spelled, or "hxxp" for "http"."""

    ENTITY = "URL"
    PATTERNS = [Pattern("defanged url", DEFANGED_URL, 0.8)]
    CONTEXT = ["url", "site", "blog", "link"]
