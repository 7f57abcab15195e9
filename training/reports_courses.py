"""The coverage page's figures about the courses themselves: spend this financial year against the
budget, attendance and evaluation scores.

Spend and evaluation scores are for the whole service only (the training coordinator and service
managers); attendance counts the bookings of the people the viewer may see. A query or two each.
"""

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Avg, Count, Q, Sum
from django.urls import reverse

from training import access
from training.matrix import Column
from training.matrix_cells import Status, day_start
from training.models import Attendance, BookingStatus, Budget, financial_year_bounds, financial_year_of
from training.reports_figures import matrix_url, percent


@dataclass
class SpendFigures:
    year: int
    starts: date
    ends: date
    budget: Decimal | None
    spent: Decimal
    trained_people: int
    people_url: str
    spend_url: str | None

    @property
    def remaining(self) -> Decimal | None:
        return None if self.budget is None else self.budget - self.spent

    @property
    def overspent(self) -> bool:
        return self.remaining is not None and self.remaining < 0

    @property
    def overspend(self) -> Decimal:
        return -self.remaining if self.overspent else Decimal(0)

    @property
    def share_used(self) -> int | None:
        return None if not self.budget else percent(int(self.spent * 100), int(self.budget * 100))

    @property
    def cost_per_person(self) -> Decimal | None:
        if not self.trained_people:
            return None
        return (self.spent / self.trained_people).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def spend_figures(user, trained: int, today: date) -> SpendFigures:
    """`trained`: the people with a completion this financial year (as the matrix's filter counts them)."""
    year = financial_year_of(today)
    starts, ends = financial_year_bounds(year)
    spent = access.spend_for(user).filter(spent_on__range=(starts, ends)).aggregate(total=Sum("amount"))["total"]
    budget = Budget.objects.filter(year=year).values_list("amount", flat=True).first()
    return SpendFigures(
        year,
        starts,
        ends,
        budget,
        spent or Decimal(0),
        trained,
        matrix_url(status=Status.COMPLETED_THIS_YEAR),
        reverse("training:spend") if access.can_manage(user) else None,
    )


@dataclass
class AttendanceRow:
    programme_id: int
    programme: str
    booked: int
    attended: int
    partly: int
    absent: int
    unmarked: int

    @property
    def attendance_rate(self) -> int | None:
        return percent(self.attended + self.partly, self.booked)

    @property
    def no_show_rate(self) -> int | None:
        return percent(self.absent, self.booked)

    @property
    def url(self) -> str:
        return matrix_url(programme_id=self.programme_id)


def attendance_rows(user, today: date, columns: list[Column]) -> list[AttendanceRow]:
    """Booked places on dates from the start of this financial year to yesterday, by programme: one query,
    counted by course (the names come with `columns`, so the query joins only the dates)."""
    starts, _ends = financial_year_bounds(financial_year_of(today))
    counts = (
        access.bookings_for(user)
        .filter(
            status=BookingStatus.BOOKED,
            course_date__is_cancelled=False,
            course_date__starts_at__gte=day_start(starts),
            course_date__starts_at__lt=day_start(today),
            course_date__course_id__in=[column.pk for column in columns],
        )
        .order_by()
        .values_list("course_date__course_id")
        .annotate(
            booked=Count("pk"),
            attended=Count("pk", filter=Q(attendance=Attendance.ATTENDED)),
            partly=Count("pk", filter=Q(attendance=Attendance.PARTLY)),
            absent=Count("pk", filter=Q(attendance=Attendance.ABSENT)),
            unmarked=Count("pk", filter=Q(attendance="")),
        )
    )
    by_course = {course_id: figures for course_id, *figures in counts}
    programmes: dict[int, AttendanceRow] = {}
    for column in columns:  # in programme order
        figures = by_course.get(column.pk)
        if figures is None:
            continue
        row = programmes.setdefault(
            column.programme_id, AttendanceRow(column.programme_id, column.programme_name, 0, 0, 0, 0, 0)
        )
        row.booked += figures[0]
        row.attended += figures[1]
        row.partly += figures[2]
        row.absent += figures[3]
        row.unmarked += figures[4]
    return list(programmes.values())


@dataclass
class EvaluationRow:
    course_id: int
    title: str
    programme: str
    count: int
    average: float

    @property
    def url(self) -> str:
        return reverse("training:course-evaluations", args=[self.course_id])


def evaluation_rows(user, columns: list[Column]) -> list[EvaluationRow]:
    """Each course's evaluations: one query, counted by course, in programme order."""
    figures = dict(
        (course_id, (count, average))
        for course_id, count, average in access.evaluations_for(user)
        .filter(booking__course_date__course_id__in=[column.pk for column in columns])
        .order_by()
        .values_list("booking__course_date__course_id")
        .annotate(count=Count("pk"), average=Avg("rating"))
    )
    return [
        EvaluationRow(column.pk, column.title, column.programme_name, *figures[column.pk])
        for column in columns
        if column.pk in figures
    ]
