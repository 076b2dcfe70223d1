"""`manage.py createapikey --workspace W`: print a new API key (the workspace is created if new)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from cases import services


class Command(BaseCommand):
    help = "Create an API key for a workspace (created if it does not exist) and print it once."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--workspace", required=True, help="Workspace slug.")
        parser.add_argument(
            "--name", default="Command-line key", help="A name to recognise the key by."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        workspace, created = services.workspace_get_or_create(slug=options["workspace"])
        if created:
            self.stderr.write(f"Created workspace {workspace.slug}.")
        _, raw_key = services.api_key_create(workspace=workspace, name=options["name"])
        self.stdout.write(raw_key)
