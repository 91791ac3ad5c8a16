"""Street addresses with optional unit, city, state and ZIP; PO boxes."""

from __future__ import annotations

from assistant.privacy.recognizers.base import Pattern, RegexRecognizer

# USPS street suffixes and abbreviations, singular or plural.
SUFFIX = (
    r"(?:"
    r"alley|annex|arcade|ave|avenue|av|bayou|beach|bend|blvd|boulevard|bluff|bottom|"
    r"branch|bridge|brook|burg|bypass|camp|canyon|cape|causeway|center|centre|cir|circle|"
    r"cliff|club|common|corner|course|court|ct|cove|creek|cres|crescent|crest|crossing|"
    r"crossroad|curve|dale|dam|divide|dr|drive|estate|expressway|extension|fall|falls|"
    r"ferry|field|flat|ford|forest|forge|fork|fort|freeway|garden|gateway|glen|green|"
    r"grove|harbor|harbour|haven|heights|hts|highway|hwy|hill|hollow|inlet|island|isle|"
    r"junction|key|knoll|lake|land|landing|lane|ln|light|loaf|lock|lodge|loop|mall|manor|"
    r"mead|meadow|mews|mill|mission|motorway|mount|mountain|neck|orchard|oval|overpass|"
    r"park|parkway|pkwy|pass|passage|path|pike|pine|place|pl|plain|plaza|point|pt|port|"
    r"prairie|radial|ramp|ranch|rapid|rd|rest|ridge|river|road|route|row|rue|run|shoal|"
    r"shore|skyway|spring|spur|sq|square|st|station|stravenue|stream|street|summit|ter|"
    r"terrace|throughway|trace|track|trafficway|trail|trl|tunnel|turnpike|underpass|union|"
    r"valley|via|viaduct|view|village|ville|vista|walk|wall|way|well|wy"
    r")s?"
)
DIRECTION = r"(?:[NSEW]|NE|NW|SE|SW|North|South|East|West)\.?"
NAME_WORD = r"(?-i:[A-Z0-9][\w'’.-]*)"
UNIT = r"(?:apt|apartment|unit|suite|ste|#|fl(?:oor)?|rm|room|bldg|building|lot|space)\.?\s*#?\s*[\w-]{1,6}\b"
STATE = (
    r"(?-i:A[AEKLPRSZ]|C[AOT]|D[CE]|F[LM]|G[AU]|HI|I[ADLN]|K[SY]|LA|M[ADEHINOPST]|N[CDEHJMVY]"
    r"|O[HKR]|P[ARW]|RI|S[CD]|T[NX]|UT|V[AIT]|W[AIVY])"
)
CITY = r"(?-i:[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,2})"
TAIL = rf"(?:,?\s+{UNIT})?(?:,\s*{CITY}(?:,?\s+{STATE})?(?:\s+\d{{5}}(?:-\d{{4}})?)?\b)?"


class AddressRecognizer(RegexRecognizer):
    """A house number, street name and suffix, with what follows it on the envelope."""

    ENTITY = "ADDRESS"
    PATTERNS = [
        Pattern(
            "street",
            rf"\b\d{{1,6}}[A-Z]?\s+(?:{DIRECTION}\s+)?(?:{NAME_WORD}\s+){{0,3}}{SUFFIX}\b\.?"
            rf"(?:\s+{DIRECTION}(?!\w))?{TAIL}",
            0.7,
        ),
        Pattern("po box", rf"\bP\.?\s?O\.?\s+Box\s+\d{{1,6}}\b{TAIL}", 0.8),
    ]
    CONTEXT = ["address", "lives", "live", "moved", "street", "mail", "send", "home"]

    def invalidate_result(self, pattern_text: str) -> bool:
        # "3 days a week", "12 step meeting": a count followed by an ordinary lower-case noun.
        words = pattern_text.split()
        return len(words) < 2 or all(word[:1].islower() for word in words[1:])
