"""The outbound client: the address guard, explicit timeouts, no redirects, the 1 KiB excerpt.

Requests only ever go to the loopback receiver; public addresses are checked as values only.
"""

from __future__ import annotations

import ipaddress
import socket

import httpx
import pytest

from webhooks import client
from webhooks.client import PostResult, webhook_post

from .conftest import Reply


def post(url: str, **kwargs: object) -> PostResult:
    return webhook_post(url=url, body=b'{"event":"webhook.test"}', headers={}, **kwargs)


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.mark.parametrize(
    ("address", "reason"),
    [
        ("127.0.0.1", "loopback"),
        ("127.8.9.10", "loopback"),
        ("10.1.2.3", "private"),
        ("172.16.0.1", "private"),
        ("192.168.1.1", "private"),
        ("169.254.169.254", "cloud metadata"),
        ("169.254.1.1", "link-local"),
        ("100.64.0.1", "carrier-grade NAT"),
        ("224.0.0.1", "multicast"),
        ("0.0.0.0", "unspecified"),
        ("240.0.0.1", "reserved"),
        ("255.255.255.255", "reserved"),
        ("::1", "loopback"),
        ("::", "unspecified"),
        ("fe80::1", "link-local"),
        ("fd00:ec2::254", "private"),
        ("ff02::1", "multicast"),
        ("64:ff9b::a9fe:a9fe", "NAT64"),
        ("2002:7f00:1::", "6to4"),
        ("::ffff:127.0.0.1", "loopback"),
        ("::ffff:169.254.169.254", "cloud metadata"),
    ],
)
def test_address_guard_names_why_a_non_public_address_is_refused(address, reason):
    assert client.address_refusal(ipaddress.ip_address(address)) == reason


@pytest.mark.parametrize("address", ["8.8.8.8", "1.1.1.1", "2606:4700:4700::1111"])
def test_address_guard_lets_public_unicast_addresses_through(address):
    assert client.address_refusal(ipaddress.ip_address(address)) is None


def test_private_targets_are_refused_by_default_before_any_connection(settings, receiver):
    settings.WEBHOOKS_ALLOW_PRIVATE_IPS = False
    result = post(receiver.url)
    assert result.error_code == "ADDRESS_REFUSED"
    assert "127.0.0.1" in result.error
    assert result.status_code is None
    assert receiver.requests == []


def test_localhost_by_name_is_refused_after_resolution(settings, receiver):
    settings.WEBHOOKS_ALLOW_PRIVATE_IPS = False
    result = post(f"http://localhost:{receiver.port}/hooks")
    assert result.error_code == "ADDRESS_REFUSED"
    assert receiver.requests == []


def test_a_name_resolving_to_a_public_and_a_private_address_is_refused(
    settings, receiver, monkeypatch
):
    settings.WEBHOOKS_ALLOW_PRIVATE_IPS = False
    monkeypatch.setattr(client, "resolve_host", lambda host, port: ["8.8.8.8", "127.0.0.1"])
    result = post(f"http://hooks.example.test:{receiver.port}/hooks")
    assert result.error_code == "ADDRESS_REFUSED"
    assert receiver.requests == []


def test_the_request_goes_to_the_checked_address_with_the_original_host_header(
    settings, receiver, monkeypatch
):
    settings.WEBHOOKS_ALLOW_PRIVATE_IPS = True
    lookups: list[str] = []

    def resolve(host: str, port: int) -> list[str]:
        lookups.append(host)
        return ["127.0.0.1"]

    monkeypatch.setattr(client, "resolve_host", resolve)
    result = post(f"http://hooks.example.test:{receiver.port}/hooks?x=1")
    assert result.status_code == 200
    assert lookups == ["hooks.example.test"]
    (request,) = receiver.requests
    assert request.header("Host") == f"hooks.example.test:{receiver.port}"
    assert request.path == "/hooks?x=1"


def test_https_keeps_the_original_name_for_sni_while_connecting_to_the_checked_ip(
    settings, monkeypatch
):
    settings.WEBHOOKS_ALLOW_PRIVATE_IPS = True
    monkeypatch.setattr(client, "resolve_host", lambda host, port: ["127.0.0.1"])
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(204)

    result = post("https://hooks.example.test/in", transport=httpx.MockTransport(handler))
    assert result.status_code == 204
    (request,) = seen
    assert request.url.host == "127.0.0.1"
    assert request.url.port is None
    assert request.url.scheme == "https"
    assert request.headers["Host"] == "hooks.example.test"
    assert request.extensions["sni_hostname"] == "hooks.example.test"


def test_redirects_are_answered_as_they_are_and_never_followed(settings, receiver):
    settings.WEBHOOKS_ALLOW_PRIVATE_IPS = True
    receiver.reply(Reply(302, {"Location": f"http://127.0.0.1:{receiver.port}/elsewhere"}))
    result = post(receiver.url)
    assert result.status_code == 302
    assert not result.is_success
    assert [request.path for request in receiver.requests] == ["/hooks"]


def test_a_slow_receiver_times_out_at_the_configured_timeout(settings, receiver):
    settings.WEBHOOKS_ALLOW_PRIVATE_IPS = True
    settings.WEBHOOKS_TIMEOUT = 0.3
    receiver.reply(Reply(delay=1.0))
    result = post(receiver.url)
    assert result.error_code == "TIMEOUT"
    assert result.status_code is None
    assert result.duration_ms < 900


def test_a_refused_connection_is_reported_not_raised(settings):
    settings.WEBHOOKS_ALLOW_PRIVATE_IPS = True
    result = post(f"http://127.0.0.1:{closed_port()}/hooks")
    assert result.error_code == "CONNECTION_FAILED"
    assert result.status_code is None


def test_only_the_first_kib_of_the_answer_is_kept(settings, receiver):
    settings.WEBHOOKS_ALLOW_PRIVATE_IPS = True
    receiver.reply(Reply(500, body=b"x" * 5000))
    result = post(receiver.url)
    assert result.status_code == 500
    assert result.excerpt == "x" * 1024


def test_retry_after_is_passed_back_to_the_caller(settings, receiver):
    settings.WEBHOOKS_ALLOW_PRIVATE_IPS = True
    receiver.reply(Reply(503, {"Retry-After": "120"}))
    assert post(receiver.url).retry_after == "120"


def test_the_caller_headers_and_the_raw_body_are_sent_unchanged(settings, receiver):
    settings.WEBHOOKS_ALLOW_PRIVATE_IPS = True
    webhook_post(url=receiver.url, body=b'{"a": 1}', headers={"X-Webhook-Id": "dlv__1"})
    (request,) = receiver.requests
    assert request.body == b'{"a": 1}'
    assert request.header("X-Webhook-Id") == "dlv__1"
    assert request.header("User-Agent") == client.USER_AGENT


class DrippingReceiver:
    """A raw socket server that answers one byte every `gap` seconds, forever (bounded)."""

    def __init__(self, gap: float = 0.1, total_bytes: int = 400) -> None:
        import threading

        self.gap = gap
        self.total_bytes = total_bytes
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(4)
        self.port = self.sock.getsockname()[1]
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        import time

        try:
            conn, _ = self.sock.accept()
        except OSError:
            return
        with conn:
            conn.recv(65536)
            answer = b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nX-Pad: " + b"x" * self.total_bytes
            for byte in answer:
                try:
                    conn.sendall(bytes([byte]))
                except OSError:
                    return
                time.sleep(self.gap)

    def close(self) -> None:
        self.sock.close()


def test_a_receiver_that_drips_its_answer_is_cut_off_at_the_total_deadline(settings):
    import time

    settings.WEBHOOKS_ALLOW_PRIVATE_IPS = True
    settings.WEBHOOKS_TIMEOUT = 1
    dripping = DrippingReceiver(gap=0.05)
    try:
        started = time.monotonic()
        result = post(f"http://127.0.0.1:{dripping.port}/hook")
        elapsed = time.monotonic() - started
    finally:
        dripping.close()
    assert result.error_code == "TIMEOUT"
    assert result.status_code is None
    assert elapsed < 1.8, elapsed  # each byte came within the 1 s read timeout
