"""Django admin for tenancy, case types and cases: searchable, filterable, schema readable.

Writes that have rules (creating keys, case types) go through `cases.services`.
"""

from __future__ import annotations

import json
from typing import Any

from django import forms
from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.html import format_html, format_html_join

from cases import services
from cases.credits import credits_summary
from cases.models import (
    ApiKey,
    AuditEvent,
    Case,
    CaseType,
    CaseTypeFilter,
    CreditAccount,
    CreditCharge,
    Document,
    Membership,
    Stage,
    StoredFile,
    User,
    Workspace,
)


class MembershipFormSet(forms.BaseInlineFormSet):
    """A workspace edited in the admin keeps at least one admin (as `cases.services` does for
    the app): demoting or deleting the last one is an error on the form, nothing saved."""

    def clean(self) -> None:
        super().clean()
        if not self.instance.pk:
            return
        admins = 0
        for form in self.forms:
            data = getattr(form, "cleaned_data", None) or {}
            if data and not data.get("DELETE") and data.get("role") == Membership.Role.ADMIN:
                admins += 1
        had_admin = Membership.objects.filter(
            workspace=self.instance, role=Membership.Role.ADMIN
        ).exists()
        if had_admin and admins == 0:
            raise forms.ValidationError(
                "A workspace needs at least one admin; make someone else admin first."
            )


class MembershipInline(admin.TabularInline):
    model = Membership
    formset = MembershipFormSet
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(User)
class CasefileUserAdmin(UserAdmin):
    list_display = ["username", "email", "public_id", "is_staff", "is_active"]
    search_fields = ["username", "email", "public_id"]
    readonly_fields = ["public_id"]
    fieldsets = (*UserAdmin.fieldsets, ("Casefile", {"fields": ["public_id"]}))


class CreditAccountInline(admin.StackedInline):
    """How the workspace's credit periods run; the limit is the workspace's `credits_limit`."""

    model = CreditAccount
    can_delete = False
    max_num = 1
    verbose_name = "credit period"


@admin.register(Workspace)
class WorkspaceAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "public_id", "credits_limit", "credits_used", "created_at"]
    search_fields = ["name", "slug", "public_id"]
    readonly_fields = ["public_id", "created_at", "credits_used"]
    inlines = [MembershipInline, CreditAccountInline]

    @admin.display(description="Pages used this period")
    def credits_used(self, workspace: Workspace) -> str:
        if workspace.pk is None:  # the add form: nothing used yet
            return "—"
        summary = credits_summary(workspace=workspace)
        period = f"{summary.period_start:%Y-%m-%d} to " + (
            f"{summary.period_end:%Y-%m-%d}" if summary.period_end else "no end"
        )
        return f"{summary.used} of {summary.limit or 'unlimited'} ({period})"


@admin.register(CreditCharge)
class CreditChargeAdmin(admin.ModelAdmin):
    """What was charged for which work: read-only, the pipeline writes these."""

    list_display = ["reference", "workspace", "pages", "charged_at"]
    list_filter = ["workspace"]
    search_fields = ["reference"]
    date_hierarchy = "charged_at"

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(ApiKey)
class ApiKeyAdmin(admin.ModelAdmin):
    list_display = ["name", "prefix", "workspace", "created_at", "last_used_at", "revoked_at"]
    list_filter = ["workspace", ("revoked_at", admin.EmptyFieldListFilter)]
    search_fields = ["name", "prefix"]
    readonly_fields = [
        "prefix",
        "key_hash",
        "created_by",
        "created_at",
        "last_used_at",
        "revoked_at",
    ]
    actions = ["revoke"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return (
            False  # Keys are created on the API settings page or with `createapikey`, shown once.
        )

    @admin.action(description="Revoke selected keys")
    def revoke(self, request: HttpRequest, queryset: QuerySet[ApiKey]) -> None:
        for api_key in queryset:
            services.api_key_revoke(api_key=api_key)
        self.message_user(request, f"Revoked {queryset.count()} key(s).", messages.SUCCESS)


class StageInline(admin.TabularInline):
    model = Stage
    extra = 0
    fields = ["position", "name", "system_role", "public_id"]
    readonly_fields = ["public_id"]


class PrettyJSONWidget(forms.Textarea):
    def format_value(self, value: object) -> str:
        if isinstance(value, str):
            try:
                value = json.loads(value)
            except ValueError:
                return value
        return json.dumps(value, indent=2, ensure_ascii=False)


class CaseTypeForm(forms.ModelForm):
    class Meta:
        model = CaseType
        fields = [
            "workspace",
            "name",
            "slug",
            "description",
            "review_threshold",
            "qa_sample_percent",
            "validation_rules",
            "field_schema",
            "keywords",
            "locale",
        ]
        widgets = {
            "field_schema": PrettyJSONWidget(
                attrs={"rows": 24, "cols": 100, "style": "font-family: monospace"}
            ),
            "validation_rules": PrettyJSONWidget(
                attrs={"rows": 8, "cols": 100, "style": "font-family: monospace"}
            ),
            "keywords": PrettyJSONWidget(attrs={"rows": 3, "cols": 100}),
        }
        help_texts = {
            "field_schema": (
                'A list of fields: {"key": "total_amount", "label": "Total", "type": "money", '
                '"required": true, "synonyms": ["Amount due"], "threshold": 90}. '
                "Types: text number money date email phone iban enum boolean table "
                "(tables take columns)."
            ),
        }


@admin.register(CaseType)
class CaseTypeAdmin(admin.ModelAdmin):
    form = CaseTypeForm
    list_display = [
        "name",
        "slug",
        "workspace",
        "public_id",
        "locale",
        "review_threshold",
        "field_count",
    ]
    list_filter = ["workspace"]
    search_fields = ["name", "slug", "public_id"]
    readonly_fields = ["public_id", "schema_table", "created_at", "modified_at"]
    inlines = [StageInline]
    fieldsets = (
        (None, {"fields": ["workspace", "name", "slug", "public_id", "description"]}),
        ("Review", {"fields": ["review_threshold", "qa_sample_percent", "validation_rules"]}),
        ("Schema", {"fields": ["schema_table", "field_schema", "keywords", "locale"]}),
        ("Dates", {"fields": ["created_at", "modified_at"]}),
    )

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: Any) -> None:
        """After the case type and its stages are saved, record the version (as the services
        do), so a job run after an admin edit names the definition it ran with."""
        super().save_related(request, form, formsets, change)
        user = request.user if isinstance(request.user, User) else None
        services.case_type_version_record(case_type=form.instance, by=user)

    @admin.display(description="Fields")
    def field_count(self, case_type: CaseType) -> int:
        return len(case_type.field_schema or [])

    @admin.display(description="Fields at a glance")
    def schema_table(self, case_type: CaseType) -> str:
        rows = format_html_join(
            "",
            "<tr><td><code>{}</code></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            (
                (
                    spec.get("key"),
                    spec.get("label"),
                    spec.get("type"),
                    "yes" if spec.get("required") else "",
                    ", ".join(spec.get("synonyms") or []),
                )
                for spec in case_type.field_schema or []
            ),
        )
        return format_html(
            "<table><tr><th>Key</th><th>Label</th><th>Type</th><th>Required</th>"
            "<th>Synonyms</th></tr>{}</table>",
            rows,
        )


@admin.register(CaseTypeFilter)
class CaseTypeFilterAdmin(admin.ModelAdmin):
    list_display = ["name", "workspace", "public_id"]
    list_filter = ["workspace"]
    search_fields = ["name"]
    filter_horizontal = ["case_types"]


class DocumentInline(admin.TabularInline):
    model = Document
    extra = 0
    fields = ["public_id", "filename", "status", "page_count", "error_code"]
    readonly_fields = fields
    can_delete = False
    show_change_link = True


@admin.register(Case)
class CaseAdmin(admin.ModelAdmin):
    list_display = [
        "__str__",
        "public_id",
        "case_type",
        "stage",
        "assigned_to",
        "created_at",
        "modified_at",
    ]
    list_filter = ["workspace", "case_type", "stage"]
    search_fields = ["name", "public_id", "documents__filename"]
    readonly_fields = ["public_id", "created_at", "modified_at"]
    raw_id_fields = ["assigned_to"]
    inlines = [DocumentInline]


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):
    list_display = [
        "filename",
        "public_id",
        "case",
        "status",
        "page_count",
        "error_code",
        "created_at",
    ]
    list_filter = ["status", "workspace", "case__case_type"]
    search_fields = ["filename", "public_id", "case__public_id"]
    readonly_fields = [f.name for f in Document._meta.fields]


@admin.register(StoredFile)
class StoredFileAdmin(admin.ModelAdmin):
    list_display = [
        "filename",
        "public_id",
        "kind",
        "media_type",
        "size",
        "expires_at",
        "created_at",
    ]
    list_filter = ["kind", "workspace"]
    search_fields = ["filename", "public_id", "sha256"]
    readonly_fields = [f.name for f in StoredFile._meta.fields]


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    list_display = [
        "created_at",
        "verb",
        "actor_label",
        "case",
        "document",
        "from_state",
        "to_state",
    ]
    list_filter = ["verb", "workspace"]
    search_fields = ["case__public_id", "document__public_id", "actor_label"]
    readonly_fields = [f.name for f in AuditEvent._meta.fields]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False
