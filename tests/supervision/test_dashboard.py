"""The managers' supervision dashboard: who is on it, what it says about them, and what it never shows.

The world (tests/conftest.py): `worker` and `team_mate` are in `team`, line-managed by `supervisor`;
`other_worker` and `other_supervisor` are in `other_team` of the same service; `service_manager`
manages the whole service.
"""

import csv
import html
import io
import re
from datetime import date, timedelta

import pytest
from crispy_forms_gds.layout import Div, Field
from django.contrib.auth import authenticate
from django.core.management import CommandError, call_command
from django.db import connection
from django.template import engines
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from portal.form_fields import form_helper
from portal.models import Service
from portal.roles import Role
from supervision import dashboard
from supervision.dashboard import DashboardFilters, Status, filtered_people, period_start
from supervision.dashboard_caseloads import caseload_by_month
from supervision.dashboard_forms import DashboardFilterForm
from supervision.models import CaseDiscussion, Frequency, Session
from tests.factories import ActionFactory, AgreementFactory, SessionFactory, TeamFactory, UserFactory

URL = reverse("supervision:dashboard")
CSV_URL = reverse("supervision:dashboard-csv")
# Enough people and sessions that a query per person or per session would break the budget.
MANY_WORKERS = 30
SESSIONS_EACH = 4
# Ten reads: session, person, permissions (two), the manager's team, the filter choices, the figures at
# the top (people and actions together), the page of people and its action counts, the caseload chart.
# Then the session save, which SESSION_SAVE_EVERY_REQUEST makes on every request (a savepoint, an update
# and a release in a test). The CSV has fewer: no figures, page or chart, but everyone's rows.
PAGE_QUERY_BUDGET = 13


@pytest.fixture
def today():
    return timezone.localdate()


@pytest.fixture
def stranger(db):
    """A social worker with an agreement and sessions in another service altogether."""
    team = TeamFactory(name="Stranger team", service=Service.objects.create(name="Another council"))
    person = UserFactory(team=team, full_name="Stranger Danger", roles=[Role.SOCIAL_WORKER])
    boss = UserFactory(team=team, full_name="Stranger Boss", roles=[Role.SUPERVISOR, Role.SOCIAL_WORKER])
    AgreementFactory(supervisee=person, supervisor=boss)
    SessionFactory(supervisee=person, supervisor=boss, held_on=timezone.localdate() - timedelta(days=3))
    return person


def page_text(response) -> str:
    """The page with entities decoded, so names such as O'Brien match as written."""
    return html.unescape(response.content.decode())


def body_of(response) -> str:
    """The page, or the CSV the download streams."""
    if response.streaming:
        return b"".join(response.streaming_content).decode("utf-8-sig")
    return response.content.decode()


def csv_rows(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(body_of(response))))


def rows_for(user, today, **filters) -> list:
    return list(dashboard.worker_rows(user, DashboardFilters(**filters), today))


def session_for(agreement, held_on, caseload=17, **fields):
    return SessionFactory(
        supervisee=agreement.supervisee,
        supervisor=agreement.supervisor,
        held_on=held_on,
        caseload_children=caseload,
        **fields,
    )


def row_for(rows, person):
    return next(row for row in rows if row.person_id == person.pk)


# --- Who may open it --------------------------------------------------------------------------


@pytest.mark.parametrize("url", [URL, CSV_URL])
@pytest.mark.parametrize("role", ["worker", "facilitator", "editor"])
def test_people_who_manage_nobody_are_refused(client, request, role, url):
    client.force_login(request.getfixturevalue(role))
    assert client.get(url).status_code == 403


@pytest.mark.parametrize("url", [URL, CSV_URL])
def test_anonymous_people_are_sent_to_sign_in(client, db, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("url", [URL, CSV_URL])
@pytest.mark.parametrize("role", ["supervisor", "service_manager"])
def test_supervisors_and_service_managers_may_open_it(client, request, role, url):
    client.force_login(request.getfixturevalue(role))
    assert client.get(url).status_code == 200


# --- Who is on it -----------------------------------------------------------------------------


def test_service_manager_sees_the_whole_service_and_nobody_else(
    client, service_manager, worker, team_mate, other_worker, supervisor, editor, stranger
):
    client.force_login(service_manager)
    page = page_text(client.get(URL))
    for person in (worker, team_mate, other_worker, supervisor):
        assert person.full_name in page
    # Not a social worker and supervised by nobody: not on the dashboard.
    assert editor.full_name not in page
    assert stranger.full_name not in page
    assert "Stranger Boss" not in page


def test_supervisor_sees_only_their_team_their_reports_and_their_supervisees(
    client, supervisor, worker, team_mate, other_worker, other_team, stranger
):
    supervisee_elsewhere = UserFactory(team=other_team, full_name="Supervised Elsewhere", roles=[Role.SOCIAL_WORKER])
    AgreementFactory(supervisee=supervisee_elsewhere, supervisor=supervisor)
    client.force_login(supervisor)
    page = page_text(client.get(URL))
    assert worker.full_name in page
    assert team_mate.full_name in page
    assert "Supervised Elsewhere" in page
    assert other_worker.full_name not in page
    assert stranger.full_name not in page
    # Nobody sees themselves on their own dashboard.
    rows = rows_for(supervisor, timezone.localdate())
    assert {row.person_id for row in rows} == {worker.pk, team_mate.pk, supervisee_elsewhere.pk}


def test_a_supervisor_in_another_team_sees_their_own_team_only(client, other_supervisor, worker, other_worker):
    client.force_login(other_supervisor)
    page = page_text(client.get(URL))
    assert other_worker.full_name in page
    assert worker.full_name not in page


def test_a_supervisor_cannot_filter_their_way_to_another_services_people(client, supervisor, worker, stranger):
    boss = stranger.agreements.get().supervisor
    client.force_login(supervisor)
    response = client.get(URL, {"supervisor": boss.pk, "team": stranger.team_id})
    page = page_text(response)
    assert response.status_code == 200
    assert "Select a supervisor from the list" in page
    assert "Select a team from the list" in page
    assert stranger.full_name not in page
    assert worker.full_name in page


# --- What it says about each person ------------------------------------------------------------


def test_status_follows_each_agreements_frequency(service_manager, team, supervisor):
    today = date(2026, 11, 29)

    def person_with(name, frequency, starts_on, *held):
        person = UserFactory(team=team, full_name=name, roles=[Role.SOCIAL_WORKER])
        agreement = AgreementFactory(supervisee=person, supervisor=supervisor, frequency=frequency, starts_on=starts_on)
        for day in held:
            session_for(agreement, day)
        return person

    late = person_with("Late Monthly", Frequency.MONTHLY, date(2026, 1, 5), date(2026, 10, 1))
    very_late = person_with("Very Late Monthly", Frequency.MONTHLY, date(2026, 1, 5), date(2026, 9, 1))
    due_soon = person_with("Soon Monthly", Frequency.MONTHLY, date(2026, 1, 5), date(2026, 10, 30))
    on_track = person_with("Fine Monthly", Frequency.MONTHLY, date(2026, 1, 5), date(2026, 11, 25))
    # ASYE: weekly for six weeks, fortnightly to six months. At nine weeks in, a fortnight is the limit.
    asye_late = person_with("Late ASYE", Frequency.ASYE, date(2026, 9, 1), date(2026, 11, 10))
    asye_new = person_with("New ASYE", Frequency.ASYE, date(2026, 11, 2))
    fresh = person_with("Fresh Start", Frequency.MONTHLY, date(2026, 11, 20))
    # A booked session in the future is not a session held.
    booked = person_with("Booked Ahead", Frequency.MONTHLY, date(2026, 1, 5), date(2026, 10, 1), date(2026, 12, 3))
    nobody = UserFactory(team=team, full_name="No Agreement", roles=[Role.SOCIAL_WORKER])

    rows = rows_for(service_manager, today)
    expected = {
        late: (Status.OVERDUE, "Overdue by 28 days", date(2026, 11, 1)),
        very_late: (Status.OVERDUE, "Overdue by 59 days", date(2026, 10, 1)),
        due_soon: (Status.DUE_SOON, "Due soon", date(2026, 11, 30)),
        on_track: (Status.ON_TRACK, "On track", date(2026, 12, 25)),
        asye_late: (Status.OVERDUE, "Overdue by 5 days", date(2026, 11, 24)),
        asye_new: (Status.OVERDUE, "Overdue by 20 days", date(2026, 11, 9)),
        fresh: (Status.NO_SESSIONS, "No sessions yet", date(2026, 12, 20)),
        booked: (Status.OVERDUE, "Overdue by 28 days", date(2026, 11, 1)),
        nobody: (Status.NO_AGREEMENT, "No agreement", None),
    }
    for person, (status, label, next_due) in expected.items():
        row = row_for(rows, person)
        assert (row.status, row.status_label, row.next_due) == (status, label, next_due), person.full_name
    assert row_for(rows, late).days_since_last == 59
    assert row_for(rows, booked).last_held == date(2026, 10, 1)
    # Most overdue first; nobody with an agreement sorts below anyone overdue.
    names = [row.name for row in rows]
    # Equally overdue people are in the order of their names.
    assert names[:5] == ["Very Late Monthly", "Booked Ahead", "Late Monthly", "New ASYE", "Late ASYE"]
    # Those with no agreement come last (the supervisor has none either).
    assert {row.status for row in rows[-2:]} == {Status.NO_AGREEMENT}


def test_counts_sessions_actions_and_the_latest_caseload(service_manager, agreement):
    today = date(2026, 11, 29)
    old = session_for(agreement, date(2025, 6, 2), caseload=12)
    session_for(agreement, date(2026, 3, 2), caseload=15)
    latest = session_for(agreement, date(2026, 11, 2), caseload=19)
    session_for(agreement, date(2026, 12, 2), caseload=None, recorded_at=None)  # booked, not held
    ActionFactory(session=old, due_on=date(2025, 7, 1), completed_on=date(2025, 6, 30))
    ActionFactory(session=old, due_on=date(2025, 7, 1))  # open and overdue
    ActionFactory(session=latest, due_on=date(2026, 12, 10))  # open, not yet due

    row = row_for(rows_for(service_manager, today, months=12), agreement.supervisee)
    assert row.sessions_in_period == 2
    assert (row.open_actions, row.overdue_actions) == (2, 1)
    assert (row.caseload, row.caseload_on) == (19, date(2026, 11, 2))
    assert row.last_held == date(2026, 11, 2)
    longer = rows_for(service_manager, today, months=24)
    assert row_for(longer, agreement.supervisee).sessions_in_period == 3


def test_caseload_by_month_counts_each_person_once_a_month(service_manager, agreement, team, supervisor):
    today = date(2026, 11, 29)
    weekly = UserFactory(team=team, roles=[Role.SOCIAL_WORKER])
    weekly_agreement = AgreementFactory(supervisee=weekly, supervisor=supervisor, frequency=Frequency.WEEKLY)
    for day, caseload in [(2, 4), (9, 4), (16, 4), (23, 6)]:
        session_for(weekly_agreement, date(2026, 11, day), caseload=caseload)
    session_for(agreement, date(2026, 11, 5), caseload=20)
    session_for(agreement, date(2026, 10, 5), caseload=18)

    months = caseload_by_month(filtered_people(service_manager, DashboardFilters()), period_start(today, 3), today)
    assert [month.month for month in months] == [date(2026, 9, 1), date(2026, 10, 1), date(2026, 11, 1)]
    september, october, november = months
    assert (september.workers, september.average, september.highest) == (0, None, None)
    assert (october.workers, october.average, october.highest) == (1, 18.0, 18)
    # The weekly worker counts once, with their last caseload of the month (6), not four times.
    assert (november.workers, november.average, november.highest) == (2, 13.0, 20)


# --- The page ---------------------------------------------------------------------------------


def test_page_shows_figures_chart_and_table_without_reflective_content(
    client, service_manager, supervision_session, worker
):
    supervision_session.supervisee_reflection = "I felt out of my depth with the Hendricks family."
    supervision_session.held_on = timezone.localdate() - timedelta(days=2)
    supervision_session.save()
    client.force_login(service_manager)
    response = client.get(URL)
    page = page_text(response)
    assert response.status_code == 200
    assert page.count("<h1") == 1
    assert "<title>Supervision dashboard" in page
    assert worker.full_name in page
    assert reverse("supervision:agreement-detail", args=[supervision_session.supervisee.agreements.get().pk]) in page
    assert 'role="img"' in page
    assert "Caseload per worker by month" in page
    assert '<th scope="col" class="govuk-table__header">Person</th>' in page
    # Notes, reflections, case discussions and action descriptions never reach the dashboard.
    for secret in [
        "A difficult home visit",
        "Tired this month",
        "Hendricks",
        "Planning a core group",
        "CS-10442",
        "Book a genogram session",
    ]:
        assert secret not in page
    assert CaseDiscussion.objects.filter(session=supervision_session).exists()


def test_a_supervisor_with_nobody_to_manage_sees_an_empty_dashboard(client, db):
    lonely = UserFactory(team=TeamFactory(name="New team"), roles=[Role.SUPERVISOR])
    client.force_login(lonely)
    page = page_text(client.get(URL))
    assert "There is nobody to show" in page
    assert "no caseloads recorded" in page


def test_filters_narrow_the_rows(client, service_manager, worker, team_mate, other_worker, other_supervisor, agreement):
    AgreementFactory(supervisee=other_worker, supervisor=other_supervisor)
    client.force_login(service_manager)

    by_team = page_text(client.get(URL, {"team": other_worker.team_id}))
    assert other_worker.full_name in by_team
    assert worker.full_name not in by_team

    by_supervisor = page_text(client.get(URL, {"supervisor": agreement.supervisor_id}))
    assert worker.full_name in by_supervisor
    assert team_mate.full_name not in by_supervisor
    assert other_worker.full_name not in by_supervisor


@pytest.mark.parametrize(
    ("params", "error"),
    [
        ({"team": "abc"}, "Select a team from the list"),
        ({"team": "999999"}, "Select a team from the list"),
        ({"supervisor": "1; drop table"}, "Select a supervisor from the list"),
        ({"period": "7"}, "Select a period from the list"),
    ],
)
def test_a_bad_filter_value_shows_an_error_not_a_500(client, service_manager, worker, params, error):
    client.force_login(service_manager)
    response = client.get(URL, params)
    page = page_text(response)
    assert response.status_code == 200
    assert "There is a problem" in page
    assert error in page
    assert "<title>Error: Supervision dashboard" in page
    # The rest of the page still works, with the default for the bad filter.
    assert worker.full_name in page
    assert client.get(CSV_URL, params).status_code == 200


def test_a_bad_filter_keeps_the_good_ones(client, service_manager, worker, other_worker):
    client.force_login(service_manager)
    page = page_text(client.get(URL, {"team": other_worker.team_id, "period": "7"}))
    assert "Select a period from the list" in page
    assert other_worker.full_name in page
    assert worker.full_name not in page


# --- The CSV download -------------------------------------------------------------------------


def test_csv_has_the_same_rows_and_neutralises_formulas(client, service_manager, team, supervisor, today):
    sneaky = UserFactory(team=team, full_name='=HYPERLINK("http://evil.example","x")', roles=[Role.SOCIAL_WORKER])
    agreement = AgreementFactory(supervisee=sneaky, supervisor=supervisor, starts_on=today - timedelta(days=90))
    session_for(agreement, today - timedelta(days=40), caseload=21)
    client.force_login(service_manager)

    response = client.get(CSV_URL, {"team": team.pk})
    assert response["Content-Type"].startswith("text/csv")
    assert f'filename="supervision-dashboard-{today:%Y-%m-%d}.csv"' in response["Content-Disposition"]
    header, *rows = csv_rows(response)
    assert header[0] == "Name"
    assert header[8].startswith("Sessions from ")
    assert len(rows) == 2  # the sneaky worker and the supervisor, who also holds a caseload
    sneaky_row = next(row for row in rows if "HYPERLINK" in row[0])
    assert sneaky_row[0] == "'" + sneaky.full_name
    assert sneaky_row[2] == supervisor.full_name
    assert sneaky_row[4] == (today - timedelta(days=40)).isoformat()
    assert sneaky_row[5] == "40"
    assert sneaky_row[7].startswith("Overdue by")
    assert sneaky_row[11] == "21"
    assert "A difficult home visit" not in body_of(response)


# --- Query budget -----------------------------------------------------------------------------


@pytest.fixture
def busy_team(team, supervisor, today):
    """MANY_WORKERS social workers, each with an agreement, SESSIONS_EACH sessions and an action on each."""
    workers = []
    for n in range(MANY_WORKERS):
        person = UserFactory(
            team=team, line_manager=supervisor, full_name=f"Busy Worker {n:02}", roles=[Role.SOCIAL_WORKER]
        )
        agreement = AgreementFactory(supervisee=person, supervisor=supervisor, starts_on=today - timedelta(days=400))
        for month in range(SESSIONS_EACH):
            session = session_for(agreement, today - timedelta(days=30 * month + 3), caseload=10 + n % 7)
            ActionFactory(session=session, due_on=today - timedelta(days=1))
        workers.append(person)
    return workers


@pytest.mark.parametrize("url", [URL, CSV_URL])
@pytest.mark.parametrize("role", ["service_manager", "supervisor"])
def test_dashboard_uses_a_fixed_number_of_queries(client, request, busy_team, role, url, django_assert_max_num_queries):
    client.force_login(request.getfixturevalue(role))
    with django_assert_max_num_queries(PAGE_QUERY_BUDGET):
        response = client.get(url, {"period": "24"})
        body = body_of(response)
    assert response.status_code == 200
    # The CSV has everyone; the page, the first page of people.
    assert busy_team[-1].full_name in body if url == CSV_URL else busy_team[0].team.name in body


def test_query_count_does_not_grow_with_people_or_sessions(client, service_manager, team, supervisor, today):
    client.force_login(service_manager)

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(URL).status_code == 200
        return len(captured)

    before = queries()
    for n in range(10):
        person = UserFactory(team=team, roles=[Role.SOCIAL_WORKER])
        agreement = AgreementFactory(supervisee=person, supervisor=supervisor)
        for month in range(3):
            ActionFactory(session=session_for(agreement, today - timedelta(days=30 * month + n)))
    assert queries() == before


# --- The bench data ---------------------------------------------------------------------------


def test_bench_data_refuses_to_load_with_debug_off(db, settings):
    settings.DEBUG = False
    with pytest.raises(CommandError):
        call_command("make_supervision_bench_data", stdout=io.StringIO())


def test_bench_data_is_separate_and_loads_once(db, settings, monkeypatch, client):
    from supervision.management.commands import make_supervision_bench_data as bench

    # Smaller than the real thing, so the test is quick; the shape is the same.
    monkeypatch.setattr(bench, "WORKERS", 20)
    monkeypatch.setattr(bench, "YEARS", 1)
    settings.DEBUG = True
    call_command("make_supervision_bench_data", "--password", "a-long-bench-password", stdout=io.StringIO())
    sessions = Session.objects.count()
    assert Session.objects.filter(supervisee__team__service__name="Bench service").count() == sessions
    assert sessions > 20 * 10
    call_command("make_supervision_bench_data", "--password", "a-long-bench-password", stdout=io.StringIO())
    assert Session.objects.count() == sessions

    manager = authenticate(
        RequestFactory().post("/sign-in/"), username=bench.MANAGER_EMAIL, password="a-long-bench-password"
    )
    assert manager is not None
    client.force_login(manager)
    page = client.get(URL).content.decode()
    assert "Bench Worker 020" in page

    call_command("make_supervision_bench_data", "--reset", "--force", stdout=io.StringIO())
    assert Service.objects.filter(name="Bench service").count() == 1


def test_filter_choices_are_the_teams_and_current_supervisors_in_scope(
    service_manager, supervisor, worker, team, other_worker, other_team
):
    AgreementFactory(supervisor=supervisor, supervisee=worker)
    teams, supervisors = dashboard.filter_choices(service_manager)
    assert teams == sorted({(team.pk, team.name), (other_team.pk, other_team.name)}, key=lambda c: (c[1], c[0]))
    assert supervisors == [(supervisor.pk, supervisor.full_name)]


@pytest.mark.parametrize(
    "data",
    [None, {"team": "1", "period": "24"}, {"team": "999", "supervisor": "2", "period": "5"}, {"supervisor": "x"}],
)
def test_the_filter_selects_are_the_gov_uk_markup_crispy_forms_gds_gives(data):
    """The selects are written by hand for speed: they must stay what `{% crispy %}` would render, labels,
    errors tied to their select and the chosen option included, and escape what they show."""
    form = DashboardFilterForm(data, teams=[(1, "Adults & <Families>")], supervisors=[(2, "Sam O'Neil")])
    form.filters()
    ours = str(form.selects())

    def column(name):
        return Div(Field.select(name), css_class="govuk-grid-column-one-third")

    helper = form_helper(Div(column("team"), column("supervisor"), column("period"), css_class="govuk-grid-row"))
    template = engines["django"].from_string("{% load crispy_forms_tags %}{% crispy form helper %}")
    crispy = template.render({"form": form, "helper": helper})

    def tidy(markup):
        return re.sub(r"\s+", " ", re.sub(r"\s*([<>])\s*", r"\1", markup)).strip()

    assert tidy(ours) == tidy(crispy)
    assert "&lt;Families&gt;" in ours


@pytest.mark.parametrize("params", [{"team": "9" * 30}, {"supervisor": "9" * 19}, {"team": "\u0661"}])
def test_an_id_no_database_could_hold_is_an_error_not_a_500(client, service_manager, worker, params):
    client.force_login(service_manager)
    response = client.get(URL, params)
    assert response.status_code == 200
    page = page_text(response)
    assert "There is a problem" in page
    assert worker.full_name in page


def test_a_team_outside_the_scope_shows_the_whole_scope_with_an_error(client, supervisor, worker, stranger):
    """The figures are worked out for the filters as asked, then again once the form refuses them."""
    client.force_login(supervisor)
    page = page_text(client.get(URL, {"team": stranger.team_id}))
    assert "Select a team from the list" in page
    assert worker.full_name in page
    assert stranger.full_name not in page
