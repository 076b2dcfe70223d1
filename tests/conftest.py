"""Shared fixtures: a workspace with an admin, a reviewer and an API client; an outsider
workspace with its own client, so every endpoint gets its isolation test cheaply."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.core.cache import cache
from django_q.conf import Conf
from rest_framework.test import APIClient

from cases import services
from cases.models import CaseType, Membership, User, Workspace
from tests.factories import WorkspaceFactory, demo_case_type, member, simple_case_type


@pytest.fixture(autouse=True)
def _isolated_storage_and_sync_tasks(settings, tmp_path, monkeypatch):
    """Files under a per-test folder; django-q2 runs tasks inline, as the worker would."""
    cache.clear()  # rate-limit counters must not leak from one test into the next
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.MEDIA_ROOT = tmp_path / "files"
    settings.DATA_DIR = tmp_path
    monkeypatch.setattr(Conf, "SYNC", True)


@dataclass
class Tenant:
    workspace: Workspace
    admin: User
    reviewer: User
    raw_key: str
    client: APIClient
    case_type: CaseType


def _tenant(slug: str) -> Tenant:
    workspace = WorkspaceFactory(slug=slug, name=slug.title())
    admin = member(workspace, Membership.Role.ADMIN)
    reviewer = member(workspace, Membership.Role.REVIEWER)
    _, raw_key = services.api_key_create(workspace=workspace, name="test key")
    client = APIClient()
    client.credentials(HTTP_X_API_KEY=raw_key)
    return Tenant(
        workspace=workspace,
        admin=admin,
        reviewer=reviewer,
        raw_key=raw_key,
        client=client,
        case_type=simple_case_type(workspace),
    )


@pytest.fixture
def tenant(db) -> Tenant:
    return _tenant("acme")


@pytest.fixture
def outsider(db) -> Tenant:
    return _tenant("outsider")


@pytest.fixture
def invoice_type(tenant) -> CaseType:
    return demo_case_type(tenant.workspace, "invoice")


@pytest.fixture
def run_on_commit(django_capture_on_commit_callbacks) -> Callable:
    """Run a callable and then its on-commit callbacks (enqueueing), as a real request would."""

    def run(function: Callable, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return function(*args, **kwargs)

    return run


_OCR_READS: dict[tuple, Any] = {}


@pytest.fixture
def ocr_once(monkeypatch) -> dict[tuple, Any]:
    """The engine's page OCR (`words.ocr_image`) reads each distinct image once per test process:
    pages that render to the same pixels (one drawing under different text layers, one scan
    converted by two engines) share the real reading of the first. Everything around it (the
    layer verdict, rendering, the page result) still runs per call. Returns the readings."""
    from extraction.engine import words

    real = words.ocr_image

    def read(image, **options):
        key = (
            image.mode,
            image.size,
            hashlib.sha256(image.tobytes()).hexdigest(),
            *options.items(),
        )
        if key not in _OCR_READS:
            _OCR_READS[key] = real(image, **options)
        return _OCR_READS[key]

    monkeypatch.setattr(words, "ocr_image", read)
    return _OCR_READS
