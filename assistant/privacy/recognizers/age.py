"""Ages over 89, which Safe Harbor treats as identifying ("92-year-old", "turned 100")."""

from __future__ import annotations

from presidio_analyzer import Pattern

from assistant.privacy.recognizers.base import RegexRecognizer

OVER_89 = (
    r"(?:9\d|1[01]\d|ninety(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?"
    r"|(?:a|one)\s+hundred(?:\s+and\s+\w+)?)"
)
_NOT_A_QUANTITY = (
    r"(?!\s*(?:%|percent|degrees|°|mg|kg|lbs?|pounds|minutes|mins?|seconds|bpm|mmhg|points"
    r"|days|times|dollars|miles|km|feet|ft|people|sessions|hours))"
)


class AgeRecognizer(RegexRecognizer):
    """An age of 90 or more, found by its age wording; the number alone is reported."""

    ENTITY = "AGE"
    PATTERNS = [
        Pattern("n years old", rf"\b(?P<phi>{OVER_89})(?:\s+|-)(?:years?|yrs?|y/?o)\b", 0.7),
        Pattern(
            "age verb n",
            rf"\b(?:aged?|turn(?:ed|s|ing)?|is|was|be|at|now|just)\s+(?P<phi>{OVER_89})\b{_NOT_A_QUANTITY}",
            0.5,
        ),
        Pattern("comma n comma", r"(?<=,\s?)(?P<phi>9\d|1[01]\d)(?=\s?,)", 0.45),
        # "she's 94 now", "Joan's 90th", "(ninety-two)" after a name, "Joy Wolf, ninety-two,".
        Pattern("contracted is n",
                rf"\b(?:she|he|they|i|mum|mom|dad|gran|nan|\w+)['’](?:s|m|re)\s+(?P<phi>{OVER_89})"
                rf"(?:th|st|nd|rd)?\b{_NOT_A_QUANTITY}", 0.5),
        Pattern("n in brackets after a name",
                r"(?<=(?-i:\p{Lu})\p{L}+\s\()(?P<phi>9\d|1[01]\d|ninety(?:-\w+)?)(?=\))", 0.5),
        Pattern("ninety words",
                rf"(?<=,\s?)(?P<phi>ninety(?:-(?:one|two|three|four|five|six|seven|eight|nine))?)"
                rf"(?=\s?,){_NOT_A_QUANTITY}", 0.5),
    ]
    CONTEXT = ["age", "aged", "old", "turned", "birthday", "born", "elderly", "grandmother",
               "grandfather", "grandma", "grandpa"]
