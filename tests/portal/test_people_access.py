"""Every people-management URL, for every role in portal.roles and for anonymous visitors.

People administrators and service managers manage the people of their own service; only service
managers read the portal-wide audit trail; everyone else is refused (403) and anonymous visitors are
sent to sign in. The invitation page is for whoever holds the link, signed in or not.
"""

from datetime import date
from decimal import Decimal
from urllib.parse import urlsplit

import pytest
from django.urls import reverse

from portal.people import services
from portal.roles import ROLES, Role
from tests.factories import ServiceFactory, TeamFactory, UserFactory

OK, REDIRECT, FORBIDDEN, MISSING = 200, 302, 403, 404
MANAGERS = {Role.PEOPLE_ADMINISTRATOR, Role.SERVICE_MANAGER}


@pytest.fixture
def invited(team, supervisor):
    admin = UserFactory(team=team, roles=[Role.SERVICE_MANAGER])
    return services.add_person(
        services.NewPerson(
            full_name="Nia Roberts",
            email="nia.roberts@example.org",
            team=team,
            job_title="Social Worker",
            line_manager=supervisor,
            start_date=date(2027, 1, 4),
            asye_start_date=None,
            working_hours=Decimal("37"),
        ),
        roles=[Role.SOCIAL_WORKER],
        by=admin,
    )


def _urls(person):
    return {
        "list": ("get", reverse("people:list")),
        "export": ("get", reverse("people:export")),
        "add": ("get", reverse("people:add")),
        "person": ("get", reverse("people:person", args=[person.pk])),
        "change": ("get", reverse("people:change", args=[person.pk])),
        "resend": ("post", reverse("people:resend-invitation", args=[person.pk])),
        "withdraw": ("post", reverse("people:withdraw-invitation", args=[person.pk])),
        "audit": ("get", reverse("people:audit")),
        "invitation": ("get", urlsplit(person.invitation_link).path),
    }


def expected(role: str | None, name: str) -> int:
    if name == "invitation":
        return OK
    if role is None:
        return REDIRECT
    if name == "audit":
        return OK if role == Role.SERVICE_MANAGER else FORBIDDEN
    if role in MANAGERS:
        return REDIRECT if name in {"resend", "withdraw"} else OK
    return FORBIDDEN


NAMES = ["list", "export", "add", "person", "change", "resend", "withdraw", "audit", "invitation"]


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("role", [*ROLES, None], ids=[*ROLES, "anonymous"])
def test_each_role_gets_what_it_may_on_each_people_url(client, team, invited, role, name):
    if role is not None:
        client.force_login(UserFactory(team=team, roles=[role]))
    method, url = _urls(invited)[name]
    response = getattr(client, method)(url)
    assert response.status_code == expected(role, name), (role, name)
    if role is None and name != "invitation":
        assert response.url.startswith(reverse("login"))
    elif name in {"resend", "withdraw"}:
        # Refused roles change nothing; managers are sent back to the person's page, with the change made.
        if role in MANAGERS:
            assert response.url == reverse("people:person", args=[invited.pk])
        if name == "resend":
            done = invited.invitations.count() == 2
        else:
            done = invited.invitations.filter(withdrawn_at__isnull=False).exists()
        assert done == (role in MANAGERS), (role, name)


@pytest.mark.parametrize("name", ["person", "change", "resend", "withdraw"])
@pytest.mark.parametrize("role", sorted(MANAGERS))
def test_people_in_another_service_do_not_exist_for_an_administrator(client, team, role, name):
    elsewhere = UserFactory(team=TeamFactory(service=ServiceFactory(name="Adult Social Care")))
    elsewhere.invitation_link = "/"
    client.force_login(UserFactory(team=team, roles=[role]))
    method, url = _urls(elsewhere)[name]
    assert getattr(client, method)(url).status_code == MISSING


def test_the_list_shows_only_the_administrators_own_service(client, team, worker):
    elsewhere = UserFactory(team=TeamFactory(service=ServiceFactory(name="Adult Social Care")), full_name="Zed Q")
    client.force_login(UserFactory(team=team, roles=[Role.PEOPLE_ADMINISTRATOR]))
    response = client.get(reverse("people:list"))
    assert worker.full_name in response.text
    assert elsewhere.full_name not in response.text


def test_an_administrator_without_a_team_manages_nobody(client, worker):
    client.force_login(UserFactory(team=None, roles=[Role.SERVICE_MANAGER]))
    response = client.get(reverse("people:list"))
    assert response.status_code == OK
    assert worker.full_name not in response.text
    assert client.get(reverse("people:person", args=[worker.pk])).status_code == MISSING
