"""The seeds' own paths, mounted as aliases of the canonical views (SPEC §5). No logic here:
a client written against a seed works by changing only its base URL and key."""

from django.urls import path

from cases import api as cases_api
from cases import credits_api, files_api
from extraction import api as extraction_api
from extraction import case_files_api, upload_api
from extraction.conversion import api as conversion_api
from extraction.realtime import api as realtime_api

urlpatterns = [
    # Seed 001 (cases)
    path("api/v1/upload-service/agents/casetype/case", extraction_api.CaseUploadApi.as_view()),
    path("api/v1/external/agents/<str:casetype_id>/cases", cases_api.CaseListApi.as_view()),
    path(
        "api/v1/external/agents/<str:casetype_id>/case/<str:case_id>",
        cases_api.CaseDetailApi.as_view(),
    ),
    path("api/v1/chatot/cases/<str:case_id>/files", case_files_api.CaseFileListApi.as_view()),
    path(
        "api/v1/chatot/cases/<str:case_id>/chat/artifacts/<str:file_id>/url",
        files_api.CaseFileUrlApi.as_view(),
    ),
    # Seed 004 (files)
    path("files", files_api.FileCollectionApi.as_view()),
    path("files/<str:file_id>", files_api.FileDetailApi.as_view()),
    path("files/<str:file_id>/content", files_api.FileContentApi.as_view()),
    # Seed 004 (conversion)
    path("castdoc/engines", conversion_api.EngineListApi.as_view()),
    path("castdoc/jobs", conversion_api.JobCollectionApi.as_view()),
    path("castdoc/jobs/<str:job_id>", conversion_api.JobDetailApi.as_view()),
    # Seed 000 (extract and review)
    path("v1/extract", extraction_api.ExtractApi.as_view()),
    path("v1/review", extraction_api.ReviewApi.as_view()),
    # Seed 002 (upload and credits)
    path("upload", upload_api.UploadApi.as_view()),
    path("credits", credits_api.CreditsApi.as_view()),
    # Seed 002 (document status and realtime)
    path("status/<str:document_id>", realtime_api.DocumentStatusApi.as_view()),
    path("ws/token", realtime_api.RealtimeTokenApi.as_view()),
]
