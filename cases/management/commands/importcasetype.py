"""`manage.py importcasetype FILE --workspace W`: create or update a case type from YAML/JSON."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from cases import services
from cases.casetype_files import case_type_definition_load, case_type_import
from cases.errors import DomainError


class Command(BaseCommand):
    help = "Import a case type from a YAML or JSON file (updates it if the slug exists)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument("--workspace", default="demo", help="Workspace slug (default: demo).")

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        if not path.is_file():
            raise CommandError(f"No such file: {path}")
        workspace, _ = services.workspace_get_or_create(slug=options["workspace"])
        try:
            case_type, created = case_type_import(
                workspace=workspace, definition=case_type_definition_load(path)
            )
        except DomainError as error:
            raise CommandError(error.message) from None
        verb = "Created" if created else "Updated"
        self.stdout.write(f"{verb} case type {case_type.slug} ({case_type.public_id}).")
