"""Licence, certificate, NPI/DEA, passport and vehicle plate numbers, found by their label."""

from __future__ import annotations

from assistant.privacy.recognizers.base import Pattern, RegexRecognizer, digits, keyed


# Clinical credentials and the registers that number them ("LCSW 88214", "MCNZ 71293"); the
# credential, a state ("CRM-SP 145.887", "LPC (TX #84417)") and a register's letters
# ("HPCSA PS 0123456") are scrubbed with the number, as people write them as one.
CREDENTIALS = (
    r"LCSW|LICSW|LMSW|LMFT|LPCC?|LMHC|LCPC|PSY|MFT|RN|NP|APRN|PMHNP|MCNZ|AHPRA|GMC|HCPC|NMC|CPSO"
    r"|RCC|BACP|UKCP|CRP|CRM|COP|APS|PSYPA|HPCSA|MDCN|KMPDC"
)


class LicenseNumberRecognizer(RegexRecognizer):
    """A labelled licence-like number with at least four digits."""

    ENTITY = "LICENSE"
    PATTERNS = [
        Pattern(
            "labelled licence",
            keyed(
                r"(?:driver'?s?\s+)?licen[cs]e|dl|npi|dea|passport|permit|(?:license\s+)?plate"
                r"|certificate|cert|registration|reg(?:istration)?\s+no|provider\s+(?:number|no)"
                r"|gmc|cpso|ahpra|vin|vehicle|kenteken|matr[ií]cula|immatriculation"
                r"|medical\s+council|permis|colegiad[oa]|ordine"
                # abbreviated, and in Spanish, Portuguese, German, Italian, Russian, Ukrainian,
                # Romanian ("HI lic. MD-18872", "лицензия № 00412", "cod parafă A12345")
                r"|lic\.|reg\.|licencia|licen[çc]a|lizenz|licenza|лиценз\w*|ліценз\w*"
                r"|registro(?:\s+profesional)?|exequ[aá]tur|cod\s+paraf[aă]|c[ée]dula\s+profesional"
            ),
            0.85,
        ),
        Pattern(
            "number after a credential or a regulator",
            rf"\b(?P<phi>(?-i:{CREDENTIALS})(?:-(?-i:[A-Z]{{2}})|[ \t]*\([ \t]*(?-i:[A-Z]{{2}}))?[ \t]*(?:(?i:no|nr|n)\.?[ \t]*|#[ \t]*)?"
            rf"(?-i:[A-Z]{{1,3}}[ -]?)?(?:\d{{5,8}}|\d{{2,3}}(?:\.\d{{3}})+))\b",
            0.7,
        ),
    ]
    CONTEXT = ["license", "licence", "npi", "dea", "passport"]

    def validate_result(self, pattern_text: str) -> bool | None:
        return None if len(digits(pattern_text)) >= 4 else False


# A plate: up to four groups of capitals and digits, with both ("FYZ 893", "ROO-4J88",
# "M 583 DB", "IO82 HJV").
PLATE = (
    r"(?-i:(?=[A-Z\d -]*\d)(?=[A-Z\d -]*[A-Z])[A-Z\d]{1,6}(?:[ -][A-Z\d]{1,6}){0,3})"
    r"(?![\w-])"
)


# "Plate" and "registered as" in other languages: German, Italian, Spanish, Portuguese, French,
# Dutch, Swedish, Danish/Norwegian, Czech/Slovak, Polish, Hungarian, Croatian, Romanian,
# Indonesian.
PLATE_WORDS = (
    r"kennzeichen|targa|placa|matr[ií]cula|immatriculation|immatricul[ée]e?|kenteken"
    r"|registreringsnummer|registreringsnummeret|reg\.?\s*nr|rz|spz|ecv|numerze\s+rejestracyjnym"
    r"|numer\s+rejestracyjny|rendsz[áa]m(?:[úu])?|registracijske\s+oznake|registarske\s+oznake"
    r"|num[ăa]rul(?:\s+de\s+[îi]nmatriculare)?|nomor\s+polisi|nopol"
)


class VehiclePlateRecognizer(RegexRecognizer):
    """A plate after a vehicle word: plates are short, so they need two digits and five signs."""

    ENTITY = "LICENSE"
    PATTERNS = [
        Pattern(
            "plate after a vehicle word",
            rf"\b(?:vehicle(?:\s+\d)?|van|car(?:\s+is)?|truck|taxi|motorbike|bus|(?:number\s+|licen[cs]e\s+)?"
            rf"plates?|plat|rego|reg(?:istration)?|{PLATE_WORDS})"
            rf"\s*(?:[:#(]\s*)?(?P<phi>{PLATE})",
            0.7,
        ),
        Pattern("plate before a plate word", rf"(?<![\w-])(?P<phi>{PLATE})\s+rendsz[áa]m[úu]", 0.7),
    ]
    CONTEXT = ["vehicle", "plate", "car", "parked"]

    def validate_result(self, pattern_text: str) -> bool | None:
        signs = pattern_text.replace(" ", "").replace("-", "")
        return None if len(digits(pattern_text)) >= 2 and len(signs) >= 5 else False
