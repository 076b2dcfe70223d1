"""Tenancy, case types, cases, documents and stored files (SPEC §2).

Models hold data, constraints and pure predicates. Every state change goes through a service in
`cases.services` (or `extraction.services` for the pipeline), which also writes the audit row.
"""

from __future__ import annotations

import hashlib
from datetime import datetime
from typing import Any

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q

from cases import ids
from cases.language_tags import MAX_LENGTH as LANGUAGE_TAG_MAX_LENGTH
from cases.language_tags import is_language_tag


class User(AbstractUser):
    """A person who signs in to the browser UI. `public_id` is what `assigned_to` names."""

    public_id = models.CharField(
        max_length=40, unique=True, default=ids.new_user_id, editable=False
    )


class Workspace(models.Model):
    """The tenant (the seeds' "environment"); every other object belongs to exactly one."""

    public_id = models.CharField(
        max_length=40, unique=True, default=ids.new_workspace_id, editable=False
    )
    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=100, unique=True)
    credits_limit = models.PositiveIntegerField(
        null=True, blank=True, help_text="Pages per period; empty means unlimited."
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    class Role(models.TextChoices):
        ADMIN = "admin", "Admin"
        REVIEWER = "reviewer", "Reviewer"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.REVIEWER)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "workspace"], name="membership_unique_user_workspace"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} in {self.workspace} ({self.role})"

    @property
    def is_admin(self) -> bool:
        return self.role == self.Role.ADMIN


class ApiKey(models.Model):
    """A workspace's API key. Only the SHA-256 of the key and its first characters are kept.

    Keys carry 256 bits of entropy, so a fast hash is sufficient; a slow password hash would
    only cost every request time without adding safety.
    """

    public_id = models.CharField(
        max_length=40, unique=True, default=ids.new_api_key_id, editable=False
    )
    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="api_keys")
    name = models.CharField(max_length=200)
    prefix = models.CharField(max_length=20, db_index=True)
    key_hash = models.CharField(max_length=64, unique=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "API key"

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None

    @staticmethod
    def hash_key(raw_key: str) -> str:
        return hashlib.sha256(raw_key.encode()).hexdigest()


def validate_language_tag(value: str) -> None:
    if not is_language_tag(value):
        raise ValidationError(
            "Enter a BCP 47 language tag such as de-DE, en-US or fr-CH.", code="invalid"
        )


class CaseType(models.Model):
    """A document schema with its workflow (the seeds' "template" and "workflow").

    `field_schema` is a list of field specs (SPEC §2), validated by `cases.schema` on every save
    through `full_clean` in the services and the admin form; `validation_rules` a list of
    declarative rules checked by the review gate. `locale` (a BCP 47 tag, blank when unknown)
    tells the engine how the case type's documents write ambiguous dates.
    """

    public_id = models.CharField(
        max_length=40, unique=True, default=ids.new_casetype_id, editable=False
    )
    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="case_types")
    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=100, help_text="The templateName that jobs name.")
    description = models.TextField(blank=True)
    field_schema = models.JSONField(default=list)
    validation_rules = models.JSONField(default=list, blank=True)
    keywords = models.JSONField(
        default=list, blank=True, help_text="Words that identify this kind of document."
    )
    # The validators repeat the constraints below so that a refusal names its field.
    review_threshold = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(99)],
        help_text="1-99; empty: no review unless a job asks for it.",
    )
    qa_sample_percent = models.PositiveSmallIntegerField(
        default=0,
        validators=[MaxValueValidator(100)],
        help_text="Share of clean documents still sent to review (0-100).",
    )
    locale = models.CharField(
        max_length=LANGUAGE_TAG_MAX_LENGTH,
        blank=True,
        validators=[validate_language_tag],
        help_text=(
            "Where the documents come from, as a BCP 47 language tag (de-DE, en-US, fr-CH); "
            "decides how ambiguous dates like 03/04/2024 are read. Empty: unknown."
        ),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    modified_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["workspace", "slug"], name="casetype_unique_slug"),
            models.CheckConstraint(
                condition=Q(review_threshold__isnull=True)
                | Q(review_threshold__gte=1, review_threshold__lte=99),
                name="casetype_threshold_range",
            ),
            models.CheckConstraint(
                condition=Q(qa_sample_percent__lte=100), name="casetype_qa_sample_range"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.slug})"

    def clean(self) -> None:
        from cases.rules import rules_problems
        from cases.schema import validate_field_schema

        self.field_schema = validate_field_schema(self.field_schema)
        problems = rules_problems(self.validation_rules, [f["key"] for f in self.field_schema])
        if problems:
            raise ValidationError({"validation_rules": problems})

    def stage_with_role(self, role: str) -> Stage | None:
        return next((s for s in self.stages.all() if s.system_role == role), None)

    def as_definition(self) -> dict[str, Any]:
        """The whole case type in the file format of `cases.casetype_files` (YAML/JSON export,
        import, and the snapshot each `CaseTypeVersion` keeps)."""
        return {
            "name": self.name,
            "slug": self.slug,
            "description": self.description,
            "review_threshold": self.review_threshold,
            "qa_sample_percent": self.qa_sample_percent,
            **({"locale": self.locale} if self.locale else {}),
            "keywords": list(self.keywords),
            "stages": [
                {
                    "name": stage.name,
                    **({"system_role": stage.system_role} if stage.system_role else {}),
                }
                for stage in self.stages.all()
            ],
            "fields": self.field_schema,
            "validation_rules": self.validation_rules,
        }


class Stage(models.Model):
    """A workflow stage. Stages with a system role are moved by the pipeline on their own."""

    class SystemRole(models.TextChoices):
        NONE = "", "None (moved by people)"
        EXTRACTION = "extraction", "Extraction"
        REVIEW = "review", "Review"
        APPROVED = "approved", "Approved"
        REJECTED = "rejected", "Rejected"

    public_id = models.CharField(
        max_length=40, unique=True, default=ids.new_stage_id, editable=False
    )
    case_type = models.ForeignKey(CaseType, on_delete=models.CASCADE, related_name="stages")
    name = models.CharField(max_length=100)
    position = models.PositiveSmallIntegerField(default=0)
    system_role = models.CharField(
        max_length=20, choices=SystemRole.choices, default="", blank=True
    )

    class Meta:
        ordering = ["case_type", "position", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["case_type", "system_role"],
                condition=~Q(system_role=""),
                name="stage_unique_system_role",
            )
        ]

    def __str__(self) -> str:
        return self.name


class CaseTypeFilter(models.Model):
    """A named set of case types: `filterName` lets the pipeline classify among them."""

    public_id = models.CharField(
        max_length=40, unique=True, default=ids.new_filter_id, editable=False
    )
    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="filters")
    name = models.SlugField(max_length=100)
    case_types = models.ManyToManyField(CaseType, related_name="filters")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["workspace", "name"], name="filter_unique_name")
        ]

    def __str__(self) -> str:
        return self.name


class CaseTypeVersion(models.Model):
    """A case type as it stood after one save: its whole definition (the export format of
    `cases.casetype_files`, stages included), numbered from 1 per case type.

    Written by `cases.services` on every create, update and stage change, never edited. A job
    records the version it ran with (`ExtractionJob.case_type_version`), so editing a case type
    never changes what a past result was extracted by, and a version can be restored."""

    case_type = models.ForeignKey(CaseType, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    definition = models.JSONField()
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["case_type", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["case_type", "number"], name="casetypeversion_unique_number"
            )
        ]

    def __str__(self) -> str:
        return f"{self.case_type.slug} v{self.number}"


class Case(models.Model):
    public_id = models.CharField(
        max_length=40, unique=True, default=ids.new_case_id, editable=False
    )
    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="cases")
    case_type = models.ForeignKey(CaseType, on_delete=models.PROTECT, related_name="cases")
    name = models.CharField(max_length=300, blank=True)
    stage = models.ForeignKey(Stage, on_delete=models.PROTECT, related_name="cases")
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assigned_cases",
    )
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    modified_at = models.DateTimeField(auto_now=True, db_index=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["workspace", "case_type", "-created_at"])]

    def __str__(self) -> str:
        return self.name or self.public_id


class StoredFile(models.Model):
    """Any stored blob: an upload, a split document, a result, a converted output.

    Blobs go through Django's default storage (local disk or S3, `STORAGES`); `cases.files`
    writes, opens, deletes and expires them. A file in a case has `case`; an artifact made from
    a document (its result JSON, extracted text, split PDF) also names that `document`. A row
    outlives its blob as a tombstone (`deleted_at`), since documents and jobs refer to it.
    Signed URLs issued before `urls_revoked_at` are refused.
    """

    class Kind(models.TextChoices):
        UPLOAD = "upload", "Upload"
        SPLIT = "split", "Split document"
        RESULT = "result", "Result"
        TEXT = "text", "Extracted text"
        EXPORT = "export", "Export"
        CONVERSION = "conversion", "Conversion output"

    public_id = models.CharField(
        max_length=40, unique=True, default=ids.new_file_id, editable=False
    )
    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="files")
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.UPLOAD)
    blob = models.FileField(upload_to="%Y/%m/%d/", max_length=300)
    filename = models.CharField(max_length=255)
    media_type = models.CharField(max_length=100, blank=True)
    size = models.PositiveBigIntegerField(default=0)
    sha256 = models.CharField(max_length=64, db_index=True)
    expires_at = models.DateTimeField(null=True, blank=True, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)
    case = models.ForeignKey(
        Case, on_delete=models.CASCADE, null=True, blank=True, related_name="stored_files"
    )
    document = models.ForeignKey(
        "Document", on_delete=models.CASCADE, null=True, blank=True, related_name="artifacts"
    )
    source_modified_at = models.DateTimeField(
        null=True, blank=True, help_text="An artifact: its document's change time it was made from."
    )
    deleted_at = models.DateTimeField(null=True, blank=True, db_index=True)
    urls_revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["document", "kind"],
                condition=Q(document__isnull=False),
                name="storedfile_unique_artifact",
            )
        ]

    def __str__(self) -> str:
        return self.filename

    def is_expired(self, now: datetime) -> bool:
        return self.expires_at is not None and self.expires_at <= now


class Document(models.Model):
    """A file in a case, and what extraction made of it.

    Status transitions (one service each, compare-and-set):
      uploaded -> queued                      (workflow triggered)
      queued -> processing                    (a worker takes the job)
      processing -> processed | review_required | failed
      processing -> queued                    (worker lost, retried)
      review_required -> processed | failed   (a reviewer approves or rejects)
    """

    class Status(models.TextChoices):
        UPLOADED = "uploaded", "Uploaded"
        QUEUED = "queued", "Queued"
        PROCESSING = "processing", "Processing"
        REVIEW_REQUIRED = "review_required", "Review required"
        PROCESSED = "processed", "Processed"
        FAILED = "failed", "Failed"

    public_id = models.CharField(
        max_length=40, unique=True, default=ids.new_document_id, editable=False
    )
    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="documents")
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="documents")
    file = models.ForeignKey(StoredFile, on_delete=models.PROTECT, related_name="documents")
    filename = models.CharField(max_length=255)
    status = models.CharField(
        max_length=20, choices=Status.choices, default=Status.UPLOADED, db_index=True
    )
    page_count = models.PositiveIntegerField(null=True, blank=True)
    first_page = models.PositiveIntegerField(null=True, blank=True)
    last_page = models.PositiveIntegerField(null=True, blank=True)
    text = models.TextField(blank=True)
    classification_confidence = models.PositiveSmallIntegerField(null=True, blank=True)
    duplicate_of = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="duplicates"
    )
    metadata = models.JSONField(default=dict, blank=True)
    error_code = models.CharField(max_length=60, blank=True)
    error_message = models.TextField(blank=True)
    review_required_at = models.DateTimeField(null=True, blank=True)
    processed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    modified_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.filename} ({self.public_id})"

    @property
    def is_terminal(self) -> bool:
        return self.status in {self.Status.PROCESSED, self.Status.FAILED}


class AuditEvent(models.Model):
    """One row per state change or decision: the history a case page shows.

    The actor is a user (browser), an API key (integrator) or neither (the pipeline).
    """

    class Verb(models.TextChoices):
        CASE_CREATED = "case.created", "Case created"
        CASE_UPDATED = "case.updated", "Case updated"
        STAGE_CHANGED = "case.stage_changed", "Stage changed"
        DOCUMENT_UPLOADED = "document.uploaded", "Document uploaded"
        DOCUMENT_STATUS = "document.status_changed", "Document status changed"
        JOB_STATUS = "job.status_changed", "Job status changed"
        FIELD_APPROVED = "field.approved", "Field approved"
        FIELD_CORRECTED = "field.corrected", "Field corrected"
        DOCUMENT_APPROVED = "document.approved", "Document approved"
        DOCUMENT_REJECTED = "document.rejected", "Document rejected"

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="audit_events")
    case = models.ForeignKey(
        Case, on_delete=models.CASCADE, null=True, blank=True, related_name="events"
    )
    document = models.ForeignKey(
        Document, on_delete=models.CASCADE, null=True, blank=True, related_name="events"
    )
    job_id = models.UUIDField(null=True, blank=True, db_index=True)
    verb = models.CharField(max_length=40, choices=Verb.choices)
    actor_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    actor_api_key = models.ForeignKey(
        ApiKey, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    actor_label = models.CharField(max_length=200, default="system")
    from_state = models.CharField(max_length=60, blank=True)
    to_state = models.CharField(max_length=60, blank=True)
    data = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.verb} by {self.actor_label}"


# --- Credits (seed 002): pages processed per period, against the workspace's limit ----------
# The limit itself is `Workspace.credits_limit` (empty: unlimited); the rules are in
# `cases.credits`.


class CreditAccount(models.Model):
    """How a workspace's credit periods run: `period` long, counted from `period_anchor`.

    One row per workspace, created on first use. It is also the row that `cases.credits`
    locks (`select_for_update`) while it checks and charges, so that concurrent jobs are
    charged one after the other and cannot spend past the limit together.
    """

    class Period(models.TextChoices):
        MONTH = "month", "Monthly"
        WEEK = "week", "Weekly"
        DAY = "day", "Daily"
        YEAR = "year", "Yearly"
        NONE = "none", "Never resets"

    workspace = models.OneToOneField(
        Workspace, on_delete=models.CASCADE, related_name="credit_account"
    )
    period = models.CharField(max_length=10, choices=Period.choices, default=Period.MONTH)
    period_anchor = models.DateTimeField(
        help_text="When the first period began; later periods follow it back to back."
    )
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"Credits of {self.workspace} ({self.get_period_display()})"


class CreditCharge(models.Model):
    """Pages charged for one piece of work, named by `reference` (an extraction job, a
    conversion job). The unique reference makes charging idempotent: a job charged twice
    (a retried task, a worker that died after charging) counts once."""

    workspace = models.ForeignKey(
        Workspace, on_delete=models.CASCADE, related_name="credit_charges"
    )
    reference = models.CharField(max_length=100)
    pages = models.PositiveIntegerField()
    charged_at = models.DateTimeField(db_index=True)

    class Meta:
        ordering = ["-charged_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["workspace", "reference"], name="creditcharge_unique_reference"
            )
        ]
        indexes = [models.Index(fields=["workspace", "charged_at"])]

    def __str__(self) -> str:
        return f"{self.pages} pages for {self.reference}"
