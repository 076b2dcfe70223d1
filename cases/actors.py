"""Who did something: a signed-in user, an integrator's API key, or the system (the pipeline).

Every service that changes state takes an `Actor`, so the audit trail and webhooks can say who
acted whatever the entry point (browser, API, admin, command, worker).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cases.models import ApiKey, User


@dataclass(frozen=True)
class Actor:
    user: User | None = None
    api_key: ApiKey | None = None

    @property
    def label(self) -> str:
        if self.user is not None:
            return self.user.get_username()
        if self.api_key is not None:
            return f"API key {self.api_key.name} ({self.api_key.prefix}…)"
        return "system"

    @property
    def source(self) -> str:
        if self.user is not None:
            return "ui"
        if self.api_key is not None:
            return "api"
        return "pipeline"

    def audit_fields(self) -> dict:
        return {"actor_user": self.user, "actor_api_key": self.api_key, "actor_label": self.label}


SYSTEM = Actor()
