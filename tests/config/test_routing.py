"""Which requests wait (`config.routing`), and the proxy configuration that sends them to the
streaming server (`config/nginx.conf`) naming the same ones."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from config.routing import WAIT_PARAMETER, WAITING_PATHS, request_waits

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


def test_the_proxy_sends_long_polls_to_the_streaming_server_and_the_rest_to_wsgi():
    text = NGINX_CONF.read_text()
    mapping = re.search(rf"map \$arg_{WAIT_PARAMETER} \$(\w+) \{{([^}}]*)\}}", text)
    assert mapping is not None
    variable, body = mapping.groups()
    entries = dict(re.findall(r"^\s*(\S+)\s+(\w+);", body, re.M))

    assert entries == {
        "default": "casefile_streams",
        '""': "casefile_web",
        '"0"': "casefile_web",
    }
    assert re.search(rf"location / \{{\s*proxy_pass http://\${variable};", text)
