from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "cases"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Connects the receivers that clear the API key cache when a key or workspace changes.
        from cases.apikit import keycache  # noqa: F401
