from django.apps import AppConfig


class HandbookConfig(AppConfig):
    name = "handbook"
    verbose_name = "Practice handbook"

    def ready(self):
        from handbook.feature import FEATURE
        from portal.features import register

        # Its pages, staff-home tiles, header link, role permissions and demo pages (portal.features).
        register(FEATURE)
