"""The one way webhook requests leave Casefile: httpx with explicit timeouts, no redirects and
the outbound address guard of SPEC §8.

Called by `webhooks.services` for each attempt. It never raises for what a receiver does: every
answer, timeout, refused connection or refused address comes back as a `PostResult`, which the
service turns into a delivery state. It must not touch the ORM or decide about retries.

The guard (`cases.outbound`, one piece of code with the URL fetch of uploads) resolves the
host, checks every address it resolves to and then connects only to a checked address:
`GuardedTransport` rewrites the request to the IP it checked while keeping the
original `Host` header and, for HTTPS, the original name for SNI and certificate checks. A DNS
answer that changes between the check and the connection (rebinding) therefore cannot redirect
the request. Environment proxies are ignored (`trust_env=False`) for the same reason.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from dataclasses import dataclass
from typing import Any

import httpx
from django.conf import settings

from cases import outbound

# The guard is `cases.outbound`, shared with the URL fetch of uploads; these names stay here for
# this module's callers (`webhooks.services` checks endpoint URLs with `address_refusal`).
from cases.outbound import (  # noqa: F401
    BLOCKED_NETWORKS,
    AddressRefused,
    IPAddress,
    address_refusal,
    resolve_host,
)

EXCERPT_BYTES = 1024
USER_AGENT = "Casefile-Webhooks/1.0"


@dataclass(frozen=True)
class PostResult:
    """What happened to one request. `status_code` is None when no answer arrived."""

    status_code: int | None
    duration_ms: int
    excerpt: str = ""
    retry_after: str | None = None
    error_code: str = ""
    error: str = ""

    @property
    def is_success(self) -> bool:
        return self.status_code is not None and 200 <= self.status_code < 300


class GuardedTransport(outbound.GuardedTransport):
    """The shared guard, resolving names through this module's `resolve_host` (which tests
    replace)."""

    def __init__(self, *, allow_private: bool, inner: httpx.BaseTransport | None = None) -> None:
        super().__init__(
            allow_private=allow_private,
            inner=inner,
            resolve=lambda host, port: resolve_host(host, port),
        )


def webhook_post(
    *,
    url: str,
    body: bytes,
    headers: dict[str, str],
    transport: httpx.BaseTransport | None = None,
) -> PostResult:
    """POST one webhook request and report what happened; reads its limits from settings.

    `WEBHOOKS_TIMEOUT` (seconds) bounds each step (connecting, sending, each read) and the
    whole attempt: a receiver that answers a byte at a time, each byte inside the per-read
    timeout, is cut off when the total deadline passes (`Deadline` shuts the socket) and the
    attempt is a TIMEOUT like any other. `WEBHOOKS_ALLOW_PRIVATE_IPS` is read at call time
    too, so tests can change both. Only the first KiB of the answer is read.
    """
    timeout = float(settings.WEBHOOKS_TIMEOUT)
    guard = GuardedTransport(
        allow_private=bool(settings.WEBHOOKS_ALLOW_PRIVATE_IPS), inner=transport
    )
    started = time.monotonic()
    deadline = Deadline(timeout)

    def elapsed_ms() -> int:
        return int((time.monotonic() - started) * 1000)

    def timed_out() -> PostResult:
        return PostResult(
            None,
            elapsed_ms(),
            error_code="TIMEOUT",
            error=f"No complete answer within {timeout:g} s.",
        )

    try:
        with (
            deadline,
            httpx.Client(
                transport=guard,
                timeout=httpx.Timeout(timeout),
                follow_redirects=False,
                trust_env=False,
            ) as client,
            client.stream(
                "POST",
                url,
                content=body,
                headers={"User-Agent": USER_AGENT, **headers},
                extensions={"trace": deadline.trace},
            ) as response,
        ):
            excerpt = _read_excerpt(response, deadline=started + timeout)
            return PostResult(
                status_code=response.status_code,
                duration_ms=elapsed_ms(),
                excerpt=excerpt,
                retry_after=response.headers.get("Retry-After"),
            )
    except AddressRefused as exc:
        return PostResult(None, elapsed_ms(), error_code="ADDRESS_REFUSED", error=str(exc))
    except httpx.TimeoutException:
        return timed_out()
    except httpx.ConnectError as exc:
        if deadline.expired:
            return timed_out()
        return PostResult(None, elapsed_ms(), error_code="CONNECTION_FAILED", error=_text(exc))
    except (httpx.InvalidURL, httpx.UnsupportedProtocol) as exc:
        return PostResult(None, elapsed_ms(), error_code="INVALID_URL", error=_text(exc))
    except httpx.TransportError as exc:
        if deadline.expired:
            return timed_out()
        return PostResult(None, elapsed_ms(), error_code="REQUEST_FAILED", error=_text(exc))


class Deadline:
    """A total time limit for one request: when it passes, the request's sockets are shut.

    httpx's timeouts bound each step, not their sum, so an answer dripped a byte at a time
    never trips them. httpcore reports each connection it opens through the `trace` request
    extension; a timer shuts those sockets at the deadline, which ends any blocked read or
    write at once with an error the caller reads as a timeout (`expired`).
    """

    def __init__(self, seconds: float) -> None:
        self.expired = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True

    def trace(self, event: str, info: dict[str, Any]) -> None:
        if event not in ("connection.connect_tcp.complete", "connection.start_tls.complete"):
            return
        stream = info.get("return_value")
        sock = stream.get_extra_info("socket") if stream is not None else None
        if sock is None:
            return
        with self._lock:
            self._sockets.append(sock)
            if self.expired:
                _shut(sock)

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            for sock in self._sockets:
                _shut(sock)

    def __enter__(self) -> Deadline:
        self._timer.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._timer.cancel()


def _shut(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)


def _read_excerpt(response: httpx.Response, *, deadline: float) -> str:
    """At most EXCERPT_BYTES of the (decoded) answer, stopping early at the deadline."""
    received = b""
    try:
        for chunk in response.iter_bytes():
            received += chunk
            if len(received) >= EXCERPT_BYTES or time.monotonic() > deadline:
                break
    except httpx.HTTPError:
        # The status line arrived; a body cut short or undecodable does not change the outcome.
        pass
    return storable_text(received[:EXCERPT_BYTES].decode("utf-8", errors="replace"))


def storable_text(text: str) -> str:
    """`text` with NUL characters replaced (U+FFFD): PostgreSQL's text columns refuse them, and a
    receiver's binary answer (a GIF pixel, a protobuf) holds them; the attempt log must take
    whatever a receiver sends."""
    return text.replace("\x00", "\ufffd")


def _text(exc: Exception) -> str:
    return storable_text((str(exc) or type(exc).__name__)[:400])
