"""Canonical routes of the job API under /api/v1/ (also the seed-003 paths), of seed 000's extract
and review, and of the case upload and start-extraction endpoints (seed 001 paths)."""

from django.urls import path

from extraction import api, case_files_api, upload_api
from extraction.learning import api as learning_api
from extraction.realtime import api as realtime_api

app_name = "extraction"

urlpatterns = [
    path(
        "casetypes/<str:casetype_id>/learning",
        learning_api.CaseTypeLearningApi.as_view(),
        name="casetype-learning",
    ),
    path(
        "casetypes/<str:casetype_id>/learning/layouts/<str:layout_id>",
        learning_api.LayoutResetApi.as_view(),
        name="casetype-learning-layout",
    ),
    path("cases", api.CaseUploadApi.as_view(), name="case-upload"),
    path(
        "cases/<str:case_id>/extract",
        api.CaseExtractionStartApi.as_view(),
        name="case-extraction-start",
    ),
    path(
        "cases/<str:case_id>/files",
        case_files_api.CaseFileListApi.as_view(),
        name="case-file-list",
    ),
    path("extract", api.ExtractApi.as_view(), name="extract"),
    path("review", api.ReviewApi.as_view(), name="review"),
    path("upload", upload_api.UploadApi.as_view(), name="upload"),
    path("extraction-jobs", api.ExtractionJobsApi.as_view(), name="jobs"),
    path("extraction-jobs/<str:job_id>", api.ExtractionJobDetailApi.as_view(), name="job-detail"),
    path(
        "extraction-jobs/<str:job_id>/result",
        api.ExtractionJobResultApi.as_view(),
        name="job-result",
    ),
    path("status/<str:document_id>", realtime_api.DocumentStatusApi.as_view(), name="status"),
    path("ws/token", realtime_api.RealtimeTokenApi.as_view(), name="realtime-token"),
    path("events", realtime_api.EventStreamApi.as_view(), name="realtime-events"),
]
