"""Claims (`review.claims`): take, renew, release, take over, expiry, and every decision service
refusing while someone else holds a live claim; two reviewers racing get one winner."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
import time_machine
from django.db import connection
from django.utils import timezone

from cases.actors import Actor
from cases.errors import Conflict
from cases.models import Document
from extraction.models import DocumentField
from review import claims, selectors, services
from review.models import DocumentClaim, ReviewDecision
from tests import factories


def live(document: Document) -> DocumentClaim:
    claim = claims.claim_live(document=document)
    assert claim is not None
    return claim


def holder(document: Document):
    return live(document).user


@pytest.fixture
def alice(tenant):
    return tenant.reviewer


@pytest.fixture
def bob(tenant):
    return tenant.admin


def test_taking_a_free_document_claims_it_for_the_configured_time(held_document, alice, settings):
    settings.REVIEW_CLAIM_SECONDS = 600
    claim = claims.claim_take(document=held_document, user=alice)
    assert claim.user == alice
    assert timedelta(seconds=590) < claim.expires_at - timezone.now() <= timedelta(seconds=600)


def test_a_live_claim_refuses_another_reviewer_naming_the_holder(held_document, alice, bob):
    claims.claim_take(document=held_document, user=alice)
    with pytest.raises(claims.ClaimHeld) as refused:
        claims.claim_take(document=held_document, user=bob)
    assert refused.value.code == "CLAIMED"
    assert refused.value.status_code == 409
    assert alice.username in refused.value.message
    assert DocumentClaim.objects.get(document=held_document).user == alice


def test_an_expired_claim_is_free_for_anyone(held_document, alice, bob, settings):
    settings.REVIEW_CLAIM_SECONDS = 60
    claims.claim_take(document=held_document, user=alice)
    with time_machine.travel(timezone.now() + timedelta(seconds=61)):
        assert claims.claim_live(document=held_document) is None
        assert claims.claim_take(document=held_document, user=bob).user == bob
        services.field_approve(document=held_document, key="invoice_number", actor=Actor(user=bob))


def test_renew_pushes_back_the_holders_expiry_and_refuses_others(held_document, alice, bob):
    first = claims.claim_take(document=held_document, user=alice)
    with time_machine.travel(timezone.now() + timedelta(seconds=120)):
        renewed = claims.claim_renew(document=held_document, user=alice)
        assert renewed.expires_at > first.expires_at
        with pytest.raises(claims.ClaimHeld):
            claims.claim_renew(document=held_document, user=bob)


def test_renew_after_release_says_the_claim_is_lost(held_document, alice):
    claims.claim_take(document=held_document, user=alice)
    assert claims.claim_release(document=held_document, user=alice) is True
    with pytest.raises(Conflict) as lost:
        claims.claim_renew(document=held_document, user=alice)
    assert lost.value.code == "CLAIM_LOST"


def test_release_leaves_someone_elses_claim_alone(held_document, alice, bob):
    claims.claim_take(document=held_document, user=alice)
    assert claims.claim_release(document=held_document, user=bob) is False
    assert holder(held_document) == alice


def test_each_decision_renews_the_deciders_claim(held_document, alice):
    first = claims.claim_take(document=held_document, user=alice)
    with time_machine.travel(timezone.now() + timedelta(seconds=300)):
        services.field_approve(
            document=held_document, key="invoice_number", actor=Actor(user=alice)
        )
        assert live(held_document).expires_at > first.expires_at


def test_take_over_moves_the_claim_and_records_who_took_it_from_whom(held_document, alice, bob):
    claims.claim_take(document=held_document, user=alice)
    claim = claims.claim_take_over(document=held_document, user=bob, holder_id=alice.public_id)
    assert claim.user == bob
    record = ReviewDecision.objects.get(
        document=held_document, action=ReviewDecision.Action.CLAIM_TAKE_OVER
    )
    assert (record.actor_user, record.old_value, record.new_value) == (
        bob,
        alice.username,
        bob.username,
    )
    with pytest.raises(claims.ClaimHeld):
        services.field_approve(
            document=held_document, key="invoice_number", actor=Actor(user=alice)
        )


def test_take_over_confirmed_for_a_holder_who_changed_asks_again(tenant, held_document, bob):
    claims.claim_take(document=held_document, user=tenant.reviewer)
    carol = factories.member(tenant.workspace)
    claims.claim_take_over(document=held_document, user=carol)
    with pytest.raises(Conflict) as changed:
        claims.claim_take_over(
            document=held_document, user=bob, holder_id=tenant.reviewer.public_id
        )
    assert changed.value.code == "CLAIM_CHANGED"
    assert holder(held_document) == carol


@pytest.mark.parametrize(
    "decide",
    [
        lambda d, a: services.field_approve(document=d, key="invoice_number", actor=a),
        lambda d, a: services.field_correct(document=d, key="invoice_number", value="X", actor=a),
        lambda d, a: services.field_reset(document=d, key="invoice_number", actor=a),
        lambda d, a: services.fields_approve_remaining(document=d, actor=a),
        lambda d, a: services.document_approve(document=d, actor=a),
        lambda d, a: services.document_reject(document=d, reason="wrong", actor=a),
        lambda d, a: services.document_postpone(document=d, actor=a),
        lambda d, a: services.decision_undo(document=d, actor=a),
    ],
    ids=[
        "field_approve",
        "field_correct",
        "field_reset",
        "approve_remaining",
        "document_approve",
        "document_reject",
        "postpone",
        "undo",
    ],
)
def test_every_decision_is_refused_while_someone_else_holds_a_live_claim(
    held_document, alice, bob, decide
):
    claims.claim_take(document=held_document, user=alice)
    before = ReviewDecision.objects.count()
    with pytest.raises(claims.ClaimHeld):
        decide(held_document, Actor(user=bob))
    assert ReviewDecision.objects.count() == before
    held_document.refresh_from_db()
    assert held_document.status == Document.Status.REVIEW_REQUIRED


def test_table_row_changes_are_refused_while_someone_else_holds_a_live_claim(
    held_table_document, alice, bob
):
    claims.claim_take(document=held_table_document, user=alice)
    with pytest.raises(claims.ClaimHeld):
        services.table_row_change(
            document=held_table_document,
            key="line_items",
            operation="add",
            row=0,
            actor=Actor(user=bob),
        )


def test_an_api_key_decides_without_a_claim_but_not_while_a_person_holds_one(
    tenant, held_document, alice
):
    key_actor = factories.api_actor(tenant.workspace)
    services.field_approve(document=held_document, key="invoice_number", actor=key_actor)
    assert DocumentClaim.objects.count() == 0
    claims.claim_take(document=held_document, user=alice)
    with pytest.raises(claims.ClaimHeld):
        services.field_approve(document=held_document, key="total_amount", actor=key_actor)


def test_approving_and_rejecting_end_the_claim(tenant, alice):
    approved = factories.held_document(tenant.case_type)
    rejected = factories.held_document(tenant.case_type)
    DocumentField.objects.filter(document=approved).update(reviewed=True)
    services.document_approve(document=approved, actor=Actor(user=alice))
    services.document_reject(document=rejected, reason="wrong", actor=Actor(user=alice))
    assert not DocumentClaim.objects.filter(document__in=[approved, rejected]).exists()


def test_postponing_releases_the_claim(held_document, alice):
    claims.claim_take(document=held_document, user=alice)
    services.document_postpone(document=held_document, actor=Actor(user=alice))
    assert claims.claim_live(document=held_document) is None


def test_claim_next_skips_documents_others_are_reviewing(tenant, alice, bob):
    first = factories.held_document(tenant.case_type, filename="first.pdf")
    second = factories.held_document(tenant.case_type, filename="second.pdf")
    claims.claim_take(document=first, user=bob)
    queue = selectors.review_queue(workspaces=[tenant.workspace])
    assert claims.claim_next(documents=queue, user=alice) == second
    assert holder(second) == alice
    assert claims.claim_next(documents=queue.exclude(pk=second.pk), user=alice) is None


def test_the_next_document_passes_over_those_others_are_reviewing(tenant, alice, bob):
    current = factories.held_document(tenant.case_type, filename="current.pdf")
    claimed = factories.held_document(tenant.case_type, filename="claimed.pdf")
    free = factories.held_document(tenant.case_type, filename="free.pdf")
    claims.claim_take(document=claimed, user=bob)
    following = selectors.next_in_queue(workspaces=[tenant.workspace], after=current, user=alice)
    assert following == free


def _at_once(*calls):
    barrier = threading.Barrier(len(calls))
    results: list[object] = []

    def run(call):
        barrier.wait()
        try:
            results.append(call())
        except BaseException as error:
            results.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(call,)) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("round_", range(4))
@pytest.mark.parametrize("existing", ["none", "expired"])
def test_two_reviewers_claiming_at_once_get_one_winner(tenant, round_, existing):
    """Both through the INSERT (no claim yet) or both through the UPDATE (an expired claim of
    a third reviewer): exactly one wins, the other is told who holds it."""
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL's concurrent writers")
    document = factories.held_document(tenant.case_type)
    if existing == "expired":
        gone = factories.member(tenant.workspace)
        claims.claim_take(document=document, user=gone)
        DocumentClaim.objects.filter(document=document).update(
            expires_at=timezone.now() - timedelta(seconds=1)
        )
    results = _at_once(
        lambda: claims.claim_take(document=document, user=tenant.reviewer),
        lambda: claims.claim_take(document=document, user=tenant.admin),
    )
    winners = [r for r in results if isinstance(r, DocumentClaim)]
    losers = [r for r in results if isinstance(r, claims.ClaimHeld)]
    assert (len(winners), len(losers)) == (1, 1), results
    assert DocumentClaim.objects.get(document=document).user == winners[0].user


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("round_", range(3))
def test_two_reviewers_taking_over_at_once_get_one_winner(tenant, round_):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL's concurrent writers")
    document = factories.held_document(tenant.case_type)
    holder = factories.member(tenant.workspace)
    claims.claim_take(document=document, user=holder)
    results = _at_once(
        lambda: claims.claim_take_over(
            document=document, user=tenant.reviewer, holder_id=holder.public_id
        ),
        lambda: claims.claim_take_over(
            document=document, user=tenant.admin, holder_id=holder.public_id
        ),
    )
    winners = [r for r in results if isinstance(r, DocumentClaim)]
    assert len(winners) == 1, results
    assert [getattr(r, "code", None) for r in results if not isinstance(r, DocumentClaim)] == [
        "CLAIM_CHANGED"
    ]
    assert ReviewDecision.objects.filter(action=ReviewDecision.Action.CLAIM_TAKE_OVER).count() == 1


# --- Claims belong to one review: a document that left review frees its claim -------------------


def test_a_document_that_left_review_has_no_live_claim_and_cannot_be_claimed(held_document, alice):
    claims.claim_take(document=held_document, user=alice)
    Document.objects.filter(pk=held_document.pk).update(status=Document.Status.FAILED)
    held_document.refresh_from_db()

    assert claims.claim_live(document=held_document) is None
    with pytest.raises(claims.InvalidTransition) as refused:
        claims.claim_take(document=held_document, user=alice)
    assert refused.value.code == "NOT_HELD"


def test_a_claim_from_an_earlier_review_does_not_block_the_next_one(held_document, alice, bob):
    claims.claim_take(document=held_document, user=alice)
    # The job failed (a sibling was rejected), was extracted again and the document held anew.
    Document.objects.filter(pk=held_document.pk).update(
        review_required_at=timezone.now() + timedelta(seconds=1)
    )
    held_document.refresh_from_db()

    assert claims.claim_live(document=held_document) is None
    queue = selectors.review_queue(workspaces=[held_document.workspace])
    assert held_document in selectors.review_queue_unclaimed(documents=queue, user=bob)
    with time_machine.travel(timezone.now() + timedelta(seconds=2), tick=False):
        assert claims.claim_take(document=held_document, user=bob).user == bob


def test_taking_again_a_document_held_anew_since_ones_claim_holds_it_live(held_document, alice):
    first = claims.claim_take(document=held_document, user=alice)
    Document.objects.filter(pk=held_document.pk).update(
        review_required_at=timezone.now() + timedelta(seconds=1)
    )
    held_document.refresh_from_db()

    with time_machine.travel(timezone.now() + timedelta(seconds=2), tick=False):
        again = claims.claim_take(document=held_document, user=alice)
        live = claims.claim_live(document=held_document)

    assert again.claimed_at > first.claimed_at
    assert live is not None
    assert live.user == alice


def test_a_claim_from_an_earlier_review_is_not_renewed(held_document, alice):
    claims.claim_take(document=held_document, user=alice)
    Document.objects.filter(pk=held_document.pk).update(
        review_required_at=timezone.now() + timedelta(seconds=1)
    )
    held_document.refresh_from_db()

    with pytest.raises(Conflict) as lost:
        claims.claim_renew(document=held_document, user=alice)

    assert lost.value.code == "CLAIM_LOST"


def test_an_api_key_decides_a_document_whose_claim_is_stale(held_document, alice):
    claims.claim_take(document=held_document, user=alice)
    Document.objects.filter(pk=held_document.pk).update(
        review_required_at=timezone.now() + timedelta(seconds=1)
    )
    held_document.refresh_from_db()

    assert (
        claims.claim_guard(
            document=held_document, actor=factories.api_actor(held_document.workspace)
        )
        is None
    )
