"""`GET /credits` and `GET /api/v1/credits` (seed 002): the shape, the workspace's own numbers,
and the key it needs."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from cases.credits import credits_charge_pages


@pytest.mark.parametrize("path", ["/credits", "/api/v1/credits"])
def test_credits_answer_the_seed_fields(tenant, path):
    tenant.workspace.credits_limit = 100
    tenant.workspace.save()
    credits_charge_pages(workspace=tenant.workspace, pages=7, reference="extraction-job:1")
    response = tenant.client.get(path)
    assert response.status_code == 200
    body = response.json()
    assert set(body) == {
        "credits_remaining",
        "credits_used",
        "credits_limit",
        "period_start",
        "period_end",
        "unit",
    }
    assert (body["credits_remaining"], body["credits_used"], body["credits_limit"]) == (93, 7, 100)
    assert body["unit"] == "page"
    assert body["period_start"] < body["period_end"]


def test_an_unlimited_workspace_answers_null_limit_and_remaining(tenant):
    body = tenant.client.get("/credits").json()
    assert body["credits_limit"] is None
    assert body["credits_remaining"] is None


def test_each_workspace_sees_its_own_credits(tenant, outsider):
    credits_charge_pages(workspace=outsider.workspace, pages=5, reference="x")
    assert tenant.client.get("/credits").json()["credits_used"] == 0
    assert outsider.client.get("/credits").json()["credits_used"] == 5


def test_credits_need_an_api_key(db):
    response = APIClient().get("/credits")
    assert response.status_code == 401
    assert response.json()["error"]["code"]
