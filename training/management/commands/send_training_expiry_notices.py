"""Email people whose training runs out within 60 days, and again within 30 days.

Meant for a daily scheduler. Safe to run more than once a day: each threshold of each completion is
emailed once (see training/expiry.py and portal/scheduled_emails.py).
"""

from portal.management.scheduled_email_command import ScheduledEmailCommand, plural
from training.expiry import NOTICE_DAYS, expiry_notices


class Command(ScheduledEmailCommand):
    help = (
        f"Email each person whose training runs out within {' and again within '.join(map(str, NOTICE_DAYS))} days, "
        "with the next dates to renew it."
    )

    def emails(self, today):
        return expiry_notices(today)

    def counts(self, sent, today):
        return plural(sent, "training expiry email")
