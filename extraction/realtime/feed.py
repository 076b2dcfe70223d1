"""Reading the status-event log for one stream (SSE or WebSocket): opening a subscription and
polling it for the events after its cursor.

Ids come from the database's auto-increment, so on PostgreSQL an id can become visible after a
higher one (two transactions commit out of order). A poll therefore delivers events only up to
the first gap in the ids after its cursor, unless the event after the gap is older than
`GAP_GRACE` (then the missing id was rolled back and never comes). No event is skipped, and a
client resuming after the id it saw last (`Last-Event-ID`) gets every later event.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from django.db import connection
from django.db.models import Max
from django.utils import timezone

from cases.errors import DomainError, NotFound, ValidationFailed
from cases.models import ApiKey, Document, Workspace
from extraction.realtime.models import StatusEvent
from extraction.realtime.recording import promised_status_record, status_events_record
from extraction.realtime.tokens import TokenGrant
from extraction.upload import upload_job_for_document

GAP_GRACE = timedelta(seconds=3)
POLL_BATCH = 200
MAX_DOCUMENT_IDS = 100


@dataclass
class Subscription:
    """One stream's view of the log: whose events, which documents (None: all), how far."""

    workspace_id: int
    document_ids: tuple[str, ...] | None
    cursor: int
    expires_at: datetime
    initial: list[dict[str, Any]] = field(default_factory=list)
    floors: dict[str, int] = field(default_factory=dict)
    """Per document, the id of the event sent as its initial status: nothing older follows."""


def event_message(event: StatusEvent) -> dict[str, Any]:
    """What a stream sends for one event (SSE `data:`, one WebSocket text message)."""
    return {"id": event.pk, "type": event.type, "data": event.data}


def subscription_open(
    *,
    grant: TokenGrant,
    document_ids: Sequence[str],
    last_event_id: str | None,
    api_key_hashes: Sequence[str] = (),
) -> Subscription:
    """Check the documents named for a verified token's grant, and place the cursor.

    Raises (before anything is streamed): 403 `TOKEN_FOREIGN` (the request also carries an API
    key of another workspace), 404 `DOCUMENT_NOT_FOUND` (not a document of the token's
    workspace), 400 for a malformed `Last-Event-ID` or too many documents.

    Without `last_event_id` the stream starts with each named document's current status (its
    latest event), then what happens next; with it, every event after that id is replayed.
    A new stream's cursor is placed before the events of the last `GAP_GRACE` (one of them may
    have committed after a higher id was read): a whole-workspace stream may begin with events
    of the seconds before it connected, and a named document never gets an event older than
    its initial status.
    """
    for key_hash in api_key_hashes:
        key = ApiKey.objects.filter(key_hash=key_hash, revoked_at__isnull=True).first()
        if key is not None and key.workspace_id != grant.workspace.pk:
            raise DomainError(
                "The token belongs to another workspace than the API key sent with it.",
                code="TOKEN_FOREIGN",
                status_code=403,
            )
    cursor = _parse_last_event_id(last_event_id)
    named = _documents_named(grant.workspace, document_ids)
    subscription = Subscription(
        workspace_id=grant.workspace.pk,
        document_ids=tuple(named) if named is not None else None,
        cursor=cursor if cursor is not None else _settled_head(),
        expires_at=grant.expires_at,
    )
    if cursor is None and named:
        latest = status_events_record(document_ids=[pk for pk in named.values() if pk])
        latest += [
            event
            for public_id, pk in named.items()
            if pk is None
            and (event := promised_status_record(job_id=_promising_job(grant, public_id)))
        ]
        latest.sort(key=lambda event: event.pk)
        subscription.initial = [event_message(event) for event in latest]
        subscription.floors = {event.document_public_id: event.pk for event in latest}
    return subscription


def _parse_last_event_id(value: str | None) -> int | None:
    if value is None or value.strip() == "":
        return None
    try:
        parsed = int(value.strip())
    except ValueError:
        parsed = -1
    if parsed < 0:
        raise ValidationFailed.for_field("Last-Event-ID", "must be an event id (a whole number).")
    return parsed


def _promising_job(grant: TokenGrant, document_id: str) -> Any:
    job = upload_job_for_document(workspace=grant.workspace, document_id=document_id)
    return job.pk if job is not None else None


def _documents_named(
    workspace: Workspace, document_ids: Sequence[str]
) -> dict[str, int | None] | None:
    """Public id -> the document's pk (None for one an upload job promised and has not
    created yet); None when no document is named (the whole workspace)."""
    wanted = list(dict.fromkeys(i.strip() for i in document_ids if i.strip()))
    if not wanted:
        return None
    if len(wanted) > MAX_DOCUMENT_IDS:
        raise ValidationFailed.for_field(
            "document_id", f"at most {MAX_DOCUMENT_IDS} documents per stream."
        )
    found: dict[str, int | None] = dict(
        Document.objects.filter(workspace=workspace, public_id__in=wanted).values_list(
            "public_id", "pk"
        )
    )
    for document_id in wanted:
        if document_id not in found and upload_job_for_document(
            workspace=workspace, document_id=document_id
        ):
            found[document_id] = None
    missing = [document_id for document_id in wanted if document_id not in found]
    if missing:
        raise NotFound(
            f"No document {missing[0]}.",
            code="DOCUMENT_NOT_FOUND",
            details={"document_ids": missing},
        )
    return {document_id: found[document_id] for document_id in wanted}


def _settled_head() -> int:
    """The highest id older than `GAP_GRACE`: every id below it has committed or never will."""
    settled = StatusEvent.objects.filter(created_at__lt=timezone.now() - GAP_GRACE)
    return settled.aggregate(head=Max("pk"))["head"] or 0


def subscription_poll(subscription: Subscription) -> list[dict[str, Any]]:
    """The subscription's events after its cursor, oldest first; moves the cursor on."""
    visible = list(
        StatusEvent.objects.filter(pk__gt=subscription.cursor)
        .order_by("pk")
        .values_list("pk", "created_at")[:POLL_BATCH]
    )
    now = timezone.now()
    expected, safe = subscription.cursor + 1, subscription.cursor
    for pk, created_at in visible:
        if pk != expected and now - created_at < GAP_GRACE:
            break  # a lower id may still commit: wait for it
        safe, expected = pk, pk + 1
    if safe == subscription.cursor:
        return []
    events = StatusEvent.objects.filter(
        pk__gt=subscription.cursor, pk__lte=safe, workspace_id=subscription.workspace_id
    ).order_by("pk")
    if subscription.document_ids is not None:
        events = events.filter(document_public_id__in=subscription.document_ids)
    subscription.cursor = safe
    return [
        event_message(event)
        for event in events
        if event.pk > subscription.floors.get(event.document_public_id, 0)
    ]


def subscription_poll_disconnected(subscription: Subscription) -> list[dict[str, Any]]:
    """`subscription_poll`, then the database connection is closed: a stream that idles
    between polls holds no connection (each read runs in a worker thread, see `streams`)."""
    try:
        return subscription_poll(subscription)
    finally:
        connection.close()
