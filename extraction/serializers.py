"""Shapes of the job API (seed 003) and the extract/review API (seed 000).

Input: one parser for the job options, shared by the three families, which accepts multipart
and JSON (base64 `file` + `filename`), the `delivery.mode` alias, rejects nested `options.*`
and unknown fields, and ignores `returnBoundingBoxes`. Output: the seed's job shapes.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from django.conf import settings
from django.http import QueryDict
from rest_framework import serializers
from rest_framework.request import Request

from cases.apikit.serializers import LenientBooleanField
from cases.errors import ValidationFailed
from cases.services import IncomingFile, incoming_file_check
from extraction.models import ExtractionJob
from extraction.results import job_result_kept
from extraction.submission import JobOptions, JobRequest, upload_type_check

DELIVERY_ALIASES = ("delivery.mode", "delivery[mode]")


class JobOptionsInput(serializers.Serializer):
    templateName = serializers.CharField(required=False, max_length=100)
    filterName = serializers.CharField(required=False, max_length=100)
    documentSplitting = LenientBooleanField(required=False, default=False)
    returnDocuments = LenientBooleanField(required=False, default=False)
    returnText = LenientBooleanField(required=False, default=False)
    documentReview = serializers.IntegerField(
        required=False, allow_null=True, min_value=1, max_value=99
    )
    schemaChunking = serializers.ChoiceField(
        choices=["auto", "combined"], required=False, default="auto"
    )
    password = serializers.CharField(required=False, max_length=1000, trim_whitespace=False)
    deliveryMode = serializers.ChoiceField(choices=["poll", "webhook"], required=False)
    returnBoundingBoxes = LenientBooleanField(required=False)  # deprecated, ignored
    filename = serializers.CharField(required=False, max_length=255)

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        template, filter_name = attrs.get("templateName"), attrs.get("filterName")
        if template and filter_name:
            raise serializers.ValidationError(
                {"templateName": ["Give templateName or filterName, not both."]}
            )
        if not template and not filter_name:
            raise serializers.ValidationError(
                {"templateName": ["Required unless filterName is used."]}
            )
        return attrs


def flat_body(data: Any) -> dict[str, Any]:
    """A multipart form or a JSON object as one flat dict; anything else is a 400."""
    if isinstance(data, QueryDict):
        return {key: data.get(key) for key in data}
    if isinstance(data, dict):
        return dict(data)
    raise ValidationFailed("The request body must be a JSON object or a multipart form.")


def job_request_parse(
    request: Request,
    *,
    source: str,
    allowed_extra: Iterable[str] = (),
    forced: dict[str, Any] | None = None,
) -> tuple[JobRequest, dict[str, Any]]:
    """The request's job, and the values of `allowed_extra` fields (e.g. `mode`).

    `forced` options replace what the request says, None removing one (the review API's case
    type comes from its `workflow_id`, not from `templateName` or `filterName`).
    """
    data = flat_body(request.data)
    nested = sorted(
        key for key in data if key == "options" or key.startswith(("options.", "options["))
    )
    if nested:
        raise ValidationFailed(
            "options: nested options are not accepted; send templateName, documentReview and "
            "the other options at the top level.",
            details={"fields": {key: ["Nested options are not accepted."] for key in nested}},
        )
    delivery_alias = _delivery_alias(data)
    extra = {key: data.pop(key) for key in list(data) if key in set(allowed_extra)}
    raw_file = data.pop("file", None)
    known = set(JobOptionsInput().fields)
    unknown = sorted(set(data) - known)
    if unknown:
        raise ValidationFailed(
            f"{unknown[0]}: unknown field.",
            details={"fields": {key: ["Unknown field."] for key in unknown}},
        )
    if delivery_alias is not None:
        if data.get("deliveryMode") not in (None, delivery_alias):
            raise ValidationFailed(
                "deliveryMode: it disagrees with delivery.mode.",
                details={"fields": {"deliveryMode": ["Disagrees with delivery.mode."]}},
            )
        data["deliveryMode"] = delivery_alias
    for key, value in (forced or {}).items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
    options_input = JobOptionsInput(data=data)
    options_input.is_valid(raise_exception=True)
    values = options_input.validated_data
    incoming = upload_type_check(_incoming_file(request, raw_file, values.get("filename")))
    options = JobOptions(
        templateName=values.get("templateName"),
        filterName=values.get("filterName"),
        documentSplitting=values["documentSplitting"],
        returnDocuments=values["returnDocuments"],
        returnText=values["returnText"],
        documentReview=values.get("documentReview"),
        schemaChunking=values["schemaChunking"],
        password=values.get("password"),
    )
    return (
        JobRequest(
            file=incoming,
            options=options,
            delivery_mode=values.get("deliveryMode") or ExtractionJob.DeliveryMode.POLL,
            source=source,
        ),
        extra,
    )


def _delivery_alias(data: dict[str, Any]) -> str | None:
    delivery = data.pop("delivery", None)
    alias = None
    if isinstance(delivery, dict):
        alias = delivery.get("mode")
    elif delivery is not None:
        raise ValidationFailed(
            'delivery: must be an object such as {"mode": "poll"}.',
            details={"fields": {"delivery": ["Must be an object with mode."]}},
        )
    for key in DELIVERY_ALIASES:
        if key in data:
            alias = data.pop(key)
    return alias


def _incoming_file(request: Request, raw_file: Any, filename: str | None) -> IncomingFile:
    upload = request.FILES.get("file")
    if upload is not None:
        return incoming_file_check(filename=filename or upload.name or "", content=upload.read())
    if isinstance(raw_file, str) and raw_file:
        try:
            content = base64.b64decode(raw_file, validate=True)
        except (binascii.Error, ValueError):
            raise ValidationFailed.for_field(
                "file", "is neither an uploaded file nor valid base64."
            ) from None
        return incoming_file_check(filename=filename or "document", content=content)
    raise ValidationFailed.for_field(
        "file", "required (a multipart file, or base64 in JSON with filename)."
    )


# --- Output -------------------------------------------------------------------------------


def timestamp(value: datetime | None) -> str | None:
    if value is None:
        return None
    return value.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def job_urls(job: ExtractionJob) -> dict[str, str]:
    return {
        "statusUrl": f"/api/v1/extraction-jobs/{job.pk}",
        "resultUrl": f"/api/v1/extraction-jobs/{job.pk}/result",
    }


def job_created(job: ExtractionJob) -> dict[str, Any]:
    return {
        "id": str(job.pk),
        "status": job.status,
        "statusUrl": job_urls(job)["statusUrl"],
        "retryAfterMs": settings.JOB_RETRY_AFTER_MS,
    }


def job_status(job: ExtractionJob, *, queue_position: int | None = None) -> dict[str, Any]:
    """The seed's status shape for the job's current status, plus ids and steps."""
    Status = ExtractionJob.Status
    body: dict[str, Any] = {
        "id": str(job.pk),
        "status": job.status,
        "createdAt": timestamp(job.created_at),
        "updatedAt": timestamp(job.updated_at),
        "filename": job.filename,
        "templateName": job.case_type.slug if job.case_type else job.options.get("templateName"),
        "caseId": job.case.public_id if job.case else None,
        "documentIds": [document.public_id for document in job.documents.all()],
        "duplicates": [
            {"documentId": document.public_id, "duplicateOf": document.duplicate_of.public_id}
            for document in job.documents.all()
            if document.duplicate_of is not None
        ],
        "steps": job.steps,
        "statusUrl": job_urls(job)["statusUrl"],
    }
    if job.status == Status.QUEUED:
        body.update(
            retryAfterMs=settings.JOB_RETRY_AFTER_MS,
            progress=job.progress,
            queuePosition=queue_position,
        )
    elif job.status == Status.PROCESSING:
        body.update(progress=job.progress, retryAfterMs=settings.JOB_RETRY_AFTER_MS)
    elif job.status == Status.REVIEW_REQUIRED:
        body.update(
            retryAfterMs=settings.JOB_RETRY_AFTER_MS,
            progress=job.progress,
            resultAvailable=False,
            reviewRequiredAt=timestamp(job.review_required_at),
            reviewThreshold=job.review_threshold,
            reviewFlaggedFieldCount=job.review_flagged_field_count,
            reviewReasons=job.review_reasons,
        )
    elif job.status == Status.COMPLETED:
        body.update(
            progress=100,
            completedAt=timestamp(job.completed_at),
            resultAvailable=job_result_kept(job),
            resultUrl=job_urls(job)["resultUrl"],
            resultExpiresAt=timestamp(job.result_expires_at),
        )
    elif job.status == Status.FAILED:
        body.update(
            failedAt=timestamp(job.failed_at),
            error={"message": job.error_message, "code": job.error_code},
        )
    return body


def job_result(job: ExtractionJob) -> dict[str, Any]:
    return {
        "success": True,
        "job": {
            "id": str(job.pk),
            "status": job.status,
            "completedAt": timestamp(job.completed_at),
        },
        "data": job.result,
    }


class JobListInput(serializers.Serializer):
    """The filter of the job list; `limit` and `offset` are read by `extraction.api.JobPage`."""

    status = serializers.ChoiceField(choices=ExtractionJob.Status.values, required=False)


class JobStatusInput(serializers.Serializer):
    wait = serializers.IntegerField(required=False, min_value=0, max_value=3600, default=0)
