"""Codes of capitals and digits that a clinic, a register or a file system gives a person,
with no label beside them: "SGH-KAP-00412", "KP-0412-TK", "ECG-0473", "PR 0864123".

A code is hyphen-joined groups of capitals and digits with a run of at least three digits
that is not a year (five digits, or one padded with a zero, when the code is only
letters and a number), or a short capital prefix before a run of six digits or more. Not
identifiers, though they have the shape: questionnaire and manual names ("PHQ-9", "PCL-5",
"ICD-10", "DSM-5-TR"), forms and standards ("CMS-1500", "ISO-9001"), receptor and virus
names ("5-HT2A", "COVID-19"), a quarter or a version with a year ("Q3-2024", "V-2025"),
and labels before a number ("ID 4471203"), which stay readable while the number is
scrubbed by the recognizer that reads the label.
"""

from __future__ import annotations

import regex
from assistant.privacy.recognizers.base import Pattern, RegexRecognizer

# Words that label the number after them rather than being a part of it.
LABELS = (
    r"ID|NO|NR|NUM|REF|TEL|FAX|MOB|DOB|SSN|SIN|NHS|BSN|DNI|NIE|NIF|CPF|RUT|TIN|PIN|VAT|MRN|DL|TC"
    r"|PO|ZIP|ACC|ACCT|INV|CASE|FILE|BOX|APT|UNIT|RM|ROOM|EXT|OR|AND|AT|TO|ON|IN|OF|BY"
)
CODE = (
    r"(?<![\w./-])(?P<phi>(?-i:(?=[A-Z0-9-]*[A-Z][A-Z0-9-]*[A-Z])"
    r"[A-Z0-9]{1,6}(?:-[A-Z0-9]{1,6}){1,3}))(?![\w-]|[./]\w)"
)
PREFIXED = (
    rf"(?<![\w./-])(?P<phi>(?-i:(?!(?:{LABELS})\s)[A-Z]{{1,3}})[ ]\d{{6,10}})(?![\w-]|[./]\d)"
)
_DIGIT_RUNS = regex.compile(r"\d+")
_YEAR = regex.compile(r"(?:19|20)\d\d")


class CodedIdRecognizer(RegexRecognizer):
    """An unlabelled code of capitals and digits (at least two capitals and a run of three
    digits that is not a year), or a capital prefix before six digits or more."""

    ENTITY = "ID"
    PATTERNS = [Pattern("hyphenated code", CODE, 0.6), Pattern("prefixed number", PREFIXED, 0.6)]
    CONTEXT = ["file", "code", "number", "no", "#"]

    def validate_result(self, pattern_text: str) -> bool | None:
        runs = [run for run in _DIGIT_RUNS.findall(pattern_text) if not _YEAR.fullmatch(run)]
        if " " in pattern_text or pattern_text.count("-") >= 2:
            return None if any(len(run) >= 3 for run in runs) else False
        # Two groups, letters and a number: a form or a standard ("CMS-1500", "ISO-9001")
        # unless the number is long or padded with a zero, as a file's is ("ECG-0473").
        padded_or_long = (len(run) >= 5 or (len(run) >= 3 and run[0] == "0") for run in runs)
        return None if any(padded_or_long) else False
