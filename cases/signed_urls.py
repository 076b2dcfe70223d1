"""Signed download URLs (seed 001 §2, SPEC §5): absolute, bound to one file, expiring, usable
without an API key.

- `signed_url_create(stored=, download=False, base_url=None, ttl_seconds=None) -> SignedUrl`
- `signed_url_resolve(token) -> tuple[StoredFile, bool]`: the file and whether to download it;
  a tampered token is 403 `SIGNED_URL_INVALID`, an expired one 410 `SIGNED_URL_EXPIRED`, one
  issued before the file's revocation or deletion 410 `SIGNED_URL_REVOKED`, an expired file 410
  `FILE_EXPIRED`.

The token is Django's `signing` (HMAC-SHA256 with `SECRET_KEY` and a salt of its own) over the
file id, the disposition, the expiry and the issue time in milliseconds. With S3 storage and
`SIGNED_URLS_FROM_STORE`, the URL is the store's own presigned URL instead (the download then
never passes through Casefile; revocation is by deleting the file).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header

from cases.errors import DomainError
from cases.files import file_is_inline_safe
from cases.models import StoredFile

SALT = "casefile.files.signed-url.v1"
S3_MAX_EXPIRY = 7 * 24 * 3600
"""SigV4 presigned URLs live at most a week."""


class SignedUrlRefused(DomainError):
    code = "SIGNED_URL_INVALID"
    status_code = 403


@dataclass(frozen=True)
class SignedUrl:
    url: str
    filename: str
    expires_at: datetime


def _ms(moment: datetime) -> int:
    return int(moment.timestamp() * 1000)


def content_disposition(filename: str, *, download: bool) -> str:
    """RFC 6266: an ASCII fallback and the exact name as RFC 5987 `filename*`."""
    return content_disposition_header(download, filename) or "attachment"


def signed_url_create(
    *,
    stored: StoredFile,
    download: bool = False,
    base_url: str | None = None,
    ttl_seconds: int | None = None,
    now: datetime | None = None,
) -> SignedUrl:
    now = now or timezone.now()
    ttl = min(ttl_seconds or settings.SIGNED_URL_TTL_SECONDS, settings.SIGNED_URL_MAX_TTL_SECONDS)
    expires_at = now + timedelta(seconds=ttl)
    if stored.expires_at is not None:
        expires_at = min(expires_at, stored.expires_at)
        ttl = max(1, int((expires_at - now).total_seconds()))
    download = download or not file_is_inline_safe(stored.media_type)
    if settings.SIGNED_URLS_FROM_STORE:
        if ttl > S3_MAX_EXPIRY:
            ttl, expires_at = S3_MAX_EXPIRY, now + timedelta(seconds=S3_MAX_EXPIRY)
        url = _store_presigned_url(stored, download=download, ttl=ttl)
    else:
        token = signing.dumps(
            {
                "f": stored.public_id,
                "d": int(download),
                "e": _ms(expires_at),
                "i": _ms(now),
            },
            salt=SALT,
            compress=False,
        )
        path = reverse("cases:signed-download", kwargs={"token": token})
        url = f"{(base_url or settings.BASE_URL).rstrip('/')}{path}"
    return SignedUrl(url=url, filename=stored.filename, expires_at=expires_at)


def _store_presigned_url(stored: StoredFile, *, download: bool, ttl: int) -> str:
    parameters: dict[str, Any] = {
        "ResponseContentDisposition": content_disposition(stored.filename, download=download),
        "ResponseContentType": stored.media_type or "application/octet-stream",
    }
    storage: Any = stored.blob.storage  # S3Storage.url takes these; Storage.url does not
    return storage.url(stored.blob.name, parameters=parameters, expire=min(ttl, S3_MAX_EXPIRY))


def signed_url_resolve(token: str, *, now: datetime | None = None) -> tuple[StoredFile, bool]:
    now = now or timezone.now()
    try:
        claims = signing.loads(token, salt=SALT)
        file_id, download = str(claims["f"]), bool(claims["d"])
        expires_ms, issued_ms = int(claims["e"]), int(claims["i"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        raise SignedUrlRefused(
            "This download link is invalid: it was changed or is incomplete."
        ) from None
    if expires_ms <= _ms(now):
        expired = datetime.fromtimestamp(expires_ms / 1000, tz=UTC).isoformat()
        raise SignedUrlRefused(
            "This download link has expired; ask for a new one.",
            code="SIGNED_URL_EXPIRED",
            status_code=410,
            details={"expired_at": expired},
        )
    stored = StoredFile.objects.filter(public_id=file_id).first()
    if stored is None:
        raise SignedUrlRefused("This download link is invalid.")
    if stored.deleted_at is not None or (
        stored.urls_revoked_at is not None and issued_ms <= _ms(stored.urls_revoked_at)
    ):
        if stored.is_expired(now):
            raise SignedUrlRefused(
                "The file passed its retention period and was deleted.",
                code="FILE_EXPIRED",
                status_code=410,
            )
        raise SignedUrlRefused(
            "This download link was revoked.", code="SIGNED_URL_REVOKED", status_code=410
        )
    if stored.is_expired(now):
        raise SignedUrlRefused(
            "The file passed its retention period.", code="FILE_EXPIRED", status_code=410
        )
    return stored, download
