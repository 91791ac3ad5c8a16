"""Hand-written PHI sets as tagger training examples: the sets other authors wrote for past
rounds, already scored once and now dev data (``FILES``). Sealed sets not yet scored are never
listed here.

Each text is normalised as the scrubber normalises it before the tagger reads it, its labels
are moved onto the normalised text, and it is cut into pieces of at most ``MAX_CHARS`` at line
and sentence ends that no identifier crosses, so that a long note is read whole at training's
window length. Types the tagger does not own (e-mails, ID numbers, organisations) are marked
``IGNORE``: the tagger is taught neither that they are names nor that they are not.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

from assistant.normalize import normalize
from tools.phi_tagger.generate import LABELS, Example

DATA = Path(__file__).resolve().parents[2] / "evals" / "data"
FILES = (
    "phi/therapy.heldout.jsonl",
    "phi/obfuscated.heldout.jsonl",
    "phi/generic.heldout.jsonl",
    "phi/heldout.jsonl",
    "sealed/phi-v3/therapy-v3.jsonl",
    "sealed/phi-v3/obfuscated-v3.jsonl",
    "sealed/phi-v3/generic-v3.jsonl",
    "sealed/phi-v4/therapy-v4.jsonl",
    "sealed/phi-v4/obfuscated-v4.jsonl",
    "sealed/phi-v4/generic-v4.jsonl",
    "sealed/phi-v5/therapy-v5.jsonl",
    "sealed/phi-v5/obfuscated-v5.jsonl",
    "sealed/phi-v5/generic-v5.jsonl",
    "sealed/phi-v6/therapy-v6.jsonl",
    "sealed/phi-v6/obfuscated-v6.jsonl",
    "sealed/phi-v6/generic-v6.jsonl",
    "sealed/phi-v7/therapy-v7.jsonl",
    "sealed/phi-v7/obfuscated-v7.jsonl",
    "sealed/phi-v7/generic-v7.jsonl",
    "sealed/phi-v8/therapy-v8.jsonl",
    "sealed/phi-v8/obfuscated-v8.jsonl",
    "sealed/phi-v8/generic-v8.jsonl",
    "sealed/phi-v9/therapy-v9.jsonl",
    "sealed/phi-v9/obfuscated-v9.jsonl",
    "sealed/phi-v9/generic-v9.jsonl",
    "sealed/phi-v10/therapy-v10.jsonl",
    "sealed/phi-v10/obfuscated-v10.jsonl",
    "sealed/phi-v10/generic-v10.jsonl",
    "sealed/phi-v11/therapy-v11.jsonl",
    "sealed/phi-v11/obfuscated-v11.jsonl",
    "sealed/phi-v11/generic-v11.jsonl",
    "sealed/phi-v12/therapy-v12.jsonl",
    "sealed/phi-v12/obfuscated-v12.jsonl",
    "sealed/phi-v12/generic-v12.jsonl",
    "sealed/phi-v13/therapy-v13.jsonl",
    "sealed/phi-v13/obfuscated-v13.jsonl",
    "sealed/phi-v13/generic-v13.jsonl",
)
IGNORE = "IGNORE"
MAX_CHARS = 320
CUT = re.compile(r"\n+|(?<=[.!?])\s+")


def data_digest(files: tuple[str, ...] = FILES) -> str:
    """sha256 over the names and contents of ``files``, in order."""
    digest = hashlib.sha256()
    for name in files:
        digest.update(name.encode("utf-8"))
        digest.update((DATA / name).read_bytes())
    return digest.hexdigest()


def examples(files: tuple[str, ...] = FILES) -> list[Example]:
    """Every labelled text of ``files``, normalised and cut into training pieces."""
    out = []
    for name in files:
        for line in (DATA / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                out.extend(pieces(row["text"], row["entities"]))
    return out


def pieces(text: str, entities: list[dict]) -> list[Example]:
    """``text`` normalised, its labels moved onto the normalised text, cut into pieces."""
    normal = normalize(text)
    spans = []
    for entity in entities:
        inside = [i for i, (s, e) in enumerate(zip(normal.starts, normal.ends))
                  if s >= entity["start"] and e <= entity["end"]]
        if inside:
            kind = entity["type"] if entity["type"] in LABELS else IGNORE
            spans.append((inside[0], inside[-1] + 1, kind))
    return _cut(normal.text, sorted(spans))


def _cut(text: str, spans: list[tuple[int, int, str]]) -> list[Example]:
    """Pieces of at most MAX_CHARS (longer only where no free cut exists), with their spans."""
    free = [m.end() for m in CUT.finditer(text)
            if not any(s < m.end() < e for s, e, _ in spans)] + [len(text)]
    out, start = [], 0
    while start < len(text):
        fitting = [cut for cut in free if start < cut <= start + MAX_CHARS]
        end = fitting[-1] if fitting else next(cut for cut in free if cut > start)
        piece = text[start:end]
        stripped = piece.rstrip()
        if stripped.strip():
            inner = tuple((s - start, e - start, k) for s, e, k in spans if start <= s and e <= end)
            out.append(Example(stripped, inner))
        start = end
    return out
