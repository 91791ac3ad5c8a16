"""Dosing rule: requests for (or statements of) dose, route, titration, boosters, interactions.

Ketamine, routes and sessions may be mentioned freely; only dosing *decisions* match.
Patterns catch the explicit forms (the guard's intent model reads the paraphrases), and
benign exceptions keep metaphors ("a dose of hope"),
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
from assistant.guard.packs import load_pack
from assistant.guard.rules.base import Pattern, any_of, match_patterns, pattern, spans_of
from assistant.guard.text import Sentence, clause_of
from assistant.models import Finding

NAME = "dosing"

DOSE = any_of(r"dos(?:e|es|ed|ing|in|age|ages|is)", "doze", r"posolog\w*")
KETAMINE = any_of(
    r"k[eé]tamin[ea]", "ket", "spravato", r"esk[eé]tamin[ea]", r"the k", r"more k", r"much k",
    r"lozenges?", r"troches?", r"trociscos?", r"pastillas?", r"pastilles?", r"comprim[ée]s", r"pulv[ée]risations?",
)
GENERIC_DRUG = any_of(
    "medicine", r"medications?", "meds", r"sprays?", r"devices?", r"infusions?", r"injections?",
    r"inyecci[oó]n", r"shots?", r"cantidad", r"quantit[ée]",
)
DRUG = any_of(KETAMINE, GENERIC_DRUG)
ROUTE = any_of(
    "IM", "IV", r"intramuscul\w*", r"intraven\w*", r"sublingu\w*", r"oral\w*",
    r"(?:intra)?nasal\w*", r"k[ée]ta", r"lozenges?", r"troches?", r"trociscos?", r"injections?", r"infusions?",
    r"inyecci[oó]n", r"comprim[ée]s", r"pastillas", r"pulv[eé]risations?", r"(?:nasal )?sprays?",
)
CHANGE_VERB = any_of(
    r"increas\w*", "raise", "bump", r"boost(?!er)", "lower", r"reduc\w*", r"decreas\w*",
    "cut", "halve", "double", r"adjust\w*", r"top[- ]?up", r"re-?dos\w*", r"sub(?:ir|imos|e|a|amos)",
    r"baj(?:ar|amos|e|a|ando)", r"sub(?:iendo|irle)", r"aument\w*", r"augment\w*", r"diminu\w*", r"r[ée]dui\w*",
    r"mont(?:er|e|ons|ez)", r"baiss\w*", "incrase",
)
# Quantity words: they count only right before the medicine ("a bit more ketamine").
CHANGE_ADJ = any_of(
    "higher", "bigger", "stronger", "larger", "heavier", "more", "less", "fewer", "extra", "hiher",
    "higer",
)
CHANGE = any_of(CHANGE_VERB, CHANGE_ADJ)
MEDS = any_of(
    r"benzo\w*", r"loraz[eé]pam", "ativan", r"clonaz[eé]pam", "klonopin", "alprazolam", "xanax",
    r"diaz[eé]pam", "valium", r"lamotrigin[ae]", "lamictal", r"maois?", r"mao inhibitors?",
    "phenelzine", "nardil", "tranylcypromine", "parnate", "selegiline", r"naltrexon[ae]",
    "vivitrol", r"ssris?", r"snris?", r"sertralin[ae]", "zoloft", r"fluoxetin[ae]", "prozac",
    "escitalopram", "lexapro", "paroxetine", "paxil", "venlafaxine", "effexor", "duloxetine",
    "cymbalta", "bupropion", "wellbutrin", r"trazodon[ae]", r"mirtazapin[ae]", "remeron",
    r"qu[eé]tiapin[ae]", "litio",
    "seroquel", r"antidepressants?", r"antipsychotics?", r"sedatives?", r"sleeping pills?",
    "adderall", r"stimulants?", "gabapentin", "ondansetron", "zofran", r"lithium(?! batter| ion)",
    r"opioids?", "buprenorphine", "suboxone", "clonidine", "propranolol", "prazosin",
    "ibuprofen", "advil", "motrin", "acetaminophen", "paracetamol", "tylenol", "aspirin",
    "melatonin", "benadryl", "diphenhydramine", "hydroxyzine", "vistaril", "atarax",
    r"m[ée]thylph[ée]nidate?", "ritalin", "concerta",
    "vyvanse", "modafinil",
)
MED_ACTION = any_of(
    "stop", "hold", "skip", "pause", r"reduc\w*", "lower", "halve", "take", "taking",
    "come off", "keep taking", "keep", "stay on", "double", r"increas\w*", "combine", "with",
    "before", "after", "while on", "on her", "on his", "on their", "cut", r"arr[êe]t\w*", "add",
    "stack", "mix", r"w/?",
    "adding", r"diminu\w*", "baisser", "reducir", "bajar",
    r"dejar", r"suspend\w*", r"quit(?:ar|amos|e|a|arle)", r"retir\w*",
    r"reduz\w*", r"par(?:ar|e|em)", r"interromp\w*", "tirar",
)
FRAME = any_of(
    "pretend", r"role[- ]?play\w*", r"act as", r"imagine you", r"hypothetical\w*",
    "off the record", "between us", "thought experiment", "just give me",
    r"for (?:a|my|the|our) (?:client |patient |psychoeducation )?"
    r"(?:handout|leaflet|worksheet|slides?|sheet|chart|table|wall|education sheet)",
    r"(?:make|write) a (?:chart|table)", r"training slides?", r"mettez-vous à la place",
    r"ponte en (?:el|mi) lugar", r"fais comme si", r"haz de cuenta",
    r"imagina que eres", r"fais semblant", "ballpark", r"rule of thumb",
    r"purely (?:educational|curious)", r"grosso modo", r"juste pour avoir une id[ée]e", r"(?:making|writing|creating|putting together|drafting) "
    r"(?:a|an|the|my|our) (?:client |patient )?(?:handout|leaflet|brochure|worksheet|slides?)", r"for (?:her|his|their) education",
    r"(?:para|en) un folleto", r"folleto", r"pour une fiche", r"fiche (?:patient|d'information)",
    r"jeu de r[ôo]le", r"juego de rol",
)
# "Booster" that is not a ketamine session: a staff training, a vaccine, morale, in quotes.
FIGURATIVE_BOOSTER = (
    r"\b(?:training|staff|team|morale|confidence|skills?|refresher|flu|covid|vaccine|tetanus|"
    r"immune|mood|energy|motivation)\s+['\"‘’“”]?boosters?\b|['‘\"“]boosters?['’\"”]"
)
# The sentence is about a client, a session or ketamine: ordinary words then mean dosing.
CLIENT = (
    r"\b(?:she|he|her|him|his|they|them|their|client|patient|ketamine|ket|k|spravato|"
    r"esketamine|sessions?|sesh|dissociat\w*|prescriber|first[- ]?timers?|lozenges?|troches?|"
    r"boosters?(?! seats?| clubs?)|infusions?|IM|IV|next (?:time|one|round|session)|last time|this time|"
    r"session \w+|kap|k-?hole|adults?|kg|kilos?|weigh\w*|someone|people|woman|man|guy|dude|"
    r"anesthe\w*|(?:that|the last|last|this|the first|the next|next) (?:\w+ )?one|"
    r"response|effects?|felt|feels?|mild|weak|meh|nothing|zilch|nada|underwhelm\w*|barely|"
    r"lui|elle|ella|él|paciente?s?|patiente?s?|cliente?s?|prochaine fois|pr[oó]xima vez|"
    r"s[ée]ances?|sesi[oó]n(?:es)?|you'?d (?:use|give|start|pick|choose|recommend)|in my shoes|"
    r"nurse|draw(?:s|n)? up|vials?|chair|course|non-?responders?|k[eé]tamin[ea]|maint\w*|"
    r"if you were|starting (?:amount|point|dose))\b"
)
# Decision questions about a medicine or a session ("should we", "would an extra ... be ok").
DECISION = (
    r"\b(?:should|shall|can|could|would|will|cn|shud|shld|y/n|do we|do you think|time to|is it (?:ok|okay|safe|"
    r"fine|better|reasonable|worth)|better to|thoughts|agree)\b"
)
TARGET = (
    r"\b(?:k[eé]tamin[ea]|ket|k|spravato|esk[eé]tamin[ea]|lozenges?|troches?|infusions?|"
    r"injections?|IM|IV|medicine|meds|dose|doses|dosing|boosters?|drip|nurse)\b|"
    r"(?=.*\b(?:amount|sessions?|shots?|sprays?|devices?)\b)(?=.*\b(?:she|he|her|him|they|them|"
    r"client|patient)\b)"
)
MORE = (
    r"(?:more|less|fewer|extra|another|higher|lower|stronger|weaker|heavier|bigger|double|"
    r"twice|faster|slower)"
)
STEP = (
    r"(?=\s*(?:(?:a (?:notch|step|bit|little|level|touch|tad|lil)|next time|this time|again|nxt|y/n|"
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
        "dose-change",
        "titration",
        rf"\b{CHANGE_VERB}\b[^.?!]{{0,40}}\b(?:{DOSE}|{KETAMINE})\b|"
        rf"\b{CHANGE_ADJ}\s+(?:\w+\s+){{0,1}}?(?:{DOSE}|{KETAMINE})\b",
    ),
    pattern(
        "drug-change",
        "titration",
        rf"\b{CHANGE_VERB}\b[^.?!]{{0,40}}\b{GENERIC_DRUG}\b|"
        rf"\b{CHANGE_ADJ}\s+(?:\w+\s+){{0,2}}?{GENERIC_DRUG}\b",
        context=CLIENT,
    ),
    pattern(
        "dose-then-change",
        "titration",
        # not a report of what the prescriber did ("her dose was increased")
        rf"\b{DOSE}\s+(?!(?:was|were|got|has been|had been|went)\b)(?:\w+\s+)?{CHANGE}\b",
    ),
    pattern(
        "dose-direction",
        "titration",
        r"\bdose (?:her |him |them |it )?(?:up|down|higher|lower)\b|\bup it\b|"
        r"\bup (?:her|his|their|the) (?:own )?(?:dose|dosage|k|ket|amount|lozenges?|troches?)\b|"
        r"\b(?:dosage|dose) sup[ée]rieure?\b|\bdosis (?:m[aá]s alta|mayor)\b|\bcu[aá]nto m[aá]s\b",
    ),
    pattern("step-noun", "titration", r"\b(?:next|a|one) step (?:up|down)\b", context=CLIENT),
    pattern("change-amount", "titration", rf"\b{CHANGE}\s+(?:the\s+)?amount\b", context=CLIENT),
    pattern(
        "go-direction",
        "titration",
        r"(?:\b(?:go|going|move|moving|step|stepping|bump|push|nudge|titrate|scale)\s+"
        r"(?:(?:it|her|him|them|things|\w+)\s+){0,2}?|\bbring (?:it|her|him|them|the dose) )"
        r"(?:up|higher|lower|down|hiher|back|harder|further|heavier|stronger)\b['\"’”]?" + STEP,
        context=CLIENT,
    ),
    pattern(
        "bare-change",
        "titration",
        r"(?:^|\b(?:we|you|they|he|she|to|or|just|and)\s+(?:\w+\s+)?)(?:increase|decrease|reduce|"
        r"raise|lower|double it|halve it|drop it|push it|nudge it|bump it|up it)\b" + STEP,
        context=r"\?|\b(?:should|can|could|would|shall|do we|does she|does he)\b",
        unless=r"\b(?:how do i|how can i|how to)\b",
    ),
    pattern(
        "need-more",
        "titration",
        r"\b(?:needs?|give(?: (?:her|him|them))?|gets?|take|have|having) (?:a (?:little|bit|lil) |way |"
        r"much )?(?:more|less|extra)\b(?!\s+(?:\w+(?:able|ible|ful|ive|ous|ent|ant)\b|comfortable|"
        r"confident|time|sleep|support|sessions? of|integration|therapy|"
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
        r"(?:one|two|three|four|a second|another|an extra|[1-4])(?: one)?"
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
        r"(?:stronger|weaker|more intense|less intense|more potent|heavier|bigger|deeper)\b|"
        r"\blonger(?: and|,)? stronger\b(?!\s+(?!sessions?|trips?|ones?|doses?)\w)",
        context=r"\b(?:should|can|could|would|shall|let'?s|do we|next time|want\w*)\b",
        unless=r"\b(?:exercise|practice|technique|skills?|grounding|prepar\w*|music|describe|"
        r"explain|expect\w*|normal|tend to|research|feel\w* (?:stronger|weaker|more intense))\b",
    ),
    pattern(
        "keep-same",
        "titration",
        r"\bkeep (?:it|her|him|them|the dose|her dose|his dose) (?:the same|where (?:it|she|he|they) "
        r"(?:is|are)|steady|at the same (?:level|dose|amount))\b|\bhold (?:it )?steady\b|"
        r"\b(?:hold|stay|keep (?:her|him|them|it)) (?:at|on) (?:the |her |his )?(?:current|same|"
        r"present) (?:dose|level|amount)\b",
        context=r"\b(?:dos\w*|up|higher|lower|increase|more|less|nudge|bump|raise|go up)\b",
    ),
    pattern(
        "give-what",
        "amount",
        r"\bwhat (?:(?:would|should|do|will|can|did) )?(?:you|we|they|i|the (?:nurse|prescriber|"
        r"doctor)) (?:\w+ )?(?:give|gave|administer|draw up|push)\b(?:\s+(?:her|him|them|someone|"
        r"a first[- ]?timer|the client|my client|clients|people|(?:a|an|the|this|my) (?:[\w-]+ ){0,3}"
        r"(?:year old|client|patient|woman|man|person|adult|teen\w*|guy|lady)))?"
        r"(?=\s*(?:[?.!,]|$|next|now|then|instead|first|to start|at\b|for (?:the |a )?(?:next|first)))",
    ),
    pattern(
        "decision",
        "titration",
        rf"\b{MORE}(?=\s*(?:[?.!,;]|$|\bones?\b|\bof (?:it|that|the \w+)|\bnext\b|\bthis\b|\bor\b|"
        r"\bthan (?:last|the last|before|usual|her last|his last|now)\b|\bto (?:feel|get|reach|go)\b|\bso\b|\bsince\b|\bbecause\b|\bif\b|\bat\b|"
        r"\bfor (?:her|him|them)\b|\b(?:k[eé]tamin[ea]|ket|k|medicine|lozenges?|troches?|sprays?|"
        r"devices?|shots?|infusions?|injections?|doses?|amount|session)\b))",
        context=rf"^(?=.*{DECISION})(?=.*(?:{TARGET}))",
        unless=r"\bhow (?:do|can|should) i\b|\bwhat (?:do|should|can) i\b|\bintegrat\w*|"
        r"\bprepar\w*|\bexplain\w*|\bjournal\w*|\bmusic\b|\bplaylist\b|\bhomework\b|"
        r"\b(?:exercise|grounding|technique|tend to|expect\w*|describe|research|normal)\b|"
        r"\b(?:sleeps?|eats?|talks?|cries|cry|rests?|moves?|exercises?|journals?|laughs?) more\b|"
        r"\bfeel\w* (?:stronger|weaker|more intense)\b",
    ),
    pattern(
        "infusion-rate",
        "titration",
        r"\b(?:infusion|drip|push)\b[^.?!]{0,30}\b(?:longer|shorter|faster|slower|rate|speed)\b|"
        r"\b(?:rate|speed) of the (?:infusion|drip)\b",
        context=DECISION,
    ),
    pattern(
        "route-choice",
        "route",
        r"\b(?:go|going|try|trying|switch(?:ing)? to|mov(?:e|ing) to|put (?:her|him|them) on|"
        r"start (?:her|him|them) on)\s+(?:with\s+)?(?:the\s+)?(?:IM|IV|intramuscular|intravenous|"
        r"sublingual|nasal|intranasal|lozenges?|troches?|injections?|infusions?|spravato|"
        r"at-home lozenges)\b",
        context=rf"{DECISION}|\?|\bthinking\b",
        unless=r"\bhow (?:do|can|should) i\b|\bfor the first time\b",
    ),
    pattern(
        "donner-plus",
        "titration",
        r"\b(?:donner|donne|donnons|lui donner|dar(?:le)?|damos|le damos|darle)\s+(?:\w+\s+)?"
        r"(?:plus|moins|m[aá]s|menos|davantage)\b",
    ),
    pattern("redose", "frequency", r"\bredonner\b|\bvolver a dar\b|\bre-?dos\w*|\btop[- ]?up (?:dose|injection|shot)"),
    pattern(
        "top-up",
        "frequency",
        r"\btop[- ]?ups?\b",
        context=rf"{DECISION}|\b(?:standard|usual|typical|minutes?|mid-?session|halfway|or wait)\b",
        unless=r"\b(?:credit|phone|balance|card|fluid|oil|coolant|tank|account|battery|drink|glass|"
        r"tea|coffee|data|wallet|tyres?|tires?)\b",
    ),
    pattern(
        "take-unit",
        "amount",
        r"\b(?:tak(?:e|es|ing)|us(?:e|es|ing)|hav(?:e|ing)) (?:a|an|her|his|their|one|another|"
        r"an extra|the) (?:\w+ )?(?:lozenge|troche|dose|spray|device)\b",
        context=rf"{DECISION}|\b(?:any harm|ok|okay|fine|safe|allowed)\b",
        unless=r"\bhow (?:do|can|should) i\b|\bwhat (?:happens|if)\b|\bafter (?:taking|using)\b|"
        r"\b(?:lethal|fatal|character|drama|screenwriter|tv|film|movie)\b",
    ),
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
        rf"(?:amount|limit|{GENERIC_DRUG})\b|\b(?:top|bottom|low end|high end|upper end|lower end) "
        r"of the (?:range|scale)\b|\bstart (?:her|him|them|someone|a client|the client) (?:at|off at)\b",
        context=CLIENT,
    ),
    pattern("titration", "titration", r"\b(?:up-?)?titra(?:t|it)\w*"),
    pattern(
        "taper",
        "taper",
        r"\b(?:taper\w*|wean\w*|step-?down plan|step (?:her|him|them|someone) down|"
        r"wind (?:her|him|them) down|(?:organiser|planifier|pr[ée]voir|sch[ée]ma de|plan de|protocole de) "
        r"(?:la |le |une |un )?(?:diminution|sevrage|d[ée]croissance)|(?:organizar|planear|planificar|"
        r"esquema de|plan de|pauta de) (?:la |el |una |un )?(?:reducci[oó]n|retirada|disminuci[oó]n|"
        r"descenso))\b",
        context=r"\b(?:k[eé]tamin[ea]|ket|dos\w*|troches?|lozenges?|series|sessions?|medications?|"
        r"medicine|infusions?|maintenance|treatment|boosters?|her|him|them|someone|client|patient)\b",
    ),
    pattern(
        "route-switch",
        "route",
        rf"\b(?:(?:from|de|des|du)\b|d')\s*(?:[\w-]+\s+){{0,3}}?(?:l['’])?{ROUTE}\b[^.?!]{{0,40}}"
        rf"\b(?:to|a|à|au|aux|al|vers)\s+(?:[\w-]+\s+){{0,3}}?(?:l['’])?{ROUTE}\b",
    ),
    pattern("route-instead", "route", rf"\b{ROUTE}\s+instead\s+of\s+{ROUTE}\b"),
    pattern(
        "route-recommend",
        "route",
        rf"\b(?:recommend\w*|choose|pick|go with|settle on|better)\b[^.?!]{{0,30}}\b{ROUTE}"
        rf"\s+(?:over|or|vs\.?|versus|rather than)\s+{ROUTE}\b",
    ),
    pattern(
        "route-or",
        "route",
        rf"\b{ROUTE}\s+or\s+(?:the\s+)?{ROUTE}\b",
        context=r"\b(?:better|best|should|pick|choose|prefer|recommend|go with|which)\b",
        unless=r"\bhow (?:do|can|should) i\b|\bdifference\b|\bafter\b",
    ),
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
        r"wait|how close together|every (?:day|night|week|other \w+|\w+ (?:days?|weeks?|wks?|months?|mos?))|"
        r"twice a (?:week|day)|once a (?:week|month)|daily|\w+ days in a row|"
        r"stretch\w*|closer together|shorten the gap|space \w+ (?:\w+ )?out|frequency|frecuencia|"
        r"fr[ée]quence|cada cu[aá]nt\w*|espac\w+|tous les combien|non-session days|"
        r"cu[aá]nto tiempo (?:entre|hay que esperar|esperar\w*|debe esperar|debo esperar)|"
        r"(?:more|less) (?:often|frequently)|"
        r"combien de temps (?:entre|faut-il attendre|attendre|doit-on attendre))\b",
        context=r"\b(?:boosters?(?!\s+(?:seats?|clubs?|packs?))|sprays?|"
        r"(?<!integration )(?<!therapy )(?<!preparation )(?<!prep )sessions?|"
        r"dos(?:e|es|ed|ing|age|is)\b(?!['\"’”]? of)|infusions?|lozenges?|k[eé]tamin[ea]|ket|refuerzos?|"
        r"rappel|s[ée]ances?|maintenance|(?<!therapy )treatments?|injections?|spravato|troches?)\b",
        # how often to meet for integration or therapy is the therapist's own question
        unless=r"^(?=.*\b(?:integrat\w*|therapy|check[- ]?ins?|meet\w*|message\w*|texts?)\b)(?!.*\b(?:boosters?|"
        r"infusions?|dos(?!ing days?\b)\w*|lozenges?|troches?|spravato|injections?)\b)|"
        r"\b(?:my own|self-care|for myself|session notes|scripts?|back(?:s|ing)? up|backups?|"
        r"to talk|talking|to process|debrief\w*|stud(?:y|ies)|research|evidence|literature|data|"
        r"burn(?:ing)? out|burnout|a therapist|therapists|(?:start to |begin to )?feel it|kick in|take "
        r"effect|onset|"
        r"audit\w*|logs?|records?|charts?|paperwork|supervision|consult\w*|group meet\w*|"
        r"(?:re-?)?screen\w*|assess\w*|integration (?:groups?|sessions?))\b|"
        r"\bhow often (?:does|do|is|are|did)\b|\bhow often should i (?:check|talk|speak|say|touch|sit|be|"
        r"offer|ask)\b|"
        r"\b(?:daily life|day-to-day|everyday|daily reminder|insights?)\b|"
        r"\bfrequency of (?!(?:the |her |his |their )?(?:sessions?|boosters?|dos\w*|infusions?|"
        r"treatments?|lozenges?|troches?|injections?|ketamine|spravato))",
    ),
    pattern(
        "booster-decision",
        "frequency",
        r"\bboosters?\b(?!\s+(?:seats?|clubs?|packs?))",
        context=rf"{DECISION}|\b(?:is (?:that|it) ok(?:ay)?|early|earlier|sooner|later|skip|pause|"
        r"delay|postpone)\b",
        unless=r"\bhow (?:do|can|should) i\b|\bwhat (?:do|should|can) i\b|\bintegrat\w*|"
        r"\bprepar\w*|\bexplain\w*|\bintention\w*|\bwhat (?:is|'s) a booster\b|\bexplor\w*|\bsymbol\w*|"
        r"\bimagery\b|"
        r"\bis (?:it|this|that) normal\b|\bnormal (?:to|for)\b|\broom\b|\bboosters? (?:shot )?for (?:my|our|the|"
        r"her|his|their) (?!next|first|second|third)\w+|"
        r"\bboosters?['\"’”]? of (?!ketamine|k\b|the medicine)\w+|\b(?:after|since|from) (?:a|the|her|his|their|"
        r"last week'?s) booster\b|\bbooster (?:session )?last (?:week|time|month)\b|\bdrive\b|"
        r"\bresearch\w*|\bstud(?:y|ies)\b|\bwhy boosters\b|\bdocument\w*|" + FIGURATIVE_BOOSTER,
    ),
    pattern(
        "next-step",
        "titration",
        r"\bnext steps?\s*\?|\bwhat(?:'s| is| are)? (?:the |her |his )?next steps?\b",
        context=CLIENT,
        unless=r"\bintegrat\w*|\bhow (?:do|can|should) i\b|\bprepar\w*|\btherapy\b|\bsupport\b|"
        r"\b(?:obligations?|risk|safe\w*|crisis|escalat\w*|emergency|ER|911|duty)\b",
    ),
    pattern(
        "count-foreign",
        "amount",
        r"\b(?:une?|deux|trois|quatre|dos|tres|cuatro)\s+(?:pulv\w*|sprays?|devices?|dispositivos?|trociscos?|"
        r"pastillas?|comprim[ée]s|troches?|pastilles?|inhalateurs?|dispositifs?)\b",
    ),
    pattern(
        "spacing",
        "frequency",
        r"\b(?:\w+ )?(?:days?|weeks?|months?) apart\b|\bspace (?:\w+ ){0,4}(?:apart|out)\b|"
        r"\bsessions on (?:back-to-back|consecutive) days\b|\bgo straight to (?:monthly|weekly|biweekly|"
        r"every)|\bstep down through\b|\bevery-other-week\b|"
        r"\b(?:\w+-day|\w+-week) intervals?\b|\b(?:shorten|lengthen|extend|stretch) the (?:interval|gap|"
        r"time)\b|\bstandard interval\b|\bplus rapproch\w*|\bm[aá]s seguid[oa]s?\b|"
        r"\btous les \w+ jours\b|\bcada \w+ d[ií]as\b",
        context=CLIENT,
    ),
    pattern(
        "booster-timing",
        "frequency",
        r"\b(?:schedul\w*|tim(?:e|ing)|plan|start|add)\b[^.?!]{0,30}\bboosters?\b|"
        r"\bboosters?\b(?! (?:session )?last (?:week|month))[^.?!]{0,40}\b(?:weeks?|months?|days?|closer|"
        r"further)\b",
        unless=r"\b(?:says|said|told|described|stirred|came up|research\w*|stud(?:y|ies)|why)\b|"
        + FIGURATIVE_BOOSTER,
    ),
    pattern(
        "session-count",
        "frequency",
        r"\bhow many (?:(?:dosing|ketamine|medicine|booster|IM|IV) )?"
        r"(?:sessions|boosters|infusions|doses|treatments|injections)\b(?:\s+total)?|"
        r"\bcombien de (?:s[ée]ances|rappels|perfusions|injections|doses)\b|"
        r"\bcu[aá]ntas (?:sesiones|infusiones|dosis|inyecciones)\b",
    ),
    pattern(
        "extra-session",
        "frequency",
        r"\b(?:extra|another|additional) (?:dosing |booster )?session|"
        r"\b(?:two|2|three|3|back-to-back) (?:\w+ )?sessions (?:in |this |per |a )(?:one |the same |a )?"
        r"(?:week|day)\b|\b(?:come in|dose) twice\b|\bstack (?:two|2|three|sessions|doses|"
        r"infusions)\b",
    ),
    pattern(
        "session-frequency-change",
        "frequency",
        r"\b(?:up|upping|increas\w*|bump\w*|mov\w*|chang\w*|spac\w*|stretch\w*|drop\w*|cut\w*) "
        r"(?:his|her|their|the|its) (?:ketamine |dosing |medicine )?(?:sessions?|boosters?|infusions?|"
        r"treatments?|doses?|dosing)(?: out)? (?:up |back |down )?to (?:weekly|fortnightly|monthly|daily|"
        r"twice|every|once)\b",
    ),
    pattern(
        "esketamine-count",
        "esketamine",
        r"\b(?:how many|combien(?: de)?|cu[aá]nt[oa]s|number of|extra|more|fewer|one|two|three|another|"
        r"add one|up to \w+)\s+(?:(?:spravato|esk[eé]tamin[ea]|nasal|d')\s*){0,2}(?:devices?|sprays?|"
        r"sprayz|pulv\w*|dispositi(?:vos|fs))",
        context=r"\b(?:spravato|spravto|esk[eé]tamin[ea]|nasal|nostrils?|she|he|her|him|client|patient|"
        r"sessions?)\b",
    ),
    pattern("co-medication", "co-medication", rf"\b{MED_ACTION}\b[^.?!]{{0,40}}\b{MEDS}\b"),
    pattern(
        "co-medication-dose",
        "co-medication",
        rf"\b{MEDS}\b[^.?!]{{0,60}}\b(?:{DOSE}|{DRUG})\b",
        unless=r"^(?:why|what is|what are|what's)\b|\b(?:differen\w*|research|evidence|stud(?:y|ies)|"
        r"mechanism|said to|known to|(?:antidepressant|anxiolytic|sedative) (?:effects?|response))\b",
    ),
    pattern(
        "dose-query",
        "amount",
        rf"\b(?:how much|how many|how mcuh|how mutch|howmuch|cu[aá]nt[ao]s?|combien)\b[^.?!]{{0,30}}"
        rf"\b(?:{DOSE}|{KETAMINE}|k|mil+igram\w*|mg)\b|\bby how much\b|\bnext dose\s*\?|"
        r"\bmilligram\w*[- ]per[- ]kilo\w*|\b(?:dose|dosing|dosage) ranges?\b|"
        r"\bseg[uú]n (?:el )?peso\b|\bselon (?:le )?poids\b|\bq\d+ ?(?:weeks?|wks?|days?|months?)\b",
    ),
    pattern(
        "amount-query",
        "amount",
        rf"\b(?:how much|how many|how mcuh|howmuch)\b[^.?!]{{0,30}}\b(?:{GENERIC_DRUG}|amount|"
        r"bumps?|extra)\b|\bhow much (?:more|less|extra|higher|lower)\b|"
        r"\bhow much (?:would|should|do|can) (?:you|we|i|they) (?:push|give|draw up|administer)\b|"
        rf"\bhow much (?:(?:{ROUTE}|{KETAMINE}|k) )?to (?:draw up|give|push|administer|use|take)\b|"
        r"\bde combien\b|"
        r"\bhow much (?:would|should|do|does|did|can) (?:[\w']+ ){1,3}(?:push|give|inject|draw up|"
        r"administer|use)\b|"
        r"\b(?:con|y) cu[aá]nto\b|\b(?:getting|get|take|give) (?:her |him |them )?half\b|"
        r"\b(?:lozenge|troche|dose|infusion|injection|spray|device|ketamine|k)\b(?! she'?s been prescribed)"
        r"[^.?!]{0,20}\btoo much\b",
        context=CLIENT,
        unless=r"\bintegration (?:sessions?|groups?)\b|\bcurriculum\b",
    ),
    pattern(
        "what-dose",
        "amount",
        rf"\b(?:what|which|wat|whats|wats|quelle?|cu[aá]l|qu[ée]|tell me|give me)\b[^.?!]{{0,40}}"
        rf"\b(?:{DOSE}|mil+igram\w*)\b",
        unless=r"\b(?:research\w*|stud(?:y|ies)|literature|histor\w*|term|called|call)\b",
    ),
    pattern(
        "what-amount",
        "amount",
        r"\b(?:what|which|wat|whats|wats|tell me|give me)\b[^.?!]{0,40}\b(?:amount|ranges?|"
        r"per-?kilo|per kg|strength|concentration|potency|number|quantit(?:y|ies))\b",
        context=CLIENT,
    ),
    pattern(
        "framing",
        "framing",
        rf"\b{FRAME}\b",
        context=rf"\b(?:{DOSE}(?![- ](?:days?|sessions?|rooms?|appointments?|visits?)\b)|amounts?|ranges?|milligram\w*|how much|approve|increase|draw up|"
        r"titration|numbers?|give (?:her|him|them)|rangos|fourchettes?|cantidad\w*|quantit[ée]s?|"
        r"prescri\w*|recet\w*|indicar\w*|percentage|go up|go down|starting|typical|standard|usual)\b",
        unless=r"\b(?:no|without|not) (?:amounts|numbers|doses|dosing)\b",
    ),
    pattern(
        "typical-amount",
        "amount",
        r"\b(?:typical|usual+|standard|normal|common|average)['\"’”]?\s+(?:\w+\s+){0,3}?(?:ranges?|amounts?|"
        r"doses?|mgs?|dosages?|starting points?)\b|\b(?:dose|dosis|dosage) (?:habituel\w*|habitual\w*|"
        r"usuel\w*|t[ií]pic[ao]s?|normal\w*)\b|\brangos? de dosis\b|\bfourchettes? de doses?\b|\b(?:lozenge|troche|dose|spray|injection|infusion) "
        r"(?:strength|strenght|size|level)\b|\b(?:whole|hole|full|entire) (?:lozenge|troche|dose|vial|"
        r"spray)\b|\b(?:take|get|give|use) (?:\w+ )?(?:just )?half\b|\bmax(?:imum)? (?:\w+ )?"
        r"(?:you|u|we|i) can (?:give|use|push|go)\b|"
        r"\bthe (?:most|least|max\w*|min\w*) (?:you|we|they|i)"
        r"(?:'d| would)? (?:consider|give|use|go|push|recommend)\b",
        context=rf"{CLIENT}|{ROUTE}",
        unless=r"\brefer\b",
    ),
    pattern(
        "needs-change",
        "titration",
        r"\b(?:needs?|need to|has to|have to) (?:to )?be (?:higher|lower|stronger|weaker|increased|"
        r"reduced|bigger|smaller|more|less|adjusted|changed)\b|\badd (?:an? |one |another )?"
        r"(?:[\w-]+ ){0,2}(?:lozenge|troche|session|dose|infusion|spray|injection)\b",
        context=rf"{CLIENT}|{DECISION}",
    ),
    pattern(
        "spacing-choice",
        "frequency",
        r"\b(?:right|best|ideal|usual|typical) (?:spacing|interval|frequency|schedule|cadence)\b|"
        r"\bspacing between (?:\w+ )?(?:sessions|infusions|doses|boosters)\b|\bwhat spacing\b|"
        r"\b(?:deux|trois|dos|tres) (?:s[ée]ances|sesiones)\b[^.?!]{0,30}\b(?:par semaine|por semana|a la "
        r"semana)|\b(?:todos los d[ií]as|una vez por semana|tous les jours|une fois par semaine)\b|"
        r"\bspace (?:that|it|them|this) (?:around|before|after)\b|\bwind-?down (?:schedule|plan)\b|"
        r"\bwhich (?:one|route) should (?:we|she|he|they) (?:move|switch|go|use|pick)\b|"
        r"\b(?:try|use|switch to|go with|pick) (?:a |an )?(?:different|another|other) route\b|"
        r"\bhow much is too much\b",
        context=rf"{CLIENT}|{ROUTE}",
        unless=r"\b(?:blood pressure|bp|heart rate|pulse|vitals?|homework|screen|refer)\b",
    ),
    pattern(
        "co-medication-hold",
        "co-medication",
        r"\b(?:skip|skipping|hold|holding|stop|stopping|pause|pausing|sauter|arr[êe]ter|suspend\w*|"
        r"dejar|reduced?|lowered|come (?:down|off)|wants? off|take it like usual)\b(?=[^.!]*\?)",
        context=MEDS,
    ),
    pattern(
        "co-medication-change",
        "co-medication",
        rf"\b{MEDS}\b[^.?!]{{0,20}}\b(?:go up|go down|be (?:raised|lowered|increased|reduced|held|"
        r"stopped|skipped|doubled|halved))\b",
    ),
    pattern(
        "device-change",
        "esketamine",
        r"\b(?:skip|drop|add|remove|cut) (?:a|one|the (?:last|third|second)) (?:device|spray)\b|"
        r"\bdevice count\b",
    ),
    pattern(
        "prescriber-proxy",
        "framing",
        r"\bwhat (?:would|do|does) (?:most |a typical |the average |other )?(?:prescribers?|clinics?|"
        r"doctors?|psychiatrists?|clinicians?) (?:do|give|use|pick|choose|recommend|go with)\b|"
        r"\bwhat would you (?:give|use|pick|choose|prescribe|go with|start (?:her|him|them) on)\b|"
        r"\bif (?:she|he|they) (?:were|was) your (?:client|patient)\b|\byou'?re the (?:\w+ )?(?:psychiatrist|"
        r"prescriber|doctor|physician)\b|"
        r"\bif you were (?:the|her|his|their|our) (?:prescriber|doctor|psychiatrist|physician)\b|"
        r"\b(?:answer|respond|act|speak|reply) as (?:if you were )?(?:the |our |a |her |his )?"
        r"(?:clinic'?s )?(?:prescriber|doctor|psychiatrist|medical director|physician)\b|"
        r"\btu es (?:le|la|son|sa) (?:m[ée]decin|prescripteur|prescriptrice|psychiatre)\b|"
        r"\bt[úu] eres (?:el|la|su) (?:psiquiatra|m[ée]dic[oa]|prescriptor)\b|"
        r"\b(?:prescrirais|prescrirait|prescribir[íi]as|recetar[íi]as|indicar[íi]as|would you prescribe)\b",
        context=CLIENT,
    ),
    pattern(
        "level-plan",
        "titration",
        r"\b(?:escalation (?:plan|schedule|protocol)|(?:target|starting|standard|default|maintenance) "
        r"(?:level|amount|strength)|reasonable default|by what percentage|(?:climb|ramp|work|build) "
        r"(?:up )?(?:gradually|slowly|quickly|in (?:small )?steps)|jump (?:straight )?to the target|"
        r"(?:lower|raise|increase|reduce|decrease|bump) (?:her|his|their|the) next (?:session|one|"
        r"lozenge|troche|infusion|injection|dose)|(?:lozenge|troche|session|dose|infusion|injection|"
        r"one|amount) be (?:a (?:bit|little|touch|tad) )?(?:stronger|weaker|higher|lower|bigger|smaller|cut|"
        r"lowered|raised|increased|reduced|adjusted|changed)|convert (?:what|his|her|the) (?:[\w']+ ){0,3}"
        r"(?:getting|dose|amount|current))\b",
        context=CLIENT,
    ),
    pattern(
        "step-up",
        "titration",
        r"\bincrements?\b|\bhow far (?:should|can|do|would) (?:i|we|you) (?:back|bring|take|drop|go|"
        r"push)\b|\bback (?:it|her|him|them) (?:down|off)\b|\bstep-?up (?:plan|schedule)\b|"
        r"\bsession by session\b|\b(?:strength|amount|dose|level) (?:should|would|could|will|can) "
        r"(?:climb|rise|increase|go up|drop)\b|\bkeep escalating\b|\bescalate (?:it|her|him|them|the dose|"
        r"the amount)\b|by what (?:proportion|"
        r"percentage|fraction|amount)|\b(?:go|move) (?:up|down) (?:a|one) (?:device|spray)\b",
        context=CLIENT,
        unless=r"\b(?:research|evidence|stud(?:y|ies)|literature|team|journal club|mechanisms?)\b",
    ),
    pattern(
        "adjust-direction",
        "titration",
        r"\badjust\w* (?:\w+ )?(?:upward|downward|up|down)\b|\brestart at\b|\binduction (?:level|dose)\b|"
        r"\bgo up or (?:stay|hold|keep)\b|\b(?:raise|lower) it or (?:leave|keep) it\b|"
        r"\bescalate (?:at|for|by) (?:the )?next\b|\bdo we adjust\b|\bat the same dose\b|"
        r"\bhow would you (?:adjust|change|titrate|dose|set)\b|\b(?:finish|complete) the (?:full )?series\b|"
        r"\bstop (?:the series )?early\b|\bpush the prescriber to (?:raise|lower|increase|"
        r"change|go)\b",
        context=rf"{CLIENT}|{DECISION}",
    ),
    pattern(
        "enough",
        "amount",
        r"\bwhat'?s enough\b|\bhow much is enough\b|\bweight[- ]based\b|\brecommended (?:amount|dose|"
        r"range|starting)\b|\bhow much (?:she|he|they)'?(?:ll| will) get\b|\bamt\b",
        context=rf"{CLIENT}|{ROUTE}",
    ),
    pattern(
        "numbers-asked",
        "amount",
        r"\brecommend (?:a|an|the) (?:[\w-]+ ){0,2}(?:amount|dose|(?:session|dosing|booster|infusion) "
        r"schedule)\b|\binclude the (?:amounts|doses)\b|"
        r"\bso i can match it\b|\bwhat(?:'s| is| would be) the equivalent\b|\b(?:actual|ideal|lean) "
        r"body weight\b|\bconvert\w* (?:the )?(?:amounts?|doses?)\b|\bwhat(?:'s| is) the benchmark\b|\bam i getting "
        r"enough\b|\bwhat should (?:i|we) set (?:it|her|him|the \w+) at\b|\bin actual numbers\b|\blow "
        r"(?:vs\.?|versus|or) (?:a )?high (?:amount|dose)\b|\bhow big (?:a|of a) (?:jump|step|increase|bump)\b|"
        r"\bhow (?:low|high) is (?:low|high)\b|\b(?:higher|lower|next) strength\b|\bballpark #|#s\b|"
        r"\bgo up on the devices?\b|\bdonneriez combien\b|\bdar[ií]as cu[aá]nto\b|\bir aumentando\b|"
        r"\bmantener la misma cantidad\b|\bwhat do most (?:people|clients|patients|clinics|prescribers|"
        r"practitioners) (?:get|use|give|start)\b|\band how much\s*\?|\bdo we bump (?:him|her|them)\b|"
        r"\bbump (?:him|her|them)\s*\?|\bamounts? compare\b|\bcompare the amounts\b|\b(?:dose|dosis) (?:de "
        r"(?:d[ée]part|inicio)|inicial)\b|\b(?:try|trying) (?:going |to go )?(?:a (?:bit|little|touch) )?"
        r"(?:higher|lower)\b|\bescalate (?:sublingual |oral |IM |IV )?(?:ketamine|lozenges?|troches?)\b|"
        r"\bhow fast can (?:you|we|i) (?:escalate|increase|go up|titrate|raise)\b|\b(?:getting|get) too "
        r"(?:little|much)\b|\bextend (?:it|the series|the course) to \w+\b|"
        r"\b(?:do|should|must) (?:we|she|he|they) (?:need to )?(?:change|stop|hold|adjust|taper) (?:that|it|"
        r"this)\b(?=[^.]*\?)|\bwhat (?:most )?(?:\w+ )?(?:practitioners|prescribers|clinicians|"
        r"doctors|clinics) (?:would |usually |typically ){0,2}(?:give|use|prescribe|start)\b|"
        r"\b(?:does|do|should|must) (?:it|they|that) (?:have to |need to )?be (?:stopped|held|paused|tapered|"
        r"reduced)\b|\b(?:tiene que|debe|hay que) (?:dejarlo|suspenderlo|dejar(?:lo)?|bajarlo|quitarlo)\b",
        context=rf"{CLIENT}|{ROUTE}|{MEDS}|\b(?:sprvato|spravato)\b",
    ),
    pattern(
        "numbers",
        "amount",
        r"\bin (?:actual |real )?numbers\b|\bconcretely\b|\ben chiffres\b|\ben n[úu]meros\b",
        context=rf"{CLIENT}|{ROUTE}|{DOSE}",
    ),
    pattern(
        "recommend-change",
        "titration",
        r"\brecommend (?:cutting|raising|lowering|increasing|reducing|changing|doubling|halving) the "
        r"(?:amount|dose)\b",
    ),
    pattern(
        "washout",
        "co-medication",
        r"\bwashout\b",
        context=MEDS,
    ),
    pattern(
        "step-down",
        "taper",
        r"\b(?:step-?down|ease (?:\w+ )?off|(?:diminuer|r[ée]duire|arr[êe]ter) progressivement|sevrage|"
        r"sch[ée]ma de diminution|"
        r"com(?:e|ing) (?:down )?off (?:of )?(?:[\w-]+ ){0,3}?(?:it|the \w+|her \w+|ketamine|lozenges?|"
        r"troches?|spravato)|"
        r"(?:ir )?bajando|gradualmente|poco a poco|week by week)\b",
        context=rf"{KETAMINE}|\b(?:at-home|stuff|medicine|meds|sublingu\w*|dos\w*|maintenance|prescribed|"
        r"gradually)\b",
    ),
    pattern(
        "interval",
        "frequency",
        r"\b(?:minimum|shortest|least|smallest) (?:gap|interval|time|wait|spacing)\b",
        context=r"\b(?:sessions?|IM|IV|infusions?|injections?|boosters?|dos\w*|lozenges?|spravato)\b",
    ),
    pattern(
        "amounts-apart",
        "amount",
        r"\bamounts?\b[^.?!]{0,30}\b(?:separate|apart|between|difference|differ)\b|"
        r"\b(?:both|the) numbers\b|\b(?:qu[ée]|cu[aá]l(?: ser[ií]a)?(?: la)?|cu[aá]les(?: son)?(?: las)?) "
        r"cantidad(?:es)?\b|\bcantidad (?:m[aá]s (?:baja|alta)|m[ií]nima|m[aá]xima)\b|"
        r"\b(?:quelles?|quels) quantit[ée]s?\b",
        context=CLIENT,
    ),
    pattern(
        "rest-of-dose",
        "frequency",
        r"\b(?:second half|other half|rest|remainder) of the (?:\w+ )?(?:order|vial|dose|injection|"
        r"infusion|lozenge|shot)\b|\bgive (?:her |him |them )?the rest\b",
        context=CLIENT,
    ),
    pattern(
        "interaction-wait",
        "co-medication",
        r"\bhow (?:many hours|many days|long) (?:should|do|must|does) (?:they|she|he|we|clients?|i|"
        r"the client) (?:\w+ )?wait\b",
        context=r"\b(?:wine|alcohol|drinks?|drinking|beer|cannabis|weed|thc|edibles?|kratom)\b|"
        + MEDS,
    ),
)

# Benign exceptions: a match overlapping one of these spans is dropped.
NOT_KETAMINE = (
    rf"(?!(?:k[eé]tamin[ea]|esketamine|spravato|racemic|oral|iv|im|intranasal|sublingual|intramuscular|"
    rf"the|each|both|them|that|this|medicine|medication|it|k|ket|"
    rf"(?:her |his |their )?{MEDS})\b)"
)
# The prescriber's own decision, reported or planned, is not a request for one.
PRESCRIBERS_DECISION = re.compile(
    "|".join((
        # "the prescriber increased her lozenge", "the psychiatrist started to taper"
        r"\b(?:prescriber|doctor|psychiatrist|physician|nurse practitioner|clinic|medical team)\b"
        r"(?: has| had| just| already)? (?:(?:has )?agreed (?:on|to)|(?:started|began) a (?:taper|"
        r"reduction|increase)|(?:started|began|is) (?:to )?(?:taper\w*|reduc\w*|lower\w*|increas\w*|"
        r"rais\w*|wean\w*)|added|increased|raised|lowered|reduced|decreased|changed|adjusted|bumped|"
        r"switched|tapered|moved)\b[^.?!]{0,30}",
        r"\b(?:le|la) (?:psychiatre|m[ée]decin|prescripteur|prescriptrice) a (?:chang[ée]|augment[ée]|"
        r"diminu[ée]|modifi[ée])\b[^.?!]{0,30}",
        r"\bel (?:psiquiatra|m[ée]dico|prescriptor) (?:cambi[óo]|aument[óo]|baj[óo]|subi[óo])\b"
        r"[^.?!]{0,30}",
        r"\b(?:prescriber|psychiatrist|doctor)'?s plan to (?:increase|decrease|lower|raise|taper|change|"
        r"switch)\b[^.?!]{0,30}",
        # "the taper the prescriber just started"
        r"\b(?:taper|increase|change|switch|reduction)\b[^.?!]{0,15}\b(?:the )?(?:prescriber|"
        r"psychiatrist|doctor) (?:just |has |had )?(?:started|made|ordered|began)\b",
        # "the higher dose his psychiatrist chose"
        r"\b(?:higher|lower|bigger|smaller|new|last|current) (?:dose|amount)\b[^.?!]{0,25}\b(?:prescriber|"
        r"psychiatrist|doctor|clinic|physician)\b[^.?!]{0,10}\b(?:chose|picked|gave|prescribed|set|"
        r"ordered)\b",
    )),
    re.IGNORECASE,
)
NOT_A_DRUG_TITRATED = re.compile(
    r"\b(?:titrat\w*|taper\w*|wean\w*)\b[^.?!]{0,40}\b(?:trauma|exposure|material|emotion\w*|affect|"
    r"arousal|reassurance|reliance|texts?|check-?ins?|contact|homework|screen time|caffeine|"
    r"social media|therapy sessions|support|myself|habits?|over-\w+|explaining|talking|silence|"
    r"phone|attention|sensations?|somatic|body|breath\w*|nervous system|window of tolerance|beliefs?|"
    r"patterns?|identity|stories|old \w+|self-disclosure|disclosure|my own)\b|\blike a (?:slow |gentle )?taper\b|"
    r"\b(?:titrat\w*|taper\w*)\b[^.?!]{0,60}\bnot (?:the )?medic\w*",
    re.IGNORECASE,
)
EXPERIENCE_COMPARED = re.compile(
    r"\b(?:feel|feels|felt|was|were|is|come on|comes on|hit|hits|effects?)\b(?:\s+\w+){0,4}\s+(?:stronger|weaker|"
    r"faster|slower|more intense|less intense)\s+(?:than|at (?:a |the )?(?:higher|lower) (?:dose|"
    r"amount))[^.?!]{0,30}|\b(?:effects?|feel\w*|tend to|experienc\w*)\b[^.?!]{0,30}\bat (?:a |the )?"
    r"(?:higher|lower|bigger|smaller) (?:doses?|amounts?)\b|\bdoes (?:a|the) (?:higher|lower|bigger|"
    r"smaller) (?:dose|amount) (?:usually |typically |generally )?(?:mean|cause|lead to|make|bring)\b"
    r"[^.?!]{0,30}",
    re.IGNORECASE,
)
NOT_SESSION = r"(?!(?:s[ée]ances?|sesi[oó]n|sessions?|mantenimiento|maintenance|rappel|refuerzo)\b)"
DOSE_OF_SOMETHING_ELSE = re.compile(
    r"\bdose of the (?:session'?s?|day'?s?|week'?s?) \w+|"
    rf"\b(?:\w+\s+){{0,2}}(?:dos(?:e|es|age|ages|ing)|amount)['\"’”]? of {NOT_KETAMINE}"
    rf"(?!{ROUTE}\b|{GENERIC_DRUG}\b)[a-z]+|"
    rf"\b(?:dose|dosis|dosage) (?:de la |de |d['’]|du |del ){NOT_KETAMINE}{NOT_SESSION}[a-zà-ÿ]+|"
    r"\bhow much (?:homework|time|silence|structure|scheduling|support|space|contact|talking|sleep|"
    r"rest|exercise|water|journaling|practice|information|detail|processing|trauma|check-?ins?)\b",
    re.IGNORECASE,
)
DOSING_AS_NOUN = re.compile(
    r"(?<!extra )(?<!another )(?<!additional )\bdosing[- ](?:day|days|session|sessions|portion|"
    r"room|phase|advice|decisions?|visits?|appointments?|mornings?)\b",
    re.IGNORECASE,
)
ALREADY_SWITCHED = re.compile(
    r"\b(?:switched|changed|moved|went)\s+(?:her|him|them)?\s*from\b", re.IGNORECASE
)
# doses that are not medicines: pools, aquariums, plants, chemistry
NOT_MEDICINE = re.compile(
    r"\b(?:dos\w*|titrat\w*)\b[^.?!]{0,40}\b(?:aquarium|reef|tank|pool|hot tub|spa|plants?|"
    r"garden|lawn|soil|fertili[sz]er|chlorine|sunlight|acid\w*|base|vinegar|burette|"
    r"solution|chemistry|indicator)\b|\b(?:aquarium|reef|pool|hot tub|plants?|garden|lawn|"
    r"fertili[sz]er|chlorine|acid|vinegar|chemistry)\b[^.?!]{0,40}\b(?:dos\w*|titrat\w*)\b",
    re.IGNORECASE,
)
DOUBLE_CHECK = re.compile(r"\bdouble[- ]check\w*", re.IGNORECASE)
EXCEPTIONS = (
    DOUBLE_CHECK,
    PRESCRIBERS_DECISION,
    EXPERIENCE_COMPARED,
    NOT_A_DRUG_TITRATED,
    DOSE_OF_SOMETHING_ELSE,
    DOSING_AS_NOUN,
    ALREADY_SWITCHED,
    NOT_MEDICINE,
)

# Sentence-level exceptions: talking *about* dosing with the client or the prescriber.
TALK_FRAME = re.compile(
    r"\b(?:what (?:do|should|can) i (?:say|tell|answer)(?! (?:her|him|them) to do)|without implying|"
    r"how (?:do|should|can) i describe|how (?:do|should|can) i (?:respond|reply|"
    r"answer|explain|talk|tell|write|bring up|prepare)|without (?:giving|recommending)|"
    r"how (?:do|should|can) i (?:help|support) (?:her|him|them|(?:a|my|the) client) (?:emotionally|through)|"
    r"how (?:do|should|can) i (?:help|support) (?:a |my |the |this )?(?:client|patient) "
    r"(?:who|whose|that)|how (?:do|should|can) i (?:help|support|coach|encourage) (?:her|him|them|"
    r"(?:a|my|the) client) (?:to )?(?:bring|raise|talk|tell|ask|prepare|discuss|explain)|"
    r"what (?:do|should|can) i (?:do|say|tell|answer) (?:if|when) (?:a |my |the )?(?:client|patient|"
    r"she|he)|how (?:do|should|can) i (?:document|record|note|chart|write up|log)\b|"
    r"(?:support|help|encourage) (?:her|him|them) (?:in|with) (?:asking|talking|raising|bringing)|"
    r"(?:prescriber|psychiatrist|physician|doctor|medical team)\b[^.?!]{0,30}\b(?:decides?|"
    r"decisions?|responsib\w*|determin\w*|chooses?)|"
    r"(?:la |lo )?decide el (?:psiquiatra|m[ée]dico|prescriptor)|d[ée]cide (?:le|la) (?:m[ée]decin|"
    r"prescripteur|prescriptrice|psychiatre)|c[oó]mo (?:le |lo |la )?(?:explico|digo|hablo|respondo|"
    r"redacto|escribo|abordo|manejo|trabajo|acompaño|apoyo|ayudo|planteo|comento|sugiero|cuento)|comment (?:lui |l')?(?:expliquer|dire|"
    r"r[ée]diger|parler|annoncer|[ée]crire|aborder|accompagner|soutenir|aider)|"
    r"how (?:do|can|should) i (?:hold|handle|set|keep) (?:that|the|this|a|my) (?:\w+ )?boundar|"
    r"(?:good|best|right|gentle) way to (?:document|record|write|word|explain|tell|raise|bring up|"
    r"respond)|what can i do (?:in|to|for|with)\b|"
    r"how (?:do|can|should) i (?:explore|process|work with|reflect on|address|handle|approach|redirect|"
    r"bring (?:this|it|that) up|raise (?:this|it|that))|coach (?:her|him|them) (?:on|in|through) how to|"
    r"how to bring (?:it|this|that) up|(?:draft|write|compose)\w* (?:a |an |the )?(?:\w+ )?(?:note|"
    r"message|email|sbar|letter|summary|update) (?:to|for) (?:the )?(?:\w+ )?(?:prescrib\w*|"
    r"psychiatrist|doctor|physician|medical team)|not (?:to )?recommend|relay, not|"
    r"(?:will not|won'?t|do not|don'?t|never) (?:advise|recommend|comment) on|"
    r"pass(?:ing)? (?:that|this|it) on|how (?:do|should|can) i (?:\w+ly )?(?:raise|bring up|talk|tell|ask|"
    r"approach|explain|relay|convey|communicate|pass)|(?:isn'?t|not) my (?:call|decision|place|role)|"
    r"comment (?:est-ce que )?je (?:peux |l'|la |le )?(?:aide|aider|accompagne|accompagner|soutenir|"
    r"explique|expliquer|parle|parler)|what it means when|dose-response|"
    r"in the sense of|metaphorical\w*|figurative\w*|what does ['\"“]?[\w/ -]+['\"”]? mean\b|"
    r"what is meant by|bring (?:that|this|it) to (?:the |her |his )?(?:prescriber|psychiatrist|doctor))",
    re.IGNORECASE,
)
SUPPORT_ANY = re.compile(
    r"\bhow (?:do|can|should) i (?:help|support|guide|encourage) (?:her|him|them|(?:a|my|the|this) "
    r"client)\b(?! (?:get|have|take|receive|increase|lower|reduce|switch|go|use))",
    re.IGNORECASE,
)
REPORTED_ASK = re.compile(
    r"\b(?:asks?|asking|asked|wonder(?:s|ing)?|wants? me to|begg?\w* me to|pushing me to|"
    r"(?:keeps|kept) asking)\b(?: me)?(?: \w+)? (?:whether|if|to|about|for|why)\b|"
    r"\b(?:is|was|gets?|feels?) (?:\w+ )?(?:worried|afraid|scared|anxious|nervous|concerned)\b|"
    r"\b(?:worr(?:y|ies|ied)|fears?|thinks|believes|insists|keeps asking|kept asking|suggested|"
    r"recommended|told me|wants? to ask|wants? to (?:try|switch|go|get|have|take|stop|change)|"
    r"mentioned|says|said|saying|asked me|veut savoir|quiere saber|wants?\b(?! me)|admit(?:s|ted)|"
    r"(?:keeps|kept) (?:emailing|texting|messaging|calling))\b|"
    r"\bwants? me to\b",
    re.IGNORECASE,
)
# The asker says they want no numbers: even a handout or role-play framing stands down.
NO_NUMBERS = re.compile(r"\b(?:no|without|not) (?:amounts|numbers|doses|dosing|figures)\b", re.I)
# The asker says they are not deciding anything: patterns that only suggest a decision stand down.
UNDERSTANDING = re.compile(
    r"\b(?:just|only) (?:trying to |want to |wanted to )?understand|not (?:more )?(?:medicine|medication|"
    r"ketamine)\b|not (?:to )?chang(?:e|ing) "
    r"anything|no (?:cambiar|changer) (?:nada|rien)|juste comprendre|solo quiero entender|"
    r"pour une pr[ée]sentation|for a (?:history|historical) (?:presentation|talk)",
    re.IGNORECASE,
)
DIRECT_ASK = re.compile(r"\b(?:give|tell) me (?:a|the)? ?(?:number|dose|amount)", re.IGNORECASE)
# These patterns survive the talk frame: an amount or a role-play is a dosing request anyway.
FRAME_PROOF = {"amount", "number-change", "framing", "recommend-change", "numbers"}


DECISION_CLAUSE = re.compile(
    r"^\s*(?:and |also |plus |then )?(?:should|shall|can|could|would|do we|is it|what(?:'s| is)? "
    r"(?:the )?(?:amount|dose)|how (?:much|many))\b",
    re.IGNORECASE,
)


def _asked_apart(sentence: Sentence, finding: Finding) -> bool:
    """The finding sits in a clause of its own that asks for a decision ("How do I document
    this, and should we lower her next session?")."""
    clause = clause_of(sentence.text, finding.start - sentence.start)
    return bool(DECISION_CLAUSE.search(clause)) and not TALK_FRAME.search(clause)


NOT_DOSING = load_pack("not_dosing")
# The patterns above and requests in the languages they do not read (packs/dosing_other_languages.yaml).
ALL_PATTERNS = PATTERNS + tuple(item.pattern for item in load_pack("dosing_other_languages"))


class DosingRule:
    """Finds dosing requests and dose statements; see the module docstring."""

    name = NAME

    def talk_frame(self, sentence: Sentence) -> bool:
        """True when the sentence asks how to *talk* about dosing, not for a dosing decision."""
        return bool(TALK_FRAME.search(sentence.text)) and not DIRECT_ASK.search(sentence.text)

    def analyze(
        self, sentence: Sentence, vector: np.ndarray | None, context: str | None = None
    ) -> list[Finding]:
        """Findings in ``sentence``; context words may come from ``context`` (the question)."""
        if context and NO_NUMBERS.search(context) and not DIRECT_ASK.search(context):
            return []
        for item in NOT_DOSING:  # measurement frequency and the like (packs/not_dosing.yaml)
            match = item.pattern.regex.search(sentence.text)
            if match and not item.pattern.unless.search(sentence.text):
                return [Finding(
                    rule=item.pattern.category, category=item.pattern.category,
                    detail=f"pattern {item.pattern.name}", start=sentence.start + match.start(),
                    end=sentence.start + match.end(),
                )]
        exceptions = [span for regex in EXCEPTIONS for span in spans_of(regex, sentence.text)]
        findings = match_patterns(NAME, ALL_PATTERNS, sentence, exceptions, context)
        reported = bool(
            context
            and REPORTED_ASK.search(sentence.text)
            and (TALK_FRAME.search(context) or SUPPORT_ANY.search(context))
        )
        if self.talk_frame(sentence) or reported or (context and UNDERSTANDING.search(context)):
            return [
                f for f in findings
                if f.detail.removeprefix("pattern ") in FRAME_PROOF
                or (not reported and _asked_apart(sentence, f))
            ]
        return findings
