"""The case API of seed 001 and the read-only case type API.

Thin views: parse with a serializer, call one selector or service, answer in the seed's
envelope. The upload (`POST /cases`) and start-extraction (`POST /cases/{id}/extract`) views
start the pipeline, so they live one floor up, in `extraction.api`; so does the case's file list
(`extraction.case_files_api`), which makes the case's artifacts.
"""

from __future__ import annotations

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from cases import selectors, services
from cases.api_schema import (
    CaseDetailOutput,
    CaseListOutput,
    CaseTypeListOutput,
    CaseTypeOutput,
    CaseUpdateOutput,
)
from cases.apikit.authentication import api_actor, request_workspace
from cases.apikit.pagination import LimitOffsetPage
from cases.apikit.schema import responses, success_envelope
from cases.apikit.serializers import success
from cases.errors import NotFound, ValidationFailed
from cases.models import Stage
from cases.selectors import CASE_SORTS
from cases.serializers import (
    CaseListInput,
    CaseUpdateInput,
    case_detail,
    case_list_item,
    case_type_representation,
    case_update_result,
)

NOT_FOUND_CASE_TYPE = (404, "No such case type in your workspace (CASETYPE_NOT_FOUND).")
NOT_FOUND_CASE = (404, "No such case type or case in your workspace.")


def query_lists(request: Request, *names: str) -> dict[str, list[str]]:
    """Repeatable query parameters (`?stage_id=a&stage_id=b`, `stage_id[]=…`, `stage_id=a,b`)."""
    lists = {}
    for name in names:
        values = request.query_params.getlist(name) + request.query_params.getlist(f"{name}[]")
        lists[name] = [
            item.strip() for value in values for item in value.split(",") if item.strip()
        ]
    return lists


class CasePage(LimitOffsetPage):
    """Seed 001: `limit` 0-100 (0 answers no cases, only the count), in the success envelope."""

    min_limit = 0

    def get_paginated_response(self, data: list) -> Response:
        return Response(success({"cases": data, "total_count": self.count, **self.page_fields()}))


class CaseListApi(APIView):
    pagination_class = CasePage

    @extend_schema(
        operation_id="cases_list",
        summary="List the cases of a case type",
        parameters=[
            *CasePage.schema_parameters(),
            OpenApiParameter("sort_by", str, enum=list(CASE_SORTS)),
            OpenApiParameter("stage_id", str, many=True, description="Repeatable."),
            OpenApiParameter("assigned_to", str, many=True, description="Repeatable."),
        ],
        responses=responses(
            {200: success_envelope("CaseListEnvelope", CaseListOutput())}, 400, NOT_FOUND_CASE_TYPE
        ),
    )
    def get(self, request: Request, casetype_id: str) -> Response:
        workspace = request_workspace(request)
        case_type = selectors.case_type_get(workspace=workspace, public_id=casetype_id)
        params = CaseListInput(
            data={**request.query_params.dict(), **query_lists(request, "stage_id", "assigned_to")}
        )
        params.is_valid(raise_exception=True)
        data = params.validated_data
        _check_known_stages(
            case_type_stage_ids={s.public_id for s in case_type.stages.all()},
            stage_ids=data["stage_id"],
        )
        cases = selectors.case_list(
            workspace=workspace,
            case_type=case_type,
            stage_ids=data["stage_id"],
            assignee_ids=data["assigned_to"],
            sort_by=data["sort_by"],
        )
        paginator = self.pagination_class()
        page = paginator.paginate_queryset(cases, request, view=self)
        return paginator.get_paginated_response([case_list_item(case) for case in page])


def _check_known_stages(*, case_type_stage_ids: set[str], stage_ids: list[str]) -> None:
    unknown = [stage_id for stage_id in stage_ids if stage_id not in case_type_stage_ids]
    if unknown:
        message = f"Unknown stage for this case type: {', '.join(unknown)}."
        raise ValidationFailed.for_field("stage_id", message)


class CaseDetailApi(APIView):
    @extend_schema(
        operation_id="cases_get",
        summary="One case with its documents",
        responses=responses(
            {200: success_envelope("CaseDetailEnvelope", CaseDetailOutput())}, NOT_FOUND_CASE
        ),
    )
    def get(self, request: Request, casetype_id: str, case_id: str) -> Response:
        workspace = request_workspace(request)
        case_type = selectors.case_type_get(workspace=workspace, public_id=casetype_id)
        case = selectors.case_get(workspace=workspace, public_id=case_id, case_type=case_type)
        return Response(success(case_detail(case)))

    @extend_schema(
        operation_id="cases_update",
        summary="Move a case to a stage, assign it or rename it",
        request=CaseUpdateInput,
        responses=responses(
            {200: success_envelope("CaseUpdateEnvelope", CaseUpdateOutput(), message=True)},
            400,
            NOT_FOUND_CASE,
        ),
    )
    def patch(self, request: Request, casetype_id: str, case_id: str) -> Response:
        workspace = request_workspace(request)
        case_type = selectors.case_type_get(workspace=workspace, public_id=casetype_id)
        case = selectors.case_get(workspace=workspace, public_id=case_id, case_type=case_type)
        params = CaseUpdateInput(data=request.data)
        params.is_valid(raise_exception=True)
        changes = {}
        data = params.validated_data
        if "stage_id" in data:
            stage = Stage.objects.filter(case_type=case_type, public_id=data["stage_id"]).first()
            if stage is None:
                raise ValidationFailed(
                    "stage_id: no such stage in this case type.",
                    details={"fields": {"stage_id": ["No such stage in this case type."]}},
                )
            changes["stage"] = stage
        if "assigned_to" in data:
            changes["assigned_to"] = _assignee(workspace=workspace, public_id=data["assigned_to"])
        if "case_name" in data:
            changes["name"] = data["case_name"]
        case, _ = services.case_update(case=case, actor=api_actor(request), **changes)
        return Response(success(case_update_result(case), message="Case updated successfully"))


def _assignee(*, workspace, public_id: str | None):
    if not public_id:
        return None
    try:
        return services.user_get_in_workspace(workspace=workspace, public_id=public_id)
    except NotFound:
        raise ValidationFailed(
            "assigned_to: no such user in this workspace.",
            details={"fields": {"assigned_to": ["No such user in this workspace."]}},
        ) from None


class CaseTypeListApi(APIView):
    @extend_schema(
        operation_id="casetypes_list",
        summary="The workspace's case types",
        responses=responses({200: success_envelope("CaseTypeListEnvelope", CaseTypeListOutput())}),
    )
    def get(self, request: Request) -> Response:
        case_types = selectors.case_type_list(workspace=request_workspace(request))
        return Response(success({"casetypes": [case_type_representation(ct) for ct in case_types]}))


class CaseTypeDetailApi(APIView):
    @extend_schema(
        operation_id="casetypes_get",
        summary="One case type: its fields, rules and stages",
        responses=responses(
            {200: success_envelope("CaseTypeEnvelope", CaseTypeOutput())}, NOT_FOUND_CASE_TYPE
        ),
    )
    def get(self, request: Request, casetype_id: str) -> Response:
        case_type = selectors.case_type_get(
            workspace=request_workspace(request), public_id=casetype_id
        )
        return Response(success(case_type_representation(case_type)))
