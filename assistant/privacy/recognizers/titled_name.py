"""Names marked by a title, credential, relationship or label: "Dr. Okafor", "Patient: Jo Ng"."""

from __future__ import annotations

from assistant.privacy.recognizers.base import (
    CYRILLIC_OR_GREEK_NAME,
    OTHER_SCRIPT_WORD,
    Pattern,
    RegexRecognizer,
)

CAPITALISED = r"(?-i:\p{Lu}\w*(?:['’](?!s\b)\w+)?(?:-\p{L}\w*)?)"
ANY_CASE = r"(?-i:[A-Za-z][a-z'’]+(?:-[A-Za-z][a-z'’]+)?)"
PARTICLE = r"(?-i:de|del|della|der|di|da|dos|du|la|le|van|von|bin|ibn)"
# A name does not run on across a line break ("LEE, JI-WOO\nPreferred name: ...").
NAME = rf"{CAPITALISED}(?:[ \t]+(?:{PARTICLE}[ \t]+)*{CAPITALISED}){{0,3}}"
INITIAL = r"(?-i:\p{Lu}\.)"
# A name with initials: "K. Asante", "J.M.G.", "D.N.", "Will B."; or a plain name.
NAME_OR_INITIALS = rf"(?:(?:{INITIAL}\s?){{1,3}}(?:{CAPITALISED}\b)?|{NAME}(?:\s{INITIAL})?)"
# On forms a surname may come first, before a comma: "HADDAD, SAMIRA", "Lee, Ji-woo".
SURNAME_FIRST = rf"{CAPITALISED},[ \t]?{CAPITALISED}(?:[ \t]+{CAPITALISED})?"
# After a role, where a sentence may start instead ("Therapist: Felt calm."), a name needs
# two words or an initial.
TWO_PART_NAME = (
    rf"(?:(?:{INITIAL}\s?){{1,3}}{CAPITALISED}|{CAPITALISED}[ \t]+{NAME}|{SURNAME_FIRST})"
)
ABBREVIATED_TITLE = r"(?:dr|mr|mrs|ms|mx|prof|rev|fr|sr)\."
TITLE = (
    r"(?-i:Dr|Doctor|Mr|Mrs|Ms|Mx|Miss|Prof|Professor|Nurse|Rev|Reverend|Pastor|Father|Rabbi"
    r"|Imam|Sister|Brother|Aunt|Auntie|Uncle|Grandma|Grandpa|Granny|Nana|Papa|Abuela|Abuelo"
    r"|Tía|Tia|Tío|Tio|Coach|Officer|Judge|Captain|Sgt|Lt"
    # and the forms of address of other languages written in Latin letters
    r"|Dhr|Mevr|Mevrouw|Meneer|Herr|Frau|Sr|Sra|Srta|Señor|Señora|Dña|Mme|Mlle|Madame|Monsieur"
    r"|Sig|Sig\.ra|Signor|Signora|Dott|Dott\.ssa|Dra|Pan|Pani|Paní|Fru|Herra|Rouva|Sayın)\.?"
)
CREDENTIAL = (
    r"(?-i:MD|DO|NP|PMHNP|FNP|APRN|RN|LPN|PA-C|LCSW|LICSW|LMSW|MSW|LMFT|MFT|LPC|LPCC|LMHC"
    r"|CADC|PsyD|PhD|EdD|LAc|CNS)\b"
)
RELATION = (
    r"(?:my|his|her|their|our|client's|patient's)\s+(?:friend|best\s+friend|partner|husband|wife"
    r"|spouse|boyfriend|girlfriend|fianc[eé]e?|ex|brother|sister|son|daughter|cousin|mom|mum"
    r"|mother|dad|father|stepmom|stepdad|roommate|coworker|co-worker|boss|manager|sponsor"
    r"|therapist|psychiatrist|prescriber|neighbou?r|grandson|granddaughter|grandmother"
    r"|grandfather|niece|nephew|kid|child|baby|aunt|uncle|teacher|pastor|guide|sitter)"
)

LABEL = (
    r"(?:patient|client|name|full\s+name|subscriber|member|employee|owner|contact|attn|dear"
    r"|issued\s+to|assigned\s+to|sent\s+to|referred\s+by|signed|guardian|my\s+name\s+is"
    r"|this\s+is|emergency\s+contact|session\s+with|appointment\s+with|call\s+with"
    r"|surname|(?:given|first|last|family)\s+names?|nombre|apellidos?|nom|pr[ée]nom|betreft"
    r"|nome|cognome|sobrenome|navn|naam|nama|n[ée]v|jm[ée]no|imi[ęe](?:\s+i\s+nazwisko)?|nazwisko"
    r"|ad[ıi]?\s+soyad[ıi]?|vorname|nachname|namn"
    r"|hakija|name\s+\([^)\n]{1,25}\))"
)
ROLE = (
    r"(?:clinician|facilitator|therapist|prescriber|provider|ordering|applicant|spoke\s+with"
    r"|met\s+with|supervisor|counsel+or|psychiatrist|nurse|case\s+manager)"
)
# Words that introduce the name a person goes by.
NICKNAME_LABEL = (
    r"(?:also\s+known\s+as|a\.?k\.?a\.?|goes\s+by|prefers\s+to\s+be\s+called|preferred\s+name"
    r"|nickname|roepnaam|spitzname|rufname|apodo|surnom|apelido|soprannome)"
)
QUOTE_OPEN, QUOTE_CLOSE = "[\"“‘']", "[\"”’']"
# A line that lists people: "Present: Hope, Will B., Ji-woo and Ola".
ROSTER = r"(?:present|absent|attendance|attendees|participants|group\s+members|cc)"
# Titles and forms of address in uncased scripts other than Latin; the words of that script
# after one, up to three, are a name ("الدكتورة منى الشريف", "آقای فرهاد رضایی", "ডাক্তার রহমান").
SCRIPT_TITLE = (
    r"(?:الدكتور|الدكتورة|دكتور|دكتورة|السيد|السيدة|الأستاذ|الأستاذة|الآنسة|دکتر|داکتر|آقای|آقا|خانم"
    r"|جناب|سرکار|دکتۆر|کاک|خاتوو|ڈاکٹر|محترمہ|דוקטור|ד\"ר|מר|גברת|הגברת|डॉक्टर|डाक्टर|डॉ\.|डा\."
    r"|श्री|श्रीमती|सुश्री|ডাক্তার|ডা\.|ডঃ|জনাব|শ্রী|শ্রীমতী|ਡਾਕਟਰ|ਡਾ\.|ਸ੍ਰੀ|ਸ੍ਰੀਮਤੀ|ડૉક્ટર|ડૉ\.|શ્રી"
    r"|டாக்டர்|மருத்துவர்|திரு|திருமதி|ዶክተር|ዶ/ር|አቶ|ወይዘሮ|ወ/ሮ|ექიმი|ბატონი|ქალბატონი|բժիշկ"
    r"|պարոն|տիկին)"
)
# Those of Cyrillic and Greek, whose names are capitalised ("доктор Петрова", "κ. Παπαδάκη").
CASED_TITLE = r"(?:доктор|д-р|лікар|лікарка|пан|пані|господин|госпожа|г-н|г-жа|Δρ\.|κ\.|κα|κύριος|κυρία)"
# Thai, Burmese and Khmer write the title onto the name ("นางสาวสุดารัตน์", "ဒေါ်သန်းသန်းနွယ်");
# not Thai "คุณ" or "นาง", which end other words ("ขอบคุณ", thank you).
JOINED_TITLE = (
    r"(?:คุณหมอ|นางสาว|ဒေါက်တာ|ဦး|ဒေါ်|မောင်|លោកស្រី|លោកគ្រូពេទ្យ|លោក|វេជ្ជបណ្ឌិត)"
)


class TitledNameRecognizer(RegexRecognizer):
    """The capitalised name after a title, relationship word or form label, or before a credential."""

    ENTITY = "PERSON"
    PATTERNS = [
        Pattern("title name", rf"\b{TITLE}\s+(?P<phi>{NAME_OR_INITIALS})", 0.7),
        # Abbreviated titles show a name even in lower case ("dr. mehta").
        Pattern("abbreviated title name", rf"\b{ABBREVIATED_TITLE}\s*(?P<phi>{ANY_CASE})", 0.7),
        Pattern("name credential", rf"(?P<phi>{NAME}),?\s+{CREDENTIAL}", 0.7),
        Pattern("relation name", rf"\b{RELATION},?\s+(?P<phi>{NAME})", 0.6),
        Pattern("labelled name",
                rf"\b{LABEL}\s*[:,-]?\s+(?P<phi>{SURNAME_FIRST}|{NAME_OR_INITIALS})", 0.6),
        Pattern("role name", rf"\b{ROLE}\s*[:,-]?\s+(?P<phi>{TWO_PART_NAME})", 0.6),
        Pattern("name on a roster line",
                rf"(?<=\b{ROSTER}\s*:[^\n]*?)(?<![\w.])(?P<phi>{NAME_OR_INITIALS})"
                rf"(?=\s*(?:,|\band\b|&|;|$))", 0.6),
        Pattern("nickname label",
                rf"\b{NICKNAME_LABEL}\s*[:,-]?\s*{QUOTE_OPEN}?(?P<phi>{NAME_OR_INITIALS})", 0.6),
        # The name someone goes by, quoted after their name: 'Zhou Jiaqi ("Kiki")'; not an
        # acronym in quotes after what it abbreviates ('Internal Family Systems ("IFS")').
        Pattern("nickname after a name",
                rf"(?<={CAPITALISED}[ \t]+\(?[ \t]*{QUOTE_OPEN})(?P<phi>(?-i:\p{{Lu}}\p{{Ll}}[\w'’-]*)){QUOTE_CLOSE}"
                rf"(?=[ \t]*\)?(?:[\s,.;:!?]|$))", 0.6),
        Pattern("title name in another script",
                rf"(?<![\p{{L}}\p{{M}}]){SCRIPT_TITLE}(?:[ \t]+{SCRIPT_TITLE})*[ \t]+(?P<phi>{OTHER_SCRIPT_WORD}(?:[ \t]+{OTHER_SCRIPT_WORD}){{0,2}})", 0.6),
        Pattern("title name in Cyrillic or Greek",
                rf"(?<![\p{{L}}\p{{M}}]){CASED_TITLE}[ \t]+(?P<phi>{CYRILLIC_OR_GREEK_NAME}(?:[ \t]+{CYRILLIC_OR_GREEK_NAME}){{0,2}})", 0.6),
        Pattern("title joined to a name",
                rf"{JOINED_TITLE}[ \t]?(?P<phi>[\p{{Thai}}\p{{Myanmar}}\p{{Khmer}}]{{2,15}})", 0.6),
        # Romanised Korean and similar given names: "Sun-mi Cho", "Jun-ho Park".
        Pattern("hyphenated given name", r"\b(?-i:[A-Z][a-z]+-[a-z]{1,4}\s+[A-Z][a-z]+)\b", 0.6),
    ]
    CONTEXT = ["dr", "doctor", "name", "client", "patient", "therapist", "called", "said"]

    def invalidate_result(self, pattern_text: str) -> bool:
        # "Dr. Will See You" style noise: a title before a sentence-initial common word.
        return pattern_text.rstrip(".").casefold() in _NOT_NAMES


_NOT_NAMES = frozenset(
    "i the a an and but or so he she they we it this that was is who said says told asked "
    "also just then when what id dob no number mrn ssn phone email address".split()
)
