"""Typed validation of the values reviewers type in: a date must be a date, money a decimal.

Used by the review services for corrections from the UI and the API alike; it reuses the
engine's parsers so what a reviewer may type matches what the engine reads from documents.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from cases.errors import ValidationFailed
from extraction.engine.parsers import parse_value
from extraction.engine.types import FieldType

_EXPECTED: dict[str, str] = {
    FieldType.DATE: "a date such as 2024-03-14",
    FieldType.MONEY: "an amount such as 1234.50",
    FieldType.NUMBER: "a number such as 12 or 3.5",
    FieldType.EMAIL: "an email address",
    FieldType.PHONE: "a phone number",
    FieldType.IBAN: "a valid IBAN",
    FieldType.BOOLEAN: "true or false",
}


_DIGITS = r"(?:\d{1,3}(?:[ ,.'’\u202f]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?|[.,]\d+)"
_CURRENCY = r"(?:[€$£¥₹]|[A-Za-z]{3}|[A-Za-z]{1,3}\$)"
_TYPED_NUMBER = re.compile(r"[-−+]?\s*" + _DIGITS)
_TYPED_MONEY = re.compile(
    r"\(?\s*[-−+]?\s*(?:"
    + _CURRENCY
    + r"\s*)?[-−]?\s*"
    + _DIGITS
    + r"\s*(?:"
    + _CURRENCY
    + r")?\s*\)?-?"
)
"""What a reviewer may type for a number or an amount, all of it: digits with group and
decimal separators, a sign (or accounting brackets) and, for money, a currency symbol or code.

The engine's parsers read an amount out of surrounding OCR text (`Total: 12.50 EUR incl.`), so
they skip what is not a number; a typed `12x.5` must be refused rather than read as 12."""


def _strictly_numeric(field_type: str, text: str) -> bool:
    shape = _TYPED_MONEY if field_type == FieldType.MONEY else _TYPED_NUMBER
    return shape.fullmatch(text.strip()) is not None


def reviewed_value(spec: dict[str, Any], raw: Any) -> Any:
    """The stored form of a reviewer's value for a field spec (or a table column spec).

    Empty clears the value; a required field cannot be cleared.
    """
    field_type = spec.get("type", FieldType.TEXT)
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        if spec.get("required"):
            raise ValidationFailed(f"{spec['key']}: a value is required.", code="INVALID_VALUE")
        return None
    if field_type == FieldType.BOOLEAN and isinstance(raw, bool):
        return raw
    typed = str(raw).strip()
    text = typed
    if field_type == FieldType.DATE:
        try:
            return date.fromisoformat(text).isoformat()
        except ValueError:
            pass
    numeric = field_type in {FieldType.MONEY, FieldType.NUMBER}
    if numeric:
        text = re.sub(r"(?<=\d)\s+(?=\d)", "", text)
    parsed = (
        None
        if numeric and not _strictly_numeric(field_type, typed)
        else parse_value(
            field_type,
            text,
            choices=tuple(spec.get("choices") or ()),
            pattern=spec.get("pattern"),
            decimal_comma=False if text.count(".") == 1 and "," not in text else None,
        )
    )
    if parsed is None or parsed.value in (None, ""):
        expected = _EXPECTED.get(field_type)
        if field_type == FieldType.ENUM:
            expected = "one of " + ", ".join(spec.get("choices") or [])
        elif spec.get("pattern"):
            expected = f"text matching {spec['pattern']}"
        message = f"{spec['key']}: {typed!r} is not {expected or 'a valid value'}."
        raise ValidationFailed(message, code="INVALID_VALUE", details={"field": spec["key"]})
    return parsed.value
