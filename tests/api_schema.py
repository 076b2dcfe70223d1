"""Casefile's OpenAPI schema, generated once per test process.

drf-spectacular walks every view to build it (about half a second each time); the schema only
depends on the URLconf and the code, so the tests that read it share one generation and each
gets its own copy to read. `/api/schema/` and `manage.py spectacular --validate` still generate
it for real in `tests/config/test_openapi.py`.
"""

from __future__ import annotations

import copy
from functools import cache
from typing import Any


@cache
def _generated() -> dict[str, Any]:
    from drf_spectacular.generators import SchemaGenerator

    return SchemaGenerator().get_schema(request=None, public=True)


def api_schema() -> dict[str, Any]:
    """A fresh copy of the generated schema (callers may change theirs)."""
    return copy.deepcopy(_generated())
