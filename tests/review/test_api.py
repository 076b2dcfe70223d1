"""The review API: queue, field decisions, approve and reject, and what each releases."""

from __future__ import annotations

import pytest

from cases.actors import Actor
from cases.models import AuditEvent, Case, Document
from cases.services import api_key_create
from extraction.models import DocumentField, ExtractionJob
from review import claims, services
from review.models import ReviewDecision
from webhooks.models import WebhookEvent


def decide(tenant, document, key, **body):
    return tenant.client.post(
        f"/api/v1/documents/{document.public_id}/fields/{key}", body, format="json"
    )


def pending_keys(document) -> list[str]:
    return list(
        DocumentField.objects.filter(document=document, flagged=True, reviewed=False).values_list(
            "key", flat=True
        )
    )


def test_queue_lists_held_documents_with_flag_counts(tenant, held_document):
    response = tenant.client.get("/api/v1/review/queue")
    assert response.status_code == 200
    body = response.json()
    assert body["total"] == 1
    item = body["documents"][0]
    assert item["document_id"] == held_document.public_id
    assert item["flagged_field_count"] == len(pending_keys(held_document)) > 0
    assert item["casetype_id"] == tenant.case_type.public_id


def test_queue_filters_by_case_type(tenant, held_document, invoice_type):
    response = tenant.client.get("/api/v1/review/queue", {"casetype_id": invoice_type.public_id})
    assert response.json()["total"] == 0


def test_queue_never_shows_another_workspaces_documents(outsider, held_document):
    assert outsider.client.get("/api/v1/review/queue").json()["total"] == 0


def test_queue_pages_by_limit_and_offset(tenant, held_document):
    first = tenant.client.get("/api/v1/review/queue", {"limit": 1}).json()
    past_the_end = tenant.client.get("/api/v1/review/queue", {"offset": 1}).json()

    assert (first["total"], first["limit"], first["offset"]) == (1, 1, 0)
    assert [item["document_id"] for item in first["documents"]] == [held_document.public_id]
    assert past_the_end["documents"] == []
    assert past_the_end["total"] == 1


@pytest.mark.parametrize(
    ("name", "value"), [("limit", "0"), ("limit", "101"), ("offset", "-1"), ("offset", 2**63)]
)
def test_queue_refuses_a_page_parameter_out_of_range_naming_it(tenant, name, value):
    response = tenant.client.get("/api/v1/review/queue", {name: value})

    assert response.status_code == 400
    assert name in str(response.json()["error"])


def test_correct_field_records_old_and_new_value(tenant, held_document):
    response = decide(tenant, held_document, "total_amount", action="correct", value="130.50")
    assert response.status_code == 200
    field = response.json()["field"]
    assert field["value"] == "130.50"
    assert field["reviewed"] is True
    assert field["machineValue"] == "121.00"
    decision = ReviewDecision.objects.get(document=held_document, field_key="total_amount")
    assert decision.action == ReviewDecision.Action.FIELD_CORRECT
    assert (decision.old_value, decision.new_value) == ("121.00", "130.50")
    assert decision.actor_api_key is not None
    assert AuditEvent.objects.filter(
        document=held_document, verb=AuditEvent.Verb.FIELD_CORRECTED
    ).exists()


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("invoice_date", "not a date"),
        ("total_amount", "lots"),
        ("total_amount", "12x.5"),
        ("invoice_number", ""),
    ],
)
def test_correct_field_with_a_value_of_the_wrong_type_is_400(tenant, held_document, key, value):
    response = decide(tenant, held_document, key, action="correct", value=value)
    assert response.status_code == 400
    assert response.json()["error"]["message"].startswith(key)
    assert not DocumentField.objects.get(document=held_document, key=key).reviewed


def test_correct_date_accepts_other_written_forms(tenant, held_document):
    response = decide(
        tenant, held_document, "invoice_date", action="correct", value="15 March 2024"
    )
    assert response.json()["field"]["value"] == "2024-03-15"


def test_unknown_field_is_404_and_bad_action_is_400(tenant, held_document):
    assert decide(tenant, held_document, "colour", action="approve").status_code == 404
    assert decide(tenant, held_document, "total_amount", action="shrug").status_code == 400
    assert decide(tenant, held_document, "total_amount", action="correct").status_code == 400


def undo(tenant, document, **body):
    return tenant.client.post(f"/api/v1/documents/{document.public_id}/undo", body, format="json")


def test_reset_puts_back_the_machine_value_held_again_and_is_recorded(tenant, held_document):
    decide(tenant, held_document, "total_amount", action="correct", value="130.50")

    response = decide(tenant, held_document, "total_amount", action="reset")

    assert response.status_code == 200
    field = response.json()["field"]
    assert (field["value"], field["reviewed"]) == ("121.00", False)
    assert "total_amount" in pending_keys(held_document)
    actions = ReviewDecision.objects.filter(document=held_document, field_key="total_amount")
    assert list(actions.order_by("created_at", "id").values_list("action", flat=True)) == [
        ReviewDecision.Action.FIELD_CORRECT,
        ReviewDecision.Action.FIELD_RESET,
    ]


def test_undo_restores_the_field_as_it_stood_before_the_keys_last_decision(tenant, held_document):
    decide(tenant, held_document, "total_amount", action="correct", value="130.50")
    decide(tenant, held_document, "invoice_number", action="approve")

    first = undo(tenant, held_document)
    second = undo(tenant, held_document)

    assert first.status_code == second.status_code == 200
    assert first.json()["field"]["key"] == "invoice_number"
    assert (second.json()["field"]["key"], second.json()["field"]["value"]) == (
        "total_amount",
        "121.00",
    )
    assert {"invoice_number", "total_amount"} <= set(pending_keys(held_document))


def test_a_reset_or_approval_naming_a_table_cell_is_400_naming_it(tenant, held_document):
    response = decide(tenant, held_document, "total_amount", action="reset", row=0)

    assert response.status_code == 400
    assert "row" in response.json()["error"]["details"]["fields"]


def test_undo_naming_another_field_than_the_last_decision_is_409_and_undoes_nothing(
    tenant, held_document
):
    decide(tenant, held_document, "total_amount", action="correct", value="130.50")
    decide(tenant, held_document, "invoice_number", action="approve")
    assert undo(tenant, held_document, key="invoice_number").status_code == 200

    retried = undo(tenant, held_document, key="invoice_number")  # the answer was lost

    assert retried.status_code == 409
    assert retried.json()["error"]["code"] == "UNDO_FIELD_MISMATCH"
    assert DocumentField.objects.get(document=held_document, key="total_amount").value == "130.50"


@pytest.mark.parametrize("request_", ["reset", "undo"])
def test_reset_and_undo_answer_409_while_a_person_holds_the_document(
    tenant, held_document, request_
):
    decide(tenant, held_document, "total_amount", action="correct", value="130.50")
    claims.claim_take(document=held_document, user=tenant.reviewer)

    if request_ == "reset":
        response = decide(tenant, held_document, "total_amount", action="reset")
    else:
        response = undo(tenant, held_document)

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "CLAIMED"
    assert DocumentField.objects.get(document=held_document, key="total_amount").value == "130.50"


def test_undo_with_no_decision_of_the_key_answers_null_and_changes_nothing(tenant, held_document):
    response = undo(tenant, held_document)

    assert response.status_code == 200
    assert response.json() == {"success": True, "field": None}
    assert not ReviewDecision.objects.filter(document=held_document).exists()


def test_undo_of_a_decision_someone_decided_on_since_is_409_overtaken(tenant, held_document):
    other_key, _ = api_key_create(workspace=tenant.workspace, name="another integration")
    decide(tenant, held_document, "total_amount", action="correct", value="130.50")
    services.field_decide(
        document=held_document,
        key="total_amount",
        action="correct",
        value="140.00",
        actor=Actor(api_key=other_key),
    )

    response = undo(tenant, held_document)

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "DECISION_OVERTAKEN"
    assert DocumentField.objects.get(document=held_document, key="total_amount").value == "140.00"


def test_undo_of_another_workspaces_document_is_404(outsider, held_document):
    assert undo(outsider, held_document).status_code == 404


def test_approve_document_with_pending_fields_is_409(tenant, held_document):
    response = tenant.client.post(f"/api/v1/documents/{held_document.public_id}/approve")
    assert response.status_code == 409
    body = response.json()["error"]
    assert body["code"] == "FIELDS_PENDING"
    assert set(body["details"]["fields"]) == set(pending_keys(held_document))


def test_approving_every_field_then_the_document_releases_reviewed_values(tenant, held_document):
    decide(tenant, held_document, "total_amount", action="correct", value="130.50")
    for key in pending_keys(held_document):
        assert decide(tenant, held_document, key, action="approve").status_code == 200
    response = tenant.client.post(f"/api/v1/documents/{held_document.public_id}/approve")
    assert response.status_code == 200
    assert response.json()["document"]["status"] == "processed"
    job = ExtractionJob.objects.get(documents=held_document)
    assert job.status == ExtractionJob.Status.COMPLETED
    total = job.result["documents"][0]["fields"]["total_amount"]
    assert total == {
        **total,
        "value": "130.50",
        "reviewed": True,
        "machineValue": "121.00",
    }
    assert "machineConfidence" in total
    case = Case.objects.get(pk=held_document.case_id)
    assert case.stage.system_role == "approved"
    events = list(WebhookEvent.objects.values_list("type", flat=True))
    assert events.count("extraction.completed") == 1
    assert events.count("review.completed") == 1
    review_event = WebhookEvent.objects.get(type="review.completed")
    assert review_event.payload["data"]["outcome"] == "approved"


def test_reject_fails_the_job_with_review_rejected(tenant, held_document):
    response = tenant.client.post(
        f"/api/v1/documents/{held_document.public_id}/reject",
        {"reason": "Not an invoice of ours"},
        format="json",
    )
    assert response.status_code == 200
    assert response.json()["document"]["status"] == "failed"
    job = ExtractionJob.objects.get(documents=held_document)
    assert job.status == ExtractionJob.Status.FAILED
    assert job.error_code == "REVIEW_REJECTED"
    assert job.error_message == "Not an invoice of ours"
    events = list(WebhookEvent.objects.values_list("type", flat=True))
    assert events.count("extraction.completed") == 1
    assert events.count("review.completed") == 1


def test_reject_needs_a_reason(tenant, held_document):
    response = tenant.client.post(
        f"/api/v1/documents/{held_document.public_id}/reject", {}, format="json"
    )
    assert response.status_code == 400
    assert response.json()["error"]["message"].startswith("reason")


def test_decisions_on_a_released_document_are_409(tenant, held_document):
    tenant.client.post(
        f"/api/v1/documents/{held_document.public_id}/reject", {"reason": "no"}, format="json"
    )
    assert decide(tenant, held_document, "total_amount", action="approve").status_code == 409
    response = tenant.client.post(f"/api/v1/documents/{held_document.public_id}/approve")
    assert response.status_code == 409
    assert response.json()["error"]["code"] == "NOT_IN_REVIEW"


def test_another_workspaces_document_is_404_for_every_decision(outsider, held_document):
    base = f"/api/v1/documents/{held_document.public_id}"
    assert (
        outsider.client.post(
            f"{base}/fields/total_amount", {"action": "approve"}, format="json"
        ).status_code
        == 404
    )
    assert outsider.client.post(f"{base}/approve").status_code == 404
    assert outsider.client.post(f"{base}/reject", {"reason": "x"}, format="json").status_code == 404
    held_document.refresh_from_db()
    assert held_document.status == Document.Status.REVIEW_REQUIRED
