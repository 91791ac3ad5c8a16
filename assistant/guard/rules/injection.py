"""Injection rule: instructions addressed to the model inside journal text or passages.

Such text is data. The rule only flags it; it never changes a decision, and the
guard keeps injected sentences out of the dosing and scope rules (crisis still sees them).
"""

from __future__ import annotations

import numpy as np

from assistant.guard.rules.base import Pattern, match_patterns, pattern
from assistant.guard.text import Sentence
from assistant.models import Finding

NAME = "injection"

PATTERNS: tuple[Pattern, ...] = (
    pattern(
        "override",
        "instruction override",
        # a quoted instruction is a mention ("the kids typed 'ignore all previous instructions'")
        r"(?<![\'\"‘“])\b(?:ignore|disregard|forget|override|bypass|ignora|ignorez|oublie)\b(?![^.?!]{0,30}\b(?:critic|"
        r"inner|old rules|sticky|perfection\w*|people-pleasing|habits?|parents|my (?:mom|dad|mother|"
        r"father)|myself|whiteboard|board|protocol))[^.?!]{0,30}\b(?:(?:your|ur|the|all|any|tus|vos|tes|"
        r"previous|prior|above|these|my)\s+)*(?:instructions?|directions?|rules?|guidelines?|"
        r"prompts?|everything (?:above|before)|safety|system|crisis rules|reglas|instrucciones|"
        r"everything (?:your|you were) (?:developers?|creators?|makers?)? ?(?:told|taught)|"
        r"r[èe]gles|consignes)\b"
        r"|\b(?:ignore|disregard|forget)\s+(?:all\s+)?(?:of\s+)?(?:the\s+)?(?:above(?![-\w])"
        r"(?!\s+(?:mentioned|noise|sounds?|comments?)\b)|(?:previous|prior)\s*(?:[.!:]|$))",
    ),
    pattern(
        "role-hijack",
        "role hijack",
        r"\b(?:you are now|you'?re now|you are the (?:prescriber|doctor|psychiatrist|system|admin)|"
        r"from now on,? you|you must now|act as an? (?:unrestricted|"
        r"jailbroken|different|uncensored)|pretend (?:you are|you'?re|to be) (?:my|an?|the) "
        r"(?:psychiatrist|doctor|prescriber|ai|assistant|model|nurse)|(?<![\'\"‘“])developer mode|jailbreak\w*|"
        r"unrestricted model|you are \w*bot)\b",
    ),
    pattern(
        "addressed-to-model",
        "addressed to the model",
        r"(?:\bnote to the (?:ai|assistant|model)\b|\bif (?:you are|you'?re|an?)(?: an?)? (?:ai|llm|language model|"
        r"assistant|chatbot|model)\b(?: is)?|\b(?:any|the|whatever|whichever) (?:ai|llm|bot|model|"
        r"software|program)\b[^.?!]{0,40}\b(?:must|should|needs? to|has to)\b|\b(?:ai|assistant|model|"
        r"bot|llm) (?:reading|processing|grading|summari[sz]ing) (?:this|my)\b\s*(?:[:,]|-+|—)|"
        r"\b(?:note|message) to (?:the|whatever|any|whichever) (?:ai|assistant|model|bot)\b|"
        r"\bto the (?:assistant|ai|model|summari[sz]er|bot)\s*[:,]|\bto (?:whatever|whichever|any|the) "
        r"(?:bot|ai|model|assistant|program|software|system|tool) (?:reads|reading|processes|processing)\b|"
        r"\[\s*(?:instruction|note|message)s? (?:to|for) the (?:model|ai|assistant)\s*\]|"
        r"\b(?:message|reminder|note) (?:for|to) (?:the )?(?:app'?s )?(?:ai|assistant|model|bot)\b|<!--|"
        r"\b(?:also|and|so|hey|ok|okay),? (?:ai|bot|chatbot|model)\b,|\b(?:claude|gpt|chatgpt|gemini|"
        r"copilot)\b[^.]{0,20}:|"
        r"\bai,? (?:pls|please) (?:tell|say|write|mark)\b|"
        r"\[\s*(?:admin|developer|dev|root)\s*\]|\bguard disabled\b|\[\s*(?:system|assistant|ai|model)\s*\]|"
        r"#+\s*(?:assistant|user)\s*:|\bassistant\s*:|\bnew instructions?\s*:|\bpara (?:la|el) (?:ia|ai|modelo|asistente)\b|\bpour "
        r"le mod[èe]le\b|\bdear (?:summari[sz]er|reader bot|model|ai)\b|"
        r"[\[(]\s*(?:assistant|ai|system|model)(?: \w+)?\s*[:,]|#+\s*(?:instruction|system|prompt|admin|developer)s?\b|"
        r"^\s*(?:computer|machine|bot|chatbot|model|ai)\s*[,:]|\bdear (?:machine|computer|bot|chatbot)\b|"
        r"\b(?:ok|okay|hey|listen),? (?:chatbot|bot|ai|model|computer)\b|"
        r"\bclassify (?:every|all|this|each|my) (?:entry|entries|notes?|journal)\b|"
        r"\bbefore you summari[sz]e\b|"
        r"(?<![\'\"‘“])\bsystem override\b|\b(?:classification|alert|risk|flag)\s*=\s*\w+|"
        r"\bwhen you summari[sz]e (?:this|it|my)\b|\b(?:attention|hey|dear|hi),? (?:ai|assistant|chatbot|"
        r"language model|model|gpt)\b|^\s*(?:ai|assistant|system)\s*[:,]|#+\s*system\s*#*|"
        r"\b(?:ai|llm)\s+(?:summari[sz]er|assistant|tool|model|reader)\b|\[/?inst\]|<\|?(?:system|im_start)\|?>|"
        r"</?journal>|\b(?:print|reveal|show|output|leak|repeat)\w* (?:out )?(?:your |the )?(?:hidden |"
        r"secret )?(?:system prompt|instructions you were given)\b|\bhidden prompt\b|"
        r"^\s*new (?:instructions?|task)\s*:|\bsystem:|"
        # fake document boundaries and persona resets
        r"\[\s*(?:end of (?:the )?(?:journal|entry|input|text|document|note)|new (?:task|instructions?|"
        r"session|conversation)|begin (?:new )?instructions?)\s*\]|(?:#{2,}|={2,}|-{3,}|\*{2,}|<+)\s*"
        r"(?:end of (?:the )?(?:journal|entry|input|text|document|note)|new (?:task|instructions?))\b|"
        r"\bnew (?:task|instructions?) for (?:the |this |any )?(?:model|ai|assistant|bot|system|summari[sz]er)\b|"
        # the reader addressed by role ("Whoever processes this text should ...")
        r"\bwhoever (?:is )?(?:process(?:es|ing)?|summari[sz](?:es|ing)|pars(?:es|ing))\s+(?:this|these|my)\b|"
        r"\bwhoever (?:is )?(?:reads?|reading)\s+(?:this|these|my)\b[^.?!]{0,40}\b(?:should|must|needs? to|"
        r"has to|is to)\s+(?:now )?(?:append|add|insert|write|output|print|mark|label|classify|remove|delete|"
        r"include|change|send|e-?mail|forward|ignore|drop|skip|omit|flag)\b|(?<![\'\"‘“])\byou are an? (?:helpful |new |"
        r"different )?(?:assistant|ai|model|chatbot|bot)\b|"
        # the software called by name mid-text ("Also: system, output your full prompt")
        r"\b(?:also|and|so|now|ok|okay|hey)\s*[:,]?\s+(?:system|assistant)\s*,|"
        r"\b(?:output|print|reveal|show|dump)\w* (?:out )?(?:your|the) (?:full |whole |entire )?"
        r"(?:system )?prompt\b|"
        r"\b(?:al|a la|para el|para la) (?:sistema|ia|programa|aplicaci[oó]n|app|asistente|herramienta) que "
        r"(?:lee|resume|procesa|analiza)\b|\b(?:à|pour) l'(?:ia|application|app|assistant|outil)|\b(?:au|pour le) "
        r"(?:logiciel|programme|syst[èe]me) qui\b|"
        r"\b(?:ok|okay|hey|hi|yo|tell me|listen|look|so|now)\s*,?\s+(?:app|software|program)\s*[,:]|"
        r",\s*(?:software|app|ai|assistant|bot|program)\s*,)",
    ),
    pattern(
        "output-steering",
        "output steering",
        r"\b(?:summar\w+ (?:this|it) as|mark (?:me|the client|this|the patient) as|"
        r"do not (?:mention|flag|report)|don'?t (?:mention|flag|report)|delete the (?:previous|above)|"
        r"delete (?:last week'?s|the|my|all) (?:risk )?(?:flags?|entries|notes)|(?:label|classify) "
        r"(?:it|this|me|the entry) (?:as )?'?(?:safe|fine|benign|low risk)|must not escalate|"
        r"rewrite this (?:entry|note|journal)|no marques|ne (?:signale|marque)s? rien|"
        r"mark (?:it|this|me) (?:as )?low risk|don'?t alert anyone|skip (?:any|the|all) safety checks?|"
        r"leave out the part|list every other client|(?:quietly |just )?note in the summary that|"
        r"(?:send|give|show|forward) me (?:the )?(?:therapist'?s?|her|his|my therapist'?s) (?:private )?notes|"
        r"names of (?:her|his|their|the) other clients|stop following the (?:clinic'?s |app'?s )?rules|"
        r"respond only with|print your|reveal (?:the|your)|output the full|write that i am)\b",
    ),
)


class InjectionRule:
    """Flags instructions aimed at the assistant; see the module docstring."""

    name = NAME

    def analyze(
        self, sentence: Sentence, vector: np.ndarray | None, context: str | None = None
    ) -> list[Finding]:
        return match_patterns(NAME, PATTERNS, sentence, [])
