"""Email supervisors and supervisees about supervision due soon and actions past their due date.

Meant for a daily scheduler. Safe to run more than once a day: nobody hears about the same
thing twice (see supervision/reminders.py).
"""

from portal.management.scheduled_email_command import ScheduledEmailCommand, plural
from portal.scheduled_emails import Outcome
from supervision.reminders import DAYS_AHEAD, send_reminders


class Command(ScheduledEmailCommand):
    help = f"Email reminders about supervision due in the next {DAYS_AHEAD} days and actions past their due date."

    def send(self, today, *, dry_run):
        # Reminders are sent their own way (supervision/reminders.py), which counts sessions and actions too.
        reminders, self.summary = send_reminders(today, dry_run=dry_run)
        return Outcome(reminders, self.summary.failed)

    def counts(self, sent, today):
        return (
            f"{plural(self.summary.emails, 'reminder email')}: {plural(self.summary.sessions, 'session')} due, "
            f"{plural(self.summary.actions, 'overdue action')}"
        )
