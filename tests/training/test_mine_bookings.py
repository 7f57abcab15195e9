"""A person's own places on courses: asking for one, cancelling it, and the catalogue with the training
required of their role."""

import re

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from portal.roles import Role
from tests.factories import (
    BookingFactory,
    CourseDateFactory,
    CourseFactory,
    ProgrammeFactory,
    completed_booking,
    past_course_date,
)
from training.models import Booking, BookingStatus


def _text(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


# --- Asking for a place -------------------------------------------------------------------


def test_worker_asks_for_a_place_and_it_waits_for_approval(client, worker):
    course_date = CourseDateFactory()
    client.force_login(worker)
    page = client.get(reverse("training:course", args=[course_date.course.pk]))
    assert "Request a place" in page.content.decode()
    assert "10 places left" in _text(page)

    response = client.post(reverse("training:request-place", args=[course_date.pk]), follow=True)
    booking = Booking.objects.get(person=worker)
    assert booking.status == BookingStatus.PENDING
    assert response.redirect_chain[-1][0] == reverse("training:booking", args=[booking.pk])
    body = _text(response)
    assert "We are holding it for you while your manager or the training coordinator decides" in body
    assert "Waiting for approval" in body

    mine = _text(client.get(reverse("training:mine")))
    assert course_date.course.title in mine
    assert "Waiting for approval" in mine


def test_a_full_date_puts_the_request_on_the_waiting_list_with_its_place_in_the_queue(client, worker):
    course_date = CourseDateFactory(capacity=1)
    BookingFactory(course_date=course_date)
    BookingFactory(course_date=course_date, status=BookingStatus.WAITING, approved_at=None)
    client.force_login(worker)
    catalogue = _text(client.get(reverse("training:catalogue")))
    assert "Full: join the waiting list" in catalogue
    course_page = client.get(reverse("training:course", args=[course_date.course.pk]))
    assert "Join the waiting list" in course_page.content.decode()

    response = client.post(reverse("training:request-place", args=[course_date.pk]), follow=True)
    assert Booking.objects.get(person=worker).status == BookingStatus.WAITING
    assert "you are 2nd on the waiting list" in _text(response)
    assert "2nd on the waiting list" in _text(client.get(reverse("training:mine")))
    assert "2nd on the waiting list" in _text(client.get(reverse("training:catalogue")))


def test_a_booking_error_is_shown_with_its_own_words(client, worker):
    course_date = CourseDateFactory(is_cancelled=True)
    client.force_login(worker)
    response = client.post(reverse("training:request-place", args=[course_date.pk]), follow=True)
    assert response.redirect_chain[-1][0] == reverse("training:course", args=[course_date.course.pk])
    assert "This date has been cancelled. Choose another date." in response.content.decode()
    assert not Booking.objects.exists()


def test_asking_twice_for_the_same_date_is_refused_clearly(client, worker):
    course_date = CourseDateFactory()
    BookingFactory(course_date=course_date, person=worker)
    client.force_login(worker)
    response = client.post(reverse("training:request-place", args=[course_date.pk]), follow=True)
    assert "already has a place or a request on this date" in response.content.decode()


def test_a_date_of_a_course_no_longer_offered_cannot_be_requested_or_seen(client, worker):
    course_date = CourseDateFactory(course=CourseFactory(is_active=False))
    client.force_login(worker)
    assert client.post(reverse("training:request-place", args=[course_date.pk])).status_code == 404
    assert client.get(reverse("training:course", args=[course_date.course.pk])).status_code == 404
    assert course_date.course.title not in client.get(reverse("training:catalogue")).content.decode()


def test_requesting_a_place_needs_a_post(client, worker):
    client.force_login(worker)
    assert client.get(reverse("training:request-place", args=[CourseDateFactory().pk])).status_code == 405


# --- Cancelling ---------------------------------------------------------------------------


def test_cancelling_frees_the_place_for_the_waiting_list(client, worker, django_capture_on_commit_callbacks):
    course_date = CourseDateFactory(capacity=1)
    mine = BookingFactory(course_date=course_date, person=worker)
    waiting = BookingFactory(course_date=course_date, status=BookingStatus.WAITING)
    client.force_login(worker)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("training:cancel-booking", args=[mine.pk]), follow=True)
    assert "Your booking on" in response.content.decode()
    mine.refresh_from_db()
    waiting.refresh_from_db()
    assert mine.status == BookingStatus.CANCELLED
    assert waiting.status == BookingStatus.BOOKED


def test_a_manager_may_see_but_not_cancel_their_workers_booking(client, worker, supervisor):
    booking = BookingFactory(person=worker)
    client.force_login(supervisor)
    page = client.get(reverse("training:booking", args=[booking.pk]))
    assert page.status_code == 200
    assert "Cancel" not in page.content.decode().split("<main", 1)[1]
    assert client.post(reverse("training:cancel-booking", args=[booking.pk])).status_code == 403
    booking.refresh_from_db()
    assert booking.status == BookingStatus.BOOKED


def test_the_coordinator_may_cancel_anyones_booking(client, worker, coordinator):
    booking = BookingFactory(person=worker)
    client.force_login(coordinator)
    response = client.post(reverse("training:cancel-booking", args=[booking.pk]), follow=True)
    assert f"{worker}’s booking" in response.content.decode()
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CANCELLED


def test_a_course_that_has_started_cannot_be_cancelled(client, worker):
    booking = BookingFactory(person=worker, course_date=past_course_date(1))
    client.force_login(worker)
    response = client.post(reverse("training:cancel-booking", args=[booking.pk]), follow=True)
    assert "can no longer be cancelled" in response.content.decode()


@pytest.mark.parametrize("viewer", ["team_mate", "other_worker", "other_supervisor"])
def test_bookings_outside_ones_scope_are_not_found(client, worker, request, viewer):
    booking = completed_booking(worker)
    client.force_login(request.getfixturevalue(viewer))
    for name in ("booking", "evaluate", "certificate-upload"):
        assert client.get(reverse(f"training:{name}", args=[booking.pk])).status_code == 404, name
    assert client.post(reverse("training:cancel-booking", args=[booking.pk])).status_code == 404


def test_every_page_needs_signing_in(client, worker):
    booking = BookingFactory(person=worker)
    for url in (
        reverse("training:mine"),
        reverse("training:catalogue"),
        reverse("training:course", args=[booking.course_date.course.pk]),
        reverse("training:booking", args=[booking.pk]),
        reverse("training:evaluate", args=[booking.pk]),
        reverse("training:certificate-upload", args=[booking.pk]),
        reverse("training:certificate-download", args=[booking.pk]),
        reverse("training:external-create"),
    ):
        response = client.get(url)
        assert response.status_code == 302, url
        assert reverse("login") in response.url, url


# --- Required training, the catalogue -----------------------------------------------------


def test_required_training_missing_or_expiring_is_shown_in_a_box(client, worker):
    social_workers = Group.objects.get(name=Role.SOCIAL_WORKER)
    missing = CourseFactory(title="Safeguarding children level 3")
    missing.required_for.add(social_workers)
    expiring = CourseFactory(title="Information governance", refresh_months=12)
    expiring.required_for.add(social_workers)
    completed_booking(worker, days_ago=340, course=expiring)
    fine = CourseFactory(title="Court skills", refresh_months=24)
    fine.required_for.add(social_workers)
    completed_booking(worker, days_ago=100, course=fine)
    CourseFactory(title="Not for social workers").required_for.add(Group.objects.get(name=Role.FACILITATOR))

    client.force_login(worker)
    body = _text(client.get(reverse("training:mine")))
    box = body.split("Training you must do", 1)[1].split("Coming up", 1)[0]
    assert "Safeguarding children level 3</a>: not done yet" in box
    assert "Information governance</a>: expires on" in box
    assert "Court skills" not in box
    assert "Not for social workers" not in box


def test_a_refresher_in_the_same_programme_renews_required_training(client, worker):
    social_workers = Group.objects.get(name=Role.SOCIAL_WORKER)
    programme = ProgrammeFactory(name="Safeguarding")
    core = CourseFactory(programme=programme, title="Safeguarding core", refresh_months=12)
    core.required_for.add(social_workers)
    completed_booking(worker, days_ago=500, course=core)
    client.force_login(worker)
    assert "Safeguarding core</a>: expired on" in _text(client.get(reverse("training:mine")))

    refresher = CourseFactory(programme=programme, title="Safeguarding refresher", level="refresher")
    completed_booking(worker, days_ago=30, course=refresher)
    assert "Training you must do" not in client.get(reverse("training:mine")).content.decode()


def test_nobody_with_all_their_required_training_sees_the_box(client, worker):
    client.force_login(worker)
    assert "Training you must do" not in client.get(reverse("training:mine")).content.decode()


def test_the_catalogue_filters_by_programme_and_level(client, worker):
    systemic = ProgrammeFactory(name="Systemic practice")
    safeguarding = ProgrammeFactory(name="Safeguarding")
    CourseDateFactory(course=CourseFactory(programme=systemic, title="Systemic basics", level="introductory"))
    CourseDateFactory(course=CourseFactory(programme=systemic, title="Systemic supervision", level="advanced"))
    CourseFactory(programme=safeguarding, title="Neglect", level="introductory")
    client.force_login(worker)

    everything = client.get(reverse("training:catalogue")).content.decode()
    assert all(title in everything for title in ("Systemic basics", "Systemic supervision", "Neglect"))
    assert "No dates are planned" in everything

    chosen = client.get(reverse("training:catalogue"), {"programme": systemic.pk, "level": "advanced"})
    body = chosen.content.decode()
    assert "Systemic supervision" in body
    assert "Systemic basics" not in body
    assert "Neglect" not in body


@pytest.mark.parametrize("query", [{"programme": "999999"}, {"programme": "x"}, {"level": "<script>"}])
def test_a_wrong_catalogue_filter_shows_an_error_not_a_crash(client, worker, query):
    CourseFactory(title="Systemic basics")
    client.force_login(worker)
    response = client.get(reverse("training:catalogue"), query)
    assert response.status_code == 200
    assert "govuk-error-summary" in response.content.decode()
    assert "Systemic basics" in response.content.decode()


def test_a_cancelled_or_past_date_is_not_offered(client, worker):
    course = CourseFactory(title="Systemic basics")
    CourseDateFactory(course=course, is_cancelled=True, location="Cancelled room")
    past_course_date(3, course=course, location="Past room")
    client.force_login(worker)
    body = client.get(reverse("training:course", args=[course.pk])).content.decode()
    assert "Cancelled room" not in body
    assert "Past room" not in body
