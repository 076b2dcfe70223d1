"""Canonical routes of the case API under /api/v1/ (the case upload and start-extraction routes,
`cases` and `cases/<id>/extract`, are in `extraction.urls`)."""

from django.urls import path

from cases import api

app_name = "cases"

urlpatterns = [
    path("cases/<str:case_id>/files", api.CaseFileListApi.as_view(), name="case-file-list"),
    path("casetypes", api.CaseTypeListApi.as_view(), name="casetype-list"),
    path("casetypes/<str:casetype_id>", api.CaseTypeDetailApi.as_view(), name="casetype-detail"),
    path("casetypes/<str:casetype_id>/cases", api.CaseListApi.as_view(), name="case-list"),
    path(
        "casetypes/<str:casetype_id>/cases/<str:case_id>",
        api.CaseDetailApi.as_view(),
        name="case-detail",
    ),
]
