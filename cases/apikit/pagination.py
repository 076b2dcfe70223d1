"""Limit/offset pagination for the API's list endpoints, in each family's own envelope.

A family subclasses `LimitOffsetPage`, sets its bounds and writes its envelope in
`get_paginated_response`; the view calls `paginate_queryset` and `get_paginated_response` like
any DRF list view. Unlike DRF's `LimitOffsetPagination`, which quietly falls back to its default
on a bad `limit`, a value out of bounds or not a number is a 400 naming the parameter (the seeds'
lists promise `limit` 0-100 or 1-100, and a client asking for 500 should hear it was refused).
`offset` is bounded too (`MAX_OFFSET`): a number past what any database slice takes (2^63 and
beyond) is a 400 naming `offset`, never an overflow in the database driver.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from drf_spectacular.utils import OpenApiParameter
from rest_framework import serializers
from rest_framework.pagination import LimitOffsetPagination
from rest_framework.request import Request

MAX_OFFSET = 1_000_000_000
"""The largest `offset` any list accepts (far past any workspace's rows; far below 2^63)."""


class LimitOffsetPage(LimitOffsetPagination):
    default_limit = 20
    min_limit = 1
    max_limit = 100

    def paginate_queryset(
        self, queryset: QuerySet, request: Request, view: Any = None
    ) -> list[Any]:
        self.request = request
        self.limit = self._param(
            request, "limit", self.min_limit, self.max_limit, self.default_limit
        )
        self.offset = self._param(request, "offset", 0, MAX_OFFSET, 0)
        self.count = self.get_count(queryset)
        if not self.limit:
            return []
        return list(queryset[self.offset : self.offset + self.limit])

    def page_fields(self) -> dict[str, int]:
        """What every family's envelope says about the page besides its items and total."""
        return {"limit": self.limit, "offset": self.offset}

    @staticmethod
    def _param(request: Request, name: str, minimum: int, maximum: int | None, default: int) -> int:
        field = serializers.IntegerField(
            min_value=minimum, max_value=maximum, required=False, default=default
        )
        raw = request.query_params.get(name, serializers.empty)
        try:
            return field.run_validation(raw)
        except serializers.ValidationError as exc:
            raise serializers.ValidationError({name: exc.detail}) from None

    @classmethod
    def schema_parameters(cls) -> list[OpenApiParameter]:
        """`limit` and `offset` for the view's `@extend_schema(parameters=...)`."""
        limit = {"minimum": cls.min_limit, "maximum": cls.max_limit, "default": cls.default_limit}
        offset = {"minimum": 0, "maximum": MAX_OFFSET, "default": 0}
        return [
            OpenApiParameter(
                "limit",
                {"type": "integer", **limit},
                description=f"Items per page, {cls.min_limit} to {cls.max_limit} "
                f"(default {cls.default_limit}).",
            ),
            OpenApiParameter(
                "offset",
                {"type": "integer", **offset},
                description=f"Items to skip, 0 to {MAX_OFFSET} (default 0).",
            ),
        ]
