"""Employers and schools named in a way that identifies ("works at Delmar Logistics")."""

from __future__ import annotations

from presidio_analyzer import Pattern

from assistant.privacy.recognizers.base import FUNCTION_WORDS, RegexRecognizer

WORD = r"(?-i:(?:\p{Lu}[\w'’.-]*|&))"
KIND = (
    r"(?-i:School|Elementary|Middle\s+School|High\s+School|High|Academy|University|College"
    r"|Institute|Hospital|Medical\s+Center|Health|Clinic|Bank|Church|Temple|Synagogue|Mosque"
    r"|Inc\.?|LLC|LLP|Corp\.?|Corporation|Company|Co\.|Group|Logistics|Dental|Labs?"
    r"|Laboratories|Foundation|Partners|Associates|Systems|Solutions|Services|Technologies"
    r"|Consulting|Market|Foods|Motors|Insurance|Credit\s+Union|Pharmacy|Bakery|Caf[eé]"
    r"|Restaurant|Studios?|Agency|Department|Airlines|Construction|Realty|Centre|Center"
    r"|Lyc[ée]e|Escola|Colegio|Liceo|Gymnasium|Schule|Universit(?:[äa]t|[ée]|[àa]|ad))"
)
# Company legal forms of many countries: "Karvonen Oy", "Bonneau S.A.S.", "Novák s.r.o.".
LEGAL_FORM = (
    r"(?:AB|Oyj?|GmbH|AG|KG|S\.?A\.?S\.?|S\.?p\.?A\.?|S\.?r\.?l\.?|S\.?L\.?|S\.?A\.?|s\.r\.o\.|a\.s\."
    r"|j?\.?d\.o\.o\.|k\.s\.|Ltda\.?|Ltd\.?|PLC|Nyrt\.?|Kft\.?|Zrt\.?|B\.?V\.?|N\.?V\.?|ApS|A/S"
    r"|ASA|Sp\.\s?z\s?o\.o\.|Pty|Tbk|Inc\.?|LLC|tic\.|e\s+figli|y\s+C[íi]a\.?)"
)
# Forms no English word shares, so the name before them may be in lower case.
UNAMBIGUOUS_FORM = r"(?:gmbh|oyj|s\.r\.o\.|j?\.?d\.o\.o\.|ltda\.|nyrt\.|kft\.|tic\.|sp\.\s?z\s?o\.o\.)"
NAME_RUN = r"(?-i:[A-Z][\w'’&.-]*(?:,?\s+(?:[A-Z][\w'’.-]*|&|of|and)){0,4})"


class OrganizationRecognizer(RegexRecognizer):
    """A capitalised name ending in an institution word, or the place someone works or studies."""

    ENTITY = "ORGANIZATION"
    PATTERNS = [
        Pattern("named institution", rf"\b(?:{WORD}\s+){{1,4}}{KIND}\b", 0.6),
        Pattern("legal form", rf"\b(?:{WORD},?\s+){{1,4}}(?-i:{LEGAL_FORM})(?![\w])", 0.6),
        Pattern("lower-case name, legal form",
                rf"\b(?:(?!{FUNCTION_WORDS}\b)[\p{{L}}&'’-]+\s+){{1,3}}{UNAMBIGUOUS_FORM}(?![\w])", 0.6),
        Pattern("university of", r"\b(?-i:University\s+of\s+[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)", 0.7),
        Pattern(
            "works at",
            r"\b(?:work(?:s|ed|ing)?|job|employed|hired|intern(?:s|ed|ing)?|teach(?:es|ing)?"
            r"|taught|volunteer(?:s|ed|ing)?|student|studies|studying|enrolled|attends?"
            r"|attended|laid\s+off|fired|starts?|started|boss)\s+(?:at|for|with|from|in)\s+"
            rf"(?:the\s+)?(?P<phi>{NAME_RUN})",
            0.6,
        ),
    ]
    CONTEXT = ["work", "job", "employer", "school", "boss", "coworker", "teach", "student"]
