"""Names a message is addressed to or signed with: "Hola Manu,", "Kedves Kovács Gábor!",
"Hi Emeka!", and "Love,\nF." or "Terima kasih,\nDwi Pratiwi" at its end.

A greeting or a sign-off in one of many languages, at the start of a line or sentence, then
one to three capitalised words (or initials) before a comma, "!", ":" or the end of the
line. Words that address a group or a role ("Hi team,", "Hola doctora,") are not names.
"""

from __future__ import annotations

from assistant.privacy.recognizers.base import Pattern, RegexRecognizer
from assistant.privacy.recognizers.titled_name import CAPITALISED, INITIAL

GREETINGS = (
    r"hi|hello|hey|heya|dear|good\s+(?:morning|afternoon|evening)|hola|buenas|buenos\s+d[ií]as"
    r"|oi|ol[áa]|bom\s+dia|boa\s+tarde|ahoj|hei|hej|hallo|moin|servus|selam|merhaba|kedves"
    r"|cze[śs][ćc]|ciao|salve|salut|bonjour|bonsoir|cher|ch[èe]re|querid[oa]|estimad[oa]"
    r"|liebe[rs]?|beste|halo|shalom|h[ée]|dag|moi|sveiki|tere|zdravo|bok|szia|hall[åa]"
    r"|kak|mas|sawubona|jambo|habari|namaste|kia\s+ora|mabuhay|xin\s+ch[àa]o"
)
SIGN_OFFS = (
    r"love|lots\s+of\s+love|best(?:\s+wishes)?|kind\s+regards|regards|cheers|thanks|thank\s+you"
    r"|sincerely|warmly|xo|xoxo|xx|saludos|un\s+abrazo|abrazos|besos|cari[ñn]os|gracias"
    r"|cordialement|bisous|amiti[ée]s|gr[üu](?:ß|ss)e|liebe\s+gr[üu](?:ß|ss)e|groetjes"
    r"|terima\s+kasih|obrigad[oa]|atenciosamente|beijos|pozdrawiam|mvh|h[äa]lsningar|hilsen"
    r"|saluti|un\s+abbraccio|grazie|dank\s+je(?:wel)?|salamat"
)
ADDRESSEE = rf"(?:{INITIAL}[ \t]?){{1,3}}|{CAPITALISED}(?:[ \t]+(?:{INITIAL}|{CAPITALISED})){{0,2}}"
LINE_OR_SENTENCE_START = r"(?<=(?:^|[\n.!?])[ \t\"“'(]*)"
# Words that address a group, a role or nobody in particular.
NOT_NAMES = frozenset(
    "team all everyone everybody there folks guys friends friend colleagues doctor doctora "
    "docteur dr doc nurse sir madam ma'am mum mom dad mama papa again back ladies gentlemen "
    "equipo todos todas tutti alle allemaal tout tous mundo amigos amigas chicos chicas gente "
    "kids you and from".split()
)


class VocativeNameRecognizer(RegexRecognizer):
    """A name after a greeting, or after a sign-off at the end of a message."""

    ENTITY = "PERSON"
    PATTERNS = [
        Pattern(
            "greeting",
            rf"{LINE_OR_SENTENCE_START}(?:{GREETINGS})[ \t]+(?P<phi>{ADDRESSEE})(?=[ \t]*(?:[,!:]|$))",
            0.6,
        ),
        Pattern(
            "sign-off",
            rf"{LINE_OR_SENTENCE_START}(?:{SIGN_OFFS})[ \t]*[,!.]?[ \t]*\n?[ \t]*(?:[—–-][ \t]*)?"
            rf"(?P<phi>{ADDRESSEE})[ \t]*$",
            0.6,
        ),
        Pattern("dash signature", rf"(?<=^[ \t]*[—–-][ \t]*)(?P<phi>{ADDRESSEE})[ \t]*$", 0.5),
    ]
    CONTEXT = []

    def validate_result(self, pattern_text: str) -> bool | None:
        first = pattern_text.split()[0].strip(".,").casefold()
        return False if first in NOT_NAMES else None
