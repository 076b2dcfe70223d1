"""The conversion API (seed 004): engines, and jobs to create, list and poll. Thin views over
`extraction.conversion.services`; answers are the seed's plain objects, errors the envelope."""

from __future__ import annotations

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from cases.apikit.authentication import api_actor, request_workspace
from cases.apikit.pagination import LimitOffsetPage
from cases.apikit.schema import responses
from extraction.conversion import services
from extraction.conversion.api_schema import (
    ConversionEngineListOutput,
    ConversionJobListOutput,
    ConversionJobOutput,
)
from extraction.conversion.models import ConversionJob
from extraction.conversion.serializers import (
    JobCreateInput,
    JobListInput,
    engines_data,
    job_data,
)

NOT_FOUND_JOB = (404, "No such conversion job in your workspace (JOB_NOT_FOUND).")


class JobPage(LimitOffsetPage):
    def get_paginated_response(self, data: list) -> Response:
        return Response({"jobs": data, "total": self.count, **self.page_fields()})


class EngineListApi(APIView):
    @extend_schema(
        operation_id="conversion_engines_list",
        summary="Conversion engines with their input and output formats",
        responses=responses({200: ConversionEngineListOutput}),
    )
    def get(self, request: Request) -> Response:
        return Response(engines_data())


class JobCollectionApi(APIView):
    pagination_class = JobPage

    @extend_schema(
        operation_id="conversion_jobs_create",
        summary="Start a conversion of an uploaded PDF (202; poll the job)",
        request=JobCreateInput,
        responses=responses(
            {202: ConversionJobOutput},
            (
                400,
                "A bad field, named: unknown `engine` (UNKNOWN_ENGINE), a format the engine"
                " does not write (UNSUPPORTED_OUTPUT_FORMAT), a missing field.",
            ),
            (404, "No such file in your workspace (FILE_NOT_FOUND), `file_id` named."),
            (410, "The input file passed its retention period (FILE_EXPIRED)."),
            (402, "The PDF has more pages than the credits left (INSUFFICIENT_CREDITS)."),
            (415, "The file is not a PDF (UNSUPPORTED_FILE_TYPE), `file_id` named."),
        ),
    )
    def post(self, request: Request) -> Response:
        body = JobCreateInput(data=request.data)
        body.is_valid(raise_exception=True)
        job = services.conversion_job_create(
            workspace=request_workspace(request),
            actor=api_actor(request),
            engine=body.validated_data["engine"],
            file_id=body.validated_data["file_id"],
            output_format=body.validated_data.get("output_format") or None,
        )
        return Response(job_data(job), status=202)

    @extend_schema(
        operation_id="conversion_jobs_list",
        summary="Conversion job history, newest first",
        parameters=[
            *JobPage.schema_parameters(),
            OpenApiParameter("status", str, enum=ConversionJob.Status.values),
        ],
        responses=responses({200: ConversionJobListOutput}, 400),
    )
    def get(self, request: Request) -> Response:
        query = JobListInput(data=request.query_params)
        query.is_valid(raise_exception=True)
        jobs = ConversionJob.objects.filter(workspace=request_workspace(request)).select_related(
            "source_file", "output_file", "case"
        )
        if query.validated_data.get("status"):
            jobs = jobs.filter(status=query.validated_data["status"])
        paginator = JobPage()
        page = paginator.paginate_queryset(jobs.order_by("-created_at", "-id"), request, self)
        return paginator.get_paginated_response([job_data(job) for job in page])


class JobDetailApi(APIView):
    @extend_schema(
        operation_id="conversion_jobs_get",
        summary="A conversion job's status, progress and output file",
        responses=responses({200: ConversionJobOutput}, NOT_FOUND_JOB),
    )
    def get(self, request: Request, job_id: str) -> Response:
        job = services.conversion_job_get(workspace=request_workspace(request), job_id=job_id)
        return Response(job_data(job))
