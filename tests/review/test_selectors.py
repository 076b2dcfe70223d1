"""Reads of `review.selectors`, called directly: the queue (workspaces, filters, search, sorts,
pending counts, claims, postponing), what "Start reviewing" and the next document may open, the
queue page's rows (ages against the SLA, claims), one document and one page for review, the
reviewer's place in the queue, others' decisions, the review's outcome and the dashboard counts.

Documents are held through `tests.factories` (a fixed engine result through the pipeline's own
persistence and gate) at chosen times with `time_machine`; decisions and claims go through
`review.services` and `review.claims`. Another workspace's document is never returned.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Any

import pytest
import time_machine
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from cases import services as case_services
from cases.actors import Actor
from cases.errors import NotFound
from cases.models import CaseType, Document
from extraction.models import REJECTED_CODE
from extraction.services import job_fail
from review import claims, selectors, services
from review.models import ReviewDecision
from tests import factories

pytestmark = pytest.mark.django_db

NO_DATE = {key: value for key, value in factories.INVOICE_VALUES.items() if key != "invoice_date"}
"""The simple case type's values without its optional date: that field is read as not found,
with confidence 0, and not held (it is not required)."""


def held(
    case_type: CaseType, filename: str, *, at: datetime, confidence: int | None = None
) -> Document:
    """A document uploaded and held for review at `at` (its `created_at` and
    `review_required_at`), every found field flagged; read at `confidence` when given (else the
    factories' 90, under the review threshold of 99 that `held_document` sets)."""
    with time_machine.travel(at, tick=False):
        if confidence is None:
            return factories.held_document(case_type, filename=filename)
        case_type.review_threshold = 99
        case_type.save(update_fields=["review_threshold"])
        document = factories.processed_document(
            case_type, factories.engine_result(case_type, confidence=confidence), filename=filename
        )
    assert document.status == Document.Status.REVIEW_REQUIRED
    return document


def annotated(documents: Iterable[Document]) -> list[Any]:
    """The documents of a `review_queue`, typed for the attributes it annotates them with."""
    return list(documents)


def names(documents: Iterable[Document]) -> list[str]:
    return [document.filename for document in documents]


def queue(tenant, **filters) -> list[str]:
    return names(selectors.review_queue(workspaces=[tenant.workspace], **filters))


@pytest.fixture
def api(tenant) -> Actor:
    """The workspace's API key: it decides without claiming the document."""
    return factories.api_actor(tenant.workspace)


@pytest.fixture
def receipts(tenant) -> CaseType:
    return factories.simple_case_type(tenant.workspace, name="Apple receipt", slug="receipt")


@pytest.fixture
def three(tenant, receipts):
    """a.pdf, b.pdf and c.pdf held 30, 20 and 1 hours ago; b.pdf is an "Apple receipt" (a case
    type named before "Simple invoice"), c.pdf was read at confidence 30."""
    now = timezone.now()
    return (
        held(tenant.case_type, "a.pdf", at=now - timedelta(hours=30)),
        held(receipts, "b.pdf", at=now - timedelta(hours=20)),
        held(tenant.case_type, "c.pdf", at=now - timedelta(hours=1), confidence=30),
    )


# --- review_queue -----------------------------------------------------------------------------


def test_review_queue_lists_only_held_documents_of_the_given_workspaces(tenant, outsider):
    now = timezone.now()
    mine = held(tenant.case_type, "mine.pdf", at=now - timedelta(hours=2))
    factories.uploaded_document(tenant.case_type, filename="queued.pdf")
    theirs = held(outsider.case_type, "theirs.pdf", at=now - timedelta(hours=1))

    assert list(selectors.review_queue(workspaces=[tenant.workspace])) == [mine]
    assert list(selectors.review_queue(workspaces=[outsider.workspace])) == [theirs]
    both = selectors.review_queue(workspaces=[outsider.workspace, tenant.workspace])
    assert list(both) == [mine, theirs]
    assert list(selectors.review_queue(workspaces=[])) == []


def test_review_queue_annotates_pending_fields_their_lowest_confidence_and_a_live_claim(
    tenant, api
):
    document = factories.held_document(tenant.case_type, NO_DATE)

    def annotations(now: datetime | None = None) -> tuple:
        (row,) = annotated(selectors.review_queue(workspaces=[tenant.workspace], now=now))
        return (
            row.pending_count,
            row.lowest_confidence,
            row.claimed_by,
            row.claimed_by_id,
            row.claimed_by_public_id,
            row.claimed_until,
        )

    # The date was not found (confidence 0) and is not required: not held, not pending.
    assert annotations() == (2, 90, None, None, None, None)
    services.field_approve(document=document, key="invoice_number", actor=api)
    assert annotations() == (1, 90, None, None, None, None)
    services.field_approve(document=document, key="total_amount", actor=api)
    assert annotations() == (0, None, None, None, None, None)
    claim = claims.claim_take(document=document, user=tenant.admin)
    assert annotations() == (
        0,
        None,
        tenant.admin.username,
        tenant.admin.pk,
        tenant.admin.public_id,
        claim.expires_at,
    )
    assert annotations(now=claim.expires_at) == (0, None, None, None, None, None)


def test_review_queue_sorts_by_each_named_order_and_falls_back_to_oldest_first(tenant, three, api):
    a, _, _ = three
    services.fields_approve_remaining(document=a, actor=api)  # nothing held left: no confidence

    assert queue(tenant) == ["a.pdf", "b.pdf", "c.pdf"]
    assert queue(tenant, sort="oldest") == ["a.pdf", "b.pdf", "c.pdf"]
    assert queue(tenant, sort="newest") == ["c.pdf", "b.pdf", "a.pdf"]
    assert queue(tenant, sort="confidence") == ["c.pdf", "b.pdf", "a.pdf"]
    assert queue(tenant, sort="case_type") == ["b.pdf", "a.pdf", "c.pdf"]
    assert queue(tenant, sort="nonsense") == ["a.pdf", "b.pdf", "c.pdf"]


def test_review_queue_filters_by_case_type_assignee_unassigned_and_search(tenant, receipts):
    a = factories.held_document(tenant.case_type, filename="a.pdf")
    b = factories.held_document(receipts, filename="b.pdf")
    case_services.case_update(
        case=a.case, actor=Actor(user=tenant.admin), assigned_to=tenant.reviewer, name="Zulu"
    )

    assert queue(tenant, case_type_id=receipts.public_id) == ["b.pdf"]
    assert queue(tenant, case_type_id=tenant.case_type.public_id) == ["a.pdf"]
    assert queue(tenant, assignee_id=tenant.reviewer.public_id) == ["a.pdf"]
    assert queue(tenant, assignee_id=tenant.admin.public_id) == []
    assert queue(tenant, unassigned=True) == ["b.pdf"]
    assert queue(tenant, unassigned=True, case_type_id=tenant.case_type.public_id) == []
    assert queue(tenant, case_type_id="", assignee_id="", search="   ") == ["a.pdf", "b.pdf"]
    # The document's name or id, its case's name or id; in any case, spaces trimmed.
    assert queue(tenant, search="  B.PD ") == ["b.pdf"]
    assert queue(tenant, search=a.public_id.upper()) == ["a.pdf"]
    assert queue(tenant, search="zulu") == ["a.pdf"]
    assert queue(tenant, search=b.case.public_id) == ["b.pdf"]
    assert queue(tenant, search="no-such-thing") == []


# --- review_queue_unclaimed -------------------------------------------------------------------


def test_unclaimed_and_next_in_queue_pass_over_only_what_someone_else_holds_live(tenant):
    taken = factories.held_document(tenant.case_type, filename="taken.pdf")
    free = factories.held_document(tenant.case_type, filename="free.pdf")
    claim = claims.claim_take(document=taken, user=tenant.admin)
    documents = selectors.review_queue(workspaces=[tenant.workspace])
    workspaces = [tenant.workspace]

    def unclaimed(user, now: datetime | None = None) -> list[str]:
        return names(selectors.review_queue_unclaimed(documents=documents, user=user, now=now))

    assert unclaimed(tenant.reviewer) == ["free.pdf"]
    assert unclaimed(tenant.admin) == ["taken.pdf", "free.pdf"]
    assert unclaimed(None) == ["free.pdf"]
    assert unclaimed(tenant.reviewer, now=claim.expires_at) == ["taken.pdf", "free.pdf"]
    assert selectors.next_in_queue(workspaces=workspaces, after=free, user=tenant.admin) == taken
    assert selectors.next_in_queue(workspaces=workspaces, after=free, user=tenant.reviewer) is None
    assert selectors.next_in_queue(workspaces=workspaces, after=free) is None

    # Rejected with its job, extracted again and held anew after the claim was taken: the
    # claim belongs to the earlier review and holds nothing now.
    Document.objects.filter(pk=taken.pk).update(
        review_required_at=timezone.now() + timedelta(seconds=1)
    )
    assert unclaimed(tenant.reviewer) == ["free.pdf", "taken.pdf"]  # queued when held anew
    assert selectors.next_in_queue(workspaces=workspaces, after=free, user=tenant.reviewer) == taken
    # ... and the queue does not show it as held by anyone (claims.claim_live agrees)
    taken.refresh_from_db()
    assert claims.claim_live(document=taken) is None
    queue = selectors.review_queue(workspaces=workspaces)
    assert [(d.filename, d.claimed_by) for d in annotated(queue)] == [
        ("free.pdf", None),
        ("taken.pdf", None),
    ]


def test_a_claim_on_a_document_held_before_hold_times_were_kept_is_live(tenant):
    """A document without `review_required_at` (held before it was recorded): its claim counts
    while it has not expired, as `claims.claim_live` says."""
    held = factories.held_document(tenant.case_type, filename="held.pdf")
    claims.claim_take(document=held, user=tenant.admin)
    Document.objects.filter(pk=held.pk).update(review_required_at=None)
    held.refresh_from_db()
    queue = selectors.review_queue(workspaces=[tenant.workspace])

    assert claims.claim_live(document=held) is not None
    assert [d.claimed_by for d in annotated(queue)] == [tenant.admin.username]
    assert names(selectors.review_queue_unclaimed(documents=queue, user=tenant.reviewer)) == []
    assert names(selectors.review_queue_unclaimed(documents=queue, user=tenant.admin)) == [
        "held.pdf"
    ]


# --- queue_rows, age_text, sla_level ----------------------------------------------------------


def test_a_postponed_document_queues_last_but_its_row_ages_from_its_first_hold(tenant, api):
    """`review_queue` orders a postponed document as arriving when it was postponed;
    `queue_rows` still ages it from when it was first held, against the SLA, with the claim."""
    now = timezone.now()
    old = held(tenant.case_type, "old.pdf", at=now - timedelta(hours=30))
    recent = held(tenant.case_type, "recent.pdf", at=now - timedelta(hours=20))
    services.document_postpone(document=old, actor=api)
    postponed = ReviewDecision.objects.get(
        document=old, action=ReviewDecision.Action.DOCUMENT_POSTPONE
    )
    claim = claims.claim_take(document=recent, user=tenant.reviewer)
    documents = selectors.review_queue(workspaces=[tenant.workspace])
    assert [(d, d.queued_at, d.waiting_since) for d in annotated(documents)] == [
        (recent, now - timedelta(hours=20), now - timedelta(hours=20)),
        (old, postponed.created_at, now - timedelta(hours=30)),
    ]

    rows = selectors.queue_rows(documents, user=tenant.reviewer, sla_hours=24, now=now)

    assert [
        (
            r.document,
            r.age,
            r.sla_level,
            r.sla_label,
            r.claimed_by,
            r.claimed_until,
            r.claimed_by_me,
        )
        for r in rows
    ] == [
        (recent, "20 h", "soon", "due soon", tenant.reviewer.username, claim.expires_at, True),
        (old, "1 d 6 h", "late", "overdue", "", None, False),
    ]
    others = selectors.queue_rows(documents, user=tenant.admin, sla_hours=24, now=now)
    assert [(r.claimed_by, r.claimed_by_me) for r in others] == [
        (tenant.reviewer.username, False),
        ("", False),
    ]
    relaxed = selectors.queue_rows(documents, user=tenant.reviewer, sla_hours=40, now=now)
    assert [(r.sla_level, r.sla_label) for r in relaxed] == [
        ("ok", "on time"),
        ("soon", "due soon"),
    ]


def test_queue_rows_of_a_document_without_queue_annotations_is_new_and_unclaimed():
    document = Document(filename="plain.pdf")

    (row,) = selectors.queue_rows([document], user=AnonymousUser(), sla_hours=24)

    assert row == selectors.QueueRow(
        document=document,
        age="0 min",
        sla_level="ok",
        sla_label="on time",
        claimed_by="",
        claimed_until=None,
        claimed_by_me=False,
    )
    assert selectors.queue_rows([], user=None, sla_hours=24) == []


@pytest.mark.parametrize(
    ("delta", "text"),
    [
        (timedelta(seconds=59), "0 min"),
        (timedelta(seconds=-90), "0 min"),
        (timedelta(minutes=61), "1 h 1 min"),
        (timedelta(hours=23, minutes=59, seconds=59), "23 h 59 min"),
        (timedelta(hours=24), "1 d"),
        (timedelta(days=1, minutes=59), "1 d"),
        (timedelta(days=2, hours=4, minutes=20), "2 d 4 h"),
        (timedelta(days=400), "400 d"),
    ],
    ids=str,
)
def test_age_text_rounds_down_to_the_minute_and_drops_minutes_past_a_day(delta, text):
    assert selectors.age_text(delta) == text


@pytest.mark.parametrize(
    ("delta", "sla_hours", "level"),
    [
        (timedelta(0), 24, "ok"),
        (timedelta(hours=-1), 24, "ok"),
        (timedelta(hours=18) - timedelta(seconds=1), 24, "ok"),
        (timedelta(hours=18), 24, "soon"),
        (timedelta(hours=24) - timedelta(seconds=1), 24, "soon"),
        (timedelta(hours=24), 24, "late"),
        (timedelta(days=3), 24, "late"),
        (timedelta(minutes=44), 1, "ok"),
        (timedelta(minutes=45), 1, "soon"),
        (timedelta(minutes=60), 1, "late"),
    ],
    ids=str,
)
def test_sla_level_is_due_soon_from_three_quarters_of_the_sla_and_late_from_all_of_it(
    delta, sla_hours, level
):
    assert selectors.sla_level(delta, sla_hours=sla_hours) == level


# --- document_for_review, document_page_get ---------------------------------------------------


def test_document_for_review_has_held_fields_first_and_needs_no_more_queries(
    tenant, api, django_assert_num_queries
):
    document = factories.held_document(tenant.case_type, NO_DATE)
    services.field_approve(document=document, key="invoice_number", actor=api)
    (job,) = document.jobs.all()
    stage, file = document.case.stage, document.file

    found = selectors.document_for_review(
        workspaces=[tenant.workspace], public_id=document.public_id
    )

    with django_assert_num_queries(0):
        assert [(f.key, f.flagged, f.reviewed) for f in found.fields.all()] == [
            ("total_amount", True, False),
            ("invoice_number", True, True),
            ("invoice_date", False, False),
        ]
        assert [page.number for page in found.pages.all()] == [1]
        assert list(found.jobs.all()) == [job]
        assert (found.case.case_type, found.case.stage, found.case.assigned_to) == (
            tenant.case_type,
            stage,
            None,
        )
        assert (found.file, found.workspace) == (file, tenant.workspace)


def test_document_for_review_finds_any_status_in_the_given_workspaces_only(tenant, outsider):
    theirs, _ = factories.uploaded_document(outsider.case_type)

    found = selectors.document_for_review(
        workspaces=[tenant.workspace, outsider.workspace], public_id=theirs.public_id
    )

    assert (found, found.status) == (theirs, Document.Status.QUEUED)
    for workspaces, public_id in (
        ([tenant.workspace], theirs.public_id),
        ([outsider.workspace], "doc_missing"),
    ):
        with pytest.raises(NotFound) as missing:
            selectors.document_for_review(workspaces=workspaces, public_id=public_id)
        assert (missing.value.code, missing.value.message) == (
            "DOCUMENT_NOT_FOUND",
            f"No document {public_id}.",
        )


def test_document_page_get_returns_the_numbered_page_with_its_file_and_jobs(
    tenant, held_document, django_assert_num_queries
):
    file, jobs = held_document.file, list(held_document.jobs.all())

    page = selectors.document_page_get(
        workspaces=[tenant.workspace], public_id=held_document.public_id, number=1
    )

    with django_assert_num_queries(0):
        assert (page.number, page.document) == (1, held_document)
        assert (page.document.file, list(page.document.jobs.all())) == (file, jobs)
    for number in (0, 2):
        with pytest.raises(NotFound) as missing:
            selectors.document_page_get(
                workspaces=[tenant.workspace], public_id=held_document.public_id, number=number
            )
        assert (missing.value.code, missing.value.message) == (
            "PAGE_NOT_FOUND",
            f"No page {number} of document {held_document.public_id}.",
        )


def test_another_workspaces_document_is_not_found_counted_or_offered_next(tenant, outsider):
    theirs = factories.held_document(outsider.case_type)
    mine = [tenant.workspace]
    queued, _ = factories.uploaded_document(tenant.case_type)

    with pytest.raises(NotFound) as document_missing:
        selectors.document_for_review(workspaces=mine, public_id=theirs.public_id)
    with pytest.raises(NotFound) as page_missing:
        selectors.document_page_get(workspaces=mine, public_id=theirs.public_id, number=1)

    assert (document_missing.value.code, page_missing.value.code) == (
        "DOCUMENT_NOT_FOUND",
        "PAGE_NOT_FOUND",
    )
    assert selectors.queue_position(workspaces=mine, document=theirs) == {
        "position": 0,
        "total": 0,
    }
    assert selectors.next_in_queue(workspaces=mine, after=queued) is None
    # In its own workspace it is all there:
    page = selectors.document_page_get(
        workspaces=[outsider.workspace], public_id=theirs.public_id, number=1
    )
    assert (page.document, page.number) == (theirs, 1)
    assert selectors.queue_position(workspaces=[outsider.workspace], document=theirs) == {
        "position": 1,
        "total": 1,
    }
    assert selectors.next_in_queue(workspaces=[outsider.workspace], after=queued) == theirs


# --- next_in_queue, queue_position -----------------------------------------------------------


def test_queue_position_and_next_in_queue_follow_the_queue_without_what_the_reviewer_took(
    tenant, three, receipts
):
    a, b, c = three
    workspaces = [tenant.workspace]

    def reviewers_queue(filters: dict):
        return selectors.review_queue(workspaces=workspaces, **filters) if filters else None

    def place(document: Document, *decided: Document, **filters) -> tuple[int, int]:
        found = selectors.queue_position(
            workspaces=workspaces,
            document=document,
            leave_out=[done.public_id for done in decided],
            queue=reviewers_queue(filters),
        )
        return found["position"], found["total"]

    def following(after: Document, *taken: Document, **filters) -> Document | None:
        return selectors.next_in_queue(
            workspaces=workspaces,
            after=after,
            leave_out=[done.public_id for done in taken],
            queue=reviewers_queue(filters),
        )

    assert [place(a), place(b), place(c)] == [(1, 3), (2, 3), (3, 3)]
    assert place(b, a) == (1, 2)
    assert place(a, a) == (0, 2)
    assert place(a, sort="newest") == (3, 3)
    assert place(b, case_type_id=receipts.public_id) == (1, 1)
    assert place(a, case_type_id=receipts.public_id) == (0, 1)

    assert following(a) == b
    assert following(a, b) == c
    assert following(a, b, c) is None
    assert following(c, sort="newest") == b
    assert following(a, search="c.pdf") == c
    assert following(a, search="a.pdf") is None


# --- decisions_by_others, document_outcome ----------------------------------------------------


def test_decisions_by_others_counts_other_people_and_api_keys_on_the_document_not_the_user(
    tenant, held_document, api
):
    untouched, _ = factories.uploaded_document(tenant.case_type, filename="untouched.pdf")
    services.field_approve(document=held_document, key="invoice_number", actor=api)
    reviewer, admin = Actor(user=tenant.reviewer), Actor(user=tenant.admin)
    services.field_approve(document=held_document, key="invoice_date", actor=reviewer)
    claims.claim_release(document=held_document, user=tenant.reviewer)
    services.field_approve(document=held_document, key="total_amount", actor=admin)
    services.decision_undo(document=held_document, actor=admin)
    bystander = factories.member(tenant.workspace)

    def others(user) -> int:
        return selectors.decisions_by_others(document=held_document, user=user)

    assert others(tenant.reviewer) == 3  # the key's approval, the admin's approval and undo
    assert others(tenant.admin) == 2
    assert others(bystander) == 4
    assert others(None) == 4
    assert others(AnonymousUser()) == 4
    assert selectors.decisions_by_others(document=untouched, user=None) == 0


def test_document_outcome_is_the_approval_or_rejection_and_none_before_it(tenant, api):
    approved = factories.held_document(tenant.case_type, filename="approved.pdf")
    rejected = factories.held_document(tenant.case_type, filename="rejected.pdf")
    services.field_approve(document=approved, key="invoice_number", actor=api)
    services.document_postpone(document=approved, actor=api)
    assert selectors.document_outcome(document=approved) is None

    reviewer = Actor(user=tenant.reviewer)
    services.fields_approve_remaining(document=approved, actor=reviewer)
    services.document_approve(document=approved, actor=reviewer)
    services.document_reject(document=rejected, reason="Not ours.", actor=api)

    approval = selectors.document_outcome(document=approved)
    rejection = selectors.document_outcome(document=rejected)
    assert approval is not None
    assert rejection is not None
    assert (approval.document, approval.action, approval.actor_user) == (
        approved,
        ReviewDecision.Action.DOCUMENT_APPROVE,
        tenant.reviewer,
    )
    assert (rejection.document, rejection.action, rejection.reason) == (
        rejected,
        ReviewDecision.Action.DOCUMENT_REJECT,
        "Not ours.",
    )


# --- document_status_counts_shown -------------------------------------------------------------


def counts(workspace) -> list[tuple[str, str, int]]:
    return [
        (item.status, item.label, item.count)
        for item in selectors.document_status_counts_shown(workspace=workspace)
    ]


def test_document_status_counts_shown_counts_rejected_apart_from_failed(tenant, outsider, api):
    rejected = factories.held_document(tenant.case_type, filename="rejected.pdf")
    services.document_reject(document=rejected, reason="Not ours.", actor=api)
    factories.uploaded_document(tenant.case_type, filename="queued.pdf")
    broken, job = factories.uploaded_document(tenant.case_type, filename="broken.pdf")
    job_fail(job=job, code="ENGINE_ERROR", message="The engine broke.")
    _, theirs = factories.uploaded_document(outsider.case_type)
    job_fail(job=theirs, code=REJECTED_CODE, message="Not ours.", message_from_person=True)
    rejected.refresh_from_db()
    broken.refresh_from_db()
    assert (rejected.error_code, broken.error_code) == (REJECTED_CODE, "ENGINE_ERROR")

    assert counts(tenant.workspace) == [
        ("uploaded", "Uploaded", 0),
        ("queued", "Queued", 1),
        ("processing", "Processing", 0),
        ("review_required", "Review required", 0),
        ("processed", "Processed", 0),
        ("rejected", "Rejected", 1),
        ("failed", "Failed", 1),
    ]


def test_document_status_counts_shown_of_an_empty_workspace_are_zeros_rejected_included(tenant):
    assert counts(tenant.workspace) == [
        ("uploaded", "Uploaded", 0),
        ("queued", "Queued", 0),
        ("processing", "Processing", 0),
        ("review_required", "Review required", 0),
        ("processed", "Processed", 0),
        ("rejected", "Rejected", 0),
        ("failed", "Failed", 0),
    ]
