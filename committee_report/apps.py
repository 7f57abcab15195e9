from django.apps import AppConfig


class CommitteeReportConfig(AppConfig):
    name = "committee_report"
    verbose_name = "Quarterly report to the safeguarding committee"

    def ready(self):
        from committee_report.feature import FEATURE
        from portal import features

        features.register(FEATURE)
