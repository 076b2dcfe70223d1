"""Signing against fixed vectors: seed 000's hex HMAC and the Standard Webhooks scheme."""

from __future__ import annotations

import hashlib
import hmac

import pytest

from webhooks import signing

# The Standard Webhooks specification's own example (also used by its reference libraries).
SPEC_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
SPEC_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek"
SPEC_TIMESTAMP = 1614265330
SPEC_BODY = b'{"test": 2432232314}'
SPEC_SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="

BODY = b'{"event":"extraction.completed","data":{"job_id":"j1"}}'
OTHER_SECRET = "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD"


def seed_verify_signature(body: bytes, signature: str, secret: str) -> bool:
    """Seed 000's snippet, verbatim."""
    expected = hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, signature)


def test_standard_signature_matches_the_specification_example():
    signature = signing.standard_signature(
        message_id=SPEC_ID, timestamp=SPEC_TIMESTAMP, body=SPEC_BODY, secret=SPEC_SECRET
    )
    assert signature == SPEC_SIGNATURE


def test_standard_signature_of_another_fixed_vector():
    signature = signing.standard_signature(
        message_id="msg_1", timestamp=1700000000, body=BODY, secret=OTHER_SECRET
    )
    assert signature == "v1,qLMzjPtN1ovxjTj2gBOxu+LrwTaEQ3Z9ks3YTsS02MM="


def test_a_secret_without_the_whsec_prefix_is_used_as_its_utf8_bytes():
    signature = signing.standard_signature(
        message_id="msg_1", timestamp=1700000000, body=BODY, secret="plain-secret"
    )
    assert signature == "v1,nu3PV1xXk+D5l/OkuZwRhsOUQNqlZwqnX5+vARdjy3k="


def test_body_signature_is_the_hex_hmac_of_the_body_keyed_with_the_whole_secret_string():
    signature = signing.body_signature(BODY, SPEC_SECRET)
    assert signature == "d7de201f133b631747c655f0ba7f84aac8471b4a4c2b904ecad982f703d7bcab"
    assert seed_verify_signature(BODY, signature, SPEC_SECRET)


def test_signature_headers_carry_both_schemes_with_one_id_and_timestamp():
    headers = signing.signature_headers(
        message_id=SPEC_ID, timestamp=SPEC_TIMESTAMP, body=SPEC_BODY, secrets=[SPEC_SECRET]
    )
    assert headers["X-Webhook-Id"] == headers["webhook-id"] == SPEC_ID
    assert headers["X-Webhook-Timestamp"] == headers["webhook-timestamp"] == str(SPEC_TIMESTAMP)
    assert headers["webhook-signature"] == SPEC_SIGNATURE
    assert headers["X-Webhook-Signature"] == signing.body_signature(SPEC_BODY, SPEC_SECRET)


def test_during_rotation_every_valid_secret_signs_the_standard_header_current_first():
    headers = signing.signature_headers(
        message_id=SPEC_ID,
        timestamp=SPEC_TIMESTAMP,
        body=SPEC_BODY,
        secrets=[OTHER_SECRET, SPEC_SECRET],
    )
    entries = headers["webhook-signature"].split(" ")
    assert entries[1] == SPEC_SIGNATURE
    assert entries[0] == signing.standard_signature(
        message_id=SPEC_ID, timestamp=SPEC_TIMESTAMP, body=SPEC_BODY, secret=OTHER_SECRET
    )
    assert headers["X-Webhook-Signature"] == signing.body_signature(SPEC_BODY, OTHER_SECRET)


def test_signing_without_any_secret_is_refused():
    with pytest.raises(ValueError, match="secret"):
        signing.signature_headers(message_id="m", timestamp=1, body=b"", secrets=[])


def test_standard_verification_accepts_any_listed_signature_and_refuses_a_tampered_body():
    header = f"v1,bm90LWEtc2lnbmF0dXJl {SPEC_SIGNATURE}"
    common = {"message_id": SPEC_ID, "timestamp": SPEC_TIMESTAMP, "signature_header": header}
    assert signing.standard_signature_valid(
        **common, body=SPEC_BODY, secret=SPEC_SECRET, now=SPEC_TIMESTAMP + 10
    )
    assert not signing.standard_signature_valid(
        **common, body=SPEC_BODY + b" ", secret=SPEC_SECRET, now=SPEC_TIMESTAMP + 10
    )
    assert not signing.standard_signature_valid(
        **common, body=SPEC_BODY, secret=OTHER_SECRET, now=SPEC_TIMESTAMP + 10
    )


def test_standard_verification_refuses_a_replay_outside_the_tolerance():
    assert not signing.standard_signature_valid(
        message_id=SPEC_ID,
        timestamp=SPEC_TIMESTAMP,
        body=SPEC_BODY,
        signature_header=SPEC_SIGNATURE,
        secret=SPEC_SECRET,
        now=SPEC_TIMESTAMP + 301,
    )


def test_body_verification_is_case_insensitive_about_hex_and_refuses_other_secrets():
    signature = signing.body_signature(BODY, SPEC_SECRET).upper()
    assert signing.body_signature_valid(body=BODY, signature=signature, secret=SPEC_SECRET)
    assert not signing.body_signature_valid(body=BODY, signature=signature, secret=OTHER_SECRET)
