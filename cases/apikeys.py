"""API key material: generation, the recognisable prefix, and reading a key from a request.

Every header form of SPEC §5 is accepted: `X-API-Key`, `apikey`, `capout-api-key`,
`Authorization: api-key K` and `Authorization: Bearer K`.
"""

from __future__ import annotations

import secrets

from django.http import HttpRequest

KEY_PREFIX = "cf_live_"
DISPLAY_PREFIX_LENGTH = len(KEY_PREFIX) + 6
_HEADER_KEYS = ("HTTP_X_API_KEY", "HTTP_APIKEY", "HTTP_CAPOUT_API_KEY")
_AUTHORIZATION_SCHEMES = ("api-key", "bearer")


def generate_raw_key() -> str:
    """A new key: the prefix and 43 URL-safe characters (256 bits of entropy)."""
    return KEY_PREFIX + secrets.token_urlsafe(32)


def display_prefix(raw_key: str) -> str:
    return raw_key[:DISPLAY_PREFIX_LENGTH]


def keys_from_request(request: HttpRequest) -> list[str]:
    """Every distinct key the request carries, in header order; `""` stands for a malformed
    `Authorization` header. Two headers (or one header repeated, which servers join with a
    comma) may carry the same key; callers refuse a request that carries two different ones."""
    found: list[str] = []
    for meta_key in _HEADER_KEYS:
        for value in request.META.get(meta_key, "").split(","):
            if value.strip():
                found.append(value.strip())
    authorization = request.META.get("HTTP_AUTHORIZATION", "").strip()
    if authorization:
        scheme, _, credential = authorization.partition(" ")
        if scheme.lower() in _AUTHORIZATION_SCHEMES and credential.strip():
            found.append(credential.strip())
        elif not found:
            found.append("")
    return list(dict.fromkeys(found))
