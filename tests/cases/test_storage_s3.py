"""Files in an S3-compatible store through django-storages, over HTTP against moto's server
running as its own process on 127.0.0.1: the same file store, files API and signed URLs (the
store's own presigned URLs), deletion and the expiry sweep."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import httpx
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

pytest.importorskip("moto", reason="moto (dev extra) runs the local S3 server")
boto3 = pytest.importorskip("boto3")

from cases import files  # noqa: E402
from cases.models import StoredFile  # noqa: E402
from cases.signed_urls import signed_url_create  # noqa: E402
from tests.factories import invoice_pdf, uploaded_document  # noqa: E402

BUCKET = "casefile-test"


def streamed(response: Any) -> bytes:
    return b"".join(response.streaming_content)


CREDENTIALS = {"aws_access_key_id": "testing", "aws_secret_access_key": "testing"}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def s3_endpoint() -> Iterator[str]:
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    endpoint = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                httpx.get(endpoint, timeout=1)
                break
            except httpx.TransportError:
                if time.monotonic() > deadline or process.poll() is not None:
                    pytest.fail("moto's S3 server did not start")
                time.sleep(0.1)
        yield endpoint
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture
def s3(settings, s3_endpoint):
    """Casefile configured as `CASEFILE_S3_*` would configure it, on a fresh bucket."""
    client = boto3.client("s3", endpoint_url=s3_endpoint, region_name="us-east-1", **CREDENTIALS)
    client.create_bucket(Bucket=BUCKET)
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": BUCKET,
                "endpoint_url": s3_endpoint,
                "region_name": "us-east-1",
                "access_key": CREDENTIALS["aws_access_key_id"],
                "secret_key": CREDENTIALS["aws_secret_access_key"],
                "signature_version": "s3v4",
                "default_acl": None,
                "querystring_auth": True,
                "file_overwrite": False,
            },
        },
    }
    settings.SIGNED_URLS_FROM_STORE = True
    yield client
    listed = client.list_objects_v2(Bucket=BUCKET).get("Contents", [])
    for item in listed:
        client.delete_object(Bucket=BUCKET, Key=item["Key"])
    client.delete_bucket(Bucket=BUCKET)


def object_exists(client: Any, key: str | None) -> bool:
    if key is None:
        return False
    try:
        client.head_object(Bucket=BUCKET, Key=key)
    except client.exceptions.ClientError:
        return False
    return True


def test_file_create_writes_to_the_bucket_and_reads_back(tenant, s3):
    stored = files.file_create(workspace=tenant.workspace, filename="a.pdf", content=b"%PDF-1.7")
    assert stored.blob.storage.__class__.__name__ == "S3Storage"
    assert object_exists(s3, stored.blob.name)
    assert s3.get_object(Bucket=BUCKET, Key=stored.blob.name)["Body"].read() == b"%PDF-1.7"
    assert files.file_read(stored) == b"%PDF-1.7"


def test_files_api_uploads_and_streams_content_from_s3(tenant, s3):
    response = tenant.client.post(
        "/files",
        {"file": SimpleUploadedFile("r.pdf", invoice_pdf(), "application/pdf")},
        format="multipart",
    )
    assert response.status_code == 201
    stored = StoredFile.objects.get(public_id=response.json()["file_id"])
    assert object_exists(s3, stored.blob.name)
    content = tenant.client.get(f"/files/{stored.public_id}/content")
    assert content.status_code == 200
    assert streamed(content) == invoice_pdf()


def test_signed_url_is_the_stores_presigned_url_and_downloads_over_http(tenant, s3, s3_endpoint):
    document, _ = uploaded_document(tenant.case_type, filename="Übersicht.pdf")
    response = tenant.client.get(
        f"/api/v1/cases/{document.case.public_id}/files/{document.file.public_id}/url",
        {"download": "true"},
    )
    assert response.status_code == 200
    url = response.json()["data"]["url"]
    assert url.startswith(s3_endpoint)
    assert "X-Amz-Signature=" in url
    assert "X-Amz-Expires=900" in url
    download = httpx.get(url, timeout=10)
    assert download.status_code == 200
    assert download.content == invoice_pdf()
    assert download.headers["content-type"] == "application/pdf"
    assert download.headers["content-disposition"].startswith("attachment;")
    assert "%C3%9Cbersicht.pdf" in download.headers["content-disposition"]


def test_a_presigned_url_stops_working_when_its_file_is_deleted(
    tenant, s3, django_capture_on_commit_callbacks
):
    stored = files.file_create(workspace=tenant.workspace, filename="a.pdf", content=b"%PDF-1.7")
    url = signed_url_create(stored=stored, download=False).url
    inline = httpx.get(url, timeout=10)
    assert inline.status_code == 200
    assert inline.headers["content-disposition"] == 'inline; filename="a.pdf"'
    with django_capture_on_commit_callbacks(execute=True):
        files.file_delete(stored=stored)
    assert httpx.get(url, timeout=10).status_code in {403, 404}  # S3 hides missing keys


def test_delete_and_the_sweep_remove_objects_from_the_bucket(
    tenant, s3, django_capture_on_commit_callbacks
):
    deleted = files.file_create(workspace=tenant.workspace, filename="a.pdf", content=b"%PDF-1")
    expiring = files.file_create(
        workspace=tenant.workspace, filename="b.pdf", content=b"%PDF-1", retention_hours=1
    )
    assert expiring.expires_at is not None
    with django_capture_on_commit_callbacks(execute=True):
        files.file_delete(stored=deleted)
        assert files.files_expire(now=expiring.expires_at + timedelta(seconds=1)) == 1
    assert not object_exists(s3, deleted.blob.name)
    assert not object_exists(s3, expiring.blob.name)
