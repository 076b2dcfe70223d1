"""What Casefile learned, in the app (SPEC §9): a page per case type for workspace admins.

Automation rate per week, the estimated error among released fields, the reliability table from
reviewers' verdicts, the known layouts with their track record and a reset button per layout.
The figures come from `extraction.learning.selectors` (the API answers the same), the reset from
`extraction.learning.services.layout_reset`.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from cases import selectors as case_selectors
from cases.actors import Actor
from cases.errors import NotFound
from cases.models import CaseType
from extraction.learning import selectors, services
from review.access import admin_required, current_access, member_required
from review.fragments import HtmxHttpRequest


@member_required
@admin_required
@require_GET
def learning_index(request: HtmxHttpRequest) -> HttpResponse:
    workspace = current_access(request).workspace
    case_types = case_selectors.case_type_list(workspace=workspace)
    rows = [
        (case_type, selectors.learning_summary(case_type=case_type, weeks=4))
        for case_type in case_types
    ]
    return render(request, "learning/index.html", {"section": "learning", "rows": rows})


@member_required
@admin_required
@require_GET
def casetype_learning(request: HtmxHttpRequest, casetype_id: str) -> HttpResponse:
    case_type = _case_type(request, casetype_id)
    summary = selectors.learning_summary(case_type=case_type)
    return render(
        request,
        "learning/casetype.html",
        {"section": "learning", "case_type": case_type, "summary": summary},
    )


@member_required
@admin_required
@require_POST
def layout_reset(request: HtmxHttpRequest, casetype_id: str, layout_id: str) -> HttpResponse:
    case_type = _case_type(request, casetype_id)
    try:
        services.layout_reset(
            case_type=case_type,
            layout_id=layout_id,
            actor=Actor(user=request.user),  # type: ignore[arg-type]
        )
    except NotFound as error:
        messages.error(request, error.message)
    else:
        messages.success(request, "Layout forgotten: its next document is read as a new one.")
    return redirect("review:casetype-learning", casetype_id=case_type.public_id)


def _case_type(request: HtmxHttpRequest, casetype_id: str) -> CaseType:
    try:
        return case_selectors.case_type_get(
            workspace=current_access(request).workspace, public_id=casetype_id
        )
    except NotFound as error:
        raise Http404(error.message) from None
