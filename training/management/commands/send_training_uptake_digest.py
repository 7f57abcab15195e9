"""Email each manager and training coordinator the training uptake of their area for the month just ended.

Meant for a monthly scheduler, on the first of the month. Safe to run more than once: nobody gets the same
month's digest twice (see training/uptake_digest.py).
"""

from portal.management.scheduled_email_command import ScheduledEmailCommand, plural
from training.uptake_digest import digests, month_before


class Command(ScheduledEmailCommand):
    help = (
        "Email each manager and training coordinator their area's training uptake for the month just ended: "
        "coverage against targets, what lapsed, who is booked and spend against budget."
    )

    def emails(self, today):
        made = digests(today)
        self.digests = {digest.recipient.pk: digest for digest in made}  # a dry run lists each one's figures
        return [digest.email() for digest in made]

    def counts(self, sent, today):
        return f"{plural(sent, 'uptake digest')} for {month_before(today).label}"

    def listed(self, email):
        return f"{super().listed(email)}: {self.digests[email.recipient.pk].summary()}"
