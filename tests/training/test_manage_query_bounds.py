"""The training coordinator's pages make the same few queries however many programmes, dates, people,
spend entries and evaluations there are."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from tests.factories import (
    BookingFactory,
    CourseDateFactory,
    CourseFactory,
    ProgrammeFactory,
    UserFactory,
    course_date_yesterday,
    evaluation_of,
)
from training import manage_services, services
from training.models import Attendance, Booking, BookingStatus, CoverageTarget, Spend
from training.services import BookingError

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
        course_date_yesterday(course=course)
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
    course_date = course_date_yesterday(capacity=40)
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
    course_date = course_date_yesterday()
    for rating in range(1, 6):
        for _ in range(5):
            evaluation_of(course_date, rating, person=UserFactory(team=team))
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
