"""Email each line manager a weekly digest of their people's training running out in the next 60 days and
required training already run out.

Meant for a weekly scheduler (it may run daily: each manager gets one digest per ISO week, and managers
with nothing to report get none). See training/expiry.py and portal/scheduled_emails.py.
"""

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from portal.management.arguments import iso_date
from portal.scheduled_emails import send_all
from training.expiry import SOON_DAYS, digest_key, expiry_digests


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    return f"{count} {singular if count == 1 else plural_form or singular + 's'}"


class Command(BaseCommand):
    help = (
        f"Email each line manager, once a week, their people's training that runs out in the next {SOON_DAYS} days "
        "and their required training that has run out."
    )

    def add_arguments(self, parser):
        parser.add_argument("--date", type=iso_date, help="Act as if today were this date (YYYY-MM-DD).")
        parser.add_argument(
            "--dry-run", action="store_true", help="List the emails that would be sent; send and record nothing."
        )

    def handle(self, *args, **options):
        today = options["date"] or timezone.localdate()
        dry_run = options["dry_run"]
        outcome = send_all(expiry_digests(today), dry_run=dry_run)
        week = digest_key(today).rsplit(":", 1)[1]
        if dry_run:
            for email in outcome.sent:
                self.stdout.write(f"Would email {email.recipient.email}: {email.subject}")
            self.stdout.write(
                f"Dry run for {today:%-d %B %Y} (week {week}): would send "
                f"{plural(len(outcome.sent), 'training expiry digest')}. Nothing was sent or recorded."
            )
            return
        self.stdout.write(f"Sent {plural(len(outcome.sent), 'training expiry digest')} for week {week}.")
        if outcome.failed:
            raise CommandError(
                f"{plural(outcome.failed, 'email')} could not be sent (see the log). "
                "They will be tried again on the next run."
            )
