"""Endpoint services and the outbox written by `event_publish`, against the real database."""

from __future__ import annotations

import base64
import json
from datetime import UTC, datetime, timedelta

import pytest
from django.db import transaction

from cases.errors import Conflict, InvalidTransition, ValidationFailed
from webhooks import delivery, services
from webhooks.models import TEST_EVENT_TYPE, WebhookDelivery, WebhookEndpoint, WebhookEvent

NOW = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)
Status = WebhookDelivery.Status


@pytest.fixture
def endpoint(tenant) -> WebhookEndpoint:
    return services.endpoint_create(workspace=tenant.workspace, url="https://hooks.example.com/in")


def publish(
    tenant, event_type: services.EventType = services.EventType.EXTRACTION_COMPLETED
) -> WebhookEvent:
    return services.event_publish(
        workspace=tenant.workspace, event_type=event_type, data={"job_id": "job-1"}
    )


# --- The outbox ---------------------------------------------------------------------------


def test_publishing_writes_one_delivery_per_enabled_subscribed_endpoint(tenant, outsider):
    everything = services.endpoint_create(workspace=tenant.workspace, url="https://a.example.com")
    subscribed = services.endpoint_create(
        workspace=tenant.workspace, url="https://b.example.com", events=["extraction.completed"]
    )
    services.endpoint_create(
        workspace=tenant.workspace, url="https://c.example.com", events=["case.created"]
    )
    services.endpoint_create(workspace=tenant.workspace, url="https://d.example.com", enabled=False)
    services.endpoint_create(workspace=outsider.workspace, url="https://e.example.com")

    event = publish(tenant)

    deliveries = WebhookDelivery.objects.filter(event=event)
    assert {d.endpoint_id for d in deliveries} == {everything.pk, subscribed.pk}
    assert {d.status for d in deliveries} == {Status.PENDING}
    for item in deliveries:
        assert json.loads(item.body) == event.payload
        assert item.event_type == "extraction.completed"
        assert item.next_attempt_at is not None
        assert item.public_id.startswith("dlv__")


def test_an_event_has_a_listener_only_when_an_enabled_endpoint_of_the_workspace_subscribes(
    tenant, outsider
):
    completed = services.EventType.EXTRACTION_COMPLETED
    services.endpoint_create(workspace=outsider.workspace, url="https://e.example.com")
    services.endpoint_create(workspace=tenant.workspace, url="https://d.example.com", enabled=False)
    services.endpoint_create(
        workspace=tenant.workspace, url="https://c.example.com", events=["case.created"]
    )
    assert not services.event_has_listener(workspace=tenant.workspace, event_type=completed)

    services.endpoint_create(
        workspace=tenant.workspace, url="https://b.example.com", events=["extraction.completed"]
    )
    assert services.event_has_listener(workspace=tenant.workspace, event_type=completed)


def test_the_frozen_body_keeps_the_seed_key_order(tenant, endpoint):
    publish(tenant)
    body = WebhookDelivery.objects.get().body
    assert body.startswith('{"event":"extraction.completed","timestamp":"')
    assert '"data":{"job_id":"job-1"}' in body


def test_a_rolled_back_change_announces_nothing(tenant, endpoint):
    @transaction.atomic
    def failing_change() -> None:
        publish(tenant)
        raise RuntimeError("the domain change failed")

    with pytest.raises(RuntimeError):
        failing_change()
    assert not WebhookEvent.objects.exists()
    assert not WebhookDelivery.objects.exists()


def test_dispatch_is_only_enqueued_after_the_transaction_commits(
    tenant, endpoint, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        publish(tenant)
    assert len(callbacks) == 1
    assert WebhookDelivery.objects.get().status == Status.PENDING


def test_an_event_with_no_subscriber_writes_no_delivery_and_queues_nothing(
    tenant, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        publish(tenant)
    assert callbacks == []
    assert WebhookEvent.objects.count() == 1


def test_an_unknown_event_type_is_a_programming_error(tenant):
    with pytest.raises(ValueError, match="Unknown webhook event type"):
        publish(tenant, "extraction.exploded")  # type: ignore[arg-type]


# --- Endpoints ----------------------------------------------------------------------------


def test_a_new_endpoint_gets_a_standard_webhooks_secret_and_a_public_id(endpoint):
    assert endpoint.public_id.startswith("whk__")
    assert endpoint.secret.startswith("whsec_")
    assert len(base64.b64decode(endpoint.secret.removeprefix("whsec_"))) == 32
    assert endpoint.events == []
    assert endpoint.subscribes_to("review.completed")


@pytest.mark.parametrize(
    "url",
    [
        "ftp://hooks.example.com/in",
        "hooks.example.com/in",
        "https:///no-host",
        "http://localhost:8000/in",
        "http://127.0.0.1/in",
        "http://[::1]/in",
        "http://169.254.169.254/latest/meta-data",
        "http://10.0.0.8/in",
        "http://example.com:99999/in",
        "https://exa mple.com/in",
        "https://hooks.example.com/in\tx",
    ],
)
def test_endpoint_urls_that_can_never_be_delivered_to_are_refused_naming_the_url(tenant, url):
    with pytest.raises(ValidationFailed) as error:
        services.endpoint_create(workspace=tenant.workspace, url=url)
    assert list(error.value.details["fields"]) == ["url"]


@pytest.mark.parametrize(
    "url",
    ["http://127.0.0.1:9/in", "http://receiver:8080/hook", "http://my_receiver.corp.example/h"],
)
def test_private_urls_are_accepted_when_private_addresses_are_allowed(tenant, settings, url):
    """Loopback, and the one-label or underscored names of an internal network (a compose
    service), which Django's URLValidator would refuse."""
    settings.WEBHOOKS_ALLOW_PRIVATE_IPS = True
    endpoint = services.endpoint_create(workspace=tenant.workspace, url=url)
    assert endpoint.url == url


def test_unknown_event_types_are_refused_naming_the_events_field(tenant):
    with pytest.raises(ValidationFailed) as error:
        services.endpoint_create(
            workspace=tenant.workspace, url="https://a.example.com", events=["case.deleted"]
        )
    assert list(error.value.details["fields"]) == ["events"]


def test_rotating_keeps_the_old_secret_signing_for_the_grace_period_only(endpoint):
    old = endpoint.secret
    rotated = services.endpoint_secret_rotate(
        endpoint=endpoint, grace_period=timedelta(hours=24), now=NOW
    )
    assert rotated.secret != old
    assert rotated.previous_secret == old
    assert rotated.signing_secrets(NOW + timedelta(hours=23)) == [rotated.secret, old]
    assert rotated.signing_secrets(NOW + timedelta(hours=24)) == [rotated.secret]


def test_a_rotation_from_a_stale_copy_keeps_the_secret_the_previous_rotation_gave(endpoint):
    """Two rotations at once each loaded the endpoint before either wrote: the second must keep
    the first one's secret (handed to its caller) signing, not the one both had loaded."""
    stale = WebhookEndpoint.objects.get(pk=endpoint.pk)
    first = services.endpoint_secret_rotate(endpoint=endpoint, now=NOW)
    second = services.endpoint_secret_rotate(endpoint=stale, now=NOW)
    assert second.previous_secret == first.secret
    assert first.secret in second.signing_secrets(NOW + timedelta(hours=1))


def test_rotating_without_a_grace_period_retires_the_old_secret_at_once(endpoint):
    rotated = services.endpoint_secret_rotate(endpoint=endpoint, grace_period=timedelta(0), now=NOW)
    assert rotated.previous_secret == ""
    assert rotated.signing_secrets(NOW) == [rotated.secret]


def test_a_grace_period_beyond_a_week_is_refused(endpoint):
    with pytest.raises(ValidationFailed, match="grace_period_hours"):
        services.endpoint_secret_rotate(endpoint=endpoint, grace_period=timedelta(days=8))


def test_disabling_kills_queued_deliveries_and_keeps_the_first_reason(tenant, endpoint):
    publish(tenant)
    services.endpoint_disable(endpoint=endpoint, reason="Gone fishing.")
    services.endpoint_disable(endpoint=endpoint, reason="Another reason.")
    endpoint.refresh_from_db()
    assert not endpoint.enabled
    assert endpoint.disabled_reason == "Gone fishing."
    item = WebhookDelivery.objects.get()
    assert item.status == Status.DEAD
    assert item.next_attempt_at is None
    assert item.last_error == "ENDPOINT_DISABLED: Gone fishing."


def test_a_disabled_endpoint_receives_no_new_deliveries(tenant, endpoint):
    services.endpoint_disable(endpoint=endpoint, reason="Paused.")
    publish(tenant)
    assert not WebhookDelivery.objects.exists()


def test_enabling_clears_the_reason_and_the_failure_history(endpoint):
    services.endpoint_disable(endpoint=endpoint, reason="Paused.")
    WebhookEndpoint.objects.filter(pk=endpoint.pk).update(failing_since=NOW)
    enabled = services.endpoint_enable(endpoint=endpoint)
    assert enabled.enabled
    assert enabled.disabled_reason == ""
    assert enabled.failing_since is None


def test_updating_enabled_false_records_who_disabled_it(tenant, endpoint):
    from cases.actors import Actor

    updated = services.endpoint_update(
        endpoint=endpoint, actor=Actor(user=tenant.admin), enabled=False, description="Main"
    )
    assert updated.description == "Main"
    assert not updated.enabled
    assert tenant.admin.get_username() in updated.disabled_reason


def test_a_test_message_is_a_delivery_to_that_endpoint_without_an_event(tenant, endpoint):
    other = services.endpoint_create(workspace=tenant.workspace, url="https://b.example.com")
    sent = services.endpoint_test_send(endpoint=endpoint)
    assert sent.endpoint_id == endpoint.pk
    assert sent.event is None
    assert sent.event_type == TEST_EVENT_TYPE
    assert json.loads(sent.body)["data"]["webhook_id"] == endpoint.public_id
    assert not WebhookDelivery.objects.filter(endpoint=other).exists()


def test_a_disabled_endpoint_cannot_be_tested(endpoint):
    services.endpoint_disable(endpoint=endpoint, reason="Paused.")
    with pytest.raises(Conflict) as error:
        services.endpoint_test_send(endpoint=endpoint)
    assert error.value.code == "ENDPOINT_DISABLED"


# --- Resending ----------------------------------------------------------------------------


def test_resending_a_queued_delivery_is_refused_as_already_in_progress(tenant, endpoint):
    publish(tenant)
    with pytest.raises(InvalidTransition) as error:
        services.delivery_resend(delivery=WebhookDelivery.objects.get())
    assert error.value.code == "DELIVERY_IN_PROGRESS"


def test_resending_a_dead_delivery_restarts_its_schedule(tenant, endpoint):
    publish(tenant)
    WebhookDelivery.objects.update(status=Status.DEAD, schedule_position=3, next_attempt_at=None)
    resent = services.delivery_resend(delivery=WebhookDelivery.objects.get(), now=NOW)
    assert resent.status == Status.PENDING
    assert resent.schedule_position == 0
    assert resent.next_attempt_at == NOW


def test_resending_to_a_disabled_endpoint_is_refused(tenant, endpoint):
    publish(tenant)
    services.endpoint_disable(endpoint=endpoint, reason="Paused.")
    with pytest.raises(Conflict):
        services.delivery_resend(delivery=WebhookDelivery.objects.get())


# --- Retry policy -------------------------------------------------------------------------


def test_retry_delays_follow_the_schedule_with_ten_percent_jitter(settings):
    settings.WEBHOOKS_RETRY_SCHEDULE = [30, 120]
    first = [delivery.retry_delay(position=0, retry_after=None, now=NOW) for _ in range(50)]
    second = delivery.retry_delay(position=1, retry_after=None, now=NOW)
    assert all(timedelta(seconds=27) <= d <= timedelta(seconds=33) for d in first)
    assert len(set(first)) > 1
    assert timedelta(seconds=108) <= second <= timedelta(seconds=132)


def test_retries_are_exhausted_after_the_last_gap_of_the_schedule(settings):
    settings.WEBHOOKS_RETRY_SCHEDULE = [30, 120]
    assert delivery.retry_delay(position=2, retry_after=None, now=NOW) is None


def test_retry_after_never_lets_a_retry_come_sooner_than_asked(settings):
    settings.WEBHOOKS_RETRY_SCHEDULE = [30]
    wait = delivery.retry_delay(position=0, retry_after="600", now=NOW)
    assert wait == timedelta(seconds=600)
    shorter = delivery.retry_delay(position=0, retry_after="1", now=NOW)
    assert shorter >= timedelta(seconds=27)


def test_retry_after_is_capped_at_a_day(settings):
    settings.WEBHOOKS_RETRY_SCHEDULE = [30]
    assert delivery.retry_delay(position=0, retry_after="9999999", now=NOW) == timedelta(days=1)


@pytest.mark.parametrize(
    ("header", "seconds"),
    [
        ("120", 120.0),
        (" 5 ", 5.0),
        ("Mon, 02 Mar 2026 12:10:00 GMT", 600.0),
        ("Mon, 02 Mar 2026 11:00:00 GMT", 0.0),
        ("soon", None),
        ("\u00b2", None),  # superscript two: a digit to str.isdigit, not to float
        ("\u0663", None),  # Arabic-Indic three
        ("", None),
        (None, None),
    ],
)
def test_retry_after_is_read_as_seconds_or_as_an_http_date(header, seconds):
    assert delivery.retry_after_seconds(header, now=NOW) == seconds
