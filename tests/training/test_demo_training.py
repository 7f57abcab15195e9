from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.db import transaction
from django.db.models import Count, Q, Sum
from django.utils import timezone

from portal.dates import add_months
from portal.models import User
from portal.roles import Role
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
    Evaluation,
    ExternalLearning,
    Level,
    Programme,
    Spend,
    financial_year_bounds,
    financial_year_of,
)

TRAINING_MODELS = (Programme, Course, CourseDate, Booking, Evaluation, ExternalLearning, CoverageTarget, Budget, Spend)


# The mark makes each test run in a savepoint of its own inside the module's demo, rolled back after it; the
# group keeps the module on one pytest-xdist worker (make test uses --dist loadgroup), so the demo loads once.
pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("training-demo")]


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo, loaded once for the module and rolled back at its end; loading it for each test took most of
    their time. The tests that load it on a day of their own, or into a database without it, are in
    test_demo_training_loader.py."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", force=True)
        yield timezone.localdate()
        transaction.set_rollback(True)


def _counts():
    return [model.objects.count() for model in TRAINING_MODELS]


def test_the_demo_has_the_programme_a_year_of_dates_and_bookings(demo):
    assert list(Programme.objects.values_list("name", flat=True)) == [
        "Systemic practice",
        "Signs of Safety",
        "Motivational interviewing",
        "Practice development sessions",
        "Teaching Partnership",
        "Research in practice",
    ]
    assert Course.objects.count() == 14
    this_year = CourseDate.objects.filter(starts_at__date__gte=demo - timedelta(days=310))
    assert this_year.filter(starts_at__date__lt=demo).count() >= 20
    assert this_year.filter(starts_at__date__gt=demo, starts_at__date__lte=demo + timedelta(days=105)).count() >= 10
    assert not CourseDate.objects.filter(starts_at__date__gt=demo + timedelta(days=105)).exists()
    required = Course.objects.filter(required_for__name=Role.SOCIAL_WORKER)
    assert set(required.values_list("title", flat=True)) == {
        "Systemic practice: introduction",
        "Signs of Safety: two-day introduction",
    }
    assert required.get(programme__name="Signs of Safety").refresh_months == 24
    assert not Course.objects.filter(provider__startswith="In-house").exclude(cost_per_place=0).exists()
    external = Course.objects.exclude(provider__startswith="In-house").exclude(cost_per_place=0)
    assert all(Decimal("95") <= course.cost_per_place <= Decimal("450") for course in external)


def test_loading_the_demo_twice_adds_no_training(demo):
    before = _counts()
    assert all(before)
    call_command("load_demo", force=True)
    assert _counts() == before


def test_one_upcoming_date_is_full_with_two_people_waiting(demo):
    waiting = CourseDate.objects.annotate(
        holding=Count("bookings", filter=Q(bookings__status__in=HOLDS_A_PLACE)),
        waiting=Count("bookings", filter=Q(bookings__status=BookingStatus.WAITING)),
    ).filter(waiting__gt=0)
    full = waiting.get()
    assert full.starts_at > timezone.now()
    assert full.holding == full.capacity == 8
    assert full.waiting == 2
    queue = full.bookings.filter(status=BookingStatus.WAITING).order_by("requested_at")
    held = full.bookings.filter(status__in=HOLDS_A_PLACE)
    assert max(held.values_list("requested_at", flat=True)) < min(queue.values_list("requested_at", flat=True))


def test_every_date_keeps_the_booking_rules(demo):
    now = timezone.now()
    for course_date in CourseDate.objects.prefetch_related("bookings"):
        bookings = list(course_date.bookings.all())
        holding = sum(booking.status in HOLDS_A_PLACE for booking in bookings)
        waiting = sum(booking.status == BookingStatus.WAITING for booking in bookings)
        assert 8 <= course_date.capacity <= 20
        assert holding <= course_date.capacity, course_date
        assert not waiting or holding == course_date.capacity, course_date
        live = [b.person_id for b in bookings if b.status in (*HOLDS_A_PLACE, BookingStatus.WAITING)]
        assert len(live) == len(set(live))
        assert course_date.location == "Online" or course_date.location.startswith("Guildhall")
        assert course_date.is_online == (course_date.location == "Online")
        for booking in bookings:
            person = booking.person
            if course_date.starts_at < now:
                assert booking.status in (BookingStatus.BOOKED, BookingStatus.CANCELLED), booking
                assert booking.status != BookingStatus.BOOKED or booking.attendance, booking
                assert not person.start_date or person.start_date <= course_date.starts_at.date()
            else:
                assert not booking.attendance
                assert booking.completed_on is None
            assert booking.requested_at < now
            assert (booking.completed_on is not None) == (booking.attendance in ("attended", "partly"))
            if booking.completed_on:
                assert booking.completed_on == timezone.localdate(course_date.starts_at)
                assert booking.hours_attended <= course_date.course.hours


def test_nobody_is_on_two_courses_on_the_same_day(demo):
    days = {}
    for booking in Booking.objects.exclude(status__in=[BookingStatus.DECLINED, BookingStatus.CANCELLED]).select_related(
        "course_date"
    ):
        first = timezone.localdate(booking.course_date.starts_at)
        last = timezone.localdate(booking.course_date.ends_at)
        for offset in range((last - first).days + 1):
            key = (booking.person_id, first + timedelta(days=offset))
            assert key not in days, f"{booking} clashes with {days.get(key)}"
            days[key] = booking


def test_past_dates_are_mostly_attended_with_a_few_partly_and_no_shows(demo):
    marked = Booking.objects.exclude(attendance="")
    assert marked.filter(attendance="attended").count() > 40
    assert 2 <= marked.filter(attendance="partly").count() <= 5
    assert 2 <= marked.filter(attendance="absent").count() <= 3
    assert Booking.objects.filter(status=BookingStatus.CANCELLED).count() == 1
    assert Evaluation.objects.count() >= 10
    assert set(Evaluation.objects.values_list("rating", flat=True)) >= {2, 3, 4, 5}


def test_the_coverage_targets_are_set(demo):
    assert {str(target) for target in CoverageTarget.objects.all()} == {
        "100% of social workers at least introductory Systemic practice",
        "100% of social workers at least introductory Signs of Safety",
        "50% of staff at least intermediate Systemic practice",
    }


def _signs_of_safety_runs_out(today: date) -> dict[str, date]:
    """When each person's Signs of Safety runs out: their latest introduction or refresher, plus 24 months."""
    latest = {}
    for booking in Booking.objects.completed().filter(
        course_date__course__programme__name="Signs of Safety", course_date__course__refresh_months__isnull=False
    ):
        email = booking.person.email
        latest[email] = max(latest.get(email, booking.completed_on), booking.completed_on)
    return {email: add_months(day, 24) for email, day in latest.items()}


def test_one_worker_s_signs_of_safety_runs_out_within_60_days_and_one_has_lapsed(demo):
    runs_out = _signs_of_safety_runs_out(demo)
    expiring = {email for email, day in runs_out.items() if demo < day <= demo + timedelta(days=60)}
    assert expiring == {"worker3@example.org"}
    assert {email for email, day in runs_out.items() if day <= demo} == {"worker7@example.org"}
    kwame = User.objects.get(email="worker3@example.org")
    upcoming = Booking.objects.live().filter(course_date__starts_at__gt=timezone.now())
    assert not upcoming.filter(person=kwame, course_date__course__programme__name="Signs of Safety").exists()


def _share_with_systemic_introduction(team_name: str) -> float:
    social_workers = User.objects.filter(team__name=team_name, groups__name=Role.SOCIAL_WORKER)
    trained = social_workers.filter(
        training_bookings__completed_on__isnull=False,
        training_bookings__course_date__course__programme__name="Systemic practice",
        training_bookings__course_date__course__level__in=[Level.INTRODUCTORY, Level.INTERMEDIATE, Level.ADVANCED],
    ).distinct()
    return trained.count() / social_workers.count()


def test_one_team_is_ahead_and_the_asye_workers_miss_a_required_course(demo):
    ahead = _share_with_systemic_introduction("Assessment and Family Support")
    behind = _share_with_systemic_introduction("Children in Care and Care Leavers")
    assert ahead > 0.8 > behind
    for asye in User.objects.filter(is_newly_qualified=True):
        done = set(Booking.objects.completed().filter(person=asye).values_list("course_date__course__title", flat=True))
        assert "Signs of Safety: two-day introduction" in done
        assert "Systemic practice: introduction" not in done


def test_the_supervisor_has_requests_to_decide_and_one_was_declined(demo):
    tom = User.objects.get(email="supervisor@example.org")
    team_bookings = access.bookings_for(tom).filter(person__in=access.managed_people_for(tom))
    pending = team_bookings.filter(status=BookingStatus.PENDING)
    assert pending.count() == 2
    assert all(booking.course_date.starts_at > timezone.now() for booking in pending)
    declined = team_bookings.get(status=BookingStatus.DECLINED)
    assert declined.decline_reason
    assert declined.approved_by == tom
    learning = access.external_learning_for(tom).filter(person__line_manager=tom, status=Decision.SUBMITTED)
    assert learning.count() == 1
    assert ExternalLearning.objects.filter(status=Decision.APPROVED).count() >= 5
    assert not ExternalLearning.objects.filter(status=Decision.APPROVED, decided_by__isnull=True).exists()


def test_this_financial_year_has_a_budget_about_60_percent_spent(demo):
    year = financial_year_of(demo)
    budget = Budget.objects.get(year=year)
    assert budget.amount == Decimal("24000")
    starts, _ends = financial_year_bounds(year)
    spend = Spend.objects.filter(spent_on__range=(starts, demo))
    assert spend.count() == Spend.objects.count()
    assert 0.55 <= spend.aggregate(total=Sum("amount"))["total"] / budget.amount <= 0.65
