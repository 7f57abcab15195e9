"""Practice development sessions: dates of a course that also record what was decided, booked, registered and
counted in CPD like any course date, with the decisions read only by those who came and the coordinator."""

import re
from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.dates import as_typed
from tests.factories import BookingFactory, CourseDateFactory, CourseFactory, ProgrammeFactory, course_date_yesterday
from training.cpd import COURSE, cpd_record
from training.date_forms import CourseDateForm
from training.demo import practice_development as demo
from training.models import Attendance, Booking, BookingStatus, CourseDate, DateKind, financial_year_of

SESSION = DateKind.PRACTICE_DEVELOPMENT
DECIDED = "Genograms go on every case record within four weeks of allocation."
NO_NAMES = "Do not write the names of families or children."
TAG = "Practice development session</strong>"


@pytest.fixture
def course(db):
    return CourseFactory(
        programme=ProgrammeFactory(name="Practice development sessions"),
        title="Practice development: how we will work",
        hours=3,
        cost_per_place=0,
        provider="In-house: Practice Development Team",
    )


@pytest.fixture
def held(course, worker, team_mate):
    """A session held yesterday: the worker came, the team mate did not; what it decided is recorded."""
    session = course_date_yesterday(course=course, kind=SESSION, decisions=DECIDED)
    came = BookingFactory(
        course_date=session,
        person=worker,
        attendance=Attendance.ATTENDED,
        hours_attended=Decimal("3"),
        completed_on=timezone.localtime(session.starts_at).date(),
    )
    missed = BookingFactory(course_date=session, person=team_mate, attendance=Attendance.ABSENT)
    return {"session": session, "came": came, "missed": missed}


def _edit_post(course_date, **overrides) -> dict:
    data = {key: value for key, value in CourseDateForm.initial_for(course_date).items() if value is not None}
    data["start_date"] = as_typed(timezone.localtime(course_date.starts_at).date())
    data.update(overrides)
    return data


def _body(response) -> str:
    return response.content.decode()


# --- Adding and changing a session ------------------------------------------------------------


def test_coordinator_adds_a_practice_development_session(client, coordinator, course):
    client.force_login(coordinator)
    form = _body(client.get(reverse("training:date-create")))
    assert "What kind of date is it?" in form
    assert "What was decided" not in form  # recorded once the session has run
    day = timezone.localdate() + timedelta(days=21)
    response = client.post(
        reverse("training:date-create"),
        {
            "course": course.pk,
            "start_date": as_typed(day),
            "start_time": "13:30",
            "end_time": "16:30",
            "location": "Guildhall, Basinghall Suite",
            "is_online": "no",
            "capacity": "20",
            "facilitator": "Jo Lambert",
            "kind": SESSION,
        },
    )
    session = CourseDate.objects.get(course=course)
    assert response.url == reverse("training:date", args=[session.pk])
    assert (session.kind, session.decisions) == (SESSION, "")
    page = _body(client.get(response.url))
    assert TAG in page
    assert "Recorded once the session has run." in page


def test_a_kind_that_does_not_exist_is_refused(client, coordinator, course):
    client.force_login(coordinator)
    response = client.post(reverse("training:date-create"), {"course": course.pk, "kind": "workshop"})
    assert "Choose a kind from the list" in _body(response)
    assert not CourseDate.objects.exists()


def test_coordinator_records_what_a_session_decided_when_changing_it(client, coordinator, course):
    session = course_date_yesterday(course=course, kind=SESSION)
    client.force_login(coordinator)
    url = reverse("training:date-edit", args=[session.pk])
    form = _body(client.get(url))
    assert "What was decided" in form
    assert NO_NAMES in form
    response = client.post(url, _edit_post(session, decisions=DECIDED, location="Guildhall, Committee Room 3"))
    assert response.url == reverse("training:date", args=[session.pk])
    session.refresh_from_db()
    assert (session.decisions, session.location, session.kind, session.version) == (
        DECIDED,
        "Guildhall, Committee Room 3",
        SESSION,
        2,
    )
    assert DECIDED in _body(client.get(response.url))


def test_a_course_date_becomes_a_session_and_back(client, coordinator, course):
    course_date = CourseDateFactory(course=course)
    client.force_login(coordinator)
    url = reverse("training:date-edit", args=[course_date.pk])
    assert "What was decided" not in _body(client.get(url))
    client.post(url, _edit_post(course_date, kind=SESSION))
    course_date.refresh_from_db()
    assert course_date.kind == SESSION
    client.post(url, _edit_post(course_date, kind=DateKind.COURSE))
    course_date.refresh_from_db()
    assert course_date.kind == DateKind.COURSE


@pytest.mark.parametrize(
    ("days", "kind", "message"),
    [
        (14, SESSION, "You can record what was decided once the session has started"),
        (-1, DateKind.COURSE, "Only a practice development session records what was decided"),
    ],
)
def test_decisions_are_refused_before_a_session_or_for_a_course_date(client, coordinator, course, days, kind, message):
    starts = timezone.localtime().replace(hour=9, minute=30, second=0, microsecond=0) + timedelta(days=days)
    session = CourseDateFactory(course=course, kind=SESSION, starts_at=starts, ends_at=starts + timedelta(hours=3))
    client.force_login(coordinator)
    response = client.post(
        reverse("training:date-edit", args=[session.pk]), _edit_post(session, decisions=DECIDED, kind=kind)
    )
    body = _body(response)
    assert response.status_code == 200
    assert "govuk-error-summary" in body
    assert message in body
    session.refresh_from_db()
    assert (session.decisions, session.kind, session.version) == ("", SESSION, 1)


def test_what_was_decided_has_a_length_limit(client, coordinator, course):
    session = course_date_yesterday(course=course, kind=SESSION)
    client.force_login(coordinator)
    response = client.post(reverse("training:date-edit", args=[session.pk]), _edit_post(session, decisions="x" * 5001))
    assert "Keep what was decided to 5,000 characters" in _body(response)


# --- The register -----------------------------------------------------------------------------


def test_the_register_records_attendance_and_what_was_decided(client, coordinator, course, worker, team_mate):
    session = course_date_yesterday(course=course, kind=SESSION)
    came, part = (
        BookingFactory(course_date=session, person=worker),
        BookingFactory(course_date=session, person=team_mate),
    )
    client.force_login(coordinator)
    url = reverse("training:register", args=[session.pk])
    page = _body(client.get(url))
    assert "What was decided" in page
    assert NO_NAMES in page
    response = client.post(
        url,
        {
            f"attendance_{came.pk}": Attendance.ATTENDED,
            f"attendance_{part.pk}": Attendance.PARTLY,
            f"hours_{part.pk}": "1.5",
            "decisions": DECIDED,
            "version": session.version,
        },
    )
    assert response.url == reverse("training:date", args=[session.pk])
    session.refresh_from_db()
    came.refresh_from_db()
    part.refresh_from_db()
    assert session.decisions == DECIDED
    assert (came.hours_attended, part.hours_attended) == (Decimal("3"), Decimal("1.5"))
    assert came.completed_on == part.completed_on == timezone.localtime(session.starts_at).date()
    followed = client.get(response.url)
    assert "The register is saved for 2 people, with what was decided." in _body(followed)


def test_what_was_decided_changed_by_someone_else_is_not_overwritten(client, coordinator, course, worker):
    session = course_date_yesterday(course=course, kind=SESSION, decisions="Theirs", version=3)
    booking = BookingFactory(course_date=session, person=worker)
    client.force_login(coordinator)
    response = client.post(
        reverse("training:register", args=[session.pk]),
        {f"attendance_{booking.pk}": Attendance.ATTENDED, "decisions": "Mine", "version": 2},
    )
    assert "Someone else changed what was decided after you opened the register" in _body(response)
    session.refresh_from_db()
    booking.refresh_from_db()
    assert session.decisions == "Theirs"
    assert booking.attendance == ""  # the register and the decisions are saved together or not at all


def test_a_course_dates_register_asks_for_no_decisions(client, coordinator, course, worker):
    course_date = course_date_yesterday(course=course)
    BookingFactory(course_date=course_date, person=worker)
    client.force_login(coordinator)
    assert "What was decided" not in _body(client.get(reverse("training:register", args=[course_date.pk])))


# --- Booking, CPD and who reads the decisions ---------------------------------------------------


def test_staff_see_sessions_listed_as_such_and_book_them_as_usual(client, worker, course):
    session = CourseDateFactory(course=course, kind=SESSION)
    CourseDateFactory(course=CourseFactory(title="Signs of Safety: introduction"))
    client.force_login(worker)
    assert _body(client.get(reverse("training:catalogue"))).count(TAG) == 1
    assert TAG in _body(client.get(reverse("training:course", args=[course.pk])))
    client.post(reverse("training:request-place", args=[session.pk]))
    booking = Booking.objects.get(course_date=session, person=worker)
    assert booking.status in (BookingStatus.PENDING, BookingStatus.BOOKED)
    assert TAG in _body(client.get(reverse("training:booking", args=[booking.pk])))


def test_the_booking_page_shows_the_course_programme_and_kind_once_each(client, worker, held):
    client.force_login(worker)
    body = _body(client.get(reverse("training:booking", args=[held["came"].pk])))
    rows = dict(
        re.findall(
            r'<dt class="govuk-summary-list__key">([^<]*)</dt><dd class="govuk-summary-list__value">(.*?)</dd>', body
        )
    )
    course = held["session"].course
    assert rows["Course"] == (
        f'<a class="govuk-link" href="{reverse("training:course", args=[course.pk])}">{course.title}</a>'
    )
    assert rows["Programme"] == "Practice development sessions"
    assert rows["Kind of date"] == '<strong class="govuk-tag govuk-tag--purple">Practice development session</strong>'
    assert body.count(TAG) == 1


def test_a_course_dates_booking_page_has_no_kind_row(client, worker):
    booking = BookingFactory(person=worker, course_date=CourseDateFactory())
    client.force_login(worker)
    body = _body(client.get(reverse("training:booking", args=[booking.pk])))
    assert ">Programme</dt>" in body
    assert "Kind of date" not in body
    assert TAG not in body


def test_cpd_counts_the_sessions_hours_and_names_the_session(worker, held):
    year = financial_year_of(held["came"].completed_on)
    record = cpd_record(worker, worker, year)
    [item] = record.items
    assert (item.source, item.hours) == (COURSE, Decimal("3"))
    assert item.detail == "Practice development session, In-house: Practice Development Team"
    assert record.total_hours == Decimal("3")
    assert DECIDED not in repr(record)  # the CPD record, which managers read, never carries the decisions


def test_someone_who_came_reads_what_was_decided_on_their_booking(client, worker, held):
    client.force_login(worker)
    body = _body(client.get(reverse("training:booking", args=[held["came"].pk])))
    assert "What the session decided" in body
    assert DECIDED in body


def test_the_coordinator_reads_what_was_decided(client, coordinator, held):
    client.force_login(coordinator)
    assert DECIDED in _body(client.get(reverse("training:date", args=[held["session"].pk])))
    assert DECIDED in _body(client.get(reverse("training:booking", args=[held["came"].pk])))


@pytest.mark.parametrize(
    ("role", "booking"), [("team_mate", "missed"), ("supervisor", "came"), ("service_manager", "came")]
)
def test_people_who_did_not_come_do_not_read_what_was_decided(client, request, held, role, booking):
    """Someone booked who did not come, and managers who see the booking, get the page without the decisions."""
    client.force_login(request.getfixturevalue(role))
    response = client.get(reverse("training:booking", args=[held[booking].pk]))
    assert response.status_code == 200
    assert DECIDED not in _body(response)
    assert "What the session decided" not in _body(response)


@pytest.mark.parametrize("role", ["worker", "supervisor", "service_manager", "facilitator"])
def test_only_the_coordinator_opens_the_sessions_page_and_register(client, request, held, role):
    client.force_login(request.getfixturevalue(role))
    assert client.get(reverse("training:date", args=[held["session"].pk])).status_code == 403
    assert client.get(reverse("training:register", args=[held["session"].pk])).status_code == 403


def test_someone_not_booked_cannot_open_anothers_booking(client, other_worker, held):
    client.force_login(other_worker)
    assert client.get(reverse("training:booking", args=[held["came"].pk])).status_code == 404


# --- The demo ---------------------------------------------------------------------------------


def test_the_demo_marks_its_sessions_records_their_decisions_and_adds_the_next(db):
    first, second = CourseFactory(title="Session 1"), CourseFactory(title="Session 2")
    ran = [
        course_date_yesterday(course=first),
        CourseDateFactory(
            course=second,
            starts_at=timezone.now() - timedelta(days=30),
            ends_at=timezone.now() - timedelta(days=30) + timedelta(hours=3),
        ),
    ]
    assert demo.load({"pd_1": first, "pd_2": second}, timezone.localdate()) == 1
    for course_date, key in zip(ran, ("pd_1", "pd_2"), strict=True):
        course_date.refresh_from_db()
        assert (course_date.kind, course_date.decisions) == (SESSION, demo.DECISIONS[key][0])
    upcoming = CourseDate.objects.get(course=second, starts_at__gt=timezone.now())
    assert upcoming.kind == SESSION
    assert upcoming.decisions == ""
    assert timezone.localdate(upcoming.starts_at).weekday() < 5
