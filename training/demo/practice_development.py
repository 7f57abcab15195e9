"""The demo's practice development sessions: the service's own formal sessions in the "Practice development
sessions" programme, with what each decided, and the next one to come.

`load` (in `training.demo`) calls `load(courses, today)` once it has saved the programme's dates. The two
sessions the demo already ran (what the evidence says, and how we will work), each with its catch-up
afternoon, become practice development sessions: their registers are taken, and each records what was decided.
The next session, a review of how the model is going, is five weeks away with the team managers and a few
social workers booked on it by the coordinator.
"""

from datetime import date, datetime, time, timedelta

from django.utils import timezone

from portal.models import User
from training.demo.course_dates import DANIEL, KWAME, MEGAN, PRIYA, SAM, SUITE, TOM
from training.models import Booking, BookingStatus, Course, CourseDate, DateKind

# What each session decided, by course, for the session and then its catch-up: no families' or children's names.
DECISIONS = {
    "pd_1": (
        "We will use the systemic model in every assessment from the first of next month.\n"
        "Each team holds a reflective group once a month, led by the systemic psychotherapist.\n"
        "Team managers will ask in supervision what the child said and how we know.",
        "The catch-up group agreed the main session's decisions.\n"
        "Newly qualified social workers will shadow a systemic assessment before leading one.",
    ),
    "pd_2": (
        "Genograms go on every case record within four weeks of allocation.\n"
        "We will stop writing case summaries as a list of events: each summary says what we think is happening "
        "and why.\n"
        "Jo Lambert will update the practice handbook's genogram page by the end of the month.",
        "The catch-up group agreed the main session's decisions, and asked for a short guide to circular "
        "questions; Dr Helen Marsh will write it for the handbook.",
    ),
}

NEXT_SESSION_COURSE = "pd_2"
NEXT_SESSION_DAYS = 35
NEXT_SESSION_PEOPLE = (TOM, PRIYA, SAM, KWAME, MEGAN)
AFTERNOON = (time(13, 30), time(16, 30))


def _at(day: date, at: time) -> datetime:
    return timezone.make_aware(datetime.combine(day, at))


def _free_day(day: date, people: list[User]) -> date:
    """The first working day from `day`, clear of Christmas, on which none of `people` is on another course."""
    busy = set()
    for starts, ends in CourseDate.objects.filter(
        bookings__person__in=people, ends_at__gte=_at(day, time(0, 0)), is_cancelled=False
    ).values_list("starts_at", "ends_at"):
        first, last = timezone.localdate(starts), timezone.localdate(ends)
        busy.update(first + timedelta(days=n) for n in range((last - first).days + 1))
    while day.weekday() >= 5 or day in busy or (day.month == 12 and day.day >= 22) or (day.month == 1 and day.day <= 3):
        day += timedelta(days=1)
    return day


def load(courses: dict[str, Course], today: date) -> int:
    """Mark the practice development dates as sessions with their decisions, and add the next session.
    Returns the number of dates added."""
    now = _at(today, time(0, 0))
    for key, decisions in DECISIONS.items():
        if key not in courses:
            continue
        dates = list(CourseDate.objects.filter(course=courses[key]).order_by("starts_at", "pk"))
        ran = [course_date for course_date in dates if course_date.starts_at < now]
        for course_date, decided in zip(ran, decisions, strict=False):
            course_date.decisions = decided
        for course_date in dates:
            course_date.kind = DateKind.PRACTICE_DEVELOPMENT
        CourseDate.objects.bulk_update(dates, ["kind", "decisions"])
    course = courses.get(NEXT_SESSION_COURSE)
    if course is None:
        return 0
    people = list(User.objects.filter(email__in=NEXT_SESSION_PEOPLE, is_active=True))
    day = _free_day(today + timedelta(days=NEXT_SESSION_DAYS), people)
    next_session = CourseDate.objects.create(
        course=course,
        kind=DateKind.PRACTICE_DEVELOPMENT,
        starts_at=_at(day, AFTERNOON[0]),
        ends_at=_at(day, AFTERNOON[1]),
        location=SUITE,
        capacity=20,
        facilitator="Jo Lambert and Dr Helen Marsh",
    )
    coordinator = User.objects.filter(email=DANIEL).first()
    asked = _at(today - timedelta(days=3), time(10, 15))
    Booking.objects.bulk_create(
        Booking(
            course_date=next_session,
            person=person,
            status=BookingStatus.BOOKED,
            requested_at=asked,
            requested_by=coordinator or person,
            approved_by=coordinator or person,
            approved_at=asked,
        )
        for person in sorted(people, key=lambda person: person.full_name)
    )
    return 1
