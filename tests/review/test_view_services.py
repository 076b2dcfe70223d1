"""The services the browser views call in one step: `field_decide` (the review page's field
form) and `case_reassign` (the case page's stage and assignee form)."""

from __future__ import annotations

import pytest

from cases import services as case_services
from cases.actors import SYSTEM, Actor
from cases.errors import Conflict, NotFound, ValidationFailed
from extraction.models import DocumentField
from review import services

pytestmark = pytest.mark.django_db


def test_field_decide_approves_or_corrects(tenant, held_document):
    actor = Actor(user=tenant.reviewer)
    fields = DocumentField.objects.filter(document=held_document)
    first = fields.filter(flagged=True).exclude(key="invoice_number")[0]
    second = fields.get(key="invoice_number")

    services.field_decide(document=held_document, key=first.key, action="approve", actor=actor)
    services.field_decide(
        document=held_document, key=second.key, action="correct", value="X-1", actor=actor
    )

    first.refresh_from_db()
    second.refresh_from_db()
    assert first.reviewed
    assert second.reviewed
    assert second.value == "X-1"


def _case(tenant):
    return case_services.case_create(
        workspace=tenant.workspace, case_type=tenant.case_type, actor=SYSTEM
    )


def test_case_reassign_moves_the_stage_and_assigns_a_member(tenant):
    case = _case(tenant)
    stage = list(tenant.case_type.stages.all())[-1]

    changes = services.case_reassign(
        case=case,
        actor=Actor(user=tenant.admin),
        stage_id=stage.public_id,
        assignee_id=tenant.reviewer.public_id,
    )

    case.refresh_from_db()
    assert case.stage == stage
    assert case.assigned_to == tenant.reviewer
    assert set(changes) == {"stage_id", "assigned_to"}


def test_case_reassign_refuses_another_workspaces_user_and_an_unknown_stage(tenant, outsider):
    case = _case(tenant)
    stage_id = case.stage.public_id
    actor = Actor(user=tenant.admin)

    with pytest.raises(NotFound):
        services.case_reassign(
            case=case, actor=actor, stage_id=stage_id, assignee_id=outsider.reviewer.public_id
        )
    other_stage = outsider.case_type.stages.first()
    with pytest.raises(ValidationFailed):
        services.case_reassign(
            case=case, actor=actor, stage_id=other_stage.public_id, assignee_id=""
        )


def test_case_reassign_past_review_with_a_held_document_needs_confirmation(tenant, held_document):
    case = held_document.case
    paid = case.case_type.stages.create(name="Paid", position=9)
    actor = Actor(user=tenant.admin)
    with pytest.raises(Conflict) as refused:
        services.case_reassign(case=case, actor=actor, stage_id=paid.public_id, assignee_id="")
    assert refused.value.code == "HELD_FOR_REVIEW"
    assert refused.value.details == {"documents": [held_document.public_id]}

    services.case_reassign(
        case=case,
        actor=actor,
        stage_id=paid.public_id,
        assignee_id="",
        past_review_confirmed=True,
    )
    case.refresh_from_db()
    assert case.stage == paid
