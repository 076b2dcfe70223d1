"""OpenAPI output shapes of the files API (seed 004) and the signed download URLs (seed 001).

Read by drf-spectacular only; the JSON itself is written by `cases.files_api`.
"""

from __future__ import annotations

from rest_framework import serializers


class FileOutput(serializers.Serializer):
    file_id = serializers.CharField()
    filename = serializers.CharField()
    size = serializers.IntegerField(help_text="Bytes.")
    content_type = serializers.CharField()
    sha256 = serializers.CharField()
    kind = serializers.CharField(help_text="upload, split, result, text, export or conversion.")
    created_at = serializers.DateTimeField()
    expires_at = serializers.DateTimeField(
        allow_null=True, help_text="When the sweep deletes it; null: kept until deleted."
    )
    content_url = serializers.CharField(help_text="GET it with your API key for the bytes.")


class FileUploadInput(serializers.Serializer):
    file = serializers.FileField(help_text="The file (multipart/form-data).")


class SignedUrlOutput(serializers.Serializer):
    filename = serializers.CharField()
    url = serializers.CharField(help_text="Absolute; works without an API key until it expires.")
    expires_at = serializers.DateTimeField()
    content_type = serializers.CharField()
    size = serializers.IntegerField()
