"""`GET /credits` and `GET /api/v1/credits` (seed 002): the workspace's page credits.

A thin view over `cases.credits`; the answer is seed 002's flat shape (no envelope), like the
other seed-002 answers.
"""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from cases.apikit.authentication import request_workspace
from cases.apikit.schema import responses
from cases.credits import credits_summary


class CreditsOutput(serializers.Serializer):
    credits_remaining = serializers.IntegerField(
        allow_null=True, help_text="Pages left in this period; null when there is no limit."
    )
    credits_used = serializers.IntegerField(help_text="Pages processed in this period.")
    credits_limit = serializers.IntegerField(
        allow_null=True, help_text="Pages per period; null: unlimited."
    )
    period_start = serializers.DateTimeField()
    period_end = serializers.DateTimeField(
        allow_null=True, help_text="When the next period starts; null when periods never reset."
    )
    unit = serializers.ChoiceField(choices=["page"], help_text='Always "page".')


class CreditsApi(APIView):
    schema_tag = "cases"

    @extend_schema(
        operation_id="credits_get",
        summary="The workspace's page credits in the current period",
        responses=responses({200: CreditsOutput}),
    )
    def get(self, request: Request) -> Response:
        return Response(credits_summary(workspace=request_workspace(request)).as_json())
