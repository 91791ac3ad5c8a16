"""Employers, schools and clinics named in a way that identifies ("works at Delmar Logistics",
"Lindenhall Psychedelic Therapy", "Centro de Salud Triana", "Employer: Maple Leaf Cold Storage").

A name ending in a kind of practice ("… Therapy", "… Family Medicine") is an organisation only
when a word of it is not itself clinical vocabulary: "Cognitive Behavioral Therapy" and
"Family Medicine" name a method and a specialty, not a place.
"""

from __future__ import annotations

from assistant.privacy.recognizers.base import (
    CYRILLIC_OR_GREEK_NAME,
    FUNCTION_WORDS,
    OTHER_SCRIPT_WORD,
    Pattern,
    RegexRecognizer,
)

WORD = r"(?-i:(?:\p{Lu}[\w'’.-]*|&))"
KIND = (
    r"(?-i:School|Elementary|Middle\s+School|High\s+School|High|Academy|University|College"
    r"|Institute|Hospital|Medical\s+Center|Health|Clinic|Bank|Church|Temple|Synagogue|Mosque"
    r"|Inc\.?|LLC|LLP|Corp\.?|Corporation|Company|Co\.|Group|Logistics|Dental|Labs?"
    r"|Laboratories|Foundation|Partners|Associates|Systems|Solutions|Services|Technologies"
    r"|Consulting|Market|Foods|Motors|Insurance|Credit\s+Union|Pharmacy|Bakery|Caf[eé]"
    r"|Restaurant|Studios?|Agency|Department|Airlines|Construction|Realty|Centre|Center"
    r"|Lyc[ée]e|Escola|Colegio|Liceo|Gymnasium|Schule|Universit(?:[äa]t|[ée]|[àa]|ad)"
    r"|Psychiatry|Psychology|Psychotherapy|Therapy|Therapies|Counsell?ing|Medicine|Healthcare"
    r"|Wellness|Semiconductors?|Storage|Manufacturing|(?:Unified\s+)?School\s+District"
    r"|Practice|Pa?ediatrics|Infirmary|Holdings|Trading|Freight|Analytics|Plumbing|Supplies"
    r"|Works|Hotel|Enterprises|Industries|Apotheke|&\s+Sons|e\s+Filhos|e\s+Figli|Hermanos"
    r"|Services?|Collective|Hospice|Alliance|Network|Trust|Association|Society|Cooperative"
    r"|Co-op|Pizzeria|Salon|Gym|Fitness|Public\s+Defender"
    # kind words written after the name in Finnish, Swedish, Hungarian ("Hervannan terveysasema")
    r"|terveysasema|sairaala|v[åa]rdcentral(?:en)?|rendel[őo]|k[óo]rh[áa]z)"
)
# Kinds whose name follows them ("Institute of Mental Health", "College of Art and Design").
INSTITUTION_OF = (
    r"(?-i:Institute|College|Centre|Center|School|Academy|Hospital|Sisters|Brothers"
    r"|Society|Association|Museum|Bank|Church)"
)
# Kinds of practice whose name may be clinical vocabulary alone ("Family Medicine").
PRACTICE_KINDS = frozenset(
    "psychiatry psychology psychotherapy therapy therapies counseling counselling medicine "
    "healthcare wellness health practice systems service services network alliance".split()
)
CLINICAL_WORDS = frozenset(
    "family internal systems cognitive behavioral behavioural behavior behaviour dialectical "
    "emergency integrative functional psychedelic ketamine ketamine-assisted assisted somatic "
    "narrative exposure art music group couples couple physical occupational speech sports "
    "addiction general child adolescent adult geriatric forensic consultation liaison "
    "interventional preventive sleep pain holistic mental public community trauma "
    "trauma-focused compassion-focused acceptance commitment and & schema interpersonal "
    "psychodynamic existential gestalt play drama dance equine mindfulness-based "
    "emotion-focused solution-focused brief strategic structural person-centered "
    "client-centered humanistic positive sex marital grief women's men's global "
    "outpatient inpatient residential virtual online telehealth crisis social protective "
    "customer national human peer support care the a of in for with".split()
)
# A kind word that leads the name, as many languages write it ("hôpital Lariboisière").
LEADING_KIND = (
    r"(?:centro|cl[íi]nica|clinique|colegio|escuela|universidad|instituto|h[ôo]pital|hospital"
    r"|[ée]cole|lyc[ée]e|coll[èe]ge|universit[ée]|krankenhaus|klinik|klinikum|praxis|schule"
    r"|ospedale|scuola|universit[àa]|escola|faculdade|szpital|szko[łl]a|liceum|ziekenhuis"
    r"|huisartsenpraktijk|basisschool|sjukhus|sykehus|sairaala"
    r"|consultorio|consult[óo]rio|hausarztpraxis|gemeinschaftspraxis|ordinacija|ambulanta"
    r"|ph[òo]ng\s+kh[áa]m|kliniki|kl[īi]nika|azienda\s+ospedaliera|col[ée]gio|poliklinika"
    r"|poradnia|gabinet|centre\s+de\s+sant[ée]|centro\s+de\s+sa[úu]de|hotel|grand\s+hotel|zentrum"
    r"|grundschule|gesamtschule|realschule|mittelschule|volksschule|gymnasium|apotheke|farmacia"
    r"|pharmacie|(?:psychiatrie[ \t]+)?praktijk|kliniek|c[âa]mara\s+municipal|ayuntamiento"
    r"|prefeitura"
    # the acronyms of public services that lead a name ("GGZ Amstelland", "CLSC du Plateau")
    r"|ggz|clsc|ies|cesfam)"
)
# Kinds that lead a name in scripts other than Latin ("عيادة السكينة للصحة النفسية",
# "центр «Тыныштық»", "โรงพยาบาลศิริราช"); the words of that script after it, up to four,
# or a quoted name, are its name; a Cyrillic or Greek name is capitalised or quoted.
SCRIPT_LEADING_KIND = (
    r"(?:عيادة|مستشفى|مستشفي|مصحة|مركز|بنك|شركة|جامعة|مدرسة|كلية|کلینیک|بیمارستان|درمانگاه|مرکز"
    r"|دانشگاه|مدرسه|بانک|شرکت|בית[ \t]+החולים|בית[ \t]+חולים|מרפאת|קופת[ \t]+חולים|בית[ \t]+ספר"
    r"|अस्पताल|हस्पताल|क्लिनिक|হাসপাতাল|ক্লিনিক|ਹਸਪਤਾਲ|ਕਲੀਨਿਕ|மருத்துவமனை|ሆስፒታል|ክሊኒክ)"
)
CASED_LEADING_KIND = (
    r"(?:клиника|клиники|клинике|клиникой|центр|центра|центре|центром|больница|больницы|больнице"
    r"|поликлиника|лікарня|лікарні|клініка|клініки|центру|банк|банка|университет|університет"
    r"|школа|школы|гимназия|лицей|ліцей|κλινική|νοσοκομείο|κέντρο|τράπεζα|πανεπιστήμιο|σχολείο)"
)
QUOTED = r"(?:«[^»\n]{1,40}»|„[^“”\n]{1,40}[“”]|\"[^\"\n]{1,40}\")"
# Chinese, Japanese, Korean and Thai write the kind after the name, with no space between
# ("台大醫院", "こころの森メンタルクリニック", "마음숲정신건강의학과의원", "株式会社ミナトシステムズ").
EAST_ASIAN_KIND = (
    r"(?<![去在到的のにでへとは])(?:医院|醫院|診所|诊所|クリニック|病院|センター|中心|大学|大學|銀行|银行"
    r"|学校|學校|株式会社)"
)
KOREAN_KIND = r"(?:병원|의원|은행|학교|대학교|센터)"
# A Russian or Ukrainian adjective before the kind ("Медицинский центр").
CYRILLIC_ADJECTIVE = r"(?:\p{Cyrillic}{2,}(?:ий|ый|ой|ая|ое|ые|ого|ої|а|і)[ \t]+)"
LINKS = (
    r"(?:de|del|de[ \t]+la|de[ \t]+los|do|da|dos|das|am|an[ \t]+der|im|di|della|du|des|la|le|les"
    r"|ya|van|maternelle|primaire|[ée]l[ée]mentaire|primaria|secundaria|p[úu]blica|publique|general"
    r"|universitario|universitaire|municipal|f[üu]r|voor|pour|per|para|na|of|for)"
)
CAPITALISED = r"(?-i:\p{Lu}[\w'’-]*(?:\.(?=[\w-])[\w'’-]*)*)"
ORG_LABEL = (
    r"(?:employer|arbeitgeber|werkgever|empleador|employeur|workplace|place\s+of\s+work"
    r"|lieu\s+de\s+travail|school|escuela|colegio|schule|[ée]cole|university|universidad"
    r"|company|firma|clinic|cl[íi]nica|facility|institution)"
)
# Words that open no organisation's name after a label or a leading kind word.
NOT_A_NAME = frozenset(
    "none not n/a unemployed retired self-employed unknown student homemaker disability "
    "currently no yes tbd i mum mom dad the a monday tuesday wednesday thursday friday "
    "saturday sunday january february march april may june july august september october "
    "november december".split()
)
# Company legal forms of many countries: "Karvonen Oy", "Bonneau S.A.S.", "Novák s.r.o.".
LEGAL_FORM = (
    r"(?:AB|Oyj?|GmbH|AG|KG|S\.?A\.?S\.?|S\.?p\.?A\.?|S\.?r\.?l\.?|S\.?L\.?|S\.?A\.?|s\.r\.o\.|a\.s\."
    r"|j?\.?d\.o\.o\.|k\.s\.|Ltda\.?|Ltd\.?|PLC|Nyrt\.?|Kft\.?|Zrt\.?|B\.?V\.?|N\.?V\.?|ApS|A/S"
    r"|ASA|Sp\.\s?z\s?o\.o\.|Pty|Tbk|Inc\.?|LLC|tic\.|e\s+figli|y\s+C[íi]a\.?"
    r"|Limited|LTD|LIMITED|(?:\(Pvt\)\s+)?Ltd\.?|Pvt\.?\s+Ltd\.?|D\.D\.|d\.d\.|AS|I/S|SARL|OÜ|UAB|SIA"
    r"|Sdn\.?\s+Bhd\.?|e\.\s?V\.|\(주\)|\(유\))"
)
# Forms no English word shares, so the name before them may be in lower case.
UNAMBIGUOUS_FORM = r"(?:gmbh|oyj|s\.r\.o\.|j?\.?d\.o\.o\.|ltda\.|nyrt\.|kft\.|tic\.|sp\.\s?z\s?o\.o\.)"
NAME_RUN = r"(?-i:[A-Z][\w'’&.-]*(?:,?\s+(?:[A-Z][\w'’.-]*|&|of|and)){0,4})"


class OrganizationRecognizer(RegexRecognizer):
    """A capitalised name ending in an institution word, or the place someone works or studies."""

    ENTITY = "ORGANIZATION"
    PATTERNS = [
        Pattern("named institution", rf"\b(?:{WORD}\s+(?-i:of\s+)?){{1,4}}{KIND}\b", 0.6),
        Pattern(
            "institution of",
            rf"\b(?:{WORD}[ \t]+){{0,3}}{INSTITUTION_OF}[ \t]+(?-i:of|for)[ \t]+(?-i:the[ \t]+)?{CAPITALISED}"
            rf"(?:[ \t]+(?-i:and[ \t]+|&[ \t]+)?{CAPITALISED}){{0,3}}",
            0.6,
        ),
        Pattern(
            "leading kind",
            rf"(?<!\w)(?:{LEADING_KIND})(?:[ \t]+{LINKS})*[ \t]+{CAPITALISED}"
            rf"(?:[ \t]+(?:{LINKS}[ \t]+)?{CAPITALISED}){{0,2}}",
            0.6,
        ),
        Pattern(
            "labelled",
            rf"\b{ORG_LABEL}[ \t]*:[ \t]*(?P<phi>{CAPITALISED}(?:[ \t]+[\w'’&.-]+){{0,5}}?)(?=[ \t]*(?:[,;(]|$))",
            0.6,
        ),
        Pattern("legal form", rf"\b(?:{WORD},?\s+){{1,4}}(?-i:{LEGAL_FORM})(?![\w])", 0.6),
        Pattern("lower-case name, legal form",
                rf"\b(?:(?!{FUNCTION_WORDS}\b)[\p{{L}}&'’-]+\s+){{1,3}}{UNAMBIGUOUS_FORM}(?![\w])", 0.6),
        Pattern("leading kind in another script",
                rf"(?<![\p{{L}}\p{{M}}]){SCRIPT_LEADING_KIND}(?:[ \t]+{QUOTED}|(?:[ \t]+{OTHER_SCRIPT_WORD}){{1,4}})", 0.6),
        Pattern("leading kind in Cyrillic or Greek",
                rf"(?<![\p{{L}}\p{{M}}]){CYRILLIC_ADJECTIVE}?{CASED_LEADING_KIND}"
                rf"(?:[ \t]+{QUOTED}|(?:[ \t]+{CYRILLIC_OR_GREEK_NAME}){{1,3}})", 0.6),
        Pattern("east asian name and kind",
                rf"(?:株式会社)?[\p{{Han}}\p{{Katakana}}\p{{Hiragana}}ー々]{{1,12}}?{EAST_ASIAN_KIND}"
                r"|(?:株式会社|\(주\))[\p{Katakana}\p{Han}\p{Hangul}ー]{1,12}",
                0.6),
        Pattern("korean name and kind", rf"(?<!\p{{Hangul}})\p{{Hangul}}{{1,12}}{KOREAN_KIND}", 0.6),
        Pattern("thai leading kind", r"(?:โรงพยาบาล|คลินิก|ธนาคาร|โรงเรียน|มหาวิทยาลัย)\p{Thai}{1,20}", 0.6),
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

    def invalidate_result(self, pattern_text: str) -> bool:
        words = [w.strip(",.").casefold() for w in pattern_text.split()]
        if words[-1] in PRACTICE_KINDS and all(w in CLINICAL_WORDS for w in words[:-1]):
            return True
        return len(words) > 1 and (words[0] in NOT_A_NAME or words[1] in NOT_A_NAME)
