"""The browser UI's views: who may see what, fragments for htmx, decisions through the services."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from cases.models import ApiKey, AuditEvent, Document, Membership
from cases.services import membership_set
from extraction.models import DocumentField, ExtractionJob
from review import page_images
from tests.factories import UserFactory
from tests.factories import held_document as held_document_make
from webhooks.models import WebhookEvent

HTMX = {"HTTP_HX_REQUEST": "true"}


def htmx(target: str) -> dict[str, str]:
    return {**HTMX, "HTTP_HX_TARGET": target}


def document_url(document: Document, name: str = "review:document", **kwargs) -> str:
    return reverse(name, kwargs={"document_id": document.public_id, **kwargs})


def pending_keys(document: Document) -> list[str]:
    return list(document.fields.filter(flagged=True, reviewed=False).values_list("key", flat=True))


# --- Sign-in and permissions --------------------------------------------------------------


def test_login_page_signs_a_member_in_and_logout_signs_out(tenant):
    client = Client()
    page = client.get("/login/")
    assert page.status_code == 200
    assert b'name="username"' in page.content
    answer = client.post(
        "/login/", {"username": tenant.reviewer.username, "password": "correct horse battery"}
    )
    assert answer.status_code == 302
    assert answer["Location"] == "/"
    assert client.get("/").status_code == 200
    assert client.post("/logout/")["Location"] == "/login/"
    assert client.get("/").status_code == 302


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("get", "/"),
        ("get", "/review/"),
        ("get", "/review/doc__x/"),
        ("get", "/review/doc__x/pages/1/"),
        ("post", "/review/doc__x/fields/total_amount/"),
        ("post", "/review/doc__x/approve/"),
        ("post", "/review/doc__x/approve-remaining/"),
        ("post", "/review/doc__x/reject/"),
        ("get", "/cases/"),
        ("get", "/cases/case__x/"),
        ("post", "/cases/case__x/"),
        ("get", "/settings/api/"),
        ("post", "/settings/api/keys/"),
        ("post", "/settings/api/keys/key__abc/revoke/"),
        ("post", "/workspace/"),
    ],
)
def test_every_page_sends_anonymous_visitors_to_login(db, method, path):
    answer = getattr(Client(), method)(path)
    assert answer.status_code == 302
    assert answer["Location"].startswith(f"/login/?next={path}")


def test_another_workspaces_document_case_and_page_image_are_not_found(
    outsider_client, held_document
):
    case_id = held_document.case.public_id
    for path in (
        document_url(held_document),
        document_url(held_document, "review:page-image", number=1),
        f"/cases/{case_id}/",
    ):
        assert outsider_client.get(path).status_code == 404, path


def test_another_workspaces_document_cannot_be_decided(outsider_client, held_document):
    key = pending_keys(held_document)[0]
    for path, data in (
        (document_url(held_document, "review:field", key=key), {"action": "approve"}),
        (document_url(held_document, "review:approve-remaining"), {}),
        (document_url(held_document, "review:document-approve"), {}),
        (document_url(held_document, "review:document-reject"), {"reason": "No."}),
        (f"/cases/{held_document.case.public_id}/", {"stage": "x"}),
    ):
        assert outsider_client.post(path, data).status_code == 404, path
    held_document.refresh_from_db()
    assert held_document.status == Document.Status.REVIEW_REQUIRED
    assert not held_document.fields.filter(reviewed=True).exists()


def test_member_of_no_workspace_is_told_so_with_403(db):
    client = Client()
    client.force_login(UserFactory())
    answer = client.get("/")
    assert answer.status_code == 403
    assert b"No workspace yet" in answer.content


def test_reviewer_sees_keys_but_gets_403_creating_or_revoking_them(tenant, reviewer_client):
    page = reviewer_client.get("/settings/api/")
    assert page.status_code == 200
    assert b"test key" in page.content
    assert b"Create key" not in page.content
    assert b"Revoke" not in page.content
    key_id = ApiKey.objects.get(workspace=tenant.workspace).public_id
    assert reviewer_client.post("/settings/api/keys/", {"name": "mine"}).status_code == 403
    assert reviewer_client.post(f"/settings/api/keys/{key_id}/revoke/").status_code == 403
    assert ApiKey.objects.filter(workspace=tenant.workspace, revoked_at__isnull=True).count() == 1


def test_admin_creates_a_key_shown_once_then_revokes_it(tenant, admin_client):
    answer = admin_client.post("/settings/api/keys/", {"name": "ERP import"})
    assert answer.status_code == 200
    assert "no-store" in answer["Cache-Control"]
    api_key = ApiKey.objects.get(workspace=tenant.workspace, name="ERP import")
    raw = answer.content.decode().split('id="new-key-value" class="mono" value="')[1].split('"')[0]
    assert raw.startswith(api_key.prefix)
    assert ApiKey.hash_key(raw) == api_key.key_hash
    assert raw not in admin_client.get("/settings/api/").content.decode()

    revoked = admin_client.post(
        f"/settings/api/keys/{api_key.public_id}/revoke/", **htmx("api-keys")
    )
    assert revoked.status_code == 200
    assert revoked.content.decode().lstrip().startswith('<section id="api-keys"')
    api_key.refresh_from_db()
    assert api_key.revoked_at is not None


def test_admin_key_without_a_name_rerenders_the_form_with_the_error(admin_client, tenant):
    answer = admin_client.post("/settings/api/keys/", {"name": ""}, **htmx("api-keys"))
    assert answer.status_code == 200
    assert b'aria-invalid="true"' in answer.content
    assert ApiKey.objects.filter(workspace=tenant.workspace).count() == 1


def test_admin_cannot_revoke_another_workspaces_key(admin_client, outsider):
    key_id = ApiKey.objects.get(workspace=outsider.workspace).public_id
    assert admin_client.post(f"/settings/api/keys/{key_id}/revoke/").status_code == 404
    assert ApiKey.objects.get(workspace=outsider.workspace).revoked_at is None


def test_workspace_switch_offers_only_the_members_workspaces(tenant, outsider, reviewer_client):
    assert b"workspace-select" not in reviewer_client.get("/").content
    membership_set(user=tenant.reviewer, workspace=outsider.workspace, role="reviewer")
    page = reviewer_client.get("/review/").content.decode()
    assert outsider.workspace.public_id in page

    answer = reviewer_client.post(
        "/workspace/", {"workspace": outsider.workspace.public_id, "next": "/review/"}
    )
    assert answer["Location"] == "/review/"
    assert reviewer_client.get("/").context["request"].access.workspace == outsider.workspace

    stranger = UserFactory()
    other = Membership.objects.get(user=outsider.admin).workspace
    assert other == outsider.workspace
    membership_set(user=stranger, workspace=tenant.workspace, role="reviewer")
    client = Client()
    client.force_login(stranger)
    assert (
        client.post("/workspace/", {"workspace": outsider.workspace.public_id}).status_code == 404
    )


# --- Dashboard and queue ------------------------------------------------------------------


def test_dashboard_counts_documents_by_status_and_cases_by_stage(reviewer_client, held_document):
    answer = reviewer_client.get("/")
    assert answer.status_code == 200
    counts = {item.status: item.count for item in answer.context["status_counts"]}
    assert counts[Document.Status.REVIEW_REQUIRED] == 1
    assert counts[Document.Status.PROCESSED] == 0
    stages = {s.system_role: s.count for s in answer.context["stage_counts"][0].stages}
    assert stages["review"] == 1
    assert answer.context["queue_count"] == 1


def test_queue_answers_htmx_with_the_list_fragment_and_browsers_with_the_page(
    reviewer_client, held_document
):
    page = reviewer_client.get("/review/")
    fragment = reviewer_client.get("/review/", **htmx("queue-list"))
    assert page.status_code == fragment.status_code == 200
    assert b"<html" in page.content
    assert b"<html" not in fragment.content
    assert fragment.content.decode().lstrip().startswith('<section id="queue-list"')
    assert held_document.filename.encode() in fragment.content
    trigger = (
        "every 5s [!document.querySelector('#queue-list :focus') && "
        "!document.querySelector('#queue-list input[type=checkbox]:checked')]"
    )
    assert f'hx-trigger="{trigger}"' in fragment.content.decode()
    assert "HX-Request" in page["Vary"]


def test_queue_is_oldest_first_and_filters_by_case_type_and_assignee(
    tenant, reviewer_client, invoice_type
):
    first = held_document_make(tenant.case_type, filename="first.pdf")
    second = held_document_make(invoice_type, filename="second.pdf")
    listed = list(reviewer_client.get("/review/").context["page"].object_list)
    assert listed == [first, second]
    assert listed[0].pending_count > 0

    by_type = reviewer_client.get("/review/", {"case_type": invoice_type.public_id})
    assert list(by_type.context["page"].object_list) == [second]

    first.case.assigned_to = tenant.reviewer
    first.case.save()
    mine = reviewer_client.get("/review/", {"assignee": tenant.reviewer.public_id})
    assert list(mine.context["page"].object_list) == [first]


# --- The review page ----------------------------------------------------------------------


def test_review_page_lists_pending_fields_first_with_boxes_over_page_images(
    reviewer_client, held_document
):
    answer = reviewer_client.get(document_url(held_document))
    assert answer.status_code == 200
    view = answer.context["view"]
    assert view.pending_count == len(pending_keys(held_document)) > 0
    assert [f.pending for f in view.fields] == sorted(
        (f.pending for f in view.fields), reverse=True
    )
    assert not view.approvable
    html = answer.content.decode()
    total = next(f for f in view.fields if f.key == "total_amount")
    assert 'id="box-total_amount"' in html
    assert total.box.style in html
    assert document_url(held_document, "review:page-image", number=1) in html
    assert "Shift</kbd>+<kbd>A</kbd>" in html


def test_review_page_and_queue_say_when_the_case_type_itself_is_uncertain(
    reviewer_client, held_document
):
    assert (
        'id="document-flag-case_type_uncertain"'
        not in reviewer_client.get(document_url(held_document)).content.decode()
    )
    held_document.metadata["case_type_uncertain"] = {
        "confidence": 41,
        "threshold": 90,
        "candidates": ["Invoice", "Purchase order", "Receipt"],
    }
    held_document.save(update_fields=["metadata"])
    html = reviewer_client.get(document_url(held_document)).content.decode()
    assert 'id="document-flag-case_type_uncertain"' in html
    assert "chose Invoice over Purchase order, Receipt with confidence 41" in html
    queue = reviewer_client.get(reverse("review:queue")).content.decode()
    assert f'{held_document.case.case_type.name} <span class="pill pill-pending"' in queue


def test_correcting_a_date_with_a_bad_value_rerenders_the_field_with_the_error(
    reviewer_client, held_document
):
    url = document_url(held_document, "review:field", key="invoice_date")
    data = {"action": "correct", "value": "31/02/not-a-date"}

    fragment = reviewer_client.post(url, data, **htmx("field-invoice_date"))
    assert fragment.status_code == 200
    html = fragment.content.decode()
    assert html.lstrip().startswith('<li id="field-invoice_date"')
    assert "is not a date" in html
    assert 'aria-invalid="true"' in html
    assert 'value="31/02/not-a-date"' in html
    assert "HX-Trigger" not in fragment

    page = reviewer_client.post(url, data)
    assert page.status_code == 200
    assert b"<html" in page.content
    assert b"is not a date" in page.content
    field = held_document.fields.get(key="invoice_date")
    assert field.value == "2024-03-14"
    assert not field.reviewed


def test_correcting_a_field_stores_the_typed_value_and_announces_the_change(
    reviewer_client, held_document
):
    url = document_url(held_document, "review:field", key="total_amount")
    answer = reviewer_client.post(
        url, {"action": "correct", "value": "131.50"}, **htmx("field-total_amount")
    )
    assert answer.status_code == 200
    assert answer["HX-Trigger"] == "fields-changed"
    assert "131.50" in answer.content.decode()
    field = held_document.fields.get(key="total_amount")
    assert (field.value, field.machine_value, field.reviewed) == ("131.50", "121.00", True)
    assert AuditEvent.objects.filter(
        document=held_document, verb=AuditEvent.Verb.FIELD_CORRECTED, actor_user__isnull=False
    ).exists()


def test_approving_a_field_without_javascript_redirects_back_to_it(reviewer_client, held_document):
    key = pending_keys(held_document)[0]
    answer = reviewer_client.post(
        document_url(held_document, "review:field", key=key), {"action": "approve"}
    )
    assert answer.status_code == 302
    assert answer["Location"] == f"{document_url(held_document)}#field-{key}"
    assert held_document.fields.get(key=key).reviewed


def test_doc_actions_region_refreshes_as_a_fragment(reviewer_client, held_document):
    answer = reviewer_client.get(document_url(held_document), **htmx("doc-actions"))
    html = answer.content.decode()
    assert html.lstrip().startswith('<div id="doc-actions"')
    assert 'id="approve-document" disabled' in html
    page = reviewer_client.get(document_url(held_document)).content.decode()
    assert 'hx-trigger="fields-changed from:body"' in page


def test_table_cells_are_corrected_one_by_one(reviewer_client, held_table_document):
    field = held_table_document.fields.get(key="line_items")
    assert len(field.rows) == 2
    url = document_url(held_table_document, "review:field", key="line_items")
    answer = reviewer_client.post(
        url,
        {"action": "correct", "row": "1", "column": "quantity", "value": "120"},
        **htmx("field-line_items"),
    )
    assert answer.status_code == 200
    assert 'value="120"' in answer.content.decode()
    field.refresh_from_db()
    assert field.rows[1]["quantity"]["value"] == "120"
    assert field.rows[0]["quantity"]["value"] == "10"

    bad = reviewer_client.post(
        url,
        {"action": "correct", "row": "0", "column": "quantity", "value": "lots"},
        **htmx("field-line_items"),
    )
    assert "is not a number" in bad.content.decode()
    assert 'id="error-cell-line_items-0-quantity"' in bad.content.decode()


def test_approve_document_is_refused_while_fields_are_pending(reviewer_client, held_document):
    answer = reviewer_client.post(
        document_url(held_document, "review:document-approve"), **htmx("doc-actions")
    )
    assert answer.status_code == 200
    assert b"Review the flagged fields first" in answer.content
    held_document.refresh_from_db()
    assert held_document.status == Document.Status.REVIEW_REQUIRED


def test_approving_a_document_opens_the_next_one_in_the_queue(tenant, reviewer_client):
    first = held_document_make(tenant.case_type, filename="first.pdf")
    second = held_document_make(tenant.case_type, filename="second.pdf")
    corrected = reviewer_client.post(
        document_url(first, "review:field", key="total_amount"),
        {"action": "correct", "value": "99.90"},
    )
    assert corrected.status_code == 302
    reviewer_client.post(document_url(first, "review:approve-remaining"))

    answer = reviewer_client.post(document_url(first, "review:document-approve"))
    assert answer.status_code == 302
    assert answer["Location"] == document_url(second)
    first.refresh_from_db()
    assert first.status == Document.Status.PROCESSED
    job = ExtractionJob.objects.get(documents=first)
    assert job.status == ExtractionJob.Status.COMPLETED
    released = job.result["documents"][0]["fields"]["total_amount"]
    assert (released["value"], released["reviewed"]) == ("99.90", True)

    reviewer_client.post(document_url(second, "review:approve-remaining"), **htmx("field-list"))
    last = reviewer_client.post(
        document_url(second, "review:document-approve"), **htmx("doc-actions")
    )
    assert last.status_code == 204
    assert last["HX-Redirect"] == reverse("review:queue")


def test_approve_remaining_answers_htmx_with_the_field_list(reviewer_client, held_document):
    answer = reviewer_client.post(
        document_url(held_document, "review:approve-remaining"), **htmx("field-list")
    )
    assert answer.status_code == 200
    assert answer["HX-Trigger"] == "fields-changed"
    assert answer.content.decode().lstrip().startswith('<ol id="field-list"')
    assert pending_keys(held_document) == []


def test_reject_needs_a_reason_then_fails_the_job(reviewer_client, held_document):
    url = document_url(held_document, "review:document-reject")
    empty = reviewer_client.post(url, {"reason": ""}, **htmx("doc-actions"))
    assert empty.status_code == 200
    assert b"Say why the document is rejected." in empty.content

    answer = reviewer_client.post(url, {"reason": "Not our invoice."})
    assert answer.status_code == 302
    assert answer["Location"] == reverse("review:queue")
    job = ExtractionJob.objects.get(documents=held_document)
    assert (job.status, job.error_code, job.error_message) == (
        ExtractionJob.Status.FAILED,
        "REVIEW_REJECTED",
        "Not our invoice.",
    )


def test_a_processed_document_is_shown_without_decisions(reviewer_client, held_document):
    reviewer_client.post(document_url(held_document, "review:approve-remaining"))
    reviewer_client.post(document_url(held_document, "review:document-approve"))
    answer = reviewer_client.get(document_url(held_document))
    assert answer.status_code == 200
    assert b"there is nothing to decide" in answer.content
    assert b'name="action" value="approve"' not in answer.content


# --- Page images --------------------------------------------------------------------------


def test_page_image_is_a_png_cached_on_disk(reviewer_client, held_document, settings, monkeypatch):
    url = document_url(held_document, "review:page-image", number=1)
    answer = reviewer_client.get(url, {"width": "900"})
    assert answer.status_code == 200
    assert answer["Content-Type"] == "image/png"
    assert "max-age" in answer["Cache-Control"]
    body = b"".join(answer.streaming_content)
    assert body.startswith(b"\x89PNG\r\n\x1a\n")
    cached = page_images.cache_path(sha256=held_document.file.sha256, page=1, width=1000)
    assert cached.is_relative_to(settings.DATA_DIR / "page-cache")
    assert cached.read_bytes() == body

    def no_render(*args, **kwargs):
        raise AssertionError("a cached page must not be rendered again")

    monkeypatch.setattr(page_images, "render_png", no_render)
    again = reviewer_client.get(url, {"width": "1000"})
    assert b"".join(again.streaming_content) == body


def test_page_image_refuses_a_bad_width_and_a_missing_page(reviewer_client, held_document):
    url = document_url(held_document, "review:page-image", number=1)
    assert reviewer_client.get(url, {"width": "wide"}).status_code == 400
    missing = document_url(held_document, "review:page-image", number=7)
    assert reviewer_client.get(missing).status_code == 404


# --- Case pages ---------------------------------------------------------------------------


def test_case_list_searches_and_filters(tenant, reviewer_client, invoice_type):
    first = held_document_make(tenant.case_type, filename="alpha.pdf")
    second = held_document_make(invoice_type, filename="beta.pdf")

    def listed(**params):
        answer = reviewer_client.get("/cases/", params)
        assert answer.status_code == 200
        return [row.case for row in answer.context["rows"]]

    assert set(listed()) == {first.case, second.case}
    assert listed(q="alpha") == [first.case]
    assert listed(case_type=invoice_type.public_id) == [second.case]
    review_stage = invoice_type.stage_with_role("review")
    assert listed(stage=review_stage.public_id) == [second.case]
    assert listed(assignee=tenant.admin.public_id) == []
    fragment = reviewer_client.get("/cases/", {"q": "beta"}, **htmx("case-list"))
    assert fragment.content.decode().lstrip().startswith('<section id="case-list"')


def test_case_page_shows_documents_stage_assignee_and_history(reviewer_client, held_document):
    answer = reviewer_client.get(f"/cases/{held_document.case.public_id}/")
    assert answer.status_code == 200
    html = answer.content.decode()
    assert held_document.filename in html
    assert "Review required" in html
    verbs = [entry.verb for entry in answer.context["history"]]
    assert AuditEvent.Verb.CASE_CREATED in verbs
    assert AuditEvent.Verb.DOCUMENT_UPLOADED in verbs
    stage_entry = next(
        e for e in answer.context["history"] if e.verb == AuditEvent.Verb.STAGE_CHANGED
    )
    assert (stage_entry.from_state, stage_entry.to_state) == ("Extraction", "Review")


def test_changing_stage_and_assignee_fires_case_updated(tenant, reviewer_client, held_document):
    case = held_document.case
    paid = case.case_type.stages.create(name="Paid", position=9)
    answer = reviewer_client.post(
        f"/cases/{case.public_id}/",
        {"stage": paid.public_id, "assigned_to": tenant.reviewer.public_id, "past_review": "on"},
        **htmx("case-summary"),
    )
    assert answer.status_code == 200
    assert answer["HX-Trigger"] == "case-updated"
    assert answer.content.decode().lstrip().startswith('<section id="case-summary"')
    case.refresh_from_db()
    assert (case.stage, case.assigned_to) == (paid, tenant.reviewer)
    event = WebhookEvent.objects.filter(type="case.updated").latest("created_at")
    assert event.payload["data"]["source"] == "ui"
    assert set(event.payload["data"]["changes"]) == {"stage_id", "assigned_to"}
    audit = AuditEvent.objects.filter(case=case, verb=AuditEvent.Verb.CASE_UPDATED).get()
    assert audit.actor_user == tenant.reviewer

    plain = reviewer_client.post(f"/cases/{case.public_id}/", {"stage": "stage__nope"})
    assert plain.status_code == 200
    assert b"Select a valid choice" in plain.content


def test_moving_a_case_past_review_while_a_document_is_held_warns_first(
    tenant, reviewer_client, held_document
):
    case = held_document.case
    paid = case.case_type.stages.create(name="Paid", position=9)
    before = case.stage
    answer = reviewer_client.post(
        f"/cases/{case.public_id}/", {"stage": paid.public_id}, **htmx("case-summary")
    )
    html = answer.content.decode()
    assert "still held for review" in html
    assert held_document.filename in html
    assert 'name="past_review"' in html  # the page offers to move it anyway
    case.refresh_from_db()
    assert case.stage == before


def test_case_documents_poll_while_not_terminal_and_announce_when_settled(
    reviewer_client, held_document
):
    url = f"/cases/{held_document.case.public_id}/"
    Document.objects.filter(pk=held_document.pk).update(status=Document.Status.PROCESSING)
    polling = reviewer_client.get(url, **htmx("case-documents")).content.decode()
    assert polling.lstrip().startswith('<section id="case-documents"')
    assert f'hx-get="{url}?active=1" hx-trigger="every 3s"' in polling
    assert "<progress" in polling

    Document.objects.filter(pk=held_document.pk).update(status=Document.Status.REVIEW_REQUIRED)
    settled = reviewer_client.get(f"{url}?active=1", **htmx("case-documents"))
    assert f'hx-get="{url}" hx-trigger="every 15s"' in settled.content.decode()
    assert settled["HX-Trigger"] == "case-documents-settled"
    assert "HX-Trigger" not in reviewer_client.get(url, **htmx("case-documents"))

    Document.objects.filter(pk=held_document.pk).update(status=Document.Status.PROCESSED)
    done = reviewer_client.get(url, **htmx("case-documents")).content.decode()
    assert "hx-trigger" not in done.split(">", 1)[0]


def test_pending_fields_carry_flags_and_boxes(reviewer_client, held_document):
    field = DocumentField.objects.filter(document=held_document, flagged=True).first()
    answer = reviewer_client.get(document_url(held_document), **htmx("field-list"))
    html = answer.content.decode()
    assert html.lstrip().startswith('<ol id="field-list"')
    assert f'id="field-{field.key}"' in html
    assert "Below the review threshold" in html


def test_case_change_without_javascript_redirects_back_with_a_message(
    tenant, reviewer_client, held_document
):
    case = held_document.case
    url = f"/cases/{case.public_id}/"
    answer = reviewer_client.post(
        url, {"stage": case.stage.public_id, "assigned_to": tenant.admin.public_id}, follow=True
    )
    assert answer.redirect_chain == [(url, 302)]
    assert b"Case updated." in answer.content
    case.refresh_from_db()
    assert case.assigned_to == tenant.admin


def test_posts_without_a_csrf_token_are_refused(tenant, held_document):
    client = Client(enforce_csrf_checks=True)
    client.force_login(tenant.reviewer)
    key = pending_keys(held_document)[0]
    answer = client.post(
        document_url(held_document, "review:field", key=key), {"action": "approve"}
    )
    assert answer.status_code == 403
    assert not held_document.fields.get(key=key).reviewed
    page = client.get(document_url(held_document)).content.decode()
    assert 'hx-headers=\'{"X-CSRFToken": "' in page


def test_opening_a_document_of_another_of_my_workspaces_makes_it_current(
    outsider, reviewer_client, tenant
):
    membership_set(user=tenant.reviewer, workspace=outsider.workspace, role="reviewer")
    theirs = held_document_make(outsider.case_type)
    answer = reviewer_client.get(document_url(theirs))
    assert answer.status_code == 200
    assert reviewer_client.get("/").context["request"].access.workspace == outsider.workspace


def test_case_page_starts_extraction_of_documents_stored_without_it(
    tenant, admin_client, django_capture_on_commit_callbacks
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from cases.models import Document
    from tests.documents import INVOICE_LINES, pdf_with_lines

    upload = SimpleUploadedFile("later.pdf", pdf_with_lines(INVOICE_LINES))
    case_id = tenant.client.post(
        "/api/v1/cases",
        {"casetype_id": tenant.case_type.public_id, "trigger_workflow": "false", "files": [upload]},
        format="multipart",
    ).json()["data"]["case_id"]
    page = admin_client.get(f"/cases/{case_id}/")
    assert b"Start extraction" in page.content
    with django_capture_on_commit_callbacks(execute=True):
        answer = admin_client.post(f"/cases/{case_id}/extract/")
    assert answer.status_code == 302
    assert Document.objects.get(case__public_id=case_id).status == "processed"
    assert b"Start extraction" not in admin_client.get(f"/cases/{case_id}/").content


def test_an_empty_table_cell_reads_empty_not_a_confidence_of_zero(
    reviewer_client, held_table_document
):
    field = held_table_document.fields.get(key="line_items")
    rows = field.rows
    rows[1]["unit_price"] = {"value": None, "text": "", "confidence": 0}
    DocumentField.objects.filter(pk=field.pk).update(rows=rows)

    html = reviewer_client.get(document_url(held_table_document)).content.decode()

    cell = html[html.index('id="cell-line_items-1-unit_price"') :]
    cell = cell[: cell.index("</td>")]
    assert "Empty" in cell
    assert 'class="confidence confidence-low"' not in cell
    filled = html[html.index('id="cell-line_items-0-unit_price"') :]
    assert 'class="confidence confidence-' in filled[: filled.index("</td>")]
