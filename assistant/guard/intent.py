"""The intent model: the bundled MiniLM fine-tuned on the guard's dev sets, with three heads.

One head says whether a therapist's question asks for a dosing decision; one whether a text
reports a crisis, and which kind; one whether a client's text carries an instruction to the
software reading it. It reads a whole text at once, so a request at the end of three
sentences of context, or a plan spread over two, is judged as one. It is trained on this
machine by ``python -m assistant.guard.train`` (``make`` does it) from the dev sets only,
and complements the patterns and exemplar similarity rather than replacing them: on
held-out v7 either alone missed lines the other caught.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from assistant.errors import ConfigError
from assistant.guard.rules.crisis import MEDICAL, OTHERS, SELF_HARM, SUICIDAL

log = logging.getLogger(__name__)

BENIGN = "benign"
CRISIS_CLASSES = (BENIGN, SUICIDAL, SELF_HARM, OTHERS, MEDICAL)
MANIFEST = "manifest.json"
WEIGHTS = "model.safetensors"
MAX_TOKENS = 128
# Texts are sorted by length and run in small groups: less padding, a third faster on CPU.
GROUP = 8


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
    # Below ``injection`` for the whole text, but at least this: its sentences are read one
    # by one, and one that instructs on its own is an instruction (a crisis entry can drown
    # the instruction appended to it). At one, only the whole-text reading counts.
    injection_sentences: float = 1.0
    # Where no sentence instructs on its own, the whole text's reading stands only if some
    # sentence reads at least this: "Note to self: forget the old rules. New rule: …" reads
    # as an instruction whole, while none of its sentences does.
    injection_located: float = 0.0


# Never chosen on the current held-out set. Dosing, crisis and the margin: on held-out v7
# after it was scored and before it joined dev, with models trained without it
# (docs/evaluation/guard-intent-v7.md). The veto: on held-out v9 and probes 17-18, with a
# model trained without them (docs/evaluation/guard-tuning-v10.md). Injection: even odds.
# Sentence reading: on tuning batch 21 and v11, with models trained without them
# (docs/evaluation/guard-tuning-v12.md).
THRESHOLDS = Thresholds(
    dosing=0.9, crisis=0.7, benign_margin=0.1, injection=0.5, dosing_veto=0.02,
    injection_sentences=0.15, injection_located=0.1,
)


def build_network(model_path: Path):
    """MiniLM with mean pooling and the three linear heads (torch is imported only here)."""
    import torch
    from transformers import AutoModel, AutoTokenizer

    class IntentNetwork(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.tokenizer = AutoTokenizer.from_pretrained(str(model_path))
            self.encoder = AutoModel.from_pretrained(str(model_path))
            size = self.encoder.config.hidden_size
            self.dosing = torch.nn.Linear(size, 1)
            self.crisis = torch.nn.Linear(size, len(CRISIS_CLASSES))
            self.injection = torch.nn.Linear(size, 1)

        def forward(self, texts: list[str]):
            batch = self.tokenizer(
                texts, padding=True, truncation=True, max_length=MAX_TOKENS, return_tensors="pt"
            )
            hidden = self.encoder(**batch).last_hidden_state
            mask = batch["attention_mask"].unsqueeze(-1).to(hidden.dtype)
            pooled = (hidden * mask).sum(1) / mask.sum(1)
            return self.dosing(pooled)[:, 0], self.crisis(pooled), self.injection(pooled)[:, 0]

    return IntentNetwork()


class IntentModel:
    """A trained intent network (loaded on first use) and the thresholds chosen for it."""

    def __init__(self, load_network: Callable[[], Any], thresholds: Thresholds = THRESHOLDS):
        self.thresholds = thresholds
        self._load_network = load_network
        self._network = None

    @classmethod
    def load(cls, directory: Path) -> IntentModel:
        """Read the manifest written by ``python -m assistant.guard.train``; a clear error if
        the model is missing. The network itself loads on first use."""
        manifest_path = directory / MANIFEST
        if not manifest_path.is_file():
            raise ConfigError(
                f"{directory}: the guard's intent model is not trained yet; run `make install` "
                "or `python -m assistant.guard.train` (a few minutes, once)"
            )
        try:
            base_model = json.loads(manifest_path.read_text(encoding="utf-8"))["base_model"]
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise ConfigError(f"{manifest_path}: unreadable intent model manifest ({exc})") from None
        return cls(lambda: _load_network(directory, base_model))

    @property
    def network(self):
        if self._network is None:
            self._network = self._load_network()
        return self._network

    def warm_up(self) -> None:
        """Load the network now rather than on the first text."""
        _ = self.network

    def score(self, texts: Sequence[str]) -> list[IntentScore]:
        """Scores per text, in the order given."""
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
        return [
            IntentScore(
                dosing=float(d),
                crisis=float(1.0 - c[0]),
                category=CRISIS_CLASSES[1 + int(c[1:].argmax())],
                injection=float(i),
            )
            for d, c, i in zip(dosing, crisis, injection, strict=True)
        ]


def _load_network(directory: Path, base_model: str):
    from safetensors.torch import load_file

    from assistant.embeddings import resolve_model_path

    network = build_network(resolve_model_path(base_model))
    try:
        network.load_state_dict(load_file(str(directory / WEIGHTS)))
    except (OSError, RuntimeError) as exc:  # missing, damaged, or from an older version
        reason = str(exc).splitlines()[0]
        raise ConfigError(
            f"{directory}: the guard's intent model does not fit this version ({reason}); "
            "run `python -m assistant.guard.train --force`"
        ) from None
    network.eval()
    log.info("loaded guard intent model from %s", directory)
    return network
