"""Conversion jobs: one PDF of the file store turned into a DOCX, XLSX, CSV, MD or TXT file.

A `ConversionJob` reads its input from the file store (`cases.files`) and writes its output
there too (`StoredFile.Kind.CONVERSION`), which the files API serves. Like an extraction job it
carries an attempt count and a lease, so a worker that dies mid-job is noticed by the recovery
sweep and the job retried or failed with WORKER_LOST.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q

from cases.models import ApiKey, Case, StoredFile, Workspace


class ConversionJob(models.Model):
    """Status transitions (compare-and-set, one function each in `conversion.services`):

    queued -> processing          a worker claims it
    processing -> completed       the output file is stored
    processing -> failed          the PDF could not be converted (error code kept)
    processing -> queued          lease expired, attempts left (worker lost)
    queued | processing -> failed no attempts left (WORKER_LOST)
    """

    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        PROCESSING = "processing", "Processing"
        COMPLETED = "completed", "Completed"
        FAILED = "failed", "Failed"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    workspace = models.ForeignKey(
        Workspace, on_delete=models.CASCADE, related_name="conversion_jobs"
    )
    case = models.ForeignKey(
        Case,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="conversion_jobs",
        help_text="Started from a case's page (its file); empty for API and settings jobs.",
    )
    source_file = models.ForeignKey(StoredFile, on_delete=models.PROTECT, related_name="+")
    output_file = models.ForeignKey(
        StoredFile, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    engine = models.CharField(max_length=20)
    output_format = models.CharField(max_length=10)
    status = models.CharField(
        max_length=20, choices=Status.choices, default=Status.QUEUED, db_index=True
    )
    progress = models.PositiveSmallIntegerField(default=0)
    pages = models.PositiveIntegerField(null=True, blank=True)
    error_code = models.CharField(max_length=60, blank=True)
    error_message = models.TextField(blank=True)
    created_by_key = models.ForeignKey(
        ApiKey, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_by_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    max_attempts = models.PositiveSmallIntegerField(default=3)
    lease_expires_at = models.DateTimeField(null=True, blank=True, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)
    started_at = models.DateTimeField(null=True, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(progress__lte=100), name="conversion_job_progress_range"
            ),
        ]
        indexes = [models.Index(fields=["workspace", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.source_file.filename} -> {self.output_format} ({self.status})"

    @property
    def is_terminal(self) -> bool:
        return self.status in {self.Status.COMPLETED, self.Status.FAILED}
