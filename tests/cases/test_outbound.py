"""The outbound guard and the bounded URL download, against real loopback servers.

Loopback is refused in production; these tests name 127.0.0.1/32 as an allowed network (the
operator's explicit exception), so every other address keeps being checked on every hop.
Public addresses appear only as values returned by an injected resolver.
"""

from __future__ import annotations

import ipaddress
import re
import socket
import time
from collections.abc import Iterator

import httpx
import pytest

from cases.outbound import (
    FetchError,
    FetchLimits,
    GuardedTransport,
    address_refusal,
    checked_addresses,
    networks_parse,
    url_check,
    url_fetch,
)
from tests.raw_http import RawServer, ok, raw_server, redirect

LOOPBACK = networks_parse(["127.0.0.1/32"])


@pytest.fixture
def server() -> Iterator[RawServer]:
    with raw_server() as raw:
        yield raw


PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def fetch(url: str, **kwargs) -> bytes:
    limits = kwargs.pop("limits", FetchLimits(max_bytes=1024 * 1024, total_timeout=5))
    kwargs.setdefault("allowed_networks", LOOPBACK)
    return url_fetch(url, limits=limits, **kwargs).content


# --- The address rule ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("address", "reason"),
    [
        ("127.0.0.1", "loopback"),
        ("10.0.0.5", "private"),
        ("192.168.0.1", "private"),
        ("172.31.255.255", "private"),
        ("169.254.169.254", "cloud metadata"),
        ("168.63.129.16", "cloud metadata"),
        ("169.254.10.10", "link-local"),
        ("100.64.0.1", "carrier-grade NAT"),
        ("100.127.255.254", "carrier-grade NAT"),
        ("239.1.1.1", "multicast"),
        ("0.0.0.0", "unspecified"),
        ("::", "unspecified"),
        ("::1", "loopback"),
        ("fe80::1", "link-local"),
        ("fc00::1", "private"),
        ("ff05::1", "multicast"),
        ("64:ff9b::7f00:1", "NAT64"),
        ("2002:a00:1::", "6to4"),
        ("::ffff:10.0.0.1", "private"),
        ("::ffff:169.254.169.254", "cloud metadata"),
    ],
)
def test_address_refusal_names_each_kind_of_non_public_address(address, reason):
    assert address_refusal(ipaddress.ip_address(address)) == reason


@pytest.mark.parametrize("address", ["93.184.215.14", "2606:2800:21f:cb07:6820:80da:af6b:8b2c"])
def test_address_refusal_lets_public_unicast_through(address):
    assert address_refusal(ipaddress.ip_address(address)) is None


def test_a_name_is_refused_when_any_of_its_addresses_is_private():
    with pytest.raises(Exception, match=re.escape("10.0.0.7, a private address")):
        checked_addresses(
            "docs.example.test", 443, resolve=lambda host, port: ["93.184.215.14", "10.0.0.7"]
        )


def test_an_allowed_network_is_an_exception_for_that_network_only():
    assert checked_addresses(
        "files.test", 80, allowed_networks=LOOPBACK, resolve=lambda h, p: ["127.0.0.1"]
    ) == ["127.0.0.1"]
    with pytest.raises(Exception, match="loopback"):
        checked_addresses(
            "files.test", 80, allowed_networks=LOOPBACK, resolve=lambda h, p: ["127.0.0.2"]
        )


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("ftp://example.com/a.pdf", "only http and https"),
        ("file:///etc/passwd", "only http and https"),
        ("gopher://example.com/", "only http and https"),
        ("http://localhost/a.pdf", "localhost"),
        ("http://127.0.0.1/a.pdf", "loopback"),
        ("http://[::1]/a.pdf", "loopback"),
        ("http://169.254.169.254/latest/meta-data/", "cloud metadata"),
        ("http://[::ffff:a9fe:a9fe]/", "cloud metadata"),
        ("http:///nohost", "must name a host"),
    ],
)
def test_url_check_refuses_urls_wrong_on_their_face(url, message):
    with pytest.raises(FetchError, match=message) as caught:
        url_check(url)
    assert caught.value.code == "URL_NOT_ALLOWED"


# --- Downloads against loopback servers ---------------------------------------------------


def test_a_file_is_downloaded_with_its_type_and_name(server):
    server.routes["/claims/scope.pdf"] = ok(PDF)
    fetched = url_fetch(
        server.url("/claims/scope.pdf"),
        limits=FetchLimits(max_bytes=1024),
        allowed_networks=LOOPBACK,
    )
    assert fetched.content == PDF
    assert fetched.content_type == "application/pdf"
    assert fetched.filename == "scope.pdf"


def test_loopback_is_refused_without_the_explicit_exception(server):
    server.routes["/a.pdf"] = ok(PDF)
    with pytest.raises(FetchError) as caught:
        url_fetch(
            server.url("/a.pdf", host="files.example.test"),
            limits=FetchLimits(max_bytes=1024),
            resolve=lambda host, port: ["127.0.0.1"],
        )
    assert caught.value.code == "URL_NOT_ALLOWED"
    assert server.paths == []


def test_the_connection_goes_to_the_checked_address_with_the_original_host(server):
    server.routes["/a.pdf"] = ok(PDF)
    lookups: list[str] = []

    def resolve(host: str, port: int) -> list[str]:
        lookups.append(host)
        return ["127.0.0.1"]

    assert fetch(server.url("/a.pdf", host="files.example.test"), resolve=resolve) == PDF
    assert lookups == ["files.example.test"]
    assert server.host_headers == [f"files.example.test:{server.port}"]


def test_a_dns_answer_switching_from_public_to_private_cannot_reach_the_private_address(server):
    """Rebinding: the first lookup answers a public address, the next a private one. The guard
    connects to the address it checked and checks again on the next request, so the private
    answer is refused rather than connected to."""
    server.routes["/a.pdf"] = ok(PDF)
    server.routes["/start"] = redirect("/a.pdf")
    answers = iter([["127.0.0.1"], ["10.0.0.8"]])  # 127.0.0.1 stands in for the public one

    def rebinding(host: str, port: int) -> list[str]:
        return next(answers)

    with pytest.raises(FetchError, match=re.escape("10.0.0.8, a private address")) as caught:
        fetch(server.url("/start", host="rebind.example.test"), resolve=rebinding)
    assert caught.value.code == "URL_NOT_ALLOWED"
    assert server.paths == ["/start"]


def test_https_requests_keep_the_name_for_sni_while_connecting_to_the_checked_ip():
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, content=PDF)

    fetched = url_fetch(
        "https://files.example.test/a.pdf",
        limits=FetchLimits(max_bytes=1024),
        resolve=lambda host, port: ["93.184.215.14"],
        transport=httpx.MockTransport(handler),
    )
    assert fetched.content == PDF
    (request,) = seen
    assert request.url.host == "93.184.215.14"
    assert request.headers["Host"] == "files.example.test"
    assert request.extensions["sni_hostname"] == "files.example.test"


def test_a_redirect_chain_within_the_limit_is_followed(server):
    for hop in range(5):
        server.routes[f"/hop{hop}"] = redirect(f"/hop{hop + 1}", status=301 + hop % 2)
    server.routes["/hop5"] = ok(PDF)
    assert fetch(server.url("/hop0")) == PDF
    assert server.paths == [f"/hop{hop}" for hop in range(6)]


def test_a_relative_redirect_goes_to_the_same_host_by_name_not_to_its_address(server):
    server.routes["/a"] = redirect("/b.pdf")
    server.routes["/b.pdf"] = ok(PDF)
    url = server.url("/a", host="files.example.test")
    assert fetch(url, resolve=lambda host, port: ["127.0.0.1"]) == PDF
    assert server.paths == ["/a", "/b.pdf"]
    assert server.host_headers == [f"files.example.test:{server.port}"] * 2


def test_a_sixth_redirect_is_refused(server):
    for hop in range(6):
        server.routes[f"/hop{hop}"] = redirect(f"/hop{hop + 1}")
    server.routes["/hop6"] = ok(PDF)
    with pytest.raises(FetchError, match="More than 5 redirects") as caught:
        fetch(server.url("/hop0"))
    assert caught.value.code == "FETCH_FAILED"
    assert "/hop6" not in server.paths


def test_a_redirect_to_a_private_address_is_refused_before_connecting(server):
    server.routes["/start"] = redirect("http://10.1.2.3/internal.pdf")
    with pytest.raises(FetchError, match=re.escape("10.1.2.3 is a private address")) as caught:
        fetch(server.url("/start"))
    assert caught.value.code == "URL_NOT_ALLOWED"


def test_a_redirect_to_the_metadata_service_by_name_is_refused_after_resolution(server):
    server.routes["/start"] = redirect("http://metadata.example.test/latest/meta-data/")

    def resolve(host: str, port: int) -> list[str]:
        return ["127.0.0.1"] if host == "127.0.0.1" else ["169.254.169.254"]

    with pytest.raises(FetchError, match="cloud metadata") as caught:
        fetch(server.url("/start"), resolve=resolve)
    assert caught.value.code == "URL_NOT_ALLOWED"


def test_a_redirect_to_another_scheme_is_refused(server):
    server.routes["/start"] = redirect("file:///etc/passwd")
    with pytest.raises(FetchError, match="only http and https") as caught:
        fetch(server.url("/start"))
    assert caught.value.code == "URL_NOT_ALLOWED"


def test_a_declared_length_over_the_cap_is_refused_before_the_body_is_read(server):
    server.routes["/big.pdf"] = ok(b"x" * 5000)
    with pytest.raises(FetchError) as caught:
        fetch(server.url("/big.pdf"), limits=FetchLimits(max_bytes=1000))
    assert caught.value.code == "FILE_TOO_LARGE"
    assert caught.value.status_code == 413


def test_an_endless_body_without_a_length_stops_at_the_cap(server):
    sent = []

    def endless(conn: socket.socket, _path: str) -> None:
        conn.sendall(
            b"HTTP/1.1 200 OK\r\nContent-Type: application/pdf\r\nConnection: close\r\n\r\n"
        )
        for _ in range(10_000):  # bounded: 640 MB at most, the client stops after ~64 KB
            conn.sendall(b"x" * 65536)
            sent.append(1)

    server.routes["/endless"] = endless
    started = time.monotonic()
    with pytest.raises(FetchError) as caught:
        fetch(server.url("/endless"), limits=FetchLimits(max_bytes=100_000, total_timeout=5))
    assert caught.value.code == "FILE_TOO_LARGE"
    assert time.monotonic() - started < 3


def test_a_content_length_understating_the_body_never_delivers_more_than_it_declared(server):
    """The lie that says "small" and sends a flood: only the declared bytes are read."""

    def liar(conn: socket.socket, _path: str) -> None:
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 100\r\nConnection: close\r\n\r\n")
        for _ in range(100):
            conn.sendall(b"y" * 65536)

    server.routes["/liar"] = liar
    assert fetch(server.url("/liar"), limits=FetchLimits(max_bytes=1000)) == b"y" * 100


def test_a_chunked_body_over_the_cap_is_refused(server):
    def chunked(conn: socket.socket, _path: str) -> None:
        conn.sendall(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n")
        for _ in range(50):
            conn.sendall(b"400\r\n" + b"z" * 1024 + b"\r\n")
        conn.sendall(b"0\r\n\r\n")

    server.routes["/chunked"] = chunked
    with pytest.raises(FetchError) as caught:
        fetch(server.url("/chunked"), limits=FetchLimits(max_bytes=10_000))
    assert caught.value.code == "FILE_TOO_LARGE"


def test_a_drip_fed_body_is_cut_at_the_total_deadline(server):
    def drip(conn: socket.socket, _path: str) -> None:
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 100000\r\nConnection: close\r\n\r\n")
        for _ in range(200):  # at most 20 s; the client gives up after 1 s
            conn.sendall(b"d")
            time.sleep(0.1)

    server.routes["/drip"] = drip
    started = time.monotonic()
    with pytest.raises(FetchError, match="within 1 s") as caught:
        fetch(server.url("/drip"), limits=FetchLimits(max_bytes=1_000_000, total_timeout=1))
    assert caught.value.code == "FETCH_FAILED"
    assert time.monotonic() - started < 2.5


def test_headers_dripped_byte_by_byte_are_cut_at_the_total_deadline(server):
    def slow_headers(conn: socket.socket, _path: str) -> None:
        for byte in b"HTTP/1.1 200 OK\r\nX-Padding: " + b"p" * 200:
            conn.sendall(bytes([byte]))
            time.sleep(0.05)

    server.routes["/slow"] = slow_headers
    started = time.monotonic()
    with pytest.raises(FetchError) as caught:
        fetch(server.url("/slow"), limits=FetchLimits(max_bytes=1000, total_timeout=1))
    assert caught.value.code == "FETCH_FAILED"
    assert time.monotonic() - started < 2.5


def test_an_error_status_fails_the_fetch_without_echoing_the_query(server):
    with pytest.raises(FetchError, match="answered 404") as caught:
        fetch(server.url("/missing.pdf?token=secret"))
    assert caught.value.code == "FETCH_FAILED"
    assert "secret" not in caught.value.message


def test_a_refused_connection_fails_the_fetch():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(FetchError) as caught:
        fetch(f"http://127.0.0.1:{port}/a.pdf")
    assert caught.value.code == "FETCH_FAILED"


def test_content_disposition_names_the_file(server):
    server.routes["/download"] = ok(
        PDF, extra='Content-Disposition: attachment; filename="q3 scope.pdf"\r\n'
    )
    fetched = url_fetch(
        server.url("/download"), limits=FetchLimits(max_bytes=1024), allowed_networks=LOOPBACK
    )
    assert fetched.filename == "q3 scope.pdf"


def test_the_webhook_transport_is_the_same_guard():
    from webhooks import client

    assert issubclass(client.GuardedTransport, GuardedTransport)
    assert client.address_refusal is address_refusal


def test_a_connection_that_never_completes_is_cut_at_the_connect_timeout():
    """A listener whose backlog is full leaves new handshakes unanswered."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(0)
        port = listener.getsockname()[1]
        fillers = []
        try:
            for _ in range(8):  # bounded: fill the backlog until a connect stalls
                filler = socket.socket()
                filler.setblocking(False)
                filler.connect_ex(("127.0.0.1", port))
                fillers.append(filler)
            time.sleep(0.2)
            started = time.monotonic()
            with pytest.raises(FetchError, match=re.escape("No connection within 0.5 s")) as caught:
                fetch(
                    f"http://127.0.0.1:{port}/a.pdf",
                    limits=FetchLimits(max_bytes=1000, connect_timeout=0.5, total_timeout=10),
                )
            assert caught.value.code == "FETCH_FAILED"
            assert time.monotonic() - started < 3
        finally:
            for filler in fillers:
                filler.close()
