"""Reading the `Idempotency-Key` request header as the IETF draft defines it.

draft-ietf-httpapi-idempotency-key-header makes the value an RFC 8941 structured-field String
(`Idempotency-Key: "8e03978e-40d5-43e8-bc93-6894a57f9324"`). Many clients send the same key
bare (`Idempotency-Key: 8e03978e-...`), so a bare value made only of visible ASCII characters is
taken as the String it would be when quoted: `"k"` and `k` are one key. The quoted form is
parsed by `http_sf` (escapes `\\"` and `\\\\` included); parameters are allowed and ignored, as
RFC 8941 asks of unknown ones. Keys longer than 255 characters, empty keys, inner lists, other
item types and bare values with spaces, quotes, backslashes, commas or semicolons (a comma is
what two `Idempotency-Key` headers become when a server joins them) are refused with a 400
naming the header.
"""

from __future__ import annotations

import re

import http_sf

from cases.errors import ValidationFailed

HEADER = "Idempotency-Key"
MAX_LENGTH = 255
_BARE = re.compile(r"[!#-+\--:<-\[\]-~]+")  # visible ASCII less `"`, `,`, `;` and `\`


def idempotency_key_parse(raw: str) -> str:
    """The key a header value names; raises `ValidationFailed` for `Idempotency-Key`."""
    value = raw.strip(" \t")
    if value.startswith('"'):
        try:
            parsed = http_sf.parse(value.encode("ascii"), tltype="item")
        except (http_sf.StructuredFieldError, UnicodeEncodeError):
            raise _refusal("must be a quoted string of visible ASCII characters.") from None
        item = parsed[0] if isinstance(parsed, tuple) else parsed  # (value, parameters)
        if not isinstance(item, str):
            raise _refusal("must be a string.")
        key = item
    elif _BARE.fullmatch(value):
        key = value
    else:
        raise _refusal(
            'must be a string of visible ASCII characters, quoted ("key") or bare (key); '
            "a bare key cannot hold spaces, quotes, backslashes, commas or semicolons."
        )
    if not key:
        raise _refusal("must not be empty.")
    if len(key) > MAX_LENGTH:
        raise _refusal(f"must be at most {MAX_LENGTH} characters (got {len(key)}).")
    return key


def _refusal(message: str) -> ValidationFailed:
    return ValidationFailed.for_field(HEADER, message)
