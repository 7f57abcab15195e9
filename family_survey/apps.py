from django.apps import AppConfig


class FamilySurveyConfig(AppConfig):
    name = "family_survey"
    verbose_name = "Families' feedback on their social worker"

    def ready(self):
        from family_survey.feature import FEATURE
        from portal.features import register

        # Its public questionnaire, staff pages and tile, role permissions and demo answers (portal.features).
        register(FEATURE)
