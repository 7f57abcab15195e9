from datetime import timedelta

import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command
from django.db import transaction
from django.test import RequestFactory
from django.utils import timezone

from portal.management.commands.load_demo import DEMO_PASSWORD, FIRST_TEAM, SECOND_TEAM
from portal.models import Team, User
from supervision.models import Agreement, GroupSession, Session
from training.models import Booking, Course, CourseDate, Evaluation, ExternalLearning, Spend

SIGN_INS = {
    "worker@example.org": {"Social worker"},
    "supervisor@example.org": {"Supervisor", "Social worker"},
    "manager@example.org": {"Service manager"},
    "editor@example.org": {"Guide editor", "Practice lead"},
    "coordinator@example.org": {"Training coordinator"},
    "facilitator@example.org": {"Group-session facilitator"},
    "supervisor2@example.org": {"Supervisor", "Social worker"},
    "worker2@example.org": {"Social worker"},
    "worker3@example.org": {"Social worker"},
    "worker4@example.org": {"Social worker"},
    "worker5@example.org": {"Social worker"},
    "worker6@example.org": {"Social worker"},
    "worker7@example.org": {"Social worker"},
    "worker8@example.org": {"Social worker"},
}


# The mark makes each test run in a savepoint of its own inside the module's demo, rolled back after it; the
# group keeps the module on one pytest-xdist worker (make test uses --dist loadgroup), so the demo loads once.
pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("portal-demo")]


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo, loaded once for the module and rolled back at its end; loading it for each test took most of
    their time. The tests that need a database without it are in test_demo_loader.py."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", force=True)
        yield
        transaction.set_rollback(True)


def test_every_demo_person_can_sign_in_with_the_demo_password(demo):
    for email, roles in SIGN_INS.items():
        person = authenticate(RequestFactory().post("/sign-in/"), username=email, password=DEMO_PASSWORD)
        assert person is not None, email
        assert set(person.role_names) == roles


def test_demo_has_two_teams_with_the_right_supervisors(demo):
    assert Team.objects.count() == 2
    worker = User.objects.get(email="worker@example.org")
    worker2 = User.objects.get(email="worker2@example.org")
    assert worker.line_manager.email == "supervisor@example.org"
    assert worker2.line_manager.email == "supervisor2@example.org"
    assert worker.team != worker2.team
    assert worker2.is_newly_qualified


def test_each_demo_team_manager_supervises_a_team_of_social_workers(demo):
    for team, supervisor, size in (
        (FIRST_TEAM, "supervisor@example.org", 5),
        (SECOND_TEAM, "supervisor2@example.org", 3),
    ):
        workers = User.objects.filter(line_manager__email=supervisor)
        assert workers.count() == size
        assert set(workers.values_list("team__name", flat=True)) == {team}


def test_the_newest_demo_worker_started_ten_weeks_before_the_demo_was_loaded(demo):
    newest = User.objects.get(email="worker6@example.org")
    today = timezone.localdate()
    assert newest.is_newly_qualified
    assert newest.start_date.weekday() == 0
    assert today - timedelta(weeks=11) < newest.start_date <= today - timedelta(weeks=10)


def test_the_demo_includes_a_year_of_supervision(demo):
    assert Agreement.objects.current().count() == 9
    assert Session.objects.filter(held_on__lte=timezone.localdate() - timedelta(days=365)).exists()
    assert GroupSession.objects.exists()


def test_loading_the_demo_twice_changes_nothing(demo):
    def counts():
        training = (Course, CourseDate, Booking, Evaluation, ExternalLearning, Spend)
        return [model.objects.count() for model in (User, Agreement, Session, GroupSession, *training)]

    before = counts()
    call_command("load_demo", force=True)
    assert counts() == before
