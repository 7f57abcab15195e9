"""A person's own training pages make the same few queries however many bookings and records there are;
and two edge cases: a team mate's booking, and a person with no team."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from portal.roles import Role
from tests.factories import (
    BookingFactory,
    CourseDateFactory,
    CourseFactory,
    ProgrammeFactory,
    UserFactory,
    completed_booking,
)
from training.models import BookingStatus, ExternalLearning

# --- Query bounds -------------------------------------------------------------------------


def test_my_training_page_reads_in_a_fixed_number_of_queries(client, worker, django_assert_max_num_queries):
    social_workers = Group.objects.get(name=Role.SOCIAL_WORKER)
    for index in range(12):
        course = CourseFactory(refresh_months=12)
        course.required_for.add(social_workers)
        completed_booking(worker, days_ago=20 + index, course=course)
        BookingFactory(person=worker)
        BookingFactory(person=worker, status=BookingStatus.PENDING, approved_at=None)
        full = CourseDateFactory(capacity=1)
        BookingFactory(course_date=full)
        BookingFactory(course_date=full, person=worker, status=BookingStatus.WAITING, approved_at=None)
        ExternalLearning.objects.create(
            person=worker,
            title=f"Book {index}",
            kind="book",
            completed_on=timezone.localdate(),
            hours=1,
            reflection="-",
        )
    client.force_login(worker)
    # 12: two of them read the training that runs out soon (training.expiry).
    with django_assert_max_num_queries(12):
        response = client.get(reverse("training:mine"))
    assert response.status_code == 200
    assert response.content.decode().count("on the waiting list") >= 12


def test_the_catalogue_reads_in_a_fixed_number_of_queries(client, worker, django_assert_max_num_queries):
    for programme_index in range(4):
        programme = ProgrammeFactory(name=f"Programme {programme_index}")
        for _course in range(8):
            course = CourseFactory(programme=programme)
            for _date in range(3):
                course_date = CourseDateFactory(course=course, capacity=2)
                BookingFactory(course_date=course_date)
        BookingFactory(course_date=course_date, person=worker)
    client.force_login(worker)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("training:catalogue"))
    assert response.status_code == 200
    assert response.content.decode().count("1 place left") >= 90


def test_the_course_page_reads_in_a_fixed_number_of_queries(client, worker, django_assert_max_num_queries):
    course = CourseFactory()
    for _date in range(20):
        course_date = CourseDateFactory(course=course, capacity=3)
        BookingFactory(course_date=course_date)
    BookingFactory(course_date=course_date, person=worker)
    client.force_login(worker)
    # 12: one of them reads the handbook tool pages the course teaches.
    with django_assert_max_num_queries(12):
        response = client.get(reverse("training:course", args=[course.pk]))
    assert response.status_code == 200
    assert response.content.decode().count("Request a place") == 19


@pytest.fixture
def team_mate_booking(team_mate):
    return BookingFactory(person=team_mate)


def test_a_worker_cannot_cancel_a_team_mates_booking(client, worker, team_mate_booking):
    client.force_login(worker)
    assert client.post(reverse("training:cancel-booking", args=[team_mate_booking.pk])).status_code == 404


def test_a_worker_with_no_team_still_gets_their_page(db, client):
    loner = UserFactory(team=None, roles=[Role.SOCIAL_WORKER])
    client.force_login(loner)
    assert client.get(reverse("training:mine")).status_code == 200
    assert client.get(reverse("training:cpd")).status_code == 200
