"""The webhooks suite's loopback receiver and its settings, for the fault tests."""

from tests.webhooks.conftest import loopback_allowed, receiver  # noqa: F401 (fixtures)
