"""The middleware stack (`config/middleware.py`): under ASGI an API request stays on the event
loop until its view, and answers with the same headers as before; browser pages keep their
sessions, CSRF and static files."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from asgiref.sync import SyncToAsync

from tests.config.test_asgi import asgi_request

pytestmark = pytest.mark.django_db(transaction=True)  # the requests run in other threads

SECURITY_HEADERS = {
    "x-frame-options": "DENY",
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",
    "cross-origin-opener-policy": "same-origin",
}


def _asgi(
    method: str, path: str, headers: list[tuple[bytes, bytes]] | None = None, body: bytes = b""
) -> tuple[int, dict[str, list[str]], bytes]:
    """One request through `config.asgi.application`: status, headers (lower-case names,
    every value), body."""
    call, messages = asgi_request(method, path, b"", headers, body)
    asyncio.run(call)
    found: dict[str, list[str]] = {}
    for name, value in messages[0]["headers"]:
        found.setdefault(name.decode().lower(), []).append(value.decode("latin1"))
    body_sent = b"".join(message.get("body", b"") for message in messages[1:])
    return messages[0]["status"], found, body_sent


@pytest.fixture
def thread_hops(monkeypatch) -> list[object]:
    """Every crossing from the event loop to a thread (asgiref's `SyncToAsync`)."""
    hops: list[object] = []
    original = SyncToAsync.thread_handler

    def counted(self: Any, *args: Any, **kwargs: Any) -> Any:
        hops.append(args)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(SyncToAsync, "thread_handler", counted)
    return hops


def test_an_api_request_crosses_to_a_thread_four_times_at_most(tenant, thread_hops):
    """`request_started`, the view, its rendering and `request_finished`: no middleware hook
    (it was 16 crossings with Django's own middleware classes)."""
    tenant.client.get("/api/v1/casetypes")  # the key's first use is written now
    thread_hops.clear()
    status, _, _ = _asgi("GET", "/api/v1/casetypes", [(b"x-api-key", tenant.raw_key.encode())])
    assert status == 200
    assert len(thread_hops) <= 4, len(thread_hops)


def test_api_answers_carry_the_security_headers_and_no_cookie(tenant):
    status, headers, _ = _asgi(
        "GET", "/api/v1/casetypes", [(b"x-api-key", tenant.raw_key.encode())]
    )
    assert status == 200
    assert {name: headers[name][0] for name in SECURITY_HEADERS} == SECURITY_HEADERS
    assert headers["content-length"]
    assert headers["x-request-id"]
    assert "set-cookie" not in headers
    assert "cookie" not in ",".join(headers.get("vary", [])).lower()
    synchronous = tenant.client.get("/api/v1/casetypes")  # the test client: sync middleware
    assert {name: synchronous[name] for name in SECURITY_HEADERS} == SECURITY_HEADERS
    assert not synchronous.cookies


def test_an_unknown_api_route_is_a_json_404_under_asgi(tenant):
    status, headers, body = _asgi("GET", "/api/v1/nothing-here")
    assert status == 404
    assert headers["content-type"] == ["application/json"]
    assert b'"NOT_FOUND"' in body


def test_browser_pages_keep_csrf_and_sessions_under_asgi():
    status, headers, _ = _asgi("GET", "/login/")
    assert status == 200
    assert any(cookie.startswith("csrftoken=") for cookie in headers["set-cookie"])
    assert {name: headers[name][0] for name in SECURITY_HEADERS} == SECURITY_HEADERS
    form = [(b"content-type", b"application/x-www-form-urlencoded")]
    status, _, _ = _asgi("POST", "/login/", form, b"username=a&password=b")
    assert status == 403  # no CSRF token: refused


@pytest.mark.parametrize("asynchronous", [False, True])
def test_whitenoise_serves_static_files_and_passes_api_paths_on(settings, tmp_path, asynchronous):
    from django.http import HttpResponse
    from django.test import RequestFactory

    from config.middleware import WhiteNoiseMiddleware

    (tmp_path / "site.css").write_text("body {}")
    settings.STATIC_ROOT = tmp_path
    passed_on: list[str] = []

    def inner(request: Any) -> HttpResponse:
        passed_on.append(request.path)
        return HttpResponse("next")

    async def inner_async(request: Any) -> HttpResponse:
        return inner(request)

    middleware = WhiteNoiseMiddleware(inner_async if asynchronous else inner)

    def call(path: str) -> Any:
        answer = middleware(RequestFactory().get(path))
        return asyncio.run(answer) if asynchronous else answer

    static = call("/static/site.css")
    assert static.status_code == 200
    assert b"".join(static.streaming_content) == b"body {}"
    assert call("/api/v1/casetypes").content == b"next"
    assert call("/review/").content == b"next"
    assert passed_on == ["/api/v1/casetypes", "/review/"]


def _route_examples(patterns=None, prefix: str = ""):
    """(example path, view) for every route of the URL conf, converters filled with `x1`."""
    import re

    from django.urls import URLPattern, URLResolver, get_resolver

    for entry in patterns if patterns is not None else get_resolver().url_patterns:
        route = str(entry.pattern)
        if route.startswith("^"):  # a regex route (admin, static): take its literal start
            route = re.split(r"[\\(\[\.\*\+\?\$]", route[1:], maxsplit=1)[0]
        route = re.sub(r"<[^>]+>", "x1", route)
        if isinstance(entry, URLResolver):
            yield from _route_examples(entry.url_patterns, prefix + route)
        elif isinstance(entry, URLPattern):
            yield "/" + prefix + route, entry.callback


def test_exactly_the_api_views_routes_count_as_api_paths():
    """A DRF route outside the API paths would get sessions and CSRF and HTML errors; a browser
    page inside them would lose its CSRF protection (config/middleware.py skips it there)."""
    from rest_framework.views import APIView

    from cases.apikit.middleware import is_api_path

    misplaced = []
    for path, view in _route_examples():
        view_class = getattr(view, "cls", None) or getattr(view, "view_class", None)
        is_api_view = isinstance(view_class, type) and issubclass(view_class, APIView)
        if path.startswith(("/api/docs", "/api/schema")):
            continue  # the schema and its docs page are DRF views served as documents
        if is_api_view != is_api_path(path):
            misplaced.append((path, view_class))
    assert misplaced == []


@pytest.mark.parametrize("path", ["/uploads/x", "/files-archive", "/credits2", "/v1x/", "/api/v10"])
def test_a_path_that_only_starts_like_an_api_root_is_not_the_apis(path):
    from cases.apikit.middleware import is_api_path

    assert not is_api_path(path)


@pytest.mark.parametrize("path", ["/upload", "/files", "/files/f_1/content", "/credits", "/v1/x"])
def test_an_api_root_and_what_lies_under_it_are_the_apis(path):
    from cases.apikit.middleware import is_api_path

    assert is_api_path(path)
