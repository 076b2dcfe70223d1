"""The conversion pages (seed 004 in the browser): upload a PDF, convert it, download the result.

`/settings/conversions/` lists the workspace's conversions (newest first, refreshing itself
while any is running) under an upload form; each case page loads its own conversions section
(`/cases/{case_id}/conversions/`), which converts a document of the case. Downloads go through
`/settings/conversions/{job_id}/download/`, for members of the job's workspace. Jobs are
created by `extraction.conversion.services`, the same services as the API; no rule lives here.
"""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_GET, require_http_methods

from cases import files
from cases import selectors as case_selectors
from cases.actors import Actor
from cases.errors import DomainError, NotFound
from cases.files_api import file_response
from cases.models import Case
from extraction.conversion import selectors, services
from extraction.conversion.converters import ENGINES
from extraction.conversion.models import ConversionJob
from review.access import access_follow, current_access, member_required
from review.fragments import HtmxHttpRequest, render_region

PAGE_TEMPLATE = "conversion/conversions.html"
CASE_TEMPLATE = "conversion/case_conversions.html"
REGIONS = ("conversion-jobs", "conversion-form")
POLL = "every 2s"


def target_choices() -> list[tuple[str, str]]:
    """`engine:format` pairs, e.g. ("tables:xlsx", "Excel workbook (tables)")."""
    labels = {
        "docx": "Word document (.docx)",
        "xlsx": "Excel workbook of the tables (.xlsx)",
        "csv": "CSV of the tables (.csv)",
        "md": "Markdown (.md)",
        "txt": "Plain text (.txt)",
    }
    return [
        (f"{engine.id}:{fmt}", f"{labels[fmt]} · {engine.id}")
        for engine in ENGINES.values()
        for fmt in engine.output_formats
    ]


class ConversionForm(forms.Form):
    file = forms.FileField(label="PDF file", help_text="A PDF; scanned pages are OCR'd.")
    target = forms.ChoiceField(label="Convert to", choices=target_choices)


class CaseConversionForm(forms.Form):
    document = forms.ChoiceField(label="Document")
    target = forms.ChoiceField(label="Convert to", choices=target_choices)

    def __init__(self, *args: Any, documents: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["document"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = documents


def _refused(request: HtmxHttpRequest) -> int:
    """400 for a plain form post; 200 for htmx, which swaps only successful answers, so the
    form comes back with its errors in place."""
    return 200 if request.htmx else 400


def _split(target: str) -> tuple[str, str]:
    engine, _, output_format = target.partition(":")
    return engine, output_format


def _page_context(request: HtmxHttpRequest, form: ConversionForm, **extra: Any) -> dict:
    jobs = selectors.conversion_job_list(workspace=current_access(request).workspace)
    return {
        "section": "conversions",
        "form": form,
        "jobs": jobs,
        "poll": POLL if selectors.any_active(jobs) else "",
        **extra,
    }


@require_http_methods(["GET", "POST"])
@member_required
def conversions(request: HtmxHttpRequest) -> HttpResponse:
    """The page; a POST uploads a PDF and starts its conversion."""
    form, created = ConversionForm(), None
    if request.method == "POST":
        form = ConversionForm(request.POST, request.FILES)
        created = _upload_convert(request, form)
        if created is not None and not request.htmx:
            return redirect("review:conversions")
    status = _refused(request) if request.method == "POST" and created is None else 200
    if created is not None:
        form = ConversionForm()
    context = _page_context(request, form, created=created)
    return render_region(request, PAGE_TEMPLATE, context, regions=REGIONS, status=status)


def _upload_convert(request: HtmxHttpRequest, form: ConversionForm) -> ConversionJob | None:
    """The job the upload form started, or None with the errors on the form."""
    if not form.is_valid():
        return None
    upload = form.cleaned_data["file"]
    engine, output_format = _split(form.cleaned_data["target"])
    try:
        return services.conversion_job_create_from_upload(
            workspace=current_access(request).workspace,
            actor=Actor(user=request.user),  # type: ignore[arg-type]
            engine=engine,
            output_format=output_format,
            filename=upload.name,
            content=upload.read(),
        )
    except DomainError as error:
        form.add_error("file", error.message.removeprefix("file: "))
        return None


@require_GET
@member_required
def conversion_download(request: HtmxHttpRequest, job_id: str) -> HttpResponse:
    try:
        job = selectors.conversion_job_for_member(
            workspaces=current_access(request).workspaces, job_id=job_id
        )
        if job.output_file is None:
            raise NotFound("This conversion has no output yet.")
        stored = files.file_get(workspace=job.workspace, file_id=job.output_file.public_id)
        # A streamed FileResponse; `member_required` passes any response through.
        return cast(HttpResponse, file_response(stored, download=True))
    except DomainError as error:
        raise Http404(error.message) from None


def _case(request: HtmxHttpRequest, case_id: str) -> Case:
    try:
        case = case_selectors.case_get_for_member(
            workspaces=current_access(request).workspaces, public_id=case_id
        )
    except NotFound as exc:
        raise Http404(exc.message) from None
    access_follow(request, case.workspace)
    return case


def _case_documents(case: Case) -> list[tuple[str, str]]:
    return [
        (document.file.public_id, document.filename)
        for document in case.documents.select_related("file").order_by("created_at")
        if document.file.media_type == "application/pdf" and document.file.deleted_at is None
    ]


@require_http_methods(["GET", "POST"])
@member_required
def case_conversions(request: HtmxHttpRequest, case_id: str) -> HttpResponse:
    """The case page's conversions section; a POST converts one of the case's PDFs."""
    case = _case(request, case_id)
    documents = _case_documents(case)
    form, status = CaseConversionForm(documents=documents), 200
    if request.method == "POST":
        form = CaseConversionForm(request.POST, documents=documents)
        if _case_convert(request, case, form):
            if not request.htmx:
                return redirect("review:case-detail", case_id=case.public_id)
            form = CaseConversionForm(documents=documents)
        else:
            status = _refused(request)
    jobs = selectors.conversion_job_list(workspace=case.workspace, case=case)
    context = {
        "case": case,
        "form": form,
        "jobs": jobs,
        "has_documents": bool(documents),
        "poll": POLL if selectors.any_active(jobs) else "",
    }
    return render_region(request, CASE_TEMPLATE, context, partial="case-conversions", status=status)


def _case_convert(request: HtmxHttpRequest, case: Case, form: CaseConversionForm) -> bool:
    """Whether the form started a conversion of one of the case's documents (else its errors
    are on the form)."""
    if not form.is_valid():
        return False
    engine, output_format = _split(form.cleaned_data["target"])
    try:
        services.conversion_job_create(
            workspace=case.workspace,
            actor=Actor(user=request.user),  # type: ignore[arg-type]
            engine=engine,
            output_format=output_format,
            file_id=form.cleaned_data["document"],
            case=case,
        )
    except DomainError as error:
        form.add_error("document", error.message.removeprefix("file_id: "))
        return False
    return True
