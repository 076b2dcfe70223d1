"""What Casefile learns from its reviewers, per workspace and case type.

- `Layout`: one document layout (issuer identity plus a signature of the page's static words)
  reviewers taught, with `LayoutPosition`s: where a field's right value sat, and how often that
  position read the reviewed value on later documents (its track record).
- `DocumentLayout`: what the engine saw of one document (fingerprint, matched layout, what each
  remembered position read, the engine's own confidences, the words) so that a reviewer's
  decisions can later teach memory and score it.
- `Verdict`: one reviewed field, a labelled example: was the machine's value right?
- `CalibrationFit`: the confidence map refitted from a workspace's verdicts.
All cascade from the case type (and so from the workspace).
"""

from __future__ import annotations

from django.db import models

from cases.ids import prefixed_id
from cases.models import CaseType, Document, Workspace


def _layout_id() -> str:
    return prefixed_id("layout", 12)


class Layout(models.Model):
    public_id = models.CharField(max_length=40, unique=True, default=_layout_id, editable=False)
    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="+")
    case_type = models.ForeignKey(CaseType, on_delete=models.CASCADE, related_name="layouts")
    issuer = models.CharField(max_length=400, blank=True, help_text="VAT ids and IBANs, `|`.")
    signature = models.JSONField(default=list, help_text="Static words with coarse positions.")
    anchors = models.JSONField(
        default=list,
        help_text="Words printed once on the first page: [word, x, y] in page widths (the frame).",
    )
    page_size = models.JSONField(default=list, help_text="The frame's page: width, height.")
    name = models.CharField(max_length=200, blank=True, help_text="What the page calls its issuer.")
    documents_learned = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        indexes = [models.Index(fields=["workspace", "case_type", "-updated_at"])]

    def __str__(self) -> str:
        return self.name or self.public_id


class LayoutPosition(models.Model):
    layout = models.ForeignKey(Layout, on_delete=models.CASCADE, related_name="positions")
    field_key = models.CharField(max_length=63)
    page = models.PositiveIntegerField(help_text="1-based page of the document.")
    bbox = models.JSONField(help_text="Fractions of the page: x0, y0, x1, y1.")
    label = models.CharField(max_length=200, blank=True)
    offset = models.JSONField(default=list, help_text="Value minus label top-left, points.")
    right = models.PositiveIntegerField(default=0)
    wrong = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [models.Index(fields=["layout", "field_key"])]

    def __str__(self) -> str:
        return f"{self.field_key} at {self.label or self.bbox}"


class DocumentLayout(models.Model):
    document = models.OneToOneField(Document, on_delete=models.CASCADE, related_name="layout")
    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="+")
    case_type = models.ForeignKey(CaseType, on_delete=models.CASCADE, related_name="+")
    layout = models.ForeignKey(Layout, on_delete=models.SET_NULL, null=True, blank=True)
    similarity = models.FloatField(default=0)
    issuer = models.CharField(max_length=400, blank=True)
    signature = models.JSONField(default=list)
    readings = models.JSONField(default=list, help_text="[position id, field key, value] read.")
    from_memory = models.JSONField(default=list, help_text="Field keys memory set.")
    engine_confidence = models.JSONField(
        default=dict, help_text="Field key -> the engine's confidence before recalibration."
    )
    pages = models.JSONField(default=list, help_text="Page sizes and words, for learning.")
    learned_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"layout of document {self.document_id}"


class Verdict(models.Model):
    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="+")
    case_type = models.ForeignKey(CaseType, on_delete=models.CASCADE, related_name="verdicts")
    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="verdicts")
    layout = models.ForeignKey(Layout, on_delete=models.SET_NULL, null=True, blank=True)
    field_key = models.CharField(max_length=63)
    engine_confidence = models.PositiveSmallIntegerField(
        help_text="The engine's confidence before recalibration."
    )
    confidence = models.PositiveSmallIntegerField(help_text="The published confidence.")
    correct = models.BooleanField(help_text="The reviewer kept the machine's value.")
    flagged = models.BooleanField(help_text="The gate held the field.")
    from_memory = models.BooleanField(default=False)
    qa_sample = models.BooleanField(default=False, help_text="A clean document sampled for QA.")
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["document", "field_key"], name="verdict_once_per_field")
        ]
        indexes = [models.Index(fields=["workspace", "case_type", "created_at"])]

    def __str__(self) -> str:
        return f"{self.field_key}: {'right' if self.correct else 'corrected'}"


class CalibrationFit(models.Model):
    case_type = models.OneToOneField(
        CaseType, on_delete=models.CASCADE, related_name="calibration_fit"
    )
    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="+")
    knots = models.JSONField(help_text="[engine confidence, published confidence] pairs.")
    verdicts = models.PositiveIntegerField()
    fitted_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"calibration of {self.case_type_id} from {self.verdicts} verdicts"
