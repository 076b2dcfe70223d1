"""Django admin for webhooks: events, endpoints (with why they were disabled) and the delivery
log with every attempt inline. Actions call the same services as the API; the admin writes no
delivery state of its own."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest

from cases.actors import Actor
from cases.errors import DomainError, ValidationFailed
from webhooks import services
from webhooks.models import WebhookAttempt, WebhookDelivery, WebhookEndpoint, WebhookEvent


@admin.register(WebhookEvent)
class WebhookEventAdmin(admin.ModelAdmin):
    list_display = ["created_at", "type", "workspace", "id"]
    list_filter = ["type", "workspace"]
    readonly_fields = ["id", "workspace", "type", "payload", "created_at"]


class WebhookEndpointForm(forms.ModelForm):
    url = forms.CharField(max_length=2000, help_text="http:// or https://")
    events = forms.MultipleChoiceField(
        choices=WebhookEvent.Type.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="None chosen: every event.",
    )

    class Meta:
        model = WebhookEndpoint
        fields = ["workspace", "url", "description", "events", "enabled"]

    def clean_url(self) -> str:
        try:
            return services.endpoint_url_check(self.cleaned_data["url"])
        except ValidationFailed as exc:
            raise forms.ValidationError(exc.details["fields"]["url"][0]) from None

    def clean_events(self) -> list[str]:
        try:
            return services.endpoint_events_check(self.cleaned_data["events"])
        except ValidationFailed as exc:
            raise forms.ValidationError(exc.details["fields"]["events"][0]) from None


@admin.register(WebhookEndpoint)
class WebhookEndpointAdmin(admin.ModelAdmin):
    form = WebhookEndpointForm
    list_display = ["public_id", "url", "workspace", "enabled", "disabled_reason", "failing_since"]
    list_filter = ["enabled", "workspace"]
    search_fields = ["public_id", "url", "description"]
    readonly_fields = [
        "public_id",
        "secret",
        "previous_secret_expires_at",
        "disabled_reason",
        "disabled_at",
        "failing_since",
        "created_at",
        "modified_at",
    ]
    actions = ["send_test", "rotate_secret", "enable", "disable"]

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        fields = list(self.readonly_fields)
        return [*fields, "workspace"] if obj is not None else fields

    def save_model(
        self, request: HttpRequest, obj: WebhookEndpoint, form: forms.ModelForm, change: bool
    ) -> None:
        """Adding is a plain insert (the form ran the service's checks); a change of `enabled`
        goes through the services so that disabling also settles queued deliveries."""
        if not change:
            super().save_model(request, obj, form, change)
            return
        current = WebhookEndpoint.objects.get(pk=obj.pk)
        data = form.cleaned_data
        services.endpoint_update(
            endpoint=current,
            actor=Actor(user=request.user),
            url=data["url"],
            description=data["description"],
            events=data["events"],
            enabled=data["enabled"] if data["enabled"] != current.enabled else None,
        )
        obj.refresh_from_db()

    @admin.action(description="Send a test event")
    def send_test(self, request: HttpRequest, queryset: QuerySet[WebhookEndpoint]) -> None:
        self._each(request, queryset, "Test event queued", services.endpoint_test_send)

    @admin.action(description="Rotate secret (old one valid 24 hours)")
    def rotate_secret(self, request: HttpRequest, queryset: QuerySet[WebhookEndpoint]) -> None:
        self._each(request, queryset, "Secret rotated", services.endpoint_secret_rotate)

    @admin.action(description="Enable")
    def enable(self, request: HttpRequest, queryset: QuerySet[WebhookEndpoint]) -> None:
        self._each(request, queryset, "Enabled", services.endpoint_enable)

    @admin.action(description="Disable")
    def disable(self, request: HttpRequest, queryset: QuerySet[WebhookEndpoint]) -> None:
        reason = f"Disabled by {Actor(user=request.user).label}."
        self._each(
            request,
            queryset,
            "Disabled",
            lambda *, endpoint: services.endpoint_disable(endpoint=endpoint, reason=reason),
        )

    def _each(self, request: HttpRequest, queryset: QuerySet, done: str, service: Any) -> None:
        for endpoint in queryset.select_related("workspace"):
            try:
                service(endpoint=endpoint)
            except DomainError as exc:
                self.message_user(request, f"{endpoint}: {exc.message}", messages.WARNING)
            else:
                self.message_user(request, f"{done}: {endpoint}.", messages.SUCCESS)


class WebhookAttemptInline(admin.TabularInline):
    model = WebhookAttempt
    extra = 0
    can_delete = False
    fields = [
        "number",
        "created_at",
        "response_status",
        "duration_ms",
        "error",
        "response_excerpt",
        "request_headers",
    ]
    readonly_fields = fields

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(WebhookDelivery)
class WebhookDeliveryAdmin(admin.ModelAdmin):
    list_display = [
        "public_id",
        "event_type",
        "endpoint",
        "status",
        "attempt_count",
        "last_status_code",
        "next_attempt_at",
        "created_at",
    ]
    list_filter = ["status", "event_type"]
    search_fields = ["public_id", "endpoint__public_id", "endpoint__url"]
    list_select_related = ["endpoint"]
    inlines = [WebhookAttemptInline]
    actions = ["resend"]
    readonly_fields = [
        "public_id",
        "endpoint",
        "event",
        "event_type",
        "status",
        "attempt_count",
        "schedule_position",
        "next_attempt_at",
        "locked_until",
        "last_status_code",
        "last_error",
        "delivered_at",
        "created_at",
        "modified_at",
        "body",
    ]
    fields = readonly_fields

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    @admin.action(description="Resend selected deliveries", permissions=["view"])
    def resend(self, request: HttpRequest, queryset: QuerySet[WebhookDelivery]) -> None:
        resent = 0
        for delivery in queryset.select_related("endpoint"):
            try:
                services.delivery_resend(delivery=delivery)
            except DomainError as exc:
                self.message_user(request, f"{delivery.public_id}: {exc.message}", messages.WARNING)
            else:
                resent += 1
        if resent:
            self.message_user(request, f"{resent} deliveries queued again.", messages.SUCCESS)
