"""The report page and its CSV file, for a service manager: the quarter chosen, bad choices, the content of the
CSV file, and a number of queries that does not grow with the service."""

import csv
import io
from datetime import date
from types import SimpleNamespace

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from committee_report import views
from portal.roles import Role
from supervision.standards import current_standard
from tests.access_matrix import body_of
from tests.committee_report.conftest import TODAY, completed, supervise
from tests.factories import AgreementFactory, UserFactory

URL = reverse("committee_report:report")
CSV_URL = reverse("committee_report:report-csv")
# Session, person, permissions (two), the manager's team and service; the figures: supervision (four), training
# (four, or five with courses no longer offered), spend (two), families (two); the session saved (three).
QUERY_BUDGET = 22

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def today_is_fixed(monkeypatch):
    """The page reports on the last complete quarter before 1 December 2026, whatever the date."""
    monkeypatch.setattr(views, "timezone", SimpleNamespace(localdate=lambda: TODAY))


@pytest.fixture
def manager_client(client, committee_world, service_manager):
    client.force_login(service_manager)
    return client


def test_the_page_reports_the_last_complete_quarter_with_the_one_before(manager_client):
    page = manager_client.get(URL).content.decode()
    assert "Q2 2026 to 2027 (July to September 2026), with Q1 2026 to 2027 (April to June 2026) beside it." in page
    assert "Supervision was on time for 86% of people, up from 83% last quarter." in page
    assert "LGA Standards for Employers of Social Workers in England (2020), standard 5</a>" in page
    assert 'href="https://www.local.gov.uk/our-support/workforce-and-hr-support/social-workers/' in page
    assert "Bar chart of the share of people whose supervision was on time, Q2 2026/27 beside Q1 2026/27." in page
    assert "committee_report/report.css" in page
    assert f'href="{CSV_URL}?quarter=2026-27-q2"' in page
    assert "[note 1] Not shown because fewer than 5 people or sessions" in page


@pytest.mark.parametrize("key", ["lga-2020", "dfe-2024"])
def test_the_introduction_names_the_standard_once(manager_client, settings, key):
    settings.SUPERVISION_STANDARD = key
    standard = current_standard()
    page = manager_client.get(URL).content.decode()
    intro = page.split("Supervision is measured against the ", 1)[1].split("</p>", 1)[0]
    assert intro.count(standard.name) == 1
    assert f"{standard.name}</a>: sessions of at least {standard.minimum_minutes} minutes" in intro


def test_a_quarter_can_be_chosen(manager_client):
    page = manager_client.get(URL, {"quarter": "2026-27-q1"}).content.decode()
    assert "Q1 2026 to 2027 (April to June 2026), with Q4 2025 to 2026 (January to March 2026) beside it." in page
    assert '<option value="2026-27-q1" selected>' in page


@pytest.mark.parametrize("asked", ["nonsense", "2026-27-q9", "2024-25-q2", "9" * 50])
def test_a_quarter_not_offered_shows_an_error_not_a_report(manager_client, asked):
    response = manager_client.get(URL, {"quarter": asked})
    page = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in page
    assert "Select a quarter from the list" in page
    assert "<title>Error: " in page
    assert "Supervision on time" not in page
    assert manager_client.get(CSV_URL, {"quarter": asked}).status_code == 400


@pytest.mark.parametrize("asked", ["2026-27-q3", "2026-27-q4", "2031-32-q1"])
def test_a_quarter_not_ended_yet_says_so(manager_client, asked):
    response = manager_client.get(URL, {"quarter": asked})
    page = response.content.decode()
    assert "govuk-error-summary" in page
    assert "That quarter has not ended yet: choose one that has" in page
    assert "Select a quarter from the list" not in page
    assert "Supervision on time" not in page
    assert manager_client.get(CSV_URL, {"quarter": asked}).status_code == 400


def test_a_nul_byte_is_refused_as_a_bad_request(manager_client):
    for url in (URL, CSV_URL):
        assert manager_client.get(url, {"quarter": "2026-27-q1\x00"}).status_code == 400


def _csv(response) -> list[list[str]]:
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    return list(csv.reader(io.StringIO(body_of(response).lstrip("\ufeff"))))


def test_the_csv_file_has_one_row_per_figure_as_the_page_shows_it(manager_client):
    response = manager_client.get(CSV_URL, {"quarter": "2026-27-q2"})
    assert response["Content-Disposition"] == 'attachment; filename="committee-report-2026-27-q2.csv"'
    header, *rows = _csv(response)
    assert header == [
        "Section",
        "Figure",
        "Q2 2026 to 2027 (July to September 2026)",
        "Q1 2026 to 2027 (April to June 2026)",
    ]
    assert ["Supervision on time", "Share on time", "86%", "83%"] in rows
    assert ["Caseloads", "Smallest to largest caseload (children)", "10 to 22", "17 to 30"] in rows
    assert ["Lapsed required training", "Systemic practice foundations", "fewer than 5", "fewer than 5"] in rows
    assert ["Training spend against budget", "Spent in the quarter", "£1,500.00", "£1,000.00"] in rows
    assert ["Families’ feedback", "Families who answered", "6", "fewer than 5"] in rows
    small = [row for row in rows if row[0] == "Reflective supervision and session length"]
    assert small[-2:] == [
        ["Reflective supervision and session length", "Sessions shorter than 90 minutes", "fewer than 5", "6"],
        [
            "Reflective supervision and session length",
            "Share of sessions shorter than 90 minutes",
            "not shown [note 1]",
            "100%",
        ],
    ]
    assert rows[-1][:2] == ["Notes", "[note 1]"]
    # No count of people or sessions from 1 to 4 anywhere: only "fewer than 5" (or a share held back).
    for row in rows[:-1]:
        if row[1] == "Targets met":  # a count of targets, not of people
            continue
        for cell in row[2:]:
            assert cell not in {"1", "2", "3", "4"}, row


def test_the_csv_file_follows_the_quarter_asked_for(manager_client):
    header, *_rows = _csv(manager_client.get(CSV_URL, {"quarter": "2026-27-q1"}))
    assert header[2:] == ["Q1 2026 to 2027 (April to June 2026)", "Q4 2025 to 2026 (January to March 2026)"]
    header, *_rows = _csv(manager_client.get(CSV_URL))
    assert header[2] == "Q2 2026 to 2027 (July to September 2026)"


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_page_and_csv_take_a_fixed_number_of_queries(
    manager_client, committee_world, team, django_assert_max_num_queries
):
    before = {url: _queries(manager_client, url) for url in (URL, CSV_URL)}
    supervisor, course = committee_world["supervisor"], committee_world["course_1"]
    for number in range(15):
        person = UserFactory(team=team, roles=[Role.SOCIAL_WORKER])
        AgreementFactory(supervisee=person, supervisor=supervisor, starts_on=date(2026, 1, 5))
        for month in (4, 5, 6, 7, 8, 9):
            supervise(person, supervisor, date(2026, month, 3), minutes=90, split=(45, 20, 20, 5), caseload=number)
        completed(person, course, date(2026, 5, 2))
    after = {url: _queries(manager_client, url) for url in (URL, CSV_URL)}
    assert after == before
    for url in (URL, CSV_URL):
        with django_assert_max_num_queries(QUERY_BUDGET):
            manager_client.get(url)


def test_the_staff_home_offers_the_report_to_a_service_manager_only(client, service_manager, supervisor):
    client.force_login(service_manager)
    assert f'href="{URL}"' in client.get(reverse("staff-home")).content.decode()
    client.force_login(supervisor)
    assert f'href="{URL}"' not in client.get(reverse("staff-home")).content.decode()
