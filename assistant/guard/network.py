"""The intent network: the bundled MiniLM with low-rank adapters (LoRA) and three heads.

Only the adapters and the heads are trained and shipped; the base weights come from the
bundled MiniLM package, whose hash the manifest records. Imported lazily (it needs torch).
"""

from __future__ import annotations

import math
from pathlib import Path

import torch
from transformers import AutoModel, AutoTokenizer

HEADS = ("dosing", "crisis", "injection")


class LoraLinear(torch.nn.Module):
    """A frozen linear layer plus a trainable low-rank update ``B @ A`` scaled by alpha/rank."""

    def __init__(self, base: torch.nn.Linear, rank: int, alpha: float):
        super().__init__()
        self.base = base
        for parameter in base.parameters():
            parameter.requires_grad_(False)
        self.lora_a = torch.nn.Parameter(torch.empty(rank, base.in_features))
        self.lora_b = torch.nn.Parameter(torch.zeros(base.out_features, rank))
        torch.nn.init.kaiming_uniform_(self.lora_a, a=math.sqrt(5))
        self.scale = alpha / rank

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.base(x) + (x @ self.lora_a.T @ self.lora_b.T) * self.scale


class IntentNetwork(torch.nn.Module):
    """Mean-pooled MiniLM, every linear layer of its encoder adapted, and three linear heads."""

    def __init__(self, model_path: Path, classes: int, rank: int, alpha: float, max_tokens: int):
        super().__init__()
        self.max_tokens = max_tokens
        self.tokenizer = AutoTokenizer.from_pretrained(str(model_path))
        self.encoder = AutoModel.from_pretrained(str(model_path))
        for parameter in self.encoder.parameters():
            parameter.requires_grad_(False)
        self._replace(torch.nn.Linear, lambda linear: LoraLinear(linear, rank, alpha))
        size = self.encoder.config.hidden_size
        self.dosing = torch.nn.Linear(size, 1)
        self.crisis = torch.nn.Linear(size, classes)
        self.injection = torch.nn.Linear(size, 1)

    def forward(self, texts: list[str]):
        batch = self.tokenizer(
            texts, padding=True, truncation=True, max_length=self.max_tokens, return_tensors="pt"
        )
        hidden = self.encoder(**batch).last_hidden_state
        mask = batch["attention_mask"].unsqueeze(-1).to(hidden.dtype)
        pooled = (hidden * mask).sum(1) / mask.sum(1)
        return self.dosing(pooled)[:, 0], self.crisis(pooled), self.injection(pooled)[:, 0]

    def trained_state(self) -> dict[str, torch.Tensor]:
        """What is shipped: the adapters and the heads, nothing of the base model."""
        return {
            name: tensor.detach().contiguous()
            for name, tensor in self.state_dict().items()
            if _is_trained(name)
        }

    def load_trained_state(self, state: dict[str, torch.Tensor]) -> None:
        """Load shipped adapters and heads; every one must be there and fit, or ValueError."""
        expected = {name for name in self.state_dict() if _is_trained(name)}
        missing, unexpected = expected - set(state), set(state) - expected
        if missing or unexpected:
            raise ValueError(
                f"{len(missing)} adapter tensors missing, {len(unexpected)} unexpected"
            )
        own = self.state_dict()
        for name, tensor in state.items():
            if tuple(tensor.shape) != tuple(own[name].shape):
                raise ValueError(f"tensor {name} has shape {tuple(tensor.shape)}")
        self.load_state_dict({k: v.float() for k, v in state.items()}, strict=False)


    def merge_adapters(self) -> None:
        """For inference only: fold each adapter into its base layer's weight (the same
        outputs from one product instead of three). The adapters are gone afterwards."""

        def merged(adapted: LoraLinear) -> torch.nn.Linear:
            with torch.no_grad():
                adapted.base.weight += adapted.scale * (adapted.lora_b @ adapted.lora_a)
            return adapted.base

        self._replace(LoraLinear, merged)

    def _replace(self, kind: type[torch.nn.Module], make) -> None:
        """Swap every ``kind`` module in the encoder's layers for ``make(module)``."""
        for layer in self.encoder.encoder.layer:
            for name, module in list(layer.named_modules()):
                if isinstance(module, kind):
                    parent_name, _, child = name.rpartition(".")
                    parent = layer.get_submodule(parent_name) if parent_name else layer
                    setattr(parent, child, make(module))


def _is_trained(name: str) -> bool:
    return ".lora_" in name or name.split(".")[0] in HEADS
