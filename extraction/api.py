"""The async job API of seed 003: create, list, status (with long poll) and result.

Thin views: parse, call `extraction.submission` or a selector, answer in the seed's shapes.
"""

from __future__ import annotations

from django.conf import settings
from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from cases.api import api_actor
from cases.errors import Conflict, DomainError, NotFound, ValidationFailed
from cases.selectors import case_type_get
from extraction import selectors
from extraction.checks import document_checks_run, review_body
from extraction.models import ExtractionJob
from extraction.polling import status_poll_allow, wait_for_change, wait_until_settled
from extraction.serializers import (
    JobListInput,
    JobOptionsInput,
    JobStatusInput,
    flat_body,
    job_created,
    job_request_parse,
    job_result,
    job_status,
    job_urls,
)
from extraction.submission import job_submit

MAX_IDEMPOTENCY_KEY_LENGTH = 255
REQUEST_ERROR_CODES = frozenset(
    {"PASSWORD_REQUIRED", "INVALID_PASSWORD", "TOO_MANY_PAGES", "IMAGE_TOO_LARGE"}
)
"""Failures the request itself caused: `mode=response` answers them 400, not 500 (seed 000)."""


def idempotency_key_from(request: Request) -> str | None:
    key = request.headers.get("Idempotency-Key")
    if key is None:
        return None
    key = key.strip()
    if not key or len(key) > MAX_IDEMPOTENCY_KEY_LENGTH or not key.isprintable():
        raise ValidationFailed.for_field(
            "Idempotency-Key", "must be 1 to 255 printable characters."
        )
    return key


class ExtractionJobsApi(APIView):
    @extend_schema(request=JobOptionsInput, operation_id="extraction_jobs_create")
    def post(self, request: Request) -> Response:
        job_request, _ = job_request_parse(request, source=ExtractionJob.Source.JOB_API)
        job, replayed = job_submit(
            workspace=request.user.workspace,
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

    @extend_schema(parameters=[JobListInput], operation_id="extraction_jobs_list")
    def get(self, request: Request) -> Response:
        params = JobListInput(data=request.query_params)
        params.is_valid(raise_exception=True)
        data = params.validated_data
        jobs = selectors.job_list(workspace=request.user.workspace, status=data.get("status"))
        page = jobs[data["offset"] : data["offset"] + data["limit"]]
        return Response(
            {
                "success": True,
                "jobs": [job_status(job) for job in page],
                "total": jobs.count(),
                "limit": data["limit"],
                "offset": data["offset"],
            }
        )


class ExtractionJobDetailApi(APIView):
    @extend_schema(parameters=[OpenApiParameter("wait", int)], operation_id="extraction_jobs_get")
    def get(self, request: Request, job_id: str) -> Response:
        job = selectors.job_get(workspace=request.user.workspace, job_id=job_id)
        params = JobStatusInput(data=request.query_params)
        params.is_valid(raise_exception=True)
        status_poll_allow(job_id=str(job.pk))
        if params.validated_data["wait"] and not job.is_terminal:
            wait_for_change(job_id=str(job.pk), seconds=params.validated_data["wait"])
            job = selectors.job_get(workspace=request.user.workspace, job_id=job_id)
        return Response(
            {
                "success": True,
                "job": job_status(job, queue_position=selectors.job_queue_position(job)),
            }
        )


class ExtractionJobResultApi(APIView):
    @extend_schema(operation_id="extraction_jobs_result")
    def get(self, request: Request, job_id: str) -> Response:
        job = selectors.job_get(workspace=request.user.workspace, job_id=job_id)
        job_result_available(job)
        return Response(job_result(job))


def job_result_available(job: ExtractionJob) -> None:
    """Raise the seed's 409/410 when the job has no result to give."""
    Status = ExtractionJob.Status
    if job.status == Status.REVIEW_REQUIRED:
        raise Conflict(
            "The job is awaiting manual review; its result is released once a reviewer "
            "approves it.",
            code="REVIEW_REQUIRED",
        )
    if job.status == Status.FAILED:
        raise Conflict(
            f"The job failed ({job.error_code}): {job.error_message}",
            code="JOB_FAILED",
            details={"error": {"code": job.error_code, "message": job.error_message}},
        )
    if job.status != Status.COMPLETED:
        raise Conflict("The job's result is not ready yet.", code="RESULT_NOT_READY")
    expired = job.result_purged_at is not None or (
        job.result_expires_at is not None and job.result_expires_at <= timezone.now()
    )
    if expired or job.result is None:
        raise DomainError(
            "The job completed, but its stored result is no longer available.",
            code="RESULT_EXPIRED",
            status_code=410,
        )


# --- Seed 000: synchronous extract and review against a workflow --------------------------


class ModeInput(serializers.Serializer):
    mode = serializers.ChoiceField(
        choices=["response", "callback"], required=False, default="response"
    )


def _mode(extra: dict) -> str:
    params = ModeInput(data={key: value for key, value in extra.items() if key == "mode"})
    params.is_valid(raise_exception=True)
    return params.validated_data["mode"]


def _respond_when_settled(job: ExtractionJob, *, mode: str, body_for_completed) -> Response:
    """`callback`: 202 at once. `response`: wait up to the deadline, then the result (200),
    the status when review is required (202), the failure (500) or 504 TIMEOUT."""
    accepted = {"success": True, "job_id": str(job.pk), **job_urls(job)}
    if mode == "callback":
        return Response({**accepted, "status": job.status}, status=202)
    settled = wait_until_settled(
        job_id=str(job.pk), seconds=settings.EXTRACT_RESPONSE_DEADLINE_SECONDS
    )
    job = ExtractionJob.objects.select_related("case", "case_type").get(pk=job.pk)
    if not settled:
        raise DomainError(
            f"Processing took longer than {settings.EXTRACT_RESPONSE_DEADLINE_SECONDS} s; the job "
            "goes on: poll its statusUrl or wait for the webhook.",
            code="TIMEOUT",
            status_code=504,
            details={"job_id": str(job.pk), **job_urls(job)},
        )
    if job.status == ExtractionJob.Status.REVIEW_REQUIRED:
        return Response({**accepted, "status": job.status, "job": job_status(job)}, status=202)
    if job.status == ExtractionJob.Status.FAILED:
        caused_by_request = job.error_code in REQUEST_ERROR_CODES
        raise DomainError(
            job.error_message
            if caused_by_request
            else f"Document processing failed: {job.error_message}",
            code=job.error_code or "PROCESSING_ERROR",
            status_code=400 if caused_by_request else 500,
            details={"job_id": str(job.pk)},
        )
    return Response(body_for_completed(job))


class ExtractApi(APIView):
    """POST /api/v1/extract (and /v1/extract): extract with `mode=response|callback`."""

    @extend_schema(request=JobOptionsInput, operation_id="extract")
    def post(self, request: Request) -> Response:
        job_request, extra = job_request_parse(
            request, source=ExtractionJob.Source.EXTRACT_API, allowed_extra=("mode",)
        )
        mode = _mode(extra)
        job, _ = job_submit(
            workspace=request.user.workspace,
            actor=api_actor(request),
            request=job_request,
            idempotency_key=idempotency_key_from(request),
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

    @extend_schema(request=ReviewWorkflowInput, operation_id="review_workflow")
    def post(self, request: Request) -> Response:
        workspace = request.user.workspace
        raw = flat_body(request.data)
        params = ReviewWorkflowInput(
            data={key: raw.get(key) for key in ("workflow_id", "document_id") if raw.get(key)}
        )
        params.is_valid(raise_exception=True)
        try:
            case_type = case_type_get(
                workspace=workspace, public_id=params.validated_data["workflow_id"]
            )
        except NotFound:
            raise NotFound(
                "The workflow does not exist or does not belong to you.", code="WORKFLOW_NOT_FOUND"
            ) from None
        document_id = params.validated_data.get("document_id")
        if document_id:
            if "file" in raw or request.FILES:
                raise ValidationFailed("document_id: give a file or a document_id, not both.")
            document, checks = document_checks_run(
                workspace=workspace,
                case_type=case_type,
                document_id=document_id,
                actor=api_actor(request),
            )
            return Response(review_body(document, case_type=case_type, checks=checks))
        job_request, extra = job_request_parse(
            request,
            source=ExtractionJob.Source.REVIEW_API,
            allowed_extra=("mode", "workflow_id"),
            forced={"templateName": case_type.slug, "filterName": None},
        )
        job, _ = job_submit(
            workspace=workspace,
            actor=api_actor(request),
            request=job_request,
            idempotency_key=idempotency_key_from(request),
        )
        return _respond_when_settled(
            job,
            mode=_mode(extra),
            body_for_completed=lambda done: review_body(
                done.documents.order_by("created_at").first(), case_type=case_type, job=done
            ),
        )
