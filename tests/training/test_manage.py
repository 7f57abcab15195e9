"""The training coordinator's pages: who may use them, every bad input, the register, bulk booking, spend,
targets, evaluation reports and query bounds."""

import re
from datetime import datetime, time, timedelta
from decimal import Decimal

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from portal.roles import Role
from tests.factories import BookingFactory, CourseDateFactory, CourseFactory, ProgrammeFactory, UserFactory
from training import manage_services, services
from training.manage_forms import CourseDateForm
from training.models import (
    Attendance,
    Booking,
    BookingStatus,
    Budget,
    Course,
    CourseDate,
    CoverageTarget,
    Evaluation,
    Programme,
    Spend,
    financial_year_bounds,
    financial_year_of,
)
from training.services import BookingError


def _fmt(day) -> str:
    return day.strftime("%d %m %Y")


def _past_date(**kwargs) -> CourseDate:
    # Yesterday, 10:00 to 16:00: a date that has started, and never one that crosses midnight whatever the hour.
    yesterday = timezone.localdate() - timedelta(days=1)
    starts = timezone.make_aware(datetime.combine(yesterday, time(10, 0)))
    return CourseDateFactory(starts_at=starts, ends_at=starts + timedelta(hours=6), **kwargs)


def _date_post(course=None, **overrides) -> dict:
    day = timezone.localdate() + timedelta(days=21)
    data = {
        "start_date": _fmt(day),
        "start_time": "09:30",
        "end_time": "16:30",
        "location": "Guildhall, Committee Room 3",
        "is_online": "no",
        "capacity": "12",
        "facilitator": "Dr Ana Costa",
    }
    if course is not None:
        data["course"] = course.pk
    data.update(overrides)
    return data


def _course_post(programme, **overrides) -> dict:
    data = {
        "programme": programme.pk,
        "title": "Genograms in practice",
        "level": "intermediate",
        "provider": "In house",
        "format": "in_person",
        "hours": "6",
        "cost_per_place": "0",
        "refresh_months": "",
        "description": "",
        "is_active": "yes",
    }
    data.update(overrides)
    return data


# --- Who may use the pages -------------------------------------------------------------------

MANAGE_URLS = [
    ("training:manage", False),
    ("training:programme-create", False),
    ("training:programme-edit", "programme"),
    ("training:course-create", False),
    ("training:course-edit", "course"),
    ("training:date-create", False),
    ("training:date", "date"),
    ("training:date-edit", "date"),
    ("training:register", "date"),
    ("training:book-people", "date"),
    ("training:spend", False),
    ("training:targets", False),
]


@pytest.fixture
def objects(db):
    course_date = CourseDateFactory()
    return {"date": course_date, "course": course_date.course, "programme": course_date.course.programme}


def _url(name, arg, objects):
    return reverse(name, args=[objects[arg].pk]) if arg else reverse(name)


@pytest.mark.parametrize(("name", "arg"), MANAGE_URLS)
@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("worker", 403),
        ("supervisor", 403),
        ("service_manager", 403),
        ("editor", 403),
        ("facilitator", 403),
        ("coordinator", 200),
    ],
)
def test_only_the_coordinator_may_use_the_manage_pages(client, request, objects, name, arg, role, status):
    client.force_login(request.getfixturevalue(role))
    assert client.get(_url(name, arg, objects)).status_code == status


@pytest.mark.parametrize(("name", "arg"), MANAGE_URLS)
def test_manage_pages_ask_people_to_sign_in(client, objects, name, arg):
    response = client.get(_url(name, arg, objects))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_a_worker_cannot_post_to_the_manage_pages(client, worker, objects):
    client.force_login(worker)
    assert client.post(reverse("training:programme-create"), {"name": "Sneaky"}).status_code == 403
    assert client.post(reverse("training:register", args=[objects["date"].pk]), {}).status_code == 403
    assert not Programme.objects.filter(name="Sneaky").exists()


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("worker", 403),
        ("supervisor", 403),
        ("editor", 403),
        ("facilitator", 403),
        ("service_manager", 200),
        ("coordinator", 200),
    ],
)
def test_evaluation_reports_are_for_the_coordinator_and_service_managers(client, request, objects, role, status):
    client.force_login(request.getfixturevalue(role))
    assert client.get(reverse("training:course-evaluations", args=[objects["course"].pk])).status_code == status


def test_unknown_records_are_not_found(client, coordinator):
    client.force_login(coordinator)
    for name in ("training:date", "training:date-edit", "training:register", "training:course-edit"):
        assert client.get(reverse(name, args=[999999])).status_code == 404


# --- Programmes and courses ------------------------------------------------------------------


def test_coordinator_adds_a_programme_and_a_clashing_name_is_refused(client, coordinator):
    client.force_login(coordinator)
    response = client.post(
        reverse("training:programme-create"), {"name": "Signs of Safety", "description": "", "position": "2"}
    )
    assert response.url == reverse("training:manage")
    assert Programme.objects.get(name="Signs of Safety").position == 2
    response = client.post(
        reverse("training:programme-create"), {"name": "signs of  safety", "description": "", "position": "0"}
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in body
    assert "There is already a programme with this name" in body
    assert Programme.objects.filter(name__iexact="signs of safety").count() == 1


def test_programme_can_be_renamed_to_its_own_name(client, coordinator):
    programme = ProgrammeFactory(name="Systemic practice")
    client.force_login(coordinator)
    response = client.post(
        reverse("training:programme-edit", args=[programme.pk]),
        {"name": "Systemic practice", "description": "Now described.", "position": "1"},
    )
    assert response.status_code == 302
    programme.refresh_from_db()
    assert programme.description == "Now described."


def test_coordinator_adds_a_course_required_for_roles(client, coordinator):
    programme = ProgrammeFactory()
    workers = Group.objects.get(name=Role.SOCIAL_WORKER)
    client.force_login(coordinator)
    response = client.post(
        reverse("training:course-create"),
        _course_post(programme, required_for=[workers.pk], refresh_months="36", cost_per_place="120.50"),
    )
    assert response.status_code == 302
    course = Course.objects.get(title="Genograms in practice")
    assert list(course.required_for.all()) == [workers]
    assert course.refresh_months == 36
    assert course.cost_per_place == Decimal("120.50")
    assert course.is_active


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"hours": "-3"}, "The length must be more than 0 hours"),
        ({"hours": "0"}, "The length must be more than 0 hours"),
        ({"hours": "0.2"}, "The length must be at least half an hour (0.5)"),
        ({"hours": "six"}, "Enter the length as a number, like 6 or 3.5"),
        ({"cost_per_place": "-1"}, "The amount cannot be negative"),
        ({"cost_per_place": "1000000"}, "Enter an amount less than £1,000,000"),
        ({"refresh_months": "0"}, "Enter a number of months from 1 to 120"),
        ({"refresh_months": "121"}, "Enter a number of months from 1 to 120"),
        ({"title": ""}, "Enter the course title"),
        ({"level": "expert"}, "Choose a level from the list"),
    ],
)
def test_bad_course_details_get_clear_errors(client, coordinator, overrides, message):
    client.force_login(coordinator)
    response = client.post(reverse("training:course-create"), _course_post(ProgrammeFactory(), **overrides))
    body = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in body
    assert message in body
    assert not Course.objects.exists()


def test_course_titles_are_unique_within_a_programme_only(client, coordinator):
    programme, other = ProgrammeFactory(name="Systemic practice"), ProgrammeFactory(name="Signs of Safety")
    CourseFactory(programme=programme, title="Genograms in practice")
    client.force_login(coordinator)
    response = client.post(reverse("training:course-create"), _course_post(programme))
    assert "Systemic practice already has a course called “Genograms in practice”" in response.content.decode()
    assert client.post(reverse("training:course-create"), _course_post(other)).status_code == 302


def test_a_course_can_be_withdrawn(client, coordinator):
    course = CourseFactory()
    client.force_login(coordinator)
    response = client.post(
        reverse("training:course-edit", args=[course.pk]), _course_post(course.programme, is_active="no")
    )
    assert response.status_code == 302
    course.refresh_from_db()
    assert not course.is_active


# --- Dates -----------------------------------------------------------------------------------


def test_coordinator_adds_a_date(client, coordinator):
    course = CourseFactory()
    client.force_login(coordinator)
    response = client.post(reverse("training:date-create"), _date_post(course, start_time="9.30", is_online="yes"))
    course_date = CourseDate.objects.get(course=course)
    assert response.url == reverse("training:date", args=[course_date.pk])
    starts = timezone.localtime(course_date.starts_at)
    assert (starts.date(), starts.hour, starts.minute) == (timezone.localdate() + timedelta(days=21), 9, 30)
    assert timezone.localtime(course_date.ends_at).hour == 16
    assert course_date.is_online
    assert course_date.capacity == 12


@pytest.mark.parametrize(
    ("overrides", "field_message"),
    [
        ({"start_date": "1 1 2020"}, "The date must be in the future"),
        ({"start_date": "31 2 2030"}, "Enter a real date, like 27 3 2027"),
        ({"start_time": "25:00"}, "Enter a time like 09:30, using the 24-hour clock"),
        ({"end_time": "09:00"}, "The end time must be after the start time"),
        ({"capacity": "0"}, "There must be at least 1 place"),
        ({"capacity": "-4"}, "There must be at least 1 place"),
        ({"capacity": "501"}, "There can be at most 500 places"),
        ({"location": ""}, "Enter where the course is, or “Online”"),
        ({"is_online": ""}, "Say whether the course is online"),
    ],
)
def test_bad_date_details_get_clear_errors(client, coordinator, overrides, field_message):
    course = CourseFactory()
    client.force_login(coordinator)
    response = client.post(reverse("training:date-create"), _date_post(course, **overrides))
    body = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in body
    assert field_message in body
    assert not CourseDate.objects.exists()


def test_a_new_date_earlier_today_is_refused(client, coordinator):
    course = CourseFactory()
    earlier = timezone.localtime() - timedelta(minutes=5)
    if earlier.date() != timezone.localdate():
        pytest.skip("Just after midnight there is no earlier time today")
    client.force_login(coordinator)
    response = client.post(
        reverse("training:date-create"),
        _date_post(course, start_date=_fmt(earlier), start_time=f"{earlier:%H:%M}", end_time="23:59"),
    )
    assert "The start time must be in the future" in response.content.decode()


def test_withdrawn_courses_cannot_get_new_dates(client, coordinator):
    course = CourseFactory(is_active=False)
    client.force_login(coordinator)
    response = client.post(reverse("training:date-create"), _date_post(course))
    assert "Choose a course from the list" in response.content.decode()


def test_capacity_cannot_go_below_the_places_taken(client, coordinator):
    course_date = CourseDateFactory(capacity=3)
    BookingFactory.create_batch(3, course_date=course_date)
    client.force_login(coordinator)
    response = client.post(
        reverse("training:date-edit", args=[course_date.pk]),
        {**_date_post(), **_unchanged(course_date), "capacity": "2", "version": course_date.version},
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in body
    assert "3 places are already taken, so there must be at least 3 places" in body
    course_date.refresh_from_db()
    assert course_date.capacity == 3


def _unchanged(course_date) -> dict:
    return CourseDateForm.initial_for(course_date)


def test_more_places_move_the_waiting_list_up(client, coordinator, django_capture_on_commit_callbacks, mailoutbox):
    course_date = CourseDateFactory(capacity=1)
    BookingFactory(course_date=course_date)
    waiting = BookingFactory(course_date=course_date, status=BookingStatus.WAITING)
    client.force_login(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("training:date-edit", args=[course_date.pk]),
            {**_unchanged(course_date), "capacity": "2", "location": "Town Hall"},
        )
    assert response.url == reverse("training:date", args=[course_date.pk])
    waiting.refresh_from_db()
    course_date.refresh_from_db()
    assert waiting.status == BookingStatus.BOOKED
    assert (course_date.capacity, course_date.location, course_date.version) == (2, "Town Hall", 2)
    assert [message.to for message in mailoutbox] == [[waiting.person.email]]


def test_a_date_changed_by_someone_else_is_not_overwritten(client, coordinator):
    course_date = CourseDateFactory()
    stale = _unchanged(course_date)
    CourseDate.objects.filter(pk=course_date.pk).update(location="Moved room", version=2)
    client.force_login(coordinator)
    response = client.post(reverse("training:date-edit", args=[course_date.pk]), {**stale, "location": "Mine"})
    assert "Someone else changed this date after you opened it" in response.content.decode()
    course_date.refresh_from_db()
    assert course_date.location == "Moved room"


def test_an_existing_date_keeps_its_past_start_when_other_details_change(client, coordinator):
    course_date = _past_date()
    client.force_login(coordinator)
    response = client.post(
        reverse("training:date-edit", args=[course_date.pk]), {**_unchanged(course_date), "facilitator": "Sam Lee"}
    )
    assert response.status_code == 302
    moved = {**_unchanged(course_date), "start_date": "1 1 2020"}
    response = client.post(reverse("training:date-edit", args=[course_date.pk]), moved)
    assert "The date must be in the future" in response.content.decode()


def test_cancelling_a_date_needs_confirming_and_cancels_every_live_booking(client, coordinator):
    course_date = CourseDateFactory(capacity=1)
    booked = BookingFactory(course_date=course_date)
    waiting = BookingFactory(course_date=course_date, status=BookingStatus.WAITING)
    declined = BookingFactory(course_date=course_date, status=BookingStatus.DECLINED)
    client.force_login(coordinator)
    url = reverse("training:date-edit", args=[course_date.pk])
    page = client.get(url, {"cancel": "yes"}).content.decode()
    assert "will need telling" in page
    assert booked.person.email in page
    assert waiting.person.email in page

    response = client.post(url, {"cancel_date": "Cancel this date"})
    assert "Tick the box to confirm you want to cancel this date" in response.content.decode()
    course_date.refresh_from_db()
    assert not course_date.is_cancelled

    response = client.post(url, {"cancel_date": "Cancel this date", "confirm": "on"}, follow=True)
    assert "with 2 bookings" in response.content.decode()
    course_date.refresh_from_db()
    assert course_date.is_cancelled
    statuses = dict(Booking.objects.values_list("pk", "status"))
    assert statuses == {booked.pk: "cancelled", waiting.pk: "cancelled", declined.pk: "declined"}
    assert Booking.objects.get(pk=booked.pk).cancelled_at is not None
    # A cancelled date cannot be changed again.
    response = client.get(url, follow=True)
    assert "This date has been cancelled, so it cannot be changed." in response.content.decode()


def test_a_date_that_has_started_cannot_be_cancelled(client, coordinator):
    course_date = _past_date()
    client.force_login(coordinator)
    response = client.post(
        reverse("training:date-edit", args=[course_date.pk]), {"cancel_date": "x", "confirm": "on"}, follow=True
    )
    assert "already started, so it cannot be cancelled" in response.content.decode()
    course_date.refresh_from_db()
    assert not course_date.is_cancelled


def test_date_page_lists_people_by_status_and_waiting_list_in_turn(client, coordinator, team):
    course_date = CourseDateFactory(capacity=2)
    now = timezone.now()
    booked = BookingFactory(course_date=course_date, person=UserFactory(team=team, full_name="Zara Booked"))
    pending = BookingFactory(
        course_date=course_date,
        status=BookingStatus.PENDING,
        approved_at=None,
        person=UserFactory(team=team, full_name="Pat Pending"),
    )
    second = BookingFactory(
        course_date=course_date,
        status=BookingStatus.WAITING,
        requested_at=now - timedelta(hours=1),
        person=UserFactory(team=team, full_name="Alex Second"),
    )
    first = BookingFactory(
        course_date=course_date,
        status=BookingStatus.WAITING,
        requested_at=now - timedelta(hours=2),
        approved_at=None,
        person=UserFactory(team=team, full_name="Bea First"),
    )
    BookingFactory(
        course_date=course_date,
        status=BookingStatus.DECLINED,
        decline_reason="Court week.",
        person=UserFactory(team=team, full_name="Dee Declined"),
    )
    client.force_login(coordinator)
    body = client.get(reverse("training:date", args=[course_date.pk])).content.decode()
    assert "2 of 2" in body
    assert body.index("Zara Booked") < body.index("Pat Pending") < body.index("Bea First") < body.index("Alex Second")
    assert body.index("Alex Second") < body.index("Dee Declined")
    assert "Court week." in body
    assert reverse("training:approve-booking", args=[pending.pk]) in body
    assert reverse("training:approve-booking", args=[first.pk]) in body  # waiting, not yet approved
    assert reverse("training:approve-booking", args=[second.pk]) not in body  # waiting, approved already
    assert reverse("training:cancel-booking", args=[booked.pk]) in body
    assert f'name="next" value="{reverse("training:date", args=[course_date.pk])}"' in body


# --- The register ----------------------------------------------------------------------------


def test_the_register_waits_until_the_course_has_started(client, coordinator):
    course_date = CourseDateFactory()
    booking = BookingFactory(course_date=course_date)
    client.force_login(coordinator)
    url = reverse("training:register", args=[course_date.pk])
    assert "You can take the register once the course has started" in client.get(url).content.decode()
    response = client.post(url, {f"attendance_{booking.pk}": "attended"})
    assert "You can take the register once the course has started" in response.content.decode()
    booking.refresh_from_db()
    assert booking.attendance == ""


def test_coordinator_takes_the_register(client, coordinator):
    course_date = _past_date(course=CourseFactory(hours=6))
    came, part, absent = BookingFactory.create_batch(3, course_date=course_date)
    waiting = BookingFactory(course_date=course_date, status=BookingStatus.WAITING)
    client.force_login(coordinator)
    url = reverse("training:register", args=[course_date.pk])
    page = client.get(url).content.decode()
    assert page.count("<legend") >= 3
    assert f"attendance_{waiting.pk}" not in page
    response = client.post(
        url,
        {
            f"attendance_{came.pk}": "attended",
            f"attendance_{part.pk}": "partly",
            f"hours_{part.pk}": "2.5",
            f"attendance_{absent.pk}": "absent",
            f"hours_{absent.pk}": "3",
        },
    )
    assert response.url == reverse("training:date", args=[course_date.pk])
    day = timezone.localtime(course_date.starts_at).date()
    for booking in (came, part, absent):
        booking.refresh_from_db()
    assert (came.attendance, came.hours_attended, came.completed_on) == (Attendance.ATTENDED, Decimal("6"), day)
    assert (part.attendance, part.hours_attended, part.completed_on) == (Attendance.PARTLY, Decimal("2.5"), day)
    assert (absent.attendance, absent.hours_attended, absent.completed_on) == (Attendance.ABSENT, None, None)
    # The register shows what was marked, to correct it.
    page = client.get(url).content.decode()
    assert re.search(rf'name="attendance_{part.pk}"[^>]*value="partly"\s*checked', page)
    assert re.search(rf'name="hours_{part.pk}" value="2.5"', page)


@pytest.mark.parametrize(
    ("hours", "message"),
    [
        ("", "Enter the hours {name} attended"),
        ("-2", "The hours {name} attended cannot be negative"),
        ("0", "If {name} attended part, enter more than 0 hours"),
        ("6", "enter fewer hours than the whole course (6)"),
        ("lots", "Enter the hours {name} attended as a number"),
    ],
)
def test_register_hours_for_part_attendance_are_checked(client, coordinator, hours, message):
    course_date = _past_date(course=CourseFactory(hours=6))
    booking = BookingFactory(course_date=course_date)
    client.force_login(coordinator)
    response = client.post(
        reverse("training:register", args=[course_date.pk]),
        {f"attendance_{booking.pk}": "partly", f"hours_{booking.pk}": hours},
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in body
    assert message.format(name=booking.person.get_full_name()).replace("'", "&#x27;") in body
    booking.refresh_from_db()
    assert booking.attendance == ""


def test_everyone_on_the_register_must_be_marked(client, coordinator):
    course_date = _past_date()
    marked, forgotten = BookingFactory.create_batch(2, course_date=course_date)
    client.force_login(coordinator)
    response = client.post(reverse("training:register", args=[course_date.pk]), {f"attendance_{marked.pk}": "attended"})
    assert f"Choose whether {forgotten.person.get_full_name()} attended".replace("'", "&#x27;") in (
        response.content.decode()
    )
    marked.refresh_from_db()
    assert marked.attendance == ""


# --- Booking a team --------------------------------------------------------------------------


def test_coordinator_books_a_team_places_first_then_the_waiting_list(client, coordinator, team, worker, supervisor):
    course_date = CourseDateFactory(capacity=2)
    BookingFactory(course_date=course_date, person=worker)
    newcomer = UserFactory(team=team, full_name="Aaron Newcomer", roles=[Role.SOCIAL_WORKER])
    late = UserFactory(team=team, full_name="Zed Last", roles=[Role.SOCIAL_WORKER])
    client.force_login(coordinator)
    response = client.post(reverse("training:book-people", args=[course_date.pk]), {"team": team.pk})
    body = response.content.decode()
    assert response.status_code == 200
    assert "1 place booked" in body
    statuses = dict(Booking.objects.filter(course_date=course_date).values_list("person_id", "status"))
    assert statuses[worker.pk] == BookingStatus.BOOKED
    assert statuses[newcomer.pk] == BookingStatus.BOOKED
    assert statuses[supervisor.pk] == BookingStatus.WAITING
    assert statuses[late.pk] == BookingStatus.WAITING
    assert body.index("Got a place") < body.index("Aaron Newcomer") < body.index("On the waiting list")
    assert body.index("On the waiting list") < body.index("Zed Last") < body.index("Already booked or waiting")
    assert body.index("Already booked or waiting") < body.rindex(worker.get_full_name())


def test_bulk_booking_can_be_limited_to_a_role(client, coordinator, team, worker, supervisor):
    course_date = CourseDateFactory(capacity=10)
    client.force_login(coordinator)
    role = Group.objects.get(name=Role.SUPERVISOR)
    client.post(reverse("training:book-people", args=[course_date.pk]), {"team": team.pk, "role": role.pk})
    assert list(Booking.objects.values_list("person_id", flat=True)) == [supervisor.pk]
    response = client.post(
        reverse("training:book-people", args=[course_date.pk]),
        {"team": team.pk, "role": Group.objects.get(name=Role.GUIDE_EDITOR).pk},
    )
    assert "Nobody in" in response.content.decode()


def test_bulk_booking_is_refused_for_a_date_that_has_started(client, coordinator, team, worker):
    course_date = _past_date()
    client.force_login(coordinator)
    response = client.post(reverse("training:book-people", args=[course_date.pk]), {"team": team.pk})
    assert "only book people onto a future date" in response.content.decode()
    assert not Booking.objects.exists()


# --- Spend -----------------------------------------------------------------------------------


def test_coordinator_sets_the_budget_and_records_spend(client, coordinator):
    today = timezone.localdate()
    year = financial_year_of(today)
    client.force_login(coordinator)
    url = reverse("training:spend")
    response = client.post(f"{url}?year={year}", {"set_budget": "", "budget-amount": "20000"})
    assert response.url == f"{url}?year={year}"
    assert Budget.objects.get(year=year).amount == Decimal("20000")
    course = CourseFactory()
    for amount, description in (("1250.50", "Invoice 101"), ("499.50", "Invoice 102")):
        client.post(
            f"{url}?year={year}",
            {
                "record_spend": "",
                "spend-spent_on": _fmt(today),
                "spend-amount": amount,
                "spend-description": description,
                "spend-course": course.pk,
            },
        )
    last_year_start, _ = financial_year_bounds(year - 1)
    Spend.objects.create(spent_on=last_year_start, amount=900, description="Old invoice", recorded_by=coordinator)
    body = client.get(url).content.decode()
    assert "£20,000.00" in body
    assert "£1,750.00" in body  # spent this year; last year's invoice is not counted
    assert "£18,250.00" in body  # left
    assert "Old invoice" not in body
    body = client.get(url, {"year": year - 1}).content.decode()
    assert "Old invoice" in body
    assert "Not set" in body


def test_overspending_is_shown_in_words(client, coordinator):
    today = timezone.localdate()
    Budget.objects.create(year=financial_year_of(today), amount=100)
    Spend.objects.create(spent_on=today, amount=150, description="Conference", recorded_by=coordinator)
    client.force_login(coordinator)
    body = client.get(reverse("training:spend")).content.decode()
    assert "Over budget" in body
    assert "£50.00" in body


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"spend-amount": "-20"}, "The amount must be more than £0"),
        ({"spend-amount": "0"}, "The amount must be more than £0"),
        ({"spend-amount": "12.345"}, "Enter an amount in pounds and pence, like 99.50"),
        ({"spend-amount": "lots"}, "Enter an amount in pounds, like 1250 or 99.50"),
        ({"spend-amount": "100000000"}, "Enter an amount less than £100,000,000"),
        ({"spend-spent_on": "32 1 2027"}, "Enter a real date, like 27 3 2027"),
        ({"spend-description": ""}, "Enter what the money was for"),
    ],
)
def test_bad_spend_gets_clear_errors(client, coordinator, data, message):
    client.force_login(coordinator)
    post = {
        "record_spend": "",
        "spend-spent_on": _fmt(timezone.localdate()),
        "spend-amount": "10",
        "spend-description": "Books",
        **data,
    }
    response = client.post(reverse("training:spend"), post)
    body = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in body
    assert message in body
    assert not Spend.objects.exists()


def test_a_negative_budget_is_refused(client, coordinator):
    client.force_login(coordinator)
    response = client.post(reverse("training:spend"), {"set_budget": "", "budget-amount": "-1"})
    assert "The amount cannot be negative" in response.content.decode()
    assert not Budget.objects.exists()


def test_a_garbled_year_falls_back_to_this_year(client, coordinator):
    client.force_login(coordinator)
    response = client.get(reverse("training:spend"), {"year": "<script>"})
    assert response.status_code == 200
    assert f"April {financial_year_of(timezone.localdate())} to March" in response.content.decode()


# --- Coverage targets ------------------------------------------------------------------------


def test_coordinator_adds_and_removes_targets_and_a_clash_is_explained(client, coordinator):
    programme = ProgrammeFactory(name="Systemic practice")
    client.force_login(coordinator)
    url = reverse("training:targets")
    data = {"programme": programme.pk, "level": "introductory", "role": "", "target_percent": "90"}
    assert client.post(url, data).status_code == 302
    target = CoverageTarget.objects.get()
    assert (target.role, target.target_percent) == (None, 90)

    response = client.post(url, {**data, "target_percent": "80"})
    body = response.content.decode()
    assert "govuk-error-summary" in body
    assert "There is already a target for all staff at introductory level in Systemic practice" in body
    assert CoverageTarget.objects.count() == 1

    workers = Group.objects.get(name=Role.SOCIAL_WORKER)
    assert client.post(url, {**data, "role": workers.pk}).status_code == 302
    assert CoverageTarget.objects.count() == 2

    client.post(url, {"remove": target.pk})
    assert list(CoverageTarget.objects.values_list("role", flat=True)) == [workers.pk]
    assert client.post(url, {"remove": "nonsense"}).status_code == 404


@pytest.mark.parametrize("percent", ["0", "101", "-5", "half"])
def test_target_percent_must_be_1_to_100(client, coordinator, percent):
    client.force_login(coordinator)
    response = client.post(
        reverse("training:targets"),
        {"programme": ProgrammeFactory().pk, "level": "introductory", "target_percent": percent},
    )
    assert "from 1 to 100" in response.content.decode()
    assert not CoverageTarget.objects.exists()


# --- Evaluation reports ----------------------------------------------------------------------


def _evaluation(course_date, rating, **kwargs):
    booking = BookingFactory(
        course_date=course_date, attendance=Attendance.ATTENDED, completed_on=timezone.localdate(), **kwargs
    )
    return Evaluation.objects.create(
        booking=booking, rating=rating, was_useful=f"Useful bit {rating}", will_use=f"Will use {rating}"
    )


def test_evaluation_report_shows_the_average_distribution_and_comments(client, service_manager, team):
    course_date = _past_date()
    for rating in (5, 4, 4, 2):
        _evaluation(course_date, rating, person=UserFactory(team=team))
    other_course = _past_date()
    _evaluation(other_course, 1, person=UserFactory(team=team))
    client.force_login(service_manager)
    response = client.get(reverse("training:course-evaluations", args=[course_date.course.pk]))
    body = response.content.decode()
    assert "3.8 out of 5" in body
    assert "50%" in body  # two of the four gave 4
    assert "Useful bit 2" in body
    assert "Will use 5" in body
    assert "Useful bit 1" not in body
    assert body.index("Useful bit 2") < body.index("Useful bit 5")  # newest first


def test_evaluation_report_for_a_course_nobody_evaluated(client, coordinator):
    client.force_login(coordinator)
    body = client.get(reverse("training:course-evaluations", args=[CourseFactory().pk])).content.decode()
    assert "Nobody has evaluated this course yet" in body


# --- Query bounds ----------------------------------------------------------------------------


def test_manage_home_queries_do_not_grow_with_programmes_courses_and_dates(
    client, coordinator, team, django_assert_max_num_queries
):
    people = UserFactory.create_batch(5, team=team)
    for number in range(4):
        programme = ProgrammeFactory(name=f"Programme {number}")
        for _ in range(5):
            course = CourseFactory(programme=programme)
            for date_number in range(2):
                course_date = CourseDateFactory(course=course, capacity=3)
                for person in people[: 2 + date_number]:
                    BookingFactory(course_date=course_date, person=person)
        _past_date(course=course)
    client.force_login(coordinator)
    with django_assert_max_num_queries(15):
        response = client.get(reverse("training:manage"))
    assert response.status_code == 200
    assert response.content.decode().count("training/manage/dates/") >= 40


def test_date_detail_queries_do_not_grow_with_bookings(client, coordinator, team, django_assert_max_num_queries):
    course_date = CourseDateFactory(capacity=20)
    for index in range(40):
        status = [BookingStatus.BOOKED, BookingStatus.PENDING, BookingStatus.WAITING, BookingStatus.CANCELLED][
            index % 4
        ]
        BookingFactory(course_date=course_date, person=UserFactory(team=team), status=status)
    client.force_login(coordinator)
    with django_assert_max_num_queries(10):
        response = client.get(reverse("training:date", args=[course_date.pk]))
    assert response.status_code == 200


def test_register_queries_do_not_grow_with_people(client, coordinator, team, django_assert_max_num_queries):
    course_date = _past_date(capacity=40)
    bookings = [BookingFactory(course_date=course_date, person=UserFactory(team=team)) for _ in range(30)]
    client.force_login(coordinator)
    url = reverse("training:register", args=[course_date.pk])
    with django_assert_max_num_queries(10):
        assert client.get(url).status_code == 200
    with django_assert_max_num_queries(16):
        response = client.post(url, {f"attendance_{booking.pk}": "attended" for booking in bookings})
    assert response.status_code == 302
    assert Booking.objects.filter(attendance=Attendance.ATTENDED).count() == 30


def test_spend_queries_do_not_grow_with_entries(client, coordinator, django_assert_max_num_queries):
    today = timezone.localdate()
    courses = CourseFactory.create_batch(5)
    for index in range(40):
        Spend.objects.create(
            spent_on=today,
            amount=10,
            description=f"Invoice {index}",
            course=courses[index % 5],
            recorded_by=coordinator,
        )
    client.force_login(coordinator)
    with django_assert_max_num_queries(13):
        response = client.get(reverse("training:spend"))
    assert "£400.00" in response.content.decode()


def test_targets_and_evaluations_queries_do_not_grow(client, coordinator, team, django_assert_max_num_queries):
    roles = list(Group.objects.all())
    for number in range(6):
        programme = ProgrammeFactory(name=f"Programme {number}")
        for role in roles[:3]:
            CoverageTarget.objects.create(programme=programme, level="introductory", role=role, target_percent=50)
    course_date = _past_date()
    for rating in range(1, 6):
        for _ in range(5):
            _evaluation(course_date, rating, person=UserFactory(team=team))
    client.force_login(coordinator)
    with django_assert_max_num_queries(10):
        assert client.get(reverse("training:targets")).status_code == 200
    with django_assert_max_num_queries(13):
        assert client.get(reverse("training:course-evaluations", args=[course_date.course.pk])).status_code == 200


def test_nobody_can_book_a_cancelled_date(coordinator, worker):
    course_date = CourseDateFactory()
    BookingFactory(course_date=course_date)
    cancelled = manage_services.cancel_course_date(course_date, by=coordinator)
    assert len(cancelled) == 1
    with pytest.raises(BookingError, match="cancelled"):
        services.request_place(worker, course_date, by=worker)
    with pytest.raises(BookingError, match="already cancelled"):
        manage_services.cancel_course_date(course_date, by=coordinator)
