"""A short fuzz run (hypothesis) on the parsers that read what strangers send: the file sniffer,
the base64 file decoder, the Idempotency-Key parser and the webhook signature verifiers.

Each property says what the code may do with any input: answer, or refuse with its own error,
never raise anything else. `FUZZ_EXAMPLES` (environment) raises the example count for a longer
run; the default keeps the whole module at a few seconds.
"""

from __future__ import annotations

import base64
import os
from collections.abc import Callable
from types import SimpleNamespace
from typing import Any, TypeVar

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cases.apikit.idempotency import MAX_LENGTH, idempotency_key_parse
from cases.errors import ValidationFailed
from extraction.engine.loading import sniff_media_type
from extraction.engine.types import EngineError, EngineErrorCode
from extraction.serializers import _incoming_file
from webhooks import signing

T = TypeVar("T")
E = TypeVar("E", bound=Exception)
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "300"))
fuzz = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
MAGIC = [b"%PDF-1.7\n", b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*", b""]
SECRET = "whsec_" + base64.b64encode(b"k" * 24).decode()


def outcome(expected: type[E], function: Callable[..., T], *args: Any) -> tuple[T | None, E | None]:
    """`function(*args)` and None, or None and the `expected` error it raised (any other
    exception propagates and fails the property)."""
    try:
        return function(*args), None
    except expected as error:
        return None, error


@fuzz
@given(prefix=st.sampled_from(MAGIC), rest=st.binary(max_size=2048))
def test_the_sniffer_names_a_supported_type_or_refuses_with_its_code(prefix, rest):
    media_type, refusal = outcome(EngineError, sniff_media_type, prefix + rest)
    if refusal is not None:
        assert refusal.code in {
            EngineErrorCode.CORRUPT_FILE,
            EngineErrorCode.UNSUPPORTED_FILE_TYPE,
        }
    else:
        assert media_type in {"application/pdf", "image/png", "image/jpeg", "image/tiff"}


@fuzz
@given(
    text=st.one_of(
        st.text(max_size=300),
        st.binary(max_size=300).map(lambda raw: base64.b64encode(raw).decode()),
        st.binary(max_size=300).map(lambda raw: base64.b64encode(raw).decode()[:-1]),
    )
)
def test_the_base64_file_decoder_returns_the_bytes_or_refuses_naming_file(text):
    request = SimpleNamespace(FILES={})
    incoming, refusal = outcome(ValidationFailed, _incoming_file, request, text, "scan.pdf")
    if refusal is not None:
        assert "file" in refusal.details["fields"]
    else:
        assert incoming is not None
        assert base64.b64encode(incoming.content).decode() == text.strip()


@fuzz
@given(raw=st.text(max_size=300))
def test_the_idempotency_key_parser_returns_a_bounded_key_or_refuses(raw):
    key, refusal = outcome(ValidationFailed, idempotency_key_parse, raw)
    if refusal is not None:
        assert list(refusal.details["fields"]) == ["Idempotency-Key"]
    else:
        assert key is not None
        assert 1 <= len(key) <= MAX_LENGTH
        assert all(" " <= char <= "~" for char in key)


@fuzz
@given(key=st.text(alphabet=st.characters(min_codepoint=0x21, max_codepoint=0x7E), max_size=255))
def test_a_key_quoted_and_bare_is_the_same_key(key):
    read, refusal = outcome(ValidationFailed, idempotency_key_parse, key)
    if refusal is not None:
        assert not key or set(key) & set('",;\\')
    elif key.startswith('"'):  # the value is itself a quoted string: its content is the key
        assert read is not None
        assert idempotency_key_parse(_quoted(read)) == read
        if key.endswith('"') and ";" not in key:  # no parameters: the key is its quoted form
            assert _quoted(read) == key
    else:
        assert idempotency_key_parse(_quoted(key)) == read == key


def _quoted(key: str) -> str:
    return '"' + key.replace("\\", "\\\\").replace('"', '\\"') + '"'


@fuzz
@given(
    body=st.binary(max_size=512),
    signature=st.text(max_size=200),
    header=st.text(max_size=300),
    timestamp=st.integers(min_value=-(2**63), max_value=2**63),
    message_id=st.text(max_size=60),
)
def test_the_signature_verifiers_answer_true_or_false_for_any_input(
    body, signature, header, timestamp, message_id
):
    assert signing.body_signature_valid(body=body, signature=signature, secret=SECRET) in (
        True,
        False,
    )
    valid = signing.standard_signature_valid(
        message_id=message_id,
        timestamp=timestamp,
        body=body,
        signature_header=header,
        secret=SECRET,
        now=timestamp,
    )
    assert valid is False  # a random header never matches


@fuzz
@given(body=st.binary(max_size=512), timestamp=st.integers(min_value=0, max_value=2**40))
def test_a_real_signature_verifies_and_any_change_to_the_body_breaks_it(body, timestamp):
    headers = signing.signature_headers(
        message_id="msg_1", timestamp=timestamp, body=body, secrets=[SECRET]
    )
    assert signing.standard_signature_valid(
        message_id="msg_1",
        timestamp=timestamp,
        body=body,
        signature_header=headers["webhook-signature"],
        secret=SECRET,
        now=timestamp,
    )
    assert not signing.standard_signature_valid(
        message_id="msg_1",
        timestamp=timestamp,
        body=body + b"!",
        signature_header=headers["webhook-signature"],
        secret=SECRET,
        now=timestamp,
    )


pytestmark = pytest.mark.filterwarnings("ignore::hypothesis.errors.NonInteractiveExampleWarning")
