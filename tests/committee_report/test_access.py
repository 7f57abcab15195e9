"""Who may produce the committee report: service managers, for their own service only. Every other role is
refused (403) and anonymous visitors are sent to sign in, on the page and the CSV file alike."""

import pytest
from django.urls import reverse

from committee_report.report import report_for
from committee_report.urls import urlpatterns
from portal.roles import Role
from tests.access_matrix import (
    FORBIDDEN,
    OK,
    STAFF_ROLES,
    assert_access,
    only_for,
    people_by_role,
    url_names_missing_from,
)
from tests.committee_report.conftest import Q2, TODAY
from tests.factories import TeamFactory, UserFactory

ROLES = [*STAFF_ROLES, "coordinator", "anonymous"]
only = only_for(ROLES)
SERVICE_MANAGERS_ONLY = only({"service_manager": OK}, others=FORBIDDEN)

CASES = [
    ("report", "get", lambda w: reverse("committee_report:report"), SERVICE_MANAGERS_ONLY),
    (
        "report for a quarter",
        "get",
        lambda w: reverse("committee_report:report") + "?quarter=2026-27-q1",
        SERVICE_MANAGERS_ONLY,
    ),
    ("CSV file", "get", lambda w: reverse("committee_report:report-csv"), SERVICE_MANAGERS_ONLY),
]

pytestmark = pytest.mark.django_db


def test_every_url_has_a_row():
    assert not url_names_missing_from([(name, method, url) for name, method, url, _ in CASES], urlpatterns, {})


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("name", "method", "url", "expected"), CASES, ids=[case[0] for case in CASES])
def test_access(client, request, role, name, method, url, expected):
    people = people_by_role(request, ROLES)
    assert_access(client, people, role, name, method, url({}), None, expected)


def test_the_report_counts_only_the_managers_own_service(committee_world, service_manager):
    theirs = report_for(service_manager, Q2, TODAY)
    elsewhere = TeamFactory(name="Far away", service__name="A neighbouring council")
    other_manager = UserFactory(team=elsewhere, roles=[Role.SERVICE_MANAGER])
    other = report_for(other_manager, Q2, TODAY)
    rows = {(row[0], row[1]): row[2] for row in theirs.csv_rows()}
    other_rows = {(row[0], row[1]): row[2] for row in other.csv_rows()}
    assert rows["Supervision on time", "People with a supervision agreement in force"] == "7"
    assert other_rows["Supervision on time", "People with a supervision agreement in force"] == "0"
    assert other_rows["Reflective supervision and session length", "Sessions held"] == "0"
    assert other_rows["Training spend against budget", "Spent in the quarter"] == "£0.00"
    assert other_rows["Families’ feedback", "Families who answered"] == "0"
    assert {section.key: section.sentence for section in other.sections}["reflective"] == (
        "No sessions had their length recorded in the quarter."
    )
