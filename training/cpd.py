"""A person's CPD record for one financial year: hours from courses, group reflective sessions, external
learning and the practice handbook pages they confirmed reading, with the reflections they wrote.

Five queries, whatever the size of the record. What a viewer reads is scoped by `training.access`
(course evaluations, for example, are the person's own and the coordinator's, not their manager's).
Group reflective sessions give only their date, theme and length: never the group's learning points.
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.utils import timezone

from handbook.models import ReadConfirmation
from supervision.models import GroupSession
from training import access
from training.models import DateKind, Decision, financial_year_bounds, financial_year_of

COURSE = "Course"
GROUP_SESSION = "Group reflective session"
EXTERNAL = "External learning"
HANDBOOK_READING = "Handbook reading"
# Practice development sessions count as courses, and say what they were in the detail.
PRACTICE_DEVELOPMENT = DateKind.PRACTICE_DEVELOPMENT.label
SOURCES = (COURSE, GROUP_SESSION, EXTERNAL, HANDBOOK_READING)
# How many past years one may choose, besides this one.
PAST_YEARS = 6


def year_label(year: int) -> str:
    return f"April {year} to March {year + 1}"


def year_choices(today: date) -> list[int]:
    this_year = financial_year_of(today)
    return list(range(this_year, this_year - PAST_YEARS - 1, -1))


@dataclass
class CpdItem:
    day: date
    title: str
    source: str
    detail: str
    hours: Decimal
    reflection: str = ""
    waiting: bool = False  # external learning waiting for the manager's approval: listed, not counted
    booking_id: int | None = None
    learning_id: int | None = None

    @property
    def counted(self) -> bool:
        return not self.waiting


@dataclass
class SourceTotal:
    source: str
    hours: Decimal
    items: int


@dataclass
class CpdRecord:
    person: object
    year: int
    starts: date
    ends: date
    items: list = field(default_factory=list)

    @property
    def label(self) -> str:
        return year_label(self.year)

    @property
    def counted(self) -> list[CpdItem]:
        return [item for item in self.items if item.counted]

    @property
    def waiting(self) -> list[CpdItem]:
        return [item for item in self.items if item.waiting]

    @property
    def totals(self) -> list[SourceTotal]:
        return [
            SourceTotal(
                source,
                sum((item.hours for item in self.counted if item.source == source), Decimal("0")),
                sum(1 for item in self.counted if item.source == source),
            )
            for source in SOURCES
        ]

    @property
    def total_hours(self) -> Decimal:
        return sum((item.hours for item in self.counted), Decimal("0"))


def _evaluation_text(evaluation) -> str:
    parts = []
    if evaluation.was_useful:
        parts.append(f"What was useful: {evaluation.was_useful}")
    if evaluation.will_use:
        parts.append(f"How I will use it: {evaluation.will_use}")
    return "\n".join(parts)


def cpd_record(viewer, person, year: int) -> CpdRecord:
    """`person`'s CPD in financial year `year`, as `viewer` may see it. `person` must come from
    `access.people_for(viewer)`."""
    starts, ends = financial_year_bounds(year)
    record = CpdRecord(person, year, starts, ends)

    bookings = list(
        access.bookings_for(viewer)
        .filter(person=person, completed_on__range=(starts, ends))
        .select_related("course_date__course")
        .only(
            "pk",
            "completed_on",
            "hours_attended",
            "course_date__kind",
            "course_date__course__title",
            "course_date__course__provider",
            "course_date__course__hours",
        )
    )
    evaluations = {
        evaluation.booking_id: evaluation
        for evaluation in access.evaluations_for(viewer).filter(booking__in=[booking.pk for booking in bookings])
    }
    for booking in bookings:
        course = booking.course_date.course
        evaluation = evaluations.get(booking.pk)
        record.items.append(
            CpdItem(
                day=booking.completed_on,
                title=course.title,
                source=COURSE,
                detail=(
                    f"{PRACTICE_DEVELOPMENT}, {course.provider}"
                    if booking.course_date.kind == DateKind.PRACTICE_DEVELOPMENT
                    else course.provider
                ),
                hours=booking.hours_attended if booking.hours_attended is not None else course.hours,
                reflection=_evaluation_text(evaluation) if evaluation else "",
                booking_id=booking.pk,
            )
        )

    # Never the learning points: those are the group's, not the person's.
    sessions = GroupSession.objects.filter(attendees=person, held_on__range=(starts, ends)).only(
        "pk", "held_on", "theme", "hours"
    )
    for session in sessions:
        record.items.append(
            CpdItem(day=session.held_on, title=session.theme, source=GROUP_SESSION, detail="", hours=session.hours)
        )

    learning = access.external_learning_for(viewer).filter(
        person=person, completed_on__range=(starts, ends), status__in=[Decision.APPROVED, Decision.SUBMITTED]
    )
    for entry in learning:
        record.items.append(
            CpdItem(
                day=entry.completed_on,
                title=entry.title,
                source=EXTERNAL,
                detail=", ".join(part for part in (entry.get_kind_display(), entry.source) if part),
                hours=entry.hours,
                reflection=entry.reflection,
                waiting=entry.status == Decision.SUBMITTED,
                learning_id=entry.pk,
            )
        )
    # Reading the practice handbook: each page once a year, at the reading time of the last version they
    # confirmed that year, so a page re-read after small changes does not add up again. Only titles and times.
    confirmations = (
        ReadConfirmation.objects.filter(person=person, confirmed_at__date__range=(starts, ends))
        .select_related("revision")
        .order_by("page_id", "-confirmed_at")
        .distinct("page_id")
        .only("page_id", "confirmed_at", "minutes", "revision__title", "revision__number")
    )
    for confirmation in confirmations:
        record.items.append(
            CpdItem(
                day=timezone.localdate(confirmation.confirmed_at),
                title=confirmation.revision.title,
                source=HANDBOOK_READING,
                detail=f"Practice handbook, version {confirmation.revision.number}",
                hours=(Decimal(confirmation.minutes) / 60).quantize(Decimal("0.01")),
            )
        )
    record.items.sort(key=lambda item: (item.day, item.source, item.title))
    return record
