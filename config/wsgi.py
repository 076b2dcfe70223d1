"""WSGI entry point: the production server for every request that answers at once (granian).

`granian --interface wsgi config.wsgi:application` (README, Running it in production) answers
API calls, uploads, downloads and browser pages with Django's `WSGIHandler`: a request runs
start to end on one of the worker's threads, without the crossings between an event loop and
threads that Django's `ASGIHandler` makes for sync views, at half the CPU a status poll or less
(`bench/RESULTS.md`). Requests that wait (streams, WebSockets, long polls, one-call
extraction) belong on the ASGI server (`config.asgi`); the proxy routes them there and this
application answers any that arrive here 421 (`config.routing`).

Around Django's handler, outermost first:
- the server's own environment variables kept out of the request (granian starts every environ
  from a copy of `os.environ`, which holds `DATABASE_URL` and the secret key), so what follows
  reads only the request;
- the client's address and scheme from `X-Forwarded-For` / `X-Forwarded-Proto`, trusted only
  from the proxies in `FORWARDED_ALLOW_IPS` (default 127.0.0.1; granian's own wrapper,
  as uvicorn's `--proxy-headers`, so `/metrics`' loopback rule sees the real client);
- requests that wait refused (421);
- bodies over `CASEFILE_MAX_REQUEST_MB` refused before Django reads them, and bodies without a
  length spooled so Django reads them at all (`cases.apikit.request_limits.WsgiRequestSizeLimit`).
"""

import os
from collections.abc import Iterable, Mapping
from typing import Any

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
# The web process borrows PostgreSQL connections from a bounded pool (see settings, Database):
# each of the server's threads takes one for a request and gives it back at its end.
os.environ.setdefault("CASEFILE_DB_POOL", "true")
django_application = get_wsgi_application()

from granian.utils.proxies import wrap_wsgi_with_proxy_headers  # noqa: E402

from cases.apikit.request_limits import StartResponse, WSGIApp, WsgiRequestSizeLimit  # noqa: E402
from config.routing import RefuseWaitingRequests  # noqa: E402


class WithoutProcessEnvironment:
    """Drops the process's environment variables that the server copied into each environ.

    A variable with a request key's name (`HTTP_PROXY`, `CONTENT_TYPE`: granian leaves out the
    keys a request does not have, so the process's value would stand in for the client's) is
    dropped when the environ still holds the process's value."""

    def __init__(self, app: WSGIApp, process_environment: Mapping[str, str] | None = None) -> None:
        self.app = app
        variables = dict(os.environ if process_environment is None else process_environment)
        self.like_request = {name: value for name, value in variables.items() if _request_key(name)}
        self.process_only = tuple(name for name in variables if not _request_key(name))

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        for name in self.process_only:
            environ.pop(name, None)
        for name, value in self.like_request.items():
            if environ.get(name) == value:
                del environ[name]
        return self.app(environ, start_response)


def _request_key(name: str) -> bool:
    """A key a server sets per request: a CGI variable of PEP 3333 or a header (`HTTP_*`)."""
    return name.startswith("HTTP_") or name in CGI_VARIABLES


CGI_VARIABLES = frozenset(
    [
        "CONTENT_LENGTH",
        "CONTENT_TYPE",
        "GATEWAY_INTERFACE",
        "PATH_INFO",
        "QUERY_STRING",
        "REMOTE_ADDR",
        "REMOTE_HOST",
        "REQUEST_METHOD",
        "SCRIPT_NAME",
        "SERVER_NAME",
        "SERVER_PORT",
        "SERVER_PROTOCOL",
        "SERVER_SOFTWARE",
    ]
)


# The process environment goes first, so every wrapper after it reads only the request.
application = WithoutProcessEnvironment(
    wrap_wsgi_with_proxy_headers(
        RefuseWaitingRequests(WsgiRequestSizeLimit(django_application)),
        trusted_hosts=os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1"),
    )
)
