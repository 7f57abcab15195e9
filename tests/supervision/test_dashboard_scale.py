"""The supervision dashboard at a large service's size: one page of people at a time, the figures and
the CSV still covering everyone, due dates worked out in SQL exactly as in Python, and the same number
of queries whatever the size.

The services here come from `make_supervision_bench_data --workers N` (one year of sessions, to be
quick): N social workers in teams of 20, each team with a supervisor, under one service manager.
"""

import csv
import io
from datetime import date, timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection
from django.db.models import Value
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.dateformat import format as format_date

from portal.models import Service
from portal.roles import Role
from supervision import dashboard
from supervision.dashboard import PAGE_SIZE, DashboardFilters
from supervision.dashboard_html import _shown
from supervision.due_dates import NextDue
from supervision.management.commands import make_supervision_bench_data as bench
from supervision.models import Agreement, Frequency, Session
from tests.factories import AgreementFactory, UserFactory
from tests.supervision.test_dashboard import PAGE_QUERY_BUDGET

User = get_user_model()
URL = reverse("supervision:dashboard")
CSV_URL = reverse("supervision:dashboard-csv")
SMALL, LARGE = 8, PAGE_SIZE + 20
# Each team of 20 has a supervisor, who is a social worker with an agreement too.
LARGE_PEOPLE = LARGE + -(-LARGE // bench.WORKERS_PER_TEAM)


def body_of(response) -> str:
    if response.streaming:
        return b"".join(response.streaming_content).decode("utf-8-sig")
    return response.content.decode()


@pytest.fixture
def bench_service(db, settings, monkeypatch):
    """Makes a bench service of the size asked for, and answers its service manager."""
    monkeypatch.setattr(bench, "YEARS", 1)
    settings.DEBUG = True

    def make(workers: int):
        call_command("make_supervision_bench_data", "--workers", str(workers), stdout=io.StringIO())
        return User.objects.get(email=bench.manager_email(workers))

    return make


@pytest.fixture
def large(bench_service):
    return bench_service(LARGE)


# --- The same queries whatever the size --------------------------------------------------------


@pytest.mark.parametrize("url", [URL, CSV_URL])
def test_a_large_service_takes_the_same_number_of_queries_as_a_small_one(
    client, bench_service, url, django_assert_max_num_queries
):
    counts = {}
    for workers in (SMALL, LARGE):
        client.force_login(bench_service(workers))
        with django_assert_max_num_queries(PAGE_QUERY_BUDGET) as captured:
            response = client.get(url, {"period": "24"})
            body = body_of(response)
        assert response.status_code == 200
        assert "Bench Worker" in body
        counts[workers] = len(captured)
    assert counts[SMALL] == counts[LARGE]


def test_later_pages_take_the_same_number_of_queries(client, large):
    client.force_login(large)

    def queries(**params) -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(URL, params).status_code == 200
        return len(captured)

    assert queries() == queries(page="2") == queries(page="2", team=large.team_id)


# --- One page of people at a time --------------------------------------------------------------


def test_the_table_shows_a_page_of_people_and_the_figures_count_everyone(client, large):
    client.force_login(large)
    first = body_of(client.get(URL))
    second = body_of(client.get(URL, {"page": "2"}))

    assert f"Showing 1 to {PAGE_SIZE} of {LARGE_PEOPLE} people" in first
    assert f"Showing {PAGE_SIZE + 1} to {LARGE_PEOPLE} of {LARGE_PEOPLE} people" in second
    # Everyone in the bench service has an agreement, so each row of the people table links to it.
    assert first.count(": supervision agreement</span>") == PAGE_SIZE
    assert second.count(": supervision agreement</span>") == LARGE_PEOPLE - PAGE_SIZE
    for page in (first, second):
        # The figures at the top are for everyone, whichever page is showing.
        assert f'govuk-!-margin-bottom-1">{LARGE_PEOPLE}</span> people' in page
    assert 'class="govuk-pagination"' in first
    assert 'rel="next"' in first
    assert 'rel="prev"' not in first
    assert 'rel="prev"' in second
    assert 'rel="next"' not in second
    assert "Page 2 of 2" in second


def test_pages_follow_on_in_order_with_nobody_missed_or_repeated(large):
    today = timezone.localdate()
    board = dashboard.dashboard_for(large, DashboardFilters(), today, "1")
    later = dashboard.dashboard_for(large, DashboardFilters(), today, "2")
    paged = [*board.page.object_list, *later.page.object_list]
    everyone = list(dashboard.worker_rows(large, DashboardFilters(), today))

    assert len(board.page.object_list) == PAGE_SIZE
    assert [row.person_id for row in paged] == [row.person_id for row in everyone]
    assert len({row.person_id for row in paged}) == LARGE_PEOPLE == board.summary.workers
    # Most overdue first: the due dates never go backwards, and nobody without an agreement comes early.
    due_dates = [row.next_due or date.max for row in paged]
    assert due_dates == sorted(due_dates)
    assert board.summary.overdue == sum(row.is_overdue for row in paged)


def test_the_page_links_keep_the_filters(client, large):
    team = large.team
    client.force_login(large)
    page = body_of(client.get(URL, {"period": "24"}))
    assert "?period=24&amp;page=2" in page
    # A team and its supervisor fit on one page: no page links at all.
    by_team = body_of(client.get(URL, {"team": team.pk, "period": "24"}))
    assert 'class="govuk-pagination"' not in by_team
    assert "Showing 1 to" not in by_team


# As Django's Paginator.get_page: not a number, the first page; past either end, the last.
@pytest.mark.parametrize(("asked", "shown"), [("abc", 1), ("", 1), ("2", 2), ("999", 2), ("0", 2), ("-3", 2)])
def test_a_page_number_that_is_not_a_page_shows_the_nearest_page(client, large, asked, shown):
    client.force_login(large)
    response = client.get(URL, {"page": asked})
    assert response.status_code == 200
    assert f"Page {shown} of 2" in body_of(response)


def test_a_supervisor_pages_only_through_the_people_they_manage(client, large):
    supervisor = User.objects.get(email=f"{bench.email_prefix(LARGE)}-supervisor-01@example.org")
    client.force_login(supervisor)
    page = body_of(client.get(URL, {"page": "2"}))
    # Their own team fits on one page, which is what any page number shows them.
    reports = User.objects.filter(line_manager=supervisor).count()
    assert reports < PAGE_SIZE
    assert 'class="govuk-pagination"' not in page
    assert f'govuk-!-margin-bottom-1">{reports}</span> people' in page
    other_team_member = User.objects.filter(team__service__name=bench.service_name(LARGE)).exclude(
        team=supervisor.team
    )[0]
    assert other_team_member.full_name not in page


# --- The CSV has everyone ------------------------------------------------------------------------


def test_the_csv_streams_everyone_not_just_a_page(client, large):
    client.force_login(large)
    response = client.get(CSV_URL)
    assert response.streaming
    header, *rows = list(csv.reader(io.StringIO(body_of(response))))
    assert header[0] == "Name"
    assert len(rows) == LARGE_PEOPLE > PAGE_SIZE
    assert {row[0] for row in rows} >= {f"Bench Worker {n:03}" for n in range(1, LARGE + 1)}


def test_the_csv_and_the_pages_agree_on_each_person(client, large):
    client.force_login(large)
    rows = list(csv.reader(io.StringIO(body_of(client.get(CSV_URL)))))[1:]
    board = dashboard.dashboard_for(large, DashboardFilters(), timezone.localdate(), "1")
    for row, shown in zip(rows, board.page.object_list, strict=False):
        assert row[0] == shown.name
        assert row[7] == shown.status_label
        assert row[8] == str(shown.sessions_in_period)


# --- Due dates in SQL, as in Python --------------------------------------------------------------


STARTS = [date(2026, 1, 31), date(2024, 2, 29), date(2025, 8, 15), date(2026, 11, 30)]
SINCE_DAYS = [None, 0, 1, 13, 30, 41, 42, 43, 60, 120, 180, 181, 182, 183, 200, 365, 366]


def test_due_dates_worked_out_in_sql_match_the_agreements_own(db, worker):
    cases, expressions = [], {}
    for frequency in Frequency.values:
        for starts_on in STARTS:
            for days in SINCE_DAYS:
                since = starts_on if days is None else starts_on + timedelta(days=days)
                name = f"due_{len(cases)}"
                cases.append((name, frequency, starts_on, days, since))
                expressions[name] = NextDue(Value(frequency), Value(starts_on), Value(since))
    worked_out = User.objects.filter(pk=worker.pk).annotate(**expressions).values(*expressions).get()
    for name, frequency, starts_on, days, since in cases:
        agreement = Agreement(frequency=frequency, starts_on=starts_on)
        expected = agreement.next_due(None if days is None else since)
        assert worked_out[name] == expected, (frequency, starts_on, days)


def test_no_agreement_means_no_due_date(db, worker):
    worked_out = User.objects.annotate(due=NextDue(Value(None), Value(date(2026, 1, 1)), Value(date(2026, 5, 1))))
    assert worked_out.filter(pk=worker.pk).values_list("due", flat=True).get() is None


# --- The bench data at another size -------------------------------------------------------------


def test_bench_data_at_another_size_is_a_separate_service(bench_service):
    default_manager = bench_service(bench.WORKERS)
    larger_manager = bench_service(LARGE)
    assert default_manager.email == bench.MANAGER_EMAIL == "bench-manager@example.org"
    assert larger_manager.email == f"bench-{LARGE}-manager@example.org"
    larger = Service.objects.get(name=f"Bench service ({LARGE} workers)")
    assert larger.teams.count() == -(-LARGE // bench.WORKERS_PER_TEAM)
    assert User.objects.filter(team__service=larger).count() == 1 + LARGE_PEOPLE
    sessions = Session.objects.filter(supervisee__team__service=larger).count()
    assert sessions > LARGE * 10

    # Made once: running it again changes nothing, and --reset remakes only that size.
    others = Session.objects.exclude(supervisee__team__service=larger).count()
    bench_service(LARGE)
    assert Session.objects.filter(supervisee__team__service=larger).count() == sessions
    call_command("make_supervision_bench_data", "--workers", str(LARGE), "--reset", stdout=io.StringIO())
    assert Service.objects.filter(name__startswith="Bench service").count() == 2
    assert Session.objects.exclude(supervisee__team__service__name=bench.service_name(LARGE)).count() == others


# --- The rows as HTML ----------------------------------------------------------------------------


def test_names_in_the_rows_are_escaped(client, service_manager, team, supervisor):
    person = UserFactory(team=team, full_name="<b>Bold</b> O'Brien", roles=[Role.SOCIAL_WORKER])
    AgreementFactory(supervisee=person, supervisor=supervisor)
    client.force_login(service_manager)
    page = body_of(client.get(URL))
    assert "&lt;b&gt;Bold&lt;/b&gt; O&#x27;Brien" in page
    assert "<b>Bold</b>" not in page


def test_rows_show_dates_as_the_date_filter_does():
    days = [date(2026, 1, 1) + timedelta(days=n) for n in range(0, 400, 7)]
    assert [_shown(day) for day in days] == [format_date(day, "j M Y") for day in days]
