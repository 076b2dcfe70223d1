"""Django admin for extraction jobs and extracted fields (read-mostly: the pipeline writes).

A job's options may hold a PDF password until the job ends; the admin shows it masked.
"""

from __future__ import annotations

import json

from django.contrib import admin
from django.utils.html import format_html

from extraction.models import DocumentField, ExtractionJob

MASK = "••••••"


@admin.register(ExtractionJob)
class ExtractionJobAdmin(admin.ModelAdmin):
    list_display = ["id", "filename", "status", "progress", "attempts", "error_code", "created_at"]
    list_filter = ["status", "source", "workspace", "case_type"]
    search_fields = ["id", "filename", "idempotency_key", "case__public_id"]
    readonly_fields = [
        "options_masked" if f.name == "options" else f.name for f in ExtractionJob._meta.fields
    ]
    exclude = ["options"]

    @admin.display(description="Options")
    def options_masked(self, job: ExtractionJob) -> str:
        options = {key: MASK if key == "password" else value for key, value in job.options.items()}
        return format_html("<pre>{}</pre>", json.dumps(options, indent=2))


@admin.register(DocumentField)
class DocumentFieldAdmin(admin.ModelAdmin):
    list_display = ["document", "key", "value", "confidence", "reviewed", "flags"]
    list_filter = ["reviewed", "field_type"]
    search_fields = ["document__public_id", "key"]
