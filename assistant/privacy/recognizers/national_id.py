"""National identity, tax and social-insurance numbers of many countries, found by their label.

The value may be written in groups ("2 41 12 19 272 191 83", "8034 0600 7373") or with
letters ("X1234567L", "AB123456C"); it needs at least five digits. Short labels that are
also words (PAN, SIN, TIN, RUT) count only in capitals.
"""

from __future__ import annotations

from assistant.privacy.recognizers.base import Pattern, RegexRecognizer, digits, keyed

LABELS = (
    r"national\s+(?:id|identity|insurance|registration|identification)(?:\s+card)?"
    r"|identity\s+(?:card|document)|id\s+card|personal\s+(?:id|identity|code|identification)"
    r"|personnummer|personal\s+identity|henkil[öo]tunnus|hetu|bsn|burgerservicenummer|pesel"
    r"|dni|nie|nif|nuss|cpf|aadhaar|aadhar|nino|social\s+insurance|nhs|chi|ppsn?|ird"
    r"|tax\s+file|tax\s+(?:id|identification|code|reference)|steuer-?id"
    r"|steuer(?:liche)?\s*identifikationsnummer|sozialversicherungsnummer|svnr|ahv"
    r"|codice\s+fiscale|insee|num[ée]ro\s+de\s+s[ée]curit[ée]\s+sociale|s[ée]curit[ée]\s+sociale"
    r"|my\s+number|individual\s+number|resident\s+registration|cccd|cmnd|ktp|oib|cnp|egn"
    r"|em[šs]o|jmbg|tc\s+kimlik|kimlik|curp|rfc|c[ée]dula|amka|afm|cpr|f[øo]dselsnummer"
    r"|kennitala|isikukood|asmens\s+kodas|personas\s+kods|rodn[ée]\s+[čc][íi]slo"
    r"|(?-i:PAN|SIN|TIN|RUT|NIK|NIR|RRN|TFN|DUI|NIP|RG|NI)"
)
# Tokens with a digit, joined by single separators; letters-only prefix allowed ("AB 12…"),
# a capital letter standing between digit groups ("65 031191 Y 512") and a check letter
# standing apart ("QQ 12 34 56 C").
VALUE = (
    r"(?:(?-i:[A-Z]{1,4})[\s-]?)?[A-Z0-9]*\d[A-Z0-9]*"
    r"(?:[\s./-](?:[A-Z0-9]*\d[A-Z0-9]*|(?-i:[A-Z])(?=[\s./-]\d)))*"
    r"(?:-[A-Z0-9]|\s(?-i:[A-Z])(?![\w-]))?(?![\w-])"
)


class NationalIdRecognizer(RegexRecognizer):
    """A labelled national ID, tax or social-insurance number with at least five digits."""

    ENTITY = "SSN"
    PATTERNS = [Pattern("labelled national id", keyed(LABELS, VALUE), 0.85)]
    CONTEXT = ["national", "identity", "tax", "insurance", "id"]

    def validate_result(self, pattern_text: str) -> bool | None:
        return None if len(digits(pattern_text)) >= 5 else False
