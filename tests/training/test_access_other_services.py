"""Nothing from another service, for anyone: not even for the coordinator and service managers, who see the
whole of their own service."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from portal.roles import Role
from tests.access_matrix import FORBIDDEN, MISSING, body_of
from tests.factories import BookingFactory, ServiceFactory, TeamFactory, UserFactory
from training.models import Booking, BookingStatus, Evaluation, ExternalLearning, Spend

# --- Another service ----------------------------------------------------------------------


@pytest.fixture
def elsewhere(world):
    """A second service with its own worker (a completed, evaluated course with a certificate, a request
    waiting, external learning) and its own coordinator and service manager."""
    service = ServiceFactory(name="Adult Social Care")
    team = TeamFactory(service=service, name="Hospital Discharge")
    manager = UserFactory(team=team, roles=[Role.SUPERVISOR, Role.SOCIAL_WORKER], full_name="Morag Elsewhere")
    person = UserFactory(team=team, line_manager=manager, roles=[Role.SOCIAL_WORKER], full_name="Zebedee Outsider")
    completed = BookingFactory(
        course_date=world["past_date"],
        person=person,
        attendance="attended",
        hours_attended=6,
        completed_on=world["completed"].completed_on,
        certificate=b"%PDF-1.7\n%%EOF\n",
        certificate_name="outsider.pdf",
        certificate_type="application/pdf",
    )
    Evaluation.objects.create(booking=completed, rating=1, was_useful="Zebedee's secret comment.")
    pending = BookingFactory(course_date=world["open_date"], person=person, status="pending", approved_at=None)
    learning = ExternalLearning.objects.create(
        person=person,
        title="Outsider's private reading",
        kind="book",
        completed_on=timezone.localdate() - timedelta(days=5),
        hours=2,
        reflection="Outsider's reflection.",
    )
    return {
        "team": team,
        "person": person,
        "manager": manager,
        "completed": completed,
        "pending": pending,
        "learning": learning,
        "coordinator": UserFactory(team=team, roles=[Role.TRAINING_COORDINATOR]),
        "service_manager": UserFactory(team=team, roles=[Role.SERVICE_MANAGER]),
    }


WHOLE_SERVICE = ["coordinator", "service_manager"]

FOREIGN_RECORDS = [
    ("booking", "get", lambda e: reverse("training:booking", args=[e["completed"].pk])),
    ("certificate download", "get", lambda e: reverse("training:certificate-download", args=[e["completed"].pk])),
    ("certificate upload", "get", lambda e: reverse("training:certificate-upload", args=[e["completed"].pk])),
    ("evaluate", "get", lambda e: reverse("training:evaluate", args=[e["completed"].pk])),
    ("cancel", "post", lambda e: reverse("training:cancel-booking", args=[e["pending"].pk])),
    ("other learning", "get", lambda e: reverse("training:external", args=[e["learning"].pk])),
    ("CPD record", "get", lambda e: reverse("training:cpd-person", args=[e["person"].pk])),
    ("CPD CSV", "get", lambda e: reverse("training:cpd-csv") + f"?person={e['person'].pk}"),
    ("approve", "post", lambda e: reverse("training:approve-booking", args=[e["pending"].pk])),
    ("decline", "get", lambda e: reverse("training:decline-booking", args=[e["pending"].pk])),
    ("decide other learning", "get", lambda e: reverse("training:decide-external", args=[e["learning"].pk])),
]


# Service managers do not approve at all, so the approvals pages refuse them before looking for the record.
NOT_AN_APPROVER = {"approve", "decline", "decide other learning"}


@pytest.mark.parametrize("role", WHOLE_SERVICE)
@pytest.mark.parametrize(("name", "method", "url"), FOREIGN_RECORDS, ids=[case[0] for case in FOREIGN_RECORDS])
def test_a_record_in_another_service_is_not_found_even_for_those_who_see_a_whole_service(
    client, world, elsewhere, role, name, method, url
):
    client.force_login(world["people"][role])
    response = getattr(client, method)(url(elsewhere))
    expected = FORBIDDEN if role == "service_manager" and name in NOT_AN_APPROVER else MISSING
    assert response.status_code == expected, f"{role} on {name}"


@pytest.mark.parametrize("role", WHOLE_SERVICE)
def test_our_records_are_not_found_by_the_other_services_coordinator_or_service_manager(client, world, elsewhere, role):
    client.force_login(elsewhere[role])
    worker = world["people"]["worker"]
    for url in (
        reverse("training:booking", args=[world["completed"].pk]),
        reverse("training:certificate-download", args=[world["completed"].pk]),
        reverse("training:external", args=[world["learning"].pk]),
        reverse("training:cpd-person", args=[worker.pk]),
        reverse("training:cpd-csv") + f"?person={worker.pk}",
    ):
        assert client.get(url).status_code == 404, url
    if role == "coordinator":
        assert client.post(reverse("training:approve-booking", args=[world["pending"].pk])).status_code == 404
        assert client.post(reverse("training:cancel-booking", args=[world["pending"].pk])).status_code == 404
    world["pending"].refresh_from_db()
    assert world["pending"].status == BookingStatus.PENDING


@pytest.mark.parametrize("role", WHOLE_SERVICE)
def test_the_uptake_views_and_approvals_leave_out_people_in_another_service(client, world, elsewhere, role):
    client.force_login(world["people"][role])
    urls = [
        reverse("training:uptake"),
        reverse("training:uptake") + "?sort=gaps",
        reverse("training:uptake-csv"),
        reverse("training:coverage"),
    ]
    if role == "coordinator":
        urls.append(reverse("training:approvals"))
    for url in urls:
        body = body_of(client.get(url))
        assert elsewhere["person"].full_name not in body, url
        assert "Hospital Discharge" not in body, url
    assert world["people"]["worker"].full_name in body_of(client.get(reverse("training:uptake")))


@pytest.mark.parametrize("role", WHOLE_SERVICE)
def test_filtering_the_matrix_to_another_services_team_is_refused(client, world, elsewhere, role):
    client.force_login(world["people"][role])
    response = client.get(reverse("training:uptake"), {"team": elsewhere["team"].pk})
    assert response.status_code == 200
    body = response.content.decode()
    assert "Select a team from the list" in body
    assert elsewhere["person"].full_name not in body
    csv = body_of(client.get(reverse("training:uptake-csv"), {"team": elsewhere["team"].pk}))
    assert elsewhere["person"].full_name not in csv


def test_the_coordinators_date_register_and_booking_pages_leave_out_another_service(client, world, elsewhere):
    client.force_login(world["people"]["coordinator"])
    outsider = elsewhere["person"].full_name
    worker = world["people"]["worker"].full_name
    date_page = client.get(reverse("training:date", args=[world["open_date"].pk])).content.decode()
    assert outsider not in date_page
    register = client.get(reverse("training:register", args=[world["past_date"].pk])).content.decode()
    assert worker in register
    assert outsider not in register
    booking_form = client.get(reverse("training:book-people", args=[world["open_date"].pk])).content.decode()
    assert "Hospital Discharge" not in booking_form
    response = client.post(
        reverse("training:book-people", args=[world["open_date"].pk]), {"team": elsewhere["team"].pk, "role": ""}
    )
    assert "Choose a team from the list" in response.content.decode()
    assert not Booking.objects.filter(
        person=elsewhere["person"], course_date=world["open_date"], status="booked"
    ).exists()


def test_the_register_cannot_mark_someone_in_another_service(client, world, elsewhere):
    """Posting a mark for a booking outside the coordinator's service changes nothing."""
    client.force_login(world["people"]["coordinator"])
    foreign = elsewhere["completed"]
    Booking.objects.filter(pk=foreign.pk).update(attendance="", completed_on=None, hours_attended=None)
    client.post(
        reverse("training:register", args=[world["past_date"].pk]),
        {f"attendance_{world['completed'].pk}": "attended", f"attendance_{foreign.pk}": "absent"},
    )
    foreign.refresh_from_db()
    assert foreign.attendance == ""


def test_evaluations_from_another_service_stay_out_of_reports(client, world, elsewhere):
    client.force_login(world["people"]["coordinator"])
    report = client.get(reverse("training:course-evaluations", args=[world["course"].pk])).content.decode()
    assert "Zebedee's secret comment." not in report
    assert "Nobody has evaluated this course yet." in report
    coverage = client.get(reverse("training:coverage")).content.decode()
    assert "No evaluations yet." in coverage


def test_managers_in_different_services_see_only_their_own_people(client, world, elsewhere):
    client.force_login(elsewhere["manager"])
    assert client.get(reverse("training:cpd-person", args=[world["people"]["worker"].pk])).status_code == 404
    assert client.get(reverse("training:cpd-person", args=[elsewhere["person"].pk])).status_code == 200
    client.force_login(world["people"]["supervisor"])
    assert client.get(reverse("training:cpd-person", args=[elsewhere["person"].pk])).status_code == 404


def test_a_line_report_in_another_team_is_their_line_managers_to_see_and_approve(client, world):
    other_worker, supervisor = world["people"]["other_worker"], world["people"]["supervisor"]
    other_worker.line_manager = supervisor
    other_worker.save()
    asked = BookingFactory(course_date=world["open_date"], person=other_worker, status="pending", approved_at=None)
    client.force_login(supervisor)
    assert client.get(reverse("training:cpd-person", args=[other_worker.pk])).status_code == 200
    assert client.get(reverse("training:booking", args=[asked.pk])).status_code == 200
    assert client.post(reverse("training:approve-booking", args=[asked.pk])).status_code == 302
    asked.refresh_from_db()
    assert asked.status == BookingStatus.BOOKED
    # The manager of the other team still sees their team member too.
    client.force_login(world["people"]["other_supervisor"])
    assert client.get(reverse("training:cpd-person", args=[other_worker.pk])).status_code == 200


def test_spend_recorded_in_another_service_is_not_shown(client, world, elsewhere):
    """Spend is the service's own: another service's coordinator's invoices never show."""
    Spend.objects.create(
        spent_on=timezone.localdate(),
        amount=999,
        description="Adult services invoice 77",
        recorded_by=elsewhere["coordinator"],
    )
    client.force_login(world["people"]["coordinator"])
    body = client.get(reverse("training:spend")).content.decode()
    assert "Adult services invoice 77" not in body
    assert "£999.00" not in client.get(reverse("training:coverage")).content.decode()
