from django.apps import AppConfig


class LearningConfig(AppConfig):
    name = "extraction.learning"
    label = "learning"
    verbose_name = "Learning from reviewers"
    default_auto_field = "django.db.models.BigAutoField"
