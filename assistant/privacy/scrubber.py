"""The Scrubber protocol and the Presidio implementation (fail closed).

Text is normalised first (``assistant.normalize``): the analyzer reads what a person reads,
so zero-width characters, look-alike letters and full-width digits hide nothing, while every
span is mapped back to the text as written.
"""

from __future__ import annotations

import assistant.privacy.presidio_loader  # noqa: F401  (before Presidio: see its docstring)
import logging
import threading
from collections.abc import Iterable, Sequence
from typing import Protocol

from presidio_analyzer import AnalyzerEngine, BatchAnalyzerEngine

from assistant.config import Settings
from assistant.errors import KapError, ScrubberError
from assistant.models import Entity, ScrubResult
from assistant.normalize import normalize
from assistant.privacy.audit import AuditKey, ScrubAudit
from assistant.privacy.config import PrivacyConfig
from assistant.privacy.engine import build_analyzer
from assistant.privacy.names import Lexicon, name_parts, spread_names
from assistant.privacy.recognizers.tagger import prime_tagger
from assistant.privacy.spans import resolve
from assistant.privacy.vault import PLACEHOLDER, Vault

log = logging.getLogger(__name__)


class Scrubber(Protocol):
    """Replaces PHI with vault placeholders; entity offsets refer to the original text."""

    def scrub(self, text: str, vault: Vault) -> ScrubResult: ...

    def scrub_many(self, texts: Sequence[str], vault: Vault) -> list[ScrubResult]: ...


class PresidioScrubber:
    """Presidio with our recognizers; the engine loads once, on first use or ``warm_up()``.

    Any failure while analysing raises ScrubberError: nothing unscrubbed flows on.
    """

    def __init__(self, settings: Settings, batch_size: int = 32):
        self.settings = settings
        self.batch_size = batch_size
        self._analyzer: AnalyzerEngine | None = None
        self._config: PrivacyConfig | None = None
        self._lexicon: Lexicon | None = None
        self._lock = threading.Lock()  # the UI shares one scrubber across sessions
        self._audit = ScrubAudit(AuditKey(settings.data_dir))

    def warm_up(self) -> None:
        """Load spaCy and the recognizers now (about 3 s) rather than on the first text."""
        with self._lock:
            if self._analyzer is None:
                self._analyzer, self._config = build_analyzer(self.settings)
                self._lexicon = Lexicon.from_analyzer(self._analyzer, self._config)

    @property
    def analyzer(self) -> AnalyzerEngine:
        self.warm_up()
        return self._analyzer

    def find(self, text: str) -> list[Entity]:
        """The PHI spans in ``text`` (no placeholders assigned)."""
        return self.find_many([text])[0]

    def find_many(self, texts: Sequence[str], known_names: Iterable[str] = ()) -> list[list[Entity]]:
        """PHI spans for each text (offsets into the text as given), with one batched spaCy
        pass over all of them. A name found in any of the texts, or given in
        ``known_names``, is found wherever it, or a part of it, recurs in them."""
        analyzer = self.analyzer
        normal = [normalize(text) for text in texts]
        try:
            prime_tagger(analyzer, [n.text for n in normal])  # the learned tagger, batched
            batch = BatchAnalyzerEngine(analyzer).analyze_iterator(
                [n.text for n in normal], language=self._config.language, batch_size=self.batch_size
            )
            found = [
                resolve(results, n.text, self._config, self._lexicon)
                for results, n in zip(batch, normal)
            ]
        except KapError:
            raise
        except Exception as exc:  # fail closed: any analyzer fault stops the request
            log.error("PHI analyzer failed: %s", type(exc).__name__)
            raise ScrubberError(
                f"PHI scrubbing failed ({type(exc).__name__}); nothing was sent on. "
                "Check the scrubber installation with `kap scrub \"test\"`"
            ) from None
        parts = name_parts(
            [n.text[e.start : e.end] for n, entities in zip(normal, found) for e in entities
             if e.type == "PERSON"]
            + [normalize(name).text for name in known_names],
            self._lexicon,
        )
        found = [
            _outside_placeholders(n.text, spread_names(n.text, entities, parts))
            for n, entities in zip(normal, found)
        ]
        return [_to_original(n, entities) for n, entities in zip(normal, found)]

    def scrub(self, text: str, vault: Vault) -> ScrubResult:
        """Scrub one text, adding its values to ``vault``."""
        return self.scrub_many([text], vault)[0]

    def scrub_many(self, texts: Sequence[str], vault: Vault) -> list[ScrubResult]:
        """Scrub several texts with one batched pass; placeholders are shared through ``vault``,
        and names the vault already holds are found again in these texts."""
        found = self.find_many(texts, known_names=vault.values_of("PERSON"))
        return [replace(text, entities, vault, self._audit) for text, entities in zip(texts, found)]


def _outside_placeholders(text: str, entities: list[Entity]) -> list[Entity]:
    """Placeholder-shaped strings already in the text (a pasted draft) are kept as they are:
    no span may cut into one."""
    taken = [m.span() for m in PLACEHOLDER.finditer(text)]
    if not taken:
        return entities
    return [e for e in entities if not any(s < e.end and e.start < t for s, t in taken)]


def _to_original(normal, entities: list[Entity]) -> list[Entity]:
    if not normal.changed:
        return entities
    mapped = []
    for entity in entities:
        start, end = normal.span(entity.start, entity.end)
        mapped.append(entity.model_copy(update={"start": start, "end": end}))
    return mapped


def replace(text: str, entities: list[Entity], vault: Vault, audit: ScrubAudit) -> ScrubResult:
    """Swap each span for its vault placeholder and audit the result."""
    vault.reserve_literals(text)
    parts, cursor, placed = [], 0, []
    for entity in entities:
        token = vault.placeholder(entity.type, text[entity.start : entity.end])
        parts.extend((text[cursor : entity.start], token))
        placed.append(entity.model_copy(update={"placeholder": token}))
        cursor = entity.end
    parts.append(text[cursor:])
    audit(text, placed)
    return ScrubResult(text="".join(parts), entities=placed)
