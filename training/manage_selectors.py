"""Reads for the training coordinator's pages and the managers' approvals, each a fixed number of queries.

Every read starts from a scoping function in `training.access`.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal

from django.db.models import Avg, Count, Prefetch, Q, QuerySet, Sum

from portal.models import Team
from training import access
from training.models import (
    HOLDS_A_PLACE,
    Booking,
    BookingStatus,
    Budget,
    Course,
    CourseDate,
    CoverageTarget,
    Decision,
    Programme,
    Spend,
    financial_year_bounds,
    financial_year_of,
)

# Dates that ran this recently are listed for their registers.
RECENT_DAYS = 90


def programmes_with_courses(user) -> list[Programme]:
    """Every programme with the courses `user` may see (the coordinator: offered or not), in order."""
    courses = access.courses_for(user).order_by("position", "title")
    return list(Programme.objects.prefetch_related(Prefetch("courses", queryset=courses, to_attr="listed_courses")))


def _with_place_counts(dates: QuerySet[CourseDate]) -> QuerySet[CourseDate]:
    return dates.select_related("course__programme").annotate(
        taken=Count("bookings", filter=Q(bookings__status__in=HOLDS_A_PLACE)),
        waiting=Count("bookings", filter=Q(bookings__status=BookingStatus.WAITING)),
        pending=Count("bookings", filter=Q(bookings__status=BookingStatus.PENDING)),
    )


def upcoming_dates(user, now: datetime) -> QuerySet[CourseDate]:
    """Dates not yet started, soonest first, with places taken, requests and the waiting list counted."""
    return _with_place_counts(access.course_dates_for(user).filter(starts_at__gt=now)).order_by("starts_at", "pk")


def recent_dates(user, now: datetime) -> QuerySet[CourseDate]:
    """Dates that have started in the last few weeks, latest first, with how many places are still unmarked."""
    return (
        access.course_dates_for(user)
        .filter(starts_at__lte=now, starts_at__gte=now - timedelta(days=RECENT_DAYS), is_cancelled=False)
        .select_related("course__programme")
        .annotate(
            booked=Count("bookings", filter=Q(bookings__status=BookingStatus.BOOKED)),
            unmarked=Count("bookings", filter=Q(bookings__status=BookingStatus.BOOKED, bookings__attendance="")),
        )
        .order_by("-starts_at", "-pk")
    )


def course_date_with_counts(user, pk: int) -> CourseDate:
    """One date `user` may see, with its counts; raises DoesNotExist otherwise."""
    return _with_place_counts(access.course_dates_for(user)).get(pk=pk)


@dataclass
class DatePeople:
    booked: list = field(default_factory=list)
    pending: list = field(default_factory=list)
    waiting: list = field(default_factory=list)
    ended: list = field(default_factory=list)


def people_on_date(user, course_date: CourseDate) -> DatePeople:
    """Who is booked, waiting for approval, on the waiting list (in turn) or no longer coming, in one query."""
    people = DatePeople()
    bookings = (
        access.bookings_for(user)
        .filter(course_date=course_date)
        .select_related("person__team", "approved_by")
        .order_by("requested_at", "pk")
    )
    by_status = {
        BookingStatus.BOOKED: people.booked,
        BookingStatus.PENDING: people.pending,
        BookingStatus.WAITING: people.waiting,
    }
    for booking in bookings:
        by_status.get(booking.status, people.ended).append(booking)
    people.booked.sort(key=lambda booking: booking.person.full_name.lower())
    return people


def booked_for_register(user, course_date: CourseDate) -> list[Booking]:
    return list(
        access.bookings_for(user)
        .filter(course_date=course_date, status=BookingStatus.BOOKED)
        .select_related("person")
        .order_by("person__full_name", "pk")
    )


def teams_for(user) -> QuerySet[Team]:
    """Teams with someone in them `user` may book: for the coordinator, every team in the service."""
    return Team.objects.filter(members__in=access.people_for(user)).distinct().order_by("name")


def people_to_book(user, team: Team, role=None) -> list:
    people = access.people_for(user).filter(team=team)
    if role is not None:
        people = people.filter(groups=role)
    return list(people.distinct().order_by("full_name", "pk"))


# --- Spend --------------------------------------------------------------------------------


@dataclass
class SpendYear:
    year: int
    starts: date
    ends: date
    budget: Budget | None
    total: Decimal
    entries: QuerySet[Spend]

    @property
    def remaining(self) -> Decimal | None:
        return None if self.budget is None else self.budget.amount - self.total

    @property
    def overspent(self) -> bool:
        return self.remaining is not None and self.remaining < 0

    @property
    def overspend(self) -> Decimal | None:
        return -self.remaining if self.overspent else None


def spend_years(today: date) -> list[int]:
    """Years one may choose: any with a budget or spend, and the years either side of this one."""
    this_year = financial_year_of(today)
    years = {this_year - 1, this_year, this_year + 1}
    years.update(Budget.objects.values_list("year", flat=True))
    return sorted(years, reverse=True)


def spend_in_year(user, year: int) -> SpendYear:
    starts, ends = financial_year_bounds(year)
    entries = (
        access.spend_for(user)
        .filter(spent_on__range=(starts, ends))
        .select_related("course", "recorded_by")
        .order_by("-spent_on", "-pk")
    )
    total = entries.aggregate(total=Sum("amount"))["total"] or Decimal("0")
    budget = Budget.objects.filter(year=year).first() if access.sees_whole_service(user) else None
    return SpendYear(year, starts, ends, budget, total, entries)


# --- Targets ------------------------------------------------------------------------------


def coverage_targets() -> QuerySet[CoverageTarget]:
    return CoverageTarget.objects.select_related("programme", "role")


# --- Evaluations --------------------------------------------------------------------------


@dataclass
class EvaluationReport:
    course: Course
    count: int
    average: float | None
    distribution: list[tuple[int, int, int]]  # (rating, how many, whole per cent)
    comments: QuerySet


def evaluation_report(user, course: Course) -> EvaluationReport:
    evaluations = access.evaluations_for(user).filter(booking__course_date__course=course)
    summary = evaluations.aggregate(count=Count("pk"), average=Avg("rating"))
    counts = dict(evaluations.order_by().values_list("rating").annotate(n=Count("pk")))
    total = summary["count"]
    distribution = [
        (rating, counts.get(rating, 0), round(100 * counts.get(rating, 0) / total) if total else 0)
        for rating in range(5, 0, -1)
    ]
    comments = evaluations.select_related("booking__course_date").order_by("-submitted_at", "-pk")
    return EvaluationReport(course, total, summary["average"], distribution, comments)


# --- Approvals ----------------------------------------------------------------------------


def requests_to_decide(user, now: datetime) -> QuerySet[Booking]:
    """Requests for places (or for the waiting list) not yet approved, from the people `user` manages,
    for dates still to come."""
    return (
        access.bookings_for(user)
        .filter(
            person__in=access.managed_people_for(user),
            status__in=[BookingStatus.PENDING, BookingStatus.WAITING],
            approved_at__isnull=True,
            course_date__is_cancelled=False,
            course_date__starts_at__gt=now,
        )
        .select_related("person__team", "course_date__course")
        .order_by("course_date__starts_at", "requested_at", "pk")
    )


def decidable_bookings(user) -> QuerySet[Booking]:
    """Bookings `user` may approve or decline: those of the people they manage."""
    return (
        access.bookings_for(user)
        .filter(person__in=access.managed_people_for(user))
        .select_related("person", "course_date__course")
    )


def learning_to_decide(user) -> QuerySet:
    return (
        decidable_learning(user)
        .filter(status=Decision.SUBMITTED)
        .select_related("person__team")
        .order_by("created_at", "pk")
    )


def decidable_learning(user) -> QuerySet:
    return access.external_learning_for(user).filter(person__in=access.managed_people_for(user))
