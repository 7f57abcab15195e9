"""Every training URL, for every role, allowed or refused, and what the allowed ones did.

The world (`world` in conftest.py): `worker` is managed by `supervisor` (same team, with `team_mate`,
`service_manager`, `facilitator` and `editor`); `other_worker`, `other_supervisor` and the training
`coordinator` are in another team of the same service. `worker` has a completed course (with a certificate,
not yet evaluated), a request for a place waiting for approval, and some external learning waiting for approval.

Workers see their own records; managers those of their team and line reports; the coordinator and
service managers everyone in the service. Records one may not know exist answer 404; pages one may know
of but not use answer 403; anonymous visitors are sent to sign in.
"""

from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from tests.access_matrix import (
    FORBIDDEN,
    MISSING,
    OK,
    REDIRECT,
    STAFF_ROLES,
    assert_access,
    only_for,
    sign_in_once,
    url_names_missing_from,
)
from tests.conftest import make_people
from tests.dates import as_typed
from tests.factories import BookingFactory
from tests.training.conftest import build_world
from training.models import BookingStatus, Evaluation
from training.urls import urlpatterns

ROLES = [*STAFF_ROLES, "coordinator", "anonymous"]
# The group keeps the module on one pytest-xdist worker (make test uses --dist loadgroup), so its world is
# made once, not once on each worker.
pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("training-access-matrix")]

only = only_for(ROLES)


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
        "ask for a place: the confirm page a training email links to",
        "get",
        lambda w: reverse("training:confirm-request", args=[w["open_date"].pk]),
        everyone(OK),
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
            "completed_on": as_typed(timezone.localdate() - timedelta(days=3)),
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
            "start_date": as_typed(timezone.localdate() + timedelta(days=40)),
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
            "start_date": as_typed(timezone.localtime(w["open_date"].starts_at)),
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
            "spend-spent_on": as_typed(timezone.localdate()),
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
    assert url_names_missing_from(CASES, urlpatterns, fake_world) == set()


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """One world (tests/training/conftest.py) for the whole module, rolled back at its end. Each test runs in
    a savepoint of its own (the `db` mark), rolled back after it, so no test sees another's writes; making
    the world for each of the 500-odd cases took most of their time."""
    with django_db_blocker.unblock(), transaction.atomic():
        built = build_world(make_people([*STAFF_ROLES, "coordinator"]))
        yield built | {"sessions": sign_in_once(built["people"], ROLES)}
        transaction.set_rollback(True)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("name", "method", "url", "expected", "data"), CASES, ids=[case[0] for case in CASES])
def test_training_url_access(client, world, role, name, method, url, expected, data):
    assert_access(
        client,
        world["people"],
        role,
        name,
        method,
        url(world),
        data(world) if data else {},
        expected,
        sessions=world["sessions"],
    )


# --- What the allowed ones actually did ---------------------------------------------------


def test_the_allowed_decisions_change_the_request(client, world):
    pending, team_mate = world["pending"], world["people"]["team_mate"]
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
