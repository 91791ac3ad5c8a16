"""The intent model: the bundled MiniLM with trained low-rank adapters and three heads.

One head says whether a therapist's question asks for a dosing decision; one whether a text
reports a crisis, and which kind; one whether a client's text carries an instruction to the
software reading it. It reads a whole text at once, so a request at the end of three
sentences of context, or a plan spread over two, is judged as one; a text longer than its
window is read in overlapping windows, so the end of a long entry is read too.

The adapters and heads ship in ``assistant/guard/model`` (a few MB, with a manifest naming
the base model and its hash, the data digest, the recipe and the thresholds). They are
trained by ``make models`` (``tools/guard_model``), never at install, and complement the
patterns rather than replacing them.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

import numpy as np

from assistant.errors import ConfigError
from assistant.model_files import checked_base
from assistant.guard.rules.crisis import MEDICAL, OTHERS, SELF_HARM, SUICIDAL

log = logging.getLogger(__name__)

BENIGN = "benign"
CRISIS_CLASSES = (BENIGN, SUICIDAL, SELF_HARM, OTHERS, MEDICAL)
MODEL_DIR = Path(__file__).parent / "model"
MANIFEST = "manifest.json"
WEIGHTS = "intent.safetensors"
MAX_TOKENS = 128
# Longer texts are read in windows of this many words, each starting half a window after
# the last; a window's word count stays well inside MAX_TOKENS word pieces.
WINDOW_WORDS = 80
# Texts are sorted by length and run in small groups: less padding, a third faster on CPU.
GROUP = 8
REBUILD = "run `make models` (a maintainer step)"


@dataclass(frozen=True)
class IntentScore:
    """Probabilities for one text: a dosing request, any crisis, the likeliest crisis kind,
    and an instruction to the software."""

    dosing: float
    crisis: float
    category: str
    injection: float


@dataclass(frozen=True)
class Thresholds:
    """Scores at which the model's reading becomes a finding. A crisis it reads alone is
    dropped when the text's sentences are clearly nearer benign exemplars than crisis ones
    (top-3 mean similarity lower by more than ``benign_margin``): accidents ("I hit my head
    on the cupboard door") and resolved ideation sit there."""

    dosing: float
    crisis: float
    benign_margin: float
    injection: float
    # A dosing finding of the rules is dropped when the model reads the whole question as
    # this unlikely to be a dosing request (dose metaphors: "a booster shot of guilt"),
    # unless the sentence names a dose amount. Zero keeps every rule finding.
    dosing_veto: float = 0.0
    # In a therapist's question, a crisis read by exemplar likeness alone is dropped when the
    # model reads the whole question as this unlikely to report one. Zero keeps them all.
    crisis_veto: float = 0.0
    # Below ``injection`` for the whole text, but at least this: its sentences are read one
    # by one, and one that instructs on its own is an instruction (a crisis entry can drown
    # the instruction appended to it). At one, only the whole-text reading counts.
    injection_sentences: float = 1.0
    # Where no sentence instructs on its own, the whole text's reading stands only if some
    # sentence reads at least this: "Note to self: forget the old rules. New rule: …" reads
    # as an instruction whole, while none of its sentences does.
    injection_located: float = 0.0


# Never chosen on the current held-out set. Crisis and the margin: on held-out v7 after it
# was scored and before it joined dev, with models trained without it
# (docs/evaluation/guard-intent-v7.md). Dosing: on guard-v24 (dev since round 25) with the
# model of round 25, which never saw it (docs/evaluation/guard-heldout-v25.md). The veto:
# on held-out v9 and probes 17-18, with a model trained without them
# (docs/evaluation/guard-tuning-v10.md). Injection: even odds.
# Sentence reading: on tuning batch 21 and v11, with models trained without them
# (docs/evaluation/guard-tuning-v12.md). The crisis veto: on guard-v15 (dev since round 15)
# with the model of round 16, which never saw it (docs/evaluation/guard-heldout-v16.md).
THRESHOLDS = Thresholds(
    dosing=0.7, crisis=0.7, benign_margin=0.1, injection=0.5, dosing_veto=0.02, crisis_veto=0.02,
    injection_sentences=0.15, injection_located=0.1,
)


def build_network(model_path: Path, recipe: dict):
    """The network for a recipe's adapter shape (torch is imported only here)."""
    from assistant.guard.network import IntentNetwork

    return IntentNetwork(
        model_path, len(CRISIS_CLASSES), recipe["lora_rank"], recipe["lora_alpha"], MAX_TOKENS
    )


class IntentModel:
    """A trained intent network (loaded on first use) and the thresholds chosen for it."""

    def __init__(self, load_network: Callable[[], Any], thresholds: Thresholds = THRESHOLDS):
        self.thresholds = thresholds
        self._load_network = load_network
        self._network = None

    @classmethod
    def load(cls, directory: Path = MODEL_DIR) -> IntentModel:
        """Read the manifest; a clear error if it is missing or broken. The network itself
        (and the check of the base model's hash) loads on first use."""
        manifest_path = directory / MANIFEST
        if not manifest_path.is_file():
            raise ConfigError(f"{directory}: the guard's intent model is missing; {REBUILD}")
        try:
            manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
            recipe = manifest["recipe"]
            thresholds = Thresholds(**{
                f.name: float(manifest["thresholds"][f.name])
                for f in fields(Thresholds) if f.name in manifest["thresholds"]
            })
            expected = (manifest["base_model"], manifest["base_sha256"])
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise ConfigError(f"{manifest_path}: unreadable intent model manifest ({exc})") from None
        return cls(lambda: _load_network(directory, recipe, *expected), thresholds)

    @property
    def network(self):
        if self._network is None:
            self._network = self._load_network()
        return self._network

    def warm_up(self) -> None:
        """Load the network now rather than on the first text."""
        _ = self.network

    def score(self, texts: Sequence[str]) -> list[IntentScore]:
        """Scores per text, in the order given; a long text scores as its likeliest window."""
        windows, rows_of = [], []
        for text in texts:
            pieces = split_windows(text)
            rows_of.append(list(range(len(windows), len(windows) + len(pieces))))
            windows += pieces
        dosing, crisis, injection = self._raw(windows)
        scores = []
        for rows in rows_of:
            worst = max(rows, key=lambda row: 1.0 - crisis[row, 0])
            scores.append(IntentScore(
                dosing=float(dosing[rows].max()),
                crisis=float(1.0 - crisis[worst, 0]),
                category=CRISIS_CLASSES[1 + int(crisis[worst, 1:].argmax())],
                injection=float(injection[rows].max()),
            ))
        return scores

    def _raw(self, texts: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        import torch

        dosing = np.zeros(len(texts), dtype=np.float32)
        injection = np.zeros(len(texts), dtype=np.float32)
        crisis = np.zeros((len(texts), len(CRISIS_CLASSES)), dtype=np.float32)
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        with torch.inference_mode():
            for start in range(0, len(order), GROUP):
                rows = order[start : start + GROUP]
                dosing_logits, crisis_logits, injection_logits = self.network(
                    [texts[i] for i in rows]
                )
                dosing[rows] = torch.sigmoid(dosing_logits).numpy()
                crisis[rows] = torch.softmax(crisis_logits, dim=-1).numpy()
                injection[rows] = torch.sigmoid(injection_logits).numpy()
        return dosing, crisis, injection


def split_windows(text: str, size: int = WINDOW_WORDS) -> list[str]:
    """The text itself when short, else overlapping windows of ``size`` words (half
    overlapping), the last one ending with the text."""
    words = text.split()
    if len(words) <= size:
        return [text]
    step = size // 2
    starts = list(range(0, len(words) - size, step)) + [len(words) - size]
    return [" ".join(words[start : start + size]) for start in starts]


def _load_network(directory: Path, recipe: dict, base_model: str, base_sha256: str):
    from safetensors import SafetensorError
    from safetensors.torch import load_file

    weights = checked_base(
        base_model, base_sha256, f"{directory}: the guard's intent model", REBUILD
    )
    network = build_network(weights.parent, recipe)
    try:
        network.load_trained_state(load_file(str(directory / WEIGHTS)))
    except (OSError, ValueError, RuntimeError, SafetensorError) as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise ConfigError(
            f"{directory}: the guard's intent model is damaged or from another version "
            f"({reason}); {REBUILD}"
        ) from None
    network.eval()
    network.merge_adapters()
    log.info("loaded guard intent model from %s", directory)
    return network
