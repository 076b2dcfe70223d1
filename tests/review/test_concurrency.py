"""Two reviewers deciding on two documents of one job, or of one case, at the same moment
(PostgreSQL)."""

from __future__ import annotations

import threading

import pytest
from django.db import connection

from cases.actors import Actor
from cases.models import Document
from extraction.models import DocumentField, ExtractionJob
from review import bulk, services
from tests.factories import held_document
from webhooks.models import WebhookEvent


def _job_with_two_held_documents(tenant) -> tuple[ExtractionJob, list[Document]]:
    first = held_document(tenant.case_type)
    job = ExtractionJob.objects.get(documents=first)
    # A second document of the same upload (as splitting would make), also held.
    second = Document.objects.create(
        workspace=first.workspace,
        case=first.case,
        file=first.file,
        filename=first.filename,
        status=Document.Status.REVIEW_REQUIRED,
    )
    job.documents.add(second)
    DocumentField.objects.filter(document=first).update(reviewed=True)
    return job, [first, second]


def _at_once(*calls) -> list[BaseException]:
    barrier = threading.Barrier(len(calls))
    errors: list[BaseException] = []

    def run(call):
        barrier.wait()
        try:
            call()
        except BaseException as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(call,)) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("round_", range(3))
def test_simultaneous_approvals_of_a_jobs_documents_complete_it_once(tenant, round_):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL's concurrent writers")
    job, documents = _job_with_two_held_documents(tenant)
    actor = Actor(user=tenant.reviewer)
    errors = _at_once(
        *(lambda d=d: services.document_approve(document=d, actor=actor) for d in documents)
    )
    assert errors == []
    job.refresh_from_db()
    assert job.status == ExtractionJob.Status.COMPLETED
    assert WebhookEvent.objects.filter(type="extraction.completed").count() == 1
    assert WebhookEvent.objects.filter(type="review.completed").count() == 1


@pytest.mark.django_db(transaction=True)
def test_simultaneous_rejections_fail_the_job_once_without_deadlock(tenant):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL's concurrent writers")
    job, documents = _job_with_two_held_documents(tenant)
    actor = Actor(user=tenant.reviewer)
    errors = _at_once(
        *(
            lambda d=d: services.document_reject(document=d, reason="wrong", actor=actor)
            for d in documents
        )
    )
    assert [getattr(error, "code", type(error).__name__) for error in errors] in (
        [],
        ["NOT_IN_REVIEW"],
    )
    job.refresh_from_db()
    assert job.status == ExtractionJob.Status.FAILED
    assert WebhookEvent.objects.filter(type="review.completed").count() == 1


def _case_with_two_held_documents(tenant) -> list[Document]:
    """Two documents of one case, each held by its own job, every field reviewed."""
    first = held_document(tenant.case_type)
    second = held_document(tenant.case_type)
    Document.objects.filter(pk=second.pk).update(case=first.case)
    second.refresh_from_db()
    DocumentField.objects.filter(document__in=[first, second]).update(reviewed=True)
    return [first, second]


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("last", ["approve", "reject"])
@pytest.mark.parametrize("round_", range(3))
def test_simultaneous_decisions_on_a_cases_last_documents_settle_it(tenant, last, round_):
    """Each decision saw the other document still held and left the case in Review for good,
    until the case row was locked first."""
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL's concurrent writers")
    first, second = _case_with_two_held_documents(tenant)
    actor = Actor(user=tenant.reviewer)
    decide_second = (
        (lambda: services.document_approve(document=second, actor=actor))
        if last == "approve"
        else (lambda: services.document_reject(document=second, reason="wrong", actor=actor))
    )
    errors = _at_once(lambda: services.document_approve(document=first, actor=actor), decide_second)
    assert errors == []
    first.case.refresh_from_db()
    expected = "approved" if last == "approve" else "rejected"
    assert first.case.stage.system_role == expected


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("round_", range(4))
def test_bulk_assignment_and_an_approval_of_one_document_at_once_do_not_deadlock(tenant, round_):
    """Bulk assignment locked the document, then the case; a decision locks the case, then
    the document: both orders at once were a deadlock (a 500 for one of them)."""
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL's concurrent writers")
    document = held_document(tenant.case_type)
    DocumentField.objects.filter(document=document).update(reviewed=True)
    actor = Actor(user=tenant.reviewer)
    errors = _at_once(
        lambda: bulk.documents_assign(
            workspace=tenant.workspace,
            document_ids=[document.public_id],
            assignee=tenant.reviewer,
            actor=actor,
        ),
        lambda: services.document_approve(document=document, actor=actor),
    )
    assert [type(error).__name__ for error in errors] == []
