"""Seeded, stratified samples of the dev data for ``kap eval --quick`` (never a held-out file).

Each stratum (a guard label, a retrieval document, a PHI template) keeps a fixed number of
rows chosen by a seeded generator, so a run is repeatable and every kind of case is there.
"""

from __future__ import annotations

import json
import random
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path

from evals.cases import load_phi_cases

SEED = 7
DATA = Path(__file__).parent / "data"
# Rows per label in each guard dev set: about 1,000 texts, a fifth of a minute to check.
GUARD_PER_LABEL = {"questions": 150, "journal": 150, "safe": 100, "injection": 50, "therapist": 100}
RETRIEVAL_PER_DOCUMENT = 1
GENERATED_PER_TEMPLATE = 2
# Same-length look-alikes: NFKC folds full-width forms; the scrubber folds these Cyrillic letters.
_LOOKALIKE = dict(zip("aeopcxyiAEOPCXHKMTB", "аеорсхуіАЕОРСХНКМТВ", strict=True))
_INVISIBLE = "\u200b"


def stratified(rows: Sequence[dict], key: Callable[[dict], object], per_stratum: int,
               rng: random.Random) -> list[dict]:
    """Up to ``per_stratum`` rows of every stratum, in their original order."""
    strata: dict[object, list[int]] = defaultdict(list)
    for index, row in enumerate(rows):
        strata[key(row)].append(index)
    chosen = sorted(i for stratum in strata.values()
                    for i in rng.sample(stratum, min(per_stratum, len(stratum))))
    return [rows[i] for i in chosen]


def _rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _write(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def guard_sample(folder: Path, seed: int = SEED) -> Path:
    """``<set>.quick.jsonl`` in ``folder`` from the dev sets; returns the questions file."""
    rng = random.Random(seed)
    for name, per_label in GUARD_PER_LABEL.items():
        rows = _rows(DATA / "guard" / f"{name}.dev.jsonl")
        _write(folder / f"{name}.quick.jsonl", stratified(rows, lambda r: r["label"], per_label, rng))
    return folder / "questions.quick.jsonl"


def retrieval_sample(folder: Path, seed: int = SEED) -> Path:
    """Questions for one document each (out-of-scope ones as one stratum), as a JSONL file."""
    rows = _rows(DATA / "retrieval.jsonl")
    chosen = stratified(rows, lambda r: tuple(sorted(r["relevant"])), RETRIEVAL_PER_DOCUMENT,
                        random.Random(seed))
    return _write(folder / "retrieval-quick.jsonl", chosen)


def phi_sets(seed: int = SEED, per_template: int = GENERATED_PER_TEMPLATE) -> dict[str, list[dict]]:
    """The hand-written dev journal texts, a few Faker cases per dev template, and both again
    with every identifier disguised."""
    from evals import phi as phi_eval  # loads Presidio: only when a PHI sample is drawn

    journal = load_phi_cases(DATA / "phi" / "dev.jsonl")
    generated = phi_eval.generate(phi_eval.DEV_TEMPLATES, per_template, seed=1, prefix="gen-dev")
    rng = random.Random(seed)
    return {
        "journal-dev": journal,
        "generated-dev": generated,
        "obfuscated-dev": [obfuscate(case, rng) for case in journal + generated],
    }


def obfuscate(case: dict, rng: random.Random) -> dict:
    """The case with each identifier disguised one way: look-alike letters, full-width
    digits and signs, or invisible characters between its characters; offsets follow."""
    text, entities = case["text"], case["entities"]
    how = {i: rng.choice(("lookalike", "fullwidth", "invisible")) for i in range(len(entities))}
    pieces = list(text)
    for n, entity in enumerate(entities):
        for i in range(entity["start"], entity["end"]):
            pieces[i] = _disguise(text[i], how[n], last=i == entity["end"] - 1)
    starts, length = [], 0
    for piece in pieces:
        starts.append(length)
        length += len(piece)
    moved = [{**e, "start": starts[e["start"]],
              "end": starts[e["end"] - 1] + len(pieces[e["end"] - 1].rstrip(_INVISIBLE))}
             for e in entities]
    return {"id": f"obf-{case['id']}", "text": "".join(pieces), "entities": moved}


def _disguise(char: str, how: str, last: bool) -> str:
    if how == "lookalike":
        return _LOOKALIKE.get(char, char)
    if how == "fullwidth":
        return chr(ord(char) + 0xFEE0) if "!" <= char <= "~" and not char.isalpha() else char
    return char if last or char.isspace() else char + _INVISIBLE
