"""The one entry point through which the rest of Casefile announces events.

`event_publish` must be called inside the transaction of the change it announces; it writes the
event with its body frozen (SPEC §6 shape: event, timestamp, data).
"""

from __future__ import annotations

import json
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone

from cases.models import Workspace
from webhooks.models import WebhookEvent


def event_publish(*, workspace: Workspace, event_type: str, data: dict[str, Any]) -> WebhookEvent:
    if event_type not in WebhookEvent.Type.values:
        raise ValueError(f"Unknown webhook event type {event_type!r}.")
    timestamp = timezone.now()
    payload = {
        "event": event_type,
        "timestamp": timestamp.isoformat(timespec="milliseconds").replace("+00:00", "Z"),
        "data": json.loads(json.dumps(data, cls=DjangoJSONEncoder)),
    }
    with transaction.atomic():
        return WebhookEvent.objects.create(workspace=workspace, type=event_type, payload=payload)
