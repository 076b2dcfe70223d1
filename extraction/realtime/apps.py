from django.apps import AppConfig


class RealtimeConfig(AppConfig):
    """Its own app (label `realtime`) so that its migrations never collide with `extraction`'s."""

    name = "extraction.realtime"
    label = "realtime"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from extraction.realtime import recording

        recording.connect_signals()
