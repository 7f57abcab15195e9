"""A reading report never shows anyone outside its reader's scope (handbook.access.people_in_reading_report).

Two services. Children's services has team A (its supervisor, two social workers, the service manager and a
practice lead) and team B (its own supervisor and a social worker, and one worker line-managed by team A's
supervisor). Adult services has team C (its own service manager, practice lead and a social worker). Every
social worker must read a page, so everyone with that role would appear in a report that let them.

Supervisors see their team and the people they line-manage; service managers and practice leads see their own
service; nobody sees another service.
"""

import pytest
from django.urls import reverse

from handbook import selectors, services
from portal.roles import Role
from tests.factories import ServiceFactory, TeamFactory, UserFactory, handbook_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(team, editor):
    """Everyone in both services, by a short name; each has a full name the page can be searched for."""
    page = handbook_page("our-vision", "Our vision", by=editor)
    services.set_required_reading(page, {Role.SOCIAL_WORKER}, by=editor)
    team_b = TeamFactory(name="Team B", service=team.service)
    team_c = TeamFactory(name="Team C", service=ServiceFactory(name="Adult Social Care"))

    def person(name, team, *roles, **fields):
        return UserFactory(team=team, roles=[*roles], full_name=name, **fields)

    supervisor_a = person("Sam Supervisor-A", team, Role.SUPERVISOR, Role.SOCIAL_WORKER)
    made = {
        "supervisor_a": supervisor_a,
        "worker_a": person("Ava Worker-A", team, Role.SOCIAL_WORKER, line_manager=supervisor_a),
        "team_mate_a": person("Ali Colleague-A", team, Role.SOCIAL_WORKER),
        "service_manager_a": person("Sue Manager-A", team, Role.SERVICE_MANAGER, Role.SOCIAL_WORKER),
        "practice_lead_a": person("Pat Lead-A", team, Role.PRACTICE_LEAD, Role.SOCIAL_WORKER),
        "supervisor_b": person("Sid Supervisor-B", team_b, Role.SUPERVISOR, Role.SOCIAL_WORKER),
        "worker_b": person("Bea Worker-B", team_b, Role.SOCIAL_WORKER),
        # In team B, but line-managed by team A's supervisor.
        "line_report_b": person("Lin Report-B", team_b, Role.SOCIAL_WORKER, line_manager=supervisor_a),
        "service_manager_c": person("Cal Manager-C", team_c, Role.SERVICE_MANAGER, Role.SOCIAL_WORKER),
        "practice_lead_c": person("Cy Lead-C", team_c, Role.PRACTICE_LEAD, Role.SOCIAL_WORKER),
        "worker_c": person("Cleo Worker-C", team_c, Role.SOCIAL_WORKER),
        # Someone who has no team: nobody's team, so in nobody's report.
        "no_team": person("Nia Noteam", None, Role.SOCIAL_WORKER),
    }
    return made


SERVICE_A = {
    "supervisor_a",
    "worker_a",
    "team_mate_a",
    "service_manager_a",
    "practice_lead_a",
    "supervisor_b",
    "worker_b",
    "line_report_b",
}
SERVICE_C = {"service_manager_c", "practice_lead_c", "worker_c"}

# Who each viewer's report shows, and nobody else.
SCOPES = {
    "supervisor_a": {
        "supervisor_a",
        "worker_a",
        "team_mate_a",
        "service_manager_a",
        "practice_lead_a",
        "line_report_b",
    },
    "supervisor_b": {"supervisor_b", "worker_b", "line_report_b"},
    "service_manager_a": SERVICE_A,
    "practice_lead_a": SERVICE_A,
    "service_manager_c": SERVICE_C,
    "practice_lead_c": SERVICE_C,
}


def names_in_report(viewer) -> set[str]:
    return {reading.person.full_name for team in selectors.reading_report(viewer) for reading in team.people}


@pytest.mark.parametrize("viewer", SCOPES)
def test_the_reading_report_shows_only_the_viewers_scope(people, viewer):
    assert names_in_report(people[viewer]) == {people[name].full_name for name in SCOPES[viewer]}


@pytest.mark.parametrize("viewer", SCOPES)
def test_the_reading_report_page_names_nobody_outside_the_viewers_scope(client, people, viewer):
    client.force_login(people[viewer])
    response = client.get(reverse("handbook:reading-report"))
    assert response.status_code == 200
    body = response.content.decode()
    for name, person in people.items():
        assert (person.full_name in body) == (name in SCOPES[viewer]), f"{person.full_name} for {viewer}"


def test_a_supervisor_sees_no_other_teams_of_their_service(people):
    shown = names_in_report(people["supervisor_a"])
    assert people["worker_b"].full_name not in shown
    assert people["supervisor_b"].full_name not in shown
    assert people["line_report_b"].full_name in shown  # their own line report, in another team


def test_a_service_manager_sees_no_other_service(people):
    shown = names_in_report(people["service_manager_a"])
    assert not shown & {people[name].full_name for name in SERVICE_C}
    assert names_in_report(people["service_manager_c"]).isdisjoint({people[name].full_name for name in SERVICE_A})


def test_people_who_have_left_or_are_inactive_are_not_in_the_report(people):
    people["worker_a"].is_active = False
    people["worker_a"].save()
    assert people["worker_a"].full_name not in names_in_report(people["supervisor_a"])
    assert people["worker_a"].full_name not in names_in_report(people["practice_lead_a"])


def test_a_practice_lead_without_a_team_sees_nobody(people):
    lead = UserFactory(team=None, roles=[Role.PRACTICE_LEAD], full_name="Lee Noteam")
    assert names_in_report(lead) == set()


# Once a leak: UserQuerySet.visible_to filtered team_id=viewer.team_id, which for a viewer without a team matched
# everyone else without a team.
def test_a_service_manager_without_a_team_sees_nobody(people):
    manager = UserFactory(team=None, roles=[Role.SERVICE_MANAGER], full_name="Mo Noteam")
    assert people["no_team"].full_name not in names_in_report(manager)


def test_a_supervisor_without_a_team_sees_their_line_reports_and_no_stranger(people):
    """A supervisor whose team was removed (a team is SET_NULL) still sees their line reports, and never a
    stranger just because neither has a team."""
    supervisor = UserFactory(team=None, roles=[Role.SUPERVISOR, Role.SOCIAL_WORKER], full_name="Ray Noteam")
    report = UserFactory(team=None, roles=[Role.SOCIAL_WORKER], full_name="Rue Report", line_manager=supervisor)
    shown = names_in_report(supervisor)
    assert report.full_name in shown
    assert people["no_team"].full_name not in shown
