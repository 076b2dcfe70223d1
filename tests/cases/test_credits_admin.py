"""Credits in the admin: the workspace page sets the limit and the period, the list shows the
usage, and the charges are listed read-only."""

from __future__ import annotations

import pytest
from django.urls import reverse

from cases.credits import credits_charge_pages
from cases.models import CreditAccount, CreditCharge, Membership


@pytest.fixture
def superuser_client(client, tenant):
    tenant.admin.is_staff = tenant.admin.is_superuser = True
    tenant.admin.save()
    client.force_login(tenant.admin)
    return client


def test_the_workspace_list_shows_pages_used_this_period(superuser_client, tenant):
    tenant.workspace.credits_limit = 40
    tenant.workspace.save()
    credits_charge_pages(workspace=tenant.workspace, pages=12, reference="a")
    response = superuser_client.get(reverse("admin:cases_workspace_changelist"))
    assert "12 of 40" in response.content.decode()


def test_the_workspace_page_sets_limit_and_period(superuser_client, tenant):
    workspace = tenant.workspace
    memberships = list(Membership.objects.filter(workspace=workspace).order_by("pk"))
    data = {
        "name": workspace.name,
        "slug": workspace.slug,
        "credits_limit": "250",
        "memberships-TOTAL_FORMS": str(len(memberships)),
        "memberships-INITIAL_FORMS": str(len(memberships)),
        "memberships-MIN_NUM_FORMS": "0",
        "memberships-MAX_NUM_FORMS": "1000",
        "credit_account-TOTAL_FORMS": "1",
        "credit_account-INITIAL_FORMS": "0",
        "credit_account-MIN_NUM_FORMS": "0",
        "credit_account-MAX_NUM_FORMS": "1",
        "credit_account-0-period": "week",
        "credit_account-0-period_anchor_0": "2026-06-01",
        "credit_account-0-period_anchor_1": "00:00:00",
    }
    for index, membership in enumerate(memberships):
        data[f"memberships-{index}-id"] = str(membership.pk)
        data[f"memberships-{index}-workspace"] = str(workspace.pk)
        data[f"memberships-{index}-user"] = str(membership.user_id)
        data[f"memberships-{index}-role"] = membership.role
    url = reverse("admin:cases_workspace_change", args=[workspace.pk])
    response = superuser_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    workspace.refresh_from_db()
    assert workspace.credits_limit == 250
    account = CreditAccount.objects.get(workspace=workspace)
    assert account.period == "week"
    assert account.period_anchor.date().isoformat() == "2026-06-01"


def test_charges_are_listed_but_not_editable(superuser_client, tenant):
    credits_charge_pages(workspace=tenant.workspace, pages=3, reference="extraction-job:abc")
    charge = CreditCharge.objects.get()
    listing = superuser_client.get(reverse("admin:cases_creditcharge_changelist"))
    assert "extraction-job:abc" in listing.content.decode()
    assert superuser_client.get(reverse("admin:cases_creditcharge_add")).status_code == 403
    page = superuser_client.get(reverse("admin:cases_creditcharge_change", args=[charge.pk]))
    assert page.status_code == 200
    assert b'name="pages"' not in page.content
