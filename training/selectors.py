"""Reads for a person's own training pages: their bookings, the catalogue and course pages.

Every read starts from a scoping function in `training.access` and takes a fixed number of queries,
however many bookings, courses or dates there are. Certificates (up to 5 MB each) are never loaded
here: only their names.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.db.models import Count, IntegerField, OuterRef, Prefetch, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce

from portal.dates import add_months
from practice_guide.models import Audience, GuidePart, Kind
from training import access
from training.matrix_cells import EXPIRING_DAYS
from training.models import (
    HOLDS_A_PLACE,
    LIVE,
    Booking,
    BookingStatus,
    Course,
    CourseDate,
    ExternalLearning,
    Level,
    Programme,
)

# Required training expiring this soon is flagged: the same window as the uptake matrix.
EXPIRING_WITHIN_DAYS = EXPIRING_DAYS
# Past courses listed on the person's training page; older ones are in their CPD record.
PAST_DAYS = 365
RECENT_LEARNING = 20


def ordinal(number: int) -> str:
    """1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st..."""
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def _waiting_position() -> Subquery:
    """How many people are ahead on the same date's waiting list, first come first served (as the
    waiting list moves up in `services.move_up_waiting_list`)."""
    ahead = (
        Booking.objects.filter(course_date=OuterRef("course_date"), status=BookingStatus.WAITING)
        .filter(
            Q(requested_at__lt=OuterRef("requested_at"))
            | Q(requested_at=OuterRef("requested_at"), pk__lt=OuterRef("pk"))
        )
        .order_by()
        .values("course_date")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return Coalesce(Subquery(ahead, output_field=IntegerField()), Value(0)) + 1


def _light(bookings: QuerySet[Booking]) -> QuerySet[Booking]:
    """Bookings with their course, never their certificate's bytes."""
    return bookings.select_related("course_date__course__programme").defer("certificate")


def own_bookings(user) -> QuerySet[Booking]:
    """The bookings that are `user`'s own (a manager's or coordinator's scope is wider than this)."""
    return access.bookings_for(user).filter(person=user)


def own_external_learning(user) -> QuerySet[ExternalLearning]:
    return access.external_learning_for(user).filter(person=user)


# --- The person's training page -----------------------------------------------------------


@dataclass
class RequiredCourse:
    course: Course
    state: str  # "missing", "expired" or "expiring"
    completed_on: date | None
    due_on: date | None
    next_booked: datetime | None
    # The live booking behind `next_booked`: its status and the course it is on (the course or a refresher).
    next_status: str = ""
    next_course: str = ""

    @property
    def label(self) -> str:
        return {"missing": "Not done", "expired": "Expired", "expiring": "Expires soon"}[self.state]

    @property
    def next_label(self) -> str:
        return {
            BookingStatus.BOOKED: "You have a place",
            BookingStatus.PENDING: "You have asked for a place",
            BookingStatus.WAITING: "You are on the waiting list",
        }.get(self.next_status, "")


@dataclass
class MyTraining:
    upcoming: list = field(default_factory=list)
    pending: list = field(default_factory=list)
    waiting: list = field(default_factory=list)
    declined: list = field(default_factory=list)
    past: list = field(default_factory=list)
    to_evaluate: list = field(default_factory=list)
    learning: list = field(default_factory=list)
    required: list = field(default_factory=list)


def my_training(user, now: datetime, today: date) -> MyTraining:
    """Everything on a person's training page: four queries."""
    page = MyTraining()
    bookings = (
        _light(own_bookings(user))
        .filter(course_date__starts_at__gte=now - timedelta(days=PAST_DAYS))
        .exclude(status=BookingStatus.CANCELLED)
        .select_related("evaluation")
        .annotate(position=_waiting_position())
        .order_by("course_date__starts_at", "pk")
    )
    for booking in bookings:
        started = booking.course_date.starts_at <= now
        if booking.status == BookingStatus.DECLINED:
            if not started:
                page.declined.append(booking)
        elif started:
            if booking.status == BookingStatus.BOOKED:
                page.past.append(booking)
                if booking.completed_on and not hasattr(booking, "evaluation"):
                    page.to_evaluate.append(booking)
        elif booking.status == BookingStatus.BOOKED:
            page.upcoming.append(booking)
        elif booking.status == BookingStatus.PENDING:
            page.pending.append(booking)
        elif booking.status == BookingStatus.WAITING:
            booking.position_text = ordinal(booking.position)
            page.waiting.append(booking)
    page.past.reverse()
    page.learning = list(own_external_learning(user).order_by("-completed_on", "-pk")[:RECENT_LEARNING])
    page.required = required_training(user, now, today)
    return page


def required_training(user, now: datetime, today: date) -> list[RequiredCourse]:
    """Courses one of `user`'s roles must do that they have not done, or whose completion has expired
    or expires within `EXPIRING_WITHIN_DAYS`. One query.

    As on the uptake matrix, a course that needs refreshing runs out `refresh_months` after the latest
    of its own completion and of a refresher-level course in the same programme.
    """
    own = Booking.objects.filter(person=user)
    completed = own.filter(completed_on__isnull=False).order_by("-completed_on").values("completed_on")
    courses = (
        access.courses_for(user)
        .filter(pk__in=Course.objects.filter(required_for__user=user).values("pk"))
        .select_related("programme")
        .annotate(
            last_completed=Subquery(completed.filter(course_date__course=OuterRef("pk"))[:1]),
            last_refresher=Subquery(
                completed.filter(
                    course_date__course__programme=OuterRef("programme"), course_date__course__level=Level.REFRESHER
                )[:1]
            ),
            **_next_live(own, now, "own", Q(course_date__course=OuterRef("pk"))),
            **_next_live(
                own,
                now,
                "refresher",
                Q(course_date__course__programme=OuterRef("programme"), course_date__course__level=Level.REFRESHER),
            ),
        )
    )
    soon = today + timedelta(days=EXPIRING_WITHIN_DAYS)
    found = []
    for course in courses:
        if course.last_completed is None:
            found.append(RequiredCourse(course, "missing", None, None, *_next_of(course, refresher=False)))
            continue
        if not course.refresh_months:
            continue
        renewed = course.last_completed
        if course.level != Level.REFRESHER and course.last_refresher:
            renewed = max(renewed, course.last_refresher)
        due = add_months(renewed, course.refresh_months)
        if due < today:
            found.append(RequiredCourse(course, "expired", renewed, due, *_next_of(course, refresher=True)))
        elif due <= soon:
            found.append(RequiredCourse(course, "expiring", renewed, due, *_next_of(course, refresher=True)))
    return found


def _next_live(own: QuerySet, now: datetime, name: str, on: Q) -> dict:
    """Annotations for the person's first live booking still to come matching `on`: its start, status and
    course title, as `<name>_starts`, `<name>_status` and `<name>_course`."""
    first = own.filter(on, status__in=LIVE, course_date__starts_at__gt=now, course_date__is_cancelled=False).order_by(
        "course_date__starts_at", "pk"
    )
    return {
        f"{name}_{field}": Subquery(first.values(path)[:1])
        for field, path in (
            ("starts", "course_date__starts_at"),
            ("status", "status"),
            ("course", "course_date__course__title"),
        )
    }


def _next_of(course, *, refresher: bool) -> tuple:
    """The first live booking renewing `course`: on itself or, once it has been done, a refresher of its
    programme (which renews it, as on the uptake matrix). (starts, status, course title) or Nones."""
    found = [(course.own_starts, course.own_status, course.own_course)]
    if refresher and course.level != Level.REFRESHER:
        found.append((course.refresher_starts, course.refresher_status, course.refresher_course))
    found = [one for one in found if one[0] is not None]
    return min(found, key=lambda one: one[0]) if found else (None, "", "")


# --- The catalogue ------------------------------------------------------------------------


def _upcoming_dates(user, now: datetime) -> QuerySet[CourseDate]:
    return (
        access.course_dates_for(user)
        .filter(starts_at__gt=now, is_cancelled=False)
        .annotate(taken=Count("bookings", filter=Q(bookings__status__in=HOLDS_A_PLACE)))
        .order_by("starts_at", "pk")
    )


def _places(course_date: CourseDate) -> None:
    course_date.places_left = max(course_date.capacity - course_date.taken, 0)


def programmes_for_filter() -> QuerySet[Programme]:
    return Programme.objects.order_by("position", "name")


@dataclass
class Catalogue:
    programmes: list
    course_count: int


def catalogue(user, now: datetime, *, programme: Programme | None = None, level: str = "") -> Catalogue:
    """Programmes with the courses `user` may see and their upcoming dates (with places left and
    whether `user` already has a booking on each). Four queries."""
    courses = access.courses_for(user).order_by("position", "title")
    if programme is not None:
        courses = courses.filter(programme=programme)
    if level in Level.values:
        courses = courses.filter(level=level)
    dates = _upcoming_dates(user, now)
    courses = courses.prefetch_related(Prefetch("dates", queryset=dates, to_attr="upcoming"))
    programmes = Programme.objects.order_by("position", "name").prefetch_related(
        Prefetch("courses", queryset=courses, to_attr="listed_courses")
    )
    if programme is not None:
        programmes = programmes.filter(pk=programme.pk)
    listed = [each for each in programmes if each.listed_courses]
    mine = _own_live_bookings_by_date(user, now)
    count = 0
    for each in listed:
        for course in each.listed_courses:
            count += 1
            for course_date in course.upcoming:
                _places(course_date)
                course_date.own_booking = mine.get(course_date.pk)
    return Catalogue(listed, count)


def _own_live_bookings_by_date(user, now: datetime) -> dict[int, Booking]:
    bookings = (
        own_bookings(user)
        .filter(status__in=LIVE, course_date__starts_at__gt=now)
        .annotate(position=_waiting_position())
        .only("pk", "status", "course_date_id", "approved_at", "requested_at")
    )
    found = {}
    for booking in bookings:
        booking.position_text = ordinal(booking.position)
        found[booking.course_date_id] = booking
    return found


@dataclass
class CoursePage:
    course: Course
    dates: list
    required_for_you: bool
    tools: list = field(default_factory=list)


def published_tools(course: Course) -> list[GuidePart]:
    """The handbook tool pages `course` teaches that staff can read now, with their published text, in the
    handbook's order. One query."""
    return list(
        course.tools.filter(kind=Kind.TOOL, audience=Audience.STAFF, published__isnull=False)
        .select_related("published")
        .order_by("position", "pk")
    )


def course_page(user, course: Course, now: datetime) -> CoursePage:
    dates = list(_upcoming_dates(user, now).filter(course=course))
    mine = _own_live_bookings_by_date(user, now)
    for course_date in dates:
        _places(course_date)
        course_date.own_booking = mine.get(course_date.pk)
    required = course.required_for.filter(user=user).exists()
    return CoursePage(course, dates, required, published_tools(course))


def courses_teaching(user, tool: GuidePart, now: datetime) -> list[Course]:
    """The active courses `user` may see that teach the handbook tool page `tool`, in the catalogue's order
    (programme, then course), each with `upcoming`: its dates to come that are not cancelled, soonest first,
    with places left and whether `user` already has a booking on each (`own_booking`), as in the catalogue.
    Three queries, however many courses and dates."""
    courses = list(
        access.courses_for(user)
        .filter(is_active=True, tools=tool)
        .select_related("programme")
        .prefetch_related(Prefetch("dates", queryset=_upcoming_dates(user, now), to_attr="upcoming"))
        .order_by("programme__position", "programme__name", "position", "title", "pk")
    )
    if not courses:
        return courses
    mine = _own_live_bookings_by_date(user, now)
    for course in courses:
        for course_date in course.upcoming:
            _places(course_date)
            course_date.own_booking = mine.get(course_date.pk)
    return courses


def booking_for_page(user, pk: int) -> Booking:
    """One booking `user` may see, with its course and waiting-list place (its evaluation is scoped
    separately, by `access.evaluations_for`); raises
    Booking.DoesNotExist otherwise."""
    return (
        _light(access.bookings_for(user))
        .select_related("person", "approved_by")
        .annotate(position=_waiting_position())
        .get(pk=pk)
    )
