"""Email each line manager a weekly digest of their people's training running out in the next 60 days and
required training already run out.

Meant for a weekly scheduler (it may run daily: each manager gets one digest per ISO week, and managers
with nothing to report get none). See training/expiry.py and portal/scheduled_emails.py.
"""

from portal.management.scheduled_email_command import ScheduledEmailCommand, plural
from training.expiry import SOON_DAYS, digest_key, expiry_digests


def _week(today) -> str:
    return digest_key(today).rsplit(":", 1)[1]


class Command(ScheduledEmailCommand):
    help = (
        f"Email each line manager, once a week, their people's training that runs out in the next {SOON_DAYS} days "
        "and their required training that has run out."
    )

    def emails(self, today):
        return expiry_digests(today)

    def counts(self, sent, today):
        return plural(sent, "training expiry digest")

    def listed(self, email):
        return email.subject

    def day(self, today):
        return f"{super().day(today)} (week {_week(today)})"

    def sent_summary(self, sent, today):
        return f"Sent {self.counts(sent, today)} for week {_week(today)}."
