"""The case page's Files section: the case's uploads and artifacts (the list the API's seed-001
file search answers), searchable, each downloadable by the case's members.

`/cases/{case_id}/files/` renders the section (the case page loads it); `…/files/{file_id}/`
streams one file (an attachment; `?inline=1` opens PDFs, images and text in the browser).
The list and the artifacts come from `cases.selectors.case_file_list` and
`extraction.artifacts`, as for the API; no rule lives here.
"""

from __future__ import annotations

from typing import cast

from django.http import Http404, HttpResponse
from django.views.decorators.http import require_GET

from cases import files
from cases import selectors as case_selectors
from cases.errors import DomainError, NotFound
from cases.files_api import file_response
from cases.models import Case
from extraction.artifacts import case_artifacts_refresh
from review.access import access_follow, current_access, member_required
from review.case_views import document_rejected
from review.fragments import HtmxHttpRequest, render_region

TEMPLATE = "cases/case_files.html"


def _case(request: HtmxHttpRequest, case_id: str) -> Case:
    try:
        case = case_selectors.case_get_for_member(
            workspaces=current_access(request).workspaces, public_id=case_id
        )
    except NotFound as exc:
        raise Http404(exc.message) from None
    access_follow(request, case.workspace)
    return case


@require_GET
@member_required
def case_files(request: HtmxHttpRequest, case_id: str) -> HttpResponse:
    case = _case(request, case_id)
    query = request.GET.get("q", "").strip()[:200]
    case_artifacts_refresh(case=case)
    rows = case_selectors.case_file_list(case=case, query=query)
    context = {
        "case": case,
        "rows": rows,
        "rejected_files": {
            row.stored.public_id for row in rows if row.document and document_rejected(row.document)
        },
        "q": query,
        "inline_types": files.INLINE_SAFE_TYPES,
    }
    return render_region(request, TEMPLATE, context, partial="case-files")


@require_GET
@member_required
def case_file_download(request: HtmxHttpRequest, case_id: str, file_id: str) -> HttpResponse:
    case = _case(request, case_id)
    try:
        stored = files.case_file_get(case=case, file_id=file_id)
        # A streamed FileResponse; `member_required` passes any response through.
        return cast(HttpResponse, file_response(stored, download=request.GET.get("inline") != "1"))
    except DomainError as error:
        raise Http404(error.message) from None
