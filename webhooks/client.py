"""The one way webhook requests leave Casefile: httpx with explicit timeouts, no redirects and
the outbound address guard of SPEC §8.

Called by `webhooks.services` for each attempt. It never raises for what a receiver does: every
answer, timeout, refused connection or refused address comes back as a `PostResult`, which the
service turns into a delivery state. It must not touch the ORM or decide about retries.

The guard resolves the host, checks every address it resolves to and then connects only to a
checked address: `GuardedTransport` rewrites the request to the IP it checked while keeping the
original `Host` header and, for HTTPS, the original name for SNI and certificate checks. A DNS
answer that changes between the check and the connection (rebinding) therefore cannot redirect
the request. Environment proxies are ignored (`trust_env=False`) for the same reason.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from collections.abc import Callable
from dataclasses import dataclass

import httpx
from django.conf import settings

EXCERPT_BYTES = 1024
USER_AGENT = "Casefile-Webhooks/1.0"

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

# Networks refused unless WEBHOOKS_ALLOW_PRIVATE_IPS, with the word used in the refusal.
BLOCKED_NETWORKS: tuple[tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, str], ...] = tuple(
    (ipaddress.ip_network(network), reason)
    for network, reason in (
        ("169.254.169.254/32", "cloud metadata"),
        ("0.0.0.0/8", "unspecified"),
        ("10.0.0.0/8", "private"),
        ("100.64.0.0/10", "carrier-grade NAT"),
        ("127.0.0.0/8", "loopback"),
        ("169.254.0.0/16", "link-local"),
        ("172.16.0.0/12", "private"),
        ("192.0.0.0/24", "reserved"),
        ("192.0.2.0/24", "documentation"),
        ("192.88.99.0/24", "6to4 relay"),
        ("192.168.0.0/16", "private"),
        ("198.18.0.0/15", "benchmarking"),
        ("198.51.100.0/24", "documentation"),
        ("203.0.113.0/24", "documentation"),
        ("224.0.0.0/4", "multicast"),
        ("240.0.0.0/4", "reserved"),
        ("::/128", "unspecified"),
        ("::1/128", "loopback"),
        ("64:ff9b::/96", "NAT64"),
        ("64:ff9b:1::/48", "NAT64"),
        ("100::/64", "discard"),
        ("2001::/23", "reserved"),
        ("2001:db8::/32", "documentation"),
        ("2002::/16", "6to4"),
        ("fc00::/7", "private"),
        ("fe80::/10", "link-local"),
        ("fec0::/10", "site-local"),
        ("ff00::/8", "multicast"),
    )
)


class AddressRefused(Exception):
    """The target resolves to an address the guard does not allow."""


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


def address_refusal(address: IPAddress) -> str | None:
    """Why `address` may not be contacted, or None when it is a public unicast address."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address_refusal(address.ipv4_mapped)
    for network, reason in BLOCKED_NETWORKS:
        if address in network:
            return reason
    if address.is_multicast:
        return "multicast"
    if address.is_reserved or address.is_unspecified:
        return "reserved"
    if address.is_loopback:
        return "loopback"
    if address.is_link_local:
        return "link-local"
    if address.is_private or not address.is_global:
        return "private"
    return None


def resolve_host(host: str, port: int) -> list[str]:
    """Every address `host` resolves to, in the resolver's order (tests replace this)."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    addresses: list[str] = []
    for _family, _type, _proto, _canonname, sockaddr in infos:
        address = str(sockaddr[0]).split("%", 1)[0]
        if address not in addresses:
            addresses.append(address)
    return addresses


def checked_addresses(host: str, port: int, *, allow_private: bool) -> list[str]:
    """The addresses a request to `host` may connect to; refuses if any of them is blocked.

    Refusing when even one resolved address is private closes the trick of a name that
    answers both a public and an internal address.
    """
    try:
        addresses = resolve_host(host, port)
    except (socket.gaierror, UnicodeError) as exc:
        raise httpx.ConnectError(f"Could not resolve {host}: {exc}.") from exc
    if not addresses:
        raise httpx.ConnectError(f"{host} did not resolve to any address.")
    if allow_private:
        return addresses
    for text in addresses:
        reason = address_refusal(ipaddress.ip_address(text))
        if reason is not None:
            raise AddressRefused(
                f"{host} resolves to {text}, a {reason} address; webhooks are only sent to "
                "public addresses (WEBHOOKS_ALLOW_PRIVATE_IPS is off)."
            )
    return addresses


class GuardedTransport(httpx.BaseTransport):
    """Connects only to addresses `checked_addresses` allowed, keeping Host and SNI."""

    def __init__(
        self,
        *,
        allow_private: bool,
        inner: httpx.BaseTransport | None = None,
        resolve: Callable[..., list[str]] | None = None,
    ) -> None:
        self._allow_private = allow_private
        self._inner = inner if inner is not None else httpx.HTTPTransport(trust_env=False)
        self._resolve = resolve or checked_addresses

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        url = request.url
        host = url.raw_host.decode("ascii")
        port = url.port or (443 if url.scheme == "https" else 80)
        addresses = self._resolve(host, port, allow_private=self._allow_private)
        if url.scheme == "https":
            request.extensions = {**request.extensions, "sni_hostname": host}
        last_error: httpx.ConnectError | None = None
        for address in addresses:
            request.url = url.copy_with(host=address)
            try:
                return self._inner.handle_request(request)
            except httpx.ConnectError as exc:
                last_error = exc
        assert last_error is not None
        raise last_error

    def close(self) -> None:
        self._inner.close()


def webhook_post(
    *,
    url: str,
    body: bytes,
    headers: dict[str, str],
    transport: httpx.BaseTransport | None = None,
) -> PostResult:
    """POST one webhook request and report what happened; reads its limits from settings.

    Reads `WEBHOOKS_TIMEOUT` (seconds, for connecting, sending and each read, and as a bound on
    reading the excerpt) and `WEBHOOKS_ALLOW_PRIVATE_IPS` at call time, so tests can change
    them. Only the first KiB of the answer is read.
    """
    timeout = float(settings.WEBHOOKS_TIMEOUT)
    guard = GuardedTransport(
        allow_private=bool(settings.WEBHOOKS_ALLOW_PRIVATE_IPS), inner=transport
    )
    started = time.monotonic()

    def elapsed_ms() -> int:
        return int((time.monotonic() - started) * 1000)

    try:
        with (
            httpx.Client(
                transport=guard,
                timeout=httpx.Timeout(timeout),
                follow_redirects=False,
                trust_env=False,
            ) as client,
            client.stream(
                "POST", url, content=body, headers={"User-Agent": USER_AGENT, **headers}
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
        return PostResult(
            None,
            elapsed_ms(),
            error_code="TIMEOUT",
            error=f"No complete answer within {timeout:g} s.",
        )
    except httpx.ConnectError as exc:
        return PostResult(None, elapsed_ms(), error_code="CONNECTION_FAILED", error=_text(exc))
    except (httpx.InvalidURL, httpx.UnsupportedProtocol) as exc:
        return PostResult(None, elapsed_ms(), error_code="INVALID_URL", error=_text(exc))
    except httpx.TransportError as exc:
        return PostResult(None, elapsed_ms(), error_code="REQUEST_FAILED", error=_text(exc))


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
    return received[:EXCERPT_BYTES].decode("utf-8", errors="replace")


def _text(exc: Exception) -> str:
    return (str(exc) or type(exc).__name__)[:400]
