"""Case pages of the browser UI: the searchable case list and one case with its documents,
stage, assignee and history.

Changing the stage or the assignee calls `cases.services.case_update` with the signed-in user
as actor, the same service the case API calls, so the audit row and the `case.updated` webhook
come from one place. The documents region polls itself while a document is not terminal (often
while a worker reads it, seldom while it waits for a person) and announces when reading has
settled; the summary and history regions refresh on that and when the case changes. Reads go
through selectors only.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from cases import selectors as case_selectors
from cases.actors import Actor
from cases.errors import Conflict, NotFound, ValidationFailed
from cases.models import Case, CaseType, Document
from extraction.models import REJECTED_CODE, ExtractionJob
from extraction.selectors import case_document_list
from extraction.services import case_extraction_start
from review import services
from review.access import access_follow, current_access, member_required
from review.forms import CaseFilterForm, CaseUpdateForm
from review.fragments import HtmxHttpRequest, htmx_target, render_region
from review.history import history_entries
from review.views import member_choices

CASE_PAGE_SIZE = 25
CASE_REGIONS = ("case-summary", "case-documents", "case-history")
CASE_UPDATED = "case-updated"
DOCUMENTS_SETTLED = "case-documents-settled"
ACTIVE_STATUSES = {Document.Status.QUEUED, Document.Status.PROCESSING}
POLL_ACTIVE = "every 3s"
"""While a worker reads a document, its progress is polled often."""
POLL_WAITING = "every 15s"
"""A document waiting for a person (uploaded, held for review) changes rarely."""
DOCUMENT_NOTES = {
    Document.Status.UPLOADED: "Stored; extraction not started",
    Document.Status.REVIEW_REQUIRED: "Waiting for a reviewer",
    Document.Status.PROCESSED: "Result released",
}
STATUS_LABELS = {
    **dict(Document.Status.choices),
    "empty": "No documents",
    "rejected": "Rejected",
}


def document_rejected(document: Document) -> bool:
    """A reviewer rejected it: failed with REVIEW_REJECTED, said "Rejected" rather than
    "Failed" (nothing went wrong reading it)."""
    return document.status == Document.Status.FAILED and document.error_code == REJECTED_CODE


def case_status_shown(case: Case) -> str:
    """`cases.selectors.case_status`, with "rejected" for a failed case whose failed documents
    were all rejected by a reviewer."""
    status = case_selectors.case_status(case)
    failed = [d for d in case.documents.all() if d.status == Document.Status.FAILED]
    if status == "failed" and all(document_rejected(d) for d in failed):
        return "rejected"
    return status


@dataclass(frozen=True)
class DocumentRow:
    """A document of the case page with its latest job and what to show about it."""

    document: Document
    job: ExtractionJob | None

    @property
    def in_progress(self) -> bool:
        return self.document.status in ACTIVE_STATUSES

    @property
    def reviewable(self) -> bool:
        return self.document.status == Document.Status.REVIEW_REQUIRED

    @property
    def failed(self) -> bool:
        return self.document.status == Document.Status.FAILED and not self.rejected

    @property
    def rejected(self) -> bool:
        return document_rejected(self.document)

    @property
    def status(self) -> str:
        return "rejected" if self.rejected else self.document.status

    @property
    def status_label(self) -> str:
        return STATUS_LABELS.get(self.status, self.document.get_status_display())

    @property
    def note(self) -> str:
        """One line about where the document stands when it is not being read."""
        return DOCUMENT_NOTES.get(self.document.status, "")

    @property
    def steps(self) -> list[tuple[str, str]]:
        steps = self.job.steps if self.job is not None else {}
        pending = ExtractionJob.StepState.PENDING
        return [(step, steps.get(step, pending)) for step in ExtractionJob.Step]


@dataclass(frozen=True)
class CaseRow:
    case: Case
    status: str
    status_label: str
    document_count: int


@require_GET
@member_required
def case_list(request: HtmxHttpRequest) -> HttpResponse:
    workspace = current_access(request).workspace
    case_types = list(case_selectors.case_type_list(workspace=workspace))
    form = _case_filter_form(request, case_types, member_choices(workspace))
    filters = form.cleaned_data if form.is_valid() else {}
    cases = case_selectors.case_list(
        workspace=workspace,
        case_type=next((ct for ct in case_types if ct.public_id == filters.get("case_type")), None),
        stage_ids=[filters["stage"]] if filters.get("stage") else (),
        assignee_ids=[filters["assignee"]] if filters.get("assignee") else (),
        search=(filters.get("q") or "").strip(),
        sort_by="modified_date.desc",
    )
    page = Paginator(cases, CASE_PAGE_SIZE).get_page(request.GET.get("page"))
    rows = [_case_row(case) for case in page.object_list]
    context = {"section": "cases", "form": form, "page": page, "rows": rows}
    return render_region(request, "cases/case_list.html", context, regions=["case-list"])


def _case_filter_form(
    request: HtmxHttpRequest, case_types: list[CaseType], members: list[tuple[str, str]]
) -> CaseFilterForm:
    return CaseFilterForm(
        request.GET or None,
        case_types=[(ct.public_id, ct.name) for ct in case_types],
        stages=[
            (stage.public_id, f"{ct.name} · {stage.name}")
            for ct in case_types
            for stage in ct.stages.all()
        ],
        members=members,
    )


def _case_row(case: Case) -> CaseRow:
    status = case_status_shown(case)
    return CaseRow(
        case=case,
        status=status,
        status_label=STATUS_LABELS.get(status, status),
        document_count=len(case.documents.all()),
    )


def _case(request: HtmxHttpRequest, case_id: str) -> Case:
    try:
        case = case_selectors.case_get_for_member(
            workspaces=current_access(request).workspaces, public_id=case_id
        )
    except NotFound as exc:
        raise Http404(exc.message) from None
    access_follow(request, case.workspace)
    return case


@require_http_methods(["GET", "POST"])
@member_required
def case_detail(request: HtmxHttpRequest, case_id: str) -> HttpResponse:
    """The case page; a POST changes its stage and assignee."""
    case = _case(request, case_id)
    stages = [(stage.public_id, stage.name) for stage in case.case_type.stages.all()]
    members = member_choices(case.workspace)
    trigger = None
    if request.method == "POST":
        form = CaseUpdateForm(request.POST, stages=stages, members=members)
        if form.is_valid() and _case_change(request, case, form):
            if htmx_target(request) is None:
                return redirect("review:case-detail", case_id=case.public_id)
            case = _case(request, case_id)
            form = _update_form(case, stages, members)
            trigger = CASE_UPDATED
    else:
        form = _update_form(case, stages, members)
    context = _case_context(request, case, form, names=dict(stages + members))
    if context["documents_settled"]:
        trigger = DOCUMENTS_SETTLED
    return render_region(
        request, "cases/case_detail.html", context, regions=CASE_REGIONS, trigger=trigger
    )


def _case_context(
    request: HtmxHttpRequest, case: Case, form: CaseUpdateForm, *, names: dict[str, str]
) -> dict[str, Any]:
    """The case page's context."""
    return {
        "section": "cases",
        "case": case,
        "case_url": reverse("review:case-detail", args=[case.public_id]),
        "status_label": STATUS_LABELS.get(case_status_shown(case), ""),
        "form": form,
        **_documents_context(request, case),
        "history": history_entries(case_selectors.case_history(case=case), names=names),
    }


def _documents_context(request: HtmxHttpRequest, case: Case) -> dict[str, Any]:
    """The documents region: its rows, how often it polls itself (often while a worker reads
    a document, seldom while one waits for a person), and `documents_settled` when a polling
    region sees that no document is being read any more."""
    documents = [
        DocumentRow(document=document, job=next(iter(document.job_list), None))
        for document in case_document_list(case=case)
    ]
    active = any(row.in_progress for row in documents)
    waiting = any(not row.document.is_terminal for row in documents)
    polled = bool(request.GET.get("active")) and htmx_target(request) == "case-documents"
    return {
        "documents": documents,
        "documents_active": active,
        "documents_settled": polled and not active,
        "documents_poll": POLL_ACTIVE if active else POLL_WAITING if waiting else "",
        "documents_uploaded": any(
            row.document.status == Document.Status.UPLOADED for row in documents
        ),
    }


@require_POST
@member_required
def case_extraction_start_view(request: HtmxHttpRequest, case_id: str) -> HttpResponse:
    """Start extraction of the documents stored without it; back to the case page."""
    case = _case(request, case_id)
    try:
        started = case_extraction_start(case=case, actor=Actor(user=request.user))
    except Conflict as exc:
        messages.info(request, exc.message)
    else:
        messages.success(request, f"Extraction started for {len(started)} document(s).")
    return redirect("review:case-detail", case_id=case.public_id)


def _update_form(case: Case, stages: list, members: list) -> CaseUpdateForm:
    initial = {
        "stage": case.stage.public_id,
        "assigned_to": case.assigned_to.public_id if case.assigned_to else "",
    }
    return CaseUpdateForm(initial=initial, stages=stages, members=members)


def _case_change(request: HtmxHttpRequest, case: Case, form: CaseUpdateForm) -> bool:
    """Apply the form through `review.services.case_reassign`; False (with the form's error)
    if refused."""
    try:
        changes = services.case_reassign(
            case=case,
            actor=Actor(user=request.user),
            stage_id=form.cleaned_data["stage"],
            assignee_id=form.cleaned_data["assigned_to"],
            past_review_confirmed=form.cleaned_data["past_review"],
        )
    except (ValidationFailed, NotFound, Conflict) as exc:
        form.add_error(None, exc.message)
        form.held_warning = exc.code == "HELD_FOR_REVIEW"
        return False
    if htmx_target(request) is None:
        messages.success(request, "Case updated." if changes else "Nothing changed.")
    return True
