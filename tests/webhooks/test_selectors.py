"""Reads of `webhooks.selectors` the settings page renders, scoped to one workspace."""

from __future__ import annotations

import pytest

from cases.errors import NotFound
from webhooks import selectors, services

pytestmark = pytest.mark.django_db


def _publish(tenant, times: int) -> None:
    for number in range(times):
        services.event_publish(
            workspace=tenant.workspace,
            event_type=services.EventType.EXTRACTION_COMPLETED,
            data={"job_id": f"job-{number}"},
        )


def test_delivery_log_is_the_newest_deliveries_and_the_total(tenant, outsider):
    endpoint = services.endpoint_create(workspace=tenant.workspace, url="https://a.example.com")
    services.endpoint_create(workspace=outsider.workspace, url="https://b.example.com")
    _publish(tenant, 3)
    _publish(outsider, 1)

    log = selectors.delivery_log(endpoint=endpoint, limit=2)

    newest = list(selectors.delivery_list(endpoint=endpoint))[:2]
    assert log.deliveries == newest
    assert log.total == 3
    assert {delivery.endpoint_id for delivery in log.deliveries} == {endpoint.pk}


def test_endpoint_get_cannot_see_another_workspaces_endpoint(tenant, outsider):
    mine = services.endpoint_create(workspace=tenant.workspace, url="https://a.example.com")
    theirs = services.endpoint_create(workspace=outsider.workspace, url="https://b.example.com")

    assert selectors.endpoint_get(workspace=tenant.workspace, public_id=mine.public_id) == mine
    with pytest.raises(NotFound):
        selectors.endpoint_get(workspace=tenant.workspace, public_id=theirs.public_id)
