"""`manage.py bootstrap`: the demo workspace, its case types, an admin and an API key.

Idempotent: run it as often as you like (`make run` runs it every time). The demo API key is
kept in `var/bootstrap-api-key` (readable only by its owner) so every run can print the same
working key; delete the file, or revoke the key, to get a new one.
"""

from __future__ import annotations

import secrets
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction

from cases import services
from cases.casetype_files import DEMO_CASE_TYPE_DIR, case_type_definition_load, case_type_import
from cases.models import ApiKey, CaseTypeFilter, Membership, User, Workspace

DEMO_WORKSPACE_SLUG = "demo"
DEMO_FILTER_NAME = "documents"


class Command(BaseCommand):
    help = "Create the demo workspace, case types, admin user and API key (idempotent)."

    def handle(self, *args: Any, **options: Any) -> None:
        with transaction.atomic():
            workspace, _ = services.workspace_get_or_create(
                slug=DEMO_WORKSPACE_SLUG, name="Demo workspace"
            )
            case_types = []
            for path in sorted(DEMO_CASE_TYPE_DIR.glob("*.yaml")):
                case_type, created = case_type_import(
                    workspace=workspace, definition=case_type_definition_load(path)
                )
                case_types.append(case_type)
                state = "created" if created else "up to date"
                self.stdout.write(f"Case type {case_type.slug} ({case_type.public_id}) {state}")
            document_filter, _ = CaseTypeFilter.objects.get_or_create(
                workspace=workspace, name=DEMO_FILTER_NAME
            )
            document_filter.case_types.set(case_types)
            username, password = self._admin_user(workspace)
        raw_key = self._api_key(workspace)
        self.stdout.write("")
        self.stdout.write(self.style.SUCCESS("Casefile is ready."))
        self.stdout.write(f"  Admin login:  {username} / {password}")
        self.stdout.write(f"  API key:      {raw_key}")
        self.stdout.write(f"  Workspace:    {workspace.name} ({workspace.slug})")

    def _admin_user(self, workspace: Workspace) -> tuple[str, str]:
        """The admin and a password that works: from CASEFILE_ADMIN_PASSWORD, else generated
        once and kept in `var/bootstrap-admin-password` so later runs can print it again."""
        username = settings.CASEFILE_ADMIN_USER
        password_file = Path(settings.DATA_DIR) / "bootstrap-admin-password"
        password = settings.CASEFILE_ADMIN_PASSWORD
        user = User.objects.filter(username=username).first()
        if user is None:
            user = User.objects.create_superuser(username=username, email="", password=None)
        if not password and password_file.exists():
            kept = password_file.read_text().strip()
            password = kept if user.check_password(kept) else ""
        if not password and user.has_usable_password():
            password_shown = "(changed since bootstrap; set CASEFILE_ADMIN_PASSWORD to reset it)"
        else:
            if not password:
                password = secrets.token_urlsafe(12)
                password_file.write_text(password + "\n")
                password_file.chmod(0o600)
            if not user.check_password(password):
                user.set_password(password)
                user.save(update_fields=["password"])
            password_shown = password
        services.membership_set(user=user, workspace=workspace, role=Membership.Role.ADMIN)
        return username, password_shown

    def _api_key(self, workspace: Workspace) -> str:
        key_file = Path(settings.DATA_DIR) / "bootstrap-api-key"
        if key_file.exists():
            raw_key = key_file.read_text().strip()
            still_valid = ApiKey.objects.filter(
                workspace=workspace, key_hash=ApiKey.hash_key(raw_key), revoked_at__isnull=True
            ).exists()
            if still_valid:
                return raw_key
        _, raw_key = services.api_key_create(workspace=workspace, name="Demo key (bootstrap)")
        key_file.write_text(raw_key + "\n")
        key_file.chmod(0o600)
        return raw_key
