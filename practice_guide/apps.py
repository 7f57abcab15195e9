from django.apps import AppConfig


class PracticeGuideConfig(AppConfig):
    name = "practice_guide"
    verbose_name = "Guide for families"

    def ready(self):
        from portal.features import register
        from practice_guide import checks  # noqa: F401 - registers the deployment check
        from practice_guide.feature import FEATURE

        # Its pages, public home-page section, staff-home tile, header link, sitemap, role permissions and
        # demo content (portal.features).
        register(FEATURE)
