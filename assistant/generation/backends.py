"""Chat-model backends behind one small interface: JSON in a pydantic shape, or an error.

``openai`` talks to any OpenAI-compatible server through LangChain (Ollama, vLLM,
LM Studio, llama.cpp's server); ``llamacpp`` runs a GGUF file in-process.
"""

from __future__ import annotations

import json
import logging
import threading
from pathlib import Path
from typing import Protocol, TypeVar

from pydantic import BaseModel, ValidationError

from assistant.errors import KapError

log = logging.getLogger(__name__)
T = TypeVar("T", bound=BaseModel)


class LLMError(KapError):
    """The model could not produce a usable reply; callers fall back to grounded content."""


class ChatBackend(Protocol):
    name: str

    def complete_json(self, system: str, user: str, schema: type[T]) -> T: ...


def _parse(raw: str, schema: type[T]) -> T:
    text = raw.strip()
    start, end = text.find("{"), text.rfind("}")
    if start < 0 or end < start:
        raise LLMError("the model did not reply with JSON")
    try:
        return schema.model_validate(json.loads(text[start : end + 1]))
    except (json.JSONDecodeError, ValidationError) as exc:
        raise LLMError(f"the model's JSON did not match the expected shape ({type(exc).__name__})") from None


class OpenAICompatibleBackend:
    """LangChain's ChatOpenAI pointed at the configured endpoint; JSON mode, then validation."""

    def __init__(self, base_url: str, model: str, api_key: str, timeout: float, max_tokens: int):
        self.name = f"openai:{model}"
        self._kwargs = dict(
            base_url=base_url, model=model, api_key=api_key, timeout=timeout,
            max_tokens=max_tokens, temperature=0, max_retries=1,
        )
        self._chat = None

    def _client(self):
        if self._chat is None:
            from langchain_openai import ChatOpenAI

            self._chat = ChatOpenAI(**self._kwargs)
        return self._chat

    def complete_json(self, system: str, user: str, schema: type[T]) -> T:
        # "schema" lets llama.cpp-style servers constrain decoding; others ignore it
        chat = self._client().bind(
            response_format={"type": "json_object", "schema": schema.model_json_schema()}
        )
        try:
            reply = chat.invoke([("system", system), ("human", user)])
        except Exception as exc:  # network, HTTP and client errors all mean "no usable reply"
            log.warning("LLM request failed: %s", type(exc).__name__)
            raise LLMError(f"the language model endpoint failed ({type(exc).__name__})") from None
        return _parse(str(reply.content), schema)


class LlamaCppBackend:
    """An embedded GGUF model via llama-cpp-python (optional extra `llm`)."""

    def __init__(self, model_path: Path, max_tokens: int, context: int = 4096):
        self.name = f"llamacpp:{model_path.name}"
        self.model_path = model_path
        self.max_tokens = max_tokens
        self.context = context
        self._llama = None
        self._lock = threading.Lock()  # one llama.cpp context is not re-entrant

    def _model(self):
        if self._llama is None:
            try:
                from llama_cpp import Llama
            except ImportError:
                raise LLMError("llama-cpp-python is not installed; pip install 'kap-assistant[llm]'") from None
            self._llama = Llama(model_path=str(self.model_path), n_ctx=self.context, verbose=False)
        return self._llama

    def complete_json(self, system: str, user: str, schema: type[T]) -> T:
        with self._lock:
            reply = self._model().create_chat_completion(
                messages=[{"role": "system", "content": system}, {"role": "user", "content": user}],
                response_format={"type": "json_object", "schema": schema.model_json_schema()},
                max_tokens=self.max_tokens,
                temperature=0,
            )
        return _parse(reply["choices"][0]["message"]["content"] or "", schema)
