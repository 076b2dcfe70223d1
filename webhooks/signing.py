"""Signatures of webhook requests: the seed-000 hex HMAC and the Standard Webhooks scheme.

Called by `webhooks.services` to build the headers of every attempt, and by tests and admins
to check a request. Pure functions of bytes and strings: no settings, no ORM, no I/O.

Two schemes are sent side by side (SPEC §6):

* `X-Webhook-Signature`: hex HMAC-SHA256 of the raw body, keyed with the whole secret string as
  UTF-8 (`whsec_…` included), exactly what seed 000's `verify_signature` snippet computes. Only
  the current secret signs it.
* `webhook-signature`: Standard Webhooks (https://www.standardwebhooks.com): `v1,` + base64
  HMAC-SHA256 of `"{webhook-id}.{webhook-timestamp}.{body}"`, keyed with the base64-decoded part
  of the secret after `whsec_`. During a rotation grace period every valid secret contributes a
  signature, space-separated, current first.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
from collections.abc import Sequence

SECRET_PREFIX = "whsec_"
SIGNATURE_VERSION = "v1"


def standard_key(secret: str) -> bytes:
    """The HMAC key of the Standard Webhooks scheme for `secret`.

    A `whsec_` secret is base64 of random bytes and those bytes are the key; any other string
    (a secret typed by hand) is used as its UTF-8 bytes, as the Standard Webhooks libraries do.
    """
    if secret.startswith(SECRET_PREFIX):
        try:
            return base64.b64decode(secret[len(SECRET_PREFIX) :], validate=True)
        except binascii.Error:
            pass
    return secret.encode()


def body_signature(body: bytes, secret: str) -> str:
    """`X-Webhook-Signature`: hex HMAC-SHA256 of the raw body with the secret string (seed 000)."""
    return hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def standard_signature(*, message_id: str, timestamp: int, body: bytes, secret: str) -> str:
    """One `v1,<base64>` entry of the Standard Webhooks `webhook-signature` header."""
    signed = f"{message_id}.{timestamp}.".encode() + body
    digest = hmac.new(standard_key(secret), signed, hashlib.sha256).digest()
    return f"{SIGNATURE_VERSION},{base64.b64encode(digest).decode('ascii')}"


def signature_headers(
    *, message_id: str, timestamp: int, body: bytes, secrets: Sequence[str]
) -> dict[str, str]:
    """Every signing header of one request. `secrets[0]` is the current secret."""
    if not secrets:
        raise ValueError("At least one secret is needed to sign a webhook.")
    return {
        "X-Webhook-Id": message_id,
        "X-Webhook-Timestamp": str(timestamp),
        "X-Webhook-Signature": body_signature(body, secrets[0]),
        "webhook-id": message_id,
        "webhook-timestamp": str(timestamp),
        "webhook-signature": " ".join(
            standard_signature(message_id=message_id, timestamp=timestamp, body=body, secret=secret)
            for secret in secrets
        ),
    }


def body_signature_valid(*, body: bytes, signature: str, secret: str) -> bool:
    """Compared as bytes: `compare_digest` refuses str with non-ASCII characters (a TypeError
    on a stranger's header), so any text is encoded first and simply does not match."""
    return hmac.compare_digest(
        body_signature(body, secret).encode(), signature.strip().lower().encode()
    )


def standard_signature_valid(
    *,
    message_id: str,
    timestamp: int,
    body: bytes,
    signature_header: str,
    secret: str,
    now: int,
    tolerance: int = 300,
) -> bool:
    """True when one `v1` entry of the header matches and the timestamp is within tolerance.

    The tolerance is what lets a receiver refuse a replayed request.
    """
    if abs(now - timestamp) > tolerance:
        return False
    expected = standard_signature(
        message_id=message_id, timestamp=timestamp, body=body, secret=secret
    )
    return any(
        hmac.compare_digest(expected.encode(), candidate.encode())
        for candidate in signature_header.split()
        if candidate.startswith(f"{SIGNATURE_VERSION},")
    )
