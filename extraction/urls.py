"""Canonical routes of the job API under /api/v1/ (also the seed-003 paths)."""

from django.urls import path

from extraction import api

app_name = "extraction"

urlpatterns = [
    path("extract", api.ExtractApi.as_view(), name="extract"),
    path("review", api.ReviewApi.as_view(), name="review"),
    path("extraction-jobs", api.ExtractionJobsApi.as_view(), name="jobs"),
    path("extraction-jobs/<str:job_id>", api.ExtractionJobDetailApi.as_view(), name="job-detail"),
    path(
        "extraction-jobs/<str:job_id>/result",
        api.ExtractionJobResultApi.as_view(),
        name="job-result",
    ),
]
