"""The reviewer's pages: dashboard, workspace switch, review queue, the review page with its
field decisions, and the page images it draws boxes on.

Short function views: check the method and the member (`review.access`), parse with a form, call
one service or selector, render the page or, for htmx, the region named by `HX-Target`
(`review.fragments`, on django-htmx's `request.htmx`; a redirect after an htmx action is its
`HttpResponseClientRedirect`). Decisions go through `review.services` with the signed-in user as
actor, exactly as the review API does; a refused value re-renders its field with the message
(status 200). Every action is a plain form post first, so the UI works without JavaScript.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, cast

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import (
    FileResponse,
    Http404,
    HttpResponse,
    HttpResponseBadRequest,
    JsonResponse,
    QueryDict,
)
from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST

from cases import selectors as case_selectors
from cases.actors import Actor
from cases.errors import Conflict, DomainError, InvalidTransition, NotFound, ValidationFailed
from cases.models import Document, User, Workspace
from review import bulk, claims, page_images, selectors, services
from review.access import access_follow, current_access, member_required, workspace_select
from review.field_rows import FieldError, field_view_for, review_view_build
from review.forms import (
    REJECT_REASONS,
    BulkActionForm,
    ClaimForm,
    FieldDecisionForm,
    QueueFilterForm,
    RejectForm,
    RowChangeForm,
    WorkspaceSwitchForm,
)
from review.fragments import (
    HtmxHttpRequest,
    client_redirect,
    event_announce,
    htmx_target,
    render_region,
)

REVIEW_TEMPLATE = "review/document_review.html"
REVIEW_REGIONS = ("doc-actions", "field-list")
FIELDS_CHANGED = "fields-changed"
ZOOM_LEVELS = (50, 75, 100, 150, 200)
STALE_STATUS = 409
"""A decision on a document that is no longer held (someone else approved or rejected it)."""
OTHERS_HEADER = "X-Review-Others"
"""Decisions others took on the document, on every decision answer: the page compares it with
the count it was rendered with, and says so when someone else changed the document."""
IMAGE_VIEWPORT_SHARE = 60
"""Percent of the window a page image is wide at 100% zoom (its `sizes`, for `srcset`)."""
QUEUE_PAGE_SIZE = 50
SECTION_ROOTS = {"dashboard", "queue", "case-list", "api-settings"}
PAGE_CACHE_CONTROL = "private, max-age=604800"


def member_choices(workspace: Workspace) -> list[tuple[str, str]]:
    members = case_selectors.workspace_member_list(workspace=workspace)
    return [(user.public_id, user.get_username()) for user in members]


# --- Dashboard and workspace --------------------------------------------------------------


@require_GET
@member_required
def dashboard(request: HtmxHttpRequest) -> HttpResponse:
    workspace = current_access(request).workspace
    queue = selectors.review_queue(workspaces=[workspace])
    context = {
        "section": "dashboard",
        "status_counts": selectors.document_status_counts_shown(workspace=workspace),
        "stage_counts": case_selectors.case_stage_counts(workspace=workspace),
        "queue_status": Document.Status.REVIEW_REQUIRED,
        "queue_count": queue.count(),
        "oldest": queue.first(),
    }
    return render_region(request, "review/dashboard.html", context)


@require_POST
@member_required
def workspace_switch(request: HtmxHttpRequest) -> HttpResponse:
    """Make another of the member's workspaces current; stay in the same section."""
    access = current_access(request)
    choices = [(m.workspace.public_id, m.workspace.name) for m in access.memberships]
    form = WorkspaceSwitchForm(request.POST, workspaces=choices)
    if not form.is_valid():
        raise Http404("No such workspace.")
    workspace_select(request, public_id=form.cleaned_data["workspace"])
    return redirect(_section_root(request, form.cleaned_data["next"]))


def _section_root(request: HtmxHttpRequest, path: str) -> str:
    """`path` if it is a section's list page; a detail page of the old workspace is not."""
    if path and url_has_allowed_host_and_scheme(path, allowed_hosts={request.get_host()}):
        try:
            match = resolve(path.split("?")[0])
        except Resolver404:
            match = None
        if match is not None and match.url_name in SECTION_ROOTS:
            return reverse(f"review:{match.url_name}")
    return reverse("review:dashboard")


# --- Queue --------------------------------------------------------------------------------


def _queue_form(request: HtmxHttpRequest, data: Any) -> QueueFilterForm:
    workspace = current_access(request).workspace
    return QueueFilterForm(
        data or None,
        case_types=[
            (ct.public_id, ct.name) for ct in case_selectors.case_type_list(workspace=workspace)
        ],
        members=member_choices(workspace),
    )


def _queue_documents(request: HtmxHttpRequest, form: QueueFilterForm) -> QuerySet[Document]:
    """The queue as the filter form asks for it ("mine": the cases assigned to the reader)."""
    filters = form.cleaned_data if form.is_valid() else {}
    scope = filters.get("scope")
    return selectors.review_queue(
        workspaces=[current_access(request).workspace],
        case_type_id=filters.get("case_type") or None,
        assignee_id=(
            cast("User", request.user).public_id
            if scope == "mine"
            else filters.get("assignee") or None
        ),
        unassigned=scope == "unassigned",
        search=filters.get("q") or "",
        sort=filters.get("sort") or "oldest",
    )


QUEUE_FILTERS_SESSION = "casefile_queue_filters"
QUEUE_FILTER_NAMES = ("q", "scope", "case_type", "assignee", "sort")


def _queue_remember(request: HtmxHttpRequest, data: Any) -> None:
    """Keep the filters the reviewer works under: the review page's next document, skip and
    "3 of 12" follow them (the session is the only place this is kept)."""
    request.session[QUEUE_FILTERS_SESSION] = {
        name: data.get(name) for name in QUEUE_FILTER_NAMES if data.get(name)
    }


def _remembered_queue(request: HtmxHttpRequest) -> QuerySet[Document]:
    """The queue under the filters the reviewer last used on the queue page."""
    return _queue_documents(
        request, _queue_form(request, request.session.get(QUEUE_FILTERS_SESSION) or {})
    )


@require_GET
@member_required
def queue(request: HtmxHttpRequest) -> HttpResponse:
    form = _queue_form(request, request.GET)
    _queue_remember(request, request.GET)
    documents = _queue_documents(request, form)
    page = Paginator(documents, QUEUE_PAGE_SIZE).get_page(request.GET.get("page"))
    workspace = current_access(request).workspace
    context = {
        "section": "queue",
        "form": form,
        "page": page,
        "start_document": None
        if request.htmx  # the list alone: the start link is outside it
        else selectors.review_queue_unclaimed(documents=documents, user=request.user).first(),
        "rows": selectors.queue_rows(
            page.object_list, user=request.user, sla_hours=settings.REVIEW_SLA_HOURS
        ),
        "sla_hours": settings.REVIEW_SLA_HOURS,
        "bulk_form": BulkActionForm(members=member_choices(workspace)),
        "filters": request.GET.urlencode(),
    }
    return render_region(request, "review/queue.html", context, regions=["queue-list"])


@require_POST
@member_required
def queue_start(request: HtmxHttpRequest) -> HttpResponse:
    """ "Start reviewing": claim the next document nobody is reviewing among those the queue's
    filters (posted along) show, and open it."""
    documents = _queue_documents(request, _queue_form(request, request.POST))
    _queue_remember(request, request.POST)
    document = claims.claim_next(documents=documents, user=_user(request))
    if document is None:
        messages.info(request, "Every document matching your filters is being reviewed.")
        return redirect(_queue_url(request.POST.get("filters", "")))
    return redirect("review:document", document_id=document.public_id)


@require_POST
@member_required
def queue_bulk(request: HtmxHttpRequest) -> HttpResponse:
    """Assign or reject the checked documents; the queue then says what was done and skipped."""
    workspace = current_access(request).workspace
    form = BulkActionForm(request.POST, members=member_choices(workspace))
    if not form.is_valid():
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
        return redirect(_queue_url(request.POST.get("filters", "")))
    try:
        result = bulk.documents_bulk(
            workspace=workspace, actor=_actor(request), **form.cleaned_data
        )
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        (messages.success if result.done else messages.warning)(request, result.summary)
    return redirect(_queue_url(form.cleaned_data["filters"]))


def _queue_url(filters: str) -> str:
    """The queue with the filters it was showing (a query string the page posted back)."""
    query = QueryDict(filters).urlencode()
    return f"{reverse('review:queue')}?{query}" if query else reverse("review:queue")


# --- The review page ----------------------------------------------------------------------


def _document(request: HtmxHttpRequest, document_id: str) -> Document:
    """The document in any of the member's workspaces (404 otherwise), made current."""
    try:
        document = selectors.document_for_review(
            workspaces=current_access(request).workspaces, public_id=document_id
        )
    except NotFound as exc:
        raise Http404(exc.message) from None
    access_follow(request, document.workspace)
    return document


MAX_LEFT_OUT = 100


def _id_list(text: str | None) -> list[str]:
    """Public ids from a comma-separated query parameter (the review page's own bookkeeping of
    documents it decided or skipped this session), at most MAX_LEFT_OUT."""
    return [part for part in (text or "").split(",") if part][:MAX_LEFT_OUT]


def _zoom(request: HtmxHttpRequest) -> int:
    try:
        zoom = int(request.GET.get("zoom", 100))
    except ValueError:
        return 100
    return zoom if zoom in ZOOM_LEVELS else 100


def _zoom_context(zoom: int) -> dict[str, Any]:
    """The page images' zoom and sizes (`srcset`) at `zoom` percent."""
    return {
        "zoom": zoom,
        "zoom_levels": ZOOM_LEVELS,
        "zoom_factor": zoom / 100,
        "image_widths": page_images.WIDTHS,
        "image_width": page_images.width_snap(10 * zoom),
        "image_sizes": f"{round(IMAGE_VIEWPORT_SHARE * zoom / 100)}vw",
        "image_sizes_base": IMAGE_VIEWPORT_SHARE,
    }


def _review_page(
    request: HtmxHttpRequest,
    document: Document,
    *,
    editing: str | None = None,
    error: FieldError | None = None,
    action_error: str = "",
    reject_form: RejectForm | None = None,
    status: int = 200,
) -> HttpResponse:
    view = review_view_build(document, editing=editing, error=error)
    claim = claims.claim_state(document=document, user=_user(request))
    context = {
        "section": "queue",
        "document": document,
        "document_url": reverse("review:document", args=[document.public_id]),
        "view": view,
        "decidable": view.decidable and claim.mine,
        "claim": claim,
        "action_error": action_error,
        "reject_form": reject_form or RejectForm(),
        "reject_open": bool(reject_form is not None),
        "reject_reasons": REJECT_REASONS,
        **_queue_place(request, document),
        "others": selectors.decisions_by_others(document=document, user=request.user),
        "outcome": selectors.document_outcome(document=document),
        **_zoom_context(_zoom(request)),
    }
    return render_region(request, REVIEW_TEMPLATE, context, regions=REVIEW_REGIONS, status=status)


def _queue_place(request: HtmxHttpRequest, document: Document) -> dict[str, Any]:
    """The document's place in the queue the reviewer works under ("3 of 12") and the next
    one, leaving out those this page decided (`done`) or skipped (`skipped`)."""
    decided = _id_list(request.GET.get("done"))
    skipped = _id_list(request.GET.get("skipped"))
    queue = _remembered_queue(request)
    following = selectors.next_in_queue(
        workspaces=[document.workspace],
        after=document,
        leave_out=[*decided, *skipped],
        user=request.user,
        queue=queue,
    )
    return {
        "progress": selectors.queue_position(
            workspaces=[document.workspace], document=document, leave_out=decided, queue=queue
        ),
        "next_url": reverse("review:document", args=[following.public_id]) if following else "",
        "queue_url": reverse("review:queue"),
    }


@require_GET
@member_required
def document_review(request: HtmxHttpRequest, document_id: str) -> HttpResponse:
    """The review page; opening it claims the document, unless the page only fetches it in
    advance (`X-Review-Prefetch`: it claims the document once it shows it)."""
    document = _document(request, document_id)
    if request.headers.get(PREFETCH_HEADER) != "1":
        claims.claim_open(document=document, user=_user(request))
    return _review_page(request, document, editing=request.GET.get("edit"))


@require_POST
@member_required
def document_claim(request: HtmxHttpRequest, document_id: str) -> HttpResponse:
    """Take, take over or release the claim; then the page, the queue or the next document.
    The review page's script (`X-Review-Queue`) gets 204, or 409 with why."""
    document = _document(request, document_id)
    form = ClaimForm(request.POST)
    if not form.is_valid():
        return HttpResponseBadRequest("action: take, take_over or release.")
    data = form.cleaned_data
    try:
        claims.claim_change(
            document=document,
            user=_user(request),
            action=data["action"],
            holder_id=data["holder"],
        )
    except DomainError as exc:
        if _queued(request):
            return HttpResponse(exc.message, status=STALE_STATUS, content_type="text/plain")
        messages.error(request, exc.message)
    if _queued(request):
        return HttpResponse(status=204)
    then = data["then"]
    if then == "next":
        return redirect(_next_url(request, document))
    return redirect("review:queue" if then == "queue" else document_url_for(document))


@require_POST
@member_required
def field_decision(request: HtmxHttpRequest, document_id: str, key: str) -> HttpResponse:
    """Approve or correct one field (or one table cell, with row and column)."""
    try:
        error = _field_decide(request, _document(request, document_id), key)
    except InvalidTransition as exc:
        return _stale(request, document_id, exc)
    return _field_answer(request, document_id, key, error)


def _field_decide(request: HtmxHttpRequest, document: Document, key: str) -> FieldError | None:
    """Parse the form and call the service; a refused value or a stale state comes back as
    the field's error."""
    form = FieldDecisionForm(request.POST)
    if not form.is_valid():
        return FieldError(key=key, message=_form_errors(form), value=request.POST.get("value", ""))
    data = form.cleaned_data
    try:
        with _not_found_as_404():
            services.field_decide(
                document=document,
                key=key,
                action=data["action"],
                value=data["value"],
                row=data.get("row"),
                column=data.get("column") or None,
                page=data.get("page"),
                bbox=data.get("bbox"),
                actor=_actor(request),
            )
    except InvalidTransition:
        raise
    except DomainError as exc:
        return _field_error(key, data, exc)
    return None


def _form_errors(form: forms.Form) -> str:
    return "; ".join(str(e) for errors in form.errors.values() for e in errors)


@contextmanager
def _not_found_as_404() -> Iterator[None]:
    """A service's 404 (no such field, row...) as the browser's 404 page."""
    try:
        yield
    except NotFound as exc:
        raise Http404(exc.message) from None


def _field_error(key: str, data: dict, exc: DomainError) -> FieldError:
    message = exc.message
    if isinstance(exc, ValidationFailed) and message.startswith(f"{key}: "):
        message = message[len(key) + 2 :]
    row, column = data.get("row"), data.get("column") or ""
    cell = data["action"] == "correct" and row is not None
    return FieldError(
        key=key,
        message=message,
        value=data.get("value") or "",
        row=row if cell else None,
        column=column if cell else "",
    )


def _field_row(
    request: HtmxHttpRequest, document: Document, key: str, error: FieldError | None
) -> HttpResponse:
    """The field's row for htmx; a decision taken announces that the fields changed."""
    row = field_view_for(document, key, error=error)
    if row is None:
        raise Http404(f"No field {key}.")
    context = {
        "document": document,
        "document_url": reverse("review:document", args=[document.public_id]),
        "field": row,
        "decidable": document.status == Document.Status.REVIEW_REQUIRED,
    }
    trigger = None if error else FIELDS_CHANGED
    return render_region(request, REVIEW_TEMPLATE, context, partial="field-row", trigger=trigger)


def _field_answer(
    request: HtmxHttpRequest,
    document_id: str,
    key: str,
    error: FieldError | None = None,
    *,
    error_on_field: bool = True,
) -> HttpResponse:
    """After a change to one field: its row for htmx; else back to the page at the field, or
    the page with the refusal, beside the field or (`error_on_field=False`) at the top."""
    document = _document(request, document_id)
    if htmx_target(request) is not None:
        return _others_count(request, document, _field_row(request, document, key, error))
    if error is None:
        return redirect(f"{reverse('review:document', args=[document.public_id])}#field-{key}")
    if error_on_field:
        return _review_page(request, document, error=error)
    return _review_page(request, document, action_error=error.message)


PREFETCH_HEADER = "X-Review-Prefetch"
"""Sent when review.js fetches the next document in advance: that fetch does not claim it."""

QUEUE_HEADER = "X-Review-Queue"
"""Sent by the review page's decision queue (review.js): errors then answer with a 4xx status
(409 for a stale document) instead of a 200 re-render, so the queue can tell them apart."""


def _actor(request: HtmxHttpRequest) -> Actor:
    """The signed-in reviewer (`member_required` has checked there is one)."""
    return Actor(user=cast("User", request.user))


def _user(request: HtmxHttpRequest) -> User:
    return cast("User", request.user)


def _queued(request: HtmxHttpRequest) -> bool:
    return request.headers.get(QUEUE_HEADER) == "1"


def _stale(request: HtmxHttpRequest, document_id: str, exc: DomainError) -> HttpResponse:
    """A decision on a document no longer held: 409 for the queue, the page for a browser."""
    document = _document(request, document_id)
    if htmx_target(request) is not None or _queued(request):
        response = HttpResponse(exc.message, status=STALE_STATUS, content_type="text/plain")
        return _others_count(request, document, response)
    return _review_page(request, document, action_error=exc.message)


def _others_count(
    request: HtmxHttpRequest, document: Document, response: HttpResponse
) -> HttpResponse:
    response[OTHERS_HEADER] = str(
        selectors.decisions_by_others(document=document, user=request.user)
    )
    return response


@require_POST
@member_required
def field_reset(request: HtmxHttpRequest, document_id: str, key: str) -> HttpResponse:
    """Put the field back as the machine read it (its first decision's `before`)."""
    try:
        with _not_found_as_404():
            services.field_reset(
                document=_document(request, document_id), key=key, actor=_actor(request)
            )
    except InvalidTransition as exc:
        return _stale(request, document_id, exc)
    return _field_answer(request, document_id, key)


@require_POST
@member_required
def decision_undo(request: HtmxHttpRequest, document_id: str) -> HttpResponse:
    """Undo the reviewer's last field decision; answers with the field list for htmx, naming
    the field in `X-Review-Field`."""
    try:
        field = services.decision_undo(
            document=_document(request, document_id), actor=_actor(request)
        )
    except (InvalidTransition, Conflict) as exc:  # no longer held / decided again since
        return _stale(request, document_id, exc)
    document = _document(request, document_id)
    if htmx_target(request) is None:
        if field is None:
            messages.info(request, "There is no decision of yours to undo.")
        url = reverse("review:document", args=[document.public_id])
        return redirect(f"{url}#field-{field.key}" if field else url)
    response = _review_page(request, document)
    response["X-Review-Field"] = field.key if field else ""
    return event_announce(_others_count(request, document, response), FIELDS_CHANGED)


@require_POST
@member_required
def table_rows(request: HtmxHttpRequest, document_id: str, key: str) -> HttpResponse:
    """Add, delete or move a row of a table field."""
    form = RowChangeForm(request.POST)
    if not form.is_valid():
        return HttpResponseBadRequest(_form_errors(form))
    data = form.cleaned_data
    error = None
    try:
        with _not_found_as_404():
            services.table_row_change(
                document=_document(request, document_id),
                key=key,
                operation=data["operation"],
                row=data["row"],
                to=data.get("to"),
                actor=_actor(request),
            )
    except InvalidTransition as exc:
        return _stale(request, document_id, exc)
    except DomainError as exc:
        error = FieldError(key=key, message=exc.message, value="")
    return _field_answer(request, document_id, key, error, error_on_field=False)


@require_POST
@member_required
def document_postpone(request: HtmxHttpRequest, document_id: str) -> HttpResponse:
    """Send the document to the end of the queue and open the next one."""
    document = _document(request, document_id)
    try:
        services.document_postpone(document=document, actor=_actor(request))
    except InvalidTransition as exc:
        return _stale(request, document_id, exc)
    if not _queued(request):
        messages.info(request, f"{document.filename} is postponed to the end of the queue.")
    return client_redirect(request, _next_url(request, document))


@require_GET
@member_required
def document_state(request: HtmxHttpRequest, document_id: str) -> HttpResponse:
    """The document's status and how many decisions others took on it: the review page asks
    now and then, and says so when someone else decided or approved the document."""
    document = _document(request, document_id)
    claim = claims.claim_state(document=document, user=_user(request))
    return JsonResponse(
        {
            "status": document.status,
            "decidable": document.status == Document.Status.REVIEW_REQUIRED,
            "others": selectors.decisions_by_others(document=document, user=request.user),
            "claimed_by": claim.holder if claim.held_by_other else "",
            "claimed_until": claim.until.isoformat() if claim.held_by_other and claim.until else "",
        }
    )


@require_GET
@member_required
def page_words(request: HtmxHttpRequest, document_id: str, number: int) -> HttpResponse:
    """The words of page `number` with their boxes in percent of the page, for capture."""
    try:
        page = selectors.document_page_get(
            workspaces=current_access(request).workspaces, public_id=document_id, number=number
        )
    except NotFound as exc:
        raise Http404(exc.message) from None
    return JsonResponse(
        {"page": page.number, "width": page.width, "height": page.height, "words": page.words}
    )


@require_POST
@member_required
def fields_approve_remaining(request: HtmxHttpRequest, document_id: str) -> HttpResponse:
    document = _document(request, document_id)
    try:
        services.fields_approve_remaining(document=document, actor=_actor(request))
    except (InvalidTransition, Conflict) as exc:  # no longer held, or someone else's claim
        return _stale(request, document_id, exc)  # 409 to the page's queue, which says so
    except DomainError as exc:
        return _review_page(request, _document(request, document_id), action_error=exc.message)
    document = _document(request, document_id)
    if htmx_target(request) is None:
        messages.success(request, "Every remaining field is approved.")
        return redirect("review:document", document_id=document.public_id)
    return event_announce(_review_page(request, document), FIELDS_CHANGED)


@require_POST
@member_required
def document_approve(request: HtmxHttpRequest, document_id: str) -> HttpResponse:
    """Release the document, then open the next one in the queue (or the empty queue)."""
    document = _document(request, document_id)
    try:
        services.document_approve(document=document, actor=_actor(request))
    except DomainError as exc:
        status = STALE_STATUS if _queued(request) else 200
        return _review_page(
            request, _document(request, document_id), action_error=exc.message, status=status
        )
    messages.success(request, f"{document.filename} approved; its result is released.")
    return client_redirect(request, _next_url(request, document))


@require_POST
@member_required
def document_reject(request: HtmxHttpRequest, document_id: str) -> HttpResponse:
    document = _document(request, document_id)
    form = RejectForm(request.POST)
    if not form.is_valid():
        status = 400 if _queued(request) else 200
        return _review_page(request, document, reject_form=form, status=status)
    try:
        services.document_reject(
            document=document, reason=form.cleaned_data["reason"], actor=_actor(request)
        )
    except DomainError as exc:
        document = _document(request, document_id)
        status = STALE_STATUS if _queued(request) else 200
        return _review_page(
            request, document, action_error=exc.message, reject_form=form, status=status
        )
    messages.success(request, f"{document.filename} rejected.")
    return client_redirect(request, _next_url(request, document))


def document_url_for(document: Document) -> str:
    return reverse("review:document", args=[document.public_id])


def _next_url(request: HtmxHttpRequest, document: Document) -> str:
    """The next held document nobody else is reviewing under the reviewer's filters, or the
    queue."""
    following = selectors.next_in_queue(
        workspaces=[document.workspace],
        after=document,
        user=request.user,
        queue=_remembered_queue(request),
    )
    if following is None:
        return reverse("review:queue")
    return reverse("review:document", args=[following.public_id])


# --- Page images --------------------------------------------------------------------------


@require_GET
@member_required
def page_image(request: HtmxHttpRequest, document_id: str, number: int) -> HttpResponse:
    """Page `number` of the document as PNG, `?width=` pixels wide (snapped), cached on disk."""
    try:
        width = int(request.GET.get("width", page_images.DEFAULT_WIDTH))
    except ValueError:
        return HttpResponseBadRequest("width must be a number of pixels.")
    if width < 1:
        return HttpResponseBadRequest("width must be a positive number of pixels.")
    workspaces = current_access(request).workspaces
    try:
        page = selectors.document_page_get(
            workspaces=workspaces, public_id=document_id, number=number
        )
        path = page_images.document_page_png(page=page, width=width)
    except NotFound as exc:
        raise Http404(exc.message) from None
    except page_images.PageImageError as exc:
        raise Http404(str(exc)) from None
    response = FileResponse(path.open("rb"), content_type="image/png")
    response["Cache-Control"] = PAGE_CACHE_CONTROL
    return response
