"""Thresholds as data (``evals/thresholds.yaml``): which metric of which set must be where."""

from __future__ import annotations

import fnmatch
import operator
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from assistant.errors import ConfigError

DEFAULT_FILE = Path(__file__).with_name("thresholds.yaml")
RUNS = ("full", "quick")
_RULE = re.compile(r"^\s*(>=|<=|==)\s*(-?\d+(?:\.\d+)?)\s*$")
_OPS = {">=": operator.ge, "<=": operator.le, "==": operator.eq}


@dataclass(frozen=True)
class Threshold:
    """``value <op> target`` must hold, e.g. ``recall >= 0.97``."""

    op: str
    target: float

    def met(self, value: float) -> bool:
        return _OPS[self.op](round(value, 6), self.target)

    def __str__(self) -> str:
        return f"{self.op} {self.target:g}"

    def as_dict(self) -> dict:
        return {"op": self.op, "value": self.target}


@dataclass(frozen=True)
class Group:
    """Thresholds for the sets whose names match ``patterns``."""

    name: str
    patterns: tuple[str, ...]
    rules: dict[str, Threshold]

    def applies_to(self, set_name: str) -> bool:
        return any(fnmatch.fnmatchcase(set_name, p) for p in self.patterns)


class Thresholds:
    """The groups of one run (``full`` or ``quick``), per suite."""

    def __init__(self, suites: dict[str, list[Group]]):
        self.suites = suites

    def for_set(self, suite: str, set_name: str) -> dict[str, Threshold]:
        """Every threshold that applies to one set; a later group overrides an earlier one."""
        rules: dict[str, Threshold] = {}
        for group in self.suites.get(suite, []):
            if group.applies_to(set_name):
                rules.update(group.rules)
        return rules


def load_thresholds(run: str, known: dict[str, tuple[str, ...]], path: Path = DEFAULT_FILE) -> Thresholds:
    """Read one run's thresholds; ``known`` names each suite's metrics, so a typo stops here
    instead of silently checking nothing."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: thresholds file not found") from None
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: not valid YAML ({str(exc).splitlines()[0]})") from None
    if not isinstance(raw, dict) or not isinstance(raw.get(run), dict):
        raise ConfigError(f"{path}: needs a mapping `{run}:` of suites (see evals/README.md)")
    suites: dict[str, list[Group]] = {}
    for suite, groups in raw[run].items():
        if suite not in known:
            raise ConfigError(f"{path}: {run}.{suite}: unknown suite; choose from {', '.join(known)}")
        if not isinstance(groups, dict):
            raise ConfigError(f"{path}: {run}.{suite}: expected groups of thresholds")
        suites[suite] = [
            _group(path, f"{run}.{suite}.{name}", name, body, known[suite])
            for name, body in groups.items()
        ]
    return Thresholds(suites)


def _group(path: Path, where: str, name: str, body: object, metrics: tuple[str, ...]) -> Group:
    if not isinstance(body, dict):
        raise ConfigError(f"{path}: {where}: expected metric: \"<op> <number>\" lines")
    body = dict(body)
    patterns = body.pop("sets", ["*"])
    if not isinstance(patterns, list) or not all(isinstance(p, str) for p in patterns):
        raise ConfigError(f"{path}: {where}.sets: expected a list of set name patterns")
    rules = {}
    for metric, rule in body.items():
        if metric not in metrics:
            raise ConfigError(f"{path}: {where}.{metric}: unknown metric; choose from {', '.join(metrics)}")
        match = _RULE.match(str(rule))
        if not match:
            raise ConfigError(f"{path}: {where}.{metric}: expected \">= 0.9\", \"<= 0.1\" or \"== 0\"")
        rules[metric] = Threshold(match.group(1), float(match.group(2)))
    return Group(name, tuple(patterns), rules)
