"""The credits page: usage for every member (also loaded into the dashboard), limit and period
for admins only, through `cases.credits`."""

from __future__ import annotations

from typing import Any

from django.test import Client

from cases.credits import credits_charge_pages, credits_summary
from cases.models import CreditAccount

PAGE = "/settings/credits/"
SETTINGS = "/settings/credits/settings/"


def htmx(target: str) -> dict[str, Any]:
    return {"HTTP_HX_REQUEST": "true", "HTTP_HX_TARGET": target}


def test_members_see_the_usage_of_the_period(tenant, reviewer_client: Client):
    tenant.workspace.credits_limit = 50
    tenant.workspace.save()
    credits_charge_pages(workspace=tenant.workspace, pages=20, reference="a")
    html = reviewer_client.get(PAGE).content.decode()
    assert "20</span> of 50 pages used" in html
    assert "<strong>30</strong> left" in html
    assert "Only workspace admins can change" in html
    assert 'name="credits_limit"' not in html


def test_the_dashboard_loads_the_usage_region(tenant, reviewer_client: Client):
    dashboard = reviewer_client.get("/").content.decode()
    assert 'hx-get="/settings/credits/"' in dashboard
    fragment = reviewer_client.get(PAGE, **htmx("credits-usage"))
    html = fragment.content.decode()
    assert html.lstrip().startswith('<section id="credits-usage"')
    assert "no limit" in html
    assert "HX-Request" in fragment["Vary"]


def test_no_credits_left_says_new_jobs_are_refused(tenant, admin_client: Client):
    tenant.workspace.credits_limit = 5
    tenant.workspace.save()
    credits_charge_pages(workspace=tenant.workspace, pages=5, reference="a")
    assert "No credits left" in admin_client.get(PAGE).content.decode()


def test_admins_set_the_limit_and_period(tenant, admin_client: Client):
    answer = admin_client.post(
        SETTINGS,
        {"credits_limit": "300", "period": "week", "period_start": "2026-06-01"},
        **htmx("credit-settings"),
    )
    assert answer.status_code == 200
    html = answer.content.decode()
    assert html.lstrip().startswith('<section id="credit-settings"')
    assert "Credit settings saved." in html
    summary = credits_summary(workspace=tenant.workspace)
    assert summary.limit == 300
    assert summary.period == "week"
    assert CreditAccount.objects.get(workspace=tenant.workspace).period_anchor.isoformat() == (
        "2026-06-01T00:00:00+00:00"
    )


def test_an_empty_limit_means_unlimited_and_works_without_javascript(tenant, admin_client):
    tenant.workspace.credits_limit = 10
    tenant.workspace.save()
    answer = admin_client.post(SETTINGS, {"credits_limit": "", "period": "month"})
    assert answer.status_code == 302
    assert answer["Location"] == PAGE
    tenant.workspace.refresh_from_db()
    assert tenant.workspace.credits_limit is None
    assert "Credit settings saved." in admin_client.get(PAGE).content.decode()


def test_a_bad_limit_re_renders_the_form_with_the_error(tenant, admin_client: Client):
    answer = admin_client.post(
        SETTINGS, {"credits_limit": "-4", "period": "month"}, **htmx("credit-settings")
    )
    assert answer.status_code == 200
    assert 'role="alert"' in answer.content.decode()
    assert credits_summary(workspace=tenant.workspace).limit is None


def test_reviewers_may_not_change_the_settings(tenant, reviewer_client: Client):
    answer = reviewer_client.post(SETTINGS, {"credits_limit": "1", "period": "day"})
    assert answer.status_code == 403
    assert credits_summary(workspace=tenant.workspace).limit is None


def test_another_workspaces_member_sees_their_own_credits(tenant, outsider, outsider_client):
    credits_charge_pages(workspace=tenant.workspace, pages=9, reference="a")
    html = outsider_client.get(PAGE).content.decode()
    assert "0</span> pages processed" in html


def test_signed_out_visitors_are_sent_to_sign_in(db):
    answer = Client().get(PAGE)
    assert answer.status_code == 302
    assert "/login/" in answer["Location"]
