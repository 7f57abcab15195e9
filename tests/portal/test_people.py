"""People management: the list and its CSV, adding and inviting, the person page, changing with a reason."""

import csv
import io
from datetime import date, timedelta
from decimal import Decimal
from urllib.parse import urlsplit

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from portal.models import AuditEvent, AuditKind, Invitation, User
from portal.people import invitations, selectors, services
from portal.roles import ROLES, Role
from tests.factories import TeamFactory, UserFactory


@pytest.fixture
def admin(team):
    return UserFactory(team=team, roles=[Role.PEOPLE_ADMINISTRATOR], full_name="Grace Mitchell")


@pytest.fixture
def admin_client(client, admin):
    client.force_login(admin)
    return client


def new_person(team, **overrides) -> services.NewPerson:
    values = {
        "full_name": "Nia Roberts",
        "email": "nia.roberts@example.org",
        "team": team,
        "job_title": "Social Worker",
        "line_manager": None,
        "start_date": date(2027, 1, 4),
        "asye_start_date": None,
        "working_hours": Decimal("37"),
    } | overrides
    return services.NewPerson(**values)


def add_form(home_team, **overrides) -> dict:
    return {
        "full_name": "Nia Roberts",
        "email": "Nia.Roberts@Example.org",
        "team": home_team.pk,
        "job_title": "Social Worker",
        "roles": [Role.SOCIAL_WORKER],
        "line_manager": "",
        "start_date": "4 1 2027",
        "asye_start_date": "",
        "working_hours": "37",
    } | overrides


def change_form(person, **overrides) -> dict:
    person = User.objects.get(pk=person.pk)
    return {
        "team": person.team_id,
        "line_manager": person.line_manager_id or "",
        "job_title": person.job_title,
        "working_hours": services.hours(person.working_hours),
        "asye_start_date": person.asye_start_date.strftime("%d %m %Y") if person.asye_start_date else "",
        "roles": [group.name for group in person.groups.all()],
        "reason": "Moved to the Children in Care team from 1 March",
        "seen": services.fingerprint(person),
    } | overrides


def errors(response) -> str:
    return response.context["form"].errors.as_text()


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


# --- Invitations --------------------------------------------------------------------------


@pytest.fixture
def invited(admin, team):
    return services.add_person(new_person(team), roles=[Role.SOCIAL_WORKER], by=admin)


def path_of(person) -> str:
    return urlsplit(person.invitation_link).path


def test_the_link_lets_the_person_set_a_password_and_sends_them_to_two_factor_set_up(client, invited):
    page = client.get(path_of(invited))
    assert page.status_code == 200
    assert "Set your password" in page.text
    response = client.post(
        path_of(invited), {"new_password1": "kettle orchard lantern 42", "new_password2": "kettle orchard lantern 42"}
    )
    assert response.status_code == 302
    assert response.url == reverse("mfa_activate_totp")
    invited.refresh_from_db()
    assert invited.check_password("kettle orchard lantern 42")
    assert int(client.session["_auth_user_id"]) == invited.pk
    assert Invitation.objects.get(person=invited).accepted_at is not None
    assert AuditEvent.objects.filter(subject=invited, kind=AuditKind.INVITATION_ACCEPTED).exists()
    # Used once: the same link now explains itself.
    client.logout()
    again = client.get(path_of(invited))
    assert "already been used" in again.text


def test_after_setting_a_password_the_new_starter_stays_signed_in_for_two_factor_set_up(client, invited):
    password = "kettle orchard lantern 42"
    response = client.post(path_of(invited), {"new_password1": password, "new_password2": password}, follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == reverse("mfa_activate_totp")
    assert response.wsgi_request.user.pk == invited.pk
    # And on the next request too: the session holds the new password's hash, not the old one's.
    again = client.get(reverse("mfa_activate_totp"))
    assert again.status_code == 200
    assert int(client.session["_auth_user_id"]) == invited.pk


def test_the_password_errors_are_in_our_words_one_at_a_time(client, invited):
    mismatch = client.post(
        path_of(invited), {"new_password1": "kettle orchard lantern 42", "new_password2": "kettle orchard lantern"}
    )
    form = mismatch.context["form"]
    assert form.errors == {"new_password2": ["Enter the same password in both boxes"]}
    assert "didn’t match" not in mismatch.text
    common = client.post(path_of(invited), {"new_password1": "password1234", "new_password2": "password1234"})
    assert common.context["form"].errors == {
        "new_password1": ["This password is one that many people use, so it is easy to guess: choose another"]
    }
    numeric = client.post(path_of(invited), {"new_password1": "4815162342421", "new_password2": "4815162342421"})
    assert numeric.context["form"].errors == {"new_password1": ["Your password cannot be only numbers: add some words"]}
    empty = client.post(path_of(invited), {"new_password1": "", "new_password2": ""})
    assert empty.context["form"].errors == {
        "new_password1": ["Choose a password"],
        "new_password2": ["Type the password again"],
    }
    invited.refresh_from_db()
    assert not invited.has_usable_password()


def test_the_link_applies_the_password_rules(client, invited):
    response = client.post(path_of(invited), {"new_password1": "password", "new_password2": "password"})
    assert response.status_code == 200
    assert "Your password is too short: use at least 12 characters" in response.text
    invited.refresh_from_db()
    assert not invited.has_usable_password()


def test_with_sso_the_link_says_to_use_the_council_account_and_sets_no_password(client, invited, settings):
    settings.OIDC_ISSUER_URL = "https://login.example.org/tenant/v2.0"
    page = client.get(path_of(invited))
    assert "Sign in with your council account" in page.text
    assert "new_password1" not in page.text
    response = client.post(path_of(invited))
    assert response.url == reverse("login")
    invited.refresh_from_db()
    assert not invited.has_usable_password()
    assert Invitation.objects.get(person=invited).accepted_at is not None


def test_an_expired_link_says_who_to_ask(client, invited, admin):
    Invitation.objects.filter(person=invited).update(expires_at=timezone.now() - timedelta(minutes=1))
    response = client.get(path_of(invited))
    assert "The link has expired" in response.text
    assert admin.email in response.text
    response = client.post(path_of(invited), {"new_password1": "kettle orchard 42 x", "new_password2": "x"})
    assert "The link has expired" in response.text


def test_resending_kills_the_old_link_and_only_the_newest_works(admin_client, client, invited, admin):
    old_path = path_of(invited)
    admin_client.post(reverse("people:resend-invitation", args=[invited.pk]))
    assert Invitation.objects.filter(person=invited).count() == 2
    assert invitations.read_link(old_path.rstrip("/").rsplit("/", 1)[-1], timezone.now()).state == "replaced"
    assert AuditEvent.objects.filter(subject=invited, kind=AuditKind.INVITATION_SENT).count() == 2


def test_withdrawing_makes_the_link_dead_and_is_audited(admin_client, client, invited):
    response = admin_client.post(reverse("people:withdraw-invitation", args=[invited.pk]))
    assert response.status_code == 302
    assert "The invitation was withdrawn" in client.get(path_of(invited)).text
    assert AuditEvent.objects.filter(subject=invited, kind=AuditKind.INVITATION_WITHDRAWN).exists()
    # Nothing left to withdraw: a message, not an error page.
    again = admin_client.post(reverse("people:withdraw-invitation", args=[invited.pk]), follow=True)
    assert "nothing to withdraw" in again.text


def test_an_unknown_link_answers_404_with_a_clear_page(client, db):
    response = client.get(reverse("people:invitation", args=["not-a-real-token"]))
    assert response.status_code == 404
    assert "We do not recognise this link" in response.text


def test_someone_who_can_already_sign_in_is_not_offered_an_invitation(admin_client, admin, worker):
    page = admin_client.get(reverse("people:person", args=[worker.pk]))
    assert "They were not invited through the portal." in page.text
    assert "they sign in with their work email address and their password" in page.text
    assert "Send an invitation" not in page.text
    assert reverse("people:resend-invitation", args=[worker.pk]) not in page.text
    with pytest.raises(invitations.InvitationError, match="can already sign in"):
        invitations.resend(worker, by=admin)


def test_someone_without_a_password_who_has_signed_in_is_not_offered_an_invitation(admin_client, worker):
    worker.set_unusable_password()
    worker.last_login = timezone.now()
    worker.save()
    page = admin_client.get(reverse("people:person", args=[worker.pk]))
    assert "they have signed in before" in page.text
    assert "Send an invitation" not in page.text


def test_someone_who_cannot_sign_in_yet_may_be_sent_an_invitation(admin_client, team):
    person = UserFactory(team=team)
    person.set_unusable_password()
    person.save()
    page = admin_client.get(reverse("people:person", args=[person.pk]))
    assert "Send an invitation" in page.text
    admin_client.post(reverse("people:resend-invitation", args=[person.pk]))
    assert Invitation.objects.filter(person=person).count() == 1


def test_resend_is_refused_once_the_invitation_was_accepted(admin, invited):
    invitations.accept(Invitation.objects.get(person=invited), password="kettle orchard lantern 42")
    with pytest.raises(invitations.InvitationError, match="already accepted"):
        invitations.resend(invited, by=admin)


# --- The list -----------------------------------------------------------------------------


def test_the_list_shows_each_status_and_filters_by_it(admin_client, team, invited):
    today = timezone.localdate()
    leaving = UserFactory(team=team, full_name="Lee Leaving", leaving_date=today + timedelta(days=10))
    gone = UserFactory(team=team, full_name="Gita Gone", leaving_date=today - timedelta(days=1), is_active=False)
    closed = UserFactory(team=team, full_name="Cal Closed", is_active=False)
    response = admin_client.get(reverse("people:list"))
    assert f"Leaving on {leaving.leaving_date:%-d %B %Y}" in response.text
    assert f"Left on {gone.leaving_date:%-d %B %Y}" in response.text
    assert "Invited" in response.text
    assert closed.full_name in response.text
    for status, name in [("invited", invited), ("leaving", leaving), ("left", gone), ("closed", closed)]:
        page = admin_client.get(reverse("people:list"), {"status": status})
        assert [person for person, *_ in page.context["rows"]] == [name], status


def test_the_list_searches_by_name_or_email_and_filters_by_team_and_role(admin_client, team, other_team):
    wanted = UserFactory(team=other_team, full_name="Oona Search", roles=[Role.SUPERVISOR])
    UserFactory(team=team, full_name="Oona Other", roles=[Role.SUPERVISOR])
    role = Group.objects.get(name=Role.SUPERVISOR)
    page = admin_client.get(reverse("people:list"), {"q": "oona", "team": other_team.pk, "role": role.pk})
    assert [person for person, *_ in page.context["rows"]] == [wanted]
    by_email = admin_client.get(reverse("people:list"), {"q": wanted.email.upper()})
    assert [person for person, *_ in by_email.context["rows"]] == [wanted]


@pytest.mark.parametrize("params", [{"team": "²"}, {"role": "abc"}, {"status": "gone"}])
def test_odd_filters_get_an_error_message_not_a_server_error(admin_client, params):
    response = admin_client.get(reverse("people:list"), params)
    assert response.status_code == 200
    assert "There is a problem" in response.text


def test_a_nul_byte_in_the_search_gets_the_bad_request_page(admin_client):
    assert admin_client.get(reverse("people:list"), {"q": "a\x00b"}).status_code == 400


def test_the_list_makes_a_bounded_number_of_queries(admin_client, team, other_team, django_assert_max_num_queries):
    managers = [UserFactory(team=team, roles=[Role.SUPERVISOR]) for _ in range(3)]
    for number in range(60):
        UserFactory(
            team=(team, other_team)[number % 2],
            line_manager=managers[number % 3],
            roles=[Role.SOCIAL_WORKER, Role.FACILITATOR],
        )
    with django_assert_max_num_queries(12):
        response = admin_client.get(reverse("people:list"))
    assert response.context["page"].paginator.count > 60
    with django_assert_max_num_queries(12):
        response = admin_client.get(reverse("people:export"))
        assert len(list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))) > 61


def test_the_csv_holds_the_filtered_people_and_neutralises_formulas(admin_client, team):
    UserFactory(team=team, full_name="=HYPERLINK(1)", job_title="+cmd")
    UserFactory(team=team, full_name="Plain Person")
    response = admin_client.get(reverse("people:export"), {"q": "hyperlink"})
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:3] == ["Name", "Work email address", "Team"]
    assert len(rows) == 2
    assert rows[1][0] == "'=HYPERLINK(1)"
    assert rows[1][3] == "'+cmd"


# --- The person page ----------------------------------------------------------------------


def test_the_person_page_shows_details_invitation_and_events(admin_client, invited):
    response = admin_client.get(reverse("people:person", args=[invited.pk]))
    assert "nia.roberts@example.org" in response.text
    assert "Waiting to be accepted" in response.text
    assert "Withdraw the invitation" in response.text
    assert "Person added" in response.text
    assert "Invitation sent" in response.text
    assert reverse("people:change", args=[invited.pk]) in response.text


def test_only_those_who_may_reset_a_second_factor_get_the_link(client, admin, service_manager, worker):
    from allauth.mfa.models import Authenticator

    assert "Not set up yet." in _person_page_as(client, admin, worker)
    Authenticator.objects.create(user=worker, type=Authenticator.Type.TOTP, data={"secret": "x"})
    page = _person_page_as(client, admin, worker)
    assert "Set up: Authenticator app." in page
    assert "Reset their two-factor sign-in" not in page
    client.force_login(service_manager)
    assert "Reset their two-factor sign-in" in client.get(reverse("people:person", args=[worker.pk])).text


def _person_page_as(client, viewer, person) -> str:
    client.force_login(viewer)
    return client.get(reverse("people:person", args=[person.pk])).text


# --- Changing -----------------------------------------------------------------------------


def test_changing_team_and_line_manager_is_audited_with_before_after_and_reason(
    admin_client, admin, worker, other_team, other_supervisor
):
    old_team, old_manager = worker.team, worker.line_manager
    response = admin_client.post(
        reverse("people:change", args=[worker.pk]),
        change_form(worker, team=other_team.pk, line_manager=other_supervisor.pk, working_hours="22.5"),
    )
    assert response.status_code == 302
    worker.refresh_from_db()
    assert (worker.team, worker.line_manager, worker.working_hours) == (other_team, other_supervisor, Decimal("22.5"))
    event = AuditEvent.objects.get(subject=worker, kind=AuditKind.PERSON_CHANGED)
    assert event.actor == admin
    assert event.summary == "Moved to the Children in Care team from 1 March"
    assert event.changes == {
        "team": [old_team.name, other_team.name],
        "line_manager": [old_manager.full_name, other_supervisor.full_name],
        "working_hours": ["37", "22.5"],
    }


def test_the_asye_start_date_can_be_changed_and_is_audited_with_before_and_after(admin_client, worker):
    page = admin_client.get(reverse("people:change", args=[worker.pk]))
    assert 'name="asye_start_date"' in page.text

    admin_client.post(reverse("people:change", args=[worker.pk]), change_form(worker, asye_start_date="7 9 2026"))
    worker.refresh_from_db()
    assert (worker.asye_start_date, worker.is_newly_qualified) == (date(2026, 9, 7), True)
    event = AuditEvent.objects.get(subject=worker, kind=AuditKind.PERSON_CHANGED)
    assert event.changes == {"asye_start_date": [None, "2026-09-07"]}
    assert event.change_rows() == [("ASYE start date", "Not set", "7 September 2026")]

    # The form shows the date as the hint asks for it, and clearing it means they are no longer newly qualified.
    page = admin_client.get(reverse("people:change", args=[worker.pk]))
    assert page.context["form"]["asye_start_date"].value() == "7 9 2026"
    admin_client.post(reverse("people:change", args=[worker.pk]), change_form(worker, asye_start_date=""))
    worker.refresh_from_db()
    assert (worker.asye_start_date, worker.is_newly_qualified) == (None, False)
    latest = AuditEvent.objects.filter(subject=worker, kind=AuditKind.PERSON_CHANGED).latest("pk")
    assert latest.changes == {"asye_start_date": ["2026-09-07", None]}


def test_an_asye_start_date_changed_since_the_form_opened_is_a_conflict(admin_client, worker):
    stale = change_form(worker, job_title="Senior Social Worker")
    User.objects.filter(pk=worker.pk).update(asye_start_date=date(2026, 9, 7), is_newly_qualified=True)
    response = admin_client.post(reverse("people:change", args=[worker.pk]), stale)
    assert "Someone else changed" in response.text
    worker.refresh_from_db()
    assert (worker.job_title, worker.asye_start_date) == ("Social Worker", date(2026, 9, 7))


def test_a_reason_is_required(admin_client, worker, other_team):
    response = admin_client.post(reverse("people:change", args=[worker.pk]), change_form(worker, reason=""))
    assert "Enter the reason for the change" in errors(response)


def test_roles_change_is_audited_and_keeps_roles_the_administrator_cannot_touch(admin_client, team):
    person = UserFactory(team=team, roles=[Role.SUPERVISOR])
    admin_client.post(reverse("people:change", args=[person.pk]), change_form(person, roles=[Role.SOCIAL_WORKER]))
    assert sorted(User.objects.get(pk=person.pk).role_names) == [Role.SOCIAL_WORKER, Role.SUPERVISOR]
    event = AuditEvent.objects.get(subject=person, kind=AuditKind.ROLES_CHANGED)
    assert event.changes == {"roles": [[Role.SUPERVISOR], [Role.SOCIAL_WORKER, Role.SUPERVISOR]]}


def test_a_person_cannot_change_their_own_roles(admin_client, admin):
    response = admin_client.post(
        reverse("people:change", args=[admin.pk]), change_form(admin, roles=[Role.SOCIAL_WORKER])
    )
    assert "You cannot change your own roles" in errors(response)
    assert User.objects.get(pk=admin.pk).role_names == [Role.PEOPLE_ADMINISTRATOR]
    with pytest.raises(services.PersonError, match="your own roles"):
        services.change_person(
            admin,
            services.Changes(admin.team, None, admin.job_title, admin.working_hours, admin.asye_start_date),
            roles=[],
            reason="x",
            seen=services.fingerprint(admin),
            by=admin,
        )


def test_a_people_administrator_cannot_grant_a_role_they_do_not_hold(admin_client, worker):
    response = admin_client.post(
        reverse("people:change", args=[worker.pk]), change_form(worker, roles=[Role.SERVICE_MANAGER])
    )
    assert "You can only give the roles listed" in errors(response)
    assert User.objects.get(pk=worker.pk).role_names == [Role.SOCIAL_WORKER]


def test_a_service_manager_may_grant_any_role(client, service_manager, worker):
    client.force_login(service_manager)
    client.post(reverse("people:change", args=[worker.pk]), change_form(worker, roles=[Role.TRAINING_COORDINATOR]))
    assert User.objects.get(pk=worker.pk).role_names == [Role.TRAINING_COORDINATOR]


def test_a_line_manager_cannot_be_the_person_or_someone_they_manage(admin_client, supervisor, worker, team):
    report_of_report = UserFactory(team=team, line_manager=worker)
    response = admin_client.post(
        reverse("people:change", args=[supervisor.pk]), change_form(supervisor, line_manager=supervisor.pk)
    )
    assert "not the person themselves" in errors(response)
    for report in (worker, report_of_report):
        response = admin_client.post(
            reverse("people:change", args=[supervisor.pk]), change_form(supervisor, line_manager=report.pk)
        )
        assert "because" in errors(response)
        assert "manages them" in errors(response)
    assert User.objects.get(pk=supervisor.pk).line_manager is None


@pytest.mark.parametrize("days", [-30, 0, 30])
def test_someone_who_has_left_or_is_leaving_cannot_become_a_line_manager(admin_client, admin, worker, team, days):
    day = timezone.localdate() + timedelta(days=days)
    going = UserFactory(team=team, full_name="Tom Reyes", leaving_date=day)
    when = "is leaving on" if days > 0 else "left on"
    message = f"Tom Reyes {when} {day:%-d %B %Y}: choose someone who is staying"

    changed = admin_client.post(reverse("people:change", args=[worker.pk]), change_form(worker, line_manager=going.pk))
    assert changed.context["form"].errors["line_manager"] == [message]
    assert User.objects.get(pk=worker.pk).line_manager != going

    added = admin_client.post(reverse("people:add"), add_form(team, line_manager=going.pk))
    assert added.context["form"].errors["line_manager"] == [message]
    assert not User.objects.filter(email="nia.roberts@example.org").exists()

    with pytest.raises(services.PersonError, match="choose someone who is staying"):
        services.add_person(new_person(team, line_manager=going), roles=[], by=admin)


def test_a_line_manager_who_is_leaving_may_stay_until_the_handover(admin_client, worker, supervisor):
    User.objects.filter(pk=supervisor.pk).update(leaving_date=timezone.localdate() + timedelta(days=30))
    response = admin_client.post(
        reverse("people:change", args=[worker.pk]), change_form(worker, job_title="Senior Social Worker")
    )
    assert response.status_code == 302
    worker.refresh_from_db()
    assert (worker.job_title, worker.line_manager) == ("Senior Social Worker", supervisor)


def test_a_change_made_since_the_form_opened_is_refused(admin_client, worker, other_team, team):
    stale = change_form(worker, job_title="Senior Social Worker")
    User.objects.filter(pk=worker.pk).update(team=other_team)
    response = admin_client.post(reverse("people:change", args=[worker.pk]), stale)
    assert "Someone else changed" in response.text
    worker.refresh_from_db()
    assert worker.job_title == "Social Worker"
    assert worker.team == other_team
    assert not AuditEvent.objects.filter(kind=AuditKind.PERSON_CHANGED).exists()
    # The form now shows the record as it is, with the reason kept, ready to save again.
    assert response.context["form"]["team"].value() == other_team.pk
    assert "Moved to the Children in Care team" in response.text


def test_saving_with_no_change_says_so(admin_client, worker):
    response = admin_client.post(reverse("people:change", args=[worker.pk]), change_form(worker))
    assert "You have not changed anything" in response.text


def test_reports_of_follows_the_whole_chain(team):
    top = UserFactory(team=team)
    middle = UserFactory(team=team, line_manager=top)
    bottom = UserFactory(team=team, line_manager=middle)
    UserFactory(team=team)
    assert selectors.reports_of(top) == {middle.pk, bottom.pk}
