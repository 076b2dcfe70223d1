"""Fixtures of the browser UI tests: signed-in clients per role and documents held for review."""

from __future__ import annotations

import pytest
from django.test import Client

from cases.models import Document
from tests.review.samples import items_pdf, upload_held


def _signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def reviewer_client(tenant) -> Client:
    return _signed_in(tenant.reviewer)


@pytest.fixture
def admin_client(tenant) -> Client:
    return _signed_in(tenant.admin)


@pytest.fixture
def outsider_client(outsider) -> Client:
    return _signed_in(outsider.reviewer)


@pytest.fixture
def held_document(tenant, run_on_commit) -> Document:
    return upload_held(tenant.client, run_on_commit, tenant.case_type)


@pytest.fixture
def held_table_document(tenant, run_on_commit, invoice_type) -> Document:
    return upload_held(tenant.client, run_on_commit, invoice_type, content=items_pdf())
