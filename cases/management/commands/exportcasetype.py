"""`manage.py exportcasetype SLUG --workspace W [--format yaml|json] [--output FILE]`: write a
case type in the file format `importcasetype` reads (stdout unless `--output`)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml
from django.core.management.base import BaseCommand, CommandError, CommandParser

from cases import selectors
from cases.casetype_files import case_type_export
from cases.errors import DomainError
from cases.models import Workspace


class Command(BaseCommand):
    help = "Export a case type as YAML or JSON (the format importcasetype reads)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("slug", help="The case type's templateName.")
        parser.add_argument("--workspace", default="demo", help="Workspace slug (default: demo).")
        parser.add_argument("--format", choices=["yaml", "json"], default="yaml")
        parser.add_argument("--output", type=Path, help="Write to this file instead of stdout.")

    def handle(self, *args: Any, **options: Any) -> None:
        workspace = Workspace.objects.filter(slug=options["workspace"]).first()
        if workspace is None:
            raise CommandError(f"No workspace {options['workspace']!r}.")
        try:
            case_type = selectors.case_type_get_by_slug(workspace=workspace, slug=options["slug"])
        except DomainError as error:
            raise CommandError(error.message) from None
        definition = case_type_export(case_type)
        if options["format"] == "json":
            text = json.dumps(definition, indent=2, ensure_ascii=False) + "\n"
        else:
            text = yaml.safe_dump(definition, sort_keys=False, allow_unicode=True)
        if options["output"]:
            options["output"].write_text(text, encoding="utf-8")
            self.stdout.write(f"Wrote {case_type.slug} to {options['output']}.")
        else:
            self.stdout.write(text, ending="")
