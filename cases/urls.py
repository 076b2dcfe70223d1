"""Canonical routes of the case API under /api/v1/ (the case upload and start-extraction routes,
`cases` and `cases/<id>/extract`, are in `extraction.urls`)."""

from django.urls import path

from cases import api, credits_api, files_api

app_name = "cases"

urlpatterns = [
    path(
        "cases/<str:case_id>/files/<str:file_id>/url",
        files_api.CaseFileUrlApi.as_view(),
        name="case-file-url",
    ),
    path("files", files_api.FileCollectionApi.as_view(), name="file-list"),
    path("files/<str:file_id>", files_api.FileDetailApi.as_view(), name="file-detail"),
    path("files/<str:file_id>/content", files_api.FileContentApi.as_view(), name="file-content"),
    path("files/<str:file_id>/url", files_api.FileUrlApi.as_view(), name="file-url"),
    path(
        "files/<str:file_id>/revoke-urls",
        files_api.FileUrlsRevokeApi.as_view(),
        name="file-urls-revoke",
    ),
    path("downloads/<str:token>", files_api.SignedDownloadApi.as_view(), name="signed-download"),
    path("credits", credits_api.CreditsApi.as_view(), name="credits"),
    path("casetypes", api.CaseTypeListApi.as_view(), name="casetype-list"),
    path("casetypes/<str:casetype_id>", api.CaseTypeDetailApi.as_view(), name="casetype-detail"),
    path("casetypes/<str:casetype_id>/cases", api.CaseListApi.as_view(), name="case-list"),
    path(
        "casetypes/<str:casetype_id>/cases/<str:case_id>",
        api.CaseDetailApi.as_view(),
        name="case-detail",
    ),
]
