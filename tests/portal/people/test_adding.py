"""Adding a person and sending their invitation, and who may give which role."""

from datetime import date, timedelta
from decimal import Decimal
from urllib.parse import urlsplit

import pytest
from django.urls import reverse

from portal.models import AuditEvent, AuditKind, Invitation, User
from portal.people import invitations, services
from portal.roles import ROLES, Role
from tests.factories import TeamFactory, UserFactory
from tests.portal.people.helpers import add_form, change_form, errors, new_person

# --- Adding and inviting ------------------------------------------------------------------


def test_adding_a_person_creates_them_without_a_password_and_emails_a_one_time_link(
    admin_client, admin, team, supervisor, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("people:add"),
            add_form(team, line_manager=supervisor.pk, asye_start_date="7 9 2026"),
        )
    person = User.objects.get(email="nia.roberts@example.org")
    assert response.status_code == 302
    assert response.url == reverse("people:person", args=[person.pk])
    assert not person.has_usable_password()
    assert person.line_manager == supervisor
    assert person.asye_start_date == date(2026, 9, 7)
    assert person.is_newly_qualified
    assert person.role_names == [Role.SOCIAL_WORKER]
    invitation = Invitation.objects.get(person=person)
    assert invitation.sent_by == admin
    assert invitation.expires_at - invitation.created_at == timedelta(days=7)
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["nia.roberts@example.org"]
    link = next(line for line in mailoutbox[0].body.splitlines() if "/people/manage/invitation/" in line)
    token = urlsplit(link).path.rstrip("/").rsplit("/", 1)[-1]
    assert invitation.token_hash == invitations.hash_token(token)
    assert token not in invitation.token_hash
    assert "choose a password" in mailoutbox[0].body
    kinds = list(AuditEvent.objects.filter(subject=person).values_list("kind", flat=True))
    assert sorted(kinds) == sorted([AuditKind.PERSON_ADDED, AuditKind.INVITATION_SENT])


def test_the_invitation_email_says_to_use_the_council_account_when_sso_is_on(
    admin, team, settings, mailoutbox, django_capture_on_commit_callbacks
):
    settings.OIDC_ISSUER_URL = "https://login.example.org/tenant/v2.0"
    settings.OIDC_BUTTON_LABEL = "Sign in with your City of London account"
    with django_capture_on_commit_callbacks(execute=True):
        services.add_person(new_person(team), roles=[], by=admin)
    assert "You sign in with your council account" in mailoutbox[0].body
    assert "choose a password" not in mailoutbox[0].body


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"email": "PERSON-TAKEN@example.org"}, "email", "There is already an account with this email address"),
        ({"start_date": "31 2 2027"}, "start_date", "Enter a real start date, like 27 3 2027"),
        ({"asye_start_date": "2027-13-01"}, "asye_start_date", "Enter a real ASYE start date, like 27 3 2027"),
        ({"working_hours": "61"}, "working_hours", "Working hours must be between 0.5 and 60 a week"),
        ({"working_hours": "0"}, "working_hours", "Working hours must be between 0.5 and 60 a week"),
        ({"working_hours": "²"}, "working_hours", "Enter the working hours as a number, like 37 or 22.5"),
        ({"full_name": ""}, "full_name", "Enter their full name"),
        ({"team": "99999999999999999999"}, "team", "Choose a team in your service"),
        ({"roles": [Role.SERVICE_MANAGER]}, "roles", "You can only give the roles listed"),
    ],
)
def test_adding_a_person_refuses_bad_input_with_a_specific_message(admin_client, team, overrides, field, message):
    UserFactory(email="person-taken@example.org", team=team)
    response = admin_client.post(reverse("people:add"), add_form(team, **overrides))
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    assert "There is a problem" in response.text
    assert not User.objects.filter(email="nia.roberts@example.org").exists()
    assert not Invitation.objects.exists()


def test_a_nul_byte_in_the_form_is_refused_before_anything_is_saved(admin_client, team):
    # portal.null_bytes answers any form holding a NUL byte with the 400 page.
    response = admin_client.post(reverse("people:add"), add_form(team, full_name="Nia\x00Roberts"))
    assert response.status_code == 400
    assert not User.objects.filter(email="nia.roberts@example.org").exists()
    assert not Invitation.objects.exists()


def test_a_line_manager_outside_the_service_is_refused(admin_client, team):
    from tests.factories import ServiceFactory

    elsewhere = UserFactory(team=TeamFactory(service=ServiceFactory(name="Adult Social Care")))
    response = admin_client.post(reverse("people:add"), add_form(team, line_manager=elsewhere.pk))
    assert "Choose a line manager who works in your service" in errors(response)
    assert not User.objects.filter(email="nia.roberts@example.org").exists()


def test_a_team_outside_the_service_is_refused(admin_client, team):
    from tests.factories import ServiceFactory

    elsewhere = TeamFactory(service=ServiceFactory(name="Adult Social Care"))
    response = admin_client.post(reverse("people:add"), add_form(team, team=elsewhere.pk))
    assert "Choose a team in your service" in errors(response)


def test_each_bad_date_on_the_add_form_names_its_field_in_the_error_summary(admin_client, team):
    response = admin_client.post(reverse("people:add"), add_form(team, start_date="31 2 2027", asye_start_date="x"))
    summary = response.text.split("govuk-error-summary__list", 1)[1].split("</ul>", 1)[0]
    assert "Enter a real start date, like 27 3 2027" in summary
    assert "Enter a real ASYE start date, like 27 3 2027" in summary


@pytest.mark.parametrize(
    ("hours", "message"),
    [
        ("37.123", "Enter the working hours with no more than one decimal place, like 22.5"),
        ("22.25", "Enter the working hours with no more than one decimal place, like 22.5"),
        ("1e400", "Working hours must be between 0.5 and 60 a week"),
        ("0.25", "Working hours must be between 0.5 and 60 a week"),
        ("60.01", "Working hours must be between 0.5 and 60 a week"),
        ("-1", "Working hours must be between 0.5 and 60 a week"),
        ("NaN", "Enter the working hours as a number, like 37 or 22.5"),
    ],
)
def test_wrong_working_hours_get_one_clear_error(admin_client, team, worker, hours, message):
    added = admin_client.post(reverse("people:add"), add_form(team, working_hours=hours))
    changed = admin_client.post(reverse("people:change", args=[worker.pk]), change_form(worker, working_hours=hours))
    for response in (added, changed):
        assert response.status_code == 200
        assert response.context["form"].errors["working_hours"] == [message]
        assert response.text.count(message) == 2  # once in the error summary, once by the field


def test_working_hours_with_one_decimal_place_are_saved(admin_client, team):
    admin_client.post(reverse("people:add"), add_form(team, working_hours="22.5"))
    assert User.objects.get(email="nia.roberts@example.org").working_hours == Decimal("22.5")


def test_the_add_service_refuses_a_duplicate_email_in_any_case(admin, team):
    services.add_person(new_person(team), roles=[], by=admin)
    with pytest.raises(services.PersonError, match="already an account"):
        services.add_person(new_person(team, email="NIA.ROBERTS@example.org"), roles=[], by=admin)
    assert User.objects.filter(email__iexact="nia.roberts@example.org").count() == 1


# --- Who may give which role --------------------------------------------------------------


def test_a_people_administrator_may_give_only_roles_whose_access_they_hold(admin):
    assert services.grantable_roles(admin) == [Role.SOCIAL_WORKER, Role.PEOPLE_ADMINISTRATOR]


def test_a_service_manager_may_give_every_role(service_manager):
    assert services.grantable_roles(service_manager) == list(ROLES)


def test_the_add_service_refuses_a_role_the_administrator_cannot_give(admin, team):
    with pytest.raises(services.PersonError, match="only a service manager"):
        services.add_person(new_person(team), roles=[Role.SUPERVISOR], by=admin)
    assert not User.objects.filter(email="nia.roberts@example.org").exists()
