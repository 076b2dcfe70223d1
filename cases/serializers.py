"""Shapes of the case API (seed 001): input serializers check shape only, output builders
write the seed's envelopes. Domain rules live in `cases.services`."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from cases.apikit.serializers import LenientBooleanField
from cases.models import Case, CaseType, Document
from cases.selectors import CASE_SORTS, CaseFile, case_status


class CaseUploadInput(serializers.Serializer):
    casetype_id = serializers.CharField(max_length=40)
    case_id = serializers.CharField(max_length=40, required=False)
    case_name = serializers.CharField(max_length=300, required=False, allow_blank=True)
    trigger_workflow = LenientBooleanField(required=False, default=True)


class CaseListInput(serializers.Serializer):
    """The list's sort and filters; `limit` and `offset` are read by `cases.api.CasePage`."""

    sort_by = serializers.ChoiceField(
        choices=list(CASE_SORTS), required=False, default="created_date.desc"
    )
    stage_id = serializers.ListField(
        child=serializers.CharField(max_length=40), required=False, default=list
    )
    assigned_to = serializers.ListField(
        child=serializers.CharField(max_length=40), required=False, default=list
    )


class CaseUpdateInput(serializers.Serializer):
    stage_id = serializers.CharField(max_length=40, required=False)
    assigned_to = serializers.CharField(
        max_length=40, required=False, allow_null=True, allow_blank=True
    )
    case_name = serializers.CharField(max_length=300, required=False, allow_blank=True)

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        unknown = set(self.initial_data) - set(self.fields)
        if unknown:
            raise serializers.ValidationError(
                {name: ["Unknown field."] for name in sorted(unknown)}
            )
        if not attrs:
            raise serializers.ValidationError(
                "Give at least one of stage_id, assigned_to, case_name."
            )
        return attrs


class CaseFileListInput(serializers.Serializer):
    q = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")


def document_brief(document: Document) -> dict[str, Any]:
    body = {"doc_id": document.public_id, "filename": document.filename, "status": document.status}
    if document.duplicate_of_id:
        body["duplicate_of"] = document.duplicate_of.public_id
    return body


def case_list_item(case: Case) -> dict[str, Any]:
    return {
        "case_id": case.public_id,
        "case_name": case.name,
        "casetype_id": case.case_type.public_id,
        "stage_id": case.stage.public_id,
        "stage_name": case.stage.name,
        "status": case_status(case),
        "created_date": case.created_at,
        "modified_date": case.modified_at,
        "assigned_to": case.assigned_to.public_id if case.assigned_to else None,
    }


def case_detail(case: Case) -> dict[str, Any]:
    return {
        **case_list_item(case),
        "documents": [
            {
                **document_brief(document),
                "file_id": document.file.public_id,
                "page_count": document.page_count,
                "result_expired_at": document.metadata.get("result_expired_at"),
                "error": {"code": document.error_code, "message": document.error_message}
                if document.error_code
                else None,
                "created_at": document.created_at,
            }
            for document in case.documents.all()
        ],
    }


def case_update_result(case: Case) -> dict[str, Any]:
    return {
        "case_id": case.public_id,
        "casetype_id": case.case_type.public_id,
        "case_name": case.name,
        "stage_id": case.stage.public_id,
        "assigned_to": case.assigned_to.public_id if case.assigned_to else None,
        "modified_date": case.modified_at,
    }


def case_type_representation(case_type: CaseType) -> dict[str, Any]:
    return {
        "casetype_id": case_type.public_id,
        "name": case_type.name,
        "slug": case_type.slug,
        "description": case_type.description,
        "review_threshold": case_type.review_threshold,
        "keywords": case_type.keywords,
        "locale": case_type.locale or None,
        "fields": case_type.field_schema,
        "validation_rules": case_type.validation_rules,
        "stages": [
            {
                "stage_id": stage.public_id,
                "name": stage.name,
                "position": stage.position,
                "system_role": stage.system_role or None,
            }
            for stage in case_type.stages.all()
        ],
    }


def case_file_item(row: CaseFile) -> dict[str, Any]:
    return {
        "id": row.stored.public_id,
        "filename": row.filename,
        "status": row.status,
        "created_at": row.created_at,
        "kind": row.stored.kind,
        "document_id": row.document.public_id if row.document else None,
        "content_type": row.stored.media_type or "application/octet-stream",
        "size": row.stored.size,
        "expires_at": row.stored.expires_at,
    }
