"""Django admin for webhook events."""

from django.contrib import admin

from webhooks.models import WebhookEvent


@admin.register(WebhookEvent)
class WebhookEventAdmin(admin.ModelAdmin):
    list_display = ["created_at", "type", "workspace", "id"]
    list_filter = ["type", "workspace"]
    readonly_fields = ["id", "workspace", "type", "payload", "created_at"]
