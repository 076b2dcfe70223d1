"""Which requests wait (`config.routing`), and the proxy configuration that sends them to the
streaming server (`config/nginx.conf`) naming the same ones."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from config.routing import WAITING_PATHS, query_may_wait, request_waits

NGINX_CONF = Path(__file__).resolve().parents[2] / "config" / "nginx.conf"


@pytest.mark.parametrize(
    ("path", "query"),
    [
        ("/ws/status", ""),
        ("/api/v1/events", "token=t&document_id=d"),
        ("/v1/extract", ""),
        ("/api/v1/extract", "mode=callback"),  # by path: the mode is in the body
        ("/api/v1/extraction-jobs/job_1", "wait=10"),
        ("/status/doc_1", "x=1&wait=3"),
        ("/api/v1/extraction-jobs/job_1", "wait=soon"),  # the streaming server refuses it 400
        ("/api/v1/extraction-jobs/job_1", "wai%74=30"),  # Django decodes the name
        ("/api/v1/extraction-jobs/job_1", "wait=0&wait=30"),  # Django's views read the last
    ],
)
def test_streams_one_call_extraction_and_long_polls_wait(path, query):
    assert request_waits(path, query)


@pytest.mark.parametrize(
    ("path", "query"),
    [
        ("/api/v1/extraction-jobs/job_1", ""),
        ("/api/v1/extraction-jobs/job_1", "wait=0"),
        ("/api/v1/extraction-jobs/job_1", "wait="),
        ("/api/v1/extraction-jobs/job_1", "wait=30&wait=0"),
        ("/api/v1/extraction-jobs", "waiting=5&status=queued"),
        ("/ws/token", ""),  # minting the stream's token answers at once
        ("/api/v1/events/", ""),  # not a route at all: Django's 404
    ],
)
def test_plain_requests_do_not_wait(path, query):
    assert not request_waits(path, query)


def _locations() -> dict[str, str]:
    """nginx.conf's exact-match locations and the upstream each passes to."""
    text = NGINX_CONF.read_text()
    return dict(re.findall(r"location = (\S+) \{[^}]*?proxy_pass http://(\w+);", text, re.S))


def test_the_proxy_sends_every_waiting_path_and_only_those_to_the_streaming_server():
    locations = _locations()

    assert sorted(locations) == sorted(WAITING_PATHS)
    assert set(locations.values()) == {"casefile_streams"}


def _nginx_query_rule() -> tuple[str, re.Pattern[str]]:
    """The variable `map $args` sets for `location /` and the regex that picks the streaming
    server (every other query goes to the WSGI server)."""
    text = NGINX_CONF.read_text()
    mapping = re.search(r"map \$args \$(\w+) \{([^}]*)\}", text)
    assert mapping is not None
    variable, body = mapping.groups()
    entries = dict(re.findall(r'^\s*("[^"]*"|\S+)\s+(\w+);', body, re.M))
    assert entries.pop("default") == "casefile_web"
    ((pattern, upstream),) = entries.items()
    assert upstream == "casefile_streams"
    assert pattern.startswith('"~')
    assert re.search(rf"location / \{{\s*proxy_pass http://\${variable};", text)
    return variable, re.compile(pattern[2:-1])


@pytest.mark.parametrize(
    "query",
    ["", "status=queued", "wait=0", "wait=30", "wai%74=30", "a=1&wait=5", "q=%20x", "x=w"],
)
def test_the_proxy_sends_a_query_to_the_streaming_server_exactly_when_it_may_wait(query):
    _, streams = _nginx_query_rule()

    assert bool(streams.search(query)) == query_may_wait(query)


@pytest.mark.parametrize("query", ["", "status=queued", "limit=10&offset=20", "x=w+a+i+t"])
def test_what_the_proxy_sends_to_wsgi_never_waits(query):
    assert not query_may_wait(query)
    assert not request_waits("/api/v1/extraction-jobs/job_1", query)


def test_the_proxy_forwards_its_own_view_of_client_and_host():
    """nginx is the edge: a client's own X-Forwarded-For never reaches the servers (else it
    could pass for loopback, which `/metrics` trusts), and Host keeps its port (CSRF's origin
    check and the URLs the API builds need it)."""
    text = NGINX_CONF.read_text()
    headers = re.findall(r"proxy_set_header (\S+) (\S+);", text)

    assert {value for name, value in headers if name == "X-Forwarded-For"} == {"$remote_addr"}
    assert {value for name, value in headers if name == "Host"} == {"$http_host"}
