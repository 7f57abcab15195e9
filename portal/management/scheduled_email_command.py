"""The shape of a management command a scheduler runs to send one kind of email (see portal/scheduled_emails.py).

`--date` acts as if today were another day; `--dry-run` lists the emails that would be sent and sends and
records nothing. A run ends with a line saying how many were sent, and fails (so the scheduler shows it)
when some could not be sent; those are tried again on the next run.
"""

from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from portal.management.arguments import iso_date
from portal.scheduled_emails import Outcome, OutgoingEmail, send_all


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    return f"{count} {singular if count == 1 else plural_form or singular + 's'}"


class ScheduledEmailCommand(BaseCommand):
    """A command gives `emails(today)`, the emails due, and `counts(sent, today)`, how many in words
    ("3 training expiry emails"). It may change how a dry run lists each email (`listed`), names the day
    (`day`) and how a real run sums up (`sent_summary`), or send its emails its own way (`send`)."""

    def emails(self, today: date) -> list[OutgoingEmail]:
        raise NotImplementedError

    def send(self, today: date, *, dry_run: bool) -> Outcome:
        """Send today's emails (on a dry run, only list them): each has a recipient, subject and keys."""
        return send_all(self.emails(today), dry_run=dry_run)

    def counts(self, sent: int, today: date) -> str:
        raise NotImplementedError

    def listed(self, email: OutgoingEmail) -> str:
        return f"{email.subject} ({', '.join(email.keys)})"

    def day(self, today: date) -> str:
        return f"{today:%-d %B %Y}"

    def sent_summary(self, sent: int, today: date) -> str:
        return f"Sent {self.counts(sent, today)}."

    def add_arguments(self, parser):
        parser.add_argument("--date", type=iso_date, help="Act as if today were this date (YYYY-MM-DD).")
        parser.add_argument(
            "--dry-run", action="store_true", help="List the emails that would be sent; send and record nothing."
        )

    def handle(self, *args, **options):
        today = options["date"] or timezone.localdate()
        dry_run = options["dry_run"]
        outcome = self.send(today, dry_run=dry_run)
        if dry_run:
            for email in outcome.sent:
                self.stdout.write(f"Would email {email.recipient.email}: {self.listed(email)}")
            self.stdout.write(
                f"Dry run for {self.day(today)}: would send {self.counts(len(outcome.sent), today)}. "
                "Nothing was sent or recorded."
            )
            return
        self.stdout.write(self.sent_summary(len(outcome.sent), today))
        if outcome.failed:
            raise CommandError(
                f"{plural(outcome.failed, 'email')} could not be sent (see the log). "
                "They will be tried again on the next run."
            )
