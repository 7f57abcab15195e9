"""The list of people and its CSV, and a person's page."""

import csv
import io
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from portal.roles import Role
from tests.dates import as_shown
from tests.factories import UserFactory

# --- The list -----------------------------------------------------------------------------


def test_the_list_shows_each_status_and_filters_by_it(admin_client, team, invited):
    today = timezone.localdate()
    leaving = UserFactory(team=team, full_name="Lee Leaving", leaving_date=today + timedelta(days=10))
    gone = UserFactory(team=team, full_name="Gita Gone", leaving_date=today - timedelta(days=1), is_active=False)
    closed = UserFactory(team=team, full_name="Cal Closed", is_active=False)
    response = admin_client.get(reverse("people:list"))
    assert f"Leaving on {as_shown(leaving.leaving_date)}" in response.text
    assert f"Left on {as_shown(gone.leaving_date)}" in response.text
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
