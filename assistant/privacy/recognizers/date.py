"""Dates down to the day or month ("3/14", "the 2nd of June", "Tuesday the 4th"); not bare years."""

from __future__ import annotations

import regex

from assistant.calendar_words import ENGLISH_WORD_MONTHS, calendar_words
from assistant.privacy.recognizers.base import Pattern, RegexRecognizer, alternation, digits

MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
# Bare month names must be capitalised and follow a date preposition ("back in March").
MONTH_CAPITALISED = (
    r"(?-i:January|February|March|April|May|June|July|August|September|October|November|December)"
)
NOT_IN_A_WORD = r"(?<![\p{L}\p{M}])"
WORD_ENDS = r"(?![\p{L}\p{M}])"
# A Hebrew month or weekday may carry a one-letter preposition ("במרץ", "ביום").
FOREIGN_MONTH = rf"{NOT_IN_A_WORD}[בלמ]?{alternation(calendar_words('month'))}\.?{WORD_ENDS}"
# Whole names only, four letters or more: abbreviations are words of other languages ("mar"
# is the sea in Spanish, "sie" a pronoun in German), and not the English months that are
# words ("march", "august"), which have their own patterns.
_WHOLE_MONTHS = [name for name in calendar_words("month") if len(name) >= 4 and name not in ENGLISH_WORD_MONTHS]
FOREIGN_WHOLE_MONTH = rf"{NOT_IN_A_WORD}{alternation(_WHOLE_MONTHS)}{WORD_ENDS}"
ANY_WEEKDAY = rf"{NOT_IN_A_WORD}[בלמ]?{alternation(calendar_words('weekday'))}\.?{WORD_ENDS}"
# Weekdays of the same languages, before a day of the month ("martes 11", "Mittwoch, 9.").
FOREIGN_WEEKDAY = (
    r"(?:lunes|martes|mi[ée]rcoles|jueves|viernes|s[áa]bado|domingo|segunda|ter[çc]a|quarta"
    r"|quinta|sexta|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lundi|mardi"
    r"|mercredi|jeudi|vendredi|samedi|dimanche|luned[ìi]|marted[ìi]|mercoled[ìi]|gioved[ìi]"
    r"|venerd[ìi]|mandag|tirsdag|onsdag|torsdag|fredag|l[øo]rdag|s[øo]ndag|maanantai|tiistai"
    r"|keskiviikko|torstai|perjantai|lauantai|sunnuntai)"
)
# Their two-letter forms (Finnish, German) are words too ("to", "do", "la"): only before a
# dotted day and month ("ma 18.11.", "Di, 4.3.").
SHORT_WEEKDAY = r"(?:ma|ti|ke|to|pe|la|su|mo|di|mi|do|fr|sa)"
NOT_A_DATE_BEFORE = r"(?<!\b(?:step|section|chapter|part|item|point|version|v|§)\s?)"
# "at 13.05" is a time.
AT_A_TIME = r"(?<!\b(?:at|um|klo|à|a\s+las|alle|om|kl\.?)\s)"
WEEKDAY = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?"
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
ORDINAL = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)"
# What follows an ordinal that stands for a day ("on the 3rd, we met"): punctuation, the end,
# or a word that opens a new phrase. A noun makes it "the first session", not a date.
AFTER_A_DAY = (
    r"(?=\s*(?:[^\w\s]|$)|\s+(?:and|or|but|so|if|when|then|because|for|at|is|was|will|we|i|he"
    r"|she|they|you|it)\b)"
)
ORDINAL_WORD = (
    r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth"
    r"|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth"
    r"|twenty[- ](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|thirtieth"
    r"|thirty[- ]first)"
)
YEAR = r"(?:\d{4}|'\d{2})"
WEEKDAY_PREFIX = rf"(?:{WEEKDAY},?\s+)?"
# A time written right after a date belongs to it ("2011-05-19 14:02:51", "March 3 at 4pm",
# "9 ianuarie, ora 07:05", "Tue 3/12/24 @ 1:00 PM", "8 Αυγούστου, ώρα 09:00", "11:00 IST"),
# and so does a range of times ("2/20/2024, 6:00-6:50 PM ET"): up to two short words of any
# language may lead it, a unit or a zone may close it.
# Hour words of other languages close a time too ("14.00 uur", "9 giờ sáng", "3 बजे").
HOUR_WORD = (
    r"(?:[ap]\.?\s?m\.?|uhr|uur|h|heures?|óra(?:kor)?|giờ(?:\s(?:sáng|chiều|tối|trưa))?|saat|godz\.?"
    r"|ч\.?|น\.?|बजे)"
)
CLOCK = (
    rf"(?:\d{{1,2}}(?:[:.]|\s?h\s?)\d{{2}}(?:[:.]\d{{2}})?(?!\d)(?:\s?{HOUR_WORD}(?![\p{{L}}\p{{M}}]))?"
    rf"|\d{{1,2}}\s?{HOUR_WORD}(?![\p{{L}}\p{{M}}]))"
)
# A time range closes on a second time ("7:00-8:30 PM", "between 02:10 and 02:55").
CLOCK_RANGE = (
    rf"{CLOCK}(?:\s?[-–—]\s?{CLOCK}"
    rf"|\s+(?:and|to|till|until|bis|und|à|a|tot|en|e|y|och|og|do|i)\s+{CLOCK})?"
)
ZONE = r"(?:\s?(?:Z|UTC|GMT|[+-]\d{2}:?\d{2})|\s(?-i:[A-Z]{2,4})(?![\p{L}\p{M}]))"
TIME = (
    r"(?:(?:,?\s*(?:@|[\p{L}\p{M}]{1,7}\.?)(?:\s+[\p{L}\p{M}]{1,4})?\s*|,?\s+|T)"
    rf"{CLOCK_RANGE}{ZONE}?)?"
)
# A number beside a month word: a day or a year, with its ordinal mark or abbreviation, and a
# short word that links it ("1.º de", "2024 m.", "15-", "the 3rd of", "2020 р.").
NUMBER = r"(?:\d{1,4}(?!\d|[:.h]\d)(?:st|nd|rd|th|\.º|º|ª|er)?\.?)"
LINK = r"(?:de|del|do|da|di|du|of|the|den|der|le|el|ta['’]|d['’]|m\.|d\.|r\.|j\.|г\.|р\.)"
BEFORE_A_MONTH = rf"(?:{NUMBER}(?:-[\p{{L}}\p{{M}}]{{1,4}})?(?:-|\s+(?:{LINK}\s+)?)){{1,2}}"
AFTER_A_MONTH = rf"(?:(?:,?\s+|-)(?:{LINK}\s+)?{NUMBER}(?:\s+(?-i:\p{{Ll}}{{1,2}})\.)?)"
AND_A_WEEKDAY = rf"(?:,?\s+{ANY_WEEKDAY})?"
WEEKDAY_FIRST = rf"(?:{ANY_WEEKDAY},?\s+(?:(?:dia|den|le|el|der|the)\s+)?)?"
# Korean, Chinese and Japanese dates in figures ("2024년 2월 7일 수요일", "10月18日（周一）
# 11点20分", "二月十二日").
HAN_NUMBER = r"[〇零一二三四五六七八九十]{1,3}"
EAST_ASIAN = (
    rf"(?:(?:\d{{4}}|{HAN_NUMBER})\s?年\s?)?(?:\d{{1,2}}|{HAN_NUMBER})\s?月\s?(?:\d{{1,2}}|{HAN_NUMBER})\s?[日號号]"
    r"(?:\s?[（(](?:星期|周|週)?[一二三四五六日天月火水木金土][）)])?"
    r"(?:\s?(?:上午|下午|午前|午後)?\s?\d{1,2}(?:[点點時时](?:\s?\d{1,2}分)?|:\d{2}))?"
)
KOREAN = (
    r"(?:\d{4}\s?년\s?)?\d{1,2}\s?월\s?\d{1,2}\s?일(?:\s?\(?\p{Hangul}{1,3}\)?(?<=요일|\(\p{Hangul}\)))?"
    r"(?:\s?(?:오전|오후)?\s?\d{1,2}\s?시(?:\s?\d{1,2}\s?분)?)?"
)

# Vietnamese dates with the month as a number ("thứ Sáu, ngày 7 tháng 3 năm 2025"): "ngày"
# (day) before or a year after, since "2 tháng 3 lần" is a count of months.
VN_YEAR = r"(?:,?\s+năm\s+\d{4}|/\d{4})"
VIETNAMESE = (
    r"(?:(?:thứ\s+[\p{L}]+|chủ\s+nhật),?\s+)?(?:ngày\s+\d{1,2}\s+tháng\s+\d{1,2}(?!\d)"
    rf"{VN_YEAR}?|\b\d{{1,2}}\s+tháng\s+\d{{1,2}}{VN_YEAR})"
)


class DateElementRecognizer(RegexRecognizer):
    """All date elements except the year on its own, in the formats people write."""

    ENTITY = "DATE"
    PATTERNS = [
        Pattern("month day year", rf"\b{WEEKDAY_PREFIX}{MONTH}\s+{DAY}\b(?:,?\s+{YEAR}\b)?{TIME}", 0.8),
        Pattern(
            "day of month",
            rf"\b{WEEKDAY_PREFIX}(?:the\s+)?(?:{DAY}|{ORDINAL_WORD})\s+(?:of\s+)?{MONTH}"
            rf"(?:,?\s+{YEAR}\b)?{TIME}",
            0.8,
        ),
        Pattern("month year", rf"\b{MONTH}\s*,?\s+{YEAR}\b", 0.7),
        Pattern(
            "numeric",
            rf"\b{WEEKDAY_PREFIX}(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01])(?:/(?:\d{{4}}|\d{{2}}))?\b"
            rf"(?!/|\.\d){TIME}",
            0.6,
        ),
        Pattern(
            "numeric dashed or dotted",
            r"\b(?:0?[1-9]|1[0-2])([-.])(?:0?[1-9]|[12]\d|3[01])\1(?:\d{4}|\d{2})\b(?![-.]\d)" + TIME,
            0.6,
        ),
        Pattern("iso", r"\b\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?:\b|(?=T\d))" + TIME, 0.7),
        Pattern("year first, dotted or slashed",
                r"(?<![\w.])(?:19|20)\d{2}([./])(?:0[1-9]|1[0-2])\1(?:0[1-9]|[12]\d|3[01])\b(?![./]\d)"
                + TIME,
                0.7),
        Pattern(
            "day month year in another language",
            rf"\b(?:{DAY}\.?|{ORDINAL_WORD})\s+(?:de\s+)?{FOREIGN_MONTH}(?:\s+(?:de\s+)?{YEAR}\b"
            r"(?:\s*r\.)?)?(?:,?\s*(?:godz\.|klo|um|às|a\s+las|à)\s*\d{1,2}[:.h]\d{2})?" + TIME,
            0.7,
        ),
        # Day and month without a year: unambiguous when the day is over 12 ("23/02",
        # "26/3"), or when the writer closes it with a dot, as in German, Finnish or Polish
        # ("4.11.", "23.01."; not "14. 12. 9." — a list of scores).
        Pattern("day over 12 and month",
                AT_A_TIME + r"(?<![\w./-])(?:1[3-9]|2\d|3[01])(?:/(?:0?[1-9]|1[0-2])|\.(?:0[1-9]|1[0-2]))\b"
                r"(?![/.]?\d|%)" + TIME, 0.6),
        Pattern("day and month closed with a dot",
                NOT_A_DATE_BEFORE + r"(?<![\w.])(?:0?[1-9]|[12]\d|3[01])\.(?:0?[1-9]|1[0-2])\.(?!\d)"
                + TIME, 0.6),
        Pattern("short weekday, day and month",
                rf"\b{SHORT_WEEKDAY}\.?,?\s+(?:0?[1-9]|[12]\d|3[01])\.(?:0?[1-9]|1[0-2])\.(?:\d{{4}}|\d{{2}})?(?!\d)"
                + TIME,
                0.6),
        Pattern(
            "weekday and day in another language",
            rf"\b{FOREIGN_WEEKDAY}\.?,?\s+(?:(?:dia|den|le|el|der)\s+)?(?:{DAY}\.?|\d{{1,2}}[/.]\d{{1,2}}\.?)"
            rf"(?:\s+(?:de\s+)?{FOREIGN_MONTH})?(?:\s+(?:a\s+las|à|um|klo|às)\s+\d{{1,2}}(?:[:.h]\d{{2}})?"
            r"(?:\s?h)?)?\b" + TIME,
            0.6,
        ),
        Pattern("month then day in another language",
                rf"\b{FOREIGN_MONTH}\s+\d{{1,2}}\.?(?!\d)" + TIME, 0.6),
        Pattern("east asian month and day", EAST_ASIAN, 0.7),
        Pattern("korean month and day", KOREAN, 0.7),
        Pattern("vietnamese day and month", VIETNAMESE + TIME, 0.7),
        # Any language's month word with a number before or after it, the weekday and the
        # time around them ("Kamis, 21 Maret 2024 pukul 09.00 WIB", "2024. január 18.",
        # "augusztus 31., csütörtök 10:00").
        Pattern("number and a month word in any language",
                rf"{WEEKDAY_FIRST}{BEFORE_A_MONTH}{FOREIGN_MONTH}{AFTER_A_MONTH}{{0,2}}{AND_A_WEEKDAY}{TIME}", 0.7),
        Pattern("a month word and a number in any language",
                rf"{WEEKDAY_FIRST}{FOREIGN_MONTH}{AFTER_A_MONTH}{{1,2}}{AND_A_WEEKDAY}{TIME}", 0.7),
        # A weekday of any language before a date in figures ("penktadienis, 2019-01-04",
        # "úterý 3. 10.").
        Pattern("weekday word and a date in figures",
                rf"{ANY_WEEKDAY},?\s+(?:\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}\.\s?\d{{1,2}}\.(?:\s?\d{{2,4}})?"
                rf"|\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?)(?!\d){TIME}", 0.6),
        Pattern("month and year in figures",
                r"(?<=\b(?:from|to|until|since|expires?|expiry|exp\.?|valid\s+(?:to|until|thru)"
                r"|through|thru)\s+)(?P<phi>(?:0[1-9]|1[0-2])/(?:19|20)\d{2})\b",
                0.6),
        Pattern(
            "day month numeric (non-US)",
            r"\b(?:1[3-9]|2\d|3[01])[/.](?:0?[1-9]|1[0-2])[/.](?:\d{4}|\d{2})\b" + TIME,
            0.6,
        ),
        Pattern(
            "weekday the ordinal",
            rf"\b{WEEKDAY},?\s+(?:the\s+)?(?:{ORDINAL}|{ORDINAL_WORD})\b",
            0.7,
        ),
        Pattern(
            "the ordinal",
            rf"(?:\b(?:on|by|before|after|until|till|til|since|from|through|for|of|around)\s+)"
            rf"(?P<phi>the\s+(?:{ORDINAL}|{ORDINAL_WORD}))\b{AFTER_A_DAY}",
            0.6,
        ),
        Pattern(
            "bare month",
            rf"\b(?:in|since|until|till|by|during|early|late|mid|end\s+of|last|next|this|that)"
            rf"[\s-]+(?P<phi>{MONTH_CAPITALISED})\b",
            0.6,
        ),
        # The same in other languages: a month's whole name after a preposition of time
        # ("en mayo", "im November", "desde marzo", "a finales de octubre", "în august").
        Pattern(
            "bare month in another language",
            rf"{NOT_IN_A_WORD}(?:en|em|im|in|seit|ab|bis|sinds|sedan|siden|[îi]n|desde|hasta|at[ée]"
            rf"|depuis|d[èe]s|fino\s+a|entro|w|we|od|do|anfang|ende|mitte|d[ée]but|fin|begin|eind"
            rf"|in[íi]cio|principios\s+de|finales\s+de|mediados\s+de|inizio|fine)\s+"
            rf"(?P<phi>{FOREIGN_WHOLE_MONTH})",
            0.5,
        ),
        # A month named with another date word around it: "rent for January", "from 22 in
        # january", "between January and February".
        Pattern(
            "month in a date phrase",
            r"\b(?:rent|paid|due|bill|invoice|salary|payroll|between|from|and|or|to|of|for|in"
            r"|since|until|by|during)\s+"
            r"(?P<phi>(?-i:January|February|March|April|June|July|August|September|October"
            r"|November|December)|january|february|april|june|july|august|september|october"
            r"|november|december)\b(?!\s+(?:\d|is|was))",
            0.5,
        ),
    ]
    CONTEXT = ["date", "dob", "born", "birthday", "on", "since", "appointment", "session"]

    def invalidate_result(self, pattern_text: str) -> bool:
        # "1/2" and "3/4" read as fractions far more often than as dates.
        return pattern_text in _FRACTIONS or not (
            digits(pattern_text) or regex.search(r"\p{L}", pattern_text)
        )


_FRACTIONS = frozenset({"1/2", "1/3", "2/3", "1/4", "3/4"})
