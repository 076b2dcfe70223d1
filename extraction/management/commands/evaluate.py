"""`manage.py evaluate CORPUS [--json]`: measure extraction on a labelled corpus (SPEC §9).

Runs every `NAME.pdf|png|jpg|tif` of the folder through the engine (isolated, as the worker
runs it) with the case type its `NAME.json` names, and prints per-field and overall accuracy
and, for thresholds 50/70/80/90/95, the share of fields released without review and their
accuracy. `--json` prints the same as JSON, with every document's predicted fields (value,
confidence) beside the expected ones. Progress goes to stderr, one line per document.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from cases.casetype_files import DEMO_CASE_TYPE_DIR, case_type_definition_load
from cases.models import CaseType, Workspace
from cases.schema import validate_field_schema
from extraction.engine.evaluation import Report, evaluate_item, format_report, load_corpus
from extraction.engine.isolation import run_engine_isolated
from extraction.engine.types import Schema
from extraction.schemas import engine_schema_from_case_type


class Command(BaseCommand):
    help = "Measure field accuracy and review rates on a folder of labelled documents."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("corpus", type=Path, help="Folder of documents with NAME.json truth.")
        parser.add_argument("--json", action="store_true", help="Print the report as JSON.")
        parser.add_argument(
            "--workspace",
            help="Use this workspace's case types (default: the bundled demo case types).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        corpus: Path = options["corpus"]
        if not corpus.is_dir():
            raise CommandError(f"No such folder: {corpus}")
        items = load_corpus(corpus)
        if not items:
            raise CommandError(f"{corpus} holds no document with a NAME.json beside it.")
        schemas = self._schemas(options.get("workspace"))
        report = Report()
        for position, item in enumerate(items, start=1):
            self.stderr.write(f"[{position}/{len(items)}] {item.name}", ending="\n")
            schema = schemas.get(item.case_type)
            if schema is None:
                raise CommandError(
                    f"{item.name}: no case type {item.case_type!r} "
                    f"(known: {', '.join(sorted(schemas))})."
                )
            report.documents.append(evaluate_item(item, schema, run_engine_isolated))
        if options["json"]:
            self.stdout.write(json.dumps(report.as_dict(), indent=2, default=str))
        else:
            self.stdout.write(format_report(report))

    @staticmethod
    def _schemas(workspace_slug: str | None) -> dict[str, Schema]:
        if workspace_slug:
            workspace = Workspace.objects.filter(slug=workspace_slug).first()
            if workspace is None:
                raise CommandError(f"No workspace {workspace_slug!r}.")
            case_types = CaseType.objects.filter(workspace=workspace)
        else:
            case_types = []
            for path in sorted(DEMO_CASE_TYPE_DIR.glob("*.yaml")):
                definition = case_type_definition_load(path)
                case_types.append(
                    CaseType(
                        slug=definition["slug"],
                        keywords=definition.get("keywords", []),
                        field_schema=validate_field_schema(definition["fields"]),
                    )
                )
        return {case_type.slug: engine_schema_from_case_type(case_type) for case_type in case_types}
