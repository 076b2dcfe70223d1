"""Canonical routes of the conversion API under /api/v1/ (seed 004's own paths are in
`config/seed_urls.py`)."""

from django.urls import path

from extraction.conversion import api

app_name = "conversion"

urlpatterns = [
    path("conversion-engines", api.EngineListApi.as_view(), name="engines"),
    path("conversion-jobs", api.JobCollectionApi.as_view(), name="jobs"),
    path("conversion-jobs/<str:job_id>", api.JobDetailApi.as_view(), name="job-detail"),
]
