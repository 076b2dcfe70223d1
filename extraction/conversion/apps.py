from django.apps import AppConfig


class ConversionConfig(AppConfig):
    """PDF-to-Office conversion jobs (seed 004), a part of extraction with its own tables."""

    name = "extraction.conversion"
    label = "conversion"
    verbose_name = "Conversion"
    default_auto_field = "django.db.models.BigAutoField"
