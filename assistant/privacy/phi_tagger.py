"""The learned PHI tagger: the lower layers of the bundled MiniLM, one retrained layer above
them and a token head.

MiniLM is uncased, so the head also sees a few shape features of each word piece's word in
the original text (capitalised, all caps, digits, punctuation, ...). The shipped artifact
(``assistant/privacy/model/``) holds only the retrained layer and the head in fp16, and
a manifest naming the base model by the sha256 of its weights file: loading refuses any
other base model. Training lives in ``tools/phi_tagger`` (``make models``), never here.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from assistant.errors import ConfigError
from assistant.model_files import BASE_WEIGHTS_FILE, checked_weights

log = logging.getLogger(__name__)

MODEL_DIR = Path(__file__).with_name("model")
MANIFEST = "manifest.json"
WEIGHTS = "tagger.npz"
N_SHAPE = 10
MAX_PIECES = 256
STRIDE = 64
# A run of labelled pieces goes on over pieces at least this likely to be an identifier.
CONTINUE = 0.5


@dataclass(frozen=True)
class TaggedSpan:
    """A span the tagger found: character offsets into the text as given, type and score."""

    start: int
    end: int
    type: str
    score: float


def read_manifest(model_dir: Path) -> dict:
    path = model_dir / MANIFEST
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except OSError:
        raise ConfigError(f"PHI tagger: {path} is missing; reinstall, or run `make models`") from None
    except json.JSONDecodeError as exc:
        raise ConfigError(f"PHI tagger: {path} is not valid JSON (line {exc.lineno}); run `make models`") from None


def verify_base_model(manifest: dict, base_dir: Path) -> None:
    """Raise ConfigError unless ``base_dir`` holds the weights the tagger was trained on."""
    checked_weights(base_dir / BASE_WEIGHTS_FILE, manifest["base_model"]["sha256"],
                    "the PHI tagger", "retrain it with `make models`")


# ------------------------------------------------------------------ shape features


def shape_features(text: str, offsets: Sequence[tuple[int, int]]) -> np.ndarray:
    """Per word piece: case and character-class facts the uncased vocabulary cannot see."""
    letters = [ch for ch in text if ch.isalpha()]
    lower_ratio = sum(ch.islower() for ch in letters) / len(letters) if letters else 0.0
    upper_ratio = sum(ch.isupper() for ch in letters) / len(letters) if letters else 0.0
    rows = np.zeros((len(offsets), N_SHAPE), dtype=np.float32)
    for index, (start, end) in enumerate(offsets):
        if start == end:
            continue
        w_start, w_end = start, end
        while w_start > 0 and not text[w_start - 1].isspace():
            w_start -= 1
        while w_end < len(text) and not text[w_end].isspace():
            w_end += 1
        word, piece = text[w_start:w_end], text[start:end]
        word_letters = [ch for ch in word if ch.isalpha()]
        before = text[:w_start].rstrip()
        rows[index] = (
            bool(word_letters) and word_letters[0].isupper(),
            len(word_letters) > 1 and all(ch.isupper() for ch in word_letters),
            bool(word_letters) and all(ch.islower() for ch in word_letters),
            any(ch.isdigit() for ch in piece),
            all(not ch.isalnum() for ch in piece),
            any(ord(ch) > 127 for ch in word_letters),
            start == w_start,
            not before or before[-1] in ".!?:\n",
            lower_ratio > 0.97,
            upper_ratio > 0.9,
        )
    return rows


# ------------------------------------------------------------------ model


def build_head(torch, base_layer, n_labels: int):
    """The trainable part: a copy of one MiniLM layer and a linear head over [hidden; shape]."""
    import copy

    class TaggerHead(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.layer = copy.deepcopy(base_layer)
            hidden = self.layer.output.dense.out_features
            self.classifier = torch.nn.Linear(hidden + N_SHAPE, n_labels)

        def forward(self, hidden, mask, shape):
            extended = (1.0 - mask[:, None, None, :].to(hidden.dtype)) * torch.finfo(hidden.dtype).min
            out = self.layer(hidden, attention_mask=extended)
            out = out[0] if isinstance(out, tuple) else out
            return self.classifier(torch.cat([out, shape], dim=-1))

    return TaggerHead()


class PhiTagger:
    """Scores texts for PHI spans. Cheap to construct; ``load()`` (or first use) reads the
    base model, verifies its hash against the manifest and applies the shipped weights."""

    def __init__(self, base_dir: Path, model_dir: Path = MODEL_DIR, batch_size: int = 32):
        self.base_dir = Path(base_dir)
        self.model_dir = Path(model_dir)
        self.batch_size = batch_size
        self.manifest = read_manifest(self.model_dir)
        self.labels: list[str] = list(self.manifest["labels"])
        self.thresholds: dict[str, float] = dict(self.manifest["thresholds"])
        self._parts = None
        self._lock = threading.Lock()

    def load(self) -> None:
        with self._lock:
            if self._parts is None:
                verify_base_model(self.manifest, self.base_dir)
                self._parts = self._build()

    def _build(self):
        import torch
        from transformers import AutoModel, AutoTokenizer

        log.info("loading PHI tagger over %s", self.base_dir.name)
        tokenizer = AutoTokenizer.from_pretrained(str(self.base_dir))
        encoder = AutoModel.from_pretrained(str(self.base_dir)).eval()
        depth = int(self.manifest["recipe"]["layers"])
        layers = encoder.encoder.layer
        head = build_head(torch, layers[depth - 1], len(self.labels))
        with np.load(self.model_dir / WEIGHTS) as stored:
            state = {key: torch.from_numpy(stored[key].astype(np.float32)) for key in stored.files}
        head.load_state_dict(state, strict=True)
        encoder.encoder.layer = layers[: depth - 1]
        return torch, tokenizer, encoder, head.eval()

    def predict(self, texts: Sequence[str]) -> list[list[TaggedSpan]]:
        """Spans for each text, batched; texts longer than the window are read in overlapping windows."""
        self.load()
        probs = self.token_probabilities(texts)
        return [self._decode(text, tokens) for text, tokens in zip(texts, probs)]

    def token_probabilities(self, texts: Sequence[str]) -> list[list[tuple[int, int, np.ndarray]]]:
        """(start, end, label probabilities) per word piece, per text."""
        self.load()
        torch, tokenizer, encoder, head = self._parts
        out: list[dict[tuple[int, int], np.ndarray]] = [{} for _ in texts]
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))  # less padding per batch
        for first in range(0, len(order), self.batch_size):
            chunk = [texts[i] for i in order[first : first + self.batch_size]]
            enc = tokenizer(
                chunk, truncation=True, max_length=MAX_PIECES, stride=STRIDE, padding=True,
                return_overflowing_tokens=True, return_offsets_mapping=True, return_tensors="pt",
            )
            owners = enc["overflow_to_sample_mapping"].tolist()
            offsets = enc["offset_mapping"].tolist()
            shape = torch.from_numpy(np.stack([
                shape_features(chunk[owner], spans) for owner, spans in zip(owners, offsets)
            ]))
            with torch.inference_mode():
                hidden = encoder(input_ids=enc["input_ids"], attention_mask=enc["attention_mask"]).last_hidden_state
                logits = head(hidden, enc["attention_mask"], shape)
                probs = torch.softmax(logits.float(), dim=-1).numpy()
            for row, owner in enumerate(owners):
                seen = out[order[first + owner]]
                for col, (start, end) in enumerate(offsets[row]):
                    if start == end:
                        continue
                    key = (start, end)
                    seen[key] = np.maximum(seen[key], probs[row, col]) if key in seen else probs[row, col]
        return [[(s, e, p) for (s, e), p in sorted(tokens.items())] for tokens in out]

    def _decode(self, text: str, tokens) -> list[TaggedSpan]:
        """Runs of labelled pieces become spans, typed by the label with the most probability
        over the run: "Rua das Flores 12" stays one address even if "Flores" leans to a
        place. A run starts at a piece that reaches its label's threshold and goes on over
        pieces that reach ``CONTINUE`` and over the rest of a word it has begun (a span never
        ends inside a word); any other piece or a line break ends it."""
        spans: list[TaggedSpan] = []
        run: list[tuple[int, int, np.ndarray]] = []
        for start, end, probs in tokens:
            entity = probs[1:]
            label = self.labels[int(np.argmax(entity)) + 1]
            likely = 1.0 - probs[0]
            if run:
                previous = run[-1][1]
                inside_word = start == previous and text[start - 1 : start + 1].isalnum()
                if inside_word or (likely >= CONTINUE and "\n" not in text[previous:start]):
                    run.append((start, end, probs))
                    continue
                spans.append(self._span(text, run))
                run = []
            if likely >= self.thresholds.get(label, self.thresholds["default"]):
                run.append((start, end, probs))
        if run:
            spans.append(self._span(text, run))
        return spans

    def _span(self, text: str, run: list[tuple[int, int, np.ndarray]]) -> TaggedSpan:
        """The run as one span, grown to whole words at both ends."""
        start, end = run[0][0], run[-1][1]
        while start > 0 and text[start - 1].isalnum():
            start -= 1
        while end < len(text) and text[end].isalnum():
            end += 1
        mass = np.sum([probs for _, _, probs in run], axis=0)
        label = self.labels[int(np.argmax(mass[1:])) + 1]
        score = float(np.mean([1.0 - probs[0] for _, _, probs in run]))
        return TaggedSpan(start, end, label, score)
