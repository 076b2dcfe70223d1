"""Serializer pieces every API family shares: the lenient boolean field forms and JSON both send,
and seed 001's success envelope `{"status": "success", "status_code", "message"?, "data"}`."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

TRUE_WORDS = {"true", "1", "yes", "on"}
FALSE_WORDS = {"false", "0", "no", "off"}


class LenientBooleanField(serializers.Field):
    """A boolean from JSON or a form: true/false, 1/0, yes/no, on/off; anything else is 400."""

    default_error_messages = {"invalid": "Must be true or false, not {input!r}."}

    def to_internal_value(self, data: Any) -> bool:
        if isinstance(data, bool):
            return data
        text = str(data).strip().lower()
        if text in TRUE_WORDS:
            return True
        if text in FALSE_WORDS:
            return False
        self.fail("invalid", input=data)
        return False

    def to_representation(self, value: bool) -> bool:
        return bool(value)


def success(data: Any, *, message: str | None = None, status_code: int = 200) -> dict[str, Any]:
    body: dict[str, Any] = {"status": "success", "status_code": status_code}
    if message:
        body["message"] = message
    body["data"] = data
    return body
