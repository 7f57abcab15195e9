"""Delete portal-wide audit events older than the retention period (PORTAL_AUDIT_RETENTION_YEARS).

Run it daily or monthly from the scheduler. With --dry-run it only counts what it would delete.
"""

from datetime import datetime, time

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from portal.dates import add_months
from portal.models import AuditEvent


def cutoff(today) -> datetime:
    """The start of the day the retention period began: events before it are deleted."""
    first_kept = add_months(today, -12 * settings.PORTAL_AUDIT_RETENTION_YEARS)
    return timezone.make_aware(datetime.combine(first_kept, time.min))


def prune(today) -> int:
    deleted, _by_model = AuditEvent.objects.filter(at__lt=cutoff(today)).delete()
    return deleted


class Command(BaseCommand):
    help = "Delete audit-trail events older than PORTAL_AUDIT_RETENTION_YEARS years."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Only count the events that would be deleted.")

    def handle(self, *args, dry_run=False, **options):
        today = timezone.localdate()
        years = settings.PORTAL_AUDIT_RETENTION_YEARS
        if dry_run:
            count = AuditEvent.objects.filter(at__lt=cutoff(today)).count()
            events = f"{count} audit event{'' if count == 1 else 's'}"
            self.stdout.write(f"{events} older than {years} years would be deleted.")
            return
        count = prune(today)
        self.stdout.write(f"Deleted {count} audit event{'' if count == 1 else 's'} older than {years} years.")
