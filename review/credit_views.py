"""The credits page (`/settings/credits/`): page credits used in the current period, and, for
workspace admins, the limit and how periods run.

Every member may see the usage (the dashboard loads its `credits-usage` region); only admins
may change the settings (`admin_required`, 403 for reviewers). The change goes through
`cases.credits.credits_settings_update`, the same service the admin's rules follow, so no rule
lives here; the form checks shape only.
"""

from __future__ import annotations

from datetime import UTC, datetime, time
from typing import Any

from django import forms
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_GET, require_POST

from cases.credits import MAX_LIMIT, CreditSummary, credits_settings_update, credits_summary
from cases.errors import DomainError
from cases.models import CreditAccount
from review.access import admin_required, current_access, member_required
from review.fragments import HtmxHttpRequest, render_region

TEMPLATE = "settings/credits.html"
REGIONS = ("credits-usage", "credit-settings")


class CreditSettingsForm(forms.Form):
    credits_limit = forms.IntegerField(
        label="Pages per period",
        required=False,
        min_value=0,
        max_value=MAX_LIMIT,
        help_text="Empty: unlimited. A job that would go past it is refused (402).",
    )
    period = forms.ChoiceField(label="Period", choices=CreditAccount.Period.choices)
    period_start = forms.DateField(
        label="Periods start on",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text="Empty: keep the current start. Periods follow it back to back (UTC).",
    )


@require_GET
@member_required
def credits_page(request: HtmxHttpRequest) -> HttpResponse:
    return _render(request)


@require_POST
@member_required
@admin_required
def credit_settings_update(request: HtmxHttpRequest) -> HttpResponse:
    workspace = current_access(request).workspace
    form = CreditSettingsForm(request.POST)
    if form.is_valid():
        start = form.cleaned_data["period_start"]
        try:
            credits_settings_update(
                workspace=workspace,
                limit=form.cleaned_data["credits_limit"],
                period=form.cleaned_data["period"],
                period_anchor=datetime.combine(start, time.min, tzinfo=UTC) if start else None,
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            if not request.htmx:
                messages.success(request, "Credit settings saved.")
                return redirect("review:credits")
            return _render(request, notice="Credit settings saved.", region="credit-settings")
    return _render(request, form=form, region="credit-settings")


def _render(
    request: HtmxHttpRequest,
    *,
    form: CreditSettingsForm | None = None,
    notice: str = "",
    region: str | None = None,
) -> HttpResponse:
    access = current_access(request)
    summary = credits_summary(workspace=access.workspace)
    context: dict[str, Any] = {
        "section": "settings",
        "summary": summary,
        "is_admin": access.is_admin,
        "form": form or _form_for(summary),
        "notice": notice,
    }
    return render_region(
        request, TEMPLATE, context, regions=REGIONS, partial=region if request.htmx else None
    )


def _form_for(summary: CreditSummary) -> CreditSettingsForm:
    return CreditSettingsForm(
        initial={
            "credits_limit": summary.limit,
            "period": summary.period,
            "period_start": summary.period_start.date(),
        }
    )
