"""Reading the event log for a stream: the cursor, the initial state, and ids that become
visible out of order (a lower id still uncommitted) or never (rolled back)."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from cases.models import ApiKey
from extraction.realtime.feed import subscription_open, subscription_poll
from extraction.realtime.models import StatusEvent
from extraction.realtime.tokens import realtime_token_mint, realtime_token_verify
from tests.factories import uploaded_document


def grant_for(tenant):
    key = ApiKey.objects.get(workspace=tenant.workspace)
    return realtime_token_verify(realtime_token_mint(api_key=key).token)


def event(tenant, document, **data) -> StatusEvent:
    return StatusEvent.objects.create(
        workspace=tenant.workspace,
        document=document,
        document_public_id=document.public_id,
        data=data,
    )


def test_a_new_stream_starts_with_the_current_status_of_each_named_document(tenant):
    document, _ = uploaded_document(tenant.case_type)
    subscription = subscription_open(
        grant=grant_for(tenant), document_ids=[document.public_id], last_event_id=None
    )
    (initial,) = subscription.initial
    assert initial["data"]["status"] == "queued"
    assert subscription_poll(subscription) == []  # not sent twice


def test_a_whole_workspace_stream_starts_before_the_last_seconds(tenant):
    """Events older than the gap grace are history; newer ones may have committed after a
    higher id was read, so a new stream sends them."""
    document, _ = uploaded_document(tenant.case_type)
    old = event(tenant, document, n=1)
    StatusEvent.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(seconds=10))
    recent = event(tenant, document, n=2)
    subscription = subscription_open(grant=grant_for(tenant), document_ids=[], last_event_id=None)
    assert subscription.initial == []
    assert [m["id"] for m in subscription_poll(subscription)] == [recent.pk]
    later = event(tenant, document, n=3)
    assert [m["id"] for m in subscription_poll(subscription)] == [later.pk]


def test_a_named_document_gets_nothing_older_than_its_initial_status(tenant):
    document, _ = uploaded_document(tenant.case_type)
    earlier = event(tenant, document, status="queued", n=1)
    StatusEvent.objects.filter(pk=earlier.pk).update(
        created_at=timezone.now() - timedelta(seconds=10)
    )
    subscription = subscription_open(
        grant=grant_for(tenant), document_ids=[document.public_id], last_event_id=None
    )
    (initial,) = subscription.initial
    assert subscription_poll(subscription) == []
    newer = event(tenant, document, n=2)
    assert [m["id"] for m in subscription_poll(subscription)] == [newer.pk]
    assert initial["id"] < newer.pk


def test_a_gap_holds_later_events_back_until_it_fills_or_grows_old(tenant):
    document, _ = uploaded_document(tenant.case_type)
    seen = event(tenant, document, n=0)
    subscription = subscription_open(
        grant=grant_for(tenant), document_ids=[], last_event_id=str(seen.pk)
    )
    first = event(tenant, document, n=1)
    missing = event(tenant, document, n=2)
    third = event(tenant, document, n=3)
    missing_id, missing_data = missing.pk, missing.data
    missing.delete()  # as if its transaction had not committed yet
    assert [m["id"] for m in subscription_poll(subscription)] == [first.pk]
    assert subscription_poll(subscription) == []  # third waits behind the gap
    StatusEvent.objects.create(
        pk=missing_id,
        workspace=tenant.workspace,
        document=document,
        document_public_id=document.public_id,
        data=missing_data,
    )
    assert [m["id"] for m in subscription_poll(subscription)] == [missing_id, third.pk]


def test_a_gap_older_than_the_grace_is_skipped(tenant):
    document, _ = uploaded_document(tenant.case_type)
    seen = event(tenant, document, n=0)
    subscription = subscription_open(
        grant=grant_for(tenant), document_ids=[], last_event_id=str(seen.pk)
    )
    rolled_back = event(tenant, document, n=1)
    after = event(tenant, document, n=2)
    rolled_back.delete()
    StatusEvent.objects.filter(pk=after.pk).update(
        created_at=timezone.now() - timedelta(seconds=10)
    )
    assert [m["id"] for m in subscription_poll(subscription)] == [after.pk]


def test_resuming_replays_after_the_id_and_skips_other_workspaces(tenant, outsider):
    document, _ = uploaded_document(tenant.case_type)
    theirs, _ = uploaded_document(outsider.case_type)
    before = event(tenant, document, n=1)
    event(outsider, theirs, n=2)
    after = event(tenant, document, n=3)
    subscription = subscription_open(
        grant=grant_for(tenant), document_ids=[], last_event_id=str(before.pk)
    )
    assert [m["id"] for m in subscription_poll(subscription)] == [after.pk]
