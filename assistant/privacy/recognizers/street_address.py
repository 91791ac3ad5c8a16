"""Street addresses outside the US shape, found by the street word that every country uses.

Two shapes cover most of the world's envelopes: a street-type word before the name ("Calle
Mayor 12, 3º B", "ul. Długa 12/4", "96, Boulevard Briand") and a street-type ending on the
name ("Rautatienkatu 14 as. 7", "Hauptstraße 5", "Storgatan 3"). Both need a house number
next to the name, so a street named in passing ("we walked down Calle Mayor") is left to the
place recognizers. A unit on its own ("Apt. 402", "Suite 210") is an address too.
"""

from __future__ import annotations

from assistant.privacy.recognizers.base import Pattern, RegexRecognizer, UPPER

# Street-type words written before the name (Romance, Slavic, Turkish, Indonesian, French...).
STREET_BEFORE = (
    r"(?:calle|c/|avenida|avda|av|rua|travessa|largo|pra[cç]a|alameda|estrada|rodovia"
    r"|via|viale|piazza|piazzale|corso|vicolo|strada|carrer|passeig|paseo|camino|plaza|ronda"
    r"|glorieta|rue|boulevard|bd|chemin|all[ée]e|impasse|place|quai|cours|avenue"
    r"|ul|ulica|aleja|plac|osiedle|os(?=\.)|bulevardul|calea|[șs]oseaua|ulice|n[áa]m[ěe]st[íi]"
    r"|t[řr]ída|jalan|jl|đường|phố|andador|cerrada|privada|circuito|prolongaci[óo]n"
    r"|callej[óo]n|carrera)"
)
# The same words where the house number comes first ("96, Boulevard Briand", "12 rue de la Paix").
STREET_AFTER_NUMBER = r"(?:rue|boulevard|bd|avenue|all[ée]e|chemin|impasse|quai|place|cours|đường|phố)"
# Endings of one-word street names (German, Nordic, Finnish, Dutch...): "Storgatan 3".
STREET_ENDING = (
    r"(?:stra(?:ß|ss)e|str\.|weg|gasse|platz|allee|damm|ufer|steig|chaussee|gatan|gata"
    r"|v[äa]gen|gr[äa]nd|torget|stigen|veien|gaten|vej|gade|v[æa]nget|katu|kuja|polku|kaari"
    r"|rinne|tori|straat|laan|gracht|plein|kade|singel|dreef|dijk|steeg|sokak|caddesi)"
)
# Street words written as a word of their own after the name: "Kossuth Lajos utca 12".
STREET_WORD_AFTER = (
    r"(?:utca|út|tér|körút|krt\.|sokak|soka[ğg][ıi]|caddesi|cad\.|bulvar[ıi]|stra(?:ß|ss)e"
    r"|str\.|gatan|v[äa]gen|gata|katu|ulica|cesta|gatv[eė]|iela|t[äa]nav|maantee|allee|weg"
    r"|straat|laan|vej|gade)"
)
WORD = rf"{UPPER}[\p{{L}}\d'’.-]*"
PARTICLE = r"(?:de|del|de\s+la|de\s+los|das|dos|da|do|des|du|la|le|les|di|della|degli|dei|van|von)"
NAME = rf"(?:{PARTICLE}\s+)?{WORD}(?:\s+(?:{PARTICLE}\s+)?{WORD}){{0,3}}"
HOUSE = (
    r"(?:n[º°o]\.?\s*|nr\.?\s*|#\s*)?\d{1,5}(?:\s?[a-z](?![\p{L}\d]|\.\s?\d))?"
    r"(?:\s*[/-]\s*\d{1,4}[a-z]?)?"
)
# A unit after the house number holds a digit: "3º B", "as. 7", "lgh 1102", "piso 3", "m. 14",
# "Daire 6"; a staircase or a block may be one capital ("scala B", "esc. A", "bât. C").
UNIT = (
    r"(?:\d{1,3}\s*[º°ªo]\s*(?:(?-i:[A-Z])\b|izq\w*|dcha?\b|der\w*)?"
    r"|(?:as|asunto|lgh|apt|apto|ap|dpto|depto|piso|pta|puerta|esc|bloco|bl|lok|kv|wohnung"
    r"|whg|etg|stg|flat|unit|room|edif|int|daire|kat|m\.|scala|interno|appt?|[ée]tage)\.?\s*"
    r"(?=[\w-]*\d)[\w-]{1,6}\b"
    r"|(?:scala|esc|escalera|bloque|bloco|bl|b[âa]t|b[âa]timent|portal|porta|staircase|block)\.?"
    r"\s+(?-i:[A-Z])\b)"
)
UNITS = rf"(?:,?\s+{UNIT}){{0,3}}"
# A unit on its own; "flat" only as a label (it is also a mood).
UNIT_ALONE = (
    r"\b(?:apt|apartment|apto|suite|ste|(?-i:Flat|FLAT)|depto|dpto)\.?\s*#?\s*"
    r"\d{1,5}(?:-?[a-z])?\b(?![.,]?\d)"
)


# Streets in other scripts, with their house number and units: Cyrillic ("ул. Пушкина, д. 10,
# кв. 5", "вул. Сумська 45"), Greek ("οδός Ερμού 12"), Hebrew ("רחוב הרצל 45, דירה 12"),
# Arabic ("شارع التحرير ١٢، الشقة ٤", "١٢ شارع التحرير"), Thai ("ซอยสุขุมวิท 24 เลขที่ 9/1")
# and Korean road names ("와우산로 94, 302호").
CYRILLIC_STREET = (
    r"\b(?:ул|улица|вул|вулиця|пр|просп|проспект|пер|переулок|провулок|бул|бульвар|булевард"
    r"|ш|шоссе|пл|площадь|площа|наб|набережная)\.?\s+[„«\"]?\p{Lu}[\p{L}'’.-]*(?:\s+[\p{L}'’.-]+){0,2}[“»\"]?"
    r",?\s+(?:д\.?\s*|дом\s+|буд\.?\s*)?\d{1,5}(?:[/-]\d{1,4})?[а-я]?\b"
    r"(?:,?\s*(?:кв|к|корп|стр|ет|эт|оф|ап|kb|k|et)\.?\s*\d{1,4}\b)*"  # "кв", "ет" read as look-alikes
)
GREEK_STREET = r"(?:οδός|οδ\.|λεωφόρος|λεωφ\.)\s+\p{Lu}[\p{L}.-]*(?:\s+\p{L}[\p{L}.-]*){0,2}\s+\d{1,5}\b"
HEBREW_STREET = (
    r"(?:רחוב|רח['׳]|שדרות|שד['׳])\s+\p{Hebrew}+(?:\s+\p{Hebrew}+){0,2}\s+\d{1,5}"
    r"(?:,?\s*(?:דירה|קומה)\s*\d{1,4})*"
)
ARABIC_UNIT = r"(?:[،,]\s*(?:الشقة|شقة|الطابق|طابق|مبنى|عمارة)\s+[\p{Arabic}\d]+)*"
ARABIC_STREET = (
    rf"(?:شارع\s+\p{{Arabic}}+(?:\s+\p{{Arabic}}+){{0,4}}[،,]?\s+(?:مبنى\s+)?\d{{1,5}}|\d{{1,5}}\s+شارع\s+\p{{Arabic}}+)"
    rf"{ARABIC_UNIT}"
)
THAI_STREET = r"(?:ซอย|ถนน|ถ\.)\s*[\p{Thai}]+\s*\d{1,4}(?:\s*(?:เลขที่|บ้านเลขที่)\s*\d{1,5}(?:/\d{1,4})?)?"
KOREAN_STREET = r"\p{Hangul}{2,}(?<!으)(?:로|길)\s*\d{1,5}(?:-\d{1,4})?(?:,?\s*\d{1,5}호)?"


class StreetAddressRecognizer(RegexRecognizer):
    """A street named by its type word or ending, with a house number and any unit."""

    ENTITY = "ADDRESS"
    PATTERNS = [
        Pattern("type word, name, number",
                rf"\b{STREET_BEFORE}\.?\s+{NAME},?\s+{HOUSE}\b{UNITS}", 0.7),
        Pattern("number, type word, name",
                rf"(?<![\w.,/-])\d{{1,5}}(?:\s?(?:bis|ter))?,?\s+{STREET_AFTER_NUMBER}\.?\s+{NAME}",
                0.7),
        # These endings make no English word, so the name may be in any case ("scheibeweg 4").
        Pattern("name with street ending, number",
                rf"\b(?:{WORD}\s+){{0,2}}\p{{L}}[\p{{L}}-]*{STREET_ENDING}\s+{HOUSE}\b{UNITS}", 0.7),
        Pattern("name, separate street word, number",
                rf"\b{NAME}\s+{STREET_WORD_AFTER}\s+{HOUSE}\b{UNITS}", 0.7),
        Pattern("unit alone", UNIT_ALONE, 0.6),
        # "Unit 3, Fairgreen Business Park": a numbered unit leading an address line.
        Pattern("unit before a named place",
                r"\b(?-i:Unit|UNIT|Units|Block|Building|Shop)\s+\d{1,4}[A-Z]?(?=,\s+\p{Lu})", 0.6),
        Pattern("street in another script",
                rf"{CYRILLIC_STREET}|{GREEK_STREET}|{HEBREW_STREET}|{ARABIC_STREET}|{THAI_STREET}|{KOREAN_STREET}",
                0.7),
    ]
    CONTEXT = ["address", "lives", "live", "moved", "street", "mail", "send", "home"]
