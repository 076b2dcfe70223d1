"""The file store: every blob Casefile keeps, through Django's storage API (SPEC §5, seeds 001/004).

Public services (keyword-only; for the API, the conversion jobs and the pipeline):

- `file_create(workspace=, filename=, content=, media_type="", kind=, case=None,
  document=None, expires_at=None, retention_hours=None) -> StoredFile`: write the blob, then the
  row. `content` is bytes or a Django `File` (streamed, hashed chunk by chunk).
- `file_upload_store(workspace=, upload=) -> StoredFile`: seed 004's upload, checked (a name,
  some bytes, at most `MAX_UPLOAD_BYTES`) and kept for the retention period.
- `file_get(workspace=, file_id=) -> StoredFile`: a live file of the workspace; another
  workspace's, a deleted or an unknown id is 404 `FILE_NOT_FOUND`, an expired one 410
  `FILE_EXPIRED`.
- `case_file_get(case=, file_id=) -> StoredFile`: the same, and the file must be the case's
  (a document's upload or an artifact), else 404.
- `file_open(stored) -> File`: the blob opened for binary reading (a context manager).
- `file_read(stored) -> bytes`.
- `file_replace(stored=, content=) -> StoredFile`: new bytes under the same id (artifacts).
- `file_delete(stored=) -> StoredFile`: the blob goes now, the row stays as a tombstone
  (documents and jobs refer to it); signed URLs stop working.
- `file_delete_unused(stored=) -> StoredFile`: the same for the files API, which may not delete
  a file a case keeps (409 `FILE_IN_USE`).
- `file_urls_revoke(stored=) -> StoredFile`: every signed URL issued so far is refused.
- `files_expire(now=None) -> int`: the sweep (scheduled in `cases.schedules`) that deletes the
  blobs of expired files.
- `media_type_guess(filename, head) -> str`, `file_is_inline_safe(media_type) -> bool`.

Blobs live in `settings.STORAGES["default"]`: the local disk by default, S3 (or any
S3-compatible store) through django-storages when `CASEFILE_S3_BUCKET` is set. Nothing here
touches a path on disk, so both behave the same.
"""

from __future__ import annotations

import hashlib
import logging
import mimetypes
import unicodedata
from datetime import datetime, timedelta
from pathlib import PurePath

from django.conf import settings
from django.core.files import File
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from cases.errors import Conflict, DomainError, NotFound, ValidationFailed
from cases.models import Case, Document, StoredFile, Workspace

logger = logging.getLogger(__name__)

MAGIC_TYPES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "application/pdf"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"II*\x00", "image/tiff"),
    (b"MM\x00*", "image/tiff"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
)
INLINE_SAFE_TYPES = frozenset(
    {
        "application/pdf",
        "image/png",
        "image/jpeg",
        "image/gif",
        "image/tiff",
        "image/webp",
        "text/plain",
        "text/csv",
        "text/markdown",
        "application/json",
    }
)
"""Types a browser may show in place; anything else (HTML, SVG, XML...) is always served as an
attachment, so an uploaded page never runs script on Casefile's origin."""

OCTET_STREAM = "application/octet-stream"


class FileGone(DomainError):
    code = "FILE_EXPIRED"
    status_code = 410


def media_type_guess(filename: str, head: bytes) -> str:
    """The type by the bytes for the formats we know, else by the name, else octet-stream."""
    for magic, media_type in MAGIC_TYPES:
        if head.startswith(magic):
            return media_type
    guessed, _ = mimetypes.guess_type(filename, strict=False)
    if guessed in MAGIC_TYPES_BY_VALUE:  # the name claims a type its bytes do not have
        return OCTET_STREAM
    return guessed or OCTET_STREAM


MAGIC_TYPES_BY_VALUE = frozenset(media_type for _, media_type in MAGIC_TYPES)


def file_is_inline_safe(media_type: str) -> bool:
    return media_type.split(";")[0].strip().lower() in INLINE_SAFE_TYPES


def _blob_name(workspace: Workspace, stored: StoredFile) -> str:
    suffix = PurePath(stored.filename).suffix.lower()[:16]
    return f"{workspace.public_id}/{stored.public_id}{suffix}"


def file_create(
    *,
    workspace: Workspace,
    filename: str,
    content: bytes | File,
    media_type: str = "",
    kind: str = StoredFile.Kind.UPLOAD,
    case: Case | None = None,
    document: Document | None = None,
    expires_at: datetime | None = None,
    retention_hours: int | None = None,
) -> StoredFile:
    """Write the blob, then its row (a blob without a row is harmless; the reverse is not).

    `retention_hours` sets `expires_at` from now; neither given: kept until deleted.
    """
    blob = content if isinstance(content, File) else ContentFile(content)
    if isinstance(content, bytes):  # in memory already: hash it in one call, no chunk copies
        digest, size, head = hashlib.sha256(content), len(content), content[:16]
    else:
        digest, size, head = hashlib.sha256(), 0, b""
        blob.seek(0)
        for chunk in blob.chunks():
            if not head:
                head = chunk[:16]
            digest.update(chunk)
            size += len(chunk)
        blob.seek(0)
    if expires_at is None and retention_hours is not None:
        expires_at = timezone.now() + timedelta(hours=retention_hours)
    stored = StoredFile(
        workspace=workspace,
        kind=kind,
        filename=filename[:255],
        media_type=media_type or media_type_guess(filename, head),
        size=size,
        sha256=digest.hexdigest(),
        case=case,
        document=document,
        expires_at=expires_at,
        source_modified_at=document.modified_at if document is not None else None,
    )
    stored.blob.save(_blob_name(workspace, stored), blob, save=False)
    try:
        stored.save()
    except Exception:
        stored.blob.delete(save=False)
        raise
    return stored


def file_upload_store(*, workspace: Workspace, upload: UploadedFile) -> StoredFile:
    """Seed 004's `POST /files`: the upload checked before anything is written (a name, some
    bytes, at most `MAX_UPLOAD_BYTES`: else 400, or 413 `FILE_TOO_LARGE`), then streamed into
    the store (never read whole), to expire after `FILES_RETENTION_HOURS`."""
    filename = upload_filename_clean(upload.name or "")
    if not filename:
        raise ValidationFailed.for_field("file", "the file has no name.")
    if not upload.size:
        raise ValidationFailed.for_field("file", f"{filename} is empty.")
    if upload.size > settings.MAX_UPLOAD_BYTES:
        limit_mb = settings.MAX_UPLOAD_BYTES // (1024 * 1024)
        raise DomainError(
            f"file: {filename} is larger than the limit of {limit_mb} MB.",
            code="FILE_TOO_LARGE",
            status_code=413,
            details={"fields": {"file": [f"Larger than {limit_mb} MB."]}},
        )
    return file_create(
        workspace=workspace,
        filename=filename,
        content=upload,
        retention_hours=settings.FILES_RETENTION_HOURS,
    )


def upload_filename_clean(name: str) -> str:
    """The name's last path part (either slash), NFC, stripped, at most 255 characters."""
    return unicodedata.normalize("NFC", PurePath(name.replace("\\", "/")).name.strip())[:255]


@transaction.atomic
def file_replace(*, stored: StoredFile, content: bytes) -> StoredFile:
    """New content under the same file id (an artifact remade); unchanged content is a no-op.
    The old blob goes after commit."""
    digest = hashlib.sha256(content).hexdigest()
    if digest == stored.sha256:
        return stored
    stored = StoredFile.objects.select_for_update().get(pk=stored.pk)
    old = StoredFile(pk=stored.pk, public_id=stored.public_id, blob=stored.blob.name)
    stored.blob.save(_blob_name(stored.workspace, stored), ContentFile(content), save=False)
    stored.size = len(content)
    stored.sha256 = digest
    stored.save(update_fields=["blob", "size", "sha256"])
    _blob_delete_on_commit(old)
    return stored


def file_get(*, workspace: Workspace, file_id: str, now: datetime | None = None) -> StoredFile:
    stored = (
        StoredFile.objects.filter(workspace=workspace, public_id=file_id)
        .select_related("workspace")
        .first()
    )
    if stored is None or (stored.deleted_at is not None and not _expired_first(stored)):
        raise NotFound(f"No file {file_id}.", code="FILE_NOT_FOUND")
    if stored.is_expired(now or timezone.now()):
        raise FileGone(f"The file {file_id} passed its retention period and was deleted.")
    return stored


def case_file_get(*, case: Case, file_id: str) -> StoredFile:
    """A live file of the case: the upload of one of its documents or one of its artifacts;
    any other file is 404 `FILE_NOT_FOUND`."""
    stored = file_get(workspace=case.workspace, file_id=file_id)
    in_case = stored.case_id == case.pk or Document.objects.filter(case=case, file=stored).exists()
    if not in_case:
        raise NotFound(f"No file {file_id} in case {case.public_id}.", code="FILE_NOT_FOUND")
    return stored


def _expired_first(stored: StoredFile) -> bool:
    """A tombstone made by the expiry sweep (410), rather than by a deletion (404)."""
    return (
        stored.expires_at is not None
        and stored.deleted_at is not None
        and stored.expires_at <= stored.deleted_at
    )


def file_open(stored: StoredFile) -> File:
    if stored.deleted_at is not None or not stored.blob.name:
        raise NotFound(f"No file {stored.public_id}.", code="FILE_NOT_FOUND")
    try:
        return stored.blob.storage.open(stored.blob.name, "rb")
    except FileNotFoundError:
        raise NotFound(
            f"The content of file {stored.public_id} is missing from the store.",
            code="FILE_NOT_FOUND",
        ) from None


def file_read(stored: StoredFile) -> bytes:
    with file_open(stored) as handle:
        return handle.read()


def _blob_delete_on_commit(stored: StoredFile) -> None:
    storage, name = stored.blob.storage, stored.blob.name
    if not name:
        return

    def delete() -> None:
        try:
            storage.delete(name)
        except Exception:  # the row says deleted; a leftover blob is swept by hand, logged
            logger.exception("Could not delete blob %s of file %s.", name, stored.public_id)

    transaction.on_commit(delete)


@transaction.atomic
def file_delete(*, stored: StoredFile, now: datetime | None = None) -> StoredFile:
    """Delete the blob (after commit) and keep the row as a tombstone; idempotent."""
    now = now or timezone.now()
    stored = StoredFile.objects.select_for_update().get(pk=stored.pk)
    if stored.deleted_at is not None:
        return stored
    _blob_delete_on_commit(stored)
    stored.deleted_at = now
    stored.urls_revoked_at = now
    stored.save(update_fields=["deleted_at", "urls_revoked_at"])
    return stored


@transaction.atomic
def file_delete_unused(*, stored: StoredFile) -> StoredFile:
    """`file_delete` for the files API: a file a case keeps (a document's upload, or an
    artifact of the case) stays with its case: 409 `FILE_IN_USE`. The row is locked before
    the check, so the check and the delete see the same file."""
    stored = StoredFile.objects.select_for_update().get(pk=stored.pk)
    if (stored.case_id is not None and stored.document_id is None) or stored.documents.exists():
        raise Conflict(
            f"The file {stored.public_id} is a document of a case and is kept with the case.",
            code="FILE_IN_USE",
        )
    return file_delete(stored=stored)


@transaction.atomic
def file_expire(*, stored: StoredFile, now: datetime | None = None) -> StoredFile:
    """Expire a file now (the retention sweeps): its blob goes, later reads answer 410."""
    now = now or timezone.now()
    stored = StoredFile.objects.select_for_update().get(pk=stored.pk)
    if stored.deleted_at is not None:
        return stored
    _blob_delete_on_commit(stored)
    if stored.expires_at is None or stored.expires_at > now:
        stored.expires_at = now
    stored.deleted_at = now
    stored.urls_revoked_at = now
    stored.save(update_fields=["expires_at", "deleted_at", "urls_revoked_at"])
    return stored


@transaction.atomic
def file_urls_revoke(*, stored: StoredFile, now: datetime | None = None) -> StoredFile:
    """Refuse every signed URL of the file issued until now (new ones work again).

    Errors: 409 `REVOCATION_UNSUPPORTED` when signed URLs are the object store's own
    presigned URLs (`SIGNED_URLS_FROM_STORE`): the store honours those until they expire, so
    claiming to revoke them would be a lie; delete the file to stop them."""
    if settings.SIGNED_URLS_FROM_STORE:
        raise Conflict(
            "This store's presigned URLs cannot be revoked before they expire; delete the file "
            "to stop them, or set CASEFILE_S3_PRESIGNED_URLS=false to serve signed URLs "
            "through Casefile.",
            code="REVOCATION_UNSUPPORTED",
        )
    stored.urls_revoked_at = now or timezone.now()
    StoredFile.objects.filter(pk=stored.pk).update(urls_revoked_at=stored.urls_revoked_at)
    return stored


def files_expire(*, now: datetime | None = None, batch: int = 500) -> int:
    """The sweep: delete the blob of every file past its `expires_at`; returns how many."""
    now = now or timezone.now()
    expired = StoredFile.objects.filter(expires_at__lte=now, deleted_at__isnull=True)
    count = 0
    for stored in expired.order_by("expires_at")[:batch]:
        file_expire(stored=stored, now=now)
        count += 1
    if count:
        logger.info("Deleted %d expired files from the store.", count)
    return count


def files_retention_hours() -> int:
    return settings.FILES_RETENTION_HOURS
