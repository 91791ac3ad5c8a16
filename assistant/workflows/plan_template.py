"""The plan template (prompts/plan.yaml), validated so a broken file stops the program."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, Field

from assistant.yaml_config import load_yaml_model


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
    return load_yaml_model(path, PlanTemplate, "plan template")
