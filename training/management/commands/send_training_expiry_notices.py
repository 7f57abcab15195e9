"""Email people whose training runs out within 60 days, and again within 30 days.

Meant for a daily scheduler. Safe to run more than once a day: each threshold of each completion is
emailed once (see training/expiry.py and portal/scheduled_emails.py).
"""

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from portal.management.arguments import iso_date
from portal.scheduled_emails import send_all
from training.expiry import NOTICE_DAYS, expiry_notices


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    return f"{count} {singular if count == 1 else plural_form or singular + 's'}"


class Command(BaseCommand):
    help = (
        f"Email each person whose training runs out within {' and again within '.join(map(str, NOTICE_DAYS))} days, "
        "with the next dates to renew it."
    )

    def add_arguments(self, parser):
        parser.add_argument("--date", type=iso_date, help="Act as if today were this date (YYYY-MM-DD).")
        parser.add_argument(
            "--dry-run", action="store_true", help="List the emails that would be sent; send and record nothing."
        )

    def handle(self, *args, **options):
        today = options["date"] or timezone.localdate()
        dry_run = options["dry_run"]
        outcome = send_all(expiry_notices(today), dry_run=dry_run)
        if dry_run:
            for email in outcome.sent:
                self.stdout.write(f"Would email {email.recipient.email}: {email.subject} ({', '.join(email.keys)})")
            self.stdout.write(
                f"Dry run for {today:%-d %B %Y}: would send {plural(len(outcome.sent), 'training expiry email')}. "
                "Nothing was sent or recorded."
            )
            return
        self.stdout.write(f"Sent {plural(len(outcome.sent), 'training expiry email')}.")
        if outcome.failed:
            raise CommandError(
                f"{plural(outcome.failed, 'email')} could not be sent (see the log). "
                "They will be tried again on the next run."
            )
