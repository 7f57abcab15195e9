"""List the supervision records past the retention period and, with --delete, delete them.

The period is SUPERVISION_RETENTION_YEARS (see supervision/retention.py for what counts).
Without --delete nothing changes, so a listing is always safe to run.
"""

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from portal.management.arguments import iso_date
from supervision.models import RecordType
from supervision.retention import AUDIT_EXTRA_YEARS, delete_expired, expired_records, retention_years

PLURALS = {
    RecordType.SESSION: ("supervision session", "supervision sessions"),
    RecordType.PREPARATION: ("set of preparation notes", "sets of preparation notes"),
    RecordType.AGREEMENT: ("supervision agreement", "supervision agreements"),
    RecordType.GROUP_SESSION: ("group session", "group sessions"),
    RecordType.CRITICAL_REFLECTION: ("ASYE critical reflection", "ASYE critical reflections"),
}


def counted(count: int, singular: str, plural: str) -> str:
    return f"{count} {singular if count == 1 else plural}"


class Command(BaseCommand):
    help = "List supervision records past the retention period; with --delete, delete them."

    def add_arguments(self, parser):
        parser.add_argument("--date", type=iso_date, help="Act as if today were this date (YYYY-MM-DD).")
        parser.add_argument(
            "--delete",
            action="store_true",
            help="Delete the records listed, in one transaction, with an audit entry for each.",
        )

    def handle(self, *args, **options):
        today = options["date"] or timezone.localdate()
        if options["delete"] and today > timezone.localdate():
            # A date in the future would delete records that are not yet past the period.
            raise CommandError("--delete cannot be used with a --date after today.")
        try:
            years = retention_years()
        except ValueError as error:
            raise CommandError(str(error)) from error

        expired = delete_expired(today, years) if options["delete"] else expired_records(today, years)

        self.stdout.write(
            f"Retention period: {years} years. Records dated before {expired.cutoff:%-d %B %Y} are past it, "
            f"and audit entries, kept {AUDIT_EXTRA_YEARS} year longer, dated before {expired.audit_cutoff:%-d %B %Y}."
        )
        for record in expired.records:
            self.stdout.write(f"{record.label:<22} {record.pk:>8}  {record.dated:%Y-%m-%d}  {record.person}")

        counts = (
            ", ".join(counted(expired.count(record_type), *names) for record_type, names in PLURALS.items())
            + f" and {counted(expired.audit_entries, 'audit entry', 'audit entries')}"
        )
        if options["delete"]:
            self.stdout.write(f"Deleted {counts}. Each deleted record has an entry in the audit trail.")
        else:
            self.stdout.write(f"Past retention: {counts}. Nothing was deleted: run again with --delete to delete them.")
