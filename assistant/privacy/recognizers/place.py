"""Small places spaCy misses: parks, lakes, trails, beaches, named bridges and buildings, and
places after "lives in"."""

from __future__ import annotations

from assistant.privacy.recognizers.base import FUNCTION_WORDS, Pattern, RegexRecognizer, UPPER

WORD = (
    r"(?-i:(?!(?:The|A|An|My|Our|This|That|At|In|On|To|From|By|Near|And|Or|I|God|Christ|Jesus"
    r"|English|Spanish|French|January|February|March|April|May|June|July|August|September"
    r"|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
    r"|Dr|Mr|Mrs|Ms)\b)\p{Lu}[\p{L}\p{M}'’-]+(?![\w-]))"
)
FEATURE = (
    r"(?-i:Bay|Beach|Park|Lake|Creek|River|Trail|Trailhead|Mountains?|Hills?|Valley|Island"
    r"|Canyon|Falls|Springs|Heights|Point|Harbou?r|Cove|Woods|Forest|Gardens|Pier|Marina"
    r"|Preserve|Reservoir|Pond|Ridge|Peak|Butte|Meadows?|Village|Plaza|Square|Lagoon|Dunes"
    # named structures: where a crisis line often names the place
    r"|Bridge|Tower|Station|Garage|Building|Overpass|Viaduct|Dam|Cliffs?|Lighthouse|Terminal"
    r"|Quarry|Tunnel|Mall|Stadium|Arena|Courthouse|Town\s+Hall|City\s+Hall|Sports\s+Hall"
    r"|Market\s+Hall|Botanical\s+Gardens?|Public\s+Library|Library|Airport|Museum|Cathedral"
    r"|Cemetery)"
)
# Venues no ordinary phrase ends with, so their name may be in lower case ("matsumoto
# courthouse"), though not a generic one ("the courthouse").
VENUE = (
    r"(?:courthouse|town\s+hall|city\s+hall|sports\s+hall|market\s+hall|botanical\s+gardens?"
    r"|public\s+library|airport)"
)
GENERIC = (
    rf"(?:{FUNCTION_WORDS}|local|old|new|main|big|small|county|city|outside|near|behind|past"
    r"|toward|towards|opposite|around|inside|into)"
)
LABEL = (
    r"(?:city|town|village|place\s+of\s+birth|birthplace|ciudad|ville|stadt|localit[àa]"
    r"|municipio|kommune|kaupunki|paikkakunta)"
)
PREFIX = r"(?-i:Lake|Mount|Mt\.?|Fort|Ft\.?|Port|Cape|Isla|Lago|Saint|San|Santa|Los|Las|El)"
CAPITALISED_RUN = r"(?-i:[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,2})"


class PlaceRecognizer(RegexRecognizer):
    """Named geographic features and the place after a moving or living verb."""

    ENTITY = "LOCATION"
    PATTERNS = [
        Pattern("named feature", rf"\b(?:{WORD}\s+){{1,3}}{FEATURE}\b", 0.6),
        Pattern("feature prefix", rf"\b{PREFIX}\s+{CAPITALISED_RUN}", 0.6),
        Pattern("named venue in any case",
                rf"\b(?:(?!{GENERIC}\b)\p{{L}}[\p{{L}}'’-]+\s+){{1,2}}{VENUE}\b", 0.6),
        Pattern("labelled place",
                rf"\b{LABEL}\s*:\s*(?P<phi>{UPPER}[\p{{L}}'’.-]+(?:[ \t]+{UPPER}[\p{{L}}'’.-]+){{0,2}})",
                0.6),
        Pattern(
            "living or moving verb",
            r"\b(?:lives?|lived|living|moved|moving|drove|driving|flew|grew\s+up|born|raised"
            r"|visiting|visited|relocated|commutes?|house|apartment|home)\s+(?:back\s+)?"
            rf"(?:in|to|from|near|at|outside(?:\s+of)?)\s+(?P<phi>{CAPITALISED_RUN})",
            0.6,
        ),
        # "tacos in Ballard", "a video from Tofino": a capitalised word after a place preposition.
        Pattern(
            "after place preposition",
            rf"(?<=\w[,]?\s)(?:in|from|near|outside|around|to)\s+(?P<phi>{WORD}(?:\s+{WORD})?)"
            rf"(?!\s*(?-i:[A-Z]))",
            0.45,
        ),
    ]
    CONTEXT = ["in", "from", "near", "town", "city", "live", "drive", "visit"]
