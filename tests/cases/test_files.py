"""The file store (`cases.files`): create, open, expire, delete, workspace scoping, the sweep."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from cases import files
from cases.errors import Conflict, DomainError, NotFound, ValidationFailed
from cases.models import StoredFile
from cases.schedules import SCHEDULES
from tests.factories import uploaded_document


def in_store(stored: StoredFile) -> bool:
    name = stored.blob.name
    return name is not None and default_storage.exists(name)


PDF = b"%PDF-1.7\n%test\n"


def test_file_create_writes_blob_and_row_with_hash_size_and_sniffed_type(tenant):
    stored = files.file_create(workspace=tenant.workspace, filename="a.bin", content=PDF)
    assert stored.size == len(PDF)
    assert stored.media_type == "application/pdf"
    assert len(stored.sha256) == 64
    assert stored.expires_at is None
    assert in_store(stored)
    assert files.file_read(stored) == PDF


def test_file_create_streams_a_django_file_and_sets_expiry_from_retention(tenant):
    before = timezone.now()
    stored = files.file_create(
        workspace=tenant.workspace,
        filename="notes.txt",
        content=ContentFile(b"hello " * 100_000),
        retention_hours=2,
    )
    assert stored.size == 600_000
    assert stored.media_type == "text/plain"
    expires_at = stored.expires_at
    assert expires_at is not None
    assert before + timedelta(hours=2) <= expires_at <= timezone.now() + timedelta(hours=2)
    with files.file_open(stored) as handle:
        assert handle.read(6) == b"hello "


def test_media_type_refuses_a_name_that_lies_about_the_bytes():
    assert files.media_type_guess("evil.pdf", b"<html><script>") == "application/octet-stream"
    assert files.media_type_guess("page.html", b"<html>") == "text/html"
    assert files.media_type_guess("noext", b"\x00\x01") == "application/octet-stream"
    assert not files.file_is_inline_safe("text/html")
    assert files.file_is_inline_safe("application/pdf")


def test_file_get_of_another_workspace_is_not_found(tenant, outsider):
    stored = files.file_create(workspace=tenant.workspace, filename="a.pdf", content=PDF)
    assert files.file_get(workspace=tenant.workspace, file_id=stored.public_id) == stored
    with pytest.raises(NotFound) as error:
        files.file_get(workspace=outsider.workspace, file_id=stored.public_id)
    assert error.value.code == "FILE_NOT_FOUND"


def test_file_get_of_an_expired_file_is_gone_even_before_the_sweep(tenant):
    stored = files.file_create(
        workspace=tenant.workspace,
        filename="a.pdf",
        content=PDF,
        expires_at=timezone.now() - timedelta(seconds=1),
    )
    with pytest.raises(files.FileGone) as error:
        files.file_get(workspace=tenant.workspace, file_id=stored.public_id)
    assert error.value.status_code == 410
    assert error.value.code == "FILE_EXPIRED"


def test_file_delete_removes_blob_after_commit_and_keeps_a_tombstone(
    tenant, django_capture_on_commit_callbacks
):
    stored = files.file_create(workspace=tenant.workspace, filename="a.pdf", content=PDF)
    with django_capture_on_commit_callbacks(execute=True):
        files.file_delete(stored=stored)
    assert not in_store(stored)
    stored.refresh_from_db()
    assert stored.deleted_at is not None
    assert stored.urls_revoked_at is not None
    with pytest.raises(NotFound):
        files.file_get(workspace=tenant.workspace, file_id=stored.public_id)
    with pytest.raises(NotFound):
        files.file_open(stored)
    # Deleting twice is harmless.
    assert files.file_delete(stored=stored).deleted_at == stored.deleted_at


def test_files_expire_sweeps_only_expired_files_from_the_store(
    tenant, django_capture_on_commit_callbacks
):
    now = timezone.now()
    expired = files.file_create(
        workspace=tenant.workspace, filename="old.pdf", content=PDF, expires_at=now
    )
    fresh = files.file_create(
        workspace=tenant.workspace, filename="new.pdf", content=PDF, retention_hours=1
    )
    kept = files.file_create(workspace=tenant.workspace, filename="case.pdf", content=PDF)
    with django_capture_on_commit_callbacks(execute=True):
        assert files.files_expire(now=now + timedelta(seconds=1)) == 1
    assert not in_store(expired)
    assert in_store(fresh)
    assert in_store(kept)
    expired.refresh_from_db()
    assert expired.deleted_at is not None
    with pytest.raises(files.FileGone):
        files.file_get(workspace=tenant.workspace, file_id=expired.public_id)
    with django_capture_on_commit_callbacks(execute=True):
        assert files.files_expire(now=now + timedelta(seconds=1)) == 0


def test_the_sweep_is_scheduled():
    func, minutes = SCHEDULES["cases-files-expire"]
    assert func == "cases.files.files_expire"
    assert 1 <= minutes <= 60


def test_a_failed_row_write_removes_the_blob(tenant, monkeypatch):
    written: list[str] = []
    original_save = StoredFile.save

    def failing_save(self, *args, **kwargs):
        written.append(self.blob.name or "")
        raise RuntimeError("database down")

    monkeypatch.setattr(StoredFile, "save", failing_save)
    with pytest.raises(RuntimeError):
        files.file_create(workspace=tenant.workspace, filename="a.pdf", content=PDF)
    monkeypatch.setattr(StoredFile, "save", original_save)
    assert written
    assert not default_storage.exists(written[0])


def test_an_upload_is_stored_under_its_last_path_part_until_the_retention_period(tenant, settings):
    settings.FILES_RETENTION_HOURS = 2
    before = timezone.now()
    upload = SimpleUploadedFile("C:\\scans\\ cafe\u0301.pdf ", PDF)
    stored = files.file_upload_store(workspace=tenant.workspace, upload=upload)
    assert stored.filename == "caf\u00e9.pdf"
    assert files.file_read(stored) == PDF
    assert stored.expires_at is not None
    assert before + timedelta(hours=2) <= stored.expires_at <= timezone.now() + timedelta(hours=2)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("  ", PDF, "the file has no name"),
        ("scans/ ", PDF, "the file has no name"),
        ("a.pdf", b"", "a.pdf is empty"),
    ],
)
def test_an_upload_without_a_name_or_bytes_is_refused_and_nothing_stored(
    tenant, name, content, message
):
    upload = SimpleUploadedFile("placeholder", content)
    upload.name = name
    with pytest.raises(ValidationFailed, match=message):
        files.file_upload_store(workspace=tenant.workspace, upload=upload)
    assert not StoredFile.objects.exists()


def test_an_upload_over_the_limit_is_413_file_too_large_and_nothing_stored(tenant, settings):
    settings.MAX_UPLOAD_BYTES = 1024 * 1024
    upload = SimpleUploadedFile("big.pdf", PDF + b"0" * (1024 * 1024))
    with pytest.raises(DomainError, match="larger than the limit of 1 MB") as raised:
        files.file_upload_store(workspace=tenant.workspace, upload=upload)
    assert (raised.value.code, raised.value.status_code) == ("FILE_TOO_LARGE", 413)
    assert not StoredFile.objects.exists()


def test_file_delete_unused_keeps_a_case_documents_file(tenant):
    document, _ = uploaded_document(tenant.case_type)
    with pytest.raises(Conflict, match=document.file.public_id) as raised:
        files.file_delete_unused(stored=document.file)
    assert raised.value.code == "FILE_IN_USE"
    document.file.refresh_from_db()
    assert document.file.deleted_at is None
    assert in_store(document.file)


def test_file_delete_unused_keeps_a_case_artifact(tenant):
    document, _ = uploaded_document(tenant.case_type)
    artifact = files.file_create(
        workspace=tenant.workspace, filename="case.json", content=b"{}", case=document.case
    )
    with pytest.raises(Conflict):
        files.file_delete_unused(stored=artifact)


def test_file_delete_unused_checks_the_file_as_it_now_stands_not_a_stale_copy(tenant):
    document, _ = uploaded_document(tenant.case_type)
    stale = files.file_create(workspace=tenant.workspace, filename="case.json", content=b"{}")
    StoredFile.objects.filter(pk=stale.pk).update(case=document.case)  # kept by a case since
    with pytest.raises(Conflict):
        files.file_delete_unused(stored=stale)
    assert StoredFile.objects.get(pk=stale.pk).deleted_at is None


def test_file_delete_unused_deletes_a_loose_file(tenant, django_capture_on_commit_callbacks):
    stored = files.file_create(workspace=tenant.workspace, filename="a.pdf", content=PDF)
    with django_capture_on_commit_callbacks(execute=True):
        deleted = files.file_delete_unused(stored=stored)
    assert deleted.deleted_at is not None
    assert not in_store(stored)
