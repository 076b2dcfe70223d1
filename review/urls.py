"""Canonical routes of the review API under /api/v1/."""

from django.urls import path

from review import api

app_name = "review-api"

urlpatterns = [
    path("review/queue", api.ReviewQueueApi.as_view(), name="queue"),
    path(
        "documents/<str:document_id>/fields/<str:key>",
        api.FieldDecisionApi.as_view(),
        name="field-decision",
    ),
    path("documents/<str:document_id>", api.ReviewDocumentApi.as_view(), name="document"),
    path("documents/<str:document_id>/fields", api.ReviewFieldsApi.as_view(), name="fields"),
    path(
        "documents/<str:document_id>/pages/<int:number>",
        api.PageImageApi.as_view(),
        name="page-image",
    ),
    path(
        "documents/<str:document_id>/pages/<int:number>/words",
        api.PageWordsApi.as_view(),
        name="page-words",
    ),
    path("documents/<str:document_id>/undo", api.DecisionUndoApi.as_view(), name="undo"),
    path("documents/<str:document_id>/approve", api.DocumentApproveApi.as_view(), name="approve"),
    path("documents/<str:document_id>/reject", api.DocumentRejectApi.as_view(), name="reject"),
]
