"""Leavers: what needs a new home, handing it all over in one transaction, the page, who may use it,
and closing accounts on the leaving date.

The world: `leaver` is a supervisor in `team`, supervised by `boss`. They supervise `worker` and
`team_mate` (who are also their line reports), own an open action from a session with `worker`, hold a
place on a full course date (with `waiting` next on its waiting list) and a waiting-list place on another.
`successor` is a supervisor in the same team who is staying.
"""

from datetime import date, timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from portal.models import AuditEvent, AuditKind, User
from portal.people import leavers
from portal.roles import Role
from supervision.models import Action, Agreement, AuditEntry, Session
from tests.dates import as_shown
from tests.factories import (
    ActionFactory,
    AgreementFactory,
    BookingFactory,
    CourseDateFactory,
    SessionFactory,
    TeamFactory,
    UserFactory,
)
from training.leavers import TrainingHandover
from training.models import Booking, BookingStatus

START = date(2020, 9, 1)


@pytest.fixture
def people_admin(team):
    return UserFactory(team=team, roles=[Role.PEOPLE_ADMINISTRATOR], job_title="HR Business Partner")


@pytest.fixture
def boss(other_team):
    return UserFactory(team=other_team, roles=[Role.SUPERVISOR], job_title="Head of Service")


@pytest.fixture
def leaver(team, boss):
    return UserFactory(
        team=team, roles=[Role.SUPERVISOR, Role.SOCIAL_WORKER], job_title="Team Manager", start_date=START
    )


@pytest.fixture
def successor(team):
    return UserFactory(team=team, roles=[Role.SUPERVISOR, Role.SOCIAL_WORKER], full_name="Grace Adeyemi")


@pytest.fixture
def world(leaver, boss, worker, team_mate):
    """The leaver's work, as the module's docstring describes it."""
    User.objects.filter(pk__in=[worker.pk, team_mate.pk]).update(line_manager=leaver)
    own = AgreementFactory(supervisee=leaver, supervisor=boss, starts_on=date(2025, 1, 6))
    supervised = [
        AgreementFactory(supervisee=worker, supervisor=leaver, frequency="fortnightly", supervisor_signed_at=None),
        AgreementFactory(supervisee=team_mate, supervisor=leaver),
    ]
    session = SessionFactory(supervisee=worker, supervisor=leaver)
    action = ActionFactory(session=session, owner=leaver, description="Chase the health visitor's report")
    done = ActionFactory(session=session, owner=leaver, completed_on=date(2026, 11, 3))
    full_date = CourseDateFactory(capacity=1)
    place = BookingFactory(course_date=full_date, person=leaver)
    waiting = BookingFactory(course_date=full_date, status=BookingStatus.WAITING)
    other_date = CourseDateFactory(capacity=1)
    BookingFactory(course_date=other_date)
    on_list = BookingFactory(course_date=other_date, person=leaver, status=BookingStatus.WAITING)
    return {
        "own": own,
        "supervised": supervised,
        "session": session,
        "action": action,
        "done": done,
        "place": place,
        "waiting": waiting,
        "on_list": on_list,
    }


def leaving_day() -> date:
    return timezone.localdate() + timedelta(days=14)


def hand_over(leaver, successor, by, *, close_actions=False, on=None):
    return leavers.record_leaver(leaver, on=on or leaving_day(), to=successor, close_actions=close_actions, by=by)


# --- What needs a new home ----------------------------------------------------------------


def test_summary_lists_everything_with_counts_and_names(world, leaver, worker, team_mate, boss):
    pending = {item.title: item for item in leavers.what_needs_a_new_home(leaver, timezone.localdate())}

    assert pending["Their supervision agreement"].names == [f"With {boss.full_name}, since 6 January 2025"]
    assert sorted(pending["People they supervise"].names) == sorted([worker.full_name, team_mate.full_name])
    assert pending["People they supervise"].count == 2
    assert pending["Their open supervision actions"].names == [
        "Chase the health visitor's report (due 1 December 2026)"
    ]
    assert sorted(pending["Line reports"].names) == sorted([worker.full_name, team_mate.full_name])
    assert pending["Future training bookings"].count == 1
    assert pending["Waiting-list places"].count == 1


def test_every_app_contributes_its_step_through_the_registry():
    assert [step.key for step in leavers.handover_steps()] == ["supervision", "training", "line_reports"]


def test_registering_a_step_again_replaces_it():
    before = leavers.handover_steps()
    leavers.register_handover(TrainingHandover())
    assert len(leavers.handover_steps()) == len(before)


# --- Handing over -------------------------------------------------------------------------


def test_own_agreement_ends_on_the_leaving_date(world, leaver, successor, people_admin):
    hand_over(leaver, successor, people_admin)

    world["own"].refresh_from_db()
    assert world["own"].ended_on == leaving_day()
    assert not Agreement.objects.current().filter(supervisee=leaver).exists()


def test_each_supervisee_gets_a_draft_agreement_with_the_successor(world, leaver, successor, people_admin, worker):
    hand_over(leaver, successor, people_admin)

    for old in world["supervised"]:
        old.refresh_from_db()
        assert old.ended_on == leaving_day()
        draft = Agreement.objects.current().get(supervisee=old.supervisee)
        assert draft.supervisor == successor
        assert draft.starts_on == leaving_day()
        assert (draft.frequency, draft.arrangements, draft.confidentiality) == (
            old.frequency,
            old.arrangements,
            old.confidentiality,
        )
        assert draft.supervisor_signed_at is None
        assert draft.supervisee_signed_at is None
    # Records stay where they are: the session keeps the supervisor who led it.
    assert Session.objects.get(pk=world["session"].pk).supervisor == leaver
    assert AuditEntry.objects.filter(action="created", detail__contains=successor.full_name).count() == 2


def test_open_actions_move_to_the_successor(world, leaver, successor, people_admin):
    hand_over(leaver, successor, people_admin)

    assert Action.objects.get(pk=world["action"].pk).owner == successor
    assert Action.objects.get(pk=world["done"].pk).owner == leaver  # done actions stay


def test_open_actions_can_be_closed_instead(world, leaver, successor, people_admin):
    hand_over(leaver, successor, people_admin, close_actions=True)

    action = Action.objects.get(pk=world["action"].pk)
    assert action.owner == leaver
    assert action.completed_on == timezone.localdate()
    assert AuditEntry.objects.filter(detail=f"Action closed because {leaver.full_name} is leaving").exists()


def test_line_reports_move_to_the_successor(world, leaver, successor, people_admin, worker, team_mate):
    hand_over(leaver, successor, people_admin)

    assert set(User.objects.filter(line_manager=successor)) == {worker, team_mate}
    changed = AuditEvent.objects.filter(kind=AuditKind.PERSON_CHANGED, subject=worker).get()
    assert changed.changes == {"line_manager": [leaver.full_name, successor.full_name]}


def test_future_bookings_are_cancelled_and_the_waiting_list_moves_up(
    world, leaver, successor, people_admin, django_capture_on_commit_callbacks, mailoutbox
):
    with django_capture_on_commit_callbacks(execute=True):
        hand_over(leaver, successor, people_admin)

    assert Booking.objects.get(pk=world["place"].pk).status == BookingStatus.CANCELLED
    assert Booking.objects.get(pk=world["on_list"].pk).status == BookingStatus.CANCELLED
    assert Booking.objects.get(pk=world["waiting"].pk).status == BookingStatus.BOOKED
    assert [mail.to for mail in mailoutbox] == [[world["waiting"].person.email]]


def test_the_audit_trail_records_the_date_and_what_moved(world, leaver, successor, people_admin):
    hand_over(leaver, successor, people_admin)

    recorded = AuditEvent.objects.get(kind=AuditKind.LEAVER_RECORDED, subject=leaver)
    assert recorded.actor == people_admin
    assert recorded.changes == {"leaving_date": ["", leaving_day().isoformat()]}
    handed = AuditEvent.objects.get(kind=AuditKind.LEAVER_HANDED_OVER, subject=leaver)
    assert handed.summary == f"Work handed over to {successor.full_name}"
    assert any(key.startswith("Supervisor of ") for key in handed.changes)
    assert any(key.startswith("Line manager of ") for key in handed.changes)
    assert any(key.startswith("Training: ") for key in handed.changes)


def test_handing_over_again_changes_nothing(world, leaver, successor, people_admin):
    hand_over(leaver, successor, people_admin)
    counts = (Agreement.objects.count(), AuditEvent.objects.count(), AuditEntry.objects.count())

    assert hand_over(leaver, successor, people_admin) == []
    assert (Agreement.objects.count(), AuditEvent.objects.count(), AuditEntry.objects.count()) == counts


def test_a_failure_in_any_step_rolls_everything_back(world, leaver, successor, people_admin, worker, monkeypatch):
    def broken(self, person, **kwargs):
        raise RuntimeError("the training database went away")

    monkeypatch.setattr(TrainingHandover, "hand_over", broken)
    with pytest.raises(RuntimeError):
        hand_over(leaver, successor, people_admin)

    leaver.refresh_from_db()
    assert leaver.leaving_date is None
    assert Agreement.objects.current().filter(supervisor=leaver).count() == 2
    assert Agreement.objects.get(pk=world["own"].pk).ended_on is None
    assert Action.objects.get(pk=world["action"].pk).owner == leaver
    assert User.objects.get(pk=worker.pk).line_manager == leaver
    assert Booking.objects.get(pk=world["place"].pk).status == BookingStatus.BOOKED
    assert not AuditEvent.objects.exists()


def test_someone_with_nothing_to_hand_over_needs_no_successor(people_admin, team):
    person = UserFactory(team=team, roles=[Role.SOCIAL_WORKER])

    assert leavers.record_leaver(person, on=leaving_day(), to=None, close_actions=False, by=people_admin) == []
    person.refresh_from_db()
    assert person.leaving_date == leaving_day()


@pytest.mark.parametrize(
    ("case", "field", "message"),
    [
        ("no successor", "successor", "Choose who takes over"),
        ("successor leaving", "successor", "is leaving on"),
        ("before start", "leaving_date", "The leaving date must be on or after"),
        ("successor supervised by leaver", "successor", "is supervised or line-managed by"),
        ("oneself", "leaving_date", "You cannot record your own leaving"),
        ("not a supervisor", "successor", "is not a supervisor"),
    ],
)
def test_the_service_refuses_a_handover_that_cannot_be_done(
    case, field, message, world, leaver, successor, people_admin, worker, team
):
    to, on, by = successor, leaving_day(), people_admin
    if case == "no successor":
        to = None
    elif case == "successor leaving":
        User.objects.filter(pk=successor.pk).update(leaving_date=leaving_day())
        to = User.objects.get(pk=successor.pk)
    elif case == "before start":
        on = START - timedelta(days=1)
    elif case == "successor supervised by leaver":
        worker.groups.add(*successor.groups.all())
        to = worker
    elif case == "oneself":
        by = leaver
    elif case == "not a supervisor":
        to = UserFactory(team=team, roles=[Role.SOCIAL_WORKER])

    with pytest.raises(leavers.HandoverError) as refused:
        leavers.record_leaver(leaver, on=on, to=to, close_actions=False, by=by)

    assert refused.value.field == field
    assert message in refused.value.message
    assert User.objects.get(pk=leaver.pk).leaving_date is None
    assert Agreement.objects.current().filter(supervisor=leaver).count() == 2


# --- The page -----------------------------------------------------------------------------


def url(person) -> str:
    return reverse("people:leaver", args=[person.pk])


def test_page_lists_what_needs_a_new_home(client, world, leaver, people_admin, worker, successor):
    client.force_login(people_admin)

    response = client.get(url(leaver))

    assert response.status_code == 200
    assert response["Cache-Control"].count("no-store")
    page = response.content.decode()
    assert "People they supervise (2)" in page
    assert worker.full_name in page
    assert "Chase the health visitor" in page
    assert "Future training bookings (1)" in page
    assert f'<option value="{successor.pk}">{successor.full_name}, {successor.team}</option>' in page


def test_page_offers_only_supervisors_who_are_staying(client, world, leaver, people_admin, successor, team):
    going = UserFactory(team=team, roles=[Role.SUPERVISOR], leaving_date=leaving_day())
    elsewhere = UserFactory(team=TeamFactory(name="Another service's team", service__name="Adult Social Care"))
    elsewhere.groups.add(*successor.groups.all())
    client.force_login(people_admin)

    page = client.get(url(leaver)).content.decode()

    assert successor.full_name in page
    assert going.full_name not in page
    assert elsewhere.full_name not in page


def test_posting_hands_everything_over(client, world, leaver, people_admin, successor, worker):
    client.force_login(people_admin)
    day = leaving_day()

    response = client.post(
        url(leaver), {"leaving_date": f"{day:%d/%m/%Y}", "successor": successor.pk, "actions": "close"}, follow=True
    )

    assert response.redirect_chain == [(url(leaver), 302)]
    assert f"leaving date is {as_shown(day)}. Everything listed has been handed over." in response.content.decode()
    assert User.objects.get(pk=leaver.pk).leaving_date == day
    assert User.objects.get(pk=worker.pk).line_manager == successor
    assert Action.objects.get(pk=world["action"].pk).completed_on is not None
    assert "Nothing: " in response.content.decode()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"successor": ""}, "Choose who takes over"),
        ({"leaving_date": "31/02/2027"}, "Enter a real date, like 27 3 2027"),
        ({"leaving_date": ""}, "Enter the leaving date"),
        ({"leaving_date": "31/08/2020"}, "The leaving date must be on or after"),
        ({"successor": "999999"}, "Choose a supervisor in your service from the list"),
        ({"successor": "²"}, "Choose a supervisor in your service from the list"),
        ({"actions": "burn"}, "Choose what happens to their open actions"),
    ],
)
def test_bad_input_gets_a_specific_error_and_saves_nothing(
    client, world, leaver, people_admin, successor, data, message
):
    client.force_login(people_admin)
    posted = {"leaving_date": f"{leaving_day():%d/%m/%Y}", "successor": successor.pk, "actions": "move"} | data

    response = client.post(url(leaver), posted)

    assert response.status_code == 200
    page = response.content.decode()
    assert "govuk-error-summary" in page
    assert message in page
    assert User.objects.get(pk=leaver.pk).leaving_date is None
    assert not AuditEvent.objects.exclude(kind=AuditKind.SIGN_IN).exists()  # force_login is audited as a sign-in


def test_a_leaving_date_long_past_is_refused_and_one_recently_past_is_accepted(
    client, world, leaver, people_admin, successor
):
    client.force_login(people_admin)
    today = timezone.localdate()
    earliest = today - timedelta(days=leavers.MAX_DAYS_BACK)
    posted = {"successor": successor.pk, "actions": "move"}

    response = client.post(url(leaver), posted | {"leaving_date": "1 1 2021"})

    assert response.status_code == 200
    assert (
        f"The leaving date cannot be more than 90 days ago: enter a date on or after {as_shown(earliest)}, "
        "or check the year"
    ) in response.content.decode()
    assert User.objects.get(pk=leaver.pk).leaving_date is None

    response = client.post(url(leaver), posted | {"leaving_date": f"{earliest:%-d %-m %Y}"})

    assert response.status_code == 302
    assert User.objects.get(pk=leaver.pk).leaving_date == earliest


def test_a_leaving_date_recorded_long_ago_may_be_handed_over_again(world, leaver, successor, people_admin):
    long_ago = timezone.localdate() - timedelta(days=200)
    User.objects.filter(pk=leaver.pk).update(leaving_date=long_ago)

    moved = leavers.record_leaver(leaver, on=long_ago, to=successor, close_actions=False, by=people_admin)

    assert moved
    assert User.objects.get(pk=leaver.pk).leaving_date == long_ago


def test_a_successor_who_is_leaving_gets_a_specific_error(client, world, leaver, people_admin, team):
    going = UserFactory(team=team, roles=[Role.SUPERVISOR], leaving_date=date(2027, 1, 29), full_name="Tom Reyes")
    client.force_login(people_admin)

    response = client.post(
        url(leaver), {"leaving_date": f"{leaving_day():%d/%m/%Y}", "successor": going.pk, "actions": "move"}
    )

    assert "Tom Reyes is leaving on 29 January 2027: choose someone who is staying" in response.content.decode()
    assert User.objects.get(pk=leaver.pk).leaving_date is None


def test_someone_outside_the_service_is_not_found(client, people_admin):
    stranger = UserFactory(team=TeamFactory(service__name="Adult Social Care"))
    client.force_login(people_admin)

    assert client.get(url(stranger)).status_code == 404


def test_page_queries_do_not_grow_with_the_work(
    client, world, leaver, people_admin, team, django_assert_max_num_queries
):
    for _ in range(30):
        person = UserFactory(team=team, line_manager=leaver, roles=[Role.SOCIAL_WORKER])
        AgreementFactory(supervisee=person, supervisor=leaver)
        ActionFactory(session=SessionFactory(supervisee=person, supervisor=leaver), owner=leaver)
        BookingFactory(person=leaver)
    for _ in range(30):
        UserFactory(team=team, roles=[Role.SUPERVISOR])
    client.force_login(people_admin)

    with django_assert_max_num_queries(20):
        response = client.get(url(leaver))

    offered = leavers.possible_successors(leaver, User.objects.manageable_by(people_admin)).count()
    assert offered >= 30
    assert response.content.decode().count("<option") == offered + 1  # and the empty choice


# --- Who may use it -----------------------------------------------------------------------

ROLE_CASES = [
    ("people_admin", 200),
    ("service_manager", 200),
    ("worker", 403),
    ("supervisor", 403),
    ("other_supervisor", 403),
    ("coordinator", 403),
    ("facilitator", 403),
    ("editor", 403),
]


@pytest.mark.parametrize(("role", "status"), ROLE_CASES)
@pytest.mark.parametrize("method", ["get", "post"])
def test_only_people_administrators_may_record_leavers(client, request, leaver, role, status, method):
    client.force_login(request.getfixturevalue(role))

    response = getattr(client, method)(url(leaver), {})

    assert response.status_code == status
    assert User.objects.get(pk=leaver.pk).leaving_date is None


def test_anonymous_visitors_are_sent_to_sign_in(client, leaver):
    response = client.get(url(leaver))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


# --- Closing accounts on the leaving date -------------------------------------------------


def test_command_closes_accounts_whose_leaving_date_has_come(team, capsys):
    today = date(2027, 3, 1)
    gone = UserFactory(team=team, leaving_date=today)
    earlier = UserFactory(team=team, leaving_date=today - timedelta(days=40))
    staying = UserFactory(team=team, leaving_date=today + timedelta(days=1))
    never = UserFactory(team=team)

    call_command("close_leavers_accounts", "--date", today.isoformat())

    assert [User.objects.get(pk=p.pk).is_active for p in (gone, earlier, staying, never)] == [False, False, True, True]
    closed = AuditEvent.objects.filter(kind=AuditKind.ACCOUNT_CLOSED)
    assert {event.subject for event in closed} == {gone, earlier}
    assert "Closed 2 accounts." in capsys.readouterr().out


def test_command_is_idempotent(team, capsys):
    UserFactory(team=team, leaving_date=date(2027, 3, 1))
    call_command("close_leavers_accounts", "--date", "2027-03-01")

    call_command("close_leavers_accounts", "--date", "2027-03-02")

    assert AuditEvent.objects.filter(kind=AuditKind.ACCOUNT_CLOSED).count() == 1
    assert "Closed 0 accounts." in capsys.readouterr().out
