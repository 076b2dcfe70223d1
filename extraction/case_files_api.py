"""The files of a case (seed 001 §2 step 1): its uploads and the artifacts its documents
produced, matched by name or document text with `q`.

Here rather than in `cases.api` because listing makes the artifacts first
(`extraction.artifacts`), and those are extraction's results.
"""

from __future__ import annotations

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from cases import selectors
from cases.api_schema import CaseFileOutput
from cases.apikit.authentication import request_workspace
from cases.apikit.schema import responses
from cases.serializers import CaseFileListInput, case_file_item
from extraction.artifacts import case_artifacts_refresh


class CaseFileListApi(APIView):
    schema_tag = "cases"  # served here (it makes artifacts), listed with the case API

    @extend_schema(
        operation_id="cases_files_list",
        summary="The files of a case (uploads and artifacts), matched by name or text with q",
        parameters=[
            OpenApiParameter(
                "q",
                str,
                description="Part of a file name, or words of the document's text (full-text "
                "search with websearch syntax on PostgreSQL).",
            )
        ],
        responses=responses(
            {200: CaseFileOutput(many=True)},
            400,
            (404, "No such case in your workspace (CASE_NOT_FOUND)."),
        ),
    )
    def get(self, request: Request, case_id: str) -> Response:
        params = CaseFileListInput(data=request.query_params)
        params.is_valid(raise_exception=True)
        case = selectors.case_get(workspace=request_workspace(request), public_id=case_id)
        case_artifacts_refresh(case=case)
        rows = selectors.case_file_list(case=case, query=params.validated_data["q"])
        return Response([case_file_item(row) for row in rows])
