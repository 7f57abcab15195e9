"""Close the accounts of people whose leaving date has come.

Meant for a daily scheduler, early in the morning. Safe to run more than once: an account is closed,
and the closing recorded in the audit trail, only once. (Sign-in refuses a leaver from their leaving
date whether or not this has run yet.)
"""

from django.core.management.base import BaseCommand
from django.utils import timezone

from portal.management.arguments import iso_date
from portal.people.leavers import close_leavers_accounts


class Command(BaseCommand):
    help = "Close the accounts of people whose leaving date has come, and record each in the audit trail."

    def add_arguments(self, parser):
        parser.add_argument("--date", type=iso_date, help="Act as if today were this date (YYYY-MM-DD).")

    def handle(self, *args, **options):
        today = options["date"] or timezone.localdate()
        closed = close_leavers_accounts(today)
        for person in closed:
            self.stdout.write(f"Closed the account of {person.email} (left on {person.leaving_date:%-d %B %Y}).")
        count = len(closed)
        self.stdout.write(f"Closed {count} {'account' if count == 1 else 'accounts'}.")
