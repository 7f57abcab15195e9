"""The demo service's training programme: courses, a year of dates, bookings, evaluations, external learning,
the budget with this year's spend, and the coverage targets.

`load_demo` calls `load(today)` after the supervision history. Every date is counted from `today`, so the demo
always looks current. Rows are written directly (no services, no emails), but they keep the booking rules: one
live booking per person and date, no more places held than a date has, a waiting list only on a full date, and
a completion only where someone attended.

The story the uptake view tells:

- Assessment and Family Support is ahead: every social worker but the newest has the systemic introduction,
  and most have gone further. Children in Care and Care Leavers is behind: one worker missed her systemic
  introduction and has let Signs of Safety lapse, and the team is on the waiting list for the full date.
- Kwame Asante's Signs of Safety runs out in about five weeks and he is not booked on anything to renew it.
- Both ASYE workers have done Signs of Safety but not the systemic introduction, which is required: Megan
  Hughes has asked for a place (Tom Okafor to decide), Amira Haddad is not booked yet.
- The next motivational interviewing introduction, a closed course of eight places, is full with two waiting.
- Tom Okafor has two booking requests and one piece of external learning to decide.
"""

from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import NamedTuple

from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

from portal.dates import add_months
from portal.models import User
from portal.roles import Role
from training.demo import expiry, practice_development, texts
from training.demo.course_dates import (
    ABSENT,
    ATTENDED,
    BOOKED,
    CANCELLED,
    DANIEL,
    DECLINED,
    ONLINE,
    PARTLY,
    PENDING,
    RUNS,
    WAITING,
    Run,
)
from training.demo.programme import COURSES, PROGRAMMES, TARGETS, CourseSpec
from training.models import (
    HOLDS_A_PLACE,
    Booking,
    Budget,
    Course,
    CourseDate,
    CoverageTarget,
    Decision,
    Evaluation,
    ExternalLearning,
    Programme,
    Spend,
    financial_year_bounds,
    financial_year_of,
)

BUDGET = Decimal("24000.00")


class Loaded(NamedTuple):
    courses: int
    dates: int
    bookings: int


def load(today: date) -> Loaded:
    """Add the demo training programme as it would look on `today`. Adds nothing if it is already there."""
    with transaction.atomic():
        if Programme.objects.filter(name__in=[name for _key, name in PROGRAMMES]).exists():
            return Loaded(0, 0, 0)
        emails = {email for run in RUNS for email, _ in run.people} | {row[0] for row in texts.EXTERNAL_LEARNING}
        people = User.objects.select_related("line_manager").in_bulk([*emails, DANIEL], field_name="email")
        courses = _save_programme()
        dates, bookings = _save_dates_and_bookings(courses, people, today)
        _save_external_learning(people, today)
        _save_budget_and_spend(courses, people.get(DANIEL), today)
        practice_development.load(courses, today)
        expiry.load(today)
    return Loaded(len(courses), dates, bookings)


# --- Helpers ------------------------------------------------------------------------------


def _at(day: date, at: time) -> datetime:
    return timezone.make_aware(datetime.combine(day, at))


def _first_day(day: date, *, days: int, forward: bool, taken: set[date]) -> date:
    """The nearest day from `day` on which a course `days` long fits in one working week, clear of Christmas
    and of the days its people are already on another course."""
    step = timedelta(days=1 if forward else -1)
    while day.weekday() + days > 5 or any(
        _christmas(course_day) or course_day in taken for course_day in (day + timedelta(days=n) for n in range(days))
    ):
        day += step
    return day


def _christmas(day: date) -> bool:
    return (day.month == 12 and day.day >= 22) or (day.month == 1 and day.day <= 3)


def _save_programme() -> dict[str, Course]:
    programmes = {
        key: Programme(name=name, description=texts.PROGRAMMES[key], position=position)
        for position, (key, name) in enumerate(PROGRAMMES, start=1)
    }
    Programme.objects.bulk_create(programmes.values())
    courses = {
        spec.key: Course(
            programme=programmes[spec.programme],
            title=spec.title,
            level=spec.level,
            provider=spec.provider,
            format=spec.format,
            hours=Decimal(spec.hours),
            cost_per_place=Decimal(spec.cost),
            refresh_months=spec.refresh_months,
            description=texts.COURSES[spec.key],
            position=position,
        )
        for position, spec in enumerate(COURSES, start=1)
    }
    Course.objects.bulk_create(courses.values())
    roles = Group.objects.in_bulk([Role.SOCIAL_WORKER], field_name="name")
    social_workers = roles.get(Role.SOCIAL_WORKER)
    if social_workers:
        Course.required_for.through.objects.bulk_create(
            Course.required_for.through(course_id=courses[spec.key].pk, group_id=social_workers.pk)
            for spec in COURSES
            if spec.required
        )
    CoverageTarget.objects.bulk_create(
        CoverageTarget(programme=programmes[key], level=level, role=roles.get(role), target_percent=percent)
        for key, level, role, percent in TARGETS
        if role is None or role in roles
    )
    return courses


def _save_dates_and_bookings(courses: dict[str, Course], people: dict[str, User], today: date) -> tuple[int, int]:
    specs = {spec.key: spec for spec in COURSES}
    course_dates, bookings_by_run = [], []
    busy: dict[str, set[date]] = {}  # the days each person is on a course
    for run in RUNS:
        spec = specs[run.course]
        taken = set().union(*(busy.get(email, set()) for email, _ in run.people))
        start = add_months(today, run.months) + timedelta(days=run.days)
        first = _first_day(start, days=spec.days, forward=run.days > 0, taken=taken)
        for email, _ in run.people:
            busy.setdefault(email, set()).update(first + timedelta(days=n) for n in range(spec.days))
        course_dates.append(
            CourseDate(
                course=courses[run.course],
                starts_at=_at(first, spec.times[0]),
                ends_at=_at(first + timedelta(days=spec.days - 1), spec.times[1]),
                location=run.where,
                is_online=run.where == ONLINE,
                capacity=run.capacity,
                facilitator=spec.led_by,
            )
        )
        bookings_by_run.append(_bookings(run, spec, first, people, today))
    CourseDate.objects.bulk_create(course_dates)
    for course_date, bookings in zip(course_dates, bookings_by_run, strict=True):
        _check_places(course_date, bookings, today)
        for booking in bookings:
            booking.course_date = course_date
    bookings = Booking.objects.bulk_create([booking for run_bookings in bookings_by_run for booking in run_bookings])
    _save_evaluations(course_dates, bookings_by_run, today)
    return len(course_dates), len(bookings)


def _bookings(run: Run, spec: CourseSpec, first: date, people: dict[str, User], today: date) -> list[Booking]:
    """One run's bookings, in the order people asked."""
    coordinator = people.get(DANIEL)
    bookings = []
    for index, (email, outcome) in enumerate(run.people):
        person = people.get(email)
        if person is None or (first < today and person.start_date and first < person.start_date):
            continue  # not in the service yet on that date
        manager = person.line_manager or coordinator
        if first > today:
            asked = _at(today - timedelta(days=len(run.people) + 3 - index), time(10, 15))
        else:
            asked = _at(first - timedelta(days=35 - index), time(10, 15))
            if person.start_date:
                asked = max(asked, _at(person.start_date, time(11, 0)))
        by_coordinator = run.by_coordinator and coordinator is not None
        booking = Booking(
            person=person,
            requested_at=asked,
            requested_by=coordinator if by_coordinator else person,
            approved_by=coordinator if by_coordinator else manager,
            approved_at=asked if by_coordinator else asked + timedelta(days=1),
        )
        if outcome in (ATTENDED, PARTLY, ABSENT):
            booking.status, booking.attendance = BOOKED, outcome
            if outcome != ABSENT:
                booking.completed_on = first
                booking.hours_attended = Decimal(spec.hours) / (2 if outcome == PARTLY else 1)
        else:
            booking.status = outcome
        if outcome == PENDING:
            booking.approved_by = booking.approved_at = None
        elif outcome == DECLINED:
            booking.approved_at, booking.decline_reason = None, texts.DECLINE_REASON
        elif outcome == CANCELLED:
            booking.cancelled_at = _at(min(first - timedelta(days=5), today - timedelta(days=1)), time(9, 5))
        bookings.append(booking)
    return bookings


def _check_places(course_date: CourseDate, bookings: list[Booking], today: date) -> None:
    """The rules the booking services keep, checked before anything is written."""
    holding = sum(booking.status in HOLDS_A_PLACE for booking in bookings)
    waiting = sum(booking.status == WAITING for booking in bookings)
    people = [booking.person.pk for booking in bookings if booking.status in (*HOLDS_A_PLACE, WAITING)]
    problems = []
    if holding > course_date.capacity:
        problems.append("more places held than there are")
    if waiting and holding < course_date.capacity:
        problems.append("a waiting list on a date with free places")
    if len(people) != len(set(people)):
        problems.append("someone booked twice")
    if timezone.localdate(course_date.starts_at) < today and (waiting or any(b.status == PENDING for b in bookings)):
        problems.append("requests still open on a date that has passed")
    if problems:
        raise ValueError(f"Demo training content breaks the booking rules on {course_date}: {', '.join(problems)}.")


def _save_evaluations(course_dates: list[CourseDate], bookings_by_run: list[list[Booking]], today: date) -> None:
    """This year's evaluations, handed out in turn to the people who came."""
    texts_left = {key: list(rows) for key, rows in texts.EVALUATIONS.items()}
    yesterday = _at(today - timedelta(days=1), time(18, 0))
    evaluations = []
    for run, course_date, bookings in zip(RUNS, course_dates, bookings_by_run, strict=True):
        if run.months or run.days > 0:
            continue
        for booking in bookings:
            left = texts_left.get(run.course)
            if not left or booking.completed_on is None:
                continue
            rating, useful, will_use = left.pop(0)
            evaluations.append(
                Evaluation(
                    booking=booking,
                    rating=rating,
                    was_useful=useful,
                    will_use=will_use,
                    submitted_at=min(course_date.ends_at + timedelta(days=2), yesterday),
                )
            )
    Evaluation.objects.bulk_create(evaluations)


def _save_external_learning(people: dict[str, User], today: date) -> None:
    rows = []
    for email, kind, title, source, days_ago, hours, reflection, decision, decided_by in texts.EXTERNAL_LEARNING:
        person, completed_on = people.get(email), today - timedelta(days=days_ago)
        if person is None or (person.start_date and completed_on < person.start_date):
            continue
        decided = decision != Decision.SUBMITTED
        rows.append(
            ExternalLearning(
                person=person,
                title=title,
                kind=kind,
                source=source,
                completed_on=completed_on,
                hours=Decimal(hours),
                reflection=reflection,
                status=decision,
                decided_by=people.get(decided_by) if decided else None,
                decided_at=_at(min(completed_on + timedelta(days=4), today), time(15, 40)) if decided else None,
                created_at=_at(min(completed_on + timedelta(days=1), today), time(17, 20)),
            )
        )
    ExternalLearning.objects.bulk_create(rows)


def _save_budget_and_spend(courses: dict[str, Course], coordinator: User | None, today: date) -> None:
    """This financial year's budget, and spend of about 60% of it spread over the year so far."""
    year = financial_year_of(today)
    if not Budget.objects.filter(year=year).exists():
        Budget.objects.create(year=year, amount=BUDGET)
    if coordinator is None:
        return
    starts, _ends = financial_year_bounds(year)
    so_far = (today - starts).days
    spend = []
    for course_key, amount, description, share in texts.SPEND:
        spent_on = starts + timedelta(days=int(so_far * share))
        spend.append(
            Spend(
                spent_on=spent_on,
                amount=Decimal(amount),
                description=description,
                course=courses.get(course_key),
                recorded_by=coordinator,
                recorded_at=_at(spent_on, time(11, 30)),
            )
        )
    Spend.objects.bulk_create(spend)
