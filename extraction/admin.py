"""Django admin for extraction jobs and extracted fields (read-mostly: the pipeline writes)."""

from django.contrib import admin

from extraction.models import DocumentField, ExtractionJob


@admin.register(ExtractionJob)
class ExtractionJobAdmin(admin.ModelAdmin):
    list_display = ["id", "filename", "status", "progress", "attempts", "error_code", "created_at"]
    list_filter = ["status", "source", "workspace", "case_type"]
    search_fields = ["id", "filename", "idempotency_key", "case__public_id"]
    readonly_fields = [f.name for f in ExtractionJob._meta.fields]


@admin.register(DocumentField)
class DocumentFieldAdmin(admin.ModelAdmin):
    list_display = ["document", "key", "value", "confidence", "reviewed", "flags"]
    list_filter = ["reviewed", "field_type"]
    search_fields = ["document__public_id", "key"]
