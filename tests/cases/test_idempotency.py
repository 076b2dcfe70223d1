"""The Idempotency-Key header read as an RFC 8941 String, quoted or bare."""

from __future__ import annotations

import pytest

from cases.apikit.idempotency import idempotency_key_parse
from cases.errors import ValidationFailed


@pytest.mark.parametrize(
    ("header", "key"),
    [
        ('"k"', "k"),
        ("k", "k"),
        ('"8e03978e-40d5-43e8-bc93-6894a57f9324"', "8e03978e-40d5-43e8-bc93-6894a57f9324"),
        ("8e03978e-40d5-43e8-bc93-6894a57f9324", "8e03978e-40d5-43e8-bc93-6894a57f9324"),
        ('"with space"', "with space"),
        (r'"a \"quoted\" \\ key"', 'a "quoted" \\ key'),
        ('"k";since=1', "k"),
        ("  k  ", "k"),
        ("dGVzdA==", "dGVzdA=="),
    ],
)
def test_quoted_and_bare_forms_name_the_same_key(header, key):
    assert idempotency_key_parse(header) == key


@pytest.mark.parametrize(
    "header",
    [
        "",
        '""',
        '"unterminated',
        '"k" trailing',
        "two words",
        "a,b",
        "k;p=1",
        "back\\slash",
        "(a b)",
        '"\\x"',
        "caf\u00e9",
        '"caf\u00e9"',
        "k" * 256,
        '"' + "k" * 256 + '"',
    ],
)
def test_malformed_empty_or_long_keys_are_refused_naming_the_header(header):
    with pytest.raises(ValidationFailed) as refusal:
        idempotency_key_parse(header)
    assert refusal.value.message.startswith("Idempotency-Key: ")
    assert refusal.value.details == {"fields": {"Idempotency-Key": [refusal.value.message[17:]]}}


def test_a_key_of_255_characters_is_accepted():
    assert idempotency_key_parse("k" * 255) == "k" * 255
    assert idempotency_key_parse('"' + "k" * 255 + '"') == "k" * 255
