"""DRF authentication by API key, the principal API views see as `request.user`, and the typed
request helpers every API view reads the caller with (`request_workspace`, `request_api_key`,
`api_actor`).

A key found is kept a few seconds per process (`keycache`: revocation and deletion take effect
at once). Session cookies are deliberately not accepted: the API is for integrators, and refusing
sessions keeps the browser UI's CSRF story separate (SPEC §5).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import cast

from django.utils import timezone
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework.authentication import BaseAuthentication
from rest_framework.exceptions import AuthenticationFailed
from rest_framework.request import Request

from cases.actors import Actor
from cases.apikeys import keys_from_request
from cases.apikit.keycache import api_key_find, api_key_used
from cases.models import ApiKey, Workspace

LAST_USED_RESOLUTION = timedelta(minutes=1)


@dataclass(frozen=True)
class ApiPrincipal:
    """Who is calling: a workspace through one of its keys."""

    api_key: ApiKey

    @property
    def workspace(self) -> Workspace:
        return self.api_key.workspace

    is_authenticated = True
    is_anonymous = False

    def __str__(self) -> str:
        return f"API key {self.api_key.prefix}…"


def request_workspace(request: Request) -> Workspace:
    """The calling workspace. Every API view sits behind `ApiKeyAuthentication`, so
    `request.user` is its `ApiPrincipal` (DRF's types say a Django user)."""
    return cast(ApiPrincipal, request.user).workspace


def request_api_key(request: Request) -> ApiKey:
    """The key the call came with (`request.auth`), for the audit's `Actor`."""
    return cast(ApiKey, request.auth)


def api_actor(request: Request) -> Actor:
    """Who the audit trail names for an API call: the calling key."""
    return Actor(api_key=request_api_key(request))


class ApiKeyAuthentication(BaseAuthentication):
    def authenticate(self, request: Request) -> tuple[ApiPrincipal, ApiKey] | None:
        raw_keys = keys_from_request(request._request)
        if not raw_keys:
            return None
        if len(raw_keys) > 1:
            # Which one was meant cannot be known; picking one would let a revoked or foreign
            # key ride along unnoticed (or hide which key really made the call).
            raise AuthenticationFailed(
                "The request carries two different API keys; send exactly one."
            )
        raw_key = raw_keys[0]
        if not raw_key:
            raise AuthenticationFailed(
                "The Authorization header must be `api-key KEY` or `Bearer KEY`."
            )
        key_hash = ApiKey.hash_key(raw_key)
        api_key = api_key_find(key_hash, _active_key)
        if api_key is None:
            raise AuthenticationFailed("The API key is invalid or has been revoked.")
        _touch_last_used(api_key, key_hash)
        return ApiPrincipal(api_key=api_key), api_key

    def authenticate_header(self, request: Request) -> str:
        return 'api-key realm="casefile"'


def _active_key(key_hash: str) -> ApiKey | None:
    # key_hash is unique: no ORDER BY (`.first()` would add one to every request's query)
    found = list(
        ApiKey.objects.select_related("workspace")
        .filter(key_hash=key_hash, revoked_at__isnull=True)
        .order_by()[:1]
    )
    return found[0] if found else None


def _touch_last_used(api_key: ApiKey, key_hash: str) -> None:
    """Record use at most once a minute per key, so reads do not become writes."""
    now = timezone.now()
    if api_key.last_used_at and now - api_key.last_used_at < LAST_USED_RESOLUTION:
        return
    ApiKey.objects.filter(pk=api_key.pk).update(last_used_at=now)
    api_key.last_used_at = now
    api_key_used(key_hash, now)


class ApiKeyAuthenticationScheme(OpenApiAuthenticationExtension):
    """Documents the key in the OpenAPI schema (`X-API-Key`; the other headers work too)."""

    target_class = ApiKeyAuthentication
    name = "ApiKey"

    def get_security_definition(self, auto_schema: object) -> dict[str, str]:
        return {"type": "apiKey", "in": "header", "name": "X-API-Key"}
