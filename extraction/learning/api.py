"""The learning API: what Casefile learned for a case type, and resetting one layout.

`GET /api/v1/casetypes/{casetype_id}/learning` answers `selectors.learning_summary`;
`DELETE /api/v1/casetypes/{casetype_id}/learning/layouts/{layout_id}` forgets one layout
(`services.layout_reset`). Thin views in seed 001's envelope; another workspace's case type or
layout is not found.
"""

from __future__ import annotations

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from cases.actors import Actor
from cases.apikit.authentication import request_api_key, request_workspace
from cases.apikit.schema import responses
from cases.apikit.serializers import success
from cases.errors import ValidationFailed
from cases.selectors import case_type_get
from extraction.learning import selectors, services
from extraction.learning.api_schema import LAYOUT_RESET, LEARNING

NOT_FOUND_CASE_TYPE = (404, "No such case type in your workspace (CASETYPE_NOT_FOUND).")
NOT_FOUND_LAYOUT = (
    404,
    "No such case type (CASETYPE_NOT_FOUND) or layout of it (LAYOUT_NOT_FOUND) in your workspace.",
)


class CaseTypeLearningApi(APIView):
    @extend_schema(
        operation_id="casetypes_learning",
        summary="What Casefile learned from reviewers for a case type",
        description="Automation rate per week, estimated error among released fields, the "
        "reliability table from verdicts, known layouts with their track record and whether "
        "the confidence map is the workspace's own fit (SPEC §9).",
        parameters=[
            OpenApiParameter("weeks", int, description="Weeks of automation history, 1-104."),
        ],
        responses=responses({200: LEARNING}, 400, NOT_FOUND_CASE_TYPE),
    )
    def get(self, request: Request, casetype_id: str) -> Response:
        case_type = case_type_get(workspace=request_workspace(request), public_id=casetype_id)
        raw = request.query_params.get("weeks", "12")
        if not raw.isdigit() or not 1 <= int(raw) <= 104:
            raise ValidationFailed.for_field("weeks", "a whole number of weeks from 1 to 104.")
        return Response(success(selectors.learning_summary(case_type=case_type, weeks=int(raw))))


class LayoutResetApi(APIView):
    @extend_schema(
        operation_id="casetypes_learning_layout_reset",
        summary="Forget one remembered layout of a case type",
        description="Its remembered places and their track record are deleted; reviewers' "
        "verdicts stay. The next document of that layout is read as a new one.",
        responses=responses({200: LAYOUT_RESET}, NOT_FOUND_LAYOUT),
    )
    def delete(self, request: Request, casetype_id: str, layout_id: str) -> Response:
        case_type = case_type_get(workspace=request_workspace(request), public_id=casetype_id)
        services.layout_reset(
            case_type=case_type,
            layout_id=layout_id,
            actor=Actor(api_key=request_api_key(request)),
        )
        return Response(success({"layout_id": layout_id, "reset": True}))
