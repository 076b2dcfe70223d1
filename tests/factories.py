"""factory_boy factories for the domain. Writes with rules go through the services."""

from __future__ import annotations

import factory

from cases import services
from cases.casetype_files import DEMO_CASE_TYPE_DIR, case_type_definition_load, case_type_import
from cases.models import CaseType, Membership, User, Workspace


class WorkspaceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Workspace

    name = factory.Sequence(lambda n: f"Workspace {n}")
    slug = factory.Sequence(lambda n: f"workspace-{n}")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.PostGenerationMethodCall("set_password", "correct horse battery")

    @factory.post_generation
    def save_password(obj, create, extracted, **kwargs):
        if create:
            obj.save()


def member(workspace: Workspace, role: str = Membership.Role.REVIEWER, **user_fields) -> User:
    user = UserFactory(**user_fields)
    services.membership_set(user=user, workspace=workspace, role=role)
    return user


def demo_case_type(workspace: Workspace, slug: str = "invoice") -> CaseType:
    definition = case_type_definition_load(DEMO_CASE_TYPE_DIR / f"{slug}.yaml")
    case_type, _ = case_type_import(workspace=workspace, definition=definition)
    return case_type


def simple_case_type(workspace: Workspace, **overrides) -> CaseType:
    fields = overrides.pop(
        "field_schema",
        [
            {"key": "invoice_number", "label": "Invoice number", "type": "text", "required": True},
            {"key": "invoice_date", "label": "Invoice date", "type": "date"},
            {"key": "total_amount", "label": "Total", "type": "money", "required": True},
        ],
    )
    return services.case_type_create(
        workspace=workspace,
        name=overrides.pop("name", "Simple invoice"),
        slug=overrides.pop("slug", "simple"),
        field_schema=fields,
        **overrides,
    )
