"""OpenAPI shapes of the conversion API (seed 004). Read by drf-spectacular only; the JSON
itself is written by `extraction.conversion.serializers`."""

from __future__ import annotations

from rest_framework import serializers


class ConversionEngineOutput(serializers.Serializer):
    id = serializers.CharField(help_text="`pdf2docx`, `tables` or `text`.")
    name = serializers.CharField()
    description = serializers.CharField()
    input_formats = serializers.ListField(child=serializers.CharField())
    output_formats = serializers.ListField(
        child=serializers.CharField(), help_text="The first is the default `output_format`."
    )


class ConversionEngineListOutput(serializers.Serializer):
    engines = ConversionEngineOutput(many=True)


class ConversionJobErrorOutput(serializers.Serializer):
    code = serializers.CharField(
        help_text="CORRUPT_FILE, PASSWORD_REQUIRED, TOO_MANY_PAGES, NO_TABLES_FOUND, TIMEOUT,"
        " MEMORY_LIMIT, WORKER_CRASHED, WORKER_LOST, FILE_NOT_FOUND, CONVERSION_FAILED, ..."
    )
    message = serializers.CharField()


class ConversionJobOutput(serializers.Serializer):
    job_id = serializers.CharField()
    file_id = serializers.CharField(help_text="Input file ID.")
    engine = serializers.CharField()
    output_format = serializers.CharField()
    status = serializers.ChoiceField(choices=["queued", "processing", "completed", "failed"])
    progress = serializers.IntegerField(help_text="0-100, moving page by page.")
    pages = serializers.IntegerField(allow_null=True, help_text="Pages converted (when done).")
    output_file_id = serializers.CharField(
        required=False,
        help_text="File ID of the converted document. Present only when status is completed."
        " Download via GET /files/{output_file_id}/content.",
    )
    output_filename = serializers.CharField(required=False)
    error = ConversionJobErrorOutput(
        required=False, help_text="Job-level error. Present only when status is failed."
    )
    case_id = serializers.CharField(allow_null=True)
    created_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()
    completed_at = serializers.DateTimeField(allow_null=True)
    expires_at = serializers.DateTimeField(
        allow_null=True, help_text="When the output file (and the job's result) expires."
    )


class ConversionJobListOutput(serializers.Serializer):
    jobs = ConversionJobOutput(many=True)
    total = serializers.IntegerField()
    limit = serializers.IntegerField()
    offset = serializers.IntegerField()
