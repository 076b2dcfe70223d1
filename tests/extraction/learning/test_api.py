"""The learning API: a case type's learned figures and resetting one layout."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from cases.models import CaseType, Document
from extraction.learning.models import DocumentLayout, Layout, LayoutPosition, Verdict
from extraction.learning.selectors import automation_by_week
from tests import factories


def _learned(case_type: CaseType) -> tuple[Document, Layout]:
    """A processed document with verdicts, a layout with one place corrected more than kept."""
    document = factories.processed_document(case_type)
    layout = Layout.objects.create(
        workspace=case_type.workspace, case_type=case_type, issuer="DE123456789", name="ACME GmbH"
    )
    LayoutPosition.objects.create(
        layout=layout,
        field_key="total_amount",
        page=1,
        bbox=[0.8, 0.4, 0.9, 0.42],
        right=1,
        wrong=3,
    )
    DocumentLayout.objects.filter(document=document).update(layout=layout)
    for key, confidence, correct, flagged, qa in (
        ("invoice_number", 95, True, False, True),
        ("total_amount", 92, False, False, True),
        ("invoice_date", 60, True, True, False),
    ):
        Verdict.objects.create(
            workspace=case_type.workspace,
            case_type=case_type,
            document=document,
            layout=layout,
            field_key=key,
            engine_confidence=confidence,
            confidence=confidence,
            correct=correct,
            flagged=flagged,
            qa_sample=qa,
        )
    return document, layout


def _url(case_type: CaseType) -> str:
    return f"/api/v1/casetypes/{case_type.public_id}/learning"


def test_learning_answers_automation_error_reliability_and_layouts(tenant, invoice_type):
    _learned(invoice_type)
    response = tenant.client.get(_url(invoice_type))
    assert response.status_code == 200
    data = response.json()["data"]
    assert data["casetype_id"] == invoice_type.public_id
    assert data["documents"] == 1
    assert data["documents_matched"] == 1
    assert [week["documents"] for week in data["automation"]] == [1]
    assert data["released_error"]["qa_sample"]["count"] == 2
    assert data["released_error"]["qa_sample"]["errors"] == 1
    assert data["released_error"]["corrections"]["count"] == 0
    row90 = next(r for r in data["reliability"] if r["threshold"] == 90)
    assert row90["released"] == 2
    assert row90["released_accuracy"] == 0.5
    [layout] = data["layouts"]
    assert layout["name"] == "ACME GmbH"
    assert layout["reused_wrong"] == 3
    assert layout["losing_trust"] is True
    assert data["calibration"]["source"] == "global"


def test_learning_of_another_workspaces_case_type_is_not_found(tenant, outsider):
    other = factories.demo_case_type(outsider.workspace, "invoice")
    response = tenant.client.get(_url(other))
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "CASETYPE_NOT_FOUND"


@pytest.mark.parametrize("weeks", ["0", "105", "soon"])
def test_learning_refuses_a_bad_number_of_weeks(tenant, invoice_type, weeks):
    response = tenant.client.get(_url(invoice_type), {"weeks": weeks})
    assert response.status_code == 400
    assert "weeks" in response.json()["error"]["details"]["fields"]


def test_learning_needs_an_api_key(tenant, invoice_type):
    assert APIClient().get(_url(invoice_type)).status_code == 401


def test_a_layout_is_reset_over_the_api(tenant, invoice_type):
    _, layout = _learned(invoice_type)
    response = tenant.client.delete(f"{_url(invoice_type)}/layouts/{layout.public_id}")
    assert response.status_code == 200
    assert response.json()["data"] == {"layout_id": layout.public_id, "reset": True}
    assert not Layout.objects.exists()
    assert not LayoutPosition.objects.exists()
    assert Verdict.objects.count() == 3


def test_resetting_an_unknown_or_foreign_layout_is_not_found(tenant, outsider, invoice_type):
    _, layout = _learned(invoice_type)
    missing = tenant.client.delete(f"{_url(invoice_type)}/layouts/layout__nope")
    assert missing.status_code == 404
    assert missing.json()["error"]["code"] == "LAYOUT_NOT_FOUND"
    foreign = outsider.client.delete(f"{_url(invoice_type)}/layouts/{layout.public_id}")
    assert foreign.status_code == 404
    assert Layout.objects.exists()


def test_a_document_held_for_its_case_type_counts_as_released_by_no_one(tenant, invoice_type):
    factories.classified_job(invoice_type, classification_confidence=10)
    (week,) = automation_by_week(case_type=invoice_type)
    assert (week["documents"], week["documents_released"], week["fields_released"]) == (1, 0, 0)
