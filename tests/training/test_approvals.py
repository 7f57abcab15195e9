"""Managers' approvals: who may decide for whom, approving and declining places, external learning,
and query bounds."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import BookingFactory, CourseDateFactory, UserFactory
from training.models import Booking, BookingStatus, Decision, ExternalLearning


def _request(person, course_date=None, **kwargs) -> Booking:
    """A request for a place, not yet approved."""
    return BookingFactory(
        person=person,
        course_date=course_date or CourseDateFactory(),
        status=kwargs.pop("status", BookingStatus.PENDING),
        approved_at=None,
        **kwargs,
    )


def _learning(person, **kwargs) -> ExternalLearning:
    return ExternalLearning.objects.create(
        person=person,
        title=kwargs.pop("title", "Research in Practice briefing on neglect"),
        kind="research",
        completed_on=date(2026, 10, 1),
        hours=Decimal("1.5"),
        reflection=kwargs.pop("reflection", "Changed how I ask about routines at home."),
        **kwargs,
    )


# --- Who may see and decide ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("worker", 403),
        ("editor", 403),
        ("facilitator", 403),
        ("service_manager", 403),
        ("supervisor", 200),
        ("coordinator", 200),
    ],
)
def test_approvals_are_for_managers_and_the_coordinator(client, request, role, status):
    client.force_login(request.getfixturevalue(role))
    assert client.get(reverse("training:approvals")).status_code == status


def test_approvals_ask_people_to_sign_in(client, db):
    response = client.get(reverse("training:approvals"))
    assert response.url.startswith(reverse("login"))


def test_a_worker_cannot_approve_anything(client, worker, team_mate):
    booking = _request(team_mate)
    client.force_login(worker)
    assert client.post(reverse("training:approve-booking", args=[booking.pk])).status_code == 403
    booking.refresh_from_db()
    assert booking.status == BookingStatus.PENDING


def test_supervisor_sees_requests_from_their_team_only(client, supervisor, worker, other_worker):
    mine = _request(worker)
    _request(other_worker)
    own = _request(supervisor)
    _learning(worker, title="Fathers matter conference")
    _learning(other_worker, title="Someone else's book")
    client.force_login(supervisor)
    body = client.get(reverse("training:approvals")).content.decode()
    assert worker.get_full_name() in body
    assert reverse("training:approve-booking", args=[mine.pk]) in body
    assert other_worker.get_full_name() not in body
    assert reverse("training:approve-booking", args=[own.pk]) not in body
    assert "Fathers matter conference" in body
    assert "Changed how I ask about routines at home." in body
    assert "Someone else" not in body


def test_supervisor_cannot_decide_for_someone_in_another_team(client, supervisor, other_worker):
    booking = _request(other_worker)
    learning = _learning(other_worker)
    client.force_login(supervisor)
    assert client.post(reverse("training:approve-booking", args=[booking.pk])).status_code == 404
    assert client.get(reverse("training:decline-booking", args=[booking.pk])).status_code == 404
    assert client.post(reverse("training:decline-booking", args=[booking.pk]), {"reason": "No"}).status_code == 404
    assert client.get(reverse("training:decide-external", args=[learning.pk])).status_code == 404
    response = client.post(reverse("training:decide-external", args=[learning.pk]), {"decision": "approve"})
    assert response.status_code == 404
    booking.refresh_from_db()
    learning.refresh_from_db()
    assert (booking.status, learning.status) == (BookingStatus.PENDING, Decision.SUBMITTED)


def test_nobody_approves_their_own_request(client, supervisor):
    booking = _request(supervisor)
    client.force_login(supervisor)
    assert client.post(reverse("training:approve-booking", args=[booking.pk])).status_code == 404


def test_the_coordinator_decides_for_anyone_in_the_service(client, coordinator, other_worker, worker):
    first, second = _request(other_worker), _request(worker)
    client.force_login(coordinator)
    body = client.get(reverse("training:approvals")).content.decode()
    assert other_worker.get_full_name() in body
    assert worker.get_full_name() in body
    client.post(reverse("training:approve-booking", args=[first.pk]))
    client.post(reverse("training:approve-booking", args=[second.pk]))
    assert set(Booking.objects.values_list("status", flat=True)) == {BookingStatus.BOOKED}


def test_approving_needs_a_post(client, supervisor, worker):
    booking = _request(worker)
    client.force_login(supervisor)
    assert client.get(reverse("training:approve-booking", args=[booking.pk])).status_code == 405


# --- Approving and declining places ----------------------------------------------------------


def test_supervisor_approves_a_request_and_the_place_is_booked(client, supervisor, worker):
    booking = _request(worker)
    client.force_login(supervisor)
    response = client.post(reverse("training:approve-booking", args=[booking.pk]), follow=True)
    assert "Their place is confirmed" in response.content.decode()
    booking.refresh_from_db()
    assert (booking.status, booking.approved_by) == (BookingStatus.BOOKED, supervisor)


def test_approving_someone_on_the_waiting_list_keeps_their_turn(client, supervisor, worker):
    course_date = CourseDateFactory(capacity=1)
    BookingFactory(course_date=course_date)
    booking = _request(worker, course_date, status=BookingStatus.WAITING)
    client.force_login(supervisor)
    response = client.post(reverse("training:approve-booking", args=[booking.pk]), follow=True)
    assert "They are on the waiting list" in response.content.decode()
    booking.refresh_from_db()
    assert booking.status == BookingStatus.WAITING
    assert booking.approved_by == supervisor


def test_a_request_decided_already_gives_a_message_not_an_error(client, supervisor, worker):
    booking = _request(worker)
    client.force_login(supervisor)
    client.post(reverse("training:approve-booking", args=[booking.pk]))
    response = client.post(reverse("training:approve-booking", args=[booking.pk]), follow=True)
    assert response.status_code == 200
    assert "This request has already been decided." in response.content.decode()
    response = client.get(reverse("training:decline-booking", args=[booking.pk]), follow=True)
    assert response.status_code == 200


def test_approving_returns_to_the_page_it_came_from_on_this_site_only(client, coordinator, worker):
    first, second = _request(worker), _request(worker)
    date_page = reverse("training:date", args=[first.course_date.pk])
    client.force_login(coordinator)
    response = client.post(reverse("training:approve-booking", args=[first.pk]), {"next": date_page})
    assert response.url == date_page
    response = client.post(reverse("training:approve-booking", args=[second.pk]), {"next": "https://evil.example/"})
    assert response.url == reverse("training:approvals")


@pytest.mark.parametrize(
    ("reason", "message"),
    [("", "Enter the reason"), ("   ", "Enter the reason"), ("x" * 501, "Keep the reason to 500 characters or fewer")],
)
def test_declining_needs_a_short_reason(client, supervisor, worker, reason, message):
    booking = _request(worker)
    client.force_login(supervisor)
    response = client.post(reverse("training:decline-booking", args=[booking.pk]), {"reason": reason})
    body = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in body
    assert message in body
    booking.refresh_from_db()
    assert booking.status == BookingStatus.PENDING


def test_declining_frees_the_place_for_the_waiting_list(client, supervisor, worker):
    course_date = CourseDateFactory(capacity=1)
    booking = _request(worker, course_date)
    waiting = BookingFactory(course_date=course_date, status=BookingStatus.WAITING)
    client.force_login(supervisor)
    url = reverse("training:decline-booking", args=[booking.pk])
    assert "Why are you declining?" in client.get(url).content.decode()
    response = client.post(url, {"reason": "Court week: let's find a date in January."}, follow=True)
    assert "Declined:" in response.content.decode()
    booking.refresh_from_db()
    waiting.refresh_from_db()
    assert booking.status == BookingStatus.DECLINED
    assert booking.decline_reason == "Court week: let's find a date in January."
    assert waiting.status == BookingStatus.BOOKED


def test_declining_from_the_date_page_returns_there(client, coordinator, worker):
    booking = _request(worker)
    date_page = reverse("training:date", args=[booking.course_date.pk])
    client.force_login(coordinator)
    url = reverse("training:decline-booking", args=[booking.pk])
    assert f'name="next" value="{date_page}"' in client.get(url, {"next": date_page}).content.decode()
    response = client.post(url, {"reason": "Full team training that day.", "next": date_page})
    assert response.url == date_page


def test_requests_for_cancelled_or_past_dates_are_not_listed(client, supervisor, worker):
    cancelled = _request(worker, CourseDateFactory(is_cancelled=True))
    starts = timezone.now() - timedelta(days=1)
    past = _request(worker, CourseDateFactory(starts_at=starts, ends_at=starts + timedelta(hours=2)))
    client.force_login(supervisor)
    body = client.get(reverse("training:approvals")).content.decode()
    assert reverse("training:approve-booking", args=[cancelled.pk]) not in body
    assert reverse("training:approve-booking", args=[past.pk]) not in body
    assert "There are no course requests waiting for you." in body


# --- External learning -----------------------------------------------------------------------


def test_supervisor_approves_external_learning(client, supervisor, worker):
    learning = _learning(worker)
    client.force_login(supervisor)
    response = client.post(
        reverse("training:decide-external", args=[learning.pk]), {"decision": "approve"}, follow=True
    )
    assert "now counts in" in response.content.decode()
    learning.refresh_from_db()
    assert (learning.status, learning.decided_by) == (Decision.APPROVED, supervisor)


def test_declining_external_learning_needs_a_reason(client, supervisor, worker):
    learning = _learning(worker)
    client.force_login(supervisor)
    url = reverse("training:decide-external", args=[learning.pk])
    page = client.get(url).content.decode()
    assert "Changed how I ask about routines at home." in page
    response = client.post(url, {"decision": "decline", "reason": ""})
    assert "Enter the reason you are declining it" in response.content.decode()
    response = client.post(url, {"decision": "maybe"})
    assert "Choose approve or decline" in response.content.decode()
    learning.refresh_from_db()
    assert learning.status == Decision.SUBMITTED
    client.post(url, {"decision": "decline", "reason": "This was a team meeting, not learning."})
    learning.refresh_from_db()
    assert (learning.status, learning.decline_reason) == (Decision.DECLINED, "This was a team meeting, not learning.")
    response = client.get(url, follow=True)
    assert "This learning has already been decided." in response.content.decode()


# --- Query bounds ----------------------------------------------------------------------------


def test_approvals_queries_do_not_grow_with_requests(client, coordinator, team, django_assert_max_num_queries):
    dates = CourseDateFactory.create_batch(5, capacity=50)
    for index in range(30):
        person = UserFactory(team=team)
        _request(person, dates[index % 5])
        if index % 2:
            _learning(person, title=f"Book {index}")
    client.force_login(coordinator)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("training:approvals"))
    body = response.content.decode()
    assert "30 requests to decide" in body
    assert body.count('govuk-summary-card__title"') == 15
