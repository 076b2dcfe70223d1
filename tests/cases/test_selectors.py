"""Reads of `cases.selectors` the browser UI renders: members, cases, history, API keys and the
dashboard counts. Each is scoped: another workspace's rows are never returned."""

from __future__ import annotations

import pytest

from cases import selectors, services
from cases.actors import SYSTEM, Actor
from cases.errors import NotFound
from cases.models import AuditEvent, Document, Membership

pytestmark = pytest.mark.django_db


def _case(tenant, name: str = "A case"):
    return services.case_create(
        workspace=tenant.workspace, case_type=tenant.case_type, actor=SYSTEM, name=name
    )


def _documents(case, *names: str) -> list[Document]:
    files = [services.IncomingFile(filename=name, content=name.encode()) for name in names]
    return services.case_documents_add(case=case, files=files, actor=SYSTEM)


def test_membership_list_is_the_users_workspaces_in_name_order(tenant, outsider):
    zebra, _ = services.workspace_get_or_create(slug="zebra", name="Zebra")
    services.membership_set(user=tenant.reviewer, workspace=zebra, role=Membership.Role.ADMIN)

    memberships = list(selectors.membership_list(user=tenant.reviewer))

    assert [m.workspace.name for m in memberships] == ["Acme", "Zebra"]
    assert outsider.workspace not in [m.workspace for m in memberships]


def test_workspace_member_list_cannot_see_another_workspaces_members(tenant, outsider):
    usernames = {
        user.username for user in selectors.workspace_member_list(workspace=tenant.workspace)
    }

    assert usernames == {tenant.admin.username, tenant.reviewer.username}
    assert outsider.reviewer.username not in usernames


def test_case_get_for_member_finds_a_case_in_any_of_the_members_workspaces(tenant, outsider):
    case = _case(tenant)
    other = _case(outsider)

    found = selectors.case_get_for_member(
        workspaces=[outsider.workspace, tenant.workspace], public_id=case.public_id
    )

    assert found == case
    with pytest.raises(NotFound):
        selectors.case_get_for_member(workspaces=[tenant.workspace], public_id=other.public_id)


def test_case_history_is_the_cases_audit_rows_newest_first(tenant):
    case = _case(tenant)
    other = _case(tenant, name="Other")
    stage = list(tenant.case_type.stages.all())[-1]
    services.case_update(case=case, actor=Actor(user=tenant.admin), stage=stage)

    history = list(selectors.case_history(case=case))

    assert [event.verb for event in history] == [
        AuditEvent.Verb.STAGE_CHANGED,
        AuditEvent.Verb.CASE_CREATED,
    ]
    assert all(event.case_id == case.pk for event in history)
    assert not any(event.case_id == other.pk for event in history)


def test_api_key_list_is_the_workspaces_keys_newest_first(tenant, outsider):
    newer, _ = services.api_key_create(workspace=tenant.workspace, name="newer")

    keys = list(selectors.api_key_list(workspace=tenant.workspace))

    assert [key.name for key in keys] == ["newer", "test key"]
    assert keys[0] == newer


def test_api_key_get_cannot_see_another_workspaces_key(tenant, outsider):
    key, _ = services.api_key_create(workspace=tenant.workspace, name="mine")
    foreign, _ = services.api_key_create(workspace=outsider.workspace, name="theirs")

    assert selectors.api_key_get(workspace=tenant.workspace, public_id=key.public_id) == key
    with pytest.raises(NotFound):
        selectors.api_key_get(workspace=tenant.workspace, public_id=foreign.public_id)


def test_document_status_counts_lists_every_status_and_counts_only_the_workspace(tenant, outsider):
    _documents(_case(tenant), "a.pdf", "b.pdf")
    _documents(_case(outsider), "c.pdf")

    counts = {
        row.status: row.count
        for row in selectors.document_status_counts(workspace=tenant.workspace)
    }

    assert list(counts) == list(Document.Status.values)
    assert counts[Document.Status.UPLOADED] == 2
    assert sum(counts.values()) == 2


def test_case_stage_counts_per_case_type_and_stage(tenant, outsider):
    _case(tenant)
    _case(tenant, name="Second")
    _case(outsider)

    (counts,) = selectors.case_stage_counts(workspace=tenant.workspace)

    assert counts.case_type_id == tenant.case_type.public_id
    assert counts.total == 2
    assert [stage.stage_id for stage in counts.stages] == [
        stage.public_id for stage in tenant.case_type.stages.all()
    ]
    assert sum(stage.count for stage in counts.stages) == 2


def test_case_types_by_ids_skips_unknown_ids_and_other_workspaces(tenant, outsider):
    chosen = selectors.case_types_by_ids(
        workspace=tenant.workspace,
        public_ids=[tenant.case_type.public_id, outsider.case_type.public_id, "ct_missing"],
    )

    assert chosen == [tenant.case_type]
