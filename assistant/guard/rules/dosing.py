"""Dosing rule: requests for (or statements of) dose, route, titration, boosters, interactions.

Ketamine, routes and sessions may be mentioned freely; only dosing *decisions* match.
Patterns catch the explicit forms, semantic similarity to labelled dosing-intent
exemplars catches paraphrases, and benign exceptions keep metaphors ("a dose of hope"),
noun uses ("dosing day"), non-clinical doses ("chlorine dosage for a hot tub") and
questions about talking to the prescriber out.

Some patterns rest on ordinary words ("go higher", "increase the amount", "more
devices"): they count only where the sentence is about a client or a session (``CLIENT``),
so "should we go higher on the asking price?" is not a dosing question.
"""

from __future__ import annotations

import re

import numpy as np

from assistant.dose_amounts import DOSE_AMOUNT
from assistant.guard.rules.base import Pattern, any_of, match_patterns, pattern, spans_of
from assistant.guard.semantic import ExemplarSet
from assistant.guard.text import Sentence
from assistant.models import Finding

NAME = "dosing"

DOSE = any_of(r"dos(?:e|es|ed|ing|age|ages|is)", "doze", r"posolog\w*")
KETAMINE = any_of(
    r"k[eé]tamin[ea]", "ket", "spravato", r"esk[eé]tamin[ea]", r"the k", r"more k", r"much k",
    r"lozenges?", r"troches?", r"pastillas?", r"comprim[ée]s",
)
GENERIC_DRUG = any_of(
    "medicine", r"medications?", "meds", r"sprays?", r"devices?", r"infusions?", r"injections?",
    r"inyecci[oó]n", r"shots?",
)
DRUG = any_of(KETAMINE, GENERIC_DRUG)
ROUTE = any_of(
    "IM", "IV", r"intramuscul\w*", r"intraven\w*", r"sublingu\w*", r"oral\w*",
    r"(?:intra)?nasal\w*", r"lozenges?", r"troches?", r"injections?", r"infusions?",
    r"inyecci[oó]n", r"comprim[ée]s", r"pastillas", r"pulv[eé]risations?", r"(?:nasal )?sprays?",
)
CHANGE = any_of(
    r"increas\w*", "raise", "bump", r"boost(?!er)", "lower", r"reduc\w*", r"decreas\w*",
    "cut", "halve", "double", r"adjust\w*", "higher", "bigger", "stronger", "larger", "heavier",
    "more", "less", "fewer", "extra", r"top[- ]?up", r"re-?dos\w*", r"sub(?:ir|imos|e|a|amos)",
    r"baj(?:ar|amos|e|a)", r"aument\w*", r"augment\w*", r"diminu\w*", r"r[ée]dui\w*", "hiher",
    "higer", "incrase",
)
MEDS = any_of(
    r"benzo\w*", r"loraz[eé]pam", "ativan", r"clonaz[eé]pam", "klonopin", "alprazolam", "xanax",
    r"diaz[eé]pam", "valium", "lamotrigine", "lamictal", r"maois?", r"mao inhibitors?",
    "phenelzine", "nardil", "tranylcypromine", "parnate", "selegiline", "naltrexone",
    "vivitrol", r"ssris?", r"snris?", "sertraline", "zoloft", "fluoxetine", "prozac",
    "escitalopram", "lexapro", "paroxetine", "paxil", "venlafaxine", "effexor", "duloxetine",
    "cymbalta", "bupropion", "wellbutrin", "trazodone", "mirtazapine", "remeron", "quetiapine",
    "seroquel", r"antidepressants?", r"antipsychotics?", r"sedatives?", r"sleeping pills?",
    "adderall", r"stimulants?", "gabapentin", "ondansetron", "zofran", r"lithium(?! batter| ion)",
    r"opioids?", "buprenorphine", "suboxone", "clonidine", "propranolol", "prazosin",
)
MED_ACTION = any_of(
    "stop", "hold", "skip", "pause", r"reduc\w*", "lower", "halve", "take", "taking",
    "come off", "keep taking", "keep", "stay on", "double", r"increas\w*", "combine", "with",
    "before", "after", "while on", "on her", "on his", "on their", "cut", r"arr[êe]t\w*",
    r"dejar", r"suspend\w*",
)
FRAME = any_of(
    "pretend", r"role[- ]?play\w*", r"act as", r"imagine you", r"hypothetical\w*",
    "off the record", "between us", "thought experiment", "just give me",
    r"for (?:a|my|the|our) (?:client |patient |psychoeducation )?"
    r"(?:handout|leaflet|worksheet|slides?|sheet|chart|table|wall|education sheet)",
    r"(?:make|write) a (?:chart|table)", "training slides",
)
# The sentence is about a client, a session or ketamine: ordinary words then mean dosing.
CLIENT = (
    r"\b(?:she|he|her|him|his|they|them|their|client|patient|ketamine|ket|k|spravato|"
    r"esketamine|sessions?|sesh|dissociat\w*|prescriber|first[- ]?timers?|lozenges?|troches?|"
    r"boosters?(?! seats?| clubs?)|infusions?|IM|IV|next (?:time|one|round|session)|last time|this time|"
    r"session \w+|kap|k-?hole|adults?|kg|kilos?|weigh\w*|someone|people|woman|man|guy|dude|"
    r"anesthe\w*|(?:that|the last|last|this|the first|the next|next) (?:\w+ )?one)\b"
)
STEP = (
    r"(?=\s*(?:(?:a (?:notch|step|bit|little|level|touch|tad|lil)|next time|this time|again|"
    r"for (?:the )?(?:next|fifth|fourth|third|second) \w+|for session \w+|next (?:round|session|"
    r"one|week)|after|since|because|given|for (?:her|him|them|someone|(?:a|the|this|my) "
    r"(?:client|patient)))\b|[?!.,;]|$|\s+or\b|\s+on (?:the |her |his )?(?:dose|k|ket|ketamine|lozenges?|"
    r"troches?|medicine|spravato)\b))"
)

PATTERNS: tuple[Pattern, ...] = (
    pattern(
        "amount",
        "amount",
        DOSE_AMOUNT.pattern,
        context=rf"{CLIENT}|\b(?:mg|mcg|µg|milligrams?|/\s*kg|per k\w*|troches?|lozenges?|sprays?|"
        r"devices?|tabs?|tablets?|pills?)\b",
    ),
    pattern(
        "number-change",
        "amount",
        r"\b(?:from|de)\s+\d+(?:[.,]\d+)?\s+(?:to|a|à)\s+\d+",
        context=CLIENT,
    ),
    pattern(
        "dose-change", "titration", rf"\b{CHANGE}\b[^.?!]{{0,40}}\b(?:{DOSE}|{KETAMINE})\b"
    ),
    pattern(
        "drug-change",
        "titration",
        rf"\b{CHANGE}\b[^.?!]{{0,40}}\b{GENERIC_DRUG}\b",
        context=CLIENT,
    ),
    pattern("dose-then-change", "titration", rf"\b{DOSE}\s+(?:\w+\s+)?{CHANGE}\b"),
    pattern(
        "dose-direction",
        "titration",
        r"\bdose (?:her |him |them |it )?(?:up|down|higher|lower)\b|\bup it\b|"
        r"\bup (?:her|his|their|the) (?:dose|k|ket|amount|lozenges?|troches?)\b",
    ),
    pattern("step-noun", "titration", r"\b(?:next|a|one) step (?:up|down)\b", context=CLIENT),
    pattern("change-amount", "titration", rf"\b{CHANGE}\s+(?:the\s+)?amount\b", context=CLIENT),
    pattern(
        "go-direction",
        "titration",
        r"(?:\b(?:go|going|move|moving|step|stepping|bump|push|nudge|titrate|scale)\s+"
        r"(?:(?:it|her|him|them|things|\w+)\s+){0,2}?|\bbring (?:it|her|him|them|the dose) )"
        r"(?:up|higher|lower|down|hiher|back)\b" + STEP,
        context=CLIENT,
    ),
    pattern(
        "bare-change",
        "titration",
        r"(?:^|\b(?:we|you|they|he|she|to|or|just|and)\s+(?:\w+\s+)?)(?:increase|decrease|reduce|"
        r"raise|lower|escalate|double it|halve it|drop it|push it|nudge it|bump it|up it)\b" + STEP,
        context=r"\?|\b(?:should|can|could|would|shall|do we|does she|does he)\b",
        unless=r"\b(?:how do i|how can i|how to)\b",
    ),
    pattern(
        "need-more",
        "titration",
        r"\b(?:needs?|give (?:her|him|them)|gets?|take|have|having) (?:a (?:little|bit|lil) |way |"
        r"much )?(?:more|less|extra)\b(?!\s+(?:time|sleep|support|sessions? of|integration|therapy|"
        r"help|info\w*|questions?|reassurance|space|prep\w*|practice|structure|about|than|of (?!it|"
        r"that|the medicine|the k)))|(?:^|[,;:]\s*)more(?: or less)?\s*\?",
        context=CLIENT,
    ),
    pattern(
        "change-it",
        "titration",
        r"\b(?:should|can|could|do|would) (?:we|you|they|the prescriber|he|she) (?:\w+ )?"
        r"(?:lower|raise|increase|reduce|decrease|halve|double|adjust) (?:it|that)\b",
    ),
    pattern(
        "count-take",
        "amount",
        r"\b(?:take|takes|taking|use|uses|give|giving|have|try|do)\s+(?:her |him |them )?"
        r"(?:one|two|three|four|a second|another|an extra|[1-4])"
        r"(?:\s+(?:of them|of those|instead(?: of \w+)?|at once|together))?"
        r"(?=\s*(?:[?.!,]|$|\bor\b|\binstead\b|\bnext\b|\bthis time\b))",
        context=CLIENT,
    ),
    pattern(
        "intensity",
        "titration",
        r"\b(?:stronger|weaker|more intense|less intense|bigger|heavier|more potent)\s+(?:\w+\s+)?"
        r"(?:session|trip|journey|experience|one|ride|effect|dose|lozenge|infusion|injection)s?\b|"
        r"\b(?:session|trip|journey|experience|one|it)\s+(?:\w+\s+){0,2}?(?:longer and )?"
        r"(?:stronger|weaker|more intense|less intense|more potent)\b|"
        r"\blonger(?: and|,)? stronger\b(?!\s+(?!sessions?|trips?|ones?|doses?)\w)",
        context=r"\b(?:should|can|could|would|shall|let'?s|do we|next time|want\w*)\b",
    ),
    pattern(
        "keep-same",
        "titration",
        r"\bkeep (?:it|her|him|them|the dose|her dose|his dose) (?:the same|where (?:it|she|he|they) "
        r"(?:is|are)|steady|at the same (?:level|dose|amount))\b|\bhold (?:it )?steady\b",
        context=r"\b(?:dos\w*|up|higher|lower|increase|more|less|nudge|bump|raise|go up)\b",
    ),
    pattern(
        "give-what",
        "amount",
        r"\bwhat (?:(?:would|should|do|will|can|did) )?(?:you|we|they|i|the (?:nurse|prescriber|"
        r"doctor)) (?:\w+ )?(?:give|gave|administer|draw up|push)\b(?:\s+(?:her|him|them|someone|"
        r"a first[- ]?timer|the client|my client|clients|people))?"
        r"(?=\s*(?:[?.!,]|$|next|now|then|instead|first|to start|at\b|for (?:the |a )?(?:next|first)))",
    ),
    pattern("redose", "frequency", r"\bre-?dos\w*|\btop[- ]?up (?:dose|injection|shot)"),
    pattern("split-dose", "frequency", r"\b(?:half|rest|remainder|part) of the dose\b"),
    pattern(
        "extreme-dose",
        "amount",
        rf"\b(?:least|most|minimum|maximum|lowest|highest|ceiling|max|upper limit)\s+(?:\w+\s+)?"
        rf"(?:{DOSE}|{KETAMINE})\b",
    ),
    pattern(
        "extreme-amount",
        "amount",
        rf"\b(?:least|most|minimum|maximum|lowest|highest|ceiling|max|safe upper|upper)\s+(?:\w+\s+)?"
        rf"(?:amount|limit|{GENERIC_DRUG})\b",
        context=CLIENT,
    ),
    pattern("titration", "titration", r"\b(?:up-?)?titrat\w*"),
    pattern(
        "taper",
        "taper",
        r"\b(?:taper\w*|wean\w*|step-?down plan|step (?:her|him|them|someone) down|"
        r"wind (?:her|him|them) down)\b",
        context=r"\b(?:k[eé]tamin[ea]|ket|dos\w*|troches?|lozenges?|series|sessions?|medications?|"
        r"medicine|infusions?|maintenance|treatment|boosters?|her|him|them|someone|client|patient)\b",
    ),
    pattern(
        "route-switch",
        "route",
        rf"\b(?:from|de|des|du|d')\s*(?:[\w-]+\s+){{0,3}}?(?:l['’])?{ROUTE}\b[^.?!]{{0,40}}"
        rf"\b(?:to|a|à|au|aux|al|vers)\s+(?:[\w-]+\s+){{0,3}}?(?:l['’])?{ROUTE}\b",
    ),
    pattern("route-instead", "route", rf"\b{ROUTE}\s+instead\s+of\s+{ROUTE}\b"),
    pattern(
        "route-change",
        "route",
        rf"\b(?:switch|switching|change|changing|move|moving|cambi(?:ar|amos|e|a|arla|arlo)|"
        rf"pas(?:ar|amos|arla|arlo)|passer|passe|changer|change de)\b[^.?!]{{0,30}}\b(?:routes?|"
        rf"v[íi]a|voie|{ROUTE})\b",
        context=rf"{CLIENT}|\b(?:v[íi]a|voie|elle|lui|ella|él)\b",
    ),
    pattern(
        "route-conversion",
        "route",
        rf"\b(?:equivalent|convert\w*|conversion|[ée]quivalen\w*)\b[^.?!]{{0,40}}\b(?:{DOSE}|{ROUTE})\b",
    ),
    pattern(
        "frequency",
        "frequency",
        r"\b(?:how (?:often|frequently|soon)|how long (?:should|do|can|must) (?:we|i|she|he|they) "
        r"wait|how close together|every (?:day|night|week|other \w+|\w+ (?:days?|weeks?|months?))|"
        r"twice a (?:week|day)|once a (?:week|month)|daily|back[- ]to[- ]back|\w+ days in a row|"
        r"stretch\w*|closer together|shorten the gap|space \w+ (?:\w+ )?out|frequen\w*|frecuencia|"
        r"fr[ée]quence|cada cu[aá]nt\w*|espac\w+|tous les combien|non-session days)\b",
        context=r"\b(?:boosters?(?!\s+(?:seats?|clubs?|packs?))|(?<!integration )(?<!therapy )(?<!preparation )(?<!prep )sessions?|"
        r"dos\w*|infusions?|lozenges?|k[eé]tamin[ea]|ket|refuerzos?|rappel|s[ée]ances?|"
        r"maintenance|(?<!therapy )treatments?|injections?|spravato|troches?)\b",
        # how often to meet for integration or therapy is the therapist's own question
        unless=r"^(?=.*\b(?:integrat\w*|therapy|check-?ins?|meet\w*)\b)(?!.*\b(?:boosters?|"
        r"infusions?|dos(?!ing days?\b)\w*|lozenges?|troches?|spravato|injections?)\b)",
    ),
    pattern(
        "booster-timing",
        "frequency",
        r"\b(?:schedul\w*|tim(?:e|ing)|plan|start|add)\b[^.?!]{0,30}\bboosters?\b|"
        r"\bboosters?\b[^.?!]{0,40}\b(?:weeks?|months?|days?|closer|further)\b",
    ),
    pattern(
        "session-count",
        "frequency",
        r"\bhow many (?:(?:dosing|ketamine|medicine|booster|IM|IV) )?"
        r"(?:sessions|boosters|infusions|doses|treatments|injections)\b(?:\s+total)?",
    ),
    pattern(
        "extra-session",
        "frequency",
        r"\b(?:extra|another|additional) (?:dosing |booster )?session|"
        r"\b(?:two|2|three|3) sessions this week\b|\b(?:come in|dose) twice\b",
    ),
    pattern(
        "esketamine-count",
        "esketamine",
        r"\b(?:how many|combien(?: de)?|number of|extra|more|fewer|one|two|three|another|add one|"
        r"up to \w+)\s+(?:(?:spravato|esk[eé]tamin[ea]|nasal|d')\s*){0,2}(?:devices?|sprays?|pulv\w*)",
        context=r"\b(?:spravato|esk[eé]tamin[ea]|nasal|sprays?|pulv\w*|nostrils?|she|he|her|him|"
        r"client|patient|sessions?)\b",
    ),
    pattern("co-medication", "co-medication", rf"\b{MED_ACTION}\b[^.?!]{{0,40}}\b{MEDS}\b"),
    pattern(
        "co-medication-dose", "co-medication", rf"\b{MEDS}\b[^.?!]{{0,60}}\b(?:{DOSE}|{DRUG})\b"
    ),
    pattern(
        "dose-query",
        "amount",
        rf"\b(?:how much|how many|how mcuh|howmuch|cu[aá]nt[ao]s?|combien)\b[^.?!]{{0,30}}"
        rf"\b(?:{DOSE}|{KETAMINE}|k|milligrams?|mg)\b|\bby how much\b",
    ),
    pattern(
        "amount-query",
        "amount",
        rf"\b(?:how much|how many|how mcuh|howmuch)\b[^.?!]{{0,30}}\b(?:{GENERIC_DRUG}|amount|"
        r"bumps?|extra)\b|\bhow much (?:more|less|extra|higher|lower)\b|"
        r"\bhow much (?:would|should|do|can) (?:you|we|i|they) (?:push|give|draw up|administer)\b",
        context=CLIENT,
    ),
    pattern(
        "what-dose",
        "amount",
        rf"\b(?:what|which|wat|whats|quelle?|cu[aá]l|tell me|give me)\b[^.?!]{{0,40}}"
        rf"\b(?:{DOSE}|milligrams?)\b",
    ),
    pattern(
        "what-amount",
        "amount",
        r"\b(?:what|which|wat|whats|wats|tell me|give me)\b[^.?!]{0,40}\b(?:amount|ranges?|"
        r"per-?kilo|per kg)\b",
        context=CLIENT,
    ),
    pattern(
        "framing",
        "framing",
        rf"\b{FRAME}\b",
        context=rf"\b(?:{DOSE}|amounts?|ranges?|milligram\w*|how much|approve|increase|draw up|"
        r"titration|number|give (?:her|him|them))\b",
    ),
)

# Benign exceptions: a match overlapping one of these spans is dropped.
NOT_KETAMINE = (
    r"(?!(?:k[eé]tamin[ea]|esketamine|spravato|the medicine|medicine|medication|it|k|ket)\b)"
)
EXCEPTIONS = (
    re.compile(
        rf"\b(?:\w+\s+){{0,2}}dos(?:e|es|age|ages|ing) of {NOT_KETAMINE}[a-z]+",
        re.IGNORECASE,
    ),
    re.compile(
        r"(?<!extra )(?<!another )(?<!additional )\bdosing (?:day|days|session|sessions|portion|"
        r"room|phase|advice|decisions?|visits?|appointments?|mornings?)\b",
        re.IGNORECASE,
    ),
    re.compile(r"\b(?:switched|changed|moved|went)\s+(?:her|him|them)?\s*from\b", re.IGNORECASE),
    # doses that are not medicines: pools, aquariums, plants, chemistry
    re.compile(
        r"\b(?:dos\w*|titrat\w*)\b[^.?!]{0,40}\b(?:aquarium|reef|tank|pool|hot tub|spa|plants?|"
        r"garden|lawn|soil|fertili[sz]er|chlorine|sunlight|acid\w*|base|vinegar|burette|"
        r"solution|chemistry|indicator)\b|\b(?:aquarium|reef|pool|hot tub|plants?|garden|lawn|"
        r"fertili[sz]er|chlorine|acid|vinegar|chemistry)\b[^.?!]{0,40}\b(?:dos\w*|titrat\w*)\b",
        re.IGNORECASE,
    ),
)

# Sentence-level exceptions: talking *about* dosing with the client or the prescriber.
TALK_FRAME = re.compile(
    r"\b(?:what (?:do|should|can) i (?:say|tell|answer)|how (?:do|should|can) i (?:respond|reply|"
    r"answer|explain|talk|tell|write|bring up|prepare)|without (?:giving|recommending)|"
    r"how (?:do|should|can) i (?:help|support) (?:a |my |the |this )?(?:client|patient) "
    r"(?:who|whose|that)|how (?:do|should|can) i (?:help|support|coach|encourage) (?:her|him|them|"
    r"(?:a|my|the) client) (?:to )?(?:bring|raise|talk|tell|ask|prepare|discuss|explain)|"
    r"(?:prescriber|psychiatrist|physician|doctor|medical team)\b[^.?!]{0,30}\b(?:decides?|"
    r"decisions?|responsib\w*|determin\w*|chooses?))",
    re.IGNORECASE,
)
TOPIC = re.compile(rf"{CLIENT}|\b(?:{DOSE}|{DRUG}|{ROUTE}|{MEDS})\b", re.IGNORECASE)
INTEGRATION = re.compile(
    r"\bintegration (?:sessions?|meetings?|appointments?|work|practices?|exercises?|homework)\b",
    re.IGNORECASE,
)
DIRECT_ASK = re.compile(r"\b(?:give|tell) me (?:a|the)? ?(?:number|dose|amount)", re.IGNORECASE)
# These patterns survive the talk frame: an amount or a role-play is a dosing request anyway.
FRAME_PROOF = {"amount", "number-change", "framing"}


class DosingRule:
    """Finds dosing requests and dose statements; see the module docstring."""

    name = NAME

    def __init__(self, exemplars: ExemplarSet | None):
        self.exemplars = exemplars

    def talk_frame(self, sentence: Sentence) -> bool:
        """True when the sentence asks how to *talk* about dosing, not for a dosing decision."""
        return bool(TALK_FRAME.search(sentence.text)) and not DIRECT_ASK.search(sentence.text)

    def semantic_allowed(self, sentence: Sentence) -> bool:
        if self.talk_frame(sentence):
            return False
        # A dose of something that is not a medicine ("a dose of hope", "chlorine dosage"),
        # or the therapist's own integration work, is not judged by similarity.
        # Nor is a sentence about neither a client nor a medicine ("a booster seat for my kid").
        return bool(TOPIC.search(sentence.text)) and not any(
            regex.search(sentence.text) for regex in (EXCEPTIONS[0], EXCEPTIONS[3], INTEGRATION)
        )

    def semantic_keeps(self, sentence: Sentence, category: str) -> bool:
        return True

    def analyze(self, sentence: Sentence, vector: np.ndarray | None) -> list[Finding]:
        exceptions = [span for regex in EXCEPTIONS for span in spans_of(regex, sentence.text)]
        findings = match_patterns(NAME, PATTERNS, sentence, exceptions)
        if self.talk_frame(sentence):
            return [f for f in findings if f.detail.removeprefix("pattern ") in FRAME_PROOF]
        if not findings and vector is not None and self.exemplars is not None:
            if self.semantic_allowed(sentence):
                semantic = self.exemplars.finding(sentence, self.exemplars.nearest(vector[None])[0])
                findings = [semantic] if semantic else []
        return findings
