"""Crisis rule: suicidal ideation, self-harm, harm to others, medical red flags after a session.

Crisis content is never blocked or hidden; this rule only flags it. Findings span the
whole sentence so it can be quoted verbatim.

Voice: a client's journal speaks in the first person ("I want to kill myself"); a
therapist's question reports the client in the third ("she wants to kill herself", "he
has been stockpiling pills"). ``CrisisRule(reported=True)`` also reads the reported forms,
and a client's own suicidality or self-harm stays in those categories however it is told.

Time and negation: ideation in a clause marked as distant past ("years ago", "used to")
without a recency cue ("again", "lately") becomes a ``history`` finding, shown but not
flagged as current; explicit denials ("I'm not suicidal") are dropped. Ketamine narratives
are full of death imagery: ego death, rebirth, grief, suicide loss and hyperbole ("this week
is killing me") are benign exceptions. Medical red flags are hard signs (chest pain,
fainting, can't breathe, can't urinate, very high blood pressure); ordinary body sensations
after a session ("my chest felt open", "dizzy for a minute then fine") are not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from assistant.guard.rules.base import Pattern, match_patterns, pattern, spans_of
from assistant.guard.semantic import ExemplarSet, Nearest
from assistant.guard.text import Sentence, clause_of
from assistant.models import Finding

NAME = "crisis"
HISTORY = "history"
REPORTED_KEY = "crisis-reported"  # calibration entry for therapists' (reported) questions

SUICIDAL = "suicidal ideation"
SELF_HARM = "self-harm"
OTHERS = "harm to others"
MEDICAL = "medical red flag"


@dataclass(frozen=True)
class Voice:
    """Pronoun forms a sentence may use for the person at risk."""

    self_: str  # reflexive: myself
    poss: str  # possessive: my
    obj: str  # object: me
    subj: str  # subject: i


FIRST = Voice("myself", "my", "me", "i")
REPORTED = Voice(
    r"(?:myself|herself|himself|themselves|themself)",
    r"(?:my|her|his|their)",
    r"(?:me|her|him|them)",
    r"(?:i|she|he|they)",
)

PERSON = (
    r"(?:him|her|them|(?:my|his|her|their|our) (?:ex(?:-\w+)?|boss|husband|wife|partner|son|"
    r"daughter|mother|mom|mum|father|dad|stepfather|stepdad|stepmother|stepmom|coworker|"
    r"co-worker|colleague|supervisor|manager|neighbou?r|baby|toddler|kids?|children|child|"
    r"sister|brother|family|roommate|landlord|boyfriend|girlfriend|abuser)|the (?:man|woman|guy|"
    r"baby|kids?)|people|everyone|someone|somebody)"
)
THREAT = (
    r"(?:going to|gonna|wants? to|wanted to|wanna|will|i'?ll|might|"
    r"(?:afraid|scared|worried|fear)[^.]{0,30}\bcould |"
    r"(?:afraid|scared|worried) (?:i'?m|i am) going to|(?:afraid|scared|worried) i'?ll|"
    r"imagin\w* |fantasi[sz]\w* about |picture |picturing |thinking about |thought about |"
    r"planning )"
)
REPORTED_THREAT = (
    r"(?:she'?ll|he'?ll|they'?ll|(?:afraid|scared|worried) (?:she|he|they)'?(?:ll| will)|"
    r"(?:afraid|scared|worried) (?:she'?s|he'?s|they'?re) going to)"
)
VIOLENCE = (
    r"(?:kill(?:ing)?|hurt(?:ing)?|hit(?:ting)?|strangl\w+|chok(?:e|ing)|stab(?:bing)?|"
    r"shoot(?:ing)?|murder(?:ing)?|beat(?:ing)?|attack(?:ing)?|get back at)"
)
NOT_VIOLENT = r"(?!\s+(?:up\b|at\b|in\b|to\b|feelings|by\b|emotionally))"


def build_patterns(v: Voice, reported: bool) -> tuple[Pattern, ...]:
    """The crisis patterns for one voice (first person, or also reported speech)."""
    threat = rf"(?:{THREAT}|{REPORTED_THREAT})" if reported else THREAT
    return (
        pattern(
            "explicit-ideation",
            SUICIDAL,
            rf"\b(?:kill(?:ing|s)? {v.self_}|end(?:ing|s)? (?:{v.poss} (?:own )?life|it all|things|it)\b|"
            rf"tak(?:e|es|ing) {v.poss} (?:own )?life|suicid\w*|"
            r"(?:wants?|wanted|wanting|wanna|going|gonna) to die|want(?:s|ed)? to be dead|"
            rf"(?:wish|wishes|hope|hopes) {v.subj} (?:was|were) dead|better off dead|rather be dead|"
            r"(?:i'?d|would) rather die\b|"
            r"(?:don'?t|doesn'?t|do not|does not|no longer) wants? to (?:be alive|live|exist|be here|"
            r"wake up)|tired of (?:existing|living|being alive|life)|stop existing|"
            r"giving up on life|done with (?:life|being alive|living)|"
            r"(?:wish|hope|pray)\w*[^.]{0,25}(?:never (?:wake|been born)|not (?:wake|waking) up|"
            r"won'?t wake up|(?:doesn'?t|don'?t) wake up)|"
            r"wish(?:ed|es)? (?:\w+ ){0,4}(?:had |would have |would )?(?:just )?(?:killed|taken) me\b|"
            r"never wake up|sleep forever|go to sleep and not wake|"
            r"disappear (?:permanently|for good|forever)|never come back|"
            rf"(?:won'?t|not|don'?t think {v.subj}'?(?:ll| will)) be around|wants? out\b|"
            rf"way out except|wants? (?:it all|it|this|everything|{v.poss} life) (?:all )?to (?:end|be over)|"
            rf"if {v.subj} (?:didn'?t|don'?t|doesn'?t|never) wake up|"
            rf"wish(?:es|ed)? {v.subj} (?:hadn'?t|didn'?t|wouldn'?t|had not|would not|never) "
            r"(?:woken|wake|waken|woke) up|"
            r"(?:the |any )?point (?:of|in) (?:going on|living|life|being alive)|"
            r"nothing (?:left )?to live for|no reason (?:left )?to (?:live|keep (?:going|living)|go on|"
            r"stay alive)|attempted)",
        ),
        pattern(
            "slang-ideation",
            SUICIDAL,
            r"\b(?:kms|kys|unaliv\w*|sewer ?slid\w*|ctb|self[- ]?delet\w*)\b",
        ),
        pattern(
            "passive-ideation",
            SUICIDAL,
            rf"(?:better off without {v.obj}\b|(?:easier|lighter|better|happier)[^.]{{0,30}}without "
            rf"{v.obj}\b|(?:be|being) (?:fine|okay|ok|happy|happier) without {v.obj}\b|"
            rf"without {v.obj} in it|(?:nobody|no one|noone) would (?:even )?(?:notice|miss|care)|"
            rf"\bburden\b|relieved if {v.subj} (?:disappeared|died|was gone|were gone)|"
            rf"if {v.subj} (?:wasn'?t|weren'?t) (?:here|around)|if {v.subj} (?:were|was) gone|"
            r"favou?r by (?:disappearing|dying|being gone)|life insurance|"
            r"hopes? (?:a|the) (?:car|bus|truck|train) hits|don'?t see a future|"
            r"hop\w* (?:the|my|a) (?:plane|flight) (?:goes down|crashes)|"
            rf"disappointed (?:that )?{v.subj} (?:woke up|am still alive|was still alive|survived)"
            r"\s*(?:[.!,;]|$|again|this morning|today)|"
            rf"(?:don'?t|doesn'?t|can'?t) see {v.self_} (?:making it|being (?:here|around|alive)|"
            r"surviving|lasting|getting through)|"
            r"takes me and i don'?t come back|until i can (?:finally )?be gone)",
        ),
        pattern(
            "plan-or-means",
            SUICIDAL,
            rf"(?:(?:sav|stockpil|hoard|stash)\w*(?: up)? (?:{v.poss} |all (?:{v.poss} )?|the |some )?"
            r"(?:sleeping )?(?:pills|meds|medications?|tablets)|(?:pills|meds) saved|enough pills|"
            r"(?:stockpile|stash|hoard) of (?:\w+ )?(?:pills|meds|medications?|tablets|oxy\w*|"
            r"opioids?|painkillers?|sleeping pills|benzos?|insulin|\w+codone|fentanyl|morphine)|"
            r"how many[^.]{0,30}(?:pills|tablets)[^.]{0,30}(?:take|would|lethal)|"
            r"overdos\w*(?=[^.]{0,25}\b(?:meds|medication|pills|tablets|sleeping)\b)|"
            r"\b(?:an|the) overdose\b|overdosing|overdosed on purpose|"
            r"driv(?:e|ing) (?:my car |the car )?(?:into|off) (?:a |the )?(?:wall|tree|bridge|cliffs?|"
            r"oncoming traffic|overpass)|"
            r"(?:train|bus|truck|traffic)\b[^.]{0,40}\bstep(?:ping|ped)? (?:forward|out|in front)|"
            r"step(?:ping)? (?:out )?in front of (?:a |the )?(?:train|bus|truck|car|traffic)|"
            r"(?:jump|jumping) (?:off|from)|bridge i'?d|goodbye (?:letters?|notes?)|note in case|"
            r"goodbye[^.]{0,40}\b(?:the last time|for the last time|for good|forever)|"
            r"(?:bought|have|has|got|keeps?|kept|hid|hidden) (?:a |the )?(?:rope|noose)\b|noose|"
            r"bought a gun|"
            rf"(?:giv(?:ing|e|en)|gave) away {v.poss} (?:things|stuff|belongings)|plan and a date|"
            rf"gun is|(?:painless|quick|easy) ways? to die|ways to (?:die|kill {v.self_})|"
            rf"swallow(?:ed)? the whole bottle|roof edge|stepping off|go through with it|"
            rf"how {v.subj}'?d do it|knives[^.]{{0,60}}{v.self_}|telling {v.obj} to jump)",
        ),
        pattern(
            "self-harm",
            SELF_HARM,
            rf"\b(?:cut(?:ting|s)? (?:{v.self_}|{v.poss} (?:arms?|wrists?|thighs?|legs?|skin|stomach))|"
            r"cutting again|(?:start|started|starts|relapsed (?:into|on)|back to|history of|from|"
            r"mentioned|admitted to|admits to) cutting\b|cut again|"
            rf"burn(?:ed|t|ing|s)? (?:{v.self_}|{v.poss} (?:arms?|skin|hands?|wrists?|legs?))|"
            rf"hurt(?:ing|s)? {v.self_}|harm(?:ing|s)? {v.self_}|self[- ]?harm\w*|"
            rf"scratch\w* (?:{v.poss} )?(?:wrists?|arms?|skin|legs?)[^.]*(?:bleed|bled|razor|blood)|"
            rf"razor|hit(?:ting|s)? {v.self_}|punch\w* (?:{v.self_}|(?:the |a )?walls?)[^.]*"
            r"(?:on purpose|deserve\w*|bleed|bled|broke)|wants? to bleed|carv\w* into|"
            rf"(?:fresh|new|self-inflicted) (?:cuts|burns|wounds)|cuts on {v.poss} "
            r"(?:fore)?(?:arms?|wrists?|thighs?|legs?|stomach))|"
            # self-punishment through the body is self-harm too
            rf"starv\w* {v.self_}|{v.self_}[^.]{{0,40}}\bas (?:a )?punishment|"
            rf"(?:hit|hitting|bang\w*|bash\w*|slam\w*) {v.poss} head (?:against|into) (?:the |a )?walls?|"
            rf"(?:hit|hitting|bang\w*|bash\w*|slam\w*) {v.poss} head[^.]{{0,30}}(?:on purpose|until|till)",
        ),
        pattern(
            "harm-others",
            OTHERS,
            rf"\b(?:{threat}\s*(?:\w+\s+)?{VIOLENCE}\s+{PERSON}\b{NOT_VIOLENT}|"
            rf"{threat}\s*(?:\w+\s+)?(?:run(?:ning)? {PERSON} over|push(?:ing)? {PERSON} "
            rf"(?:down|off|over|into|in front)|shak(?:e|ing) (?:the|my|her|his) baby)|"
            rf"(?:almost|nearly) (?:killed|hit|choked|strangled|stabbed|hurt|shook) {PERSON}\b{NOT_VIOLENT}|"
            rf"make (?:them|him|her|them all|{PERSON}) (?:all )?(?:pay|suffer)|"
            rf"what {v.subj} might do to {PERSON})",
        ),
        pattern(
            "medical-red-flag",
            MEDICAL,
            r"(?:chest (?:pain|pains|has been hurting|hurts|hurting|aches?|aching|pressure)|"
            r"chest[^.]{0,25}(?:hurting|pain|ache|aching|crushing)|pain in (?:my|her|his|the) chest|"
            r"blood pressure (?:was |is |has been |reading (?:was |is )?)?(?:really |very |super |"
            r"dangerously |extremely |so )?(?:high|through the roof|sky[- ]high)|"
            r"\bbp\b[^.]{0,20}\d{3}|\b(?:1[89]\d|2\d\d)\s*(?:/|over)\s*\d{2,3}\b|"
            r"can'?t get (?:any )?air(?: in)?|\bfaint(?:ed|s)\b|keeps? fainting|passed out|passing out|"
            r"blacked out|collaps(?:ed|ing)|"
            r"(?:lost|losing|lose) consciousness|unconscious|seizure|"
            r"(?:can'?t|cannot|couldn'?t|haven'?t been able to|hasn'?t been able to|unable to|"
            r"not able to) (?:pee|wee|urinate|pass urine)|burns when (?:i|she|he|they) (?:pee|urinate)|"
            r"blood in (?:my|her|his|their|the) (?:urine|pee)|bladder (?:hurts|pain|is burning)|"
            r"(?:can'?t|cannot|couldn'?t|could not) (?:catch (?:my|her|his|their) breath|breathe|"
            r"get a (?:full )?breath)|lips? (?:went|look|looked|turned) blue|"
            r"(?:can'?t|couldn'?t) stop (?:throwing up|vomiting)|vomiting (?:nonstop|non-stop|for hours)|"
            r"numb on one side|one side of (?:my|her|his) (?:body|face)|(?:left )?arm (?:is|went) numb|"
            r"(?:face|arm|leg|side) (?:went|is|feels?|felt|goes) numb|numb(?:ness)? on (?:the |my |her |"
            r"his )?(?:left|right)|speech (?:was |is |went |got )?(?:weird|slurred|garbled|strange)|"
            r"woke up on the (?:\w+ )?floor|came to on the (?:\w+ )?floor|"
            r"vision went (?:blurry|dark|black)|worst headache|heart is going to explode)",
        ),
        pattern(
            "medical-persistent",
            MEDICAL,
            r"(?:chest (?:\w+ )?(?:tight\w*|heavy|heaviness)|heart (?:\w+ )?(?:racing|pounding|"
            r"irregular)|blood pressure (?:was |is |has been )?(?:up|high)|dizz\w+|light-?headed)",
            context=r"\b(?:since|still|won'?t (?:stop|go away)|hasn'?t (?:stopped|gone away)|"
            r"all (?:day|night)|for hours|hours (?:later|after)|getting worse|worse and worse|"
            r"can'?t stand|keeps? (?:happening|coming back))\b",
            unless=r"\b(?:then|passed|eased|settled|came (?:back )?down|went away|cleared up)\b",
        ),
    )


# Benign exceptions: death-and-rebirth imagery, grief, hyperbole, explicit denial.
EXCEPTIONS = tuple(
    re.compile(expression, re.IGNORECASE)
    for expression in (
        r"\b(?:ego|old (?:self|version(?: of me)?|me)|self|part of me|something in me)\b[^.]{0,30}"
        r"\b(?:die|died|dying|death|dissol\w*|melt\w*|demolish\w*)",
        r"\b(?:death and rebirth|reborn|rebirth)\b",
        # a past-tense session narrative that ends in peace: "I died and it was beautiful"
        r"\b(?:stopped existing|disappeared|dissolved|vanished|melted|was erased|died|"
        r"became nothing)\b[^.]{0,60}\b(?:and it (?:was|felt)|it was|it felt|felt like) (?:\w+ )?"
        r"(?:peace\w*|beautiful|bliss\w*|rest\w*|calm\w*|freeing|gentle|soft|safe|warm|lovely|"
        r"amazing|okay|fine)\b",
        r"\b(?:killing me|kill me one day|death of me|dying (?:to|of|laughing)|died (?:laughing|of)|"
        r"thought i'?d die|dead tired|early grave|murder a \w+|killed it|literally die|"
        r"kill off)\b",
        r"\bdie (?:of|from) (?:happiness|joy|embarrassment|laughter|laughing|boredom|shame|"
        r"cuteness|excitement)\b|\bstop existing as (?:a|an|the)\b|\bso \w+ (?:that )?i could die\b",
        r"\bkill (?:off |the |my |that |this )(?:\w+ ){0,2}?(?:voice|critic|part|habits?|urges?|"
        r"thoughts?|fears?|doubts?|negativity|ego|perfectionism|vibe|mood|buzz)\b",
        r"\bin an? (?:philosophical|existential|curious|abstract|spiritual) (?:way|sense)\b|"
        r"\bnot wanting (?:it|to die|death)\b",
        r"\bsleep (?:better|more|in|longer|well|through the night)\b|"
        r"\bsleep (?:\w+ ){0,3}and wake up (?:in|when|after|refreshed|rested|new)\b",
        r"\bgoodbye (?:letter|note)s? to (?:my |the )?(?:old|younger|former|past|inner) (?:self|me|"
        r"version|child)|\bgoodbye to (?:my |the |our |this )?(?:\w+ )?(?:home|house|job|city|"
        r"apartment|office|school|flat|town)\b",
        r"\bend (?:this|that|a|the) (?:chapter|phase|season|era|cycle|pattern)\b",
        r"\bdeath (?:doesn'?t|does not|no longer) (?:scare|frighten)|\b(?:not|less|no longer) "
        r"(?:afraid|scared|frightened) of (?:death|dying)\b",

        r"\b(?:this|that|these|those|the|my) (?!husband|wife|partner|boyfriend|girlfriend|ex\b|"
        r"father|dad|stepdad|stepfather|brother|son)\w+ (?:is|are|will be) (?:going to|gonna) "
        r"kill me\b|\b(?:going to|gonna) kill me\b[^.]{0,15}\b(?:lol|lmao|haha|one day)\b",
        r"\bkilling (?:myself|herself|himself) (?:at|with|over|for) (?:work|the gym|the office|"
        r"(?:this|my|her|his) job|nothing|overtime)\b",
        r"\b(?:not|never|no|don'?t have any|haven'?t|hasn'?t|without|denies|denied)\b[^.]{0,25}"
        r"\b(?:suicid\w*|hurt(?:ing)? (?:myself|herself|himself)|self[- ]?harm\w*|thoughts of|plans? to)",
        r"\b(?:i'?m|she'?s|he'?s) not going to hurt (?:myself|herself|himself)\b",
        r"\bdon'?t (?:want to die|feel like i want to disappear)\b",
        r"\bwith emotion\b|\bfor a moment\b",
        # suicide loss and overdose deaths of others are grief, not the writer's crisis
        r"\b(?:died|dies|lost (?:\w+ ){0,3}to|death) (?:by|to|from) suicide\b|"
        r"\bsuicide (?:loss|survivors?|prevention|hotline|awareness)\b|"
        r"\b(?:\w+'s|his|her|their) suicide\b(?! (?:attempt|plan|note|risk|ideation|thoughts))",
        r"\b(?:died|passed away|lost \w+) (?:of|from|to) (?:an? )?overdose\b|\bwho overdosed\b",
        r"\boverdos\w* on (?!(?:my |her |his |their |the |all )?(?:meds|medications?|pills|tablets|"
        r"sleeping|painkillers|insulin|tylenol|ketamine|lozenges|drugs|heroin|fentanyl|opioids?|purpose)\b)\w+",
        # ending a relationship, a job, a marriage
        r"\bend(?:ing|s)? (?:it|things) with\b|"
        r"\bwants? out of (?:this|my|the|that|our) (?!life|world|existence|body|misery)\w+",
        r"\bhurt (?:\w+ )?feelings\b",
        r"\bsleep (?:for )?(?:a|the whole|all|an entire) (?:week|day|weekend|month|year)\b",
        r"\bwithout (?:me|her|him|them) for (?:a|the|one|two|\w+) (?:day|days|week|weeks|while|bit|"
        r"night|weekend|month|hour|hours)\b",
        r"\b(?:no|not|never|without|denies|denied|didn'?t (?:have|feel))\b[^.]{0,20}"
        r"\b(?:chest pain|faint\w*|passed out|blood in|trouble (?:breathing|peeing))",
    )
)
# Whole-sentence exceptions: a therapist asking how to screen for risk is not reporting it.
SCREENING = re.compile(
    r"\b(?:how (?:do|can|should) i|gentle way to|best way to|tips? (?:for|on)) (?:ask|screen|"
    r"assess|bring up|talk about|raise)\b(?![^.?!]*\b(?:she|he|they) (?:said|says|told|wrote|"
    r"mentioned)\b)",
    re.IGNORECASE,
)
PAST = re.compile(
    r"\b(?:years ago|decades? ago|long ago|used to|when i was (?:a |\w+teen|\d+|young|little|in)|"
    r"in high school|in college|back in (?:college|school|high school|the day|my \w+)|"
    r"back then|as a (?:teen\w*|kid|child|student)|in my (?:teens|twenties|20s|youth|childhood))\b",
    re.IGNORECASE,
)
RECENT = re.compile(
    r"\b(?:again|still|lately|recently|tonight|last night|yesterday|currently|right now|"
    r"this (?:week|morning))\b",
    re.IGNORECASE,
)
# Grief is not judged by similarity: mourning reads like wanting death to MiniLM.
GRIEF = re.compile(r"\b(?:griev\w*|mourn\w*|funeral|in memory|passed away|rest in peace)\b", re.I)
# Sentences that affirm life are not judged by similarity (MiniLM reads past the negation).
AFFIRMS_LIFE = re.compile(
    r"^(?!.*\b(?:not|n'?t|never|no longer|anymore|any more)\b).*"
    r"\b(?:wants?|wanting|choose|chose|choosing|decided|ready) to (?:live|be alive|stay alive|"
    r"keep living)\b",
    re.IGNORECASE,
)
# A medical finding by similarity needs a symptom word, and is dropped when the symptom
# was mild or passed ("dizzy for a minute then fine", "my chest felt open").
SYMPTOM = re.compile(
    r"\b(?:faint\w*|pass(?:ed)? out|collaps\w*|black(?:ed)? out|blood|bleed\w*|pee\w*|wee|"
    r"urin\w*|bladder|belly|abdom\w*|kidney\w*|breath\w*|vomit\w*|throw(?:ing)? up|numb\w*|"
    r"slurr\w*|droop\w*|pressure|bp|heart|chest|seizure|conscious\w*|swollen|headache|vision|"
    r"stroke)\b",
    re.IGNORECASE,
)
MILD_OR_PASSED = re.compile(
    r"\b(?:then (?:it )?(?:was )?(?:fine|ok(?:ay)?|better|normal|passed|eased|settled|released|"
    r"lifted|softened|calmed)|(?:passed|eased|settled|released|lifted|softened|calmed down|"
    r"came (?:back )?down|went away|cleared up|faded)|for a (?:second|sec|moment|minute|bit|"
    r"few (?:seconds|minutes))|a (?:little|bit|touch)|slight(?:ly)?|mild(?:ly)?|normal (?:again|after)|"
    r"back to normal|helped|fine after|(?:felt|feels|feel) (?:open|warm|light|soft|full|expansive|"
    r"glowing|alive))\b",
    re.IGNORECASE,
)


class CrisisRule:
    """Flags crisis sentences by pattern or by similarity to labelled crisis exemplars.

    ``reported=True`` (a therapist's question) also reads third-person reports of a
    client's own suicidality and self-harm.
    """

    name = NAME

    def __init__(self, exemplars: ExemplarSet | None, reported: bool = False):
        self.exemplars = exemplars
        self.reported = reported
        self.patterns = build_patterns(REPORTED if reported else FIRST, reported)

    def semantic_allowed(self, sentence: Sentence, context: str | None = None) -> bool:
        text = sentence.text
        return not (
            any(regex.search(text) for regex in EXCEPTIONS)
            or PAST.search(text)
            or AFFIRMS_LIFE.search(text)
            or GRIEF.search(text)
        )

    def semantic_keeps(self, sentence: Sentence, category: str) -> bool:
        """Whether a similarity match of ``category`` stands for this sentence."""
        if category != MEDICAL:
            return True
        return bool(SYMPTOM.search(sentence.text)) and not MILD_OR_PASSED.search(sentence.text)

    def analyze(
        self, sentence: Sentence, vector: np.ndarray | None, context: str | None = None
    ) -> list[Finding]:
        if SCREENING.search(sentence.text):
            return []
        exceptions = [span for regex in EXCEPTIONS for span in spans_of(regex, sentence.text)]
        findings = [
            self._in_time(sentence, f)
            for f in match_patterns(NAME, self.patterns, sentence, exceptions)
        ]
        if not findings and vector is not None and self.exemplars is not None:
            if self.semantic_allowed(sentence):
                semantic = self._semantic(sentence, self.exemplars.nearest(vector[None])[0])
                findings = [semantic] if semantic else []
        return _one_per_category(findings)

    def _semantic(self, sentence: Sentence, nearest: Nearest) -> Finding | None:
        if not self.semantic_keeps(sentence, nearest.exemplar.category):
            return None
        return self.exemplars.finding(sentence, nearest) if self.exemplars else None

    @staticmethod
    def _in_time(sentence: Sentence, finding: Finding) -> Finding:
        """Widen to the whole sentence; a distant-past clause becomes a history finding."""
        clause = clause_of(sentence.text, finding.start - sentence.start)
        past = PAST.search(clause) and not RECENT.search(clause)
        return finding.model_copy(
            update={
                "start": sentence.start,
                "end": sentence.end,
                "category": HISTORY if past else finding.category,
                "detail": finding.detail + (" (distant past, not current)" if past else ""),
            }
        )


def _one_per_category(findings: list[Finding]) -> list[Finding]:
    seen, kept = set(), []
    for finding in findings:
        if finding.category not in seen:
            seen.add(finding.category)
            kept.append(finding)
    return kept
