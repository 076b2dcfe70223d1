"""Conversion jobs in the admin: read-only, for support (jobs change only through services)."""

from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest

from extraction.conversion.models import ConversionJob


@admin.register(ConversionJob)
class ConversionJobAdmin(admin.ModelAdmin):
    list_display = [
        "id",
        "workspace",
        "engine",
        "output_format",
        "status",
        "progress",
        "created_at",
    ]
    list_filter = ["status", "engine", "output_format"]
    search_fields = ["id", "source_file__filename", "source_file__public_id"]
    readonly_fields = [field.name for field in ConversionJob._meta.fields]
    list_select_related = ["workspace"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False
