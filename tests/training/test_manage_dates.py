"""The training coordinator's course dates: adding, changing and cancelling them, taking the register and
booking a whole team."""

import re
from datetime import timedelta
from decimal import Decimal

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from portal.roles import Role
from tests.dates import as_typed
from tests.factories import BookingFactory, CourseDateFactory, CourseFactory, UserFactory, course_date_yesterday
from training.date_forms import CourseDateForm
from training.models import Attendance, Booking, BookingStatus, CourseDate


def _date_post(course=None, **overrides) -> dict:
    day = timezone.localdate() + timedelta(days=21)
    data = {
        "start_date": as_typed(day),
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
        _date_post(course, start_date=as_typed(earlier), start_time=f"{earlier:%H:%M}", end_time="23:59"),
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
    course_date = course_date_yesterday()
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
    course_date = course_date_yesterday()
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
    course_date = course_date_yesterday(course=CourseFactory(hours=6))
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
    course_date = course_date_yesterday(course=CourseFactory(hours=6))
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
    course_date = course_date_yesterday()
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
    course_date = course_date_yesterday()
    client.force_login(coordinator)
    response = client.post(reverse("training:book-people", args=[course_date.pk]), {"team": team.pk})
    assert "only book people onto a future date" in response.content.decode()
    assert not Booking.objects.exists()
