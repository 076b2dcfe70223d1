"""Direct tests of `cases.services`: what each service leaves in the database, the audit rows it
writes, its documented errors and the workspace it stays in.

Services also exercised through other modules are tested here only where those leave a gap:
the whole version history is `test_casetype_versions.py`, the file store `test_files.py`, the
case API `test_case_api.py`. State is built with `tests.factories`, never through HTTP or the
extraction engine.
"""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from cases import files, services
from cases.actors import SYSTEM, Actor
from cases.errors import DomainError, NotFound, ValidationFailed
from cases.models import (
    AuditEvent,
    Case,
    CaseType,
    CaseTypeFilter,
    Stage,
    StoredFile,
    Workspace,
)
from tests.factories import api_actor, member, simple_case_type
from webhooks.models import WebhookEvent

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n%test\n"


def stage_names(case_type: CaseType) -> list[tuple[str, str]]:
    return list(case_type.stages.values_list("name", "system_role"))


def version_numbers(case_type: CaseType) -> list[int]:
    return list(case_type.versions.order_by("number").values_list("number", flat=True))


def new_case(case_type: CaseType, name: str = "c") -> Case:
    return services.case_create(
        workspace=case_type.workspace, case_type=case_type, actor=SYSTEM, name=name
    )


# --- Workspaces and members -------------------------------------------------------------------


def test_workspace_get_or_create_slugifies_and_names_a_new_workspace_after_its_slug():
    workspace, created = services.workspace_get_or_create(slug="North Office 2")

    assert created is True
    assert (workspace.slug, workspace.name) == ("north-office-2", "north-office-2")
    assert Workspace.objects.get(pk=workspace.pk).name == "north-office-2"


def test_workspace_get_or_create_returns_the_existing_workspace_unrenamed(tenant):
    workspace, created = services.workspace_get_or_create(slug="ACME", name="Another name")

    assert created is False
    assert workspace.pk == tenant.workspace.pk
    assert workspace.name == "Acme"
    assert Workspace.objects.filter(slug="acme").count() == 1


def test_workspace_get_or_create_refuses_a_slug_without_letters_or_digits():
    with pytest.raises(ValidationFailed) as refused:
        services.workspace_get_or_create(slug="!!! ???", name="Nothing")

    assert refused.value.message == "A workspace needs a name made of letters or digits."
    assert refused.value.code == "VALIDATION_ERROR"
    assert Workspace.objects.count() == 0


def test_membership_remove_takes_a_reviewer_out_and_keeps_everyone_else(tenant):
    other = member(tenant.workspace)

    services.membership_remove(user=tenant.reviewer, workspace=tenant.workspace)

    assert set(tenant.workspace.memberships.values_list("user_id", "role")) == {
        (tenant.admin.pk, "admin"),
        (other.pk, "reviewer"),
    }


def test_membership_remove_of_the_last_admin_names_user_and_removes_nothing(tenant):
    with pytest.raises(ValidationFailed) as refused:
        services.membership_remove(user=tenant.admin, workspace=tenant.workspace)

    message = f"{tenant.admin} is the last admin of Acme; make someone else admin first."
    assert refused.value.message == f"user: {message}"
    assert refused.value.details == {"fields": {"user": [message]}}
    assert tenant.workspace.memberships.count() == 2


def test_membership_remove_counts_only_the_admins_of_that_workspace(tenant, outsider):
    services.membership_set(user=tenant.admin, workspace=outsider.workspace, role="admin")

    with pytest.raises(ValidationFailed):  # outsider's admin does not manage acme
        services.membership_remove(user=tenant.admin, workspace=tenant.workspace)
    services.membership_remove(user=tenant.admin, workspace=outsider.workspace)

    assert list(tenant.admin.memberships.values_list("workspace__slug", flat=True)) == ["acme"]
    assert set(outsider.workspace.memberships.values_list("user_id", flat=True)) == {
        outsider.admin.pk,
        outsider.reviewer.pk,
    }


def test_membership_remove_of_someone_who_is_not_a_member_changes_nothing(tenant, outsider):
    services.membership_remove(user=outsider.admin, workspace=tenant.workspace)

    assert tenant.workspace.memberships.count() == 2
    assert outsider.admin.memberships.get().workspace == outsider.workspace


def test_user_get_in_workspace_finds_a_member_by_public_id(tenant, outsider):
    services.membership_set(user=tenant.reviewer, workspace=outsider.workspace, role="reviewer")

    found_here = services.user_get_in_workspace(
        workspace=tenant.workspace, public_id=tenant.reviewer.public_id
    )
    found_there = services.user_get_in_workspace(
        workspace=outsider.workspace, public_id=tenant.reviewer.public_id
    )

    assert found_here == tenant.reviewer
    assert found_there == tenant.reviewer


@pytest.mark.parametrize("who", ["outsider", "unknown"])
def test_user_get_in_workspace_is_not_found_for_an_outsider_or_an_unknown_id(tenant, outsider, who):
    public_id = outsider.reviewer.public_id if who == "outsider" else "usr_doesnotexist"

    with pytest.raises(NotFound) as missing:
        services.user_get_in_workspace(workspace=tenant.workspace, public_id=public_id)

    assert missing.value.message == f"No user {public_id} in this workspace."
    assert (missing.value.code, missing.value.status_code) == ("NOT_FOUND", 404)


# --- Case types -------------------------------------------------------------------------------


def test_case_type_create_saves_given_stages_in_order_and_version_one_by_its_author(tenant):
    case_type = simple_case_type(
        tenant.workspace,
        slug="claims",
        stages=[("Inbox", "extraction"), ("Triage", ""), ("Check", "review")],
        keywords=("claim", "damage"),
        created_by=tenant.admin,
    )

    assert list(case_type.stages.values_list("name", "position", "system_role")) == [
        ("Inbox", 0, "extraction"),
        ("Triage", 1, ""),
        ("Check", 2, "review"),
    ]
    (version,) = case_type.versions.all()
    assert (version.number, version.created_by) == (1, tenant.admin)
    assert version.definition["keywords"] == ["claim", "damage"]
    assert version.definition["stages"] == [
        {"name": "Inbox", "system_role": "extraction"},
        {"name": "Triage"},
        {"name": "Check", "system_role": "review"},
    ]


def test_case_type_create_refuses_a_slug_taken_in_the_workspace_naming_slug(tenant):
    with pytest.raises(ValidationFailed) as refused:
        simple_case_type(tenant.workspace, name="Again")

    message = "a case type named 'simple' exists already in this workspace."
    assert refused.value.details == {"fields": {"slug": [message]}}
    assert list(CaseType.objects.filter(workspace=tenant.workspace).values_list("name")) == [
        ("Simple invoice",)
    ]


def test_case_type_create_allows_a_slug_another_workspace_uses(tenant, outsider):
    mine = simple_case_type(tenant.workspace, slug="shared")
    theirs = simple_case_type(outsider.workspace, slug="shared")

    assert (mine.workspace, theirs.workspace) == (tenant.workspace, outsider.workspace)
    assert version_numbers(mine) == version_numbers(theirs) == [1]


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"slug": "not a slug"}, "slug"),
        ({"field_schema": [{"key": "x", "label": "X", "type": "colour"}]}, "field_schema"),
        ({"locale": "not a locale"}, "locale"),
    ],
)
def test_case_type_create_refuses_an_invalid_attribute_and_saves_nothing(tenant, overrides, field):
    with pytest.raises(ValidationFailed) as refused:
        simple_case_type(tenant.workspace, **{"slug": "fresh", **overrides})

    assert list(refused.value.details["fields"]) == [field]
    assert refused.value.message.startswith(f"{field}: ")
    assert CaseType.objects.filter(workspace=tenant.workspace).count() == 1
    assert Stage.objects.filter(case_type__workspace=tenant.workspace).count() == 4


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"review_threshold": 0}, "review_threshold"),
        ({"review_threshold": 100}, "review_threshold"),
        ({"qa_sample_percent": 101}, "qa_sample_percent"),
    ],
)
def test_case_type_create_names_the_field_whose_value_is_out_of_range(tenant, overrides, field):
    with pytest.raises(ValidationFailed) as refused:
        simple_case_type(tenant.workspace, **{"slug": "fresh", **overrides})

    assert list(refused.value.details["fields"]) == [field]
    assert CaseType.objects.filter(workspace=tenant.workspace).count() == 1


@pytest.mark.parametrize(
    ("stages", "problem"),
    [
        ([], "a case type needs at least one stage."),
        (
            [("In", "review"), ("Out", "review")],
            "the system role 'review' is given to more than one stage.",
        ),
        ([("In", "archive")], "'archive' is not a system role."),
        ([("In", ""), (" ", "review")], "every stage needs a name."),
        ([("In", ""), ("In", "review")], "two stages are named 'In'."),
    ],
)
def test_case_type_create_refuses_stages_that_break_the_rules_and_saves_nothing(
    tenant, stages, problem
):
    with pytest.raises(ValidationFailed) as refused:
        simple_case_type(tenant.workspace, slug="fresh", stages=stages)

    assert refused.value.details == {"stages": [problem]}
    assert refused.value.message == f"stages: {problem}"
    assert not CaseType.objects.filter(workspace=tenant.workspace, slug="fresh").exists()


def test_case_type_stages_set_refuses_one_stage_listed_twice_or_two_of_one_name(tenant):
    case_type = tenant.case_type
    review = case_type.stages.get(system_role="review")

    with pytest.raises(ValidationFailed) as twice:
        services.case_type_stages_set(
            case_type=case_type,
            stages=[
                services.StageSpec("Review", "review", review.public_id),
                services.StageSpec("Again", "", review.public_id),
            ],
        )
    with pytest.raises(ValidationFailed) as same_name:
        services.case_type_stages_set(
            case_type=case_type,
            stages=[services.StageSpec("Review", "review"), services.StageSpec("Review", "")],
        )

    assert twice.value.details == {
        "stages": [f"the stage {review.public_id!r} is listed more than once."]
    }
    assert same_name.value.details == {"stages": ["two stages are named 'Review'."]}
    assert len(stage_names(case_type)) == 4
    assert version_numbers(case_type) == [1]


def test_a_refused_edit_leaves_the_callers_case_type_as_stored(tenant):
    case_type = tenant.case_type

    with pytest.raises(ValidationFailed):
        services.case_type_edit(
            case_type=case_type, changes={"name": "Renamed", "review_threshold": 0}
        )

    assert (case_type.name, case_type.review_threshold) == ("Simple invoice", None)

    with pytest.raises(ValidationFailed):  # the attributes pass, the stages are refused
        services.case_type_edit(case_type=case_type, changes={"name": "Renamed"}, stages=[])

    assert case_type.name == "Simple invoice"
    assert CaseType.objects.get(pk=case_type.pk).name == "Simple invoice"


def test_case_type_edit_saves_attributes_and_stages_as_one_version(tenant):
    case_type = tenant.case_type
    extraction, review, approved, rejected = case_type.stages.all()

    services.case_type_edit(
        case_type=case_type,
        changes={"name": "Supplier invoice", "review_threshold": 80},
        stages=[
            services.StageSpec("Extraction", "extraction", extraction.public_id),
            services.StageSpec("Review", "review", review.public_id),
            services.StageSpec("Booked", "approved", approved.public_id),
        ],
        by=tenant.admin,
    )

    case_type.refresh_from_db()
    assert (case_type.name, case_type.review_threshold) == ("Supplier invoice", 80)
    assert stage_names(case_type) == [
        ("Extraction", "extraction"),
        ("Review", "review"),
        ("Booked", "approved"),
    ]
    assert not Stage.objects.filter(pk=rejected.pk).exists()
    assert version_numbers(case_type) == [1, 2]
    latest = case_type.versions.get(number=2)
    assert latest.created_by == tenant.admin
    assert latest.definition == case_type.as_definition()


def test_case_type_edit_without_stages_keeps_them_and_unchanged_values_record_no_version(tenant):
    case_type = tenant.case_type
    before = list(case_type.stages.values_list("public_id", "name", "position", "system_role"))

    services.case_type_edit(case_type=case_type, changes={"name": "Simple invoice"})
    services.case_type_edit(case_type=case_type, changes={})

    assert version_numbers(case_type) == [1]
    after = list(case_type.stages.values_list("public_id", "name", "position", "system_role"))
    assert after == before


def test_case_type_edit_saves_nothing_when_its_stages_are_refused(tenant):
    case_type = tenant.case_type
    new_case(case_type)  # in Extraction, which the new stage list leaves out
    review = case_type.stages.get(system_role="review")

    with pytest.raises(ValidationFailed) as refused:
        services.case_type_edit(
            case_type=case_type,
            changes={"name": "Renamed", "keywords": ["renamed"]},
            stages=[services.StageSpec("Review", "review", review.public_id)],
        )

    assert refused.value.details == {"stages": ["Extraction holds cases"]}
    stored = CaseType.objects.get(pk=case_type.pk)
    assert (stored.name, stored.keywords) == ("Simple invoice", [])
    assert len(stage_names(stored)) == 4
    assert version_numbers(stored) == [1]


@pytest.mark.parametrize("attribute", ["stages", "versions", "workspace"])
def test_case_type_edit_refuses_an_attribute_it_does_not_change_by_name(tenant, attribute):
    case_type = tenant.case_type

    with pytest.raises(ValidationFailed) as refused:
        services.case_type_edit(case_type=case_type, changes={"name": "Renamed", attribute: []})

    assert refused.value.message == f"Cannot change {attribute} of a case type."
    assert case_type.name == "Simple invoice"


def test_case_type_edit_refuses_changing_the_slug(tenant):
    with pytest.raises(ValidationFailed) as refused:
        services.case_type_edit(case_type=tenant.case_type, changes={"slug": "other"})

    assert refused.value.message == "Cannot change slug of a case type."
    assert CaseType.objects.get(pk=tenant.case_type.pk).slug == "simple"
    assert version_numbers(tenant.case_type) == [1]


def test_case_type_stages_set_refuses_a_stage_of_another_case_type(tenant, outsider):
    foreign = outsider.case_type.stages.get(system_role="review")

    with pytest.raises(ValidationFailed) as refused:
        services.case_type_stages_set(
            case_type=tenant.case_type,
            stages=[services.StageSpec("Stolen", "review", foreign.public_id)],
        )

    assert refused.value.message == f"stages: no stage {foreign.public_id} in this case type."
    foreign.refresh_from_db()
    assert (foreign.case_type, foreign.name) == (outsider.case_type, "Review")
    assert tenant.case_type.stages.count() == 4
    assert version_numbers(tenant.case_type) == [1]


def test_case_type_stages_set_deletes_a_left_out_empty_stage_and_records_by(tenant):
    case_type = tenant.case_type
    extraction, review, approved, rejected = case_type.stages.all()

    kept = services.case_type_stages_set(
        case_type=case_type,
        stages=[
            services.StageSpec("Extraction", "extraction", extraction.public_id),
            services.StageSpec("Approved", "approved", approved.public_id),
        ],
        by=tenant.reviewer,
    )

    assert [stage.pk for stage in kept] == [extraction.pk, approved.pk]
    assert not Stage.objects.filter(pk__in=[review.pk, rejected.pk]).exists()
    assert case_type.versions.get(number=2).created_by == tenant.reviewer


def test_case_type_stages_set_with_the_same_stages_records_no_new_version(tenant):
    case_type = tenant.case_type
    same = [
        services.StageSpec(stage.name, stage.system_role, stage.public_id)
        for stage in case_type.stages.all()
    ]

    services.case_type_stages_set(case_type=case_type, stages=same)

    assert version_numbers(case_type) == [1]


def test_case_type_version_record_snapshots_a_change_once(tenant):
    case_type = tenant.case_type
    CaseType.objects.filter(pk=case_type.pk).update(description="Changed behind its back")
    case_type.refresh_from_db()

    recorded = services.case_type_version_record(case_type=case_type, by=tenant.admin)
    again = services.case_type_version_record(case_type=case_type, by=tenant.reviewer)

    assert again.pk == recorded.pk
    assert (recorded.number, recorded.created_by) == (2, tenant.admin)
    assert recorded.definition["description"] == "Changed behind its back"
    assert version_numbers(case_type) == [1, 2]


def test_case_type_version_record_sees_a_stage_change(tenant):
    case_type = tenant.case_type
    Stage.objects.filter(case_type=case_type, system_role="rejected").update(name="Declined")

    recorded = services.case_type_version_record(case_type=case_type)

    assert recorded.number == 2
    assert recorded.created_by is None
    assert recorded.definition["stages"][-1] == {"name": "Declined", "system_role": "rejected"}


def test_case_type_version_record_numbers_each_case_type_on_its_own(tenant):
    other = simple_case_type(tenant.workspace, slug="other")
    services.case_type_update(case_type=tenant.case_type, keywords=["a"])
    services.case_type_update(case_type=tenant.case_type, keywords=["b"])

    services.case_type_update(case_type=other, keywords=["a"])

    assert version_numbers(tenant.case_type) == [1, 2, 3]
    assert version_numbers(other) == [1, 2]


def test_case_type_version_restore_of_an_unknown_number_is_version_not_found(tenant, outsider):
    services.case_type_update(case_type=outsider.case_type, keywords=["theirs"])  # their v2

    with pytest.raises(NotFound) as missing:
        services.case_type_version_restore(case_type=tenant.case_type, number=2)

    assert missing.value.code == "VERSION_NOT_FOUND"
    assert missing.value.message == "No version 2 of simple."
    assert version_numbers(tenant.case_type) == [1]


def test_case_type_version_restore_of_the_current_version_records_nothing(tenant):
    services.case_type_update(case_type=tenant.case_type, review_threshold=70)

    restored = services.case_type_version_restore(case_type=tenant.case_type, number=2)

    assert restored.review_threshold == 70
    assert version_numbers(tenant.case_type) == [1, 2]


def test_case_type_version_restore_keeps_stages_matched_by_name_and_their_cases(tenant):
    case_type = tenant.case_type
    extraction, review, approved, _rejected = case_type.stages.all()
    case = new_case(case_type)
    services.case_type_stages_set(
        case_type=case_type,
        stages=[
            services.StageSpec("Extraction", "extraction", extraction.public_id),
            services.StageSpec("Checking", "review", review.public_id),
            services.StageSpec("Approved", "approved", approved.public_id),
        ],
    )

    services.case_type_version_restore(case_type=case_type, number=1, by=tenant.admin)

    assert stage_names(case_type) == [
        ("Extraction", "extraction"),
        ("Review", "review"),
        ("Approved", "approved"),
        ("Rejected", "rejected"),
    ]
    restored = case_type.stages.all()
    assert (restored[0].pk, restored[2].pk) == (extraction.pk, approved.pk)
    assert not Stage.objects.filter(pk=review.pk).exists()  # "Checking" matched no name
    case.refresh_from_db()
    assert case.stage_id == extraction.pk
    latest = case_type.versions.get(number=3)
    assert latest.created_by == tenant.admin
    assert latest.definition == case_type.versions.get(number=1).definition


def test_case_type_version_restore_is_refused_when_it_would_drop_a_stage_holding_cases(tenant):
    case_type = tenant.case_type
    extraction, review, _approved, _rejected = case_type.stages.all()
    services.case_type_stages_set(
        case_type=case_type,
        stages=[
            services.StageSpec("Intake", "extraction", extraction.public_id),
            services.StageSpec("Review", "review", review.public_id),
        ],
    )
    new_case(case_type)  # in "Intake", a name version 1 does not have
    services.case_type_update(case_type=case_type, review_threshold=60)

    with pytest.raises(ValidationFailed) as refused:
        services.case_type_version_restore(case_type=case_type, number=1)

    assert refused.value.details == {"stages": ["Intake holds cases"]}
    stored = CaseType.objects.get(pk=case_type.pk)
    assert stored.review_threshold == 60
    assert stage_names(stored) == [("Intake", "extraction"), ("Review", "review")]
    assert version_numbers(stored) == [1, 2, 3]


# --- Case type filters ------------------------------------------------------------------------


def test_case_type_filter_save_creates_a_filter_under_its_slugified_name(tenant):
    other = simple_case_type(tenant.workspace, slug="other")

    saved = services.case_type_filter_save(
        workspace=tenant.workspace, name="Inbox Mail", case_types=[tenant.case_type, other]
    )

    stored = CaseTypeFilter.objects.get(pk=saved.pk)
    assert (stored.workspace, stored.name) == (tenant.workspace, "inbox-mail")
    assert set(stored.case_types.all()) == {tenant.case_type, other}


def test_case_type_filter_save_changes_an_existing_filter_in_place(tenant):
    other = simple_case_type(tenant.workspace, slug="other")
    saved = services.case_type_filter_save(
        workspace=tenant.workspace, name="inbox", case_types=[tenant.case_type]
    )

    changed = services.case_type_filter_save(
        workspace=tenant.workspace, name="Post", case_types=[other], case_type_filter=saved
    )
    unrenamed = services.case_type_filter_save(
        workspace=tenant.workspace, name="post", case_types=[other], case_type_filter=saved
    )

    assert changed.pk == unrenamed.pk == saved.pk
    stored = CaseTypeFilter.objects.get()
    assert stored.name == "post"
    assert list(stored.case_types.all()) == [other]


def foreign_case_type() -> CaseType:
    return simple_case_type(Workspace.objects.create(name="Foreign", slug="foreign"))


@pytest.mark.parametrize(
    ("name", "which", "field", "message"),
    [
        ("!!!", "own", "name", "a filter needs a name of letters or digits."),
        ("inbox", "none", "case_types", "a filter needs at least one case type."),
        ("inbox", "foreign", "case_types", "a case type of another workspace."),
        ("Taken", "own", "name", "a filter named 'taken' exists already."),
    ],
)
def test_case_type_filter_save_refuses_naming_the_field(tenant, name, which, field, message):
    services.case_type_filter_save(
        workspace=tenant.workspace, name="taken", case_types=[tenant.case_type]
    )
    if which == "foreign":
        case_types = [tenant.case_type, foreign_case_type()]
    else:
        case_types = {"own": [tenant.case_type], "none": []}[which]

    with pytest.raises(ValidationFailed) as refused:
        services.case_type_filter_save(workspace=tenant.workspace, name=name, case_types=case_types)

    assert refused.value.details == {"fields": {field: [message]}}
    assert list(CaseTypeFilter.objects.values_list("name", flat=True)) == ["taken"]


def test_case_type_filter_save_allows_a_name_another_workspace_uses(tenant, outsider):
    services.case_type_filter_save(
        workspace=outsider.workspace, name="inbox", case_types=[outsider.case_type]
    )

    mine = services.case_type_filter_save(
        workspace=tenant.workspace, name="inbox", case_types=[tenant.case_type]
    )

    assert mine.workspace == tenant.workspace
    assert CaseTypeFilter.objects.filter(name="inbox").count() == 2


def test_case_type_filter_delete_removes_only_that_filter(tenant):
    doomed = services.case_type_filter_save(
        workspace=tenant.workspace, name="doomed", case_types=[tenant.case_type]
    )
    services.case_type_filter_save(
        workspace=tenant.workspace, name="kept", case_types=[tenant.case_type]
    )

    services.case_type_filter_delete(case_type_filter=doomed)

    assert list(CaseTypeFilter.objects.values_list("name", flat=True)) == ["kept"]
    assert CaseType.objects.filter(pk=tenant.case_type.pk).exists()
    assert list(tenant.case_type.filters.values_list("name", flat=True)) == ["kept"]


# --- Incoming files ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("filename", "kept"),
    [
        ("scans/2024/invoice.pdf", "invoice.pdf"),
        ("C:\\Users\\ann\\invoice.pdf", "invoice.pdf"),
        ("  invoice.pdf  ", "invoice.pdf"),
        ("re\u0301sume\u0301.pdf", "r\u00e9sum\u00e9.pdf"),  # NFD to NFC
        ("x" * 300, "x" * 255),
    ],
)
def test_incoming_file_check_keeps_the_last_path_part_normalised(filename, kept):
    incoming = services.incoming_file_check(filename=filename, content=PDF)

    assert incoming == services.IncomingFile(filename=kept, content=PDF, media_type="")


@pytest.mark.parametrize(
    ("filename", "content", "problem"),
    [
        ("", PDF, "the file has no name."),
        ("  ", PDF, "the file has no name."),
        ("scans/ ", PDF, "the file has no name."),
        ("a.pdf", b"", "a.pdf is empty."),
    ],
)
def test_incoming_file_check_refuses_a_nameless_or_empty_file_naming_the_field(
    filename, content, problem
):
    with pytest.raises(ValidationFailed) as refused:
        services.incoming_file_check(filename=filename, content=content, field="document")

    assert refused.value.message == f"document: {problem}"
    assert refused.value.details == {"fields": {"document": [problem]}}
    assert refused.value.status_code == 400


def test_incoming_file_check_takes_the_limit_and_refuses_one_byte_more_as_413(settings):
    settings.MAX_UPLOAD_BYTES = 1024 * 1024
    at_limit = b"x" * settings.MAX_UPLOAD_BYTES

    assert services.incoming_file_check(filename="a.bin", content=at_limit).content == at_limit
    with pytest.raises(DomainError) as refused:
        services.incoming_file_check(filename="a.bin", content=at_limit + b"x")

    assert not isinstance(refused.value, ValidationFailed)
    assert (refused.value.code, refused.value.status_code) == ("FILE_TOO_LARGE", 413)
    assert refused.value.message == "file: a.bin is larger than the limit of 1 MiB (1048576 bytes)."
    assert refused.value.details == {"fields": {"file": ["Larger than 1048576 bytes."]}}


def test_incoming_files_from_uploads_reads_every_upload_in_order():
    uploads = [
        SimpleUploadedFile("first.pdf", PDF),
        SimpleUploadedFile("second.txt", b"hello"),
    ]

    incoming = services.incoming_files_from_uploads(uploads)

    assert incoming == [
        services.IncomingFile(filename="first.pdf", content=PDF),
        services.IncomingFile(filename="second.txt", content=b"hello"),
    ]


def test_incoming_files_from_uploads_refuses_no_upload_naming_the_field():
    with pytest.raises(ValidationFailed) as refused:
        services.incoming_files_from_uploads([], field="documents")

    assert refused.value.message == "documents: at least one file is required."
    assert refused.value.details == {"fields": {"documents": ["At least one file is required."]}}


def test_incoming_files_from_uploads_refuses_more_than_the_files_per_request(settings):
    settings.MAX_FILES_PER_REQUEST = 2
    uploads = [SimpleUploadedFile(f"{n}.pdf", PDF) for n in range(3)]

    with pytest.raises(ValidationFailed) as refused:
        services.incoming_files_from_uploads(uploads)

    assert refused.value.details == {"fields": {"files": ["at most 2 files per request."]}}
    assert services.incoming_files_from_uploads(uploads[:2])[1].filename == "1.pdf"


def test_incoming_files_from_uploads_names_the_index_of_the_bad_file():
    uploads = [SimpleUploadedFile("good.pdf", PDF), SimpleUploadedFile("empty.pdf", b"")]

    with pytest.raises(ValidationFailed) as refused:
        services.incoming_files_from_uploads(uploads)

    assert refused.value.details == {"fields": {"files[1]": ["empty.pdf is empty."]}}


def test_stored_file_create_keeps_the_given_type_kind_and_case(tenant):
    case = new_case(tenant.case_type)
    incoming = services.IncomingFile(filename="notes.pdf", content=b"plain", media_type="text/csv")

    stored = services.stored_file_create(
        workspace=tenant.workspace, incoming=incoming, kind=StoredFile.Kind.EXPORT, case=case
    )

    row = StoredFile.objects.get(pk=stored.pk)
    assert (row.workspace, row.case, row.kind) == (tenant.workspace, case, "export")
    assert (row.filename, row.media_type, row.size) == ("notes.pdf", "text/csv", 5)
    blob_name = row.blob.name
    assert blob_name is not None
    assert blob_name.endswith(f"/{tenant.workspace.public_id}/{row.public_id}.pdf")
    assert files.file_read(row) == b"plain"


def test_stored_file_create_without_a_type_sniffs_it_as_a_loose_upload(tenant):
    incoming = services.IncomingFile(filename="scan", content=PDF)

    stored = services.stored_file_create(workspace=tenant.workspace, incoming=incoming)

    assert (stored.media_type, stored.kind, stored.case) == ("application/pdf", "upload", None)


# --- Cases ------------------------------------------------------------------------------------


def test_case_stage_move_to_role_moves_the_case_and_records_the_change(tenant):
    case = new_case(tenant.case_type)
    extraction = tenant.case_type.stages.get(system_role="extraction")
    review = tenant.case_type.stages.get(system_role="review")
    actor = Actor(user=tenant.reviewer)

    moved = services.case_stage_move_to_role(case=case, role=Stage.SystemRole.REVIEW, actor=actor)

    assert moved.stage == review
    assert Case.objects.get(pk=case.pk).stage == review
    event = AuditEvent.objects.filter(case=case).last()
    assert event is not None
    assert (event.verb, event.from_state, event.to_state) == (
        "case.stage_changed",
        extraction.public_id,
        review.public_id,
    )
    assert (event.actor_user, event.actor_label) == (tenant.reviewer, tenant.reviewer.username)
    assert event.data == {
        "changes": {"stage_id": {"from": extraction.public_id, "to": review.public_id}}
    }
    published = WebhookEvent.objects.filter(type="case.updated").get()
    assert published.payload["data"]["changes"] == event.data["changes"]
    assert published.payload["data"]["source"] == "ui"


def test_case_stage_move_to_role_without_that_role_leaves_the_case(tenant):
    case_type = simple_case_type(
        tenant.workspace, slug="manual", stages=[("Inbox", "extraction"), ("Done", "")]
    )
    case = new_case(case_type)
    events_before = AuditEvent.objects.count()

    # the acme case type has an approved stage; this case's type has none
    moved = services.case_stage_move_to_role(case=case, role=Stage.SystemRole.APPROVED)

    assert moved.stage.name == "Inbox"
    assert Case.objects.get(pk=case.pk).stage.name == "Inbox"
    assert AuditEvent.objects.count() == events_before
    assert not WebhookEvent.objects.filter(type="case.updated").exists()


def test_case_stage_move_to_role_already_there_writes_no_audit_row(tenant):
    case = new_case(tenant.case_type)
    events_before = AuditEvent.objects.count()

    moved = services.case_stage_move_to_role(case=case, role=Stage.SystemRole.EXTRACTION)

    assert moved.stage.system_role == "extraction"
    assert AuditEvent.objects.count() == events_before


def test_case_stage_move_to_role_by_default_is_the_pipeline(tenant):
    case = new_case(tenant.case_type)

    services.case_stage_move_to_role(case=case, role=Stage.SystemRole.REJECTED)

    event = AuditEvent.objects.get(verb="case.stage_changed")
    assert (event.actor_user, event.actor_api_key, event.actor_label) == (None, None, "system")
    published = WebhookEvent.objects.get(type="case.updated")
    assert published.payload["data"]["source"] == "pipeline"


def test_case_summary_lists_the_case_and_its_documents_in_upload_order(tenant, settings):
    settings.BASE_URL = "https://casefile.example"
    case = new_case(tenant.case_type, name="March")
    first, second = services.case_documents_add(
        case=case,
        files=[
            services.IncomingFile(filename="a.pdf", content=PDF),
            services.IncomingFile(filename="b.pdf", content=PDF + b"b"),
        ],
        actor=SYSTEM,
    )
    services.case_update(case=case, actor=SYSTEM, assigned_to=tenant.reviewer)
    case.refresh_from_db()

    summary = services.case_summary(case)

    assert summary == {
        "case_id": case.public_id,
        "case_name": "March",
        "casetype_id": tenant.case_type.public_id,
        "stage_id": tenant.case_type.stages.get(system_role="extraction").public_id,
        "assigned_to": tenant.reviewer.public_id,
        "modified_date": case.modified_at,
        "documents": [
            {
                "doc_id": first.public_id,
                "filename": "a.pdf",
                "status": "uploaded",
                "file_id": first.file.public_id,
            },
            {
                "doc_id": second.public_id,
                "filename": "b.pdf",
                "status": "uploaded",
                "file_id": second.file.public_id,
            },
        ],
        "files_url": f"https://casefile.example/api/v1/cases/{case.public_id}/files",
    }


def test_case_summary_of_an_empty_unassigned_case(tenant):
    case = new_case(tenant.case_type)

    summary = services.case_summary(case)

    assert (summary["assigned_to"], summary["documents"]) == (None, [])


# --- Audit ------------------------------------------------------------------------------------


def test_audit_record_writes_the_row_with_the_actor_it_was_given(tenant):
    case = new_case(tenant.case_type)
    actor = api_actor(tenant.workspace)

    event = services.audit_record(
        workspace=tenant.workspace,
        verb=AuditEvent.Verb.CASE_UPDATED,
        actor=actor,
        case=case,
        from_state="a",
        to_state="b",
        data={"why": "test"},
    )

    row = AuditEvent.objects.get(pk=event.pk)
    assert (row.workspace, row.case, row.document, row.job_id) == (
        tenant.workspace,
        case,
        None,
        None,
    )
    assert (row.verb, row.from_state, row.to_state, row.data) == (
        "case.updated",
        "a",
        "b",
        {"why": "test"},
    )
    assert actor.api_key is not None
    assert (row.actor_user, row.actor_api_key) == (None, actor.api_key)
    assert row.actor_label == f"API key test key ({actor.api_key.prefix}…)"


def test_audit_record_without_data_stores_an_empty_mapping_for_the_system(tenant):
    event = services.audit_record(
        workspace=tenant.workspace, verb=AuditEvent.Verb.JOB_STATUS, actor=SYSTEM
    )

    row = AuditEvent.objects.get(pk=event.pk)
    assert (row.case, row.data, row.from_state, row.to_state) == (None, {}, "", "")
    assert (row.actor_user, row.actor_api_key, row.actor_label) == (None, None, "system")
