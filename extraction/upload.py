"""Seed 002's upload: one document by `url` or `file_base64`, with the caller's metadata, into
extraction.

`upload_create` is what `POST /upload` (and `/api/v1/upload`) calls once the view has parsed the
body into an `UploadRequest`. It checks everything that can be checked before a write (case type
or filter, credits, the file's type and size, the URL on its face), then creates in one
transaction the case and document (or, when a filter classifies, a pre-allocated document id),
the stored file and a queued job. A `url` is not fetched here: the stored file stays empty and
the job carries the URL until the worker downloads it (`upload_source_fetch`, called by
`extraction.pipeline` before the engine), through `cases.outbound`'s guard. A URL that dies
later fails the job with URL_NOT_ALLOWED, FETCH_FAILED or FILE_TOO_LARGE.

The caller's further keys (`xn_address`, ...) are kept under the document's
`metadata["client_metadata"]`, apart from what the pipeline writes there.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db import transaction

from cases.actors import Actor
from cases.credits import credits_check
from cases.errors import NotFound, ValidationFailed
from cases.files import file_create, file_replace
from cases.ids import new_document_id
from cases.models import AuditEvent, Case, CaseType, CaseTypeFilter, Document, StoredFile, Workspace
from cases.outbound import FetchError, FetchLimits, networks_parse, url_check, url_fetch
from cases.selectors import case_type_get, case_type_get_by_slug
from cases.services import (
    IncomingFile,
    audit_record,
    case_create,
    case_documents_add,
    incoming_file_check,
)
from extraction.engine.loading import sniff_media_type
from extraction.models import ExtractionJob
from extraction.services import job_create
from extraction.submission import pages_estimate, upload_type_check
from webhooks.services import EventType, event_publish

SOURCE_URL_OPTION = "sourceUrl"
"""Job option: the URL the worker still has to download (removed once it has)."""
DOCUMENT_ID_OPTION = "documentId"
"""Job option: the document id promised to the caller when a filter classifies the upload."""
METADATA_OPTION = "clientMetadata"
"""Job option: the caller's metadata, for the document a filter job creates."""
METADATA_KEY = "client_metadata"
MAX_METADATA_BYTES = 16 * 1024


@dataclass(frozen=True)
class UploadRequest:
    """A parsed upload body: exactly one of `url` and `content`."""

    file_name: str
    url: str | None = None
    content: bytes | None = None
    casetype_id: str | None = None
    template_name: str | None = None
    filter_name: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class UploadResult:
    document_id: str
    job: ExtractionJob
    case_type: CaseType | None
    status: str


def upload_create(*, workspace: Workspace, actor: Actor, request: UploadRequest) -> UploadResult:
    """Start extraction of one uploaded document; nothing is written when a check fails."""
    case_type, filter_name = _target(workspace=workspace, request=request)
    incoming: IncomingFile | None = None
    if request.content is not None:
        incoming = upload_type_check(
            incoming_file_check(
                filename=request.file_name, content=request.content, field="file_base64"
            ),
            field="file_base64",
        )
        credits_check(workspace=workspace, pages=pages_estimate(request.content))
    else:
        assert request.url is not None
        try:
            url_check(request.url, allowed_networks=_allowed_networks())
        except FetchError as error:
            raise ValidationFailed(
                error.message, code=error.code, details={"fields": {"url": [error.message]}}
            ) from None
        credits_check(workspace=workspace, pages=1)
    options: dict[str, Any] = {}
    if request.url is not None:
        options[SOURCE_URL_OPTION] = request.url
    with transaction.atomic():
        if case_type is not None:
            case = case_create(
                workspace=workspace, case_type=case_type, actor=actor, name=request.file_name
            )
            if incoming is not None:
                [document] = case_documents_add(case=case, files=[incoming], actor=actor)
            else:
                document = _pending_document_create(
                    workspace=workspace, case=case, file_name=request.file_name, actor=actor
                )
            if request.metadata:
                document.metadata = {**document.metadata, METADATA_KEY: request.metadata}
                document.save(update_fields=["metadata"])
            job = job_create(
                workspace=workspace,
                actor=actor,
                source_file=document.file,
                filename=request.file_name,
                source=ExtractionJob.Source.UPLOAD_API,
                options={"templateName": case_type.slug, **options},
                case_type=case_type,
                documents=[document],
            )
            document.refresh_from_db(fields=["status"])
            return UploadResult(document.public_id, job, case_type, document.status)
        document_id = new_document_id()
        stored = file_create(
            workspace=workspace,
            filename=request.file_name,
            content=incoming.content if incoming is not None else b"",
            media_type=incoming.media_type if incoming is not None else "",
        )
        job = job_create(
            workspace=workspace,
            actor=actor,
            source_file=stored,
            filename=request.file_name,
            source=ExtractionJob.Source.UPLOAD_API,
            options={
                "filterName": filter_name,
                DOCUMENT_ID_OPTION: document_id,
                **({METADATA_OPTION: request.metadata} if request.metadata else {}),
                **options,
            },
        )
        return UploadResult(document_id, job, None, job.status)


def upload_document_preset(job: ExtractionJob) -> dict[str, Any]:
    """What the pipeline gives the first document it creates for a filter upload: the id
    promised to the caller and the caller's metadata (empty for any other job)."""
    document_id = job.options.get(DOCUMENT_ID_OPTION)
    if not document_id or Document.objects.filter(public_id=document_id).exists():
        return {}
    preset: dict[str, Any] = {"public_id": document_id}
    if job.options.get(METADATA_OPTION):
        preset["metadata"] = {METADATA_KEY: job.options[METADATA_OPTION]}
    return preset


def upload_job_for_document(*, workspace: Workspace, document_id: str) -> ExtractionJob | None:
    """The upload job that promised `document_id` and has not created it yet (a filter still
    classifying it), so a status lookup can answer before the document exists."""
    return (
        ExtractionJob.objects.filter(
            workspace=workspace, **{f"options__{DOCUMENT_ID_OPTION}": document_id}
        )
        .order_by("-created_at")
        .first()
    )


def upload_source_fetch(*, job: ExtractionJob) -> ExtractionJob:
    """Download the job's URL into its stored file (in the worker, before the engine).

    A no-op for jobs without a pending URL, so a retried job does not fetch twice. Raises
    `FetchError` (URL_NOT_ALLOWED, FETCH_FAILED, FILE_TOO_LARGE) or the engine's
    UNSUPPORTED_FILE_TYPE/CORRUPT_FILE, which the pipeline turns into the job's failure.
    """
    url = job.options.get(SOURCE_URL_OPTION)
    if not url:
        return job
    fetched = url_fetch(
        url,
        limits=FetchLimits(
            max_bytes=settings.MAX_UPLOAD_BYTES,
            connect_timeout=settings.FETCH_CONNECT_TIMEOUT,
            total_timeout=settings.FETCH_TIMEOUT,
        ),
        allowed_networks=_allowed_networks(),
    )
    media_type = sniff_media_type(fetched.content)
    with transaction.atomic():
        stored = file_replace(stored=job.source_file, content=fetched.content)
        StoredFile.objects.filter(pk=stored.pk).update(media_type=media_type)
        options = {key: value for key, value in job.options.items() if key != SOURCE_URL_OPTION}
        ExtractionJob.objects.filter(pk=job.pk).update(options=options)
        job.options = options
        for document in job.documents.select_related("case"):
            _document_arrived(document=document, sha256=stored.sha256)
    job.source_file.refresh_from_db()
    credits_check(workspace=job.workspace, pages=pages_estimate(fetched.content))
    return job


def _target(*, workspace: Workspace, request: UploadRequest) -> tuple[CaseType | None, str]:
    """The case type the request names, or the filter that will classify the document."""
    if request.casetype_id:
        return case_type_get(workspace=workspace, public_id=request.casetype_id), ""
    if request.template_name:
        return case_type_get_by_slug(workspace=workspace, slug=request.template_name), ""
    name = request.filter_name or settings.UPLOAD_DEFAULT_FILTER
    document_filter = CaseTypeFilter.objects.filter(workspace=workspace, name=name).first()
    if document_filter is None or not document_filter.case_types.exists():
        if request.filter_name:
            raise NotFound(f"No filter named {name!r}.", code="FILTER_NOT_FOUND")
        raise ValidationFailed(
            f"casetype_id: give casetype_id or templateName; this workspace has no default "
            f"filter {name!r} to classify the document.",
            details={"fields": {"casetype_id": ["Required: no default filter to classify."]}},
        )
    return None, document_filter.name


def _pending_document_create(
    *, workspace: Workspace, case: Case, file_name: str, actor: Actor
) -> Document:
    """A document whose file the worker has yet to download: an empty stored file for now.
    `document.uploaded` is announced once the file has arrived (`_document_arrived`)."""
    stored = file_create(workspace=workspace, filename=file_name, content=b"", case=case)
    document = Document.objects.create(
        workspace=workspace, case=case, file=stored, filename=file_name
    )
    audit_record(
        workspace=workspace,
        case=case,
        document=document,
        verb=AuditEvent.Verb.DOCUMENT_UPLOADED,
        actor=actor,
        to_state=document.status,
        data={"filename": file_name, "source": "url"},
    )
    return document


def _document_arrived(*, document: Document, sha256: str) -> None:
    """The downloaded file is in place: note its duplicate and announce the upload."""
    duplicate_of = (
        Document.objects.filter(
            workspace=document.workspace,
            case__case_type=document.case.case_type,
            file__sha256=sha256,
        )
        .exclude(pk=document.pk)
        .order_by("created_at")
        .first()
    )
    if duplicate_of is not None:
        Document.objects.filter(pk=document.pk).update(duplicate_of=duplicate_of)
    event_publish(
        workspace=document.workspace,
        event_type=EventType.DOCUMENT_UPLOADED,
        data={
            "case_id": document.case.public_id,
            "document_id": document.public_id,
            "filename": document.filename,
            "duplicate_of": duplicate_of.public_id if duplicate_of else None,
            "source": "api",
        },
    )


def _allowed_networks() -> tuple:
    return networks_parse(settings.FETCH_ALLOWED_NETWORKS)
