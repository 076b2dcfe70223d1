"""The API settings page: the workspace's API keys and webhook endpoints with their delivery log.

Every member may see the page; only admins of the current workspace may act (`admin_required`
answers 403 to reviewers, and the page does not offer them the actions). Keys are created and
revoked by `cases.services`; endpoints are created, edited, rotated, tested, disabled and
enabled, and deliveries resent, by `webhooks.services`: the same services the API calls, so no
rule lives here. A new raw key or signing secret is rendered once, in the answer to the POST
that made it, with `Cache-Control: no-store`; it is never shown again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from cases import selectors as case_selectors
from cases.actors import Actor
from cases.errors import DomainError, NotFound, ValidationFailed
from cases.models import ApiKey, Workspace
from cases.services import api_key_create as cases_api_key_create
from cases.services import api_key_revoke as cases_api_key_revoke
from review.access import admin_required, current_access, member_required
from review.forms import ApiKeyCreateForm, WebhookEndpointForm
from review.fragments import HtmxHttpRequest, htmx_target, render_region
from webhooks import selectors as webhook_selectors
from webhooks import services as webhook_services
from webhooks.models import WebhookDelivery, WebhookEndpoint, WebhookEvent

SETTINGS_TEMPLATE = "settings/api_settings.html"
SETTINGS_REGIONS = ("api-keys", "webhooks")
ENDPOINT_PARTIAL = "webhook-endpoint"
DELIVERIES_SHOWN = 20
MOVING_STATUSES = {WebhookDelivery.Status.PENDING, WebhookDelivery.Status.DELIVERING}
EVENT_TYPES = WebhookEvent.Type.choices


@dataclass
class EndpointView:
    """One endpoint card: the endpoint, its latest deliveries, and what the last action said."""

    endpoint: WebhookEndpoint
    deliveries: list[WebhookDelivery]
    delivery_count: int
    form: WebhookEndpointForm
    secret: str = ""
    notice: str = ""
    error: str = ""
    edit_open: bool = False
    resendable: set[str] = field(default_factory=set)

    @property
    def dom_id(self) -> str:
        return f"webhook-{self.endpoint.public_id}"

    @property
    def events_label(self) -> str:
        return ", ".join(self.endpoint.events) if self.endpoint.events else "All events"

    @property
    def deliveries_moving(self) -> bool:
        """A delivery is queued or being sent: the card refreshes itself until it settles."""
        return any(delivery.status in MOVING_STATUSES for delivery in self.deliveries)


def _endpoint_form(endpoint: WebhookEndpoint, data: Any = None) -> WebhookEndpointForm:
    initial = {"url": endpoint.url, "description": endpoint.description, "events": endpoint.events}
    return WebhookEndpointForm(
        data, initial=initial, prefix=endpoint.public_id, event_types=EVENT_TYPES
    )


def _endpoint_view(endpoint: WebhookEndpoint, **extra: Any) -> EndpointView:
    log = webhook_selectors.delivery_log(endpoint=endpoint, limit=DELIVERIES_SHOWN)
    extra.setdefault("form", _endpoint_form(endpoint))
    return EndpointView(
        endpoint=endpoint,
        deliveries=log.deliveries,
        delivery_count=log.total,
        resendable={status.value for status in webhook_services.RESENDABLE_STATUSES},
        **extra,
    )


def _endpoint_views(workspace: Workspace, changed: EndpointView | None) -> list[EndpointView]:
    """Every endpoint's card; `changed` (the one an action just answered) replaces its own."""
    return [
        changed
        if changed is not None and changed.endpoint.pk == endpoint.pk
        else _endpoint_view(endpoint)
        for endpoint in webhook_selectors.endpoint_list(workspace=workspace)
    ]


def _settings_page(
    request: HtmxHttpRequest,
    *,
    key_form: ApiKeyCreateForm | None = None,
    created_key: ApiKey | None = None,
    raw_key: str = "",
    webhook_form: WebhookEndpointForm | None = None,
    changed: EndpointView | None = None,
) -> HttpResponse:
    """The whole page, or the region the htmx request targets. `changed` replaces its card."""
    access = current_access(request)
    context = {
        "section": "settings",
        "is_admin": access.is_admin,
        "api_keys": case_selectors.api_key_list(workspace=access.workspace),
        "key_form": key_form or ApiKeyCreateForm(),
        "created_key": created_key,
        "raw_key": raw_key,
        "endpoints": _endpoint_views(access.workspace, changed),
        "webhook_form": webhook_form or WebhookEndpointForm(event_types=EVENT_TYPES),
    }
    response = render_region(request, SETTINGS_TEMPLATE, context, regions=SETTINGS_REGIONS)
    if raw_key or (changed is not None and changed.secret):
        add_never_cache_headers(response)
    return response


def _endpoint_answer(request: HtmxHttpRequest, view: EndpointView) -> HttpResponse:
    """The endpoint's card for htmx; the whole page otherwise."""
    if htmx_target(request) == view.dom_id:
        context = {"hook": view, "is_admin": current_access(request).is_admin}
        response = render_region(request, SETTINGS_TEMPLATE, context, partial=ENDPOINT_PARTIAL)
        if view.secret:
            add_never_cache_headers(response)
        return response
    return _settings_page(request, changed=view)


def _settings_redirect(
    request: HtmxHttpRequest, endpoint: WebhookEndpoint, notice: str
) -> HttpResponse:
    messages.success(request, notice)
    return redirect(f"{reverse('review:api-settings')}#webhook-{endpoint.public_id}")


# --- The page and API keys ----------------------------------------------------------------


@require_GET
@member_required
def api_settings(request: HtmxHttpRequest) -> HttpResponse:
    return _settings_page(request)


@require_POST
@member_required
@admin_required
def api_key_create(request: HtmxHttpRequest) -> HttpResponse:
    form = ApiKeyCreateForm(request.POST)
    if not form.is_valid():
        return _settings_page(request, key_form=form)
    try:
        api_key, raw_key = cases_api_key_create(
            workspace=current_access(request).workspace,
            name=form.cleaned_data["name"],
            created_by=request.user,
        )
    except ValidationFailed as exc:
        form.add_error("name", exc.message)
        return _settings_page(request, key_form=form)
    return _settings_page(request, created_key=api_key, raw_key=raw_key)


@require_POST
@member_required
@admin_required
def api_key_revoke(request: HtmxHttpRequest, key_id: str) -> HttpResponse:
    try:
        api_key = case_selectors.api_key_get(
            workspace=current_access(request).workspace, public_id=key_id
        )
    except NotFound as exc:
        raise Http404(exc.message) from None
    cases_api_key_revoke(api_key=api_key)
    if htmx_target(request) is None:
        messages.success(request, f"The key {api_key.name} ({api_key.prefix}…) is revoked.")
        return redirect("review:api-settings")
    return _settings_page(request)


# --- Webhook endpoints --------------------------------------------------------------------


def _endpoint(request: HtmxHttpRequest, webhook_id: str) -> WebhookEndpoint:
    workspace: Workspace = current_access(request).workspace
    try:
        return webhook_selectors.endpoint_get(workspace=workspace, public_id=webhook_id)
    except NotFound as exc:
        raise Http404(exc.message) from None


def _form_errors_from(form: WebhookEndpointForm, exc: ValidationFailed) -> None:
    fields = exc.details.get("fields") or {}
    for name, errors in fields.items():
        for error in errors:
            form.add_error(name if name in form.fields else None, error)
    if not fields:
        form.add_error(None, exc.message)


@require_POST
@member_required
@admin_required
def webhook_create(request: HtmxHttpRequest) -> HttpResponse:
    form = WebhookEndpointForm(request.POST, event_types=EVENT_TYPES)
    if not form.is_valid():
        return _settings_page(request, webhook_form=form)
    try:
        endpoint = webhook_services.endpoint_create(
            workspace=current_access(request).workspace,
            url=form.cleaned_data["url"],
            description=form.cleaned_data["description"],
            events=form.cleaned_data["events"],
        )
    except ValidationFailed as exc:
        _form_errors_from(form, exc)
        return _settings_page(request, webhook_form=form)
    view = _endpoint_view(endpoint, secret=endpoint.secret, notice="Endpoint added.")
    return _settings_page(request, changed=view)


@require_http_methods(["GET", "POST"])
@member_required
def webhook_detail(request: HtmxHttpRequest, webhook_id: str) -> HttpResponse:
    """GET: the endpoint's card (htmx refreshes it while deliveries move); POST: edit it."""
    if request.method == "POST":
        return _webhook_update(request, webhook_id)
    endpoint = _endpoint(request, webhook_id)
    if htmx_target(request) is None:
        return redirect(f"{reverse('review:api-settings')}#webhook-{endpoint.public_id}")
    return _endpoint_answer(request, _endpoint_view(endpoint))


@admin_required
def _webhook_update(request: HtmxHttpRequest, webhook_id: str) -> HttpResponse:
    endpoint = _endpoint(request, webhook_id)
    form = _endpoint_form(endpoint, request.POST)
    if form.is_valid():
        try:
            endpoint = webhook_services.endpoint_update(
                endpoint=endpoint,
                actor=Actor(user=request.user),
                url=form.cleaned_data["url"],
                description=form.cleaned_data["description"],
                events=form.cleaned_data["events"],
            )
        except ValidationFailed as exc:
            _form_errors_from(form, exc)
        else:
            if htmx_target(request) is None:
                return _settings_redirect(request, endpoint, "Endpoint saved.")
            return _endpoint_answer(request, _endpoint_view(endpoint, notice="Endpoint saved."))
    return _endpoint_answer(request, _endpoint_view(endpoint, form=form, edit_open=True))


def _endpoint_action(
    request: HtmxHttpRequest, endpoint: WebhookEndpoint, action: Callable[[], str]
) -> HttpResponse:
    """Run one service call; its notice (or the refusal) is shown on the endpoint's card."""
    try:
        notice = action()
    except DomainError as exc:
        endpoint.refresh_from_db()
        return _endpoint_answer(request, _endpoint_view(endpoint, error=exc.message))
    endpoint.refresh_from_db()
    if htmx_target(request) is None:
        return _settings_redirect(request, endpoint, notice)
    return _endpoint_answer(request, _endpoint_view(endpoint, notice=notice))


@require_POST
@member_required
@admin_required
def webhook_rotate(request: HtmxHttpRequest, webhook_id: str) -> HttpResponse:
    """A new signing secret, shown once; the previous one keeps signing for a grace period."""
    endpoint = webhook_services.endpoint_secret_rotate(endpoint=_endpoint(request, webhook_id))
    notice = "New signing secret made."
    if endpoint.previous_secret_expires_at is not None:
        until = endpoint.previous_secret_expires_at.strftime("%d %b %Y, %H:%M UTC")
        notice += f" The previous secret keeps signing until {until}."
    return _endpoint_answer(
        request, _endpoint_view(endpoint, secret=endpoint.secret, notice=notice)
    )


@require_POST
@member_required
@admin_required
def webhook_test(request: HtmxHttpRequest, webhook_id: str) -> HttpResponse:
    endpoint = _endpoint(request, webhook_id)

    def send() -> str:
        webhook_services.endpoint_test_send(endpoint=endpoint)
        return "Test event queued; its delivery appears in the log below."

    return _endpoint_action(request, endpoint, send)


@require_POST
@member_required
@admin_required
def webhook_disable(request: HtmxHttpRequest, webhook_id: str) -> HttpResponse:
    endpoint = _endpoint(request, webhook_id)
    reason = f"Disabled by {request.user.get_username()}."

    def disable() -> str:
        webhook_services.endpoint_disable(endpoint=endpoint, reason=reason)
        return "Endpoint disabled; nothing is sent to it until it is enabled again."

    return _endpoint_action(request, endpoint, disable)


@require_POST
@member_required
@admin_required
def webhook_enable(request: HtmxHttpRequest, webhook_id: str) -> HttpResponse:
    endpoint = _endpoint(request, webhook_id)

    def enable() -> str:
        webhook_services.endpoint_enable(endpoint=endpoint)
        return "Endpoint enabled."

    return _endpoint_action(request, endpoint, enable)


@require_POST
@member_required
@admin_required
def webhook_delivery_resend(
    request: HtmxHttpRequest, webhook_id: str, delivery_id: str
) -> HttpResponse:
    endpoint = _endpoint(request, webhook_id)
    try:
        delivery = webhook_selectors.delivery_get(endpoint=endpoint, public_id=delivery_id)
    except NotFound as exc:
        raise Http404(exc.message) from None

    def resend() -> str:
        webhook_services.delivery_resend(delivery=delivery)
        return f"Delivery {delivery.public_id} queued again."

    return _endpoint_action(request, endpoint, resend)
