"""Give every guard pattern written in Python examples it must and must not match.

Run ``python -m tools.guard_model.pattern_examples`` (a maintainer step, like ``make models``)
after changing a pattern. For each named pattern of the dosing, crisis, injection and scope
rules it picks, from the dev sets only, the shortest lines of the pattern's own label on
which the pattern fires (must match) and the benign lines nearest to them in wording on
which it does not (must not match), and writes them to
``assistant/guard/rules/examples.yaml``; ``tests/unit/guard/test_pattern_examples.py`` runs
them through the patterns, and fails for a pattern without examples. A pattern that fires
on no dev line of its label is reported, to be deleted. A dose amount is never written
into the examples: where only lines naming one show a pattern, the amount is replaced by a
placeholder that the tests fill in. Pattern packs (``assistant/guard/packs``) carry their own examples.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from pathlib import Path

import yaml

from assistant.dose_amounts import find_dose_amounts, mask_dose_amounts
from assistant.guard import RuleGuard
from assistant.guard.packs import PACK_DIR, load_pack
from assistant.guard.rules import dosing, injection

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "evals" / "data" / "guard"
OUT = REPO / "assistant" / "guard" / "rules" / "examples.yaml"
PACKS = tuple(path.stem for path in PACK_DIR.glob("*.yaml"))
# In an example, a dose amount is written as this placeholder; the tests fill it in.
AMOUNT = "{amount}"
# (dev file, mode, the label whose lines a pattern of that mode should find)
SOURCES = (
    ("questions.dev.jsonl", "input", "dosing"),
    ("therapist.dev.jsonl", "input", "crisis"),
    ("journal.dev.jsonl", "journal", "crisis"),
    ("injection.dev.jsonl", "journal", "injection"),
)
MATCHES, NEAR_MISSES, MAX_CHARS = 2, 2, 220
WORD = re.compile(r"[a-z]{3,}")


def pattern_names(guard: RuleGuard) -> dict[str, str]:
    """Each Python pattern's name and its rule (packs excluded: they carry examples)."""
    packed = {p.pattern.name for pack in PACKS for p in load_pack(pack)}
    names = {}
    for rule, patterns in (
        (guard.dosing.name, dosing.PATTERNS),
        (guard.crisis.name, guard.crisis.patterns),
        (guard.reported_crisis.name, guard.reported_crisis.patterns),
        (guard.injection.name, injection.PATTERNS),
    ):
        for item in patterns:
            if item.name not in packed:
                names.setdefault(item.name, rule)
    return names


def fired(guard: RuleGuard, text: str, mode: str) -> set[str]:
    return {
        f.detail.removeprefix("pattern ")
        for f in guard.check(text, mode).findings
        if f.source == "pattern"
    }


def _placeholder(text: str) -> str:
    return mask_dose_amounts(text, AMOUNT) if find_dose_amounts(text) else text


def _words(text: str) -> set[str]:
    return set(WORD.findall(text.lower()))


def collect(guard: RuleGuard) -> tuple[dict, list[str]]:
    names = pattern_names(guard)
    found: dict[str, list[tuple[str, str]]] = defaultdict(list)
    benign: dict[str, list[tuple[str, set[str]]]] = defaultdict(list)
    for file, mode, label in SOURCES:
        for line in (DATA / file).read_text(encoding="utf-8").splitlines():
            text = json.loads(line)["text"]
            if len(text) > MAX_CHARS:
                continue
            hits = fired(guard, text, mode)
            if json.loads(line)["label"] == label:
                for name in hits & names.keys():
                    found[name].append((mode, text))
            elif not hits and not find_dose_amounts(text):
                benign[mode].append((text, _words(text)))
    examples, unused = {}, []
    for name in sorted(names):
        if not found[name]:
            unused.append(name)
            continue
        # Lines without a dose amount first; an amount is kept only as a placeholder.
        ranked = sorted(found[name], key=lambda item: (bool(find_dose_amounts(item[1])), len(item[1])))
        mode = ranked[0][0]
        chosen = [(m, _placeholder(t)) for m, t in ranked if m == mode][:MATCHES]
        wanted = set().union(*(_words(text) for _, text in chosen))
        near = sorted(benign[mode], key=lambda item: -len(item[1] & wanted))[:NEAR_MISSES]
        examples[name] = {
            "rule": names[name],
            "mode": mode,
            "must_match": [text for _, text in chosen],
            "must_not_match": [text for text, _ in near],
        }
    return examples, unused


def main() -> None:
    examples, unused = collect(RuleGuard(None))
    header = (
        "# Written by `python -m tools.guard_model.pattern_examples` from the dev sets only.\n"
        "# Per pattern: lines of its label it must find, and near benign lines it must not.\n"
    )
    OUT.write_text(header + yaml.safe_dump(examples, allow_unicode=True, sort_keys=True, width=100),
                   encoding="utf-8")
    print(f"{len(examples)} patterns with examples -> {OUT.relative_to(REPO)}")
    if unused:
        print("no dev line needs these patterns (delete them):", ", ".join(unused))


if __name__ == "__main__":
    main()
