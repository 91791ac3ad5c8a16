"""Prompt templates from prompts/*.yaml: a system and a user part, formatted with fields."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from assistant.errors import ConfigError


@dataclass(frozen=True)
class Prompt:
    name: str
    system: str
    user: str

    def render(self, **fields: object) -> tuple[str, str]:
        return self.system.format(**fields), self.user.format(**fields)


def load_prompt(folder: Path, name: str) -> Prompt:
    path = folder / f"{name}.yaml"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        return Prompt(name=name, system=data["system"], user=data["user"])
    except FileNotFoundError:
        raise ConfigError(f"{path}: prompt template not found (set KAP_PROMPTS_DIR)") from None
    except (yaml.YAMLError, KeyError, TypeError):
        raise ConfigError(f"{path}: prompt template needs 'system' and 'user' texts") from None
