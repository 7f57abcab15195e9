"""Retention: supervision records are deleted once they are more than SUPERVISION_RETENTION_YEARS old.

A record's age runs from its date: a session's or group session's `held_on`, an ended agreement's
`ended_on` (agreements still in force are never old), unlinked preparation notes' `created_at`, and
an ASYE critical reflection's `written_on`.
A session goes with its case discussions, actions, addenda and the preparation notes linked to it.

Each deletion leaves an audit entry naming the record by type and id. Audit entries hold no content,
so they are kept a year longer than the records, then deleted too.
"""

import logging
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from supervision.models import (
    Agreement,
    AuditAction,
    AuditEntry,
    CriticalReflection,
    GroupSession,
    Preparation,
    RecordType,
    Session,
    add_months,
)

logger = logging.getLogger(__name__)

ACTOR_NAME = "Retention schedule"
AUDIT_EXTRA_YEARS = 1


@dataclass(frozen=True)
class ExpiredRecord:
    record_type: RecordType
    pk: int
    dated: date
    person: str

    @property
    def label(self) -> str:
        return RecordType(self.record_type).label


@dataclass
class Expired:
    """What is past retention on a given day."""

    years: int
    cutoff: date
    audit_cutoff: date
    records: list[ExpiredRecord]
    audit_entries: int

    def count(self, record_type: RecordType) -> int:
        return sum(1 for record in self.records if record.record_type == record_type)

    def pks(self, record_type: RecordType) -> list[int]:
        return [record.pk for record in self.records if record.record_type == record_type]


def years_before(today: date, years: int) -> date:
    """The same day `years` earlier (29 February becomes 28 February)."""
    return add_months(today, -12 * years)


def retention_years() -> int:
    years = settings.SUPERVISION_RETENTION_YEARS
    if years < 1:
        # Zero would make every record before today "past retention".
        raise ValueError(f"SUPERVISION_RETENTION_YEARS must be 1 or more, not {years}.")
    return years


def expired_records(today: date, years: int | None = None) -> Expired:
    """Records dated more than `years` before `today`, oldest first in each type. Six queries."""
    years = retention_years() if years is None else years
    cutoff = years_before(today, years)
    audit_cutoff = years_before(today, years + AUDIT_EXTRA_YEARS)

    sessions = Session.objects.filter(held_on__lt=cutoff).select_related("supervisee").order_by("held_on", "pk")
    preparations = Preparation.objects.filter(
        Q(session__held_on__lt=cutoff) | Q(session__isnull=True, created_at__date__lt=cutoff)
    ).select_related("author", "session")
    agreements = Agreement.objects.filter(ended_on__lt=cutoff).select_related("supervisee").order_by("ended_on", "pk")
    group_sessions = (
        GroupSession.objects.filter(held_on__lt=cutoff).select_related("facilitator").order_by("held_on", "pk")
    )
    reflections = (
        CriticalReflection.objects.filter(written_on__lt=cutoff).select_related("author").order_by("written_on", "pk")
    )
    records = [
        *(ExpiredRecord(RecordType.SESSION, s.pk, s.held_on, str(s.supervisee)) for s in sessions),
        *sorted(
            (
                ExpiredRecord(
                    RecordType.PREPARATION,
                    p.pk,
                    p.session.held_on if p.session else timezone.localdate(p.created_at),
                    str(p.author),
                )
                for p in preparations
            ),
            key=lambda record: (record.dated, record.pk),
        ),
        *(ExpiredRecord(RecordType.AGREEMENT, a.pk, a.ended_on, str(a.supervisee)) for a in agreements),
        *(ExpiredRecord(RecordType.GROUP_SESSION, g.pk, g.held_on, str(g.facilitator)) for g in group_sessions),
        *(ExpiredRecord(RecordType.CRITICAL_REFLECTION, r.pk, r.written_on, str(r.author)) for r in reflections),
    ]
    audit_entries = AuditEntry.objects.filter(at__date__lt=audit_cutoff).count()
    return Expired(years, cutoff, audit_cutoff, records, audit_entries)


@transaction.atomic
def delete_expired(today: date, years: int | None = None) -> Expired:
    """Delete everything past retention, in one transaction, with an audit entry for each record."""
    expired = expired_records(today, years)
    # Linked preparation notes first: deleting their session would only unlink them.
    Preparation.objects.filter(pk__in=expired.pks(RecordType.PREPARATION)).delete()
    Session.objects.filter(pk__in=expired.pks(RecordType.SESSION)).delete()
    Agreement.objects.filter(pk__in=expired.pks(RecordType.AGREEMENT)).delete()
    GroupSession.objects.filter(pk__in=expired.pks(RecordType.GROUP_SESSION)).delete()
    CriticalReflection.objects.filter(pk__in=expired.pks(RecordType.CRITICAL_REFLECTION)).delete()
    deleted_audit, _by_model = AuditEntry.objects.filter(at__date__lt=expired.audit_cutoff).delete()
    expired.audit_entries = deleted_audit
    AuditEntry.objects.bulk_create(
        AuditEntry(
            actor=None,
            actor_name=ACTOR_NAME,
            action=AuditAction.DELETED,
            record_type=record.record_type,
            record_id=record.pk,
            detail=_detail(record, expired.years),
        )
        for record in expired.records
    )
    logger.info(
        "Retention deleted %s records dated before %s and %s audit entries dated before %s.",
        len(expired.records),
        expired.cutoff.isoformat(),
        deleted_audit,
        expired.audit_cutoff.isoformat(),
    )
    return expired


def _detail(record: ExpiredRecord, years: int) -> str:
    detail = f"Dated {record.dated:%-d %B %Y}: more than {years} years old"
    if record.record_type == RecordType.SESSION:
        detail += ", with its case discussions, actions and addenda"
    return detail
