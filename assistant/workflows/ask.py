"""Answer a therapist's question from the vetted knowledge base."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from assistant.dose_amounts import mask_dose_amounts
from assistant.errors import InputError
from assistant.generation.grounded import NO_MATERIAL, keep_sentences
from assistant.generation.protocol import Answerer
from assistant.guard.guard import Guard
from assistant.kb.retriever import Filters, Retriever
from assistant.models import Answer
from assistant.privacy.scrubber import Scrubber
from assistant.privacy.vault import Vault

log = logging.getLogger(__name__)

MAX_QUESTION_CHARS = 4000
SAFETY_QUERY = "safety planning steps and crisis resources"
SAFETY_DOC = "safety-planning"


@dataclass
class AskWorkflow:
    """scrub → guard(in) → retrieve → grounded answer → guard(out); restore is the caller's."""

    scrubber: Scrubber
    guard: Guard
    retriever: Retriever
    answerer: Answerer

    def run(self, question: str, vault: Vault, k: int | None = None, filters: Filters | None = None) -> Answer:
        question = question.strip()
        if not question:
            raise InputError("The question is empty; type a question about KAP integration")
        if len(question) > MAX_QUESTION_CHARS:
            raise InputError(
                f"The question is {len(question)} characters; keep it under {MAX_QUESTION_CHARS}"
            )
        scrubbed = self.scrubber.scrub(question, vault).text
        verdict = self.guard.check(scrubbed, mode="input")
        log.info("ask: guard decision=%s flags=%s", verdict.decision, verdict.flags)
        if verdict.decision == "block":
            return Answer(
                question=scrubbed, status="refused", text=verdict.message, flags=verdict.flags
            )
        # A dose mentioned as context is answered, but no amount travels further or is echoed.
        scrubbed = mask_dose_amounts(scrubbed)
        if "crisis" in verdict.flags:
            passages = self._safety_material(scrubbed, k)
        else:
            passages = self.retriever.retrieve(scrubbed, k=k, filters=filters)
        if not passages:
            answer = Answer(question=scrubbed, status="no_material", text=NO_MATERIAL)
        else:
            answer = self.answerer.answer(scrubbed, passages)
        answer.flags = verdict.flags
        if verdict.message and verdict.decision == "allow":
            answer.notes.append(verdict.message)
        return self._check_output(answer)

    def _safety_material(self, question: str, k: int | None) -> list:
        """A crisis is answered from the safety-planning document: its sections that best
        match the question, else its steps and resources."""
        only_safety = Filters(doc_ids=(SAFETY_DOC,))
        return (self.retriever.retrieve(question, k=k, filters=only_safety)
                or self.retriever.retrieve(SAFETY_QUERY, k=k, filters=only_safety))

    def _check_output(self, answer: Answer) -> Answer:
        """Drop any answer sentence in which the output guard finds a dose statement."""
        verdicts = self.guard.check_many([s.text for s in answer.sentences], mode="output")
        kept = [s for s, v in zip(answer.sentences, verdicts, strict=True) if "dosing" not in v.flags]
        if len(kept) < len(answer.sentences):
            answer = keep_sentences(answer, kept)
            answer.notes.append("A dosing statement was removed: dosing is decided by the prescriber.")
        return answer
