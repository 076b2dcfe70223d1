"""Full page or htmx fragment from one template: the rendering rule of every browser view.

A page's regions are named partials (django-template-partials) named after the DOM id they
replace. An htmx request whose `HX-Target` names one of the page's regions gets that partial;
every other request gets the whole page, so each URL works with and without JavaScript. Every
answer varies on the htmx headers so no cache serves one shape for the other.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import patch_vary_headers

HTMX_VARY = ("HX-Request", "HX-Target")


def htmx_target(request: HttpRequest) -> str | None:
    htmx = getattr(request, "htmx", None)
    return htmx.target if htmx else None


def render_region(
    request: HttpRequest,
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
        response["HX-Trigger"] = trigger
    return response
