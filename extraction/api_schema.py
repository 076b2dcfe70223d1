"""OpenAPI declarations of the job API (seed 003) and the extract/review API (seed 000).

Request bodies (multipart with a file, or JSON with the file in base64) and the output shapes the
builders in `extraction.serializers`, `extraction.results` and `extraction.checks` write. Used
by the `@extend_schema` decorators in `extraction.api` at schema-generation time only; what a
client receives is still built by those functions (`tests/config/test_openapi.py` checks the two
agree).
"""

from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema_field
from rest_framework import serializers

from extraction.gate import HoldReason
from extraction.serializers import JobOptionsInput

JOB_STATUSES = "`queued`, `processing`, `review_required`, `completed` or `failed`"

# --- Requests -----------------------------------------------------------------------------


def mode_field() -> serializers.ChoiceField:
    return serializers.ChoiceField(
        choices=["response", "callback"],
        required=False,
        default="response",
        help_text="`response` waits for the result; `callback` answers 202 with the job id.",
    )


class JobUploadInput(JobOptionsInput):
    """The job options with the file uploaded as multipart (`delivery.mode` is accepted as an
    alias of deliveryMode; nested `options.*` is refused; `returnBoundingBoxes` is ignored)."""

    file = serializers.FileField()


class JobBase64Input(JobOptionsInput):
    """The job options as JSON, with the file in base64 and its name in `filename`."""

    file = serializers.CharField(help_text="The file's bytes in base64.")


class ExtractUploadInput(JobUploadInput):
    mode = mode_field()


class ExtractBase64Input(JobBase64Input):
    mode = mode_field()


class ReviewUploadInput(serializers.Serializer):
    """A new file to extract and check, or `document_id` to check one already extracted; the
    job options of seed 003 are accepted too (the case type comes from `workflow_id`)."""

    workflow_id = serializers.CharField(help_text="The case type whose rules are checked.")
    document_id = serializers.CharField(
        required=False, help_text="Check a document already extracted instead of a new file."
    )
    file = serializers.FileField(required=False, help_text="Required unless document_id.")
    mode = mode_field()


class ReviewBase64Input(ReviewUploadInput):
    file = serializers.CharField(required=False, help_text="The file's bytes in base64.")
    filename = serializers.CharField(required=False)


IDEMPOTENCY_KEY = OpenApiParameter(
    "Idempotency-Key",
    str,
    location=OpenApiParameter.HEADER,
    required=False,
    description="Replaying the same request with the same key returns the existing job (200).",
)
IDEMPOTENT_REPLAY = OpenApiParameter(
    "X-Idempotent-Replay",
    str,
    location=OpenApiParameter.HEADER,
    response=[200],
    description='"true" when the job was created by an earlier request with the same key.',
)

# --- The result document (SPEC §5) --------------------------------------------------------


@extend_schema_field(OpenApiTypes.ANY)
class AnyValue(serializers.JSONField):
    """A field's value: text, number, date string, or a table's rows."""


class FieldResultOutput(serializers.Serializer):
    value = AnyValue(allow_null=True, help_text="The released value (a table: its rows).")
    text = serializers.CharField(allow_blank=True, help_text="The text it was read from.")
    confidence = serializers.IntegerField(help_text="0-100.")
    page = serializers.IntegerField(allow_null=True)
    bbox = serializers.ListField(
        child=serializers.FloatField(), allow_null=True, help_text="[x0, y0, x1, y1] on the page."
    )
    reviewed = serializers.BooleanField()
    machineValue = AnyValue(
        required=False, allow_null=True, help_text="Reviewed fields: what the machine read."
    )
    machineConfidence = serializers.IntegerField(required=False)


class TableResultOutput(serializers.Serializer):
    key = serializers.CharField()
    rows = serializers.ListField(child=serializers.DictField(child=serializers.JSONField()))


class CheckOutput(serializers.Serializer):
    rule = serializers.CharField()
    passed = serializers.BooleanField()
    message = serializers.CharField()
    fields = serializers.ListField(child=serializers.CharField())


class ResultDocumentOutput(serializers.Serializer):
    index = serializers.IntegerField()
    documentId = serializers.CharField()
    templateName = serializers.CharField()
    classificationConfidence = serializers.IntegerField(allow_null=True)
    pages = serializers.ListField(child=serializers.IntegerField())
    fields = serializers.DictField(child=FieldResultOutput())
    tables = TableResultOutput(many=True)
    validation = CheckOutput(many=True)
    duplicateOf = serializers.CharField(allow_null=True)
    text = serializers.CharField(required=False, help_text="With `returnText`.")
    fileId = serializers.CharField(
        required=False,
        help_text="With `returnDocuments`: the file of just this document (its pages of a "
        "multi-document upload), at /api/v1/files/{id}.",
    )
    documentUrl = serializers.CharField(
        required=False,
        help_text="With `returnDocuments`: a signed URL downloading that file without an API "
        "key, valid while the result is kept.",
    )
    documentUrlExpiresAt = serializers.DateTimeField(required=False)


class ResultDataOutput(serializers.Serializer):
    completionTime = serializers.FloatField(allow_null=True, help_text="Seconds.")
    originalName = serializers.CharField()
    processedPages = serializers.IntegerField()
    documents = ResultDocumentOutput(many=True)


# --- Jobs (seed 003) ----------------------------------------------------------------------


class JobCreatedOutput(serializers.Serializer):
    id = serializers.UUIDField()
    status = serializers.CharField(help_text=JOB_STATUSES)
    statusUrl = serializers.CharField()
    retryAfterMs = serializers.IntegerField()


class JobCreatedEnvelope(serializers.Serializer):
    success = serializers.BooleanField()
    job = JobCreatedOutput()


class JobErrorOutput(serializers.Serializer):
    message = serializers.CharField()
    code = serializers.CharField()


class JobDuplicateOutput(serializers.Serializer):
    documentId = serializers.CharField()
    duplicateOf = serializers.CharField()


class JobStatusOutput(serializers.Serializer):
    """The seed's status shape: the fields below `statusUrl` appear with the statuses named."""

    id = serializers.UUIDField()
    status = serializers.CharField(help_text=JOB_STATUSES)
    createdAt = serializers.DateTimeField()
    updatedAt = serializers.DateTimeField()
    filename = serializers.CharField()
    templateName = serializers.CharField(allow_null=True)
    caseId = serializers.CharField(allow_null=True)
    documentIds = serializers.ListField(child=serializers.CharField())
    duplicates = JobDuplicateOutput(many=True)
    steps = serializers.DictField(
        child=serializers.JSONField(), help_text="Pipeline steps and their states."
    )
    statusUrl = serializers.CharField()
    retryAfterMs = serializers.IntegerField(
        required=False, help_text="queued, processing, review_required."
    )
    progress = serializers.IntegerField(
        required=False, help_text="0-100; queued, processing, review_required, completed."
    )
    queuePosition = serializers.IntegerField(
        required=False, allow_null=True, help_text="queued: 1 is next."
    )
    resultAvailable = serializers.BooleanField(
        required=False, help_text="review_required, completed."
    )
    reviewRequiredAt = serializers.DateTimeField(required=False, allow_null=True)
    reviewThreshold = serializers.IntegerField(required=False, allow_null=True)
    reviewFlaggedFieldCount = serializers.IntegerField(required=False)
    reviewReasons = serializers.ListField(
        child=serializers.ChoiceField(choices=[reason.value for reason in HoldReason]),
        required=False,
        help_text=(
            "review_required: why the gate held the job when it was extracted (a reviewer's "
            "decision on one of several documents does not change it), in this order: "
            "`fields_flagged` (see "
            "reviewFlaggedFieldCount), `case_type_uncertain` (a document's case type was "
            "chosen with a classification confidence under the threshold; the whole document "
            "is reviewed), `qa_sample` (drawn for quality assurance, nothing flagged)."
        ),
    )
    completedAt = serializers.DateTimeField(required=False, allow_null=True)
    resultUrl = serializers.CharField(required=False)
    resultExpiresAt = serializers.DateTimeField(required=False, allow_null=True)
    failedAt = serializers.DateTimeField(required=False, allow_null=True)
    error = JobErrorOutput(required=False, help_text="failed.")


class JobStatusEnvelope(serializers.Serializer):
    success = serializers.BooleanField()
    job = JobStatusOutput()


class JobListEnvelope(serializers.Serializer):
    success = serializers.BooleanField()
    jobs = JobStatusOutput(many=True)
    total = serializers.IntegerField()
    limit = serializers.IntegerField()
    offset = serializers.IntegerField()


class JobResultJobOutput(serializers.Serializer):
    id = serializers.UUIDField()
    status = serializers.CharField()
    completedAt = serializers.DateTimeField(allow_null=True)


class JobResultEnvelope(serializers.Serializer):
    success = serializers.BooleanField()
    job = JobResultJobOutput()
    data = ResultDataOutput()


# --- Extract and review (seed 000) --------------------------------------------------------


class ExtractResultEnvelope(serializers.Serializer):
    success = serializers.BooleanField()
    job_id = serializers.UUIDField()
    status = serializers.CharField()
    filename = serializers.CharField()
    result = ResultDataOutput()


class ExtractAcceptedEnvelope(serializers.Serializer):
    """`callback`: the job at once. `response` held for review: the same, with the job's status."""

    success = serializers.BooleanField()
    job_id = serializers.UUIDField()
    statusUrl = serializers.CharField()
    resultUrl = serializers.CharField()
    status = serializers.CharField(help_text=JOB_STATUSES)
    job = JobStatusOutput(required=False, help_text="When review is required.")


class ReviewResultEnvelope(serializers.Serializer):
    success = serializers.BooleanField()
    workflow_id = serializers.CharField()
    document_id = serializers.CharField()
    status = serializers.CharField(help_text="The document's status.")
    passed = serializers.BooleanField(help_text="Every check passed.")
    checks = CheckOutput(many=True)
    fields = serializers.DictField(child=FieldResultOutput())
    job_id = serializers.UUIDField(required=False, help_text="When a file was extracted.")
