"""Fixtures of the review tests: signed-in clients per role and documents held for review
(made by the factories from a fixed engine result; `samples.upload_held` is the real path)."""

from __future__ import annotations

import pytest
from django.test import Client

from cases.models import Document
from tests.factories import ITEMS_VALUES
from tests.factories import held_document as held_document_make
from tests.review.samples import ITEMS_TEXT, items_pdf


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
def held_document(tenant) -> Document:
    return held_document_make(tenant.case_type)


@pytest.fixture
def held_table_document(tenant, invoice_type) -> Document:
    return held_document_make(invoice_type, ITEMS_VALUES, content=items_pdf(), page_text=ITEMS_TEXT)
