"""Full page or htmx fragment from one template: the rendering rule of every browser view.

A page's regions are named partials (django-template-partials) named after the DOM id they
replace. An htmx request whose `HX-Target` names one of the page's regions gets that partial;
every other request gets the whole page, so each URL works with and without JavaScript. Every
answer varies on the htmx headers so no cache serves one shape for the other.

`HtmxHttpRequest` is django-htmx's documented typing of a request that went through its
middleware (`request.htmx` is an `HtmxDetails`). Events are announced with a bare event name in
`HX-Trigger` (`fields-changed`), which the regions' `hx-trigger="… from:body"` listen for;
django-htmx's `trigger_client_event` always writes the JSON form (`{"fields-changed": {}}`),
equivalent for htmx but a change of the header the view tests pin, so `event_announce` keeps
the bare name in one place.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.cache import patch_vary_headers
from django_htmx.http import HttpResponseClientRedirect
from django_htmx.middleware import HtmxDetails

HTMX_VARY = ("HX-Request", "HX-Target")


class HtmxHttpRequest(HttpRequest):
    """A request that went through `django_htmx.middleware.HtmxMiddleware`."""

    htmx: HtmxDetails


def htmx_target(request: HtmxHttpRequest) -> str | None:
    """The id of the region an htmx request will swap (`HX-Target`); None for a plain request."""
    return request.htmx.target if request.htmx else None


def event_announce(response: HttpResponse, name: str) -> HttpResponse:
    """Announce `name` to the page's other regions (`HX-Trigger`, bare event name)."""
    response["HX-Trigger"] = name
    return response


def client_redirect(request: HtmxHttpRequest, url: str) -> HttpResponse:
    """A redirect htmx follows with a full page load (`HX-Redirect`, no content), or a 302."""
    if request.htmx:
        return HttpResponseClientRedirect(url, status=204)
    return redirect(url)


def render_region(
    request: HtmxHttpRequest,
    template: str,
    context: Mapping[str, Any],
    *,
    regions: Iterable[str] = (),
    partial: str | None = None,
    status: int = 200,
    trigger: str | None = None,
) -> HttpResponse:
    """Render `template`, or only its partial for the htmx target (or `partial` if given).

    `partial` forces a partial for htmx requests whose target is per-object (`field-<key>`),
    where the partial's name is the shape of the id rather than the id itself.
    """
    target = htmx_target(request)
    name = template
    if target is not None:
        if partial is not None:
            name = f"{template}#{partial}"
        elif target in set(regions):
            name = f"{template}#{target}"
    response = render(request, name, dict(context), status=status)
    patch_vary_headers(response, HTMX_VARY)
    if trigger and target is not None:
        event_announce(response, trigger)
    return response
