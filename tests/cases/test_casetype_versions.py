"""Case type versions and stage editing (`cases.services`): every save is a numbered snapshot,
a job records the version it ran with, and an earlier version can be made current again."""

from __future__ import annotations

import pytest

from cases import selectors, services
from cases.actors import SYSTEM
from cases.errors import NotFound, ValidationFailed
from cases.models import CaseType, CaseTypeVersion, Stage
from tests.factories import processed_job, simple_case_type


def current_version(case_type: CaseType) -> CaseTypeVersion:
    version = selectors.case_type_version_current(case_type)
    assert version is not None
    return version


def test_creating_a_case_type_records_version_one_with_its_whole_definition(tenant):
    case_type = simple_case_type(tenant.workspace, slug="versioned")

    (version,) = case_type.versions.all()
    assert version.number == 1
    assert version.definition == case_type.as_definition()
    assert [stage["name"] for stage in version.definition["stages"]] == [
        "Extraction",
        "Review",
        "Approved",
        "Rejected",
    ]


def test_each_change_is_a_new_version_and_a_save_without_change_is_not(tenant):
    case_type = simple_case_type(tenant.workspace, slug="versioned")
    services.case_type_update(case_type=case_type, by=tenant.admin, review_threshold=70)
    services.case_type_update(case_type=case_type, review_threshold=70)

    latest = current_version(case_type)
    assert latest.number == 2
    assert latest.definition["review_threshold"] == 70
    assert latest.created_by == tenant.admin


def test_a_job_records_the_version_it_ran_with_and_later_edits_leave_it(tenant):
    case_type = simple_case_type(tenant.workspace, slug="versioned")
    job = processed_job(case_type)
    ran_with = job.case_type_version
    assert ran_with is not None
    assert ran_with.number == 1

    services.case_type_update(case_type=case_type, name="Renamed")

    job.refresh_from_db()
    assert job.case_type_version == ran_with
    assert ran_with.definition["name"] != "Renamed"
    versions = selectors.case_type_versions(case_type)
    assert [(v.number, v.jobs.count()) for v in versions] == [(2, 0), (1, 1)]


def test_restoring_a_version_makes_its_definition_current_as_a_new_version(tenant):
    case_type = simple_case_type(tenant.workspace, slug="versioned")
    original = case_type.as_definition()
    services.case_type_update(case_type=case_type, review_threshold=55, keywords=["x"])

    services.case_type_version_restore(case_type=case_type, number=1)

    case_type.refresh_from_db()
    assert case_type.as_definition() == original
    assert current_version(case_type).number == 3


def test_restoring_an_unknown_version_is_not_found(tenant):
    case_type = simple_case_type(tenant.workspace, slug="versioned")
    with pytest.raises(NotFound):
        services.case_type_version_restore(case_type=case_type, number=9)


def test_stages_are_renamed_reordered_and_added_keeping_their_cases(tenant):
    case_type = simple_case_type(tenant.workspace, slug="versioned")
    extraction, review, approved, _rejected = case_type.stages.all()
    case = services.case_create(
        workspace=tenant.workspace, case_type=case_type, actor=SYSTEM, name="c"
    )
    assert case.stage == extraction

    services.case_type_stages_set(
        case_type=case_type,
        stages=[
            services.StageSpec("Intake", Stage.SystemRole.EXTRACTION, extraction.public_id),
            services.StageSpec("Checking", Stage.SystemRole.REVIEW, review.public_id),
            services.StageSpec("Accounting"),
            services.StageSpec("Done", Stage.SystemRole.APPROVED, approved.public_id),
        ],
    )

    assert [(s.name, s.system_role) for s in case_type.stages.all()] == [
        ("Intake", "extraction"),
        ("Checking", "review"),
        ("Accounting", ""),
        ("Done", "approved"),
    ]
    case.refresh_from_db()
    assert case.stage.name == "Intake"
    assert current_version(case_type).number == 2


def test_two_stages_can_swap_system_roles_in_one_save(tenant):
    case_type = simple_case_type(tenant.workspace, slug="versioned")
    extraction, review, approved, _rejected = case_type.stages.all()
    services.case_type_stages_set(
        case_type=case_type,
        stages=[
            services.StageSpec("A", Stage.SystemRole.REVIEW, extraction.public_id),
            services.StageSpec("B", Stage.SystemRole.EXTRACTION, review.public_id),
            services.StageSpec("C", Stage.SystemRole.APPROVED, approved.public_id),
        ],
    )
    assert [s.system_role for s in case_type.stages.all()] == ["review", "extraction", "approved"]


@pytest.mark.parametrize(
    ("stages", "message"),
    [
        ([], "at least one stage"),
        (
            [services.StageSpec("A", "review"), services.StageSpec("B", "review")],
            "'review' is given to more than one stage",
        ),
        ([services.StageSpec("  ")], "every stage needs a name"),
        ([services.StageSpec("A", "archive")], "'archive' is not a system role"),
    ],
)
def test_stage_lists_that_break_a_rule_are_refused_naming_stages(tenant, stages, message):
    case_type = simple_case_type(tenant.workspace, slug="versioned")
    with pytest.raises(ValidationFailed, match=message) as refused:
        services.case_type_stages_set(case_type=case_type, stages=stages)
    assert refused.value.message.startswith("stages:")
    assert case_type.stages.count() == 4


def test_a_stage_that_holds_cases_cannot_be_removed(tenant):
    case_type = simple_case_type(tenant.workspace, slug="versioned")
    review = case_type.stages.get(system_role="review")
    services.case_create(workspace=tenant.workspace, case_type=case_type, actor=SYSTEM, name="c")
    with pytest.raises(ValidationFailed, match="still holds cases"):
        services.case_type_stages_set(
            case_type=case_type,
            stages=[services.StageSpec("Review", "review", review.public_id)],
        )
    assert case_type.stages.count() == 4


# --- The last admin ---------------------------------------------------------------------------


def test_the_last_admin_can_be_neither_demoted_nor_removed(tenant):
    with pytest.raises(ValidationFailed, match="last admin"):
        services.membership_set(user=tenant.admin, workspace=tenant.workspace, role="reviewer")
    with pytest.raises(ValidationFailed, match="last admin"):
        services.membership_remove(user=tenant.admin, workspace=tenant.workspace)
    assert tenant.workspace.memberships.get(user=tenant.admin).role == "admin"


def test_an_admin_may_leave_once_another_admin_exists(tenant):
    services.membership_set(user=tenant.reviewer, workspace=tenant.workspace, role="admin")
    services.membership_set(user=tenant.admin, workspace=tenant.workspace, role="reviewer")
    services.membership_remove(user=tenant.admin, workspace=tenant.workspace)
    assert list(tenant.workspace.memberships.values_list("user", flat=True)) == [tenant.reviewer.pk]
