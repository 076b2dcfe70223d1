"""`manage.py evaluate FOLDER [FOLDER ...] [--json]`: measure extraction on labelled corpora.

Runs every `NAME.pdf|png|jpg|tif` under the folders through the engine (isolated, as the worker
runs it) with the case type its `NAME.json` names, read from the shipped YAML case types (or a
workspace's with `--workspace`). A folder with sub-folders gives one source per sub-folder
(`extraction.evaluation.corpus`). Prints, per source and over all: per-field accuracy (text
compared strictly, see `extraction.evaluation.compare`), table cells, and the reliability table
(thresholds 50/60/70/80/90/95: fields released without review, their share, share right).
`--json` prints the same as JSON with every document's predicted fields (value, confidence)
beside the expected ones. Progress goes to stderr, one line per document.
"""

from __future__ import annotations

import json
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.module_loading import import_string

from cases.actors import SYSTEM
from cases.models import CaseType, Workspace
from extraction.engine.isolation import run_engine_isolated
from extraction.engine.types import Schema
from extraction.evaluation import CorpusError, CorpusItem, evaluate_items, format_report
from extraction.evaluation.corpus import load_sources
from extraction.schemas import demo_engine_schemas, engine_schema_from_case_type


class Command(BaseCommand):
    help = "Measure field accuracy and review rates on folders of labelled documents."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "corpus",
            nargs="+",
            help="Folders of documents with NAME.json truth, or parents of such folders; "
            "NAME=FOLDER names the source.",
        )
        parser.add_argument("--json", action="store_true", help="Print the report as JSON.")
        parser.add_argument(
            "--workspace",
            help="Use this workspace's case types (default: the shipped case types).",
        )
        parser.add_argument(
            "--learn",
            action="store_true",
            help="Replay the documents in order through the pipeline with layout memory, a "
            "simulated reviewer reviewing each held one to its truth (needs the database; "
            "shipped case types in a throwaway workspace). Reports first-seen and repeat "
            "layouts apart.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            items = load_sources(options["corpus"])
        except CorpusError as error:
            raise CommandError(str(error)) from None
        if not items:
            raise CommandError(
                f"{' '.join(options['corpus'])} holds no document with a NAME.json beside it."
            )
        if options["learn"]:
            self._learn(items, as_json=options["json"])
            return
        schemas = self._schemas(options.get("workspace"))
        for item in items:
            if item.case_type not in schemas:
                raise CommandError(
                    f"{item.name}: no case type {item.case_type!r} "
                    f"(known: {', '.join(sorted(schemas))})."
                )
        try:
            report = evaluate_items(items, schemas, run_engine_isolated, self._progress)
        except CorpusError as error:
            raise CommandError(str(error)) from None
        if options["json"]:
            self.stdout.write(json.dumps(report.as_dict(), indent=2, default=str))
        else:
            self.stdout.write(format_report(report))

    def _learn(self, items: list[CorpusItem], *, as_json: bool) -> None:
        """`--learn`: see `extraction.evaluation.learn`."""
        from extraction.evaluation.learn import evaluate_learning, format_learning

        reviewer = import_string(settings.LEARNING_REPLAY_REVIEWER)
        report = evaluate_learning(items, reviewer=reviewer, actor=SYSTEM, progress=self._progress)
        if as_json:
            self.stdout.write(json.dumps(report.as_dict(), indent=2, default=str))
        else:
            self.stdout.write(format_learning(report))

    def _progress(self, position: int, total: int, item: CorpusItem) -> None:
        self.stderr.write(f"[{position}/{total}] {item.source}/{item.name}", ending="\n")
        self.stderr.flush()

    @staticmethod
    def _schemas(workspace_slug: str | None) -> dict[str, Schema]:
        if not workspace_slug:
            return demo_engine_schemas()
        workspace = Workspace.objects.filter(slug=workspace_slug).first()
        if workspace is None:
            raise CommandError(f"No workspace {workspace_slug!r}.")
        return {
            case_type.slug: engine_schema_from_case_type(case_type)
            for case_type in CaseType.objects.filter(workspace=workspace)
        }
