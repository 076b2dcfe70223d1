"""Extraction jobs and the fields they produced.

An `ExtractionJob` is one run of the pipeline over one uploaded file (SPEC §2). It carries its
own attempt count and lease so a worker that dies mid-job is noticed and the job retried or
failed with `WORKER_LOST`, never left `processing` (SPEC §3, §8).
"""

from __future__ import annotations

import uuid

from django.db import models
from django.db.models import Q
from django.utils import timezone

from cases.models import ApiKey, Case, CaseType, CaseTypeVersion, Document, StoredFile, Workspace

REJECTED_CODE = "REVIEW_REJECTED"
"""The error code of a job, and of its documents, when a reviewer rejected the document."""


class ExtractionJob(models.Model):
    """Status transitions (compare-and-set, each one function: the claim in
    `extraction.pipeline`, the requeue in `extraction.recovery`, the rest in
    `extraction.services`):

    queued -> processing                   a worker takes the lease
    processing -> completed | failed       no flag / an error
    processing -> review_required          the gate flagged a field
    processing -> queued                   lease expired, attempts left (worker lost)
    review_required -> completed | failed  a reviewer approves / rejects
    """

    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        PROCESSING = "processing", "Processing"
        REVIEW_REQUIRED = "review_required", "Review required"
        COMPLETED = "completed", "Completed"
        FAILED = "failed", "Failed"

    class DeliveryMode(models.TextChoices):
        POLL = "poll", "Poll"
        WEBHOOK = "webhook", "Webhook"

    class Source(models.TextChoices):
        CASE_UPLOAD = "case_upload", "Case upload"
        JOB_API = "job_api", "Extraction job API"
        EXTRACT_API = "extract_api", "Extract API"
        REVIEW_API = "review_api", "Review API"
        UPLOAD_API = "upload_api", "Upload API"

    class Step(models.TextChoices):
        """The pipeline steps a job reports in `steps` (step -> `StepState`), in order."""

        OCR = "ocr", "OCR"
        STRUCTURE = "structure", "Structure"
        CLASSIFICATION = "classification", "Classification"
        EXTRACTION = "extraction", "Extraction"
        REVIEW = "review", "Review"

    class StepState(models.TextChoices):
        """A step goes pending -> in_progress -> complete; `review` is skipped when the gate
        held nothing; the step a failed job was in is `failed`."""

        PENDING = "pending", "Pending"
        IN_PROGRESS = "in_progress", "In progress"
        COMPLETE = "complete", "Complete"
        SKIPPED = "skipped", "Skipped"
        FAILED = "failed", "Failed"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    workspace = models.ForeignKey(
        Workspace, on_delete=models.CASCADE, related_name="extraction_jobs"
    )
    case = models.ForeignKey(
        Case, on_delete=models.CASCADE, null=True, blank=True, related_name="jobs"
    )
    case_type = models.ForeignKey(
        CaseType, on_delete=models.SET_NULL, null=True, blank=True, related_name="jobs"
    )
    case_type_version = models.ForeignKey(
        CaseTypeVersion,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="jobs",
        help_text="The case type's definition this job ran with (set when it ran).",
    )
    source_file = models.ForeignKey(StoredFile, on_delete=models.PROTECT, related_name="jobs")
    documents = models.ManyToManyField(
        Document, related_name="jobs", blank=True, help_text="What this run read or produced."
    )
    filename = models.CharField(max_length=255)
    source = models.CharField(max_length=20, choices=Source.choices, default=Source.CASE_UPLOAD)
    created_by_key = models.ForeignKey(
        ApiKey, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    options = models.JSONField(default=dict, blank=True)
    status = models.CharField(
        max_length=20, choices=Status.choices, default=Status.QUEUED, db_index=True
    )
    progress = models.PositiveSmallIntegerField(default=0)
    steps = models.JSONField(default=dict, blank=True)
    delivery_mode = models.CharField(
        max_length=10, choices=DeliveryMode.choices, default=DeliveryMode.POLL
    )

    idempotency_key = models.CharField(
        max_length=255, null=True, blank=True, help_text="As sent; see IdempotencyRecord."
    )

    attempts = models.PositiveSmallIntegerField(default=0)
    max_attempts = models.PositiveSmallIntegerField(default=3)
    lease_expires_at = models.DateTimeField(null=True, blank=True, db_index=True)

    review_threshold = models.PositiveSmallIntegerField(null=True, blank=True)
    review_required_at = models.DateTimeField(null=True, blank=True)
    review_flagged_field_count = models.PositiveIntegerField(default=0)
    review_reasons = models.JSONField(
        default=list,
        blank=True,
        help_text="Why the gate held the job: `extraction.gate.HoldReason` values, in its order.",
    )

    error_code = models.CharField(max_length=60, blank=True)
    error_message = models.TextField(blank=True)

    processed_pages = models.PositiveIntegerField(default=0)
    result = models.JSONField(null=True, blank=True)
    result_expires_at = models.DateTimeField(null=True, blank=True, db_index=True)
    result_purged_at = models.DateTimeField(null=True, blank=True)

    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)
    started_at = models.DateTimeField(null=True, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    failed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(condition=Q(progress__lte=100), name="job_progress_range"),
        ]

    def __str__(self) -> str:
        return f"{self.filename} ({self.status})"

    @property
    def is_terminal(self) -> bool:
        return self.status in {self.Status.COMPLETED, self.Status.FAILED}

    @property
    def completion_seconds(self) -> float | None:
        if self.started_at and self.completed_at:
            return round((self.completed_at - self.created_at).total_seconds(), 3)
        return None


class DocumentField(models.Model):
    """One extracted field of a document, as the machine saw it and as a reviewer left it.

    `machine_value`/`machine_confidence` never change after extraction; `value` is what is
    released (equal to the machine value until a reviewer corrects it).
    """

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="fields")
    key = models.CharField(max_length=63)
    field_type = models.CharField(max_length=20, default="text")
    position = models.PositiveSmallIntegerField(default=0)
    value = models.JSONField(null=True, blank=True)
    text = models.TextField(blank=True)
    confidence = models.PositiveSmallIntegerField(default=0)
    page = models.PositiveIntegerField(null=True, blank=True)
    bbox = models.JSONField(null=True, blank=True)
    rows = models.JSONField(
        default=list, blank=True, help_text="Table fields: rows of {column: cell}."
    )
    machine_value = models.JSONField(null=True, blank=True)
    machine_confidence = models.PositiveSmallIntegerField(default=0)
    flags = models.JSONField(default=list, blank=True, help_text="Why the gate holds this field.")
    flagged = models.BooleanField(default=False, help_text="The gate held it (flags not empty).")
    reviewed = models.BooleanField(default=False)
    reviewed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["document", "position", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["document", "key"], name="field_unique_key_per_document"
            ),
            models.CheckConstraint(condition=Q(confidence__lte=100), name="field_confidence_range"),
        ]

    def __str__(self) -> str:
        return f"{self.key}={self.value!r} ({self.confidence})"

    @property
    def is_pending(self) -> bool:
        """Held by the gate and not yet reviewed."""
        return self.flagged and not self.reviewed

    def needs_review(self, threshold: int | None) -> bool:
        return threshold is not None and self.confidence < threshold


class DocumentPage(models.Model):
    """A page's size and words, kept for drawing boxes and searching text."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="pages")
    number = models.PositiveIntegerField(help_text="1-based page number within the document.")
    source_page = models.PositiveIntegerField(help_text="1-based page number in the upload.")
    width = models.FloatField()
    height = models.FloatField()
    rotation = models.PositiveSmallIntegerField(default=0)
    text_source = models.CharField(max_length=10, default="text")
    text = models.TextField(blank=True)
    words = models.JSONField(
        default=list,
        blank=True,
        help_text="The page's words as [x0, y0, x1, y1, text], to capture values.",
    )

    class Meta:
        ordering = ["document", "number"]
        constraints = [
            models.UniqueConstraint(fields=["document", "number"], name="page_unique_number")
        ]

    def __str__(self) -> str:
        return f"{self.document_id} p{self.number}"


class IdempotencyRecord(models.Model):
    """An `Idempotency-Key` a workspace used, and the job it created (SPEC §5).

    The row is committed before the job is created, so a second request with the same key sees
    it at once: with no job yet it is "still being created" (409); with a job it is a replay.
    Kept until `expires_at` (at least 24 hours).
    """

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=255)
    fingerprint = models.CharField(max_length=64)
    job = models.ForeignKey(
        ExtractionJob, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField(db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["workspace", "key"], name="idempotency_unique_key")
        ]

    def __str__(self) -> str:
        return self.key
