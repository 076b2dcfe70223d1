"""The short-lived realtime token: minted with an API key, scoped to its workspace.

Signed with Django's signing (`SECRET_KEY`, a salt of its own, a timestamp), so any web process
verifies it without storage. It names the workspace and the key that minted it: once that key
is revoked, its tokens stop working too (403), and an expired (401 `TOKEN_EXPIRED`) or altered
(401 `TOKEN_INVALID`) token is refused before any event is sent.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.core import signing
from django.utils import timezone

from cases.errors import DomainError
from cases.models import ApiKey, Workspace

SALT = "casefile.realtime.token"


@dataclass(frozen=True)
class RealtimeToken:
    token: str
    expires_at: datetime


@dataclass(frozen=True)
class TokenGrant:
    """What a verified token allows: the workspace's events until `expires_at`."""

    workspace: Workspace
    api_key_id: int
    expires_at: datetime


class TokenRefused(DomainError):
    status_code = 401
    code = "TOKEN_INVALID"


def realtime_token_mint(*, api_key: ApiKey) -> RealtimeToken:
    expires_at = timezone.now() + timedelta(seconds=settings.REALTIME_TOKEN_TTL_SECONDS)
    payload = {"w": api_key.workspace.public_id, "k": api_key.pk, "e": int(expires_at.timestamp())}
    token = signing.dumps(payload, salt=SALT, compress=False)
    return RealtimeToken(token=token, expires_at=expires_at.replace(microsecond=0))


def realtime_token_verify(token: str | None) -> TokenGrant:
    """The grant of a valid token; `TokenRefused` (401/403, with its code) otherwise."""
    if not token:
        raise TokenRefused(
            "token: required (mint one with POST /ws/token).",
            code="TOKEN_REQUIRED",
            details={"fields": {"token": ["Required."]}},
        )
    try:
        payload = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        raise TokenRefused("The realtime token is not valid.", code="TOKEN_INVALID") from None
    if not isinstance(payload, dict) or not {"w", "k", "e"} <= set(payload):
        raise TokenRefused("The realtime token is not valid.", code="TOKEN_INVALID")
    expires_at = datetime.fromtimestamp(int(payload["e"]), tz=UTC)
    if expires_at <= timezone.now():
        raise TokenRefused(
            "The realtime token has expired; mint a new one with POST /ws/token.",
            code="TOKEN_EXPIRED",
        )
    api_key = (
        ApiKey.objects.select_related("workspace")
        .filter(pk=payload["k"], workspace__public_id=payload["w"])
        .first()
    )
    if api_key is None or not api_key.is_active:
        raise TokenRefused(
            "The API key that minted this token was revoked; mint a new token with an active key.",
            code="TOKEN_REVOKED",
            status_code=403,
        )
    return TokenGrant(workspace=api_key.workspace, api_key_id=api_key.pk, expires_at=expires_at)
