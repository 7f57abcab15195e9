"""Every training URL, for every role, allowed or refused; and nothing from another service, for anyone.

The world: `worker` is managed by `supervisor` (same team, with `team_mate`, `service_manager`, `facilitator`
and `editor`); `other_worker`, `other_supervisor` and the training `coordinator` are in another team of the
same service. `worker` has a completed course (with a certificate, not yet evaluated), a request for a
place waiting for approval, and some external learning waiting for approval.

Workers see their own records; managers those of their team and line reports; the coordinator and
service managers everyone in the service. Records one may not know exist answer 404; pages one may know
of but not use answer 403; anonymous visitors are sent to sign in.
"""

from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.urls import resolve, reverse
from django.utils import timezone

from portal.roles import Role
from tests.factories import (
    BookingFactory,
    CourseDateFactory,
    CourseFactory,
    ProgrammeFactory,
    ServiceFactory,
    TeamFactory,
    UserFactory,
)
from training.models import Booking, BookingStatus, Evaluation, ExternalLearning, Spend
from training.urls import urlpatterns

ROLES = [
    "worker",
    "team_mate",
    "other_worker",
    "supervisor",
    "other_supervisor",
    "service_manager",
    "coordinator",
    "facilitator",
    "editor",
    "anonymous",
]

OK, REDIRECT, FORBIDDEN, MISSING = 200, 302, 403, 404


def only(allowed: dict, *, others: int) -> dict:
    """Expected statuses: `allowed` for those named, `others` for the rest, sign-in redirect for anonymous."""
    return {role: allowed.get(role, others) for role in ROLES} | {"anonymous": REDIRECT}


def everyone(status: int) -> dict:
    return only({}, others=status)


# Who may see the worker's records: themselves, their manager, and those who see the whole service.
SEES_WORKER = {"worker": OK, "supervisor": OK, "service_manager": OK, "coordinator": OK}
# Who may use the approvals pages: managers (for their own people) and the coordinator (for anyone).
APPROVERS = {"supervisor", "other_supervisor", "coordinator"}
UPTAKE = {"supervisor": OK, "other_supervisor": OK, "service_manager": OK, "coordinator": OK}
COORDINATOR_ONLY = only({"coordinator": OK}, others=FORBIDDEN)


def approvers(worker_status: int) -> dict:
    """An approver's page for the worker's request: their manager and the coordinator may use it, the other
    team's manager is told it does not exist, and everyone else may not use approvals at all."""
    return only(
        {"supervisor": worker_status, "coordinator": worker_status, "other_supervisor": MISSING}, others=FORBIDDEN
    )


def _in(days: int, hour: int = 9) -> timezone.datetime:
    return (timezone.localtime() + timedelta(days=days)).replace(hour=hour, minute=30, second=0, microsecond=0)


def _form_date(day) -> str:
    return day.strftime("%d %m %Y")


# (name, method, url builder, expected by role, POST data builder or None)
CASES = [
    # A person's own training.
    ("my training", "get", lambda w: reverse("training:mine"), everyone(OK), None),
    ("catalogue", "get", lambda w: reverse("training:catalogue"), everyone(OK), None),
    (
        "catalogue filtered",
        "get",
        lambda w: reverse("training:catalogue") + f"?programme={w['course'].programme_id}&level=introductory",
        everyone(OK),
        None,
    ),
    ("course", "get", lambda w: reverse("training:course", args=[w["course"].pk]), everyone(OK), None),
    (
        "course no longer offered",
        "get",
        lambda w: reverse("training:course", args=[w["retired_course"].pk]),
        only({"coordinator": OK, "service_manager": OK}, others=MISSING),
        None,
    ),
    (
        "request a place",
        "post",
        lambda w: reverse("training:request-place", args=[w["open_date"].pk]),
        everyone(REDIRECT),
        None,
    ),
    (
        "booking",
        "get",
        lambda w: reverse("training:booking", args=[w["completed"].pk]),
        only(SEES_WORKER, others=MISSING),
        None,
    ),
    (
        "cancel a booking",
        "post",
        lambda w: reverse("training:cancel-booking", args=[w["pending"].pk]),
        # A manager may see the booking but not cancel it for the worker (they decline it instead).
        only(
            {"worker": REDIRECT, "coordinator": REDIRECT, "supervisor": FORBIDDEN, "service_manager": FORBIDDEN},
            others=MISSING,
        ),
        None,
    ),
    (
        "evaluate",
        "get",
        lambda w: reverse("training:evaluate", args=[w["completed"].pk]),
        only(
            {"worker": OK, "supervisor": FORBIDDEN, "service_manager": FORBIDDEN, "coordinator": FORBIDDEN},
            others=MISSING,
        ),
        None,
    ),
    (
        "send an evaluation",
        "post",
        lambda w: reverse("training:evaluate", args=[w["completed"].pk]),
        only(
            {"worker": REDIRECT, "supervisor": FORBIDDEN, "service_manager": FORBIDDEN, "coordinator": FORBIDDEN},
            others=MISSING,
        ),
        lambda w: {"rating": "4", "was_useful": "Genograms.", "will_use": "With a family next week."},
    ),
    (
        "certificate upload",
        "get",
        lambda w: reverse("training:certificate-upload", args=[w["completed"].pk]),
        only({"worker": OK, "coordinator": OK, "supervisor": FORBIDDEN, "service_manager": FORBIDDEN}, others=MISSING),
        None,
    ),
    (
        "certificate download",
        "get",
        lambda w: reverse("training:certificate-download", args=[w["completed"].pk]),
        only(SEES_WORKER, others=MISSING),
        None,
    ),
    ("record other learning", "get", lambda w: reverse("training:external-create"), everyone(OK), None),
    (
        "send other learning",
        "post",
        lambda w: reverse("training:external-create"),
        everyone(REDIRECT),
        lambda w: {
            "title": "Research in Practice briefing",
            "kind": "research",
            "completed_on": _form_date(timezone.localdate() - timedelta(days=3)),
            "hours": "1.5",
            "reflection": "Think about the father's voice in every plan.",
        },
    ),
    (
        "other learning",
        "get",
        lambda w: reverse("training:external", args=[w["learning"].pk]),
        only(SEES_WORKER, others=MISSING),
        None,
    ),
    # CPD records.
    ("own CPD record", "get", lambda w: reverse("training:cpd"), everyone(OK), None),
    ("own CPD record CSV", "get", lambda w: reverse("training:cpd-csv"), everyone(OK), None),
    (
        "the worker's CPD record",
        "get",
        lambda w: reverse("training:cpd-person", args=[w["people"]["worker"].pk]),
        only(SEES_WORKER, others=MISSING),
        None,
    ),
    (
        "the worker's CPD record CSV",
        "get",
        lambda w: reverse("training:cpd-csv") + f"?person={w['people']['worker'].pk}",
        only(SEES_WORKER, others=MISSING),
        None,
    ),
    # Approvals: managers for their people, the coordinator for anyone in the service.
    (
        "approvals",
        "get",
        lambda w: reverse("training:approvals"),
        only(dict.fromkeys(APPROVERS, OK), others=FORBIDDEN),
        None,
    ),
    (
        "approve a request",
        "post",
        lambda w: reverse("training:approve-booking", args=[w["pending"].pk]),
        approvers(REDIRECT),
        None,
    ),
    (
        "decline a request",
        "get",
        lambda w: reverse("training:decline-booking", args=[w["pending"].pk]),
        approvers(OK),
        None,
    ),
    (
        "send a decline",
        "post",
        lambda w: reverse("training:decline-booking", args=[w["pending"].pk]),
        approvers(REDIRECT),
        lambda w: {"reason": "The team is short-staffed that week. Try the March date."},
    ),
    (
        "decide other learning",
        "get",
        lambda w: reverse("training:decide-external", args=[w["learning"].pk]),
        approvers(OK),
        None,
    ),
    (
        "approve other learning",
        "post",
        lambda w: reverse("training:decide-external", args=[w["learning"].pk]),
        approvers(REDIRECT),
        lambda w: {"decision": "approve"},
    ),
    # The training coordinator's pages.
    ("manage", "get", lambda w: reverse("training:manage"), COORDINATOR_ONLY, None),
    ("add a programme", "get", lambda w: reverse("training:programme-create"), COORDINATOR_ONLY, None),
    (
        "save a new programme",
        "post",
        lambda w: reverse("training:programme-create"),
        only({"coordinator": REDIRECT}, others=FORBIDDEN),
        lambda w: {"name": "Trauma-informed practice", "description": "", "position": "2"},
    ),
    (
        "change a programme",
        "get",
        lambda w: reverse("training:programme-edit", args=[w["course"].programme_id]),
        COORDINATOR_ONLY,
        None,
    ),
    (
        "save a programme",
        "post",
        lambda w: reverse("training:programme-edit", args=[w["course"].programme_id]),
        only({"coordinator": REDIRECT}, others=FORBIDDEN),
        lambda w: {"name": "Systemic practice", "description": "Changed.", "position": "0"},
    ),
    ("add a course", "get", lambda w: reverse("training:course-create"), COORDINATOR_ONLY, None),
    (
        "save a new course",
        "post",
        lambda w: reverse("training:course-create"),
        only({"coordinator": REDIRECT}, others=FORBIDDEN),
        lambda w: _course_data(w, title="Systemic practice: advanced"),
    ),
    (
        "change a course",
        "get",
        lambda w: reverse("training:course-edit", args=[w["course"].pk]),
        COORDINATOR_ONLY,
        None,
    ),
    (
        "save a course",
        "post",
        lambda w: reverse("training:course-edit", args=[w["course"].pk]),
        only({"coordinator": REDIRECT}, others=FORBIDDEN),
        lambda w: _course_data(w, title=w["course"].title),
    ),
    (
        "evaluation report",
        "get",
        lambda w: reverse("training:course-evaluations", args=[w["course"].pk]),
        # Service managers read evaluation scores on the coverage page, which links here.
        only({"coordinator": OK, "service_manager": OK}, others=FORBIDDEN),
        None,
    ),
    ("add a date", "get", lambda w: reverse("training:date-create"), COORDINATOR_ONLY, None),
    (
        "save a new date",
        "post",
        lambda w: reverse("training:date-create"),
        only({"coordinator": REDIRECT}, others=FORBIDDEN),
        lambda w: {
            "course": w["course"].pk,
            "start_date": _form_date(timezone.localdate() + timedelta(days=40)),
            "start_time": "09:30",
            "end_time": "16:30",
            "location": "Guildhall, Committee Room 3",
            "is_online": "no",
            "capacity": "12",
            "facilitator": "Dr Ana Costa",
        },
    ),
    ("date", "get", lambda w: reverse("training:date", args=[w["open_date"].pk]), COORDINATOR_ONLY, None),
    ("change a date", "get", lambda w: reverse("training:date-edit", args=[w["open_date"].pk]), COORDINATOR_ONLY, None),
    (
        "save a date",
        "post",
        lambda w: reverse("training:date-edit", args=[w["open_date"].pk]),
        only({"coordinator": REDIRECT}, others=FORBIDDEN),
        lambda w: {
            "version": w["open_date"].version,
            "start_date": _form_date(timezone.localtime(w["open_date"].starts_at)),
            "start_time": "09:30",
            "end_time": "16:30",
            "location": "Online",
            "is_online": "yes",
            "capacity": "20",
            "facilitator": "",
        },
    ),
    (
        "cancel a date",
        "get",
        lambda w: reverse("training:date-edit", args=[w["open_date"].pk]) + "?cancel=yes",
        COORDINATOR_ONLY,
        None,
    ),
    ("register", "get", lambda w: reverse("training:register", args=[w["past_date"].pk]), COORDINATOR_ONLY, None),
    (
        "save the register",
        "post",
        lambda w: reverse("training:register", args=[w["past_date"].pk]),
        only({"coordinator": REDIRECT}, others=FORBIDDEN),
        lambda w: {f"attendance_{w['completed'].pk}": "attended"},
    ),
    ("book people", "get", lambda w: reverse("training:book-people", args=[w["open_date"].pk]), COORDINATOR_ONLY, None),
    (
        "book a team",
        "post",
        lambda w: reverse("training:book-people", args=[w["open_date"].pk]),
        COORDINATOR_ONLY,  # the page shows who got a place
        lambda w: {"team": w["people"]["worker"].team_id, "role": ""},
    ),
    ("spend", "get", lambda w: reverse("training:spend"), COORDINATOR_ONLY, None),
    (
        "record spend",
        "post",
        lambda w: reverse("training:spend"),
        only({"coordinator": REDIRECT}, others=FORBIDDEN),
        lambda w: {
            "record_spend": "1",
            "spend-spent_on": _form_date(timezone.localdate()),
            "spend-amount": "1200",
            "spend-description": "Invoice 4471: systemic practice, 10 places",
            "spend-course": "",
        },
    ),
    ("targets", "get", lambda w: reverse("training:targets"), COORDINATOR_ONLY, None),
    (
        "add a target",
        "post",
        lambda w: reverse("training:targets"),
        only({"coordinator": REDIRECT}, others=FORBIDDEN),
        lambda w: {"programme": w["course"].programme_id, "level": "introductory", "role": "", "target_percent": "90"},
    ),
    # Uptake: managers, service managers and the coordinator.
    ("uptake matrix", "get", lambda w: reverse("training:uptake"), only(UPTAKE, others=FORBIDDEN), None),
    ("uptake CSV", "get", lambda w: reverse("training:uptake-csv"), only(UPTAKE, others=FORBIDDEN), None),
    ("uptake Excel", "get", lambda w: reverse("training:uptake-xlsx"), only(UPTAKE, others=FORBIDDEN), None),
    ("coverage", "get", lambda w: reverse("training:coverage"), only(UPTAKE, others=FORBIDDEN), None),
]


def _course_data(world, *, title):
    return {
        "programme": world["course"].programme_id,
        "title": title,
        "level": "advanced",
        "provider": "Tavistock and Portman",
        "format": "in_person",
        "hours": "6",
        "cost_per_place": "150",
        "refresh_months": "",
        "description": "",
        "is_active": "yes",
    }


def test_every_training_url_is_in_the_matrix():
    """A new URL in training/urls.py must be added to the matrix above."""
    fake = SimpleNamespace(pk=1, programme_id=1, team_id=1)
    fake_world = {"people": {"worker": fake}} | dict.fromkeys(
        ["course", "retired_course", "open_date", "past_date", "completed", "pending", "learning"], fake
    )
    reached = {resolve(url(fake_world).split("?")[0]).url_name for _name, _method, url, _expected, _data in CASES}
    assert {pattern.name for pattern in urlpatterns} - reached == set()


@pytest.fixture
def world(
    worker, team_mate, other_worker, supervisor, other_supervisor, service_manager, coordinator, facilitator, editor
):
    course = CourseFactory(title="Introduction to systemic practice", programme=ProgrammeFactory())
    open_date = CourseDateFactory(course=course, starts_at=_in(14), ends_at=_in(14, hour=16))
    asked_date = CourseDateFactory(course=course, starts_at=_in(21), ends_at=_in(21, hour=16))
    past_date = CourseDateFactory(course=course, starts_at=_in(-30), ends_at=_in(-30, hour=16))
    completed = BookingFactory(
        course_date=past_date,
        person=worker,
        attendance="attended",
        hours_attended=course.hours,
        completed_on=timezone.localtime(past_date.starts_at).date(),
        certificate=b"%PDF-1.7\n%%EOF\n",
        certificate_name="certificate.pdf",
        certificate_type="application/pdf",
    )
    pending = BookingFactory(course_date=asked_date, person=worker, status="pending", approved_at=None)
    learning = ExternalLearning.objects.create(
        person=worker,
        title="Working with fathers conference",
        kind="conference",
        completed_on=timezone.localdate() - timedelta(days=10),
        hours=6,
        reflection="Invite fathers early and by name.",
    )
    return {
        "retired_course": CourseFactory(title="Signs of Safety (old version)", is_active=False),
        "people": {
            "worker": worker,
            "team_mate": team_mate,
            "other_worker": other_worker,
            "supervisor": supervisor,
            "other_supervisor": other_supervisor,
            "service_manager": service_manager,
            "coordinator": coordinator,
            "facilitator": facilitator,
            "editor": editor,
        },
        "course": course,
        "open_date": open_date,
        "past_date": past_date,
        "completed": completed,
        "pending": pending,
        "learning": learning,
    }


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("name", "method", "url", "expected", "data"), CASES, ids=[case[0] for case in CASES])
def test_training_url_access(client, world, role, name, method, url, expected, data):
    if role != "anonymous":
        client.force_login(world["people"][role])
    response = getattr(client, method)(url(world), data(world) if data else {})
    assert response.status_code == expected[role], f"{role} on {name}"
    if expected[role] == REDIRECT and role == "anonymous":
        assert response.url.startswith(reverse("login"))


# --- What the allowed ones actually did ---------------------------------------------------


def test_the_allowed_decisions_change_the_request(client, world, team_mate):
    pending = world["pending"]
    client.force_login(world["people"]["supervisor"])
    client.post(reverse("training:approve-booking", args=[pending.pk]))
    pending.refresh_from_db()
    assert (pending.status, pending.approved_by) == (BookingStatus.BOOKED, world["people"]["supervisor"])

    asked = BookingFactory(course_date=world["open_date"], person=team_mate, status="pending", approved_at=None)
    client.force_login(world["people"]["coordinator"])
    client.post(reverse("training:decline-booking", args=[asked.pk]), {"reason": "Book the March date instead."})
    asked.refresh_from_db()
    assert (asked.status, asked.decline_reason) == (BookingStatus.DECLINED, "Book the March date instead.")


def test_refused_writes_change_nothing(client, world):
    """A 403 or 404 on a write leaves the record as it was."""
    pending, learning = world["pending"], world["learning"]
    for role in ("team_mate", "other_worker", "other_supervisor", "service_manager", "facilitator", "editor"):
        client.force_login(world["people"][role])
        client.post(reverse("training:approve-booking", args=[pending.pk]))
        client.post(reverse("training:decline-booking", args=[pending.pk]), {"reason": "No."})
        client.post(reverse("training:cancel-booking", args=[pending.pk]))
        client.post(reverse("training:decide-external", args=[learning.pk]), {"decision": "approve"})
        client.post(reverse("training:evaluate", args=[world["completed"].pk]), {"rating": "1"})
    pending.refresh_from_db()
    learning.refresh_from_db()
    assert pending.status == BookingStatus.PENDING
    assert learning.status == "submitted"
    assert not Evaluation.objects.exists()


def test_a_manager_is_never_offered_their_own_request_to_approve(client, world):
    supervisor = world["people"]["supervisor"]
    own = BookingFactory(course_date=world["open_date"], person=supervisor, status="pending", approved_at=None)
    client.force_login(supervisor)
    assert client.post(reverse("training:approve-booking", args=[own.pk])).status_code == MISSING
    own.refresh_from_db()
    assert own.status == BookingStatus.PENDING


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


def _body(response) -> str:
    if hasattr(response, "streaming_content"):
        return b"".join(response.streaming_content).decode()
    return response.content.decode()


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
        body = _body(client.get(url))
        assert elsewhere["person"].full_name not in body, url
        assert "Hospital Discharge" not in body, url
    assert world["people"]["worker"].full_name in _body(client.get(reverse("training:uptake")))


@pytest.mark.parametrize("role", WHOLE_SERVICE)
def test_filtering_the_matrix_to_another_services_team_is_refused(client, world, elsewhere, role):
    client.force_login(world["people"][role])
    response = client.get(reverse("training:uptake"), {"team": elsewhere["team"].pk})
    assert response.status_code == 200
    body = response.content.decode()
    assert "Select a team from the list" in body
    assert elsewhere["person"].full_name not in body
    csv = _body(client.get(reverse("training:uptake-csv"), {"team": elsewhere["team"].pk}))
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


# --- Whom a supervisor manages ------------------------------------------------------------
# Their line reports (in any team) and the members of their team who hold no manager role; never
# their own line manager or another manager in their team.


@pytest.fixture
def colleagues(world, team, other_team, supervisor):
    """People around `supervisor`, each with a completed course and some external learning."""
    head = UserFactory(team=team, roles=[Role.SUPERVISOR, Role.SOCIAL_WORKER], job_title="Group Manager")
    supervisor.line_manager = head
    supervisor.save()
    people = {
        "their line manager": head,
        "a peer supervisor in their team": UserFactory(team=team, roles=[Role.SUPERVISOR, Role.SOCIAL_WORKER]),
        "the service manager in their team": world["people"]["service_manager"],
        "their line report in another team": UserFactory(
            team=other_team, line_manager=supervisor, roles=[Role.SOCIAL_WORKER]
        ),
        "a team member with no line manager": UserFactory(team=team, roles=[Role.SOCIAL_WORKER]),
        "the guide editor in their team": world["people"]["editor"],
    }
    for person in people.values():
        BookingFactory(
            course_date=world["past_date"],
            person=person,
            attendance="attended",
            hours_attended=6,
            completed_on=world["completed"].completed_on,
        )
        ExternalLearning.objects.create(
            person=person,
            title="Reading on contextual safeguarding",
            kind="book",
            completed_on=timezone.localdate() - timedelta(days=4),
            hours=2,
            reflection="Harm outside the home.",
        )
    return people


MANAGES = {
    "their line manager": MISSING,
    "a peer supervisor in their team": MISSING,
    "the service manager in their team": MISSING,
    "their line report in another team": OK,
    "a team member with no line manager": OK,
    "the guide editor in their team": OK,
}

PERSONAL_PAGES = [
    ("CPD record", lambda person: reverse("training:cpd-person", args=[person.pk])),
    ("CPD CSV", lambda person: reverse("training:cpd-csv") + f"?person={person.pk}"),
    ("booking", lambda person: reverse("training:booking", args=[person.training_bookings.get().pk])),
    ("other learning", lambda person: reverse("training:external", args=[person.external_learning.get().pk])),
]


@pytest.mark.parametrize(("who", "expected"), MANAGES.items(), ids=list(MANAGES))
@pytest.mark.parametrize(("page", "url"), PERSONAL_PAGES, ids=[page for page, _url in PERSONAL_PAGES])
def test_a_supervisor_sees_the_training_of_the_people_they_manage_only(
    client, colleagues, supervisor, who, expected, page, url
):
    client.force_login(supervisor)
    assert client.get(url(colleagues[who])).status_code == expected, f"{page} of {who}"


def test_the_uptake_matrix_lists_only_the_people_a_supervisor_manages(client, colleagues, supervisor):
    client.force_login(supervisor)
    body = client.get(reverse("training:uptake")).content.decode()
    for who, expected in MANAGES.items():
        assert (colleagues[who].full_name in body) is (expected == OK), who
