from decimal import Decimal

import pytest
from django.db import IntegrityError

from portal.models import User
from tests.factories import UserFactory


def test_email_is_stored_in_lower_case(db):
    person = User.objects.create_user("Sam.Whitfield@Example.ORG", "a-long-password-1", full_name="Sam Whitfield")
    assert person.email == "sam.whitfield@example.org"


def test_two_people_cannot_share_an_email_in_any_case(db):
    UserFactory(email="sam@example.org")
    with pytest.raises(IntegrityError):
        UserFactory(email="SAM@example.org")


def test_working_hours_must_be_positive_and_at_most_sixty(db):
    with pytest.raises(IntegrityError):
        UserFactory(working_hours=Decimal("0"))


def test_superuser_can_use_the_admin(db):
    admin = User.objects.create_superuser("admin@example.org", "a-long-password-1", full_name="Admin")
    assert admin.is_staff
    assert admin.is_superuser


def test_person_without_email_is_refused(db):
    with pytest.raises(ValueError, match="work email"):
        User.objects.create_user("", "a-long-password-1")


def test_short_name_is_the_first_name(db):
    assert UserFactory(full_name="Amira Haddad").get_short_name() == "Amira"


def test_people_visible_to_a_supervisor_are_their_team_and_reports(supervisor, worker, other_worker):
    report_elsewhere = UserFactory(team=other_worker.team, line_manager=supervisor)
    visible = set(User.objects.visible_to(supervisor))
    assert {supervisor, worker, report_elsewhere} <= visible
    assert other_worker not in visible


def test_people_visible_to_a_service_manager_are_the_whole_service(service_manager, worker, other_worker):
    assert {worker, other_worker, service_manager} <= set(User.objects.visible_to(service_manager))


def test_a_social_worker_sees_nobody_in_the_directory(worker, other_worker):
    assert not User.objects.visible_to(worker).exists()


def test_short_name_skips_a_title(db):
    from tests.factories import UserFactory

    assert UserFactory.build(full_name="Dr Helen Marsh").get_short_name() == "Helen"
    assert UserFactory.build(full_name="Sam Whitfield").get_short_name() == "Sam"
    assert UserFactory.build(full_name="", email="a@example.org").get_short_name() == "a@example.org"
