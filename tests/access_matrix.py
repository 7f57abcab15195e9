"""What the supervision and training access matrices share: the statuses, the table builders and the checks.

Each app's `test_access_matrix.py` lists its roles and its URLs (name, method, URL builder, expected status by
role); this module turns a short "who may, and what everyone else gets" into a full row, signs each role in,
and checks that every URL in the app's URL conf has a row.
"""

from django.conf import settings
from django.test import Client
from django.urls import resolve, reverse

from portal.roles import Role
from tests.factories import UserFactory
from tests.security_headers import header_problems

OK, REDIRECT, FORBIDDEN, MISSING = 200, 302, 403, 404
# The people both matrices sign in as (fixtures in tests/conftest.py); each app adds its own and "anonymous".
STAFF_ROLES = [
    "worker",
    "team_mate",
    "other_worker",
    "supervisor",
    "other_supervisor",
    "service_manager",
    "facilitator",
    "editor",
]


def only_for(roles: list[str]):
    """`only(allowed, others=...)` for one matrix's roles: the expected status of every role."""

    def only(allowed: dict, *, others: int) -> dict:
        """Expected statuses: `allowed` for those named, `others` for the rest, sign-in redirect for anonymous."""
        return {role: allowed.get(role, others) for role in roles} | {"anonymous": REDIRECT}

    return only


def people_by_role(request, roles: list[str]) -> dict:
    """The person each role's fixture makes (everyone but "anonymous"), by role name."""
    return {role: request.getfixturevalue(role) for role in roles if role != "anonymous"}


def sign_in_once(people: dict, roles: list[str]) -> dict:
    """A signed-in session key for each of `roles` (but "anonymous"), made once with a module's world.

    The sessions live in the world's transaction, so every test can use them; what a test does to one (a
    message, a sign-out) is rolled back with the test. Signing each case in afresh cost a session write and a
    last-login update per case."""
    keys = {}
    for role in roles:
        if role != "anonymous":
            signing_in = Client()
            signing_in.force_login(people[role])
            keys[role] = signing_in.cookies[settings.SESSION_COOKIE_NAME].value
    return keys


def assert_access(client, people, role, name, method, url, data, expected, *, sessions=None):
    """Sign in as `role` (unless anonymous), ask for `url` and check the status it answers and its security
    headers (tests/security_headers.py).

    `sessions` (from `sign_in_once`) are used when given; otherwise the person is signed in here. An anonymous
    visitor who is redirected must be sent to sign in.
    """
    if sessions and role in sessions:
        client.cookies[settings.SESSION_COOKIE_NAME] = sessions[role]
    elif role != "anonymous":
        client.force_login(people[role])
    response = getattr(client, method)(url, data)
    assert response.status_code == expected[role], f"{role} on {name}"
    # The security-header walk (tests/portal/test_security_headers_walk.py) leaves these answers to the matrices.
    assert header_problems(response, signed_in=role != "anonymous") == [], f"{role} on {name}"
    if expected[role] == REDIRECT and role == "anonymous":
        assert response.url.startswith(reverse("login"))


def url_names_missing_from(cases, urlpatterns, fake_world) -> set[str]:
    """The names in `urlpatterns` that no case's URL builder reaches (`fake_world` stands in for the records)."""
    reached = {resolve(case[2](fake_world).split("?")[0]).url_name for case in cases}
    return {pattern.name for pattern in urlpatterns} - reached


def body_of(response) -> str:
    """The page's text, whether Django sent it whole or streamed it (the CSV downloads)."""
    if response.streaming:
        return b"".join(response.streaming_content).decode()
    return response.content.decode()


def give_a_line_manager(supervisor, team):
    """A head of group in `team`, made `supervisor`'s line manager."""
    head = UserFactory(team=team, roles=[Role.SUPERVISOR, Role.SOCIAL_WORKER], job_title="Group Manager")
    supervisor.line_manager = head
    supervisor.save()
    return head
