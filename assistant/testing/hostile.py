"""A hostile chat backend: a well-formed reply of whatever shape is asked for, with an
attack planted in the string fields a test names (or in all of them)."""

from __future__ import annotations

import json
from typing import get_args, get_origin

from pydantic import BaseModel

from assistant.generation.backends import _parse
from assistant.testing.fakes import ScriptedChatBackend

BENIGN = "Notice what feels steady in the body today."


class HostileChatBackend(ScriptedChatBackend):
    """Queued replies first (as ScriptedChatBackend); then a reply built from the schema.

    Every list holds two elements, a benign one and a hostile one, so a single bad item
    must spoil its section. Citations and sources point at the first passage, so only the
    strings are wrong. ``fields`` are dotted paths such as ``"practice.title"`` or
    ``"questions"``; None plants ``payload`` in every string.
    """

    name = "hostile"

    def __init__(self, payload: str, fields: tuple[str, ...] | None = None) -> None:
        super().__init__()
        self.payload = payload
        self.fields = fields

    def complete_json(self, system: str, user: str, schema: type[BaseModel]):
        if self.replies:
            return super().complete_json(system, user, schema)
        self.history.append((system, user))
        return _parse(json.dumps(self.reply(schema)), schema)

    def reply(self, schema: type[BaseModel]) -> dict:
        return self._model(schema, "", hostile=True)

    def _model(self, schema: type[BaseModel], path: str, hostile: bool) -> dict:
        return {
            name: self._value(field.annotation, f"{path}{name}", hostile)
            for name, field in schema.model_fields.items()
        }

    def _value(self, annotation, path: str, hostile: bool):
        if get_origin(annotation) is list:
            (inner,) = get_args(annotation)
            return [self._value(inner, path, False), self._value(inner, path, hostile)]
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            return self._model(annotation, path + ".", hostile)
        if annotation is int:
            return 1
        targeted = hostile and (self.fields is None or path in self.fields)
        return self.payload if targeted else BENIGN
