"""Email each manager and training coordinator the training uptake of their area for the month just ended.

Meant for a monthly scheduler, on the first of the month. Safe to run more than once: nobody gets the same
month's digest twice (see training/uptake_digest.py).
"""

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from portal.management.arguments import iso_date
from portal.scheduled_emails import send_all
from training.uptake_digest import digests, month_before


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    return f"{count} {singular if count == 1 else plural_form or singular + 's'}"


class Command(BaseCommand):
    help = (
        "Email each manager and training coordinator their area's training uptake for the month just ended: "
        "coverage against targets, what lapsed, who is booked and spend against budget."
    )

    def add_arguments(self, parser):
        parser.add_argument("--date", type=iso_date, help="Act as if today were this date (YYYY-MM-DD).")
        parser.add_argument(
            "--dry-run", action="store_true", help="List the emails that would be sent; send and record nothing."
        )

    def handle(self, *args, **options):
        today = options["date"] or timezone.localdate()
        dry_run = options["dry_run"]
        month = month_before(today)
        made = digests(today)
        outcome = send_all([digest.email() for digest in made], dry_run=dry_run)
        counts = f"{plural(len(outcome.sent), 'uptake digest')} for {month.label}"
        if dry_run:
            summaries = {digest.recipient.pk: digest.summary() for digest in made}
            for email in outcome.sent:
                self.stdout.write(
                    f"Would email {email.recipient.email}: {email.subject} ({', '.join(email.keys)}): "
                    f"{summaries[email.recipient.pk]}"
                )
            self.stdout.write(f"Dry run for {today:%-d %B %Y}: would send {counts}. Nothing was sent or recorded.")
            return
        self.stdout.write(f"Sent {counts}.")
        if outcome.failed:
            raise CommandError(
                f"{plural(outcome.failed, 'email')} could not be sent (see the log). "
                "They will be tried again on the next run."
            )
