"""The async job API of seed 003 (create, list, status with long poll, result), the one-call
extract and review of seed 000, and the case upload and start-extraction endpoints of seed 001
(`POST /cases`, `POST /cases/{id}/extract`): they start the pipeline, so they live here, above
`cases`, not in `cases.api`.

Thin views: parse, call `extraction.submission`, a service or a selector, answer in the seed's
shapes.
"""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    inline_serializer,
)
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.views import APIView

from cases import selectors as case_selectors
from cases import services as case_services
from cases.api_schema import CaseDocumentsOutput
from cases.apikit.authentication import api_actor, request_workspace
from cases.apikit.idempotency import idempotency_key_parse
from cases.apikit.pagination import LimitOffsetPage
from cases.apikit.schema import responses, success_envelope
from cases.apikit.serializers import success
from cases.errors import ValidationFailed
from cases.models import Case, CaseType, Document
from cases.serializers import CaseUploadInput, document_brief
from extraction import selectors
from extraction.api_schema import (
    IDEMPOTENCY_KEY,
    IDEMPOTENT_REPLAY,
    ExtractAcceptedEnvelope,
    ExtractBase64Input,
    ExtractResultEnvelope,
    ExtractUploadInput,
    JobBase64Input,
    JobCreatedEnvelope,
    JobListEnvelope,
    JobResultEnvelope,
    JobStatusEnvelope,
    JobUploadInput,
    ReviewBase64Input,
    ReviewResultEnvelope,
    ReviewUploadInput,
)
from extraction.case_upload import case_upload
from extraction.checks import document_checks_run, review_body
from extraction.models import ExtractionJob
from extraction.one_call import job_settled_wait, workflow_get
from extraction.polling import (
    JobStatusPollThrottle,
    polled_job,
    status_poll_limit_error,
    wait_for_change,
)
from extraction.results import job_result_available
from extraction.serializers import (
    JobListInput,
    JobStatusInput,
    flat_body,
    job_created,
    job_request_parse,
    job_result,
    job_status,
    job_urls,
)
from extraction.services import case_extraction_start
from extraction.submission import job_submit

NOT_FOUND_CASE = (404, "No such case type or case in your workspace.")
CREDITS_EXCEEDED = (402, "The workspace's page credits would be exceeded (INSUFFICIENT_CREDITS).")
JOB_REQUEST_ERRORS = (
    400,
    CREDITS_EXCEEDED,
    (404, "No case type named by templateName or filterName (TEMPLATE_NOT_FOUND, ...)."),
    (409, "The same Idempotency-Key is still being created (IDEMPOTENCY_KEY_IN_USE)."),
    413,
    (422, "The Idempotency-Key was used for a different request (IDEMPOTENCY_KEY_REUSED)."),
)
JOB_NOT_FOUND = (404, "No such job in your workspace (JOB_NOT_FOUND).")


def idempotency_key_from(request: Request) -> str | None:
    """The request's Idempotency-Key (an RFC 8941 String, quoted or bare), or None."""
    key = request.headers.get("Idempotency-Key")
    return None if key is None else idempotency_key_parse(key)


class JobPage(LimitOffsetPage):
    def get_paginated_response(self, data: list) -> Response:
        return Response({"success": True, "jobs": data, "total": self.count, **self.page_fields()})


class ExtractionJobsApi(APIView):
    pagination_class = JobPage

    @extend_schema(
        operation_id="extraction_jobs_create",
        summary="Start an extraction job",
        request={
            "multipart/form-data": JobUploadInput,
            "application/json": JobBase64Input,
        },
        parameters=[IDEMPOTENCY_KEY, IDEMPOTENT_REPLAY],
        responses=responses(
            {
                202: OpenApiResponse(JobCreatedEnvelope, description="The job was created."),
                200: OpenApiResponse(
                    JobCreatedEnvelope,
                    description="An idempotent replay: the job an earlier request created.",
                ),
            },
            *JOB_REQUEST_ERRORS,
        ),
    )
    def post(self, request: Request) -> Response:
        job_request, _ = job_request_parse(request, source=ExtractionJob.Source.JOB_API)
        job, replayed = job_submit(
            workspace=request_workspace(request),
            actor=api_actor(request),
            request=job_request,
            idempotency_key=idempotency_key_from(request),
        )
        response = Response(
            {"success": True, "job": job_created(job)}, status=200 if replayed else 202
        )
        if replayed:
            response["X-Idempotent-Replay"] = "true"
        return response

    @extend_schema(
        operation_id="extraction_jobs_list",
        summary="The workspace's jobs, newest first",
        parameters=[JobListInput, *JobPage.schema_parameters()],
        responses=responses({200: JobListEnvelope}, 400),
    )
    def get(self, request: Request) -> Response:
        params = JobListInput(data=request.query_params)
        params.is_valid(raise_exception=True)
        jobs = selectors.job_list(
            workspace=request_workspace(request), status=params.validated_data.get("status")
        )
        paginator = self.pagination_class()
        page = paginator.paginate_queryset(jobs, request, view=self)
        return paginator.get_paginated_response([job_status(job) for job in page])


class ExtractionJobDetailApi(APIView):
    throttle_classes = [*api_settings.DEFAULT_THROTTLE_CLASSES, JobStatusPollThrottle]

    def throttled(self, request: Request, wait: float | None) -> None:
        """The per-job limit answers with its own message: what to do instead of polling."""
        error = status_poll_limit_error(request, wait)
        if error is not None:
            raise error
        super().throttled(request, wait)

    @extend_schema(
        operation_id="extraction_jobs_get",
        summary="A job's status (long poll with ?wait=)",
        parameters=[
            OpenApiParameter(
                "wait",
                int,
                description="Seconds to wait for the status to change (long poll), 0-3600, "
                "capped by the server.",
            ),
        ],
        responses=responses(
            {200: JobStatusEnvelope},
            400,
            JOB_NOT_FOUND,
            (429, "Over the API key's limit, or this job's status was polled too often."),
        ),
    )
    def get(self, request: Request, job_id: str) -> Response:
        workspace = request_workspace(request)
        polled = polled_job(request)
        if polled is None:  # the per-job throttle found no such job: the 404
            polled = (selectors.job_status_get(workspace=workspace, job_id=job_id), None)
        job, queue_position = polled
        wait = 0
        if request.query_params:  # a plain poll, the common case, skips the serializer
            params = JobStatusInput(data=request.query_params)
            params.is_valid(raise_exception=True)
            wait = params.validated_data["wait"]
        if wait and not job.is_terminal:
            wait_for_change(job_id=str(job.pk), seconds=wait)
            job = selectors.job_status_get(workspace=workspace, job_id=job_id)
            queue_position = selectors.job_queue_position(job)
        return Response({"success": True, "job": job_status(job, queue_position=queue_position)})


class ExtractionJobResultApi(APIView):
    @extend_schema(
        operation_id="extraction_jobs_result",
        summary="A completed job's result",
        responses=responses(
            {200: JobResultEnvelope},
            JOB_NOT_FOUND,
            (409, "No result yet: RESULT_NOT_READY, REVIEW_REQUIRED or JOB_FAILED."),
            (410, "The result passed its retention period (RESULT_EXPIRED)."),
        ),
    )
    def get(self, request: Request, job_id: str) -> Response:
        job = selectors.job_get(workspace=request_workspace(request), job_id=job_id)
        job_result_available(job)
        return Response(job_result(job))


# --- Seed 000: synchronous extract and review against a workflow --------------------------

ACCEPTED = "`callback`: the job, at once. `response`: the job is held for review (with `job`)."
SETTLED_ERRORS = (
    (400, "Bad input, or the document itself cannot be read (e.g. PASSWORD_REQUIRED)."),
    CREDITS_EXCEEDED,
    (404, "No such workflow, template or document (WORKFLOW_NOT_FOUND, ...)."),
    (409, "The Idempotency-Key is in use, or the document is not extracted yet."),
    413,
    (422, "The Idempotency-Key was used for a different request (IDEMPOTENCY_KEY_REUSED)."),
    (500, "Document processing failed (PROCESSING_ERROR, ...)."),
    (504, "`response` passed its deadline (TIMEOUT); poll `details.statusUrl`."),
)


class ModeInput(serializers.Serializer):
    mode = serializers.ChoiceField(
        choices=["response", "callback"], required=False, default="response"
    )


def _mode(extra: dict) -> str:
    params = ModeInput(data={key: value for key, value in extra.items() if key == "mode"})
    params.is_valid(raise_exception=True)
    return params.validated_data["mode"]


def _one_call_submit(
    request: Request, *, source: str, allowed_extra: tuple[str, ...], forced: dict | None = None
) -> tuple[ExtractionJob, str]:
    """The seed-000 job and its `mode`: the mode is checked before the job is created."""
    job_request, extra = job_request_parse(
        request, source=source, allowed_extra=allowed_extra, forced=forced
    )
    mode = _mode(extra)
    job, _ = job_submit(
        workspace=request_workspace(request),
        actor=api_actor(request),
        request=job_request,
        idempotency_key=idempotency_key_from(request),
    )
    return job, mode


def _respond_when_settled(job: ExtractionJob, *, mode: str, body_for_completed) -> Response:
    """`callback`: 202 at once. `response`: wait up to the deadline, then the result (200),
    the status when review is required (202), the failure (500) or 504 TIMEOUT."""
    accepted = {"success": True, "job_id": str(job.pk), **job_urls(job)}
    if mode == "callback":
        return Response({**accepted, "status": job.status}, status=202)
    job = job_settled_wait(job=job)
    if job.status == ExtractionJob.Status.REVIEW_REQUIRED:
        return Response({**accepted, "status": job.status, "job": job_status(job)}, status=202)
    return Response(body_for_completed(job))


class ExtractApi(APIView):
    """POST /api/v1/extract (and /v1/extract): extract with `mode=response|callback`."""

    @extend_schema(
        operation_id="extract",
        summary="Extract a document (mode response or callback)",
        request={
            "multipart/form-data": ExtractUploadInput,
            "application/json": ExtractBase64Input,
        },
        parameters=[IDEMPOTENCY_KEY],
        responses=responses(
            {
                200: OpenApiResponse(ExtractResultEnvelope, description="`response`: the result."),
                202: OpenApiResponse(ExtractAcceptedEnvelope, description=ACCEPTED),
            },
            *SETTLED_ERRORS,
        ),
    )
    def post(self, request: Request) -> Response:
        job, mode = _one_call_submit(
            request, source=ExtractionJob.Source.EXTRACT_API, allowed_extra=("mode",)
        )
        return _respond_when_settled(
            job,
            mode=mode,
            body_for_completed=lambda done: {
                "success": True,
                "job_id": str(done.pk),
                "status": done.status,
                "filename": done.filename,
                "result": done.result,
            },
        )


class ReviewWorkflowInput(serializers.Serializer):
    workflow_id = serializers.CharField(max_length=40)
    document_id = serializers.CharField(max_length=40, required=False)


class ReviewApi(APIView):
    """POST /api/v1/review (and /v1/review): extraction plus the workflow's validation rules,
    answered as checks with the fields; `document_id` checks a document already extracted."""

    @extend_schema(
        operation_id="review_workflow",
        summary="Extract a document and check it against a workflow's rules",
        request={
            "multipart/form-data": ReviewUploadInput,
            "application/json": ReviewBase64Input,
        },
        parameters=[IDEMPOTENCY_KEY],
        responses=responses(
            {
                200: OpenApiResponse(ReviewResultEnvelope, description="The checks and fields."),
                202: OpenApiResponse(ExtractAcceptedEnvelope, description=ACCEPTED),
            },
            *SETTLED_ERRORS,
        ),
    )
    def post(self, request: Request) -> Response:
        workflow_id, document_id = _review_params(request)
        case_type = workflow_get(workspace=request_workspace(request), workflow_id=workflow_id)
        if document_id:
            return _document_checked(request, case_type=case_type, document_id=document_id)
        job, mode = _one_call_submit(
            request,
            source=ExtractionJob.Source.REVIEW_API,
            allowed_extra=("mode", "workflow_id"),
            forced={"templateName": case_type.slug, "filterName": None},
        )
        return _respond_when_settled(
            job,
            mode=mode,
            body_for_completed=lambda done: review_body(
                done.documents.order_by("created_at").first(), case_type=case_type, job=done
            ),
        )


def _review_params(request: Request) -> tuple[str, str | None]:
    """`workflow_id` and `document_id`, from a form or a JSON body."""
    raw = flat_body(request.data)
    params = ReviewWorkflowInput(
        data={key: raw.get(key) for key in ("workflow_id", "document_id") if raw.get(key)}
    )
    params.is_valid(raise_exception=True)
    return params.validated_data["workflow_id"], params.validated_data.get("document_id")


def _document_checked(request: Request, *, case_type: CaseType, document_id: str) -> Response:
    """The workflow's checks on a document extracted earlier: a file as well is refused.

    The checks run at once, with nothing to wait for, so both modes answer with them (a
    `mode` other than the two is still 400); `review.completed` fires either way."""
    body = flat_body(request.data)
    if "file" in body or request.FILES:
        raise ValidationFailed("document_id: give a file or a document_id, not both.")
    _mode(body)
    document, checks = document_checks_run(
        workspace=request_workspace(request),
        case_type=case_type,
        document_id=document_id,
        actor=api_actor(request),
    )
    return Response(review_body(document, case_type=case_type, checks=checks))


# --- Case upload and start of extraction (seed 001 paths, SPEC §1) -----------------------


UPLOADED_TO_NEW_CASE = "File upload successful"
UPLOADED_TO_EXISTING_CASE = "File successfully appended to case"


class CaseUploadApi(APIView):
    """Create a case with files, or append files to a case with `case_id`."""

    schema_tag = "cases"  # documented with the case API (config.api_schema)

    @extend_schema(
        request=inline_serializer(
            "CaseUpload",
            fields={
                "casetype_id": serializers.CharField(),
                "case_id": serializers.CharField(required=False),
                "case_name": serializers.CharField(required=False),
                "trigger_workflow": serializers.BooleanField(required=False),
                "files": serializers.ListField(child=serializers.FileField()),
            },
        ),
        operation_id="cases_upload",
        summary="Create a case with files, or append files to one",
        responses=responses(
            {200: success_envelope("CaseUploadEnvelope", CaseDocumentsOutput(), message=True)},
            400,
            CREDITS_EXCEEDED,
            NOT_FOUND_CASE,
            413,
        ),
    )
    def post(self, request: Request) -> Response:
        params = CaseUploadInput(data=request.data)
        params.is_valid(raise_exception=True)
        workspace = request_workspace(request)
        case_type = case_selectors.case_type_get(
            workspace=workspace, public_id=params.validated_data["casetype_id"]
        )
        uploads = request.FILES.getlist("files") + request.FILES.getlist("files[]")
        upload = case_upload(
            workspace=workspace,
            case_type=case_type,
            actor=api_actor(request),
            files=case_services.incoming_files_from_uploads(uploads),
            case_id=params.validated_data.get("case_id"),
            case_name=params.validated_data.get("case_name"),
            trigger_workflow=params.validated_data["trigger_workflow"],
        )
        message = UPLOADED_TO_EXISTING_CASE if upload.appended else UPLOADED_TO_NEW_CASE
        return Response(success(_case_documents(upload.case, upload.documents), message=message))


class CaseExtractionStartApi(APIView):
    """Start extraction of the documents uploaded with `trigger_workflow=false`."""

    schema_tag = "cases"  # documented with the case API (config.api_schema)

    @extend_schema(
        operation_id="case_extraction_start",
        summary="Start extraction of documents uploaded with trigger_workflow=false",
        request=None,
        responses=responses(
            {200: success_envelope("CaseExtractionEnvelope", CaseDocumentsOutput(), message=True)},
            (404, "No such case in your workspace (CASE_NOT_FOUND)."),
            (409, "No document of the case is waiting to be extracted (NOTHING_TO_EXTRACT)."),
        ),
    )
    def post(self, request: Request, case_id: str) -> Response:
        case = case_selectors.case_get(workspace=request_workspace(request), public_id=case_id)
        documents = case_extraction_start(case=case, actor=api_actor(request))
        return Response(success(_case_documents(case, documents), message="Extraction started"))


def _case_documents(case: Case, documents: list[Document]) -> dict[str, Any]:
    return {
        "case_id": case.public_id,
        "casetype_id": case.case_type.public_id,
        "documents": [document_brief(document) for document in documents],
    }
