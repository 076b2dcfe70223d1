"""The async job API of seed 003: create, list, status (with long poll) and result.

Thin views: parse, call `extraction.submission` or a selector, answer in the seed's shapes.
"""

from __future__ import annotations

from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from cases.api import api_actor
from cases.errors import Conflict, DomainError, ValidationFailed
from extraction import selectors
from extraction.models import ExtractionJob
from extraction.polling import status_poll_allow, wait_for_change
from extraction.serializers import (
    JobListInput,
    JobOptionsInput,
    JobStatusInput,
    job_created,
    job_request_parse,
    job_result,
    job_status,
)
from extraction.submission import job_submit

MAX_IDEMPOTENCY_KEY_LENGTH = 255


def idempotency_key_from(request: Request) -> str | None:
    key = request.headers.get("Idempotency-Key")
    if key is None:
        return None
    key = key.strip()
    if not key or len(key) > MAX_IDEMPOTENCY_KEY_LENGTH or not key.isprintable():
        raise ValidationFailed(
            "Idempotency-Key: must be 1 to 255 printable characters.",
            details={"fields": {"Idempotency-Key": ["1 to 255 printable characters."]}},
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
