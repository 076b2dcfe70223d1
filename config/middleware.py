"""Django's and the packages' middleware, arranged so an API request under ASGI stays on the
event loop until its view.

Under ASGI, Django runs each hook of a sync middleware in a thread: `MiddlewareMixin` crosses
from the event loop to the request's thread and back for `process_request`, again for
`process_response` and again for `process_view`, and a sync-only middleware (WhiteNoise) sends
the rest of the chain back to the loop. With the stack in `settings.MIDDLEWARE` that was 13 of
a status poll's 16 crossings, about a third of its CPU (issue 14; `bench/poll_cpu.py`).

Each class here is one of them (a subclass, so Django's checks find them) and changes nothing
for browser pages. On an API path (`cases.apikit.middleware.is_api_path`):

- security headers, `CommonMiddleware` and `X-Frame-Options` run their hooks directly on the
  event loop: those hooks only read the request and set headers (no I/O);
- the browser-only ones (WhiteNoise, sessions, CSRF, auth, messages) are skipped: API views
  authenticate by key (DRF's `request.user`), refuse session cookies, are exempt from CSRF and
  use no messages and no session; static files are never under an API path. They added
  nothing to an API answer (a session or CSRF cookie and `Vary: Cookie` are only written when
  a view uses them).

Under WSGI and the test client (sync) an API request skips the same middleware, so tests see
what production serves.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from asgiref.sync import async_to_sync, iscoroutinefunction, markcoroutinefunction, sync_to_async
from django.contrib.auth import middleware as auth
from django.contrib.messages import middleware as messages
from django.contrib.sessions import middleware as sessions
from django.http import HttpRequest, HttpResponseBase
from django.middleware import clickjacking, common, csrf, security
from django.utils.deprecation import MiddlewareMixin
from whitenoise import middleware as whitenoise  # type: ignore[import-untyped]

from cases.apikit.middleware import is_api_path

Handler = Callable[[HttpRequest], Any]


class _ApiInline(MiddlewareMixin):
    """For a `MiddlewareMixin` whose `process_request` and `process_response` do no I/O: on an
    API path under ASGI they run on the event loop instead of a thread each."""

    async def __acall__(self, request: HttpRequest) -> HttpResponseBase:
        if not is_api_path(request.path):
            return await super().__acall__(request)
        hooks: Any = self
        response = hooks.process_request(request) if hasattr(hooks, "process_request") else None
        response = response or await hooks.get_response(request)
        if hasattr(hooks, "process_response"):
            response = hooks.process_response(request, response)
        return response


class _BrowserOnly(MiddlewareMixin):
    """For a `MiddlewareMixin` with nothing to do on an API path: skipped there (its
    `process_view` too, without a thread hop under ASGI)."""

    def __init__(self, get_response: Handler) -> None:
        super().__init__(get_response)
        self._process_view = getattr(super(), "process_view", None)
        if self._process_view is not None:  # Django collects the instance's attribute
            self.__dict__["process_view"] = self._async_view if self.async_mode else self._sync_view

    def __call__(self, request: HttpRequest) -> Any:
        if is_api_path(request.path):
            return self.get_response(request)  # a coroutine in async mode
        return super().__call__(request)

    def _sync_view(self, request: HttpRequest, *args: Any) -> HttpResponseBase | None:
        if is_api_path(request.path) or self._process_view is None:
            return None
        response: HttpResponseBase | None = self._process_view(request, *args)
        return response

    async def _async_view(self, request: HttpRequest, *args: Any) -> HttpResponseBase | None:
        if is_api_path(request.path):
            return None
        hook: Callable[..., Awaitable[HttpResponseBase | None]] = sync_to_async(
            self._sync_view, thread_sensitive=True
        )
        return await hook(request, *args)


class SecurityMiddleware(_ApiInline, security.SecurityMiddleware):
    pass


class CommonMiddleware(_ApiInline, common.CommonMiddleware):
    pass


class XFrameOptionsMiddleware(_ApiInline, clickjacking.XFrameOptionsMiddleware):
    pass


class SessionMiddleware(_BrowserOnly, sessions.SessionMiddleware):
    pass


class CsrfViewMiddleware(_BrowserOnly, csrf.CsrfViewMiddleware):
    pass


class AuthenticationMiddleware(_BrowserOnly, auth.AuthenticationMiddleware):
    pass


class MessageMiddleware(_BrowserOnly, messages.MessageMiddleware):
    pass


class WhiteNoiseMiddleware(whitenoise.WhiteNoiseMiddleware):
    """WhiteNoise (sync only), skipped on API paths; sync or async as the handler it wraps, so
    it does not send the rest of the chain back from a thread to the event loop."""

    sync_capable = True
    async_capable = True

    def __init__(self, get_response: Handler) -> None:
        self.async_mode = iscoroutinefunction(get_response)
        self.next_async = get_response
        super().__init__(async_to_sync(get_response) if self.async_mode else get_response)
        if self.async_mode:
            markcoroutinefunction(self)
            self.browser_call = sync_to_async(super().__call__, thread_sensitive=True)

    def __call__(self, request: HttpRequest) -> Any:
        if self.async_mode:
            if is_api_path(request.path):
                return self.next_async(request)
            return self.browser_call(request)
        if is_api_path(request.path):
            return self.get_response(request)
        return super().__call__(request)
