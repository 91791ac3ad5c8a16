"""Crisis rule: suicidal ideation, self-harm, harm to others, medical red flags after a session.

Crisis content is never blocked or hidden; this rule only flags it. Findings span the
whole sentence so it can be quoted verbatim.

Voice: a client's journal speaks in the first person ("I want to kill myself"); a
therapist's question reports the client in the third ("she wants to kill herself", "he
has been stockpiling pills"). ``CrisisRule(reported=True)`` also reads the reported forms,
and a client's own suicidality or self-harm stays in those categories however it is told.

Time and negation: ideation in a clause marked as distant past ("years ago", "used to")
without a recency cue ("again", "lately") becomes a finding in the past tense, shown but
not flagged as current; explicit denials ("I'm not suicidal") are dropped. Ketamine narratives
are full of death imagery: ego death, rebirth, grief, suicide loss and hyperbole ("this week
is killing me") are benign exceptions. Medical red flags are hard signs (chest pain,
fainting, can't breathe, can't urinate, very high blood pressure); ordinary body sensations
after a session ("my chest felt open", "dizzy for a minute then fine") are not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from assistant.guard.packs import load_pack
from assistant.guard.rules.base import Pattern, match_patterns, pattern, spans_of
from assistant.guard.semantic import ExemplarSet, Nearest
from assistant.guard.text import Sentence, clause_of, has_words
from assistant.models import Finding

NAME = "crisis"
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
    r"(?:going to|gonna|wants? to|wanted to|wanna|will|i'?ll|might|i should |"
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
            rf"\b(?:kill(?:ed|ing|s)? {v.self_}|end(?:ing|s)? (?:{v.poss} (?:own )?life|it all|things|it)\b|"
            rf"tak(?:e|es|ing) {v.poss} (?:own )?life|finish(?:ing)? (?:with )?{v.poss} life|suicid\w*|"
            r"(?:wants?|wanted|wanting|wanna|going|gonna) to die|want(?:s|ed)? to be dead|"
            r"plan(?:s|ning)? (?:on|to) (?:die|dying|be dead|not be(?:ing)? (?:here|alive|around))\b|"
            rf"(?:wish|wishes|hope|hopes) {v.subj} (?:was|were) dead|better off dead|rather be dead|"
            r"(?:i'?d|would) rather die\b|"
            r"(?:don'?t|doesn'?t|do not|does not|no longer) wants? to (?:be alive|live|exist|be here|"
            r"wake up)|tired of (?:existing|living|being alive|life)|stop existing|"
            rf"(?:don'?t|do not) (?:think|know if) {v.subj} (?:still |even )?wants? to (?:be alive|live|"
            r"exist|be here|go on|keep going|wake up)|"
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
            r"stay alive)|attempted|check(?:ing)? out (?:for good|early|permanently)|"
            r"(?:would|'d) be a mercy|(?:hoping|hope|wish\w*) (?:my|the) (?:number|time) (?:comes|is) up|"
            r"don'?t expect to (?:see|make it to) (?:the |another |next )?(?:spring|summer|autumn|fall|"
            r"winter|christmas|new year|next year|birthday)|"
            # Spanish and French
            r"quitar(?:me|se|te) la vida|me quiero morir|quiero morir(?:me)?|no quiero (?:vivir|seguir "
            r"viviendo|despertar)|suicid\w*|matarme|acabar con (?:todo|mi vida)|"
            r"je veux mourir|envie de mourir|me tuer|en finir|mettre fin à (?:mes|ses) jours|"
            r"ne plus me réveiller|ne plus exister|no me deje despertar|no despertar(?:me)?|"
            r"ya no quiere?o? vivir|no quiere?o? (?:seguir )?vivir|ne veut plus vivre|"
            r"permanent (?:nap|sleep|solution)|hard shutdown|"
            r"(?:take|takes|took) me in my sleep|help (?:him|her|it|god|the lord) along|"
            r"wouldn'?t mind (?:if (?:i|the|a|something)|not (?:existing|being here|waking)|dying|"
            r"being dead|never waking)|"
            r"(?:hop|wish|pray)\w*[^.]{0,40}\b(?:stops? my heart|kills? me|is the one that|takes? me)\b|"
            r"(?:wish|hope|pray)\w*[^.]{0,25}not to wake(?: up)?\b|"
            r"(?:look\w* up|research\w*|search\w*|googl\w*) (?:\w+ )?ways? (?:out|to die|to do it)|"
            r"(?:don'?t|do not) want the rest of (?:my|this) life|(?:don'?t|do not) think (?:i'?ll|i will) "
            r"make it (?:through|to)|young enough to forget me|"
            r"i'?d be joining (?:her|him|them|my \w+|\w+) (?:again )?soon\b|"
            r"if (?:the cold|it|god|the lord|the pain|the illness|the dark) takes me\b|"
            r"(?:lord|god) (?:can|could|will) (?:take it from here|decide)|"
            r"(?:collision|crash|accident|asleep at the wheel|truck|car)\b[^.]{0,40}\b(?:would be|be) (?:a )?"
            r"relie\w*|part of me would be relieved|not swerving|"
            r"wish (?:it )?(?:were|was) me (?:in that bed|instead|who died)|envying (?:the )?(?:dying|dead)|"
            r"last thing (?:anybody|anyone|people) (?:ever )?hears? from me|"
            r"wish\w* (?:i'?d|i could|i would) (?:just )?go quietly|"
            r"ask (?:him|her|them|god) to come (?:and )?(?:get|take) me|outlived my usefulness|"
            r"(?:it'?s|it is) time for me to go\b|time to go for good|"
            r"to see if (?:i|she|he|they)'?d do it|us(?:e|ing) it on (?:myself|herself|himself)|"
            r"(?:terminal|cancer|diagnosis|sick|something happened to me)\b[^.]{0,40}\b(?:relie\w*|welcome "
            r"it|wouldn'?t fight|let it take me)|hopes? the cancer comes back|(?:would|'d) welcome it|"
            r"(?:i'?d|i would|i will|i'?ll) (?:just )?let it take me|(?:kept|keep) me under (?:forever|for good)|(?:my|my own) funeral\b[^.]{0,40}\b(?:relief|reliev\w*)|"
            r"(?:fine|okay|ok) with not (?:being (?:around|here|alive)|waking up|existing)|"
            r"arrangements to not be here|not be here by (?:then|next|the)|done trying to (?:live|stay alive|"
            r"keep going)|(?:wanna|want to|ready to|gonna|going to) catch the bus\s*(?:[.!,;]|$)|"
            r"(?:wish|hop|pray)\w*[^.]{0,60}\bnot (?:recover|wake|survive|come back)|"
            r"(?:certainty|decided|know) (?:that )?i'?m done\b(?! with| for the day| for today)|pity it wasn'?t (?:worse|the end)|"
            r"(?:cleanest|easiest|easy|only|best|quickest) way out\b(?! of)|hop\w* i (?:go|die|pass) in my sleep|"
            r"(?:wish|wishing|would like|want)\w* (?:for )?an? (?:gentle|quick|fatal|terminal) illness|"
            r"(?:sleep|bed)\b[^.]{0,30}\bhoping (?:that'?s|this is) it\b|don'?t want the morning|keep hoping something (?:like that )?"
            r"happens|not come back out of this life|"
            r"easier to (?:just )?not (?:exist|be here|come back|wake)|(?:swerved|crash\w*|hit me|towards me)\b[^.]{0,60}\bfirst (?:feeling|thought) was relief|"
            r"see the point (?:in |of )?going on|nothing'?s? (?:is )?worth sticking around for|"
            r"(?:don'?t|do not) (?:think i )?want to keep (?:doing (?:it|this)|going|living)(?=\s*[.!,;]|$|"
            r"\s+any ?more)|"
            r"(?:finds?|found) something terminal|(?:hope|hoping|wish)\w*[^.]{0,40}\bterminal\b|"
            r"by my own hand|last thing i (?:do|did|'ll do) well|asked the (?:dark|night|river|sea) to "
            r"(?:keep|take) me|muddle along[^.]{0,30}without me|get along (?:fine |just fine |better )without "
            r"me|"
            r"half hoping it (?:does )?(?:comes? back|gets worse|spreads)|not a question of if anymore|"
            r"hop\w* i wouldn'?t come back|won'?t be here (?:for|by|at|when)\b|"
            r"easier if i (?:just )?(?:faded|disappeared|wasn'?t here|died|was gone)|\boff (?:myself|herself|"
            r"himself)\b|"
            r"i'?m not safe (?:tonight|right now|today)|don'?t trust myself (?:around myself|tonight|alone)|"
            r"(?:asking|ask|begging) (?:god|the lord|him) to (?:be ready for me|take me(?!\s+(?:to|home|out|"
            r"with|along|back|for)))|"
            r"(?:next year|the future|the spring|christmas|summer) with me in it|future me\b[^.]{0,30}\bwon'?t be|"
            r"(?:don'?t|do not) plan on being (?:around|here|alive)|(?:don'?t|do not) care (?:whether|if) "
            r"i live or die|sick enough to (?:just )?(?:fade|die|not)|only way (?:out )?(?:\w+ ){0,6}?is to "
            r"die|['\"‘“]just die['\"’”]|think(?:ing)? about dying\b(?=[^.]*\b(?:every|most|all the time|"
            r"night|lately|again))|(?:walk through it|go in) and not (?:come back|come out)|how easy it "
            r"would be to (?:die|end it|not wake|go in and not)|this is goodbye|(?:meant|means|meaning) dying)",
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
            rf"if {v.subj} (?:just )?(?:wasn'?t|weren'?t) (?:here|around)|if {v.subj} (?:were|was) gone|"
            r"favou?r by (?:disappearing|dying|being gone)|life insurance|"
            r"hopes? (?:a|the) (?:car|bus|truck|train) hits|don'?t see a future|"
            r"hop\w* (?:the|my|a) (?:plane|flight) (?:goes down|crashes)|"
            rf"disappoint(?:ed|ment) (?:that )?{v.subj} (?:woke up|am still alive|was still alive|survived)"
            r"\s*(?:[.!,;]|$|again|this morning|today)|"
            rf"(?:don'?t|doesn'?t|can'?t) see {v.self_} (?:making it|being (?:here|around|alive)|"
            r"surviving|lasting|getting through)|"
            r"takes me and i don'?t come back|until i can (?:finally )?be gone)",
        ),
        pattern(
            "plan-or-means",
            SUICIDAL,
            rf"(?:(?:sav|stockpil|hoard|stash)\w*(?: up)? (?:{v.poss} |all (?:{v.poss} )?|the |some )?"
            r"(?:[\w']+ ){0,4}(?:sleeping )?(?:pills|meds|medications?|tablets)|"
            r"how many (?:i'?d|she'?d|he'?d|they'?d|it would) (?:need|take)\b|"
            rf"(?:keeping|holding) back {v.poss} [\w ]{{0,15}}(?:pills|meds|medications?)\b|"
            rf"for when {v.subj}'?(?:m| am|'s| is|'re| are) ready|planning to take (?:them|it|all)\b|"
            r"take them all together|(?:has|have|got|with) a date (?:picked|chosen|set)\b|"
            r"(?:the )?last loose end|without (?:her|him|them) knowing it was (?:goodbye|the last)|"
            r"(?:looked|stared) (?:over|down) (?:the edge|from the (?:overpass|bridge|roof))|"
            r"(?:don'?t|dont) try to talk me out of it|taking (?:every single one|all of (?:it|them)|the whole "
            r"(?:bottle|box|pack)) at once|thinks? about taking all of (?:it|them)|my plan is (?:the|a) (?:lake|river|bridge|pills|train|gun|rope|sea|"
            r"ocean|overpass)|eat(?:ing)? (?:a|my) bullet|"
            rf"plan\w* {v.poss} (?:own )?funeral|deliberately stopped {v.poss} [\w ]{{0,15}}(?:medications?|"
            r"meds|pills)|"
            r"my plan is to (?:wait|do it)\b|tying up loose ends|that'?s when i(?:'d| would| will|'ll) do it|"
            r"\b(?:sorted|updated|wrote|made|finished|changed) (?:out )?(?:the|my) will\b|final-sounding|"
            r"final (?:calls|goodbyes?|messages)|(?:chosen|picked|chose) the (?:river|bridge|place|spot|"
            r"hour|day|night|time)\b|(?:updated|changed) (?:the |my )?beneficiar\w+|instructions for my "
            r"executor|scheduled (?:the |my )?(?:emails?|"
            r"messages?|texts?) to (?:send|go out)|(?:they|she|he) (?:don'?t|doesn'?t) know (?:it'?s|its|it "
            r"was) (?:bye|goodbye)|said (?:bye|goodbye) properly to everyone|arrangements with the funeral home|"
            r"(?:paid|prepaid) for my (?:own )?funeral|"
            r"engine running\b[^.]{0,40}\b(?:door (?:down|shut|closed)|shed|garage)|(?:shed|garage)\b"
            r"[^.]{0,40}\bengine running|(?:rat bait|poison|pesticide|weedkiller|drench)\b[^.]{0,60}\b"
            r"(?:where i can get|get at (?:them|it)|easy to reach|by the bed)|"
            r"how long it takes (?:for )?(?:someone|a body|a person)[^.]{0,30}to be found|"
            r"car,? garage,? (?:and )?hose|hose (?:to|from|in) the (?:exhaust|car)|"
            r"plan b\b[^.]{0,30}\b(?:pistol|gun|rifle|pills)|"
            rf"knows? (?:exactly )?what {v.subj} (?:would|'d) take from|(?:looking|looked) up (?:the )?(?:tallest|"
            r"highest) (?:parking|buildings?|bridges?|structures?)|"
            r"rehom\w+ (?:my|our) (?:cat|dog|pets?)\b[^.]{0,40}\b(?:told|said)|"
            r"looked up (?:lethal|fatal|deadly) (?:amounts?|doses?)|lethal (?:amounts?|doses?)|"
            r"garage with the (?:car|engine) running|(?:car|engine) running in the garage|"
            r"swerv\w* into (?:the |a )?(?:river|lake|sea|water|traffic|tree|wall|oncoming|overpass|pillar|"
            r"pole|bridge|barrier)|"
            r"taking (?:all of us|them|the kids) with me|(?:standing|stood) on the roof (?:of (?:my|her|his|the) (?:building|"
            r"apartment|garage|hospital)|at night)|"
            r"(?:stockpil|hoard|stash)\w*(?: up)? (?:her |his |my |the |some |all )?(?:[\w']+ ){0,3}?"
            r"(?:\w+done|\w+pam|\w+lam|insulin|opioids?|oxy\w*|painkillers?)\b|"
            r"(?:meds|pills|methods?|drugs)\b[^.]{0,30}\b(?:quickest|fastest|most painless|"
            r"least painful)|(?:most painless|least painful) (?:way|method)|(?:quickest|fastest) "
            r"(?:way|method) to (?:die|go|end it|do it)|"
            r"(?:rifle|gun|pills|rope|bridge|woods)\b[^.]{0,40}\bnot coming back\b|"
            r"when (?:they|she|he) find me\b|when they find the letters?\b|"
            rf"st(?:ood|and|anding) (?:at|on) the edge\b(?=[^.]*\b(?:going back|long time|looked down|jump|"
            r"thought about))|looked up how long it (?:takes|would take)|"
            rf"(?:hymns|songs) i want (?:at|for) my funeral|my (?:own )?funeral plans?|planned {v.poss} "
            r"(?:own )?funeral|i'?ve decided on the end of the \w+|won'?t need [^.]{0,30}where i'?m going|"
            r"log(?:ging)? off\W+(?:permanently|for good|forever)|put myself down like (?:an? )?(?:old )?(?:dog|horse|animal)|"
            r"(?:gun|pistol|rifle|firearm)\b[^.]{0,40}\b(?:nightstand|by (?:my|the) (?:chair|bed)|"
            r"keep taking it out|taking it out|cleaned and)|eating (?:your|my|his|her) gun|"
            rf"stopped (?:refilling|taking) {v.poss} [\w ]{{0,15}}(?:medications?|meds|pills)\b[^.]{{0,60}}"
            r"\b(?:on purpose|lord|god|decide|take it from here)|"
            rf"(?:which|what) (?:drugs|meds|pills|medications?)[^.]{{0,40}}\b{v.subj}'?d use|"
            r"access to (?:medications|meds|drugs|pills)\b[^.]{0,60}\bdone the math|"
            r"will\b[^.]{0,80}\bletters? to|who gets my (?:gear|stuff|things|guns?|tools|car|dog|cat)|"
            r"which friend should take the kids|just need to (?:pick|choose) the (?:day|date)\b|inheritance early|"
            r"proper goodbyes? to each|count(?:ed|ing)? (?:the|my) pills|saved up enough (?:pills|meds|of "
            r"them|to make sure)|"
            r"stepped back at the last (?:moment|second)|stood on the (?:railway|train|rail) (?:crossing|"
            r"tracks?)|(?:pulled|got) (?:out )?(?:the |my )?(?:old )?blade|"
            r"(?:pills|meds) saved|enough pills|"
            r"(?:stockpile|stash|hoard) of (?:\w+ )?(?:pills|meds|medications?|tablets|oxy\w*|"
            r"opioids?|painkillers?|sleeping pills|benzos?|insulin|\w+codone|fentanyl|morphine)|"
            r"how many[^.]{0,30}(?:pills|tablets)[^.]{0,30}(?:take|would|lethal)|"
            r"overdos\w*(?=[^.]{0,25}\b(?:meds|medication|pills|tablets|sleeping)\b)|"
            r"\b(?:an|the) overdose\b|overdosing|overdosed on purpose|"
            r"driv(?:e|ing) (?:my car |the car )?(?:into|off) (?:a |the )?(?:wall|tree|bridge|cliffs?|"
            r"oncoming traffic|overpass)|"
            r"(?:train|bus|truck|traffic)\b[^.]{0,40}\bstep(?:ping|ped)? (?:forward|out|in front)|"
            r"step(?:ping)? (?:out )?in front of (?:a |the )?(?:train|bus|truck|car|traffic)|"
            r"(?:jump|jumping) (?:off|from)|sauter (?:du|d'un|de l[a']|par la) ?(?:balcon|pont|toit|"
            r"fen[êe]tre|immeuble|falaise)|me jeter (?:sous|d'un|du|par la)|(?:tirarme|lanzarme|aventarme|"
            r"saltar) (?:del|de un|de la|desde el|desde un|por la) (?:balc[óo]n|puente|techo|azotea|ventana|"
            r"edificio)|bridge i'?d|goodbye (?:letters?|notes?|texts?|messages?|emails?|videos?)|note in case|"
            r"goodbye[^.]{0,40}\b(?:the last time|for the last time|for good|forever)|"
            r"(?:worked out|figured out|calculated|counted out)\b[^.]{0,60}\bto (?:die|do it|end (?:it|her "
            r"life|his life|my life))\b|"
            r"(?:bought|have|has|got|keeps?|kept|hid|hidden) (?:a |the )?(?:rope|noose)\b|noose|"
            r"bought a gun|"
            rf"(?:giv(?:ing|e|en)|gave) away {v.poss} (?:things|stuff|belongings|tools|gear|guns?|"
            r"possessions)|plan and a date|"
            rf"gun is|(?:painless|quick|easy) ways? to die|ways to (?:die|kill {v.self_})|"
            rf"swallow(?:ed)? the whole bottle|roof edge|stepping off (?:the|a) (?:edge|ledge|roof|bridge|platform)|go through with it|"
            rf"how {v.subj}'?d do it|knives[^.]{{0,60}}{v.self_}|telling {v.obj} to jump|"
            r"(?:loaded (?:gun|pistol|firearm|rifle|revolver|shotgun)|(?:gun|pistol|firearm|rifle|"
            r"revolver|shotgun)\b[^.]{0,50}\b(?:loaded|out of the safe|to (?:my|her|his) head|in (?:my|"
            r"her|his) mouth|sat with|sit with|sits with|holding it|held it))|"
            r"(?:chosen|chose|picked|set|have) (?:a|the) date\b|"
            rf"(?:put|putting|got|getting|get) {v.poss} (?:affairs|things|papers|house) in order|"
            r"(?:everything|all my \w+) (?:for|to) (?:my|her|his) \w+ (?:so|in case)[^.]{0,40}\bafter\b|"
            r"(?:passwords|will|accounts)\b[^.]{0,50}\b(?:after\b|when i'?m gone|in case)|"
            r"how (?:high|tall|far down)\b[^.]{0,40}\b(?:garage|bridge|building|roof|balcony|cliff|"
            r"tower|floor)|which floor|"
            r"(?:truck|car|bus|train)\b[^.]{0,50}\bwouldn'?t (?:swerve|move|brake|step aside)|"
            r"take everything in the (?:medicine )?cabinet|lined (?:them|it|the (?:pills|bottles)) "
            r"(?:all )?up|"
            rf"(?:when|where|how) {v.subj}'?(?:m| am| is|'s)? going to do it|"
            rf"{v.subj}'?(?:m| am) going to do it|"
            r"(?:took|take|taking|bought|hid|hidden|hide|keep|kept)\b[^.]{0,25}\b(?:the |my |some |"
            r"new )?(?:blades?|razors?)\b|"
            r"(?:everything|things|affairs|accounts)\b[^.]{0,15}\b(?:square|settled|sorted|in order|"
            r"taken care of)[^.]{0,30}\bbefore i (?:go|leave|die)\b|"
            r"\b(?:passwords|insurance|(?:the|my) will)\b[^.]{0,60}\b(?:passwords|insurance|(?:the|my|"
            r"where the) will|testament\w*)\b|"
            r"enough [\w ]{0,20}(?:to do it|to die|to end it)|\bto do it\b[^.]{0,30}\bknow (?:exactly )?how|"
            r"(?:research\w*|looked up|look up|looking up|search\w*|googl\w*|bookmark\w*) (?:suicide |"
            r"painless |quick )?methods|"
            rf"knows? (?:exactly )?(?:which|what|how many) (?:meds|pills|medications?) {v.subj}'?d use|"
            rf"(?:holding back|saving|keeping|hiding) {v.poss} [\w ]{{0,20}}(?:medications?|meds|pills)"
            r"[^.]{0,20}for later|"
            r"edge of (?:a|the) (?:\w+ ){0,3}(?:roof|bridge|cliff|platform|balcony|building)|"
            rf"gave away {v.poss} (?:cat|dog|pets?|guitar|tools|guns?|car|jewel\w*|belongings|things|"
            r"stuff|possessions)|"
            # Spanish and French
            r"lettre d'adieu|carta de despedida|j'ai choisi le pont|regarder en bas|"
            r"(?:pistola|arma|fusil|pistolet)\b[^.]{0,40}\b(?:guardad[ao]|cargad[ao]|chargée?|tengo|"
            r"j'ai)|me desped[ií] de[^.]{0,40}[úu]ltima vez|arregl[ée] mis papeles|(?:el|mi) testamento)",
        ),
        pattern(
            "self-harm",
            SELF_HARM,
            rf"\b(?:cut(?:ting|s)? (?:{v.self_}|{v.poss} (?:arms?|wrists?|thighs?|legs?|skin|stomach))|"
            r"cutting again|relapsed (?:into|on)(?: the)? (?:burning|self-harm)|"
            r"(?:start|started|starts|relapsed (?:into|on)(?: the)?|back to|history of|from|"
            r"mentioned|admitted to|admits to) cutting\b|cut again|"
            rf"burn(?:ed|t|ing|s)? (?:{v.self_}|{v.poss} (?:(?:fore)?arms?|skin|hands?|wrists?|legs?|thighs?|"
            r"stomach))|"
            rf"hurt(?:ing|s)? {v.self_}|harm(?:ing|s)? {v.self_}|self[- ]?harm\w*|"
            rf"scratch\w* (?:{v.poss} )?(?:wrists?|arms?|skin|legs?)[^.]*(?:bleed|bled|razor|blood)|"
            rf"razor|hit(?:ting|s)? {v.self_}|punch\w* (?:{v.self_}|(?:the |a )?(?:\w+ )?walls?)[^.]*"
            r"(?:on purpose|deserve\w*|bleed|bled|broke|split|till|until)|wants? to bleed|carv\w* into|"
            rf"(?:fresh|new|self-inflicted) (?:cuts|burns|wounds)|cuts on {v.poss} "
            r"(?:fore)?(?:arms?|wrists?|thighs?|legs?|stomach))|"
            # self-punishment through the body is self-harm too
            rf"starv\w* {v.self_}|{v.self_}[^.]{{0,40}}\bas (?:a )?punishment|"
            rf"(?:hit|hitting|bang\w*|bash\w*|slam\w*) {v.poss} head (?:against|into) (?:the |a )?walls?|"
            rf"(?:hit|hitting|bang\w*|bash\w*|slam\w*) {v.poss} head[^.]{{0,30}}(?:on purpose|until|till)|"
            rf"(?:bang\w*|bash\w*|slam\w*) {v.poss} head (?:on|against|into) (?:the |a )?"
            r"(?:\w+ )?(?:tiles?|floor|wall|door|sink|desk)|"
            rf"pull\w* (?:out )?{v.poss} hair (?:out )?(?:until|till|til)\b|"
            r"(?:stopped|quit|not) eating\b[^.]{0,40}\bdeserve|se volvi[óo] a (?:quemar|cortar)|"
            r"volvi[óo] a (?:quemarse|cortarse)|"
            r"(?:pressed|held|put|pushed|stubbed (?:out )?)\b[^.]{0,50}\b(?:into|on|onto|over|against|to) "
            r"(?:my|her|his) (?:bare )?(?:wrist|arm|skin|hand|thigh|forearm|leg|ankle|foot|stomach|neck)|"
            r"(?:back to|started|start|again)\b[^.]{0,15}\bpurg\w*|purg\w*\b[^.]{0,30}\b(?:again|every day|"
            r"daily)|(?:held|holding|put) (?:a |the )?(?:knife|blade|razor) to (?:my|her|his|their) "
            r"(?:wrist|arm|skin|thigh)|"
            r"(?:held|put|pressed) (?:my|her|his) (?:bare )?(?:hand|arm|wrist) over (?:the|a) (?:stove|"
            r"burner|flame|candle)|\bon purpose\b[^.]{0,30}\b(?:hurt|bled|bleed|blister\w*|pain)|"
            r"\b(?:i|i'?ve) (?:\w+ )?(?:bled|bleed\w*|blister\w*|burn\w*)\b[^.]{0,40}\bon purpose|"
            r"kept going after it hurt|"
            r"(?:dig\w*|dug) (?:my )?nails into (?:my )?\w+|punch\w* (?:my own|my|her|his) (?:thighs?|legs?|"
            r"arms?|stomach|face)|carv\w*\b[^.]{0,40}\binto (?:my|her|his) (?:skin|arm|forearm|wrist|"
            r"thigh|leg|stomach)|scratch\w* (?:my|her|his) (?:arms?|skin|legs?|face) raw|"
            r"urge to (?:cut|burn|hurt myself)\b[^.]{0,50}\bgave in|cuts are deeper|"
            r"bing\w* (?:and|then) purg\w*|\bit'?s punishment\b|goal weight|box of (?:blades|razors)|"
            r"(?:flame|lighter|candle|match)\b[^.]{0,20}\b(?:against|on|to|into) (?:my|her|his) (?:wrist|"
            r"arm|skin|hand|thigh|forearm|leg|ankle)|(?:held|put|pressed) (?:my|her|his) (?:palm|hand|arm)"
            r"\b[^.]{0,30}\bon purpose|\bpurg(?:ed|ing)\b(?! (?:my|the|old|all) (?:closet|files|inbox|emails|"
            r"clothes|wardrobe))|\brestrict\w* again\b|\bback to (?:not eating|restricting|purging)\b|"
            r"took (?:the |a )?(?:belt|strap|switch) to (?:myself|me)\b|(?:pour\w*|tip\w*) (?:boiling|hot) "
            r"(?:kettle )?water on (?:my|her|his)|knuckles (?:are )?(?:split|bleeding|busted)[^.]*(?:keep "
            r"doing|again|on purpose)|opened (?:a scar|my scars?|a cut|the wound) back up|(?:not eating|starv\w*|"
            r"skipp\w* meals)\b[^.]{0,30}\bpunish|know (?:that )?i (?:cut|burn|hurt myself)\b|"
            r"(?:when|whenever) (?:the |i'?m |i feel |i get )?(?:anger|angry|memories|panic|urge|upset|"
            r"overwhelmed|stressed|flashbacks?|numb)\b[^.]{0,30}\bi (?:slam|hit|punch|bang|burn|cut|"
            r"scratch)\b|"
            r"(?:hand|arm|wrist)s? under the (?:hot|scalding) (?:tap|water)|"
            rf"(?:make|made|making) {v.self_} (?:throw up|puke|vomit|sick)\b|"
            rf"(?:don'?t|doesn'?t|do not|does not) (?:get|deserve) to eat|"
            rf"(?:haven'?t|hasn'?t|have not|has not) eaten (?:anything )?(?:since (?:monday|tuesday|"
            r"wednesday|thursday|friday|saturday|sunday|the weekend|last week)|in (?:\w+ )?days)|"
            rf"only (?:letting|allowing) {v.self_} (?:to )?(?:have|eat|drink)|"
            r"\b(?:punish\w*|penitent|penance|paid for it|until i'?ve paid)\b(?=[^.]*\b(?:eat\w*|ate|food|meals?|"
            r"skipp\w*|supper|dinner|lunch|breakfast|weight|"
            r"fast\w*|starv\w*|run\w*|ran|puk\w*|throw\w* up|vomit\w*|body|blood|bleed\w*|hurt\w*|"
            r"water|coffee|night|smaller)\b)|"
            r"(?<=\. )punishment\.|"
            r"se scarifi\w*|me corto|me cort[ée]|cortarme|autolesi\w*|me (?:hago|hice) daño|"
            r"me suis (?:encore )?coup[ée]e?|me volv[ií] a cortar|me quem[ée]|quemarme|me br[uû]l[ée]e?|"
            r"me castigo|me fais vomir|volv[ií] a vomitar|"
            r"se (?:re)?coupe(?! (?:du|des|de (?!nouveau)|les cheveux|la parole))\b|se (?:mutile|scarifie|br[uû]le)\b|"
            r"coupures? (?:\w+ )?sur (?:ses|les|mes) (?:bras|cuisses|poignets|jambes)|"
            r"se (?:corta|lastima|quema)(?! (?:el pelo|el cabello|las u[ñn]as))\b|cortes? (?:\w+ )?en (?:sus|los|"
            r"mis) (?:brazos|muslos|mu[ñn]ecas|piernas)|"
            r"(?:threw up|throw(?:ing)? up|vomit\w*|purg\w*)[^.]{0,25}\bafter (?:dinner|eating|meals?|"
            r"lunch|breakfast|i eat)\b|\blaxatives\b[^.]{0,40}\b(?:again|get rid|everything i ate|"
            r"every (?:day|night))",
        ),
        pattern(
            "harm-others",
            OTHERS,
            rf"\b(?:{threat}\s*(?:\w+\s+)?{VIOLENCE}\s+{PERSON}\b{NOT_VIOLENT}|"
            rf"{threat}\s*(?:\w+\s+)?(?:run(?:ning)? {PERSON} over|push(?:ing)? {PERSON} "
            rf"(?:down|off|over|into|in front)|shak(?:e|ing) (?:the|my|her|his) baby)|"
            rf"(?:almost|nearly) (?:killed|hit|choked|strangled|stabbed|hurt|shook) {PERSON}\b{NOT_VIOLENT}|"
            rf"mak(?:e|ing) (?:them|him|her|them all|{PERSON}) (?:all )?(?:pay|suffer)|"
            r"(?:a |my |his |her |[\w']+ )?(?:gun|knife|weapon|rifle|bat)\b to (?:school|work|class|campus|"
            r"the (?:lab|office|school|meeting|party|shop|plant|site))|run(?:ning)? (?:him|her|them) (?:into|off) (?:the|a) (?:ditch|road|wall)|"
            r"giv(?:e|ing) (?:an?|the|my) (?:\w+ ){0,4}?['\"‘]?something (?:from|extra)|"
            rf"put {PERSON} through (?:the|a) (?:wall|window)|"
            r"(?:turpentine|gasoline|petrol|lighter fluid)\b[^.]{0,30}\blighter|"
            r"(?:fantasi[sz]\w*|thinking|thought|thoughts) about (?:[\w']+ ){0,5}?hurting\b|"
            r"followed (?:her|him|them) home|grabb?\w* (?:[\w'’]+ ){1,3}by the (?:throat|neck)\b|"
            r"next time (?:it'?ll|it will|it'?s going to) be worse|cut (?:the|his|her|their) brake lines?|"
            r"putting something in (?:the |his |her |their |my )?(?:[\w']+ ){0,3}(?:food|coffee|drink|tea|"
            r"meal)|put (?:him|her|them) in (?:the )?hospital|know where (?:he|she|they) lives? now|"
            r"pillow\b[^.]{0,60}\bpress\w* (?:it )?down|(?:going to|gonna) end up kill\w*|"
            r"tak(?:e|ing) (?:my \w+|them|him|her|the kids|my family|his family|her family) with (?:me|him|"
            r"her) when (?:i|he|she) go(?:es)?(?:\s*[.,;!]|$| for good)|(?:not|n'?t) (?:think i'?m )?safe around (?:her|him|them|my \w+)|"
            r"list of (?:names|kids|people) who (?:deserve it|wronged me|hurt me|laughed)|putting it in "
            r"(?:his|her|their|my \w+'s) (?:coffee|drink|food|tea)|i (?:just )?want (?:him|her|them|<PERSON_\d+>|my (?:boss|ex|manager|neighbou?r|brother|"
            r"sister|father|mother|dad|mom|husband|wife)) to suffer|"
            r"poison\w* (?:him|her|them|a|my|the|his|their)\b|"
            r"putting something in (?:his|her|their) (?:coffee|drink|food|tea)|(?:knife|blade) to (?:his|her|their|my \w+'s) throat|"
            rf"shook {v.poss} (?:son|daughter|baby|toddler|kid|child)|should know what (?:it|that) feels like|"
            r"(?:bought|got|carry|carries|carrying) (?:a )?(?:knife|gun|weapon)\b[^.]{0,40}\b(?:will|'ll|"
            r"going to) use it|"
            rf"what {v.subj} might do to {PERSON}|"
            r"(?:bring|bringing|brought|take|taking) (?:a gun|a knife|a weapon|something|my \w+ gun) "
            r"(?:to|into|when) (?:school|work|class|the office|confront)|"
            rf"(?:picture|picturing|imagin\w*) (?:putting|taking) {PERSON} (?:down|out)|"
            r"(?:harder|hard) not to act on it|(?:doesn'?t|does not|no longer) feel like a fantasy|"
            rf"burn(?:ed|t|ing)? (?:{PERSON}'?s?|their|his|her) (?:house|home|car|place)\b[^.]*"
            r"(?:wanting|want|wanted|address|going to)|looked up (?:their|his|her) address|"
            rf"tracking {PERSON}'?s? (?:\w+ )?schedule|not (?:a|just a) fantasy (?:anymore|any more)|"
            r"(?:going|go|went) (?:there|over|to (?:his|her|their) (?:house|place|home|office)) with "
            r"(?:a|my) (?:bat|gun|knife|hammer|weapon)|pillow over (?:his|her|their|my \w+'s) face|"
            r"\blo mato\b|\bla mato\b|tengo con qu[ée]|envie de (?:frapper|tuer)|je l'ai secou[ée]|"
            r"(?:aller|va aller|pense aller) chez[^.]{0,40}avec (?:une|un) (?:batte|arme|couteau))",
        ),
        pattern(
            "medical-red-flag",
            MEDICAL,
            r"(?:chest (?:pain|pains|has been hurting|hurts|hurting|aches?|aching|pressure)|"
            r"chest[^.]{0,25}(?:hurting|pain|ache|aching|crushing)|pain in (?:my|her|his|the) chest|"
            r"blood pressure (?:was |is |has been |reading (?:was |is )?)?(?:really |very |super |"
            r"dangerously |extremely |so )?(?:high|through the roof|sky[- ]high)|"
            r"\bbp\b[^.]{0,20}\d{3}|\b(?:1[89]\d|2\d\d)\s*(?:/|over)\s*(?:\d{2,3}\b|something)|"
            r"severe headache|vision (?:\w+ )?(?:going |went |is |keeps going )?(?:blurry|dark|black)|"
            r"can'?t get (?:any )?air(?: in)?|\bfaint(?:ed|s)\b|keeps? fainting|passed out|passing out|"
            r"blacked out|collaps(?:ed|ing)|"
            r"(?:lost|losing|lose) consciousness|unconscious|seizure|"
            r"(?:can'?t|cannot|couldn'?t|haven'?t been able to|hasn'?t been able to|unable to|"
            r"not able to) (?:pee|wee|urinate|pass urine|pass water)|burns when (?:i|she|he|they) (?:pee|urinate)|"
            r"blood in (?:(?:my|her|his|their|the) )?(?:urine|pee)|(?:pissing|peeing|urinating) blood|bladder (?:hurts|pain|is burning)|"
            r"lips? (?:went|look|looked|turned) blue|l[èe]vres (?:sont |[ée]taient )?(?:bleues|bleut[ée]es)|"
            r"labios (?:azules|azulados)|(?:beaucoup de )?(?:difficult[ée]s?|mal) à respirer|no puede respirar|"
            r"(?:can'?t|couldn'?t) stop (?:throwing up|vomiting)|vomiting (?:nonstop|non-stop|for hours)|"
            r"speech (?:was |is |went |got )?(?:weird|slurred|garbled|strange)|"
            r"woke up on the (?:\w+ )?floor|came to on the (?:\w+ )?floor|"
            r"vision went (?:blurry|dark|black)|worst headache|heart is going to explode|"
            r"no puedo respirar|me ahogo|labios (?:se me ven )?morados|no (?:he podido|puedo) orinar|"
            r"dolor (?:en el|de) pecho|douleur (?:à la|dans la) poitrine|je n'arrive (?:pas|plus) à "
            r"(?:uriner|respirer)|fait une crise|tout mon corps tremblait|je ne r[ée]pondais plus|"
            r"perd(?:u|i) (?:connaissance|el conocimiento)|me desmay[ée]|(?:might|going to|about to) faint|"
            r"found me on the (?:\w+ )?floor|don'?t remember falling|(?:can'?t|couldn'?t|unable to) pass "
            r"water|(?:pink|red) with blood|can'?t lie flat|breathing is (?:so |very )?shallow|"
            r"(?:bp|blood pressure|cuff)\b[^.]{0,30}\b(?:very|really|dangerously|super|so) high|readings? "
            r"(?:at home )?keep climbing|(?:well |far )?above (?:what|the) [^.]{0,30}safe)",
        unless=r"\b(?:cleared up|passed|went away|settled|eased off|resolved|faded)\b[^.]{0,30}\b(?:before "
        r"(?:i|she|he|we|they) (?:left|got home|went home|drove)|within (?:a )?(?:few )?minutes)\b"
        # a risk weighed, not a symptom had: "because of the seizure risk", "risk of seizures"
        r"|\bseizure (?:risk|threshold)s?\b|\b(?:risk|history) of (?:a )?seizures?\b",
        ),
        pattern(
            "numbness",
            MEDICAL,
            r"numb on one side|one side of (?:my|her|his) (?:body|face)|(?:left )?arm (?:is|went) numb|"
            r"(?:face|arm|leg|side) (?:went|is|feels?|felt|goes) numb|numb(?:ness)? on (?:the |my |her |"
            r"his )?(?:left|right)",
            unless=r"\b(?:wore off|like after the dentist|for a (?:second|moment|minute))\b",
        ),
        pattern(
            "breathing",
            MEDICAL,
            r"(?:can'?t|cannot|couldn'?t|could not) (?:seem to )?(?:(?:catch|get) (?:my|her|his|their) "
            r"breath|breathe|get a (?:full )?breath)",
            unless=r"\b(?:for a (?:second|sec|moment)|emotion\w*|(?:breathing|breathe) (?:is |was )?"
            r"fine|leg day|workout|gym|laugh\w*|without (?:you|him|her|them)|miss (?:you|him|her|them|my \w+)|"
            r"grief|griev\w*|panick?y?\w*|it passed|box breathing)\b",
        ),
        pattern(
            "medical-persistent",
            MEDICAL,
            r"(?:chest (?:\w+ )?(?:tight\w*|heavy|heaviness)|heart (?:\w+ )?(?:racing|pounding|"
            r"irregular)|blood pressure (?:was |is |has been )?(?:up|high)|dizz\w+|light-?headed|"
            # confusion that has not cleared
            r"confus\w+|disorient\w*|can'?t find (?:my )?words|fog hasn'?t lifted|not making sense|"
            r"losing time|no idea how i got (?:there|here)|short of breath|"
            r"wheez\w*|gasping|throat (?:feels |is )?(?:tight|closing)|"
            r"(?:don'?t|can'?t|doesn'?t|couldn'?t|didn'?t) (?:know|tell|remember) (?:what|which) day|"
            r"fog (?:isn'?t|hasn'?t|is not) lifting|"
            r"got lost (?:driving|walking)|forg(?:o|e)t (?:my|her|his) (?:own )?(?:address|name|"
            r"\w+'s name)|keeps? asking the same questions|can'?t (?:figure out|tell) where (?:i am|she is|"
            r"he is)|(?:doesn'?t|don'?t) know where (?:she|he|i) (?:is|am)|heart (?:won'?t settle|skipping)|"
            r"pressure in (?:my|her|his) chest)",
            context=r"\b(?:since|still|won'?t (?:stop|go away)|hasn'?t (?:stopped|gone away)|"
            r"all (?:day|night)|for hours|hours (?:later|after)|getting worse|worse and worse|"
            r"can'?t stand|keeps? (?:happening|coming back)|(?:a|one|the next) day later|next day|"
            r"(?:two|three|four|five|six|seven|eight|several|many|\d+) hours|this morning|"
            r"won'?t settle|hours after|(?:isn'?t|not) helping|for (?:two|three|\w+) days|over a day)\b",
            unless=r"\b(?:then|passed|eased|settled|came (?:back )?down|went away|cleared up)\b",
        ),
    )


# Benign exceptions: death-and-rebirth imagery, grief, hyperbole, explicit denial.
EXCEPTIONS = tuple(
    re.compile(expression, re.IGNORECASE)
    for expression in (
        # "part of me died" is ego-death imagery; "part of me wants to die" is not
        r"\b(?:ego|old (?:self|version(?: of me)?|me)|self|part of me|something in me)\b"
        r"(?! (?:\w+ )?(?:wants?|wanted|wishes|wished|hopes?|hoped|is going|needs?) to)[^.]{0,30}"
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
        r"\b(?:not|never|no|zero|don'?t have any|haven'?t|hasn'?t|without|denies|denied|no part of me)\b"
        r"(?!\s+(?:told|said|mentioned|admitted))[^.]{0,25}\b(?:suicid\w*|hurt(?:ing)? (?:myself|herself|"
        r"himself)|self[- ]?harm\w*|(?:thoughts of|plans? to)(?: (?:harm|hurt|kill)\w*(?: (?:myself|herself|"
        r"himself))?| end\w* (?:it|things|my life))?|wants? to end (?:it|things))",
        # a screening question answered no; a question about it is not a report of it
        r"\b(?:screening |the |a |that )?questions? (?:about|on|re:?) (?:hurting|harming|killing) "
        r"(?:myself|yourself|oneself)\b",
        r"\b(?:asked|asks|ask|question\w*|screen\w*|questionnaire|phq\S*)\b[^.]{0,60}\b(?:suicid\w*|"
        r"self[- ]?harm|(?:hurt|harm|kill)\w* (?:myself|herself|himself)|end\w* (?:it|my life|her life|"
        r"his life)|better off dead|(?:want|wish)\w* to die)[^.]{0,60}\b(?:honestly say|could say no|"
        r"said no|say no|answer(?:ed)? no|none|(?:was|scored?|answered|ticked|circled) (?:a )?(?:zero|0|"
        r"never|no)|no,? and no)\b",
        r"\bnot (?:to )?punish (?:myself|herself|himself)\b|\bgoing to die (?:somewhere|around|at mile|"
        r"during)\b|\b(?:a long time|years|months) since i (?:last )?(?:thought about|wanted|felt)\b[^.]*|"
        r"\bwant (?:ed )?to die for (?:about |like )?(?:a|an|\w+) (?:minutes?|seconds?|moment)\b|"
        r"\bno (?:wishing|wish)\b[^.]{0,20}|\bdon'?t (?:cut|burn|self-harm) any ?more\b|"
        r"\bdon'?t want to (?:hurt|harm|kill) (?:myself|herself|himself)\b|\bkill (?:him|her|my \w+) for "
        r"(?:eating|taking|stealing|using|finishing|drinking|borrowing)\b|\b(?:years|months) (?:free of|clean from|"
        r"without) (?:self[- ]?harm|cutting|burning)\b|\bcut (?:my )?(?:own )?(?:fringe|bangs|hair)\b|"
        r"\b(?:going to|gonna) murder me\b|\b(?:is|are|'s|'re) murdering me\b|"
        r"\b(?:this|that|the|my|your|his|her|our) (?!husband|wife|partner|boyfriend|girlfriend|ex\b|father|"
        r"dad|stepdad|stepfather|brother|son|mother|mom|mum|sister|daughter|neighbou?r|boss)\w+ (?:will|"
        r"would|'ll|is going to|is gonna) (?:literally )?kill (?:me|her|him|us|them)\b",
        r"\b(?:i'?m|she'?s|he'?s) not going to hurt (?:myself|herself|himself)\b",
        r"\b(?:thoughts of|any) (?:self[- ]?harm|suicid\w*)\s*\?\s*(?:a:\s*)?no\b",
        r"\bnever (?:\w+ )?(?:wanted|want|tried|planned) to (?:die|kill myself|end (?:it|my life))\b",
        r"\b(?:suicidal |dark |intrusive )?(?:thoughts|feelings|urges|ideation|death wish|wish to die)\b[^.]{0,40}\b(?:are|is|"
        r"have|has) (?:all )?(?:gone|passed|faded|lifted|quiet(?:er)?|disappeared)\b",
        r"\bdon'?t (?:want to die|feel like i want to disappear)\b",
        r"\b(?:don'?t|do not|no longer) (?:think|feel|say|believe) (?:['‘\"“]|that way|like that)[^.]{0,60}"
        r"\b(?:anymore|any more)\b",
        r"\bwith emotion\b|\bfor a moment\b",
        # suicide loss and overdose deaths of others are grief, not the writer's crisis
        r"\b(?:(?:died|dies|death) (?:by|to|from)|los(?:t|ing|e) (?:\w+ ){0,6}?to) suicide\b|"
        r"\bsuicide (?:loss|survivors?|prevention|hotline|awareness)\b|"
        r"\b(?:\w+'s|his|her|their) suicide\b(?! (?:attempt|plan|note|risk|ideation|thoughts))",
        r"\b(?:died|passed away|lost \w+) (?:of|from|to) (?:an? )?overdose\b|\bwho overdosed\b|"
        r"\bse suicid[óo]\b|\bs'est suicid[ée]e?\b|\bse quit[óo] la vida\b|"
        r"\b(?:ce|cette|ces|le|la|les|mon|ma|mes) (?!mari\b|conjoint|copain|ex\b|p[èe]re\b|fr[èe]re\b)"
        r"[\w'’ -]{2,30}? (?:va|vont) (?:finir par )?me tuer\b|\b(?:este|esta|mi) \w+ me va a matar\b|"
        r"\bmakes? me want to die\b(?=[^.]*\b(?:lol|lmao|haha\w*)\b)",
        r"\boverdos\w* on (?!(?:my |her |his |their |the |all )?(?:meds|medications?|pills|tablets|"
        r"sleeping|painkillers|insulin|tylenol|ketamine|lozenges|drugs|heroin|fentanyl|opioids?|purpose)\b)\w+",
        # ending a relationship, a job, a marriage
        r"\bend(?:ing|s)? (?:it|things) with\b|"
        r"\bwants? out of (?:this|my|the|that|our) (?!life|world|existence|body|misery)\w+",
        r"\bhurt (?:\w+ )?feelings\b",
        r"\battempted (?:murder|robbery|theft|humou?r|jokes?|puns?|coup|escape|rescue)\b|\bkill(?:ed)? "
        r"(?:him|her|them|you|someone) with (?:my |a |the |her |his )?(?:eyes|look|glare|stare|"
        r"kindness|sarcasm|silence)\b",
        r"\bcatch (?:the|a|my) (?:bus|train) (?:at|to|home|into|back|downtown|in the|on time|\d)",
        r"\brather die than (?!(?:live|go on|keep|continue|feel|be|stay|wake|exist|face|spend)\b)\w+",
        # an accident: burned or cut on something
        r"\b(?:burn(?:ed|t)?|cut|sliced|scraped) (?:my|her|his) [\w ]{0,15}?\b(?:on|at) (?:an?|the|my) "
        r"(?!purpose)\w+",
        # oversleeping is not wishing not to wake
        r"\b(?:woke|wake|waking) up (?:late|early|too early|after (?:my|the) alarm|at \d|with a|"
        r"on the wrong|in a (?:good|bad|great))\b",
        r"\bsleep (?:for )?(?:a|the whole|all|an entire) (?:week|day|weekend|month|year)\b",
        r"\bwithout (?:me|her|him|them) for (?:a|the|one|two|\w+) (?:day|days|week|weeks|while|bit|"
        r"night|weekend|month|hour|hours)\b",
        r"\b(?:no|not|never|without|denies|denied|didn'?t (?:have|feel))\b[^.]{0,20}"
        r"\b(?:chest pain|faint\w*|passed out|blood in|trouble (?:breathing|peeing))",
    )
)
# Whole-sentence exceptions: a therapist asking how to screen for risk, or how to talk about
# suicide, is not reporting it, in English, Spanish, Portuguese, French, German or Italian;
# unless the sentence goes on to say what a client said.
SCREENING = re.compile(
    r"(?:\b(?:how (?:do|can|should) i|gentle way to|best way to|tips? (?:for|on)) (?:ask|screen|"
    r"assess|bring up|talk about|raise)"
    r"|\bc[óo]mo (?:puedo |debo |se |posso |devo |eu )?(?:hablo|hablar|pregunto|preguntar|abordo|"
    r"abordar|eval[úu]o|evaluar|explico|explicar|falo|falar|pergunto|perguntar|avalio|avaliar)"
    r"|\bcomment (?:puis-je |dois-je |je peux |je dois |on peut )?(?:parler|aborder|poser|demander|"
    r"[ée]valuer|expliquer|[ée]voquer)"
    r"|\bwie (?:spreche|frage|erkl[äa]re|thematisiere|erfrage) ich"
    r"|\bwie (?:kann|soll|sollte) ich (?:\w+ ){0,5}(?:ansprechen|thematisieren|erfragen|abkl[äa]ren|"
    r"erkl[äa]ren|sprechen)"
    r"|\bcome (?:posso |devo |faccio a )?(?:parlare|parlo|chiedere|chiedo|affrontare|affronto|"
    r"valutare|valuto|spiegare|spiego))\b"
    r"(?![^.?!]*\b(?:she|he|they) (?:said|says|told|wrote|mentioned)\b)"
    r"(?![^.?!]*\b(?:dijo|dice|me cont[óo]|escribi[óo]|disse|diz|contou|escreveu|a dit|m'a dit|"
    r"a [ée]crit|hat gesagt|sagt|sagte|schrieb|ha detto|ha scritto|mi ha detto)\b)",
    re.IGNORECASE,
)
PAST = re.compile(
    r"\b(?:years ago|decades? ago|long ago|used to|before(?=,)|when i was (?:a |\w+teen|\d+|young|little|in)|"
    r"in high school|in college|back in (?:college|school|high school|the day|my \w+)|"
    r"back then|as a (?:teen\w*|kid|child|student)|in my (?:teens|twenties|thirties|forties|fifties|"
    r"sixties|\d0s|youth|childhood)|last year|(?:back )?in (?:19|20)\d\d|once (?:believed|thought|felt|wanted|tried)|at my (?:lowest|worst)|"
    r"before (?:treatment|ketamine|kap|therapy|the sessions|sobriety|i got sober)|"
    r"hace (?:muchos |varios |\w+ )?años|il y a (?:des|plusieurs|\w+) ans|quand j'[ée]tais|"
    r"(?:a )?few years back|years back|at (?:\w+teen|1\d)\b|back in the (?:\w+ties|\d0s)|"
    r"(?:freshman|sophomore|junior|senior) year|in (?:grad|high|middle) school|"
    r"cuando era (?:joven|niñ[ao]|adolescente)|when i was \w+ty(?:-\w+)?|at \w+ty(?:-\w+)?|before i "
    r"started (?:kap|"
    r"ketamine|treatment|therapy))\b",
    re.IGNORECASE,
)
# Past tense, and a later sentence that says it is over: "When the pain started I wanted to end
# my life. I don't feel that now." The ideation is history when no recency cue is near it.
PAST_TENSE = re.compile(
    r"\b(?:was|were|had|wanted|thought|felt|believed|tried|used to|would think|asked|looked|searched|wrote|"
    r"researched)\b",
    re.IGNORECASE,
)
RESOLVED = re.compile(
    r"\b(?:(?:don'?t|do not) feel (?:that|like that|that way)(?: \w+)? (?:now|anymore|any more)|"
    r"no longer|not anymore|(?:i'?m|i am) still here|glad i (?:stayed|didn'?t|am (?:still )?here|"
    r"'?m (?:still )?here)|so glad|now i (?:don'?t|do not)|(?:those|the) (?:thoughts|feelings|urges) (?:are|have) (?:gone|"
    r"passed|faded|lifted)|now i (?:know|feel|want|have|see)|this year i|i actually want to|"
    r"today i (?:feel|felt) (?:hope|alive|okay|ok|grateful)|(?:showed|shown|taught|reminded) me "
    r"(?:that )?i'?m not|i know (?:now )?(?:that )?i'?m not|hope feels real|haven'?t thought about it|"
    r"in a (?:very )?long time|(?:a )?lifetime ago|long time ago|not now\b|that was (?:years|ages) ago|"
    r"that was \w+ years ago|years since|i want to live|i don'?t any ?more|i'?d say no|we made it|"
    r"i'?m \w+(?:-\w+)? now|"
    r"hoy me siento|ahora (?:quiero|tengo|me siento)|aujourd'hui je|"
    r"today i'?m|i got (?:help|treatment|better)|glad (?:that kid|i) didn'?t|(?:in a )?(?:much )?"
    r"better place now|i'?m (?:doing )?(?:much )?better now|this (?:winter|year|spring|summer|fall|"
    r"autumn|time) i'?m|honest(?:ly)? (?:answer|say)\w*:? (?:none|no)|could honestly say|"
    r"(?:said|answered) no\b|answer: none|(?:ticked|circled|checked|marked|chose|picked) ['\"‘“]?(?:not "
    r"at all|never|none|zero)['\"’”]?)\b",
    re.IGNORECASE,
)
RECENT = re.compile(
    r"\b(?:again|still|lately|recently|tonight|last night|yesterday|currently|right now|"
    r"this (?:week|morning))\b",
    re.IGNORECASE,
)
# Grief is not judged by similarity: mourning reads like wanting death to MiniLM.
GRIEF = re.compile(
    r"\b(?:griev\w*|mourn\w*|funeral|in memory|passed away|rest in peace|(?:shot|hanged|killed) "
    r"(?:himself|herself)|took (?:his|her) own life)\b",
    re.I,
)
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
        for pack in ("red_flags_es_fr", "red_flags_de_it_pt_nl_pl", "crisis_pt", "crisis_de_it",
                     "crisis_nl_pl_tr_sv_cs_ro_el"):
            self.patterns += tuple(p.pattern for p in load_pack(pack))
        if reported:  # a therapist's report of a positive screen is current risk
            self.patterns += tuple(p.pattern for p in load_pack("screening"))

    def semantic_allowed(self, sentence: Sentence, context: str | None = None) -> bool:
        text = sentence.text
        return has_words(text) and not (
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
        resolved = bool(context) and bool(RESOLVED.search(context.replace(sentence.text, " ")))
        findings = [
            self._in_time(sentence, f, resolved)
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
    def _in_time(sentence: Sentence, finding: Finding, resolved: bool = False) -> Finding:
        """Widen to the whole sentence; a distant-past clause, or a past-tense one that another
        sentence of the text resolves, becomes a finding in the past tense (history)."""
        clause = clause_of(sentence.text, finding.start - sentence.start)
        dated = PAST.search(sentence.text) or resolved
        opens_dated = PAST.match(sentence.text.lstrip())  # "Before, I want to die."
        past = (PAST.search(clause) or opens_dated or (dated and PAST_TENSE.search(clause))) and not (
            RECENT.search(clause)
        )
        return finding.model_copy(
            update={
                "start": sentence.start,
                "end": sentence.end,
                "tense": "past" if past else "current",
                "detail": finding.detail + (" (distant past, not current)" if past else ""),
            }
        )


def _one_per_category(findings: list[Finding]) -> list[Finding]:
    seen, kept = set(), []
    for finding in findings:
        if (finding.category, finding.tense) not in seen:
            seen.add((finding.category, finding.tense))
            kept.append(finding)
    return kept
