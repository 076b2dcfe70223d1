"""The queue at volume (scope, search, sort, SLA ages, claims, Start reviewing, bulk assign and
reject) and the review page's claim (banner, take over, release, 409 for the decision queue,
the API refusing while a person holds the document)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from cases.actors import Actor
from cases.models import AuditEvent, Document
from extraction.models import DocumentField
from review import claims, selectors, services
from review.models import DocumentClaim, ReviewDecision
from tests import factories

QUEUED = {"HTTP_HX_REQUEST": "true", "HTTP_X_REVIEW_QUEUE": "1"}


def live(document: Document) -> DocumentClaim:
    claim = claims.claim_live(document=document)
    assert claim is not None
    return claim


def holder(document: Document):
    return live(document).user


def doc_url(document: Document, name: str = "review:document") -> str:
    return reverse(name, kwargs={"document_id": document.public_id})


def listed(client: Client, **params) -> list[str]:
    answer = client.get("/review/", params)
    assert answer.status_code == 200
    return [row.document.filename for row in answer.context["rows"]]


@pytest.fixture
def three(tenant, invoice_type):
    """a.pdf (oldest, assigned to the reviewer), b.pdf (an invoice, unassigned), c.pdf
    (newest, assigned to the admin), waiting 30, 20 and 1 hours."""
    now = timezone.now()
    made = []
    for name, case_type, hours in (
        ("a.pdf", tenant.case_type, 30),
        ("b.pdf", invoice_type, 20),
        ("c.pdf", tenant.case_type, 1),
    ):
        document = factories.held_document(case_type, filename=name)
        Document.objects.filter(pk=document.pk).update(
            review_required_at=now - timedelta(hours=hours)
        )
        made.append(document)
    a, b, c = made
    a.case.assigned_to = tenant.reviewer
    a.case.save()
    c.case.assigned_to = tenant.admin
    c.case.save()
    return a, b, c


# --- Filters, search, sort ----------------------------------------------------------------


def test_queue_scope_mine_unassigned_and_all(reviewer_client, three):
    assert listed(reviewer_client) == ["a.pdf", "b.pdf", "c.pdf"]
    assert listed(reviewer_client, scope="mine") == ["a.pdf"]
    assert listed(reviewer_client, scope="unassigned") == ["b.pdf"]


def test_queue_scope_combines_with_the_case_type_filter(reviewer_client, three, tenant):
    assert listed(reviewer_client, scope="unassigned", case_type=tenant.case_type.public_id) == []


def test_queue_search_matches_name_document_id_and_case(reviewer_client, three):
    a, b, c = three
    assert listed(reviewer_client, q="B.PD") == ["b.pdf"]
    assert listed(reviewer_client, q=c.public_id) == ["c.pdf"]
    a.case.name = "Purchase order 4711"
    a.case.save()
    assert listed(reviewer_client, q="4711") == ["a.pdf"]
    assert listed(reviewer_client, q=b.case.public_id) == ["b.pdf"]


def test_queue_sorts_newest_first_lowest_confidence_first_and_by_case_type(reviewer_client, three):
    a, b, _c = three
    assert listed(reviewer_client, sort="newest") == ["c.pdf", "b.pdf", "a.pdf"]
    DocumentField.objects.filter(document=b, flagged=True).update(confidence=12)
    assert listed(reviewer_client, sort="confidence")[0] == "b.pdf"
    by_type = listed(reviewer_client, sort="case_type")
    names = {a.case.case_type.name: "a", b.case.case_type.name: "b"}
    first_type = sorted(names)[0]
    assert by_type[0].startswith(names[first_type])


def test_an_unknown_sort_or_scope_says_so_and_shows_everything(reviewer_client, three):
    answer = reviewer_client.get("/review/", {"sort": "nonsense"})
    assert "Unknown filter value" in answer.content.decode()
    assert len(answer.context["rows"]) == 3


def test_queue_age_is_coloured_against_the_sla_with_words(reviewer_client, three, settings):
    settings.REVIEW_SLA_HOURS = 24
    answer = reviewer_client.get("/review/")
    rows = {row.document.filename: row for row in answer.context["rows"]}
    assert (rows["a.pdf"].sla_level, rows["a.pdf"].sla_label) == ("late", "overdue")
    assert (rows["b.pdf"].sla_level, rows["b.pdf"].sla_label) == ("soon", "due soon")
    assert (rows["c.pdf"].sla_level, rows["c.pdf"].sla_label) == ("ok", "on time")
    assert rows["a.pdf"].age == "1 d 6 h"
    html = answer.content.decode()
    assert "sla sla-late" in html
    assert "· overdue" in html


@pytest.mark.parametrize(
    ("minutes", "text"),
    [
        (0, "0 min"),
        (59, "59 min"),
        (60, "1 h"),
        (125, "2 h 5 min"),
        (1440, "1 d"),
        (1500, "1 d 1 h"),
    ],
)
def test_age_text_reads_like_people_say_it(minutes, text):
    assert selectors.age_text(timedelta(minutes=minutes)) == text


def test_queue_shows_who_holds_a_claim_until_when(reviewer_client, three, tenant):
    a, b, _ = three
    claims.claim_take(document=a, user=tenant.admin)
    claims.claim_take(document=b, user=tenant.reviewer)
    answer = reviewer_client.get("/review/")
    rows = {row.document.filename: row for row in answer.context["rows"]}
    assert (rows["a.pdf"].claimed_by, rows["a.pdf"].claimed_by_me) == (tenant.admin.username, False)
    assert rows["b.pdf"].claimed_by_me is True
    assert rows["c.pdf"].claimed_by == ""
    assert f"{tenant.admin.username} until" in answer.content.decode()


# --- Start reviewing ----------------------------------------------------------------------


def test_start_reviewing_claims_the_next_unclaimed_document_under_the_filters(
    reviewer_client, three, tenant
):
    a, b, c = three
    claims.claim_take(document=a, user=tenant.admin)
    answer = reviewer_client.post(reverse("review:queue-start"), {"sort": "oldest"})
    assert answer.status_code == 302
    assert answer["Location"] == doc_url(b)
    assert holder(b) == tenant.reviewer

    answer = reviewer_client.post(reverse("review:queue-start"), {"q": "c.pdf"})
    assert answer["Location"] == doc_url(c)


def test_start_reviewing_with_nothing_free_says_so(reviewer_client, three, tenant):
    for document in three:
        claims.claim_take(document=document, user=tenant.admin)
    answer = reviewer_client.post(
        reverse("review:queue-start"), {"filters": "scope=mine"}, follow=True
    )
    assert answer.redirect_chain[-1][0] == "/review/?scope=mine"
    assert "Every document matching your filters is being reviewed" in answer.content.decode()


def test_the_start_link_points_at_the_first_document_nobody_else_holds(
    reviewer_client, three, tenant
):
    a, b, _ = three
    claims.claim_take(document=a, user=tenant.admin)
    assert reviewer_client.get("/review/").context["start_document"] == b


# --- Bulk assign and reject ---------------------------------------------------------------


def bulk(client: Client, **data):
    return client.post(reverse("review:queue-bulk"), data, follow=True)


def messages_of(answer) -> list[str]:
    return [str(m) for m in answer.context["messages"]]


def test_bulk_assign_to_me_reports_what_was_done_and_what_was_skipped(
    reviewer_client, three, tenant
):
    a, b, c = three
    DocumentField.objects.filter(document=c).update(reviewed=True)
    services.document_approve(document=c, actor=Actor(user=tenant.admin))
    answer = bulk(
        reviewer_client,
        action="assign",
        assignee="me",
        documents=[a.public_id, b.public_id, c.public_id],
        filters="sort=newest",
    )
    assert answer.redirect_chain[-1][0] == "/review/?sort=newest"
    assert messages_of(answer) == [
        f"1 assigned, 2 skipped: 1 already assigned to {tenant.reviewer.username}, "
        "1 approved meanwhile"
    ]
    b.case.refresh_from_db()
    assert b.case.assigned_to == tenant.reviewer
    assert AuditEvent.objects.filter(case=b.case, verb=AuditEvent.Verb.CASE_UPDATED).exists()


def test_bulk_assign_to_a_member(reviewer_client, three, tenant):
    _, b, _ = three
    answer = bulk(
        reviewer_client, action="assign", assignee=tenant.admin.public_id, documents=[b.public_id]
    )
    assert messages_of(answer) == ["1 assigned"]
    b.case.refresh_from_db()
    assert b.case.assigned_to == tenant.admin


def test_bulk_assign_to_someone_outside_the_workspace_is_refused(reviewer_client, three, outsider):
    _, b, _ = three
    answer = bulk(
        reviewer_client,
        action="assign",
        assignee=outsider.reviewer.public_id,
        documents=[b.public_id],
    )
    assert "Select a valid choice" in messages_of(answer)[0]
    b.case.refresh_from_db()
    assert b.case.assigned_to is None


def test_bulk_reject_skips_documents_someone_else_is_reviewing(reviewer_client, three, tenant):
    a, b, c = three
    claims.claim_take(document=c, user=tenant.admin)
    answer = bulk(
        reviewer_client,
        action="reject",
        reason="Sent to us by mistake",
        documents=[a.public_id, b.public_id, c.public_id],
    )
    assert messages_of(answer) == [f"2 rejected, 1 skipped: claimed by {tenant.admin.username}"]
    statuses = dict(Document.objects.values_list("filename", "status"))
    assert statuses == {"a.pdf": "failed", "b.pdf": "failed", "c.pdf": "review_required"}
    assert (
        ReviewDecision.objects.filter(
            action=ReviewDecision.Action.DOCUMENT_REJECT, reason="Sent to us by mistake"
        ).count()
        == 2
    )


def test_bulk_reject_needs_a_reason(reviewer_client, three):
    a, _, _ = three
    answer = bulk(reviewer_client, action="reject", reason="  ", documents=[a.public_id])
    assert messages_of(answer) == ["reason: say why the documents are rejected."]
    a.refresh_from_db()
    assert a.status == Document.Status.REVIEW_REQUIRED


def test_bulk_without_a_checked_document_says_so(reviewer_client, three):
    answer = bulk(reviewer_client, action="assign", assignee="me")
    assert messages_of(answer) == ["Check at least one document first."]


def test_bulk_never_touches_another_workspaces_documents(reviewer_client, outsider):
    theirs = factories.held_document(outsider.case_type)
    answer = bulk(reviewer_client, action="reject", reason="no", documents=[theirs.public_id])
    assert messages_of(answer) == ["0 rejected, 1 skipped: not found"]
    theirs.refresh_from_db()
    assert theirs.status == Document.Status.REVIEW_REQUIRED


# --- The review page's claim --------------------------------------------------------------


def test_opening_the_review_page_claims_the_document(reviewer_client, held_document, tenant):
    answer = reviewer_client.get(doc_url(held_document))
    assert answer.context["claim"].mine
    assert holder(held_document) == tenant.reviewer
    assert b'id="claim-mine"' in answer.content


def test_a_prefetch_does_not_claim(reviewer_client, held_document):
    reviewer_client.get(doc_url(held_document), HTTP_X_REVIEW_PREFETCH="1")
    assert claims.claim_live(document=held_document) is None


def test_someone_elses_claim_shows_who_until_when_and_turns_decisions_off(
    reviewer_client, held_document, tenant
):
    claim = claims.claim_take(document=held_document, user=tenant.admin)
    answer = reviewer_client.get(doc_url(held_document))
    html = answer.content.decode()
    until = timezone.localtime(claim.expires_at).strftime("%H:%M")
    assert f"Claimed by {tenant.admin.username} until <time" in html
    assert f"data-local-time>{until}</time>" in html
    assert answer.context["decidable"] is False
    assert 'data-decidable="false"' in html
    assert 'id="approve-document"' not in html
    assert "Take over" in html
    assert holder(held_document) == tenant.admin


def test_a_decision_on_a_document_someone_else_holds_answers_409_naming_them(
    reviewer_client, held_document, tenant
):
    claims.claim_take(document=held_document, user=tenant.admin)
    answer = reviewer_client.post(
        reverse(
            "review:field", kwargs={"document_id": held_document.public_id, "key": "invoice_number"}
        ),
        {"action": "approve"},
        HTTP_HX_TARGET="field-invoice_number",
        **QUEUED,
    )
    assert answer.status_code == 409
    assert tenant.admin.username in answer.content.decode()
    assert not DocumentField.objects.get(document=held_document, key="invoice_number").reviewed


def test_approve_all_remaining_on_a_document_someone_else_holds_answers_409(
    reviewer_client, held_document, tenant
):
    """A 200 with the field list would read as success to the page's queue: no notice."""
    claims.claim_take(document=held_document, user=tenant.admin)
    answer = reviewer_client.post(
        doc_url(held_document, "review:approve-remaining"), HTTP_HX_TARGET="field-list", **QUEUED
    )
    assert answer.status_code == 409
    assert tenant.admin.username in answer.content.decode()
    assert not DocumentField.objects.filter(document=held_document, reviewed=True).exists()


def test_take_over_from_the_page_moves_the_claim(reviewer_client, held_document, tenant):
    claims.claim_take(document=held_document, user=tenant.admin)
    answer = reviewer_client.post(
        doc_url(held_document, "review:document-claim"),
        {"action": "take_over", "holder": tenant.admin.public_id},
    )
    assert answer.status_code == 302
    assert answer["Location"] == doc_url(held_document)
    assert holder(held_document) == tenant.reviewer
    page = reviewer_client.get(doc_url(held_document))
    assert page.context["decidable"] is True


def test_take_over_of_a_holder_who_changed_says_so(reviewer_client, held_document, tenant):
    carol = factories.member(tenant.workspace)
    claims.claim_take(document=held_document, user=carol)
    answer = reviewer_client.post(
        doc_url(held_document, "review:document-claim"),
        {"action": "take_over", "holder": tenant.admin.public_id},
        follow=True,
    )
    assert "look again" in answer.content.decode()
    assert holder(held_document) == carol


def test_release_frees_the_document_and_returns_to_the_queue(
    reviewer_client, held_document, tenant
):
    reviewer_client.get(doc_url(held_document))
    answer = reviewer_client.post(
        doc_url(held_document, "review:document-claim"), {"action": "release", "then": "queue"}
    )
    assert answer["Location"] == reverse("review:queue")
    assert not DocumentClaim.objects.filter(document=held_document).exists()


def test_skip_releases_and_opens_the_next_document(reviewer_client, tenant):
    first = factories.held_document(tenant.case_type, filename="first.pdf")
    second = factories.held_document(tenant.case_type, filename="second.pdf")
    reviewer_client.get(doc_url(first))
    answer = reviewer_client.post(
        doc_url(first, "review:document-claim"), {"action": "release", "then": "next"}
    )
    assert answer["Location"] == doc_url(second)
    assert claims.claim_live(document=first) is None


def test_the_page_script_claims_a_swapped_in_page_and_hears_409_when_too_late(
    reviewer_client, held_document, tenant
):
    ok = reviewer_client.post(
        doc_url(held_document, "review:document-claim"), {"action": "take"}, **QUEUED
    )
    assert ok.status_code == 204
    claims.claim_take_over(document=held_document, user=tenant.admin)
    late = reviewer_client.post(
        doc_url(held_document, "review:document-claim"), {"action": "take"}, **QUEUED
    )
    assert late.status_code == 409
    state = reviewer_client.get(doc_url(held_document, "review:document-state")).json()
    assert state["claimed_by"] == tenant.admin.username


def test_an_unknown_claim_action_is_a_bad_request(reviewer_client, held_document):
    answer = reviewer_client.post(
        doc_url(held_document, "review:document-claim"), {"action": "steal"}
    )
    assert answer.status_code == 400


def test_claims_of_another_workspace_are_not_found(outsider_client, held_document):
    answer = outsider_client.post(
        doc_url(held_document, "review:document-claim"), {"action": "take_over"}
    )
    assert answer.status_code == 404
    assert claims.claim_live(document=held_document) is None


# --- The API while a person holds the document -----------------------------------------------


def test_the_api_decides_freely_but_answers_409_while_a_person_holds_the_document(
    tenant, held_document
):
    free = tenant.client.post(
        f"/api/v1/documents/{held_document.public_id}/fields/invoice_number",
        {"action": "approve"},
        format="json",
    )
    assert free.status_code == 200
    claims.claim_take(document=held_document, user=tenant.reviewer)
    refused = tenant.client.post(
        f"/api/v1/documents/{held_document.public_id}/fields/total_amount",
        {"action": "approve"},
        format="json",
    )
    assert refused.status_code == 409
    assert refused.json()["error"]["code"] == "CLAIMED"
    assert tenant.reviewer.username in refused.json()["error"]["message"]
    details = refused.json()["error"]["details"]
    assert (details["claimed_by"], details["claimed_by_name"]) == (
        tenant.reviewer.public_id,
        tenant.reviewer.username,
    )


def test_the_api_queue_says_who_is_reviewing_and_can_leave_them_out(tenant):
    held = factories.held_document(tenant.case_type, filename="held.pdf")
    free = factories.held_document(tenant.case_type, filename="free.pdf")
    claim = claims.claim_take(document=held, user=tenant.reviewer)
    body = tenant.client.get("/api/v1/review/queue").json()
    items = {item["filename"]: item for item in body["documents"]}
    assert items["held.pdf"]["claimed_by"] == tenant.reviewer.public_id
    assert items["held.pdf"]["claimed_until"] is not None
    assert items["free.pdf"]["claimed_by"] is None
    assert claim.expires_at > timezone.now()
    unclaimed = tenant.client.get("/api/v1/review/queue", {"unclaimed": "true"}).json()
    assert [item["document_id"] for item in unclaimed["documents"]] == [free.public_id]
    assert unclaimed["total"] == 1


def test_the_review_page_follows_the_filters_the_reviewer_started_under(
    reviewer_client, three, tenant
):
    a, b, _c = three
    second_mine = factories.held_document(tenant.case_type, filename="d.pdf")
    second_mine.case.assigned_to = tenant.reviewer
    second_mine.case.save()
    started = reviewer_client.post(reverse("review:queue-start"), {"scope": "mine"})
    assert started["Location"] == doc_url(a)
    page = reviewer_client.get(doc_url(a))
    assert page.context["next_url"] == doc_url(second_mine)  # not b or c: not mine
    assert page.context["progress"] == {"position": 1, "total": 2}

    reviewer_client.get("/review/")  # the whole queue again
    assert reviewer_client.get(doc_url(a)).context["next_url"] == doc_url(b)


def test_the_api_document_says_who_is_reviewing_it(tenant, held_document):
    path = f"/api/v1/documents/{held_document.public_id}"
    assert tenant.client.get(path).json()["document"]["claimed_by"] is None
    claims.claim_take(document=held_document, user=tenant.reviewer)
    document = tenant.client.get(path).json()["document"]
    assert document["claimed_by"] == tenant.reviewer.public_id
    assert document["claimed_until"] is not None
