"""schemathesis against Casefile's own OpenAPI schema: generated requests to every operation,
in-process (WSGI), with a valid API key; the only property checked is the one that must hold
for any input: no 5xx. `SCHEMATHESIS_EXAMPLES` (environment) sets examples per operation
(default 6, enough for CI's time budget; raise it for a longer hunt)."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.config import SchemathesisConfig

EXAMPLES = int(os.environ.get("SCHEMATHESIS_EXAMPLES", "6"))


def _raw_schema() -> dict:
    import django

    django.setup()
    from tests.api_schema import api_schema

    return api_schema()


# The fuzzing phase (random valid and invalid requests) within the example budget; the coverage
# phase (every boundary of every parameter) multiplies the run time and stays for local runs
# with SCHEMATHESIS_COVERAGE=1.
CONFIG = SchemathesisConfig.from_dict(
    {
        "phases": {
            "coverage": {"enabled": os.environ.get("SCHEMATHESIS_COVERAGE") == "1"},
            "stateful": {"enabled": False},
        }
    }
)
schema = schemathesis.openapi.from_dict(_raw_schema(), config=CONFIG)
schema.app = WSGIHandler()


@pytest.fixture
def api_headers(tenant, settings) -> Iterator[dict[str, str]]:
    """A valid key; and, as Django's test client does, the request signals do not close the
    test's database connection (schemathesis calls the real WSGI handler, whose
    `close_old_connections` would drop the connection that holds the test's transaction)."""
    settings.API_RATE_LIMIT = "100000/min"
    settings.WEBHOOKS_ALLOW_PRIVATE_IPS = False
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield {"X-API-Key": tenant.raw_key, "Host": "testserver"}
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,
)
def test_no_generated_request_is_a_server_error(case, api_headers):
    response = case.call(headers=api_headers)
    case.validate_response(response, checks=[not_a_server_error])
