"""Services and views behind the review page's flow: capture with a box, undo, reset to the
machine value, table rows, postpone, the queue position, and the answers the page's decision
queue relies on (409 for a stale document, X-Review-Others)."""

from __future__ import annotations

import dataclasses
import json

import pytest
from django.urls import reverse

from cases.actors import Actor
from cases.errors import Conflict, ValidationFailed
from cases.models import Document, Stage
from cases.services import case_update
from extraction.models import DocumentField, ExtractionJob
from extraction.pipeline import extraction_job_result_store
from review import claims, selectors, services
from review.models import ReviewDecision
from tests import factories
from webhooks.models import WebhookEvent

QUEUED = {"HTTP_HX_REQUEST": "true", "HTTP_X_REVIEW_QUEUE": "1"}


def url(document: Document, name: str = "review:document", **kwargs) -> str:
    return reverse(name, kwargs={"document_id": document.public_id, **kwargs})


def field(document: Document, key: str) -> DocumentField:
    return DocumentField.objects.get(document=document, key=key)


@pytest.fixture
def actor(tenant) -> Actor:
    return Actor(user=tenant.reviewer)


# --- Capture --------------------------------------------------------------------------------


def test_a_captured_value_moves_the_fields_box_to_where_it_was_captured(held_document, actor):
    services.field_correct(
        document=held_document,
        key="invoice_date",
        value="2024-03-15",
        page=1,
        bbox=[100.0, 200.0, 180.5, 212.25],
        actor=actor,
    )
    stored = field(held_document, "invoice_date")
    assert (stored.value, stored.page, stored.bbox) == (
        "2024-03-15",
        1,
        [100.0, 200.0, 180.5, 212.25],
    )


def test_a_typed_correction_keeps_the_machines_box(held_document, actor):
    before = field(held_document, "invoice_date").bbox
    services.field_correct(
        document=held_document, key="invoice_date", value="2024-03-15", actor=actor
    )
    assert field(held_document, "invoice_date").bbox == before


@pytest.mark.parametrize(
    ("page", "bbox", "message"),
    [
        (2, [1, 1, 2, 2], "page: document"),
        (1, [10, 10, 5, 20], "bbox: the box must lie on the page"),
        (1, [10, 10, 20, 9000], "bbox: the box must lie on the page"),
        (1, None, "bbox: a captured value needs both page and bbox"),
    ],
)
def test_a_capture_off_the_page_is_refused(held_document, actor, page, bbox, message):
    with pytest.raises(ValidationFailed, match=message):
        services.field_correct(
            document=held_document,
            key="invoice_date",
            value="2024-03-15",
            page=page,
            bbox=bbox,
            actor=actor,
        )


def test_a_captured_table_cell_gets_its_box(held_table_document, actor):
    services.field_correct(
        document=held_table_document,
        key="line_items",
        row=0,
        column="quantity",
        value="12",
        page=1,
        bbox=[300, 230, 320, 242],
        actor=actor,
    )
    cell = field(held_table_document, "line_items").rows[0]["quantity"]
    assert (cell["value"], cell["page"], cell["bbox"]) == ("12", 1, [300.0, 230.0, 320.0, 242.0])


def test_the_page_posts_a_capture_as_page_and_bbox(reviewer_client, held_document):
    answer = reviewer_client.post(
        url(held_document, "review:field", key="invoice_date"),
        {"action": "correct", "value": "2024-03-15", "page": "1", "bbox": "100,200,180,212"},
    )
    assert answer.status_code == 302
    assert field(held_document, "invoice_date").bbox == [100.0, 200.0, 180.0, 212.0]


def test_page_words_answer_the_stored_words(reviewer_client, outsider_client, held_document):
    held_document.pages.update(words=[[72.0, 60.0, 120.0, 72.0, "Total:"]])
    answer = reviewer_client.get(url(held_document, "review:page-words", number=1))
    assert answer.status_code == 200
    assert answer.json()["words"] == [[72.0, 60.0, 120.0, 72.0, "Total:"]]
    assert outsider_client.get(url(held_document, "review:page-words", number=1)).status_code == 404


# --- Undo and reset -------------------------------------------------------------------------


def test_undo_puts_back_the_last_decision_only(held_document, actor):
    services.field_approve(document=held_document, key="invoice_number", actor=actor)
    services.field_correct(document=held_document, key="total_amount", value="99.00", actor=actor)
    undone = services.decision_undo(document=held_document, actor=actor)
    assert undone is not None
    assert undone.key == "total_amount"
    total = field(held_document, "total_amount")
    assert (total.value, total.reviewed, total.confidence) == ("121.00", False, 90)
    assert field(held_document, "invoice_number").reviewed is True
    second = services.decision_undo(document=held_document, actor=actor)
    assert second is not None
    assert second.key == "invoice_number"
    assert field(held_document, "invoice_number").reviewed is False
    assert services.decision_undo(document=held_document, actor=actor) is None
    assert held_document.decisions.filter(action=ReviewDecision.Action.DECISION_UNDO).count() == 2


def test_undo_does_not_touch_another_reviewers_decision(tenant, held_document, actor):
    services.field_approve(
        document=held_document, key="invoice_number", actor=Actor(user=tenant.admin)
    )
    claims.claim_release(document=held_document, user=tenant.admin)
    assert services.decision_undo(document=held_document, actor=actor) is None
    assert field(held_document, "invoice_number").reviewed is True


def test_undo_refuses_to_wipe_a_later_decision_of_another_reviewer(tenant, held_document, actor):
    services.field_correct(document=held_document, key="invoice_number", value="A-1", actor=actor)
    claims.claim_take_over(document=held_document, user=tenant.admin)
    services.field_correct(
        document=held_document, key="invoice_number", value="B-2", actor=Actor(user=tenant.admin)
    )
    claims.claim_take_over(document=held_document, user=actor.user)
    with pytest.raises(Conflict) as refused:
        services.decision_undo(document=held_document, actor=actor)
    assert refused.value.code == "DECISION_OVERTAKEN"
    assert field(held_document, "invoice_number").value == "B-2"


def test_undo_refuses_to_wipe_another_reviewers_correction_of_another_row(
    tenant, held_table_document, actor
):
    """An undo restores the table whole, so a later decision on any row of it is wiped."""
    document = held_table_document
    services.field_correct(
        document=document, key="line_items", row=0, column="description", value="Bolts", actor=actor
    )
    claims.claim_take_over(document=document, user=tenant.admin)
    services.field_correct(
        document=document,
        key="line_items",
        row=1,
        column="description",
        value="Nuts",
        actor=Actor(user=tenant.admin),
    )
    claims.claim_take_over(document=document, user=actor.user)
    with pytest.raises(Conflict) as refused:
        services.decision_undo(document=document, actor=actor)
    assert refused.value.code == "DECISION_OVERTAKEN"
    rows = field(document, "line_items").rows
    assert [row["description"]["value"] for row in rows[:2]] == ["Bolts", "Nuts"]


def test_the_undo_view_answers_409_when_a_later_decision_would_be_wiped(
    tenant, held_document, reviewer_client
):
    services.field_correct(
        document=held_document,
        key="invoice_number",
        value="A-1",
        actor=Actor(user=tenant.reviewer),
    )
    claims.claim_take_over(document=held_document, user=tenant.admin)
    services.field_correct(
        document=held_document, key="invoice_number", value="B-2", actor=Actor(user=tenant.admin)
    )
    claims.claim_release(document=held_document, user=tenant.admin)
    answer = reviewer_client.post(url(held_document, "review:undo"), **QUEUED)
    assert answer.status_code == 409
    assert "decided again" in answer.content.decode()


def test_reset_puts_back_the_machine_value_and_holds_the_field_again(held_document, actor):
    before = field(held_document, "total_amount")
    services.field_correct(document=held_document, key="total_amount", value="99.00", actor=actor)
    services.field_correct(document=held_document, key="total_amount", value="98.00", actor=actor)
    services.field_reset(document=held_document, key="total_amount", actor=actor)
    after = field(held_document, "total_amount")
    assert (after.value, after.text, after.confidence, after.bbox) == (
        before.value,
        before.text,
        before.confidence,
        before.bbox,
    )
    assert after.is_pending


def test_the_page_undoes_through_the_queue_and_names_the_field(reviewer_client, held_document):
    reviewer_client.post(
        url(held_document, "review:field", key="total_amount"), {"action": "approve"}
    )
    answer = reviewer_client.post(
        url(held_document, "review:undo"), HTTP_HX_TARGET="field-list", **QUEUED
    )
    assert answer.status_code == 200
    assert answer["X-Review-Field"] == "total_amount"
    assert answer.content.decode().lstrip().startswith('<ol id="field-list"')
    assert field(held_document, "total_amount").reviewed is False


def test_the_reset_button_appears_once_a_reviewer_changed_the_field(reviewer_client, held_document):
    row_url = url(held_document, "review:field", key="total_amount")
    first = reviewer_client.post(
        row_url, {"action": "approve"}, HTTP_HX_TARGET="field-total_amount", **QUEUED
    )
    assert b"data-reset" in first.content
    reset = reviewer_client.post(
        url(held_document, "review:field-reset", key="total_amount"),
        HTTP_HX_TARGET="field-total_amount",
        **QUEUED,
    )
    assert reset.status_code == 200
    assert b"Needs review" in reset.content


# --- Table rows -----------------------------------------------------------------------------


def test_rows_are_added_moved_and_deleted_with_the_checks_run_again(held_table_document, actor):
    doc = held_table_document
    services.table_row_change(document=doc, key="line_items", operation="add", row=1, actor=actor)
    rows = field(doc, "line_items").rows
    assert len(rows) == 3
    assert rows[2]["description"]["value"] is None
    services.table_row_change(
        document=doc, key="line_items", operation="move", row=2, to=0, actor=actor
    )
    assert field(doc, "line_items").rows[0]["description"]["value"] is None
    services.table_row_change(
        document=doc, key="line_items", operation="delete", row=0, actor=actor
    )
    table = field(doc, "line_items")
    assert [row["description"]["value"] for row in table.rows] == ["Screws M4", "Wall plugs"]
    assert table.reviewed is True
    actions = list(doc.decisions.values_list("action", flat=True))
    assert actions == ["row_add", "row_move", "row_delete"]


def test_deleting_a_row_the_subtotal_needs_fails_the_sum_check(held_table_document, actor):
    services.table_row_change(
        document=held_table_document, key="line_items", operation="delete", row=1, actor=actor
    )
    table = field(held_table_document, "line_items")
    assert "table_check_failed:sum_mismatch" in table.flags
    assert table.is_pending


@pytest.mark.parametrize(
    ("operation", "row", "to", "message"),
    [
        ("delete", 5, None, "row: line_items has rows 0 to 1"),
        ("move", 0, 7, "to: line_items has rows 0 to 1"),
        ("add", -2, None, "row: line_items has rows 0 to 1"),
    ],
)
def test_a_row_change_off_the_table_is_refused(
    held_table_document, actor, operation, row, to, message
):
    with pytest.raises(ValidationFailed, match=message):
        services.table_row_change(
            document=held_table_document,
            key="line_items",
            operation=operation,
            row=row,
            to=to,
            actor=actor,
        )


def test_rows_of_a_field_that_is_not_a_table_are_refused(held_document, actor):
    with pytest.raises(ValidationFailed, match="only a table has rows"):
        services.table_row_change(
            document=held_document, key="total_amount", operation="add", row=0, actor=actor
        )


def test_the_page_changes_rows_and_answers_with_the_table(reviewer_client, held_table_document):
    answer = reviewer_client.post(
        url(held_table_document, "review:table-rows", key="line_items"),
        {"operation": "add", "row": "0"},
        HTTP_HX_TARGET="field-line_items",
        **QUEUED,
    )
    assert answer.status_code == 200
    assert 'id="input-cell-line_items-2-description"' in answer.content.decode()
    bad = reviewer_client.post(
        url(held_table_document, "review:table-rows", key="line_items"),
        {"operation": "swap", "row": "0"},
    )
    assert bad.status_code == 400


# --- Postpone, queue position, stale pages --------------------------------------------------


def test_postpone_sends_the_document_to_the_end_of_the_queue(tenant, actor):
    first = factories.held_document(tenant.case_type, filename="first.pdf")
    second = factories.held_document(tenant.case_type, filename="second.pdf")
    queue = selectors.review_queue(workspaces=[tenant.workspace])
    assert list(queue.values_list("pk", flat=True)) == [first.pk, second.pk]
    services.document_postpone(document=first, actor=actor)
    assert list(queue.all().values_list("pk", flat=True)) == [second.pk, first.pk]
    assert selectors.queue_position(workspaces=[tenant.workspace], document=first) == {
        "position": 2,
        "total": 2,
    }


def test_position_and_next_leave_out_what_the_reviewer_decided_or_skipped(tenant, reviewer_client):
    first, second, third = (
        factories.held_document(tenant.case_type, filename=f"{n}.pdf") for n in ("a", "b", "c")
    )
    page = reviewer_client.get(url(second), {"done": first.public_id})
    html = page.content.decode()
    assert 'data-position="1" data-total="2"' in html
    assert f'data-next-url="{url(third)}"' in html
    skipped = reviewer_client.get(url(first), {"skipped": second.public_id})
    assert f'data-next-url="{url(third)}"' in skipped.content.decode()


def test_the_postpone_form_opens_the_next_document(tenant, reviewer_client):
    first = factories.held_document(tenant.case_type, filename="first.pdf")
    second = factories.held_document(tenant.case_type, filename="second.pdf")
    answer = reviewer_client.post(url(first, "review:postpone"))
    assert answer.status_code == 302
    assert answer["Location"] == url(second)


def test_a_decision_on_a_document_someone_else_approved_answers_409(
    tenant, reviewer_client, held_document
):
    admin = Actor(user=tenant.admin)
    services.fields_approve_remaining(document=held_document, actor=admin)
    services.document_approve(document=held_document, actor=admin)
    answer = reviewer_client.post(
        url(held_document, "review:field", key="total_amount"),
        {"action": "approve"},
        HTTP_HX_TARGET="field-total_amount",
        **QUEUED,
    )
    assert answer.status_code == 409
    assert b"not awaiting review" in answer.content
    assert int(answer["X-Review-Others"]) >= 1


def test_every_decision_answer_counts_the_decisions_of_others(
    tenant, reviewer_client, held_document
):
    services.field_approve(
        document=held_document, key="invoice_number", actor=Actor(user=tenant.admin)
    )
    claims.claim_release(document=held_document, user=tenant.admin)
    answer = reviewer_client.post(
        url(held_document, "review:field", key="total_amount"),
        {"action": "approve"},
        HTTP_HX_TARGET="field-total_amount",
        **QUEUED,
    )
    assert answer.status_code == 200
    assert answer["X-Review-Others"] == "1"


def test_approve_from_the_queue_answers_409_while_fields_are_pending(
    reviewer_client, held_document
):
    answer = reviewer_client.post(
        url(held_document, "review:document-approve"), HTTP_HX_TARGET="doc-actions", **QUEUED
    )
    assert answer.status_code == 409
    assert b"Review the flagged fields first" in answer.content


# --- Honest states ----------------------------------------------------------------------------


def test_a_rejected_document_reads_rejected_with_its_reason(reviewer_client, held_document, actor):
    services.document_reject(document=held_document, reason="Not our invoice.", actor=actor)
    html = reviewer_client.get(url(held_document)).content.decode()
    assert "Rejected" in html
    assert "Reason: Not our invoice." in html
    assert "waiting" not in html.split('class="meta"')[1].split("</p>")[0]


def test_a_rejected_documents_case_leaves_review_for_the_rejected_stage(invoice_type, actor):
    document = factories.held_document(invoice_type)
    assert document.case.stage.system_role == "review"
    services.document_reject(document=document, reason="Not our invoice.", actor=actor)
    document.case.refresh_from_db()
    assert (document.case.stage.name, document.case.stage.system_role) == (
        "Rejected",
        "rejected",
    )


def test_a_rejected_document_moves_its_case_to_the_rejected_stage(held_document, actor):
    services.document_reject(document=held_document, reason="Not our invoice.", actor=actor)
    held_document.case.refresh_from_db()
    assert held_document.case.stage.system_role == "rejected"


def test_a_case_type_without_a_rejected_stage_keeps_the_rejected_case_where_it_is(
    held_document, actor
):
    before = held_document.case.stage
    held_document.case.case_type.stages.filter(system_role="rejected").delete()
    services.document_reject(document=held_document, reason="Not our invoice.", actor=actor)
    held_document.case.refresh_from_db()
    assert held_document.case.stage == before


def test_the_threshold_is_shown_beside_the_legend_and_on_held_chips(reviewer_client, held_document):
    html = reviewer_client.get(url(held_document)).content.decode()
    assert 'id="review-threshold"' in html
    assert "held below <strong>99</strong>" in html
    assert '90<span class="chip-threshold"> &lt; 99</span>' in html


def test_a_missing_optional_field_reads_not_found_not_a_red_zero(reviewer_client, tenant):
    document = factories.held_document(
        tenant.case_type, {k: v for k, v in factories.INVOICE_VALUES.items() if k != "invoice_date"}
    )
    html = reviewer_client.get(url(document)).content.decode()
    row = html.split('id="field-invoice_date"')[1].split("</li>")[0]
    assert "Not found" in row
    assert "Not on the document" in row
    assert "confidence-low" not in row


def test_document_state_says_whether_it_can_still_be_decided(
    tenant, reviewer_client, held_document
):
    services.field_approve(
        document=held_document, key="invoice_number", actor=Actor(user=tenant.admin)
    )
    state = reviewer_client.get(url(held_document, "review:document-state")).json()
    assert state["claimed_by"] == tenant.admin.username
    claims.claim_release(document=held_document, user=tenant.admin)
    state = reviewer_client.get(url(held_document, "review:document-state")).json()
    assert state == {
        "status": "review_required",
        "decidable": True,
        "others": 1,
        "claimed_by": "",
        "claimed_until": "",
    }
    services.fields_approve_remaining(document=held_document, actor=Actor(user=tenant.admin))
    services.document_approve(document=held_document, actor=Actor(user=tenant.admin))
    state = reviewer_client.get(url(held_document, "review:document-state")).json()
    assert (state["status"], state["decidable"]) == ("processed", False)


def test_a_case_with_a_rejected_document_leaves_review_when_its_last_held_one_is_approved(
    invoice_type, actor
):
    """Reject one document, then approve the other: the case must not stay in Review with
    nothing left to review (the other order already moved it to Rejected)."""
    rejected = factories.held_document(invoice_type)
    approved = factories.held_document(invoice_type)
    Document.objects.filter(pk=approved.pk).update(case=rejected.case)
    services.document_reject(document=rejected, reason="Not our invoice.", actor=actor)
    rejected.case.refresh_from_db()
    assert rejected.case.stage.system_role == "review"  # one document is still held
    approved.refresh_from_db()
    services.fields_approve_remaining(document=approved, actor=actor)
    services.document_approve(document=approved, actor=actor)
    rejected.case.refresh_from_db()
    assert rejected.case.stage.system_role == "rejected"


def test_a_rejection_reason_reaches_the_job_and_its_webhook_as_written(held_document, actor):
    """A reviewer's words are not an engine error: no path scrubbing, no 500-character cut."""
    reason = "Duplicate of /finance/po/2024 order 17. " + "Checked with the buyer. " * 30
    services.document_reject(document=held_document, reason=reason, actor=actor)
    job = ExtractionJob.objects.get(documents=held_document)
    assert job.error_message == reason.strip()
    event = WebhookEvent.objects.get(type="extraction.completed")
    assert event.payload["data"]["error"]["message"] == reason.strip()


def test_a_rejection_sends_no_check_messages_naming_the_values_it_never_released(tenant, actor):
    case_type = tenant.case_type
    case_type.validation_rules = [
        {"type": "range", "field": "total_amount", "min": "0", "max": "100000"}
    ]
    case_type.save(update_fields=["validation_rules"])
    document = factories.held_document(case_type, {"total_amount": ("48210.00", "48,210.00")})
    assert "48210.00" in document.metadata["validation"][0]["message"]
    services.document_reject(document=document, reason="Not ours.", actor=actor)
    event = WebhookEvent.objects.get(type="review.completed")
    assert event.payload["data"]["outcome"] == "rejected"
    assert event.payload["data"]["checks"] == []
    assert "48210" not in json.dumps(event.payload)


def test_a_case_with_a_rejected_document_waits_for_one_still_being_extracted(invoice_type, actor):
    """Rejecting one document while another of the case is still being extracted leaves the
    case in Review; once that one is released, the case goes to Rejected."""
    rejected = factories.held_document(invoice_type)
    extracting, job = factories.uploaded_document(invoice_type)
    Document.objects.filter(pk=extracting.pk).update(case=rejected.case)
    services.document_reject(document=rejected, reason="Not our invoice.", actor=actor)
    rejected.case.refresh_from_db()
    assert rejected.case.stage.system_role == "review"
    extraction_job_result_store(
        job_id=str(job.pk), engine_result=factories.engine_result(invoice_type, confidence=100)
    )
    extracting.refresh_from_db()
    assert extracting.status == Document.Status.PROCESSED
    rejected.case.refresh_from_db()
    assert rejected.case.stage.system_role == "rejected"


def test_a_case_a_person_moved_on_stays_there_when_a_new_document_is_released(invoice_type, actor):
    """The case had a rejected document; a person moved it on to a stage of their own. A clean
    document added later must not pull it back to Rejected."""
    rejected = factories.held_document(invoice_type)
    services.document_reject(document=rejected, reason="Not our invoice.", actor=actor)
    case = rejected.case
    by_hand = Stage.objects.create(case_type=invoice_type, name="Escalated", position=99)
    case_update(case=case, actor=actor, stage=by_hand)
    extracting, job = factories.uploaded_document(invoice_type)
    Document.objects.filter(pk=extracting.pk).update(case=case)
    extraction_job_result_store(
        job_id=str(job.pk), engine_result=factories.engine_result(invoice_type, confidence=100)
    )
    extracting.refresh_from_db()
    assert extracting.status == Document.Status.PROCESSED
    case.refresh_from_db()
    assert case.stage == by_hand


def _split_upload(tenant, invoice_type) -> ExtractionJob:
    """A split filterName upload: a clean invoice (its own case) and a doubtful purchase order
    (another case), both held with their job."""
    purchase_order = factories.engine_result(
        factories.demo_case_type(tenant.workspace, "purchase_order"),
        {},
        classification_confidence=30,
    ).documents[0]
    invoice = factories.engine_result(invoice_type, confidence=100)
    return factories.classified_job(
        invoice_type,
        classification_confidence=100,
        options={"documentSplitting": True},
        result=dataclasses.replace(
            invoice, documents=(*invoice.documents, dataclasses.replace(purchase_order, index=1))
        ),
    )


def test_approving_a_cases_only_document_settles_it_while_its_upload_holds_another_case(
    tenant, invoice_type, actor
):
    """Approving the invoice of a split upload moves its case on, though the job stays held."""
    job = _split_upload(tenant, invoice_type)
    invoice_document, order_document = job.documents.order_by("created_at", "id")
    assert invoice_document.case_id != order_document.case_id
    services.document_approve(document=invoice_document, actor=actor)
    invoice_document.case.refresh_from_db()
    assert invoice_document.case.stage.system_role == "approved"
    job.refresh_from_db()
    assert job.status == ExtractionJob.Status.REVIEW_REQUIRED


def test_rejecting_one_part_of_a_split_upload_moves_only_its_own_case(tenant, invoice_type, actor):
    """The reviewer rejects the doubtful purchase order of a split upload; the invoice's case
    must not go to Rejected with it."""
    job = _split_upload(tenant, invoice_type)
    invoice_document, order_document = job.documents.order_by("created_at", "id")
    services.document_reject(
        document=order_document, reason="Not a document of this case type", actor=actor
    )
    order_document.case.refresh_from_db()
    invoice_document.case.refresh_from_db()
    assert order_document.case.stage.system_role == "rejected"
    assert invoice_document.case.stage.system_role == "review"


def test_every_case_of_a_held_split_upload_waits_in_review(tenant, invoice_type):
    job = _split_upload(tenant, invoice_type)
    roles = {document.case.stage.system_role for document in job.documents.all()}
    assert roles == {"review"}


def test_a_workflow_without_extraction_and_review_stages_still_approves_its_cases(tenant):
    case_type = factories.simple_case_type(
        tenant.workspace,
        slug="plain",
        stages=[("Inbox", ""), ("Done", "approved"), ("Refused", "rejected")],
    )
    document = factories.processed_document(
        case_type, factories.engine_result(case_type, confidence=100)
    )
    assert document.status == Document.Status.PROCESSED
    document.case.refresh_from_db()
    assert document.case.stage.name == "Done"
