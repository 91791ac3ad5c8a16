"""Placeholders a piece of output may carry: only those in the input it was made from.

One vault serves a whole chat conversation, so it can restore an earlier question's
identifiers; output made from one input restores that input's placeholders only.
"""

from __future__ import annotations

from assistant.privacy.vault import PLACEHOLDER, Vault


def placeholders(text: str) -> set[str]:
    """The placeholder tokens in ``text``, such as ``<PERSON_1>``."""
    return {m.group(0) for m in PLACEHOLDER.finditer(text)}


def foreign_placeholders(output: str, source: str) -> set[str]:
    """Placeholders in ``output`` that ``source`` (what the model was given) does not contain."""
    return placeholders(output) - placeholders(source)


def restore_from(vault: Vault, text: str, source: str) -> str:
    """``text`` with the placeholders of ``source`` restored; any other stays a placeholder."""
    allowed = placeholders(source)
    return PLACEHOLDER.sub(
        lambda m: vault.restore(m.group(0)) if m.group(0) in allowed else m.group(0), text
    )
