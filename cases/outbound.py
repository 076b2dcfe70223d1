"""Every request Casefile makes to a URL someone else gave it: the address guard (SPEC §8) and
the bounded download of a document by URL (seed 002's upload).

Two callers share this one piece of code: `webhooks.client` posts webhooks through
`GuardedTransport`, and `extraction.upload` downloads `url` uploads in the worker with
`url_fetch`. The guard resolves the host, checks every address the name resolves to (refusing
the whole name if even one is not public) and then connects only to an address it checked:
the request is rewritten to that IP while the `Host` header and, for HTTPS, the name used for
SNI and certificate checks stay the original name. A DNS answer that changes between the check
and the connection (rebinding) therefore cannot redirect the request. Environment proxies are
ignored for the same reason.

`url_fetch` adds what a download needs: http/https only, redirects followed by hand (each hop
checked again, at most `max_redirects`), a size cap enforced while streaming (a lying
`Content-Length` or an endless body stops at the cap), a connect timeout and a total deadline
enforced on every socket operation (a server dripping one byte at a time cannot hold it open).
Its refusals are `FetchError`s with the codes URL_NOT_ALLOWED, FETCH_FAILED and FILE_TOO_LARGE.

This module sits on the foundation floor: it imports httpx, httpcore and `cases.errors`, never
settings or the ORM (callers pass their limits), so both apps may use it (import-linter).
"""

from __future__ import annotations

import ipaddress
import socket
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from email.message import Message
from pathlib import PurePosixPath
from urllib.parse import unquote

import httpcore
import httpx

from cases.errors import DomainError

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network
Resolver = Callable[[str, int], list[str]]

USER_AGENT = "Casefile-Fetch/1.0"
MAX_REDIRECTS = 5
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
CHUNK_BYTES = 64 * 1024

# Networks refused, with the word used in the refusal. `address_refusal` also refuses whatever
# Python does not consider globally routable, so this list is the named part of the rule.
BLOCKED_NETWORKS: tuple[tuple[IPNetwork, str], ...] = tuple(
    (ipaddress.ip_network(network), reason)
    for network, reason in (
        ("169.254.169.254/32", "cloud metadata"),
        ("168.63.129.16/32", "cloud metadata"),
        ("100.100.100.200/32", "cloud metadata"),
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


class FetchError(DomainError):
    """A URL could not be downloaded; `code` says why (URL_NOT_ALLOWED, FETCH_FAILED,
    FILE_TOO_LARGE). Raised before the request for a URL that is refused on its face, so the
    API answers 400 then; in the worker it becomes the job's error code."""

    code = "FETCH_FAILED"
    status_code = 400


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


def networks_parse(values: Iterable[str]) -> tuple[IPNetwork, ...]:
    """Networks from settings text ("10.1.2.3/32"); a malformed one raises ValueError."""
    return tuple(ipaddress.ip_network(value.strip(), strict=False) for value in values if value)


def resolve_host(host: str, port: int) -> list[str]:
    """Every address `host` resolves to, in the resolver's order (tests inject another)."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    addresses: list[str] = []
    for _family, _type, _proto, _canonname, sockaddr in infos:
        address = str(sockaddr[0]).split("%", 1)[0]
        if address not in addresses:
            addresses.append(address)
    return addresses


def checked_addresses(
    host: str,
    port: int,
    *,
    allow_private: bool = False,
    allowed_networks: Sequence[IPNetwork] = (),
    resolve: Resolver | None = None,
) -> list[str]:
    """The addresses a request to `host` may connect to; refuses if any of them is blocked.

    Refusing when even one resolved address is private closes the trick of a name that answers
    both a public and an internal address. `allowed_networks` are exceptions an operator named
    explicitly (an intranet document server; tests' loopback receiver); `allow_private` turns
    the check off (the webhooks setting of the same name).
    """
    try:
        addresses = (resolve or resolve_host)(host, port)
    except (OSError, UnicodeError) as exc:
        raise httpx.ConnectError(f"Could not resolve {host}: {exc}.") from exc
    if not addresses:
        raise httpx.ConnectError(f"{host} did not resolve to any address.")
    if allow_private:
        return addresses
    for text in addresses:
        address = ipaddress.ip_address(text)
        if any(address in network for network in allowed_networks):
            continue
        reason = address_refusal(address)
        if reason is not None:
            raise AddressRefused(
                f"{host} resolves to {text}, a {reason} address; only public addresses may be "
                "contacted."
            )
    return addresses


class GuardedTransport(httpx.BaseTransport):
    """Connects only to addresses `checked_addresses` allowed, keeping Host and SNI.

    With `deadline` (a `time.monotonic()` value) every connect, TLS handshake, read and write
    gets at most the time left, so the whole exchange ends by then whatever the server does.
    """

    def __init__(
        self,
        *,
        allow_private: bool = False,
        allowed_networks: Sequence[IPNetwork] = (),
        inner: httpx.BaseTransport | None = None,
        resolve: Resolver | None = None,
        deadline: float | None = None,
    ) -> None:
        self._allow_private = allow_private
        self._allowed_networks = tuple(allowed_networks)
        self._resolve = resolve
        if inner is not None:
            self._inner = inner
        elif deadline is not None:
            self._inner = _deadline_transport(deadline)
        else:
            self._inner = httpx.HTTPTransport(trust_env=False)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        url = request.url
        host = url.raw_host.decode("ascii")
        port = url.port or (443 if url.scheme == "https" else 80)
        addresses = checked_addresses(
            host,
            port,
            allow_private=self._allow_private,
            allowed_networks=self._allowed_networks,
            resolve=self._resolve,
        )
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


# --- Downloading a document by URL ----------------------------------------------------------


@dataclass(frozen=True)
class FetchLimits:
    """What one download may cost. Seconds for the times; `max_bytes` for the body."""

    max_bytes: int
    connect_timeout: float = 5.0
    total_timeout: float = 60.0
    max_redirects: int = MAX_REDIRECTS


@dataclass(frozen=True)
class FetchedFile:
    content: bytes
    url: str
    """The URL the body came from, after redirects."""
    content_type: str
    filename: str
    """From `Content-Disposition`, else the last path segment; may be empty."""


def url_check(url: str, *, allowed_networks: Sequence[IPNetwork] = ()) -> httpx.URL:
    """The URL parsed, or URL_NOT_ALLOWED when it is refused on its face (scheme, host, a
    literal address that is not public). Names are checked after resolution, in the fetch."""
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, TypeError, ValueError) as exc:
        raise FetchError(f"url: not a valid URL ({exc}).", code="URL_NOT_ALLOWED") from None
    if parsed.scheme not in ("http", "https"):
        raise FetchError("url: only http and https URLs can be fetched.", code="URL_NOT_ALLOWED")
    host = parsed.host
    if not host:
        raise FetchError("url: the URL must name a host.", code="URL_NOT_ALLOWED")
    if host == "localhost" or host.endswith(".localhost"):
        raise FetchError("url: localhost cannot be fetched.", code="URL_NOT_ALLOWED")
    try:
        address = ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return parsed
    if any(address in network for network in allowed_networks):
        return parsed
    reason = address_refusal(address)
    if reason is not None:
        raise FetchError(
            f"url: {host} is a {reason} address; only public addresses can be fetched.",
            code="URL_NOT_ALLOWED",
        )
    return parsed


def url_fetch(
    url: str,
    *,
    limits: FetchLimits,
    allowed_networks: Sequence[IPNetwork] = (),
    resolve: Resolver | None = None,
    transport: httpx.BaseTransport | None = None,
) -> FetchedFile:
    """Download `url` within `limits`, or raise `FetchError` saying why not.

    Redirects are followed here, not by httpx, so that every hop goes through the guard again
    (scheme, resolution, addresses). `transport` replaces the network (tests); the guard still
    runs in front of it.
    """
    started = time.monotonic()
    deadline = started + limits.total_timeout
    current = url_check(url, allowed_networks=allowed_networks)
    guard = GuardedTransport(
        allowed_networks=allowed_networks, resolve=resolve, inner=transport, deadline=deadline
    )
    timeout = httpx.Timeout(limits.total_timeout, connect=limits.connect_timeout)
    try:
        with httpx.Client(
            transport=guard, timeout=timeout, follow_redirects=False, trust_env=False
        ) as client:
            for _hop in range(limits.max_redirects + 1):
                with client.stream(
                    "GET",
                    current,
                    headers={"User-Agent": USER_AGENT, "Accept-Encoding": "identity"},
                ) as response:
                    if response.status_code in REDIRECT_STATUSES:
                        current = _redirect_target(response, current, allowed_networks)
                        continue
                    if response.status_code != 200:
                        raise FetchError(
                            f"The server answered {response.status_code} for {_shown(current)}.",
                            code="FETCH_FAILED",
                        )
                    content = _read_capped(response, limits=limits, deadline=deadline)
                    return FetchedFile(
                        content=content,
                        url=str(current),
                        content_type=response.headers.get("Content-Type", ""),
                        filename=_filename(response, current),
                    )
    except AddressRefused as exc:
        raise FetchError(str(exc), code="URL_NOT_ALLOWED") from None
    except httpx.ConnectTimeout:
        raise FetchError(
            f"No connection within {limits.connect_timeout:g} s.", code="FETCH_FAILED"
        ) from None
    except httpx.TimeoutException:
        raise FetchError(
            f"No complete answer within {limits.total_timeout:g} s.", code="FETCH_FAILED"
        ) from None
    except httpx.HTTPError as exc:
        raise FetchError(
            f"The download failed: {(str(exc) or type(exc).__name__)[:300]}", code="FETCH_FAILED"
        ) from None
    raise FetchError(f"More than {limits.max_redirects} redirects.", code="FETCH_FAILED")


def _redirect_target(
    response: httpx.Response, current: httpx.URL, allowed_networks: Sequence[IPNetwork]
) -> httpx.URL:
    """The next hop: `Location` resolved against the URL asked for (`current`), never against
    `response.url`, which the guard rewrote to the checked IP address (a relative `Location`
    would otherwise go to the bare IP: the wrong site over HTTP, a failed certificate over
    HTTPS)."""
    location = response.headers.get("Location")
    if not location:
        raise FetchError(
            f"The server answered {response.status_code} without a Location.", code="FETCH_FAILED"
        )
    try:
        target = current.join(location)
    except httpx.InvalidURL as exc:
        raise FetchError(f"The redirect target is invalid: {exc}.", code="FETCH_FAILED") from None
    return url_check(str(target), allowed_networks=allowed_networks)


def _read_capped(response: httpx.Response, *, limits: FetchLimits, deadline: float) -> bytes:
    declared = response.headers.get("Content-Length")
    if declared is not None and declared.isdigit() and int(declared) > limits.max_bytes:
        raise _too_large(limits)
    received = bytearray()
    for chunk in response.iter_bytes(CHUNK_BYTES):
        received += chunk
        if len(received) > limits.max_bytes:
            raise _too_large(limits)
        if time.monotonic() > deadline:
            raise httpx.ReadTimeout("total deadline passed")
    return bytes(received)


def _too_large(limits: FetchLimits) -> FetchError:
    return FetchError(
        f"The file is larger than the limit of {limits.max_bytes} bytes.",
        code="FILE_TOO_LARGE",
        status_code=413,
        details={"limit_bytes": limits.max_bytes},
    )


def _filename(response: httpx.Response, url: httpx.URL) -> str:
    disposition = response.headers.get("Content-Disposition", "")
    if disposition:
        message = Message()
        message["Content-Disposition"] = disposition
        name = message.get_filename()
        if name:
            return PurePosixPath(name.replace("\\", "/")).name
    return PurePosixPath(unquote(url.path)).name


def _shown(url: httpx.URL) -> str:
    """The URL without its query (which may carry a token), for messages."""
    return str(url.copy_with(query=None, fragment=None))


# --- The total deadline on every socket operation -------------------------------------------


class _DeadlineStream(httpcore.NetworkStream):
    def __init__(self, inner: httpcore.NetworkStream, deadline: float) -> None:
        self._inner = inner
        self._deadline = deadline

    def _left(self, timeout: float | None) -> float:
        left = self._deadline - time.monotonic()
        if left <= 0:
            raise httpcore.ReadTimeout("total deadline passed")
        return left if timeout is None else min(timeout, left)

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, self._left(timeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, self._left(timeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(
        self, ssl_context, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.NetworkStream:
        inner = self._inner.start_tls(ssl_context, server_hostname, self._left(timeout))
        return _DeadlineStream(inner, self._deadline)

    def get_extra_info(self, info: str):
        return self._inner.get_extra_info(info)


class _DeadlineBackend(httpcore.NetworkBackend):
    def __init__(self, deadline: float) -> None:
        self._inner = httpcore.SyncBackend()
        self._deadline = deadline

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable | None = None,
    ) -> httpcore.NetworkStream:
        left = self._deadline - time.monotonic()
        if left <= 0:
            raise httpcore.ConnectTimeout("total deadline passed")
        stream = self._inner.connect_tcp(
            host,
            port,
            timeout=left if timeout is None else min(timeout, left),
            local_address=local_address,
            socket_options=socket_options,
        )
        return _DeadlineStream(stream, self._deadline)

    def connect_unix_socket(self, *args, **kwargs) -> httpcore.NetworkStream:
        raise httpcore.ConnectError("Unix sockets are not fetched.")

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


def _deadline_transport(deadline: float) -> httpx.HTTPTransport:
    """httpx's transport over a connection pool whose sockets honour `deadline`.

    httpx has no public parameter for httpcore's network backend, so the pool it built is
    replaced by an equivalent one (same TLS context, no proxy) with the deadline backend.
    """
    transport = httpx.HTTPTransport(trust_env=False)
    transport._pool = httpcore.ConnectionPool(
        ssl_context=httpx.create_ssl_context(trust_env=False),
        max_connections=10,
        network_backend=_DeadlineBackend(deadline),
    )
    return transport
