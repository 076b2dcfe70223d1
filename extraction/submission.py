"""Creating extraction jobs from the job, extract and review APIs: options, idempotency, files.

The API views parse the request into a `JobRequest`; `job_submit` checks what needs the
database (template, filter, webhook coverage), honours `Idempotency-Key` and creates the job.
An idempotency record is committed before the job is created, so concurrent requests with one
key see each other: the second answers 409 while the first is still being created, and a replay
afterwards returns the same job.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import re
from dataclasses import asdict, dataclass, field, replace
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from cases.actors import Actor
from cases.credits import credits_check
from cases.errors import Conflict, DomainError, NotFound, ValidationFailed
from cases.models import CaseType, CaseTypeFilter, Workspace
from cases.selectors import case_type_get_by_slug
from cases.services import IncomingFile, case_create, case_documents_add, stored_file_create
from extraction.engine.loading import sniff_media_type
from extraction.engine.types import EngineError
from extraction.models import ExtractionJob, IdempotencyRecord
from extraction.services import job_create
from webhooks.services import EventType, event_has_listener

IN_PROGRESS_TAKEOVER = timedelta(minutes=5)
"""A reservation without a job this old belongs to a request that died; a retry may take it."""


@dataclass(frozen=True)
class JobOptions:
    """The seed-003 options, as stored on the job (`job.options`)."""

    templateName: str | None = None
    filterName: str | None = None
    documentSplitting: bool = False
    returnDocuments: bool = False
    returnText: bool = False
    documentReview: int | None = None
    schemaChunking: str = "auto"
    password: str | None = None


@dataclass(frozen=True)
class JobRequest:
    file: IncomingFile
    options: JobOptions
    delivery_mode: str = ExtractionJob.DeliveryMode.POLL
    source: str = ExtractionJob.Source.JOB_API
    extra: dict[str, Any] = field(default_factory=dict)

    def fingerprint(self) -> str:
        """Same request, same fingerprint: the options and the file's content."""
        canonical = {
            "options": asdict(self.options),
            "delivery_mode": self.delivery_mode,
            "source": self.source,
            "file_sha256": hashlib.sha256(self.file.content).hexdigest(),
            "filename": self.file.filename,
        }
        return hashlib.sha256(json.dumps(canonical, sort_keys=True).encode()).hexdigest()


_COUNT = re.compile(rb"/Count\s+(\d{1,6})")
_PAGES_TYPE = re.compile(rb"/Type\s*/Pages\b")
PAGE_TREE_REACH = 400
"""Bytes on either side of a `/Count` searched for the `/Type /Pages` of its dictionary."""
MAX_COUNTS_EXAMINED = 1000
"""`/Count` entries examined at most: a page tree of the largest job holds a few dozen; a file
padded with millions of them (or of `/Type /Pages`) costs no more than this many windows."""
_PDF_AFTER_WHITESPACE = re.compile(rb"\s*%PDF")
"""`content.lstrip().startswith(b"%PDF")` without copying the file."""


def upload_type_check(incoming: IncomingFile, *, field: str = "file") -> IncomingFile:
    """Refuse, before anything is written, a file that is not a PDF, PNG, JPEG or TIFF (by
    its bytes, never its name); return it with its media type."""
    try:
        media_type = sniff_media_type(incoming.content)
    except EngineError as error:
        raise ValidationFailed(
            f"{field}: {incoming.filename}: {error.message}",
            code=error.code,
            details={"fields": {field: [error.message]}},
        ) from None
    return replace(incoming, media_type=media_type)


def pages_estimate(content: bytes) -> int:
    """How many pages a file probably has, without parsing it (the web process never opens
    untrusted PDFs): the largest `/Count` of a PDF page tree found in plain text, else 1. It
    is only the credit pre-check's estimate; the worker charges the pages it processed."""
    if not _PDF_AFTER_WHITESPACE.match(content) and b"%PDF-" not in content[:1024]:
        return 1
    if b"/Pages" not in content or b"/Count" not in content:
        return 1
    counts = []
    for found in itertools.islice(_COUNT.finditer(content), MAX_COUNTS_EXAMINED):
        # The same dictionary: no `>` between the count and the type, within the reach.
        before = content[max(0, found.start() - PAGE_TREE_REACH) : found.start()]
        before = before[before.rfind(b">") + 1 :]
        after = content[found.end() : found.end() + PAGE_TREE_REACH + 16]
        after = after.split(b">", 1)[0]
        if _PAGES_TYPE.search(before) or _PAGES_TYPE.search(after):
            counts.append(int(found.group(1)))
    return max([count for count in counts if count > 0], default=1)


def job_submit(
    *,
    workspace: Workspace,
    actor: Actor,
    request: JobRequest,
    idempotency_key: str | None = None,
) -> tuple[ExtractionJob, bool]:
    """Create the job (or find the one this key created); returns (job, replayed).

    A replay answers with its job before anything else is checked: the template renamed, the
    webhook endpoint disabled or the credits spent since do not turn it into an error.
    Errors: 404 for an unknown template or filter, 400 `WEBHOOK_NOT_CONFIGURED`, 402
    `INSUFFICIENT_CREDITS` (before anything is created), 409/422 for an Idempotency-Key in
    flight or reused; the key's reservation is released when the request fails."""
    record = None
    if idempotency_key:
        record, existing = _idempotency_reserve(
            workspace=workspace, key=idempotency_key, fingerprint=request.fingerprint()
        )
        if existing is not None:
            return existing, True
    try:
        case_type = _case_type_or_filter(workspace=workspace, options=request.options)
        _webhook_delivery_check(workspace=workspace, request=request)
        credits_check(workspace=workspace, pages=pages_estimate(request.file.content))
        with transaction.atomic():
            job = _job_create(
                workspace=workspace,
                actor=actor,
                request=request,
                case_type=case_type,
                idempotency_key=idempotency_key,
            )
            if record is not None:
                IdempotencyRecord.objects.filter(pk=record.pk).update(job=job)
    except BaseException:
        if record is not None:
            IdempotencyRecord.objects.filter(pk=record.pk, job__isnull=True).delete()
        raise
    return job, False


def _webhook_delivery_check(*, workspace: Workspace, request: JobRequest) -> None:
    """400 `WEBHOOK_NOT_CONFIGURED` when the job asks for webhook delivery and no enabled
    endpoint of the workspace receives `extraction.completed`."""
    if request.delivery_mode == ExtractionJob.DeliveryMode.WEBHOOK and not event_has_listener(
        workspace=workspace, event_type=EventType.EXTRACTION_COMPLETED
    ):
        raise ValidationFailed(
            "deliveryMode: webhook delivery needs an enabled webhook endpoint subscribed to "
            "extraction.completed.",
            code="WEBHOOK_NOT_CONFIGURED",
            details={
                "fields": {"deliveryMode": ["No enabled endpoint receives extraction.completed."]}
            },
        )


def _case_type_or_filter(*, workspace: Workspace, options: JobOptions) -> CaseType | None:
    if options.templateName:
        return case_type_get_by_slug(workspace=workspace, slug=options.templateName)
    document_filter = CaseTypeFilter.objects.filter(
        workspace=workspace, name=options.filterName
    ).first()
    if document_filter is None or not document_filter.case_types.exists():
        raise NotFound(f"No filter named {options.filterName!r}.", code="FILTER_NOT_FOUND")
    return None


def _job_create(
    *,
    workspace: Workspace,
    actor: Actor,
    request: JobRequest,
    case_type: CaseType | None,
    idempotency_key: str | None,
) -> ExtractionJob:
    stored_kwargs: dict[str, Any] = {}
    if case_type is not None:
        case = case_create(
            workspace=workspace, case_type=case_type, actor=actor, name=request.file.filename
        )
        [document] = case_documents_add(case=case, files=[request.file], actor=actor)
        if request.extra:  # nothing to add: no write
            document.metadata = {**document.metadata, **request.extra}
            document.save(update_fields=["metadata"])
        stored_kwargs = {"source_file": document.file, "documents": [document]}
    else:
        stored_kwargs = {
            "source_file": stored_file_create(workspace=workspace, incoming=request.file)
        }
    return job_create(
        workspace=workspace,
        actor=actor,
        filename=request.file.filename,
        source=request.source,
        options={key: value for key, value in asdict(request.options).items() if value is not None},
        case_type=case_type,
        delivery_mode=request.delivery_mode,
        idempotency_key=idempotency_key,
        **stored_kwargs,
    )


def _idempotency_reserve(
    *, workspace: Workspace, key: str, fingerprint: str
) -> tuple[IdempotencyRecord | None, ExtractionJob | None]:
    """Reserve the key (committed at once), or return the job an earlier request created.

    Returns (our reservation, None) when this request should create the job, or
    (None, existing job) for a replay. Raises 409 while the first request is still creating
    its job and 422 when the key was used for a different request.
    """
    now = timezone.now()
    IdempotencyRecord.objects.filter(workspace=workspace, key=key, expires_at__lt=now).delete()
    try:
        with transaction.atomic():
            record = IdempotencyRecord.objects.create(
                workspace=workspace,
                key=key,
                fingerprint=fingerprint,
                created_at=now,
                expires_at=now + timedelta(hours=settings.IDEMPOTENCY_KEY_TTL_HOURS),
            )
        return record, None
    except IntegrityError:
        pass
    record = (
        IdempotencyRecord.objects.select_related("job").filter(workspace=workspace, key=key).first()
    )
    if record is None:  # expired and deleted between our insert and this read: try once more
        return _idempotency_reserve(workspace=workspace, key=key, fingerprint=fingerprint)
    if record.fingerprint != fingerprint:
        raise DomainError(
            "This Idempotency-Key was used for a different request.",
            code="IDEMPOTENCY_KEY_REUSED",
            status_code=422,
        )
    if record.job is not None:
        return None, record.job
    if now - record.created_at > IN_PROGRESS_TAKEOVER:
        taken = IdempotencyRecord.objects.filter(
            pk=record.pk, job__isnull=True, created_at=record.created_at
        ).update(created_at=now)
        if taken:
            record.created_at = now
            return record, None
    raise Conflict(
        "A request with this Idempotency-Key is still being processed; retry shortly.",
        code="IDEMPOTENCY_KEY_IN_USE",
        headers={"Retry-After": "1"},
    )
