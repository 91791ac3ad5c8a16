"""Ages over 89, which Safe Harbor treats as identifying ("92-year-old", "turned 100",
"ha 100 anni", "kilencvenkilenc éves", "cumple noventa años", "AGE: 103")."""

from __future__ import annotations

from assistant.privacy.recognizers.base import Pattern, RegexRecognizer

OVER_89 = (
    r"(?:9\d|1[01]\d|ninety(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?"
    r"|(?:a|one)\s+hundred(?:\s+and\s+\w+)?)"
)
# Ninety to about a hundred and five in words, in the languages of our users' clients:
# German, Dutch, Spanish, Portuguese, French, Italian, Czech/Slovak, Polish, Hungarian,
# Turkish, Swedish, Danish/Norwegian, Romanian, Croatian/Serbian, Greek, Tagalog,
# Indonesian, Finnish.
OVER_89_WORDS = (
    r"(?:(?:ein|zwei|drei|vier|f[üu]nf|sechs|sieben|acht|neun)und)?neunzig|hundert(?:(?:und)?(?:eins|zwei|drei|vier|f[üu]nf))?"
    r"|(?:(?:een|twee|drie|vier|vijf|zes|zeven|acht|negen)[eë]n)?negentig|honderd"
    r"|noventa(?:\s+[ye]\s+\w+)?|cien|cem|ciento\s+\w+|cento(?:\s+e\s+\w+|uno|due|tre|quattro|cinque)?"
    r"|quatre-vingt-(?:dix|onze|douze|treize|quatorze|quinze|seize)(?:-\w+)?|nonante(?:[- ]\w+)?"
    r"|novant(?:a|uno|adue|atr[ée]|aquattro|acinque|asei|asette|otto|anove)"
    r"|devades[áa]t(?:\s+\w+)?|dev[äa][ťt]desiat\w*|dziewi[ęe][ćc]dziesi\w+(?:\s+\w+)?"
    r"|kilencven\w*|sz[áa]z(?:egy|kett[őo]|h[áa]rom)?|doksan(?:\s+\w+)?"
    r"|nittio\w*|hundra(?:ett|en|tv[åa]|tre)?|(?:\w+og)?halvfems(?:indstyve)?|nitti\w*|hundrede(?:\s+og\s+\w+)?"
    r"|nou[ăa]zeci(?:\s+[șş]i\s+\w+)?|o\s+sut[ăa]|devedeset(?:\s+i)?(?:\s+\w+)?"
    r"|ενενήντα(?:\s+\w+)?|εκατό|siyamnapu(?:['’]t\s+\w+)?|isandaan|sembilan\s+puluh(?:\s+\w+)?|seratus"
    r"|yhdeks[äa]nkymment[äa]\w*|sata\w*"
)
# "years" after the number, and the age verbs and labels before it, in the same languages.
YEARS_WORD = (
    r"(?:anni|a[ñn]os|anos|ans|jahre?n?|jaar|let|lat|[ée]ves|ya[şs]\w*|[åa]r|(?:de\s+)?ani|godin[ae]"
    r"|χρονών|χρόνια|ετών|taong|tahun|vuotta|vuotias)"
)
# "years" written onto or after the number in scripts other than Latin ("97歳", "95岁",
# "99세", "101 ปี", "92 साल", "101 عاماً", "102 года", "93 שנים").
YEARS_OTHER_SCRIPTS = (
    r"(?:歳|岁|세|살|ปี|साल|वर्ष|tuổi|عام(?:اً|ًا|ا)?|سنة|سنوات|سال|лет|год(?:а|ов)?|років|рік|роки"
    r"|שנים|שנה|ετών|χρονών)"
)
# "today" before a birthday's number ("Прабабушке Элеонора сегодня 101!", "היום 93!").
TODAY = (
    r"(?:today|heute|hoy|aujourd['’]hui|oggi|hoje|vandaag|dzisiaj|bug[üu]n|idag|сегодня|сьогодні"
    r"|היום|σήμερα(?:[ \t]+τα)?|आज|今天|今日|오늘)"
)
AGE_BEFORE = (
    r"(?:(?:wird|werd|wordt)(?:[ \t]+(?:vandaag|heute|morgen))?|cumple|cumpli[óo]|compie|compiuto"
    r"|fez|faz|fyller|fylder|fylte|sl[áa]v[ií]|puni|[îi]mplinit|f[êe]te|viert|t[äa]ytt[äa][äa]|lat"
    r"|(?:at[ \t]+the[ \t]+)?age(?:[ \t]+of)?|[âa]ge(?:[ \t]+de)?|edad|alter|et[àa]"
    r"|idade|wiek|leeftijd|[åa]lder|alder|ik[äa]|ya[şs]|v[âa]rsta|starost|ηλικία)"
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
        Pattern("comma n comma", r"(?<=,\s?)(?P<phi>9\d|1[01]\d)(?=\s?[,;])", 0.45),
        # "she's 94 now", "Joan's 90th", "(ninety-two)" after a name, "Joy Wolf, ninety-two,".
        Pattern("contracted is n",
                rf"\b(?:she|he|they|i|mum|mom|dad|gran|nan|\w+)['’](?:s|m|re)\s+(?P<phi>{OVER_89})"
                rf"(?:th|st|nd|rd)?\b{_NOT_A_QUANTITY}", 0.5),
        Pattern("n in brackets after a name",
                r"(?<=(?-i:\p{Lu})\p{L}+\s\()(?P<phi>9\d|1[01]\d|ninety(?:-\w+)?)(?=\))", 0.5),
        Pattern("ninety words",
                rf"(?<=,\s?)(?P<phi>ninety(?:-(?:one|two|three|four|five|six|seven|eight|nine))?)"
                rf"(?=\s?[,;]){_NOT_A_QUANTITY}", 0.5),
        Pattern("n words, years",
                rf"(?<!\w)(?P<phi>{OVER_89}|{OVER_89_WORDS})[ \t]+{YEARS_WORD}(?!\w)", 0.6),
        Pattern("age verb or label, n",
                rf"(?<!\w){AGE_BEFORE}[ \t]*[:.]*[ \t]*(?:\w+[ \t]+\d{{1,2}}\.?[ \t]+\w+[ \t]+)?"
                rf"(?P<phi>{OVER_89}|{OVER_89_WORDS})(?!\w|[.,]\d){_NOT_A_QUANTITY}", 0.5),
        # an age reached or at death: "lived till 96", "der 99 geworden ist"
        Pattern("lived to n", rf"\blived\s+(?:till|until|to(?:\s+be)?)\s+(?P<phi>{OVER_89})\b{_NOT_A_QUANTITY}", 0.5),
        Pattern("n years, other scripts", rf"(?<!\d)(?P<phi>9\d|1[01]\d)[ \t]*{YEARS_OTHER_SCRIPTS}", 0.6),
        Pattern("today n!", rf"(?<!\w){TODAY}[ \t]*(?P<phi>9\d|1[01]\d)(?=[ \t]*[!！])", 0.5),
        Pattern("n geworden", rf"(?<!\w)(?P<phi>{OVER_89}|{OVER_89_WORDS})[ \t]+geworden\b", 0.5),
        Pattern("age label dots", r"(?<=\bage[ \t]*\.{2,}[ \t]*)(?P<phi>\w+(?:-\w+)?)", 0.5),
    ]
    CONTEXT = ["age", "aged", "old", "turned", "birthday", "born", "elderly", "grandmother",
               "grandfather", "grandma", "grandpa"]
