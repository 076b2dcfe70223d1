"""Schema wiring: the schema class drf-spectacular uses for every API view (named in
`REST_FRAMEWORK["DEFAULT_SCHEMA_CLASS"]`; imported as the first `@extend_schema` decorator runs).

It knows the URL layout, as `config/urls.py` does, and nothing of any app's shapes: operations
are tagged by the app that serves them, every 429 documents its `Retry-After`, and the seed-path
aliases (`config/seed_urls.py`, the only unnamed API routes) get the canonical operation's id
with `_seed_path` appended, so operationIds stay unique. It also loads the schema declarations
kept apart from their views (`review.api_schema`). It runs when the schema is built, never while
a request is answered.
"""

from __future__ import annotations

from typing import Any

from django.urls import Resolver404, resolve
from drf_spectacular.openapi import AutoSchema as SpectacularAutoSchema

import review.api_schema  # noqa: F401  (registers the review views' declarations)
from cases.apikit.schema import RETRY_AFTER

SEED_PATH_TAG = "seed paths"


class AutoSchema(SpectacularAutoSchema):
    def is_seed_path(self) -> bool:
        try:
            return resolve(self.path).url_name is None
        except Resolver404:
            return False

    def get_operation(self, *args: Any, **kwargs: Any) -> dict[str, Any] | None:
        # Here rather than in get_operation_id, which `@extend_schema(operation_id=...)` replaces.
        operation = super().get_operation(*args, **kwargs)
        if operation is not None and self.is_seed_path():
            operation["operationId"] = f"{operation['operationId']}_seed_path"
        return operation

    def get_override_parameters(self) -> list[Any]:
        # Every operation counts against the API key's rate limit: its 429 says when to retry.
        return [*super().get_override_parameters(), RETRY_AFTER]

    def get_tags(self) -> list[str]:
        if self.is_seed_path():
            return [SEED_PATH_TAG]
        # A view served by one app but documented with another's operations names that tag
        # (`schema_tag`: the case upload views live in `extraction`, listed under "cases").
        return [getattr(self.view, "schema_tag", None) or self.view.__module__.split(".", 1)[0]]
