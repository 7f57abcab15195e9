"""The quarterly report has no data of its own: it reads supervision, training and families' feedback.

The model exists only to carry the report's permission (Django permissions belong to a model). Its table
stays empty; it is a real table rather than an unmanaged model so that generic code walking every model
(the admin's "view on site" links, backups) never meets a model without a table."""

from django.db import models


class CommitteeReport(models.Model):
    class Meta:
        default_permissions = ()
        permissions = [("view_committee_report", "Can produce the quarterly report to the safeguarding committee")]

    def __str__(self):
        return "Quarterly report to the safeguarding committee"
