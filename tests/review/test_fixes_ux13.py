"""Review UI defects found by hand (issue 13) that the server renders: a rejected document is
called "Rejected" with its reason (not "Failed" / REVIEW_REJECTED) and has no review chips."""

from __future__ import annotations

import pytest
from django.urls import reverse

from review.case_views import case_status_shown
from review.field_rows import flag_label
from review.selectors import document_status_counts_shown

pytestmark = pytest.mark.django_db


@pytest.fixture
def rejected(reviewer_client, held_document):
    url = reverse("review:document-reject", args=[held_document.public_id])
    assert reviewer_client.post(url, {"reason": "Not our invoice."}).status_code == 302
    held_document.refresh_from_db()
    return held_document


def test_the_case_page_calls_a_rejected_document_rejected_with_its_reason(
    reviewer_client, rejected
):
    answer = reviewer_client.get(reverse("review:case-detail", args=[rejected.case.public_id]))
    page = answer.content.decode()
    assert '<span class="status status-rejected">Rejected</span>' in page
    assert "Rejected by a reviewer: Not our invoice." in page
    assert "REVIEW_REJECTED" not in page
    assert ">Failed<" not in page
    assert case_status_shown(rejected.case) == "rejected"


def test_the_dashboard_counts_rejected_documents_apart_from_failed_ones(
    reviewer_client, rejected, tenant
):
    counts = {c.status: c.count for c in document_status_counts_shown(workspace=tenant.workspace)}
    assert (counts["rejected"], counts["failed"]) == (1, 0)
    page = reviewer_client.get(reverse("review:dashboard")).content.decode()
    assert "stat-rejected" in page


def test_a_rejected_documents_fields_show_no_review_chips(reviewer_client, rejected):
    page = reviewer_client.get(reverse("review:document", args=[rejected.public_id]))
    text = page.content.decode()
    assert "Needs review" not in text
    assert 'data-state="pending"' not in text
    assert "Reason: Not our invoice." in text


def test_the_case_history_says_an_undo_is_an_undo_and_a_rejection_in_words(
    reviewer_client, held_document
):
    approve = reverse("review:field", args=[held_document.public_id, "invoice_number"])
    assert reviewer_client.post(approve, {"action": "approve"}).status_code in (200, 302)
    undo = reverse("review:undo", args=[held_document.public_id])
    assert reviewer_client.post(undo).status_code in (200, 302)
    reject = reverse("review:document-reject", args=[held_document.public_id])
    assert reviewer_client.post(reject, {"reason": "Not ours."}).status_code == 302

    case_url = reverse("review:case-detail", args=[held_document.case.public_id])
    page = reviewer_client.get(case_url).content.decode()
    assert "Decision undone" in page
    assert "Field corrected" not in page
    assert "rejected by a reviewer" in page
    assert "REVIEW_REJECTED" not in page


@pytest.mark.parametrize(
    ("flag", "label"),
    [
        ("rule_failed:totals_add_up", "Check “totals add up” failed"),
        ("table_check_failed:row_arithmetic", "Quantity × unit price ≠ amount in a row"),
        ("low_confidence", "Below the review threshold"),
        ("some_new_flag", "Some new flag"),
    ],
)
def test_flags_read_as_words_not_codes(flag, label):
    assert flag_label(flag) == label
