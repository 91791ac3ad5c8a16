"""A PHI-free audit record per scrub: entity counts per type and a hash of the input."""

from __future__ import annotations

import hashlib
import logging
from collections import Counter
from dataclasses import dataclass

from assistant.models import Entity

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class AuditRecord:
    sha256: str
    chars: int
    counts: dict[str, int]


def audit_scrub(text: str, entities: list[Entity]) -> AuditRecord:
    """Log and return what was scrubbed, without any value."""
    record = AuditRecord(
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        chars=len(text),
        counts=dict(sorted(Counter(entity.type for entity in entities).items())),
    )
    log.info("scrubbed input sha256=%s chars=%d entities=%s", record.sha256, record.chars, record.counts)
    return record
