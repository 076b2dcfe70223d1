"""django-q2 entry points of webhook delivery. Each takes primitive ids and calls one service.

`webhook_delivery_deliver` is enqueued after commit by `webhooks.services` (right after an
event is published, a test is sent or a delivery is resent) and by the dispatcher.
Both run on the webhooks cluster's queue (`WEBHOOKS_QUEUE`). Retries leave on time through
`manage.py webhooks_dispatcher`; `webhook_deliveries_dispatch` runs every minute as the safety
net (declared in `webhooks/schedules.py`, registered by `manage.py setup_schedules`) and picks
up every delivery whose next attempt is due, including ones whose enqueue or worker was lost.
"""

from __future__ import annotations

from webhooks import delivery


def webhook_delivery_deliver(delivery_id: str, attempt_number: int | None = None) -> str | None:
    attempted = delivery.webhook_delivery_attempt(
        delivery_id=delivery_id, attempt_number=attempt_number
    )
    return attempted.status if attempted else None


def webhook_deliveries_dispatch() -> int:
    return len(delivery.deliveries_dispatch())
