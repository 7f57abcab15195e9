"""The demo's year of supervision: the story the dashboard and records tell, on whatever day it is loaded."""

import re
from datetime import date, timedelta
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from portal.management.commands.load_demo import FIRST_TEAM, SECOND_TEAM
from portal.models import User
from portal.roles import Role
from supervision.dashboard import (
    DEFAULT_PERIOD_MONTHS,
    DashboardFilters,
    balance_figures,
    filtered_people,
    period_start,
)
from supervision.demo.stories import STORIES
from supervision.frames import FrameChoice, frame_for
from supervision.models import (
    Action,
    Addendum,
    Agreement,
    CaseDiscussion,
    Frequency,
    GroupSession,
    Preparation,
    ResponseChoice,
    Session,
    add_months,
)
from supervision.standards import current_standard

# The group keeps the module on one pytest-xdist worker (make test uses --dist loadgroup), so its world is
# made once, not once on each worker.
pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("supervision-demo")]

DEMO_SUPERVISEES = [story.email for story in STORIES]
# Two capitalised words in a row, as a name would be ("Jordan Smith"). The demo names no one.
LOOKS_LIKE_A_NAME = re.compile(r"\b[A-Z][a-z]+ [A-Z][a-z]+\b")


def load_demo(today: date) -> str:
    out = StringIO()
    call_command("load_demo", force=True, today=today, stdout=out)
    return out.getvalue()


@pytest.fixture(scope="module")
def today(django_db_setup, django_db_blocker):
    """The demo, loaded once for the module and rolled back at its end. Each test runs in a savepoint of its
    own (the `db` mark), rolled back after it; loading the demo for each test took most of their time."""
    with django_db_blocker.unblock(), transaction.atomic():
        today = timezone.localdate()
        load_demo(today)
        yield today
        transaction.set_rollback(True)


def last_held(person, today: date) -> date | None:
    session = Session.objects.filter(supervisee=person).held_by(today).first()
    return session.held_on if session else None


def overdue_people(today: date) -> set[str]:
    return {
        agreement.supervisee.full_name
        for agreement in Agreement.objects.current().select_related("supervisee")
        if agreement.next_due(last_held(agreement.supervisee, today)) < today
    }


def record_counts() -> dict[str, int]:
    models = [Agreement, Session, CaseDiscussion, Action, Addendum, Preparation, GroupSession]
    counts = {model.__name__: model.objects.count() for model in models}
    counts["attendance"] = GroupSession.attendees.through.objects.count()
    return counts


def test_loading_the_demo_twice_adds_no_supervision_records(today):
    before = record_counts()
    output = load_demo(today)
    assert record_counts() == before
    assert "already there" in output
    assert before["Session"] > 100


def test_loading_the_demo_again_on_a_later_day_adds_nothing_either(today):
    before = record_counts()
    load_demo(today + timedelta(days=40))
    assert record_counts() == before


def test_every_demo_supervisee_has_a_current_signed_agreement_with_their_line_manager(today):
    for email in DEMO_SUPERVISEES:
        person = User.objects.get(email=email)
        agreement = Agreement.objects.current().get(supervisee=person)
        assert agreement.supervisor == person.line_manager, email
        assert agreement.is_signed, email
        assert agreement.starts_on <= today
    team_manager = Agreement.objects.current().get(supervisee__email="supervisor@example.org")
    assert team_manager.supervisor.email == "manager@example.org"


def test_newly_qualified_demo_workers_have_asye_agreements_and_the_others_monthly(today):
    for agreement in Agreement.objects.current().select_related("supervisee"):
        expected = Frequency.ASYE if agreement.supervisee.is_newly_qualified else Frequency.MONTHLY
        assert agreement.frequency == expected, agreement.supervisee
    newest = User.objects.get(email="worker6@example.org")
    assert newest.is_newly_qualified
    assert newest.team.name == FIRST_TEAM
    assert today - timedelta(weeks=11) < newest.start_date <= today - timedelta(weeks=10)
    assert Agreement.objects.get(supervisee=newest).starts_on == newest.start_date


def test_the_first_team_has_a_year_of_sessions(today):
    a_year_ago = add_months(today, -12)
    workers = User.objects.filter(team__name=FIRST_TEAM, groups__name=Role.SOCIAL_WORKER, is_newly_qualified=False)
    assert workers.count() >= 5
    for worker in workers:
        held = Session.objects.filter(supervisee=worker).held_by(today)
        assert held.last().held_on <= a_year_ago, worker
        assert held.count() >= 11, worker


def test_newly_qualified_workers_are_seen_weekly_at_first(today):
    newest = User.objects.get(email="worker6@example.org")
    held = list(Session.objects.filter(supervisee=newest).held_by(today).order_by("held_on"))
    first_six_weeks = [s for s in held if s.held_on < newest.start_date + timedelta(weeks=6)]
    assert len(first_six_weeks) >= 5
    assert held[0].held_on - newest.start_date < timedelta(days=7)


def test_two_demo_workers_are_overdue_by_their_agreement_one_in_each_team(today):
    overdue = overdue_people(today)
    assert overdue == {"Kwame Asante", "Zainab Rahman"}
    teams = set(User.objects.filter(full_name__in=overdue).values_list("team__name", flat=True))
    assert teams == {FIRST_TEAM, SECOND_TEAM}


def test_one_demo_session_is_booked_for_the_next_working_day(today):
    booked = Session.objects.booked_after(today).get()
    assert booked.supervisee.email == "worker@example.org"
    assert booked.supervisor.email == "supervisor@example.org"
    assert timedelta(days=1) <= booked.held_on - today <= timedelta(days=3)
    assert booked.held_on.weekday() < 5
    assert booked.recorded_at is None
    assert booked.status(today) == "Booked"


def test_signed_off_sessions_have_both_signatures_and_older_ones_are_all_signed_off(today):
    locked = Session.objects.filter(locked_at__isnull=False)
    assert locked.count() > 80
    for session in locked:
        assert session.supervisor_signed_at is not None
        assert session.supervisee_signed_at is not None
        assert session.locked_at == max(session.supervisor_signed_at, session.supervisee_signed_at)
        assert session.recorded_at < min(session.supervisor_signed_at, session.supervisee_signed_at)
    older = Session.objects.held_by(today - timedelta(days=15))
    assert not older.filter(locked_at__isnull=True).exists()


def test_the_latest_sessions_show_every_stage_before_sign_off(today):
    recent = Session.objects.filter(held_on__gt=today - timedelta(days=14), held_on__lte=today)
    assert {session.status(today) for session in recent} >= {
        "To be written up",
        "Recorded, not signed",
        "Waiting for the supervisee",
        "Waiting for the supervisor",
    }
    for session in recent:
        assert session.supervisor_signed_at is None or session.supervisor_signed_at.date() < today


def test_written_up_sessions_follow_their_frame(today):
    written = Session.objects.filter(recorded_at__isnull=False)
    assert {session.frame for session in written} == set(FrameChoice)
    for session in written:
        assert session.notes
        assert set(session.notes) <= {prompt.key for prompt in frame_for(session.frame).prompts}
        if session.frame == FrameChoice.SIGNS_OF_SAFETY:
            assert 0 <= session.scale <= 10
            assert str(session.scale) in session.notes["scale_reasons"]
        else:
            assert session.scale is None
    with_reflection = written.exclude(supervisee_reflection="").count()
    assert with_reflection > written.count() / 2


def test_one_demo_workers_caseload_rises_over_the_year(today):
    caseloads = list(
        Session.objects.filter(supervisee__email="worker4@example.org", caseload_children__isnull=False)
        .order_by("held_on")
        .values_list("caseload_children", flat=True)
    )
    assert caseloads[-1] - caseloads[0] >= 6
    assert caseloads[-1] >= 22
    others = Session.objects.filter(caseload_children__isnull=False).exclude(supervisee__email="worker4@example.org")
    assert all(1 <= caseload <= 24 for caseload in others.values_list("caseload_children", flat=True))


def test_every_written_up_session_discusses_cases_by_reference_and_agrees_actions(today):
    for session in Session.objects.filter(recorded_at__isnull=False).exclude(
        supervisee__email="supervisor@example.org"
    ):
        assert 1 <= session.case_discussions.count() <= 2
        assert 1 <= session.actions.count() <= 2
    for reference in CaseDiscussion.objects.values_list("case_reference", flat=True):
        assert re.fullmatch(r"CS-\d{5}", reference)


def test_most_demo_actions_are_done_a_few_are_open_and_two_are_overdue(today):
    overdue = Action.objects.overdue(today)
    assert {action.owner.full_name for action in overdue} == {"Kwame Asante", "Siobhan Gallagher"}
    assert Action.objects.open().count() > overdue.count()
    assert Action.objects.filter(completed_on__isnull=False).count() > Action.objects.count() * 0.8
    assert not Action.objects.filter(completed_on__gte=today).exists()
    by_supervisee = Action.objects.filter(owner_id=F("session__supervisee_id"))
    assert by_supervisee.count() > Action.objects.count() / 2


def test_a_supervisee_disagreed_with_one_signed_off_record(today):
    disagreed = Session.objects.get(supervisee_response=ResponseChoice.DISAGREE)
    assert disagreed.supervisee.email == "worker4@example.org"
    assert disagreed.is_locked
    assert disagreed.supervisee_comment
    assert "caseload" in disagreed.notes["management"].lower()


def test_one_signed_off_session_has_an_addendum_by_the_supervisor(today):
    addendum = Addendum.objects.get()
    assert addendum.session.is_locked
    assert addendum.author == addendum.session.supervisor
    assert addendum.created_at > addendum.session.locked_at


def test_the_worker_has_private_notes_for_the_booked_session_and_shared_ones_for_the_last(today):
    private = Preparation.objects.get(shared_at__isnull=True)
    shared = Preparation.objects.get(shared_at__isnull=False)
    assert private.author.email == shared.author.email == "worker@example.org"
    assert private.session.held_on > today
    assert shared.session.held_on <= today
    assert shared.shared_at.date() < shared.session.held_on


def test_the_facilitator_ran_a_weekly_group_session_for_six_months(today):
    sessions = list(GroupSession.objects.order_by("held_on").prefetch_related("attendees__groups"))
    assert 20 <= len(sessions) <= 26
    assert {session.facilitator.email for session in sessions} == {"facilitator@example.org"}
    assert today - sessions[0].held_on <= timedelta(weeks=26)
    assert sessions[-1].held_on < today
    for earlier, later in zip(sessions, sessions[1:], strict=False):
        assert (later.held_on - earlier.held_on).days in (7, 14)
    assert len({session.theme for session in sessions}) == len(sessions)
    for session in sessions:
        assert session.hours == Decimal("3.5")
        assert session.learning_points
        assert 3 <= len(session.attendees.all()) <= 6
        for person in session.attendees.all():
            assert Role.SOCIAL_WORKER in person.role_names
            assert person.start_date <= session.held_on


def test_every_written_up_demo_session_has_a_length_and_a_balance(today):
    written_up = Session.objects.filter(recorded_at__isnull=False)
    assert written_up.count() > 50
    assert not written_up.filter(minutes_management__isnull=True).exists()
    assert not Session.objects.filter(recorded_at__isnull=True, minutes__isnull=False).exists()


def test_the_demo_dashboard_shows_one_team_drifting_to_case_management(today):
    manager = User.objects.get(email="manager@example.org")
    people = filtered_people(manager, DashboardFilters())
    figures = balance_figures(people, period_start(today, DEFAULT_PERIOD_MONTHS), today)
    assert {team.team_name for team in figures.teams} == {FIRST_TEAM, SECOND_TEAM}
    assert [team.team_name for team in figures.drifting] == [SECOND_TEAM]
    (drifting,) = figures.drifting
    recorded = [month for month in drifting.months if month.recorded]
    assert all(month.is_crowded_out for month in recorded[-3:])
    assert not any(month.is_crowded_out for month in recorded[:-4])


def test_the_demo_has_one_short_session_and_the_dashboard_flags_it(today):
    short = Session.objects.filter(minutes__lt=current_standard().minimum_minutes).select_related("supervisee")
    (session,) = short
    assert session.supervisee.email == "worker3@example.org"
    assert session.held_on >= period_start(today, DEFAULT_PERIOD_MONTHS)
    manager = User.objects.get(email="manager@example.org")
    people = filtered_people(manager, DashboardFilters())
    assert balance_figures(people, period_start(today, DEFAULT_PERIOD_MONTHS), today).short_in_period == 1


def test_loading_the_demo_on_a_database_from_before_lengths_fills_them_in_once(today):
    """A database loaded before sessions had a length gets the same lengths, balances, drift and short session
    as a fresh load, and a second load changes nothing."""
    fields = ["pk", "minutes", "minutes_management", "minutes_support", "minutes_development", "minutes_mediation"]
    fresh = list(Session.objects.order_by("pk").values_list(*fields))
    Session.objects.update(
        minutes=None, minutes_management=None, minutes_support=None, minutes_development=None, minutes_mediation=None
    )
    load_demo(today)
    assert list(Session.objects.order_by("pk").values_list(*fields)) == fresh
    load_demo(today + timedelta(days=40))
    assert list(Session.objects.order_by("pk").values_list(*fields)) == fresh
    manager = User.objects.get(email="manager@example.org")
    figures = balance_figures(filtered_people(manager, DashboardFilters()), period_start(today, 12), today)
    assert [team.team_name for team in figures.drifting] == [SECOND_TEAM]
    assert figures.short_in_period == 1


def demo_texts():
    """Every piece of free text the demo writes, with where it came from."""
    for session in Session.objects.all():
        for key, text in session.notes.items():
            yield f"session {session.pk} {key}", text
        yield f"session {session.pk} reflection", session.supervisee_reflection
        yield f"session {session.pk} comment", session.supervisee_comment
    for case in CaseDiscussion.objects.all():
        yield f"case {case.pk}", f"{case.case_reference} {case.discussion} {case.decisions}"
    for action in Action.objects.all():
        yield f"action {action.pk}", action.description
    for addendum in Addendum.objects.all():
        yield f"addendum {addendum.pk}", addendum.text
    for notes in Preparation.objects.all():
        yield f"preparation {notes.pk}", f"{notes.went_well} {notes.worries} {notes.to_think_about}"
    for agreement in Agreement.objects.all():
        yield f"agreement {agreement.pk}", f"{agreement.arrangements} {agreement.confidentiality}"
    for group_session in GroupSession.objects.all():
        yield f"group session {group_session.pk}", f"{group_session.theme}\n{group_session.learning_points}"


def test_demo_records_name_no_children_or_families(today):
    texts = list(demo_texts())
    assert len(texts) > 500
    names = {where: LOOKS_LIKE_A_NAME.findall(text) for where, text in texts if LOOKS_LIKE_A_NAME.search(text)}
    assert names == {}
    staff_names = set(User.objects.values_list("full_name", flat=True))
    for where, text in texts:
        for name in staff_names:
            for part in name.split():
                if len(part) > 3:
                    assert part not in text, (where, part)


def test_the_demo_names_check_would_catch_a_name():
    assert LOOKS_LIKE_A_NAME.search("Visited the 9-year-old, Jordan Smith, at school.")
