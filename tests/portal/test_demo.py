import pytest
from django.contrib.auth import authenticate
from django.core.management import CommandError, call_command
from django.test import RequestFactory

from portal.management.commands.load_demo import DEMO_PASSWORD
from portal.models import Team, User

SIGN_INS = {
    "worker@example.org": {"Social worker"},
    "supervisor@example.org": {"Supervisor", "Social worker"},
    "manager@example.org": {"Service manager"},
    "editor@example.org": {"Guide editor"},
    "coordinator@example.org": {"Training coordinator"},
    "facilitator@example.org": {"Group-session facilitator"},
    "supervisor2@example.org": {"Supervisor", "Social worker"},
    "worker2@example.org": {"Social worker"},
}


@pytest.fixture
def demo(db):
    call_command("load_demo", force=True)


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


def test_loading_the_demo_twice_changes_nothing(demo):
    before = User.objects.count()
    call_command("load_demo", force=True)
    assert User.objects.count() == before


def test_demo_refuses_to_load_with_debug_off(db, settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="refuses to run with DEBUG off"):
        call_command("load_demo")
    assert not User.objects.exists()
