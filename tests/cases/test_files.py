"""The file store (`cases.files`): create, open, expire, delete, workspace scoping, the sweep."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone

from cases import files
from cases.errors import NotFound
from cases.models import StoredFile
from cases.schedules import SCHEDULES


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
