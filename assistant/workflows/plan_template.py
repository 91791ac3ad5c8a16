"""The plan template (prompts/plan.yaml), validated so a broken file stops the program."""

from __future__ import annotations

from pathlib import Path

import yaml
from pydantic import BaseModel, Field, ValidationError

from assistant.errors import ConfigError


class AgendaSlot(BaseModel):
    key: str
    share: float = Field(gt=0, le=1)
    activity: str


class GoalTemplates(BaseModel):
    focus: str
    theme: str
    default: str


class PlanTemplate(BaseModel):
    version: int
    agenda: list[AgendaSlot]
    check_in: list[str]
    safety_check: list[str]
    goal_templates: GoalTemplates
    max_themes: int = Field(3, ge=1, le=6)
    practice_query: str
    psychoeducation_query: str
    homework_query: str
    homework_doc: str


def load_plan_template(path: Path) -> PlanTemplate:
    try:
        return PlanTemplate.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
    except FileNotFoundError:
        raise ConfigError(f"{path}: plan template not found (set KAP_PROMPTS_DIR)") from None
    except (yaml.YAMLError, ValidationError) as exc:
        raise ConfigError(f"{path}: invalid plan template: {str(exc).splitlines()[0]}") from None
