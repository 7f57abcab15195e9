"""Email supervisors and supervisees about supervision due soon and actions past their due date.

Meant for a daily scheduler. Safe to run more than once a day: nobody hears about the same
thing twice (see supervision/reminders.py).
"""

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from portal.management.arguments import iso_date
from supervision.reminders import DAYS_AHEAD, send_reminders


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    return f"{count} {singular if count == 1 else plural_form or singular + 's'}"


class Command(BaseCommand):
    help = f"Email reminders about supervision due in the next {DAYS_AHEAD} days and actions past their due date."

    def add_arguments(self, parser):
        parser.add_argument("--date", type=iso_date, help="Act as if today were this date (YYYY-MM-DD).")
        parser.add_argument(
            "--dry-run", action="store_true", help="List the emails that would be sent; send and record nothing."
        )

    def handle(self, *args, **options):
        today = options["date"] or timezone.localdate()
        dry_run = options["dry_run"]
        reminders, summary = send_reminders(today, dry_run=dry_run)
        if dry_run:
            for reminder in reminders:
                self.stdout.write(
                    f"Would email {reminder.recipient.email}: {reminder.subject} ({', '.join(reminder.keys)})"
                )
        counts = (
            f"{plural(summary.emails, 'reminder email')}: {plural(summary.sessions, 'session')} due, "
            f"{plural(summary.actions, 'overdue action')}"
        )
        if dry_run:
            self.stdout.write(f"Dry run for {today:%-d %B %Y}: would send {counts}. Nothing was sent or recorded.")
            return
        self.stdout.write(f"Sent {counts}.")
        if summary.failed:
            raise CommandError(
                f"{plural(summary.failed, 'email')} could not be sent (see the log). "
                "They will be tried again on the next run."
            )
