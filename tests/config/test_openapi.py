"""The OpenAPI 3 schema is served and documents the API; the interactive docs open."""

from __future__ import annotations

import pytest
import yaml


@pytest.mark.django_db
def test_schema_lists_every_api_family(client):
    response = client.get("/api/schema/")
    assert response.status_code == 200
    schema = yaml.safe_load(response.content)
    assert schema["openapi"].startswith("3.")
    paths = set(schema["paths"])
    for path in (
        "/api/v1/cases",
        "/api/v1/casetypes/{casetype_id}/cases",
        "/api/v1/extraction-jobs",
        "/api/v1/extraction-jobs/{job_id}/result",
        "/api/v1/extract",
        "/api/v1/review",
        "/api/v1/review/queue",
        "/api/v1/documents/{document_id}/approve",
        "/api/v1/webhooks",
    ):
        assert path in paths, path
    assert "ApiKey" in schema["components"]["securitySchemes"]


@pytest.mark.django_db
def test_interactive_docs_open(client):
    assert client.get("/api/docs/").status_code == 200
