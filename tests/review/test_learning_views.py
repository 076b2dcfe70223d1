"""The learning pages: per case type figures and layouts for workspace admins, reset by POST."""

from __future__ import annotations

from django.test import Client

from extraction.learning.models import Layout, LayoutPosition
from tests.extraction.learning.test_api import _learned


def test_admins_see_what_was_learned_per_case_type(tenant, invoice_type, admin_client: Client):
    _learned(invoice_type)
    index = admin_client.get("/settings/learning/")
    assert index.status_code == 200
    assert invoice_type.name in index.content.decode()
    page = admin_client.get(f"/settings/learning/{invoice_type.public_id}/")
    assert page.status_code == 200
    html = page.content.decode()
    for text in (
        "Automation rate",
        "Estimated error among released fields",
        "ACME GmbH",
        "losing trust",
        "Reliability table",
        "global",
    ):
        assert text in html
    assert 'href="/settings/learning/"' in html  # nav link for admins


def test_reviewers_may_not_see_or_reset_learning(tenant, invoice_type, reviewer_client: Client):
    _, layout = _learned(invoice_type)
    assert reviewer_client.get(f"/settings/learning/{invoice_type.public_id}/").status_code == 403
    url = f"/settings/learning/{invoice_type.public_id}/layouts/{layout.public_id}/reset/"
    assert reviewer_client.post(url).status_code == 403
    assert Layout.objects.exists()


def test_an_admin_resets_a_layout(tenant, invoice_type, admin_client: Client):
    _, layout = _learned(invoice_type)
    url = f"/settings/learning/{invoice_type.public_id}/layouts/{layout.public_id}/reset/"
    response = admin_client.post(url, follow=True)
    assert response.status_code == 200
    assert "Layout forgotten" in response.content.decode()
    assert not Layout.objects.exists()
    assert not LayoutPosition.objects.exists()


def test_resetting_an_unknown_layout_says_so(tenant, invoice_type, admin_client: Client):
    url = f"/settings/learning/{invoice_type.public_id}/layouts/layout__nope/reset/"
    response = admin_client.post(url, follow=True)
    assert "No layout layout__nope" in response.content.decode()


def test_another_workspaces_case_type_is_not_found(tenant, outsider, admin_client: Client):
    from tests import factories

    other = factories.demo_case_type(outsider.workspace, "invoice")
    assert admin_client.get(f"/settings/learning/{other.public_id}/").status_code == 404
