"""Links that hold a NUL character name nothing: 404 for the path, 400 for the query.

PostgreSQL refuses a NUL character in any text it is given, so an id or a search term holding
one (`/cases/case__%00/`, `?q=a%00b`, `?done=doc__%00`) turned every view that looks it up into
a 500 there (SQLite only found nothing). No id, slug or search term can hold one, so the
request is answered before any view runs: the 404 page for the path, a 400 for a query value
(a browser page through Django's own `bad_request` view, the API in its JSON envelope by
`ApiErrorMiddleware`, which wraps this one). Form and JSON bodies are checked where they are
read (`IdListField`, `BoundedJSONParser`, the case-type file reader).
"""

from __future__ import annotations

import logging
from typing import Any

from django.core.exceptions import BadRequest
from django.http import Http404, HttpRequest, HttpResponse
from django.views import defaults

from cases.apikit.dualmode import DualModeMiddleware

logger = logging.getLogger(__name__)

NUL = "\x00"


class NulCharacterMiddleware(DualModeMiddleware):
    def __call__(self, request: HttpRequest) -> Any:
        refusal = nul_refusal(request)
        if refusal is None:
            return self.get_response(request)
        if self.async_mode:
            return _answer(refusal)
        return refusal


async def _answer(response: HttpResponse) -> HttpResponse:
    return response


def nul_refusal(request: HttpRequest) -> HttpResponse | None:
    """The answer to a request whose path or query values hold a NUL character, else None."""
    if NUL in request.path:
        logger.warning("Refused %s %r: a NUL character in the path", request.method, request.path)
        return defaults.page_not_found(request, Http404("No such page."))
    # the raw query, where a NUL can only be `%00` (or the byte itself): parsing `request.GET`
    # here could raise (too many fields) outside the views, where the API's refusals are answered
    query = request.META.get("QUERY_STRING", "")
    if "%00" in query or NUL in query:
        logger.warning("Refused %s %s: a NUL character in the query", request.method, request.path)
        return defaults.bad_request(request, BadRequest("A NUL character in the query."))
    return None
