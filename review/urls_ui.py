"""Routes of the browser UI (SPEC §7): sign-in, dashboard, review queue and page, cases and
the API settings page (keys and webhooks). One URL per resource; actions are POSTs to
sub-resources."""

from django.contrib.auth import views as auth_views
from django.urls import path, register_converter

from review import (
    case_views,
    casetype_views,
    conversion_views,
    credit_views,
    settings_views,
    views,
)
from review.case_files_views import case_file_download, case_files
from review.learning_views import casetype_learning, layout_reset, learning_index


class ExportFormat:
    """`yaml` or `json` in a case type's export URL; anything else is not a route (404)."""

    regex = "yaml|json"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(ExportFormat, "fmt")

app_name = "review"

urlpatterns = [
    path(
        "login/",
        auth_views.LoginView.as_view(
            template_name="registration/login.html", redirect_authenticated_user=True
        ),
        name="login",
    ),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("", views.dashboard, name="dashboard"),
    path("workspace/", views.workspace_switch, name="workspace-switch"),
    path("review/", views.queue, name="queue"),
    path("review/start/", views.queue_start, name="queue-start"),
    path("review/bulk/", views.queue_bulk, name="queue-bulk"),
    path("review/<str:document_id>/", views.document_review, name="document"),
    path(
        "review/<str:document_id>/pages/<int:number>/",
        views.page_image,
        name="page-image",
    ),
    path(
        "review/<str:document_id>/fields/<str:key>/",
        views.field_decision,
        name="field",
    ),
    path(
        "review/<str:document_id>/pages/<int:number>/words/",
        views.page_words,
        name="page-words",
    ),
    path(
        "review/<str:document_id>/fields/<str:key>/reset/",
        views.field_reset,
        name="field-reset",
    ),
    path(
        "review/<str:document_id>/fields/<str:key>/rows/",
        views.table_rows,
        name="table-rows",
    ),
    path("review/<str:document_id>/undo/", views.decision_undo, name="undo"),
    path("review/<str:document_id>/claim/", views.document_claim, name="document-claim"),
    path("review/<str:document_id>/state/", views.document_state, name="document-state"),
    path("review/<str:document_id>/postpone/", views.document_postpone, name="postpone"),
    path(
        "review/<str:document_id>/approve-remaining/",
        views.fields_approve_remaining,
        name="approve-remaining",
    ),
    path(
        "review/<str:document_id>/approve/",
        views.document_approve,
        name="document-approve",
    ),
    path(
        "review/<str:document_id>/reject/",
        views.document_reject,
        name="document-reject",
    ),
    path("cases/", case_views.case_list, name="case-list"),
    path("cases/<str:case_id>/", case_views.case_detail, name="case-detail"),
    path(
        "cases/<str:case_id>/extract/",
        case_views.case_extraction_start_view,
        name="case-extraction-start",
    ),
    path("settings/case-types/", casetype_views.casetype_list, name="casetype-list"),
    path("settings/case-types/new/", casetype_views.casetype_create, name="casetype-create"),
    path("settings/case-types/import/", casetype_views.casetype_import, name="casetype-import"),
    path(
        "settings/case-types/<str:casetype_id>/",
        casetype_views.casetype_edit,
        name="casetype-edit",
    ),
    path(
        "settings/case-types/<str:casetype_id>/export.<fmt:fmt>",
        casetype_views.casetype_export,
        name="casetype-export",
    ),
    path(
        "settings/case-types/<str:casetype_id>/versions/<int:number>/restore/",
        casetype_views.casetype_version_restore,
        name="casetype-version-restore",
    ),
    path(
        "settings/case-types/<str:casetype_id>/preview/",
        casetype_views.casetype_preview,
        name="casetype-preview",
    ),
    path(
        "settings/case-types/<str:casetype_id>/preview/<str:task_id>/",
        casetype_views.casetype_preview_result,
        name="casetype-preview-result",
    ),
    path("settings/filters/", casetype_views.filter_save, name="filter-create"),
    path("settings/filters/<str:filter_id>/", casetype_views.filter_save, name="filter-save"),
    path(
        "settings/filters/<str:filter_id>/delete/",
        casetype_views.filter_delete,
        name="filter-delete",
    ),
    path("settings/api/", settings_views.api_settings, name="api-settings"),
    path("settings/credits/", credit_views.credits_page, name="credits"),
    path(
        "settings/credits/settings/",
        credit_views.credit_settings_update,
        name="credit-settings",
    ),
    path("settings/conversions/", conversion_views.conversions, name="conversions"),
    path(
        "settings/conversions/<str:job_id>/download/",
        conversion_views.conversion_download,
        name="conversion-download",
    ),
    path(
        "cases/<str:case_id>/conversions/",
        conversion_views.case_conversions,
        name="case-conversions",
    ),
    path("cases/<str:case_id>/files/", case_files, name="case-files"),
    path(
        "cases/<str:case_id>/files/<str:file_id>/",
        case_file_download,
        name="case-file-download",
    ),
    path("settings/api/keys/", settings_views.api_key_create, name="api-key-create"),
    path(
        "settings/api/keys/<str:key_id>/revoke/",
        settings_views.api_key_revoke,
        name="api-key-revoke",
    ),
    path("settings/api/webhooks/", settings_views.webhook_create, name="webhook-create"),
    path(
        "settings/api/webhooks/<str:webhook_id>/",
        settings_views.webhook_detail,
        name="webhook-detail",
    ),
    path(
        "settings/api/webhooks/<str:webhook_id>/rotate/",
        settings_views.webhook_rotate,
        name="webhook-rotate",
    ),
    path(
        "settings/api/webhooks/<str:webhook_id>/test/",
        settings_views.webhook_test,
        name="webhook-test",
    ),
    path(
        "settings/api/webhooks/<str:webhook_id>/disable/",
        settings_views.webhook_disable,
        name="webhook-disable",
    ),
    path(
        "settings/api/webhooks/<str:webhook_id>/enable/",
        settings_views.webhook_enable,
        name="webhook-enable",
    ),
    path(
        "settings/api/webhooks/<str:webhook_id>/deliveries/<str:delivery_id>/resend/",
        settings_views.webhook_delivery_resend,
        name="webhook-delivery-resend",
    ),
    path("settings/learning/", learning_index, name="learning"),
    path("settings/learning/<str:casetype_id>/", casetype_learning, name="casetype-learning"),
    path(
        "settings/learning/<str:casetype_id>/layouts/<str:layout_id>/reset/",
        layout_reset,
        name="casetype-learning-layout-reset",
    ),
]
