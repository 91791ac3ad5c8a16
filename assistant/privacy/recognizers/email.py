"""Presidio's email recognizer with an offline public-suffix check (no download, no cache)."""

from __future__ import annotations

import tldextract
from presidio_analyzer.predefined_recognizers import EmailRecognizer

# The bundled suffix snapshot: no URLs means no fetch; cache_dir=None means no disk writes.
_EXTRACT = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


class OfflineEmailRecognizer(EmailRecognizer):
    """Same patterns as Presidio's; reports ``EMAIL`` and never touches the network."""

    def __init__(self, supported_language: str = "en", supported_entity: str = "EMAIL"):
        super().__init__(supported_language=supported_language, supported_entity=supported_entity)

    def validate_result(self, pattern_text: str) -> bool:
        return _EXTRACT(pattern_text).fqdn != ""
