from django.apps import AppConfig


class PracticeGuideConfig(AppConfig):
    name = "practice_guide"
    verbose_name = "Guide for families"

    def ready(self):
        from practice_guide import checks  # noqa: F401 - registers the deployment check
