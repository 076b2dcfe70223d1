"""OpenAPI output shapes of the case API (seed 001) and the case type API.

The envelopes and the `responses(...)` builder every family shares are in `cases.apikit.schema`.
drf-spectacular reads these when it builds `/api/schema/`; nothing here runs while a request is
answered (the JSON is written by `cases.serializers`; `tests/config/test_openapi.py` checks that
the two agree).
"""

from __future__ import annotations

from rest_framework import serializers


class DocumentBriefOutput(serializers.Serializer):
    doc_id = serializers.CharField()
    filename = serializers.CharField()
    status = serializers.CharField(help_text="The document's status, e.g. `uploaded`.")
    duplicate_of = serializers.CharField(
        required=False, help_text="Present when the same content is already in this case type."
    )


class CaseDocumentsOutput(serializers.Serializer):
    case_id = serializers.CharField()
    casetype_id = serializers.CharField()
    documents = DocumentBriefOutput(many=True)


class CaseListItemOutput(serializers.Serializer):
    case_id = serializers.CharField()
    case_name = serializers.CharField()
    casetype_id = serializers.CharField()
    stage_id = serializers.CharField()
    stage_name = serializers.CharField()
    status = serializers.CharField()
    created_date = serializers.DateTimeField()
    modified_date = serializers.DateTimeField()
    assigned_to = serializers.CharField(allow_null=True)


class CaseListOutput(serializers.Serializer):
    cases = CaseListItemOutput(many=True)
    total_count = serializers.IntegerField()
    limit = serializers.IntegerField()
    offset = serializers.IntegerField()


class DocumentErrorOutput(serializers.Serializer):
    code = serializers.CharField()
    message = serializers.CharField()


class CaseDocumentOutput(DocumentBriefOutput):
    file_id = serializers.CharField()
    page_count = serializers.IntegerField(allow_null=True)
    result_expired_at = serializers.CharField(allow_null=True)
    error = DocumentErrorOutput(allow_null=True)
    created_at = serializers.DateTimeField()


class CaseDetailOutput(CaseListItemOutput):
    documents = CaseDocumentOutput(many=True)


class CaseUpdateOutput(serializers.Serializer):
    case_id = serializers.CharField()
    casetype_id = serializers.CharField()
    case_name = serializers.CharField()
    stage_id = serializers.CharField()
    assigned_to = serializers.CharField(allow_null=True)
    modified_date = serializers.DateTimeField()


class CaseFileOutput(serializers.Serializer):
    id = serializers.CharField(help_text="The file id, for the signed download URL.")
    filename = serializers.CharField()
    status = serializers.CharField(
        help_text="The document's status (`processed`...); `available` for the case export."
    )
    created_at = serializers.DateTimeField()
    kind = serializers.CharField(
        help_text="`upload`, or an artifact: `result` (JSON), `text`, `split` (the document's "
        "pages of a multi-document upload), `export` (the case's fields as CSV), `conversion`."
    )
    document_id = serializers.CharField(allow_null=True)
    content_type = serializers.CharField()
    size = serializers.IntegerField()
    expires_at = serializers.DateTimeField(allow_null=True)


class StageOutput(serializers.Serializer):
    stage_id = serializers.CharField()
    name = serializers.CharField()
    position = serializers.IntegerField()
    system_role = serializers.CharField(allow_null=True)


class CaseTypeOutput(serializers.Serializer):
    casetype_id = serializers.CharField()
    name = serializers.CharField()
    slug = serializers.CharField(help_text="The `templateName` of the job API.")
    description = serializers.CharField()
    review_threshold = serializers.IntegerField(allow_null=True)
    keywords = serializers.ListField(child=serializers.CharField())
    locale = serializers.CharField(
        allow_null=True, help_text="BCP 47 tag of the documents (e.g. de-DE); null when unknown."
    )
    fields = serializers.ListField(
        child=serializers.DictField(child=serializers.JSONField()),
        help_text="The field schema: one object per field (key, type, label, ...).",
    )
    validation_rules = serializers.ListField(
        child=serializers.DictField(child=serializers.JSONField())
    )
    stages = StageOutput(many=True)


class CaseTypeListOutput(serializers.Serializer):
    casetypes = CaseTypeOutput(many=True)
