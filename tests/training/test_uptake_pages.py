"""The uptake matrix a page of people at a time, its downloads of everyone read a chunk at a time, and the
coverage figures worked out in the database: the same answers as the whole matrix worked out at once."""

import csv
import io
import re
from datetime import date, timedelta

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from portal.roles import Role
from tests.factories import CourseFactory, ProgrammeFactory, UserFactory
from tests.training.test_uptake import _service, booked, completed, download, people_shown
from training import access, matrix_rows
from training.matrix import MatrixFilters, Sort, columns_for, matrix_for
from training.matrix_cells import Status
from training.matrix_export import export_rows
from training.matrix_rows import PER_PAGE, MatrixRows
from training.models import CoverageTarget
from training.reports import coverage_for
from training.reports_people import training_of

URL = reverse("training:uptake")
CSV_URL = reverse("training:uptake-csv")
XLSX_URL = reverse("training:uptake-xlsx")
COVERAGE_URL = reverse("training:coverage")
# The same budget as the whole matrix had (test_uptake.PAGE_QUERY_BUDGET): sign-in and session (8), the
# courses, the teams and roles to filter by, a page of people (with the counts), their bookings.
PAGE_QUERY_BUDGET = 13


def _csv_rows(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(download(response).decode("utf-8-sig"))))


@pytest.fixture
def big_service(team, other_team, coordinator):
    """150 social workers in two teams (and the coordinator), 6 courses, bookings and completions."""
    _service(team, other_team, people=150, courses=6)
    # The planner must see these rows, as autovacuum makes sure it does in production. Here the tables were
    # last analysed while nearly empty, and with "1 row" estimates the summary query's nested loops took 30 s.
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE portal_user, portal_user_groups, portal_team, training_booking, training_coursedate")
    return 151


# --- Pages -----------------------------------------------------------------------------------


def test_the_matrix_shows_a_page_of_people_with_govuk_pagination(client, coordinator, big_service):
    client.force_login(coordinator)
    body = client.get(URL).content.decode()
    assert body.count('<tr><th scope="row"') == PER_PAGE
    assert "151 people" in body
    assert "Showing people 1 to 100" in body
    assert '<nav class="govuk-pagination" aria-label="Pages of people">' in body
    assert "Page 1 of 2" in body
    second = client.get(URL, {"page": 2}).content.decode()
    assert second.count('<tr><th scope="row"') == 51
    assert "Showing people 101 to 151" in second
    assert 'rel="prev"' in second


def test_the_pages_together_are_the_whole_matrix_in_order(client, coordinator, big_service):
    client.force_login(coordinator)
    everyone = [person.name for person in matrix_for(coordinator, MatrixFilters(), timezone.localdate()).people]
    for sort in (Sort.TEAM, Sort.NAME, Sort.GAPS):
        paged = people_shown(client.get(URL, {"sort": sort})) + people_shown(client.get(URL, {"sort": sort, "page": 2}))
        whole = [
            person.name for person in matrix_for(coordinator, MatrixFilters(sort=sort), timezone.localdate()).people
        ]
        assert paged == whole
        assert sorted(paged) == sorted(everyone)


def test_everyone_is_one_click_away(client, coordinator, big_service):
    client.force_login(coordinator)
    body = client.get(URL, {"sort": Sort.NAME}).content.decode()
    assert 'href="?sort=name&amp;page=all">Show all 151 people on one page</a>' in body
    everyone = client.get(URL, {"sort": Sort.NAME, "page": "all"}).content.decode()
    assert everyone.count('<tr><th scope="row"') == 151
    assert "govuk-pagination" not in everyone
    assert "Show 100 to a page" in everyone


def test_everyone_on_one_page_is_offered_only_up_to_the_limit(client, coordinator, big_service, monkeypatch):
    monkeypatch.setattr(matrix_rows, "MAX_ON_ONE_PAGE", 120)
    monkeypatch.setattr("training.uptake_views.MAX_ON_ONE_PAGE", 120)
    client.force_login(coordinator)
    body = client.get(URL).content.decode()
    assert "Show all" not in body
    assert "The downloads have everyone." in body
    assert client.get(URL, {"page": "all"}).content.decode().count('<tr><th scope="row"') == PER_PAGE


@pytest.mark.parametrize(("page", "first"), [("0", 1), ("two", 1), ("-1", 1), ("99", 101), ("2", 101)])
def test_a_page_out_of_range_or_not_a_number_shows_a_page_that_exists(client, coordinator, big_service, page, first):
    client.force_login(coordinator)
    response = client.get(URL, {"page": page})
    assert response.status_code == 200
    assert f"Showing people {first} to" in response.content.decode()


def test_the_filters_are_kept_from_page_to_page(client, coordinator, big_service, team):
    client.force_login(coordinator)
    body = client.get(URL, {"sort": Sort.NAME, "role": Group.objects.get(name=Role.SOCIAL_WORKER).pk}).content
    links = re.findall(r'href="\?([^"]+)" rel="next"', body.decode())
    assert links
    assert "sort=name" in links[0]
    assert "role=" in links[0]
    assert "page=2" in links[0]


def test_a_team_split_between_pages_is_counted_whole(client, coordinator, big_service, team, other_team):
    client.force_login(coordinator)
    body = client.get(URL).content.decode()
    headings = re.findall(r'portal-matrix__team">([^<]+)<span class="govuk-body-s">\(([^)]+)\)', body)
    sizes = {name.strip(): words for name, words in headings}
    # The coordinator's team (other_team) has 75 social workers and the coordinator; team has 75.
    first = sorted([team.name, other_team.name])[0]
    assert sizes[first] in {"75 people", "76 people"}
    [second] = [name for name in sizes if name != first]
    assert sizes[second].endswith("on this page")


def test_a_status_filter_is_paged_over_everyone_it_matches(client, coordinator, big_service):
    client.force_login(coordinator)
    today = timezone.localdate()
    everyone = matrix_for(coordinator, MatrixFilters(status=Status.PENDING), today).people
    assert len(everyone) > PER_PAGE
    body = client.get(URL, {"status": Status.PENDING}).content.decode()
    assert f"{len(everyone)} people" in body
    paged = people_shown(client.get(URL, {"status": Status.PENDING})) + people_shown(
        client.get(URL, {"status": Status.PENDING, "page": 2})
    )
    assert paged == [person.name for person in everyone]


# --- Queries -------------------------------------------------------------------------------------


def _count(client, url, params=None) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, params or {})
        if response.streaming:
            download(response)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize("url", [URL, CSV_URL, XLSX_URL])
def test_the_default_view_and_downloads_take_the_same_queries_for_20_or_300_people(
    client, coordinator, team, other_team, url, django_assert_max_num_queries
):
    client.force_login(coordinator)
    _service(team, other_team, people=20, courses=4)
    small = _count(client, url)
    _service(team, other_team, people=280, courses=8, tag="B")
    assert _count(client, url) == small
    assert _count(client, url, {"page": 3}) == small
    with django_assert_max_num_queries(PAGE_QUERY_BUDGET):
        response = client.get(url)
        if response.streaming:
            download(response)


def test_coverage_takes_the_same_queries_for_20_or_300_people(
    client, coordinator, team, other_team, django_assert_max_num_queries
):
    client.force_login(coordinator)
    _service(team, other_team, people=20, courses=4)
    small = _count(client, COVERAGE_URL)
    _service(team, other_team, people=280, courses=8, tag="B")
    with django_assert_max_num_queries(small):
        client.get(COVERAGE_URL)


# --- Downloads ------------------------------------------------------------------------------------


def test_the_csv_has_everyone_not_a_page(client, coordinator, big_service):
    client.force_login(coordinator)
    rows = _csv_rows(client.get(CSV_URL))
    assert len(rows) == 1 + 151


@pytest.mark.parametrize("sort", [Sort.TEAM, Sort.NAME, Sort.GAPS])
@pytest.mark.parametrize("status", ["", Status.MISSING])
def test_rows_read_a_chunk_at_a_time_are_the_whole_matrix(coordinator, big_service, sort, status):
    """Chunks of 7 people: the downloads' rows, the gaps and the order match the matrix worked out at once,
    with the most-gaps sort's second reading in order too."""
    today = timezone.localdate()
    filters = MatrixFilters(sort=sort, status=status or None)
    rows = MatrixRows(coordinator, filters, today, columns_for(coordinator), chunk=7)
    found = rows.open()
    whole = matrix_for(coordinator, filters, today)
    assert [column.pk for column in rows.columns] == [column.pk for column in whole.columns]
    exported = list(export_rows(rows.columns, found))
    assert [row[0] for row in exported] == [person.name for person in whole.people]
    assert [row[2] for row in exported] == [person.gaps for person in whole.people]


def test_a_download_of_an_empty_selection_has_just_the_heading(client, coordinator, big_service):
    client.force_login(coordinator)
    rows = _csv_rows(client.get(CSV_URL, {"status": Status.WAITING}))
    assert rows[0][:3] == ["Name", "Team", "Gaps"]
    assert len(rows) == 1


# --- Coverage from the database ----------------------------------------------------------------------


@pytest.fixture
def refreshed_world(team, other_team, coordinator, worker, team_mate, other_worker, supervisor):
    """Courses that need refreshing, a refresher that renews them, completions on month ends (31 January +
    1 month is the end of February), expiring, expired, booked and missing training."""
    today = timezone.localdate()
    social_workers = Group.objects.get(name=Role.SOCIAL_WORKER)
    systemic = ProgrammeFactory(name="Systemic practice")
    intro = CourseFactory(programme=systemic, title="Intro", level="introductory", refresh_months=12)
    advanced = CourseFactory(programme=systemic, title="Advanced", level="advanced")
    refresher = CourseFactory(programme=systemic, title="Refresher", level="refresher", refresh_months=12)
    retired = CourseFactory(programme=systemic, title="Retired", level="intermediate", is_active=False)
    CourseFactory(programme=systemic, title="Retired, unused", level="intermediate", is_active=False)
    intro.required_for.add(social_workers)
    refresher.required_for.add(social_workers)
    completed(worker, intro, today - timedelta(days=400))  # expired ...
    completed(worker, refresher, today - timedelta(days=100))  # ... but renewed by the refresher
    completed(team_mate, intro, today - timedelta(days=340))  # expiring within 60 days
    completed(other_worker, intro, today - timedelta(days=500))  # expired
    booked(other_worker, intro, today + timedelta(days=10))
    completed(supervisor, advanced, today - timedelta(days=30))
    completed(supervisor, retired, date(2025, 1, 31))
    completed(coordinator, intro, date(today.year - 1, 1, 31))
    for offset in range(5):
        person = UserFactory(team=team if offset % 2 else other_team, roles=[Role.SOCIAL_WORKER])
        completed(person, intro, today - timedelta(days=300 + 20 * offset))
    return {"intro": intro, "advanced": advanced, "refresher": refresher, "retired": retired}


def test_the_databases_statuses_are_the_matrixs(coordinator, refreshed_world, big_service):
    """Each person's summary from the database says what the matrix worked out in Python says."""
    today = timezone.localdate()
    columns = columns_for(coordinator)
    whole = matrix_for(coordinator, MatrixFilters(), today, columns=columns)
    summaries = {person.pk: person for person in training_of(access.people_for(coordinator), columns, today)}
    assert set(summaries) == {person.pk for person in whole.people}
    by_pk = {column.pk: column for column in columns}
    for person in whole.people:
        summary = summaries[person.pk]
        cells = whole.cells.get(person.pk, {})
        for course_id, cell in cells.items():
            column = by_pk[course_id]
            if column.required_for:
                assert course_id in summary.required_with_cell
                assert (course_id in summary.expired) == (cell[0] == Status.EXPIRED)
                assert (course_id in summary.expiring) == (cell[0] == Status.EXPIRING)
        current = {
            column.programme_id: max(
                (
                    {"introductory": 1, "intermediate": 2, "advanced": 3}.get(by_pk[course_id].level, 0)
                    for course_id, cell in cells.items()
                    if by_pk[course_id].programme_id == column.programme_id
                    and cell[0] in {Status.COMPLETED, Status.REFRESHED, Status.EXPIRING}
                ),
                default=0,
            )
            for column in columns
        }
        assert {programme: rank for programme, rank in current.items() if rank} == summary.levels


def test_coverage_counts_what_the_matrix_shows(client, coordinator, refreshed_world):
    today = timezone.localdate()
    systemic = refreshed_world["intro"].programme
    CoverageTarget.objects.create(programme=systemic, level="introductory", target_percent=80)
    CoverageTarget.objects.create(
        programme=systemic, level="advanced", role=Group.objects.get(name=Role.SUPERVISOR), target_percent=50
    )
    report = coverage_for(coordinator, today)
    whole = matrix_for(coordinator, MatrixFilters(), today)
    # The retired course someone did is shown; the unused one is not, as in the matrix.
    assert [gap.column.pk for gap in report.gaps] == [column.pk for column in whole.columns if column.required_for]
    for gap in report.gaps:
        column = gap.column
        required = [person for person in whole.people if column.pk in person.required]
        statuses = [whole.status(person, column)[0] for person in required]
        assert (gap.missing, gap.expired, gap.expiring) == (
            statuses.count(Status.MISSING),
            statuses.count(Status.EXPIRED),
            statuses.count(Status.EXPIRING),
        )
    intro_target = report.targets[0]
    trained = sum(
        1
        for person in whole.people
        if any(
            whole.status(person, column)[0] in {Status.COMPLETED, Status.REFRESHED, Status.EXPIRING}
            for column in whole.columns
            if column.programme_id == systemic.pk and column.level != "refresher"
        )
    )
    assert intro_target.overall.trained == trained
    assert intro_target.overall.population == len(whole.people)
    assert report.spend.trained_people == len(
        matrix_for(coordinator, MatrixFilters(status=Status.COMPLETED_THIS_YEAR), today).people
    )


# --- The bench data ------------------------------------------------------------------------------------


def test_the_bench_data_command_makes_a_larger_service_beside_the_standard_one(db, monkeypatch):
    from django.core.management import CommandError, call_command

    from training.management.commands import make_training_bench_data as bench
    from training.models import Booking, Course

    monkeypatch.setattr(bench, "TEAMS", 2)
    monkeypatch.setattr(bench, "PEOPLE", 20)
    monkeypatch.setattr(bench, "PROGRAMMES", 1)
    monkeypatch.setattr(bench, "BOOKINGS", 100)
    call_command("make_training_bench_data", force=True, verbosity=0)
    call_command("make_training_bench_data", force=True, people=120, courses=20, verbosity=0)
    large = bench.size_for(120, 20)
    assert large.service != bench.SERVICE
    people = UserFactory._meta.model.objects.filter(team__service__name=large.service)
    assert people.count() == 120
    assert people.filter(email=large.coordinator_email).exists()
    assert Booking.objects.filter(person__in=people).count() == 120 * 20
    assert Course.objects.filter(programme__name__startswith=large.programme_prefix).count() == 20
    # The standard service is untouched, and resetting the large one leaves it so.
    call_command("make_training_bench_data", force=True, people=120, courses=20, reset=True, verbosity=0)
    standard = UserFactory._meta.model.objects.filter(team__service__name=bench.SERVICE)
    assert standard.count() == 20
    assert Booking.objects.filter(person__in=standard).count() == 100
    with pytest.raises(CommandError, match="multiple of 10"):
        call_command("make_training_bench_data", force=True, people=120, courses=15, verbosity=0)
    call_command("make_training_bench_data", force=True, people=120, courses=20, delete=True, verbosity=0)
    assert not people.exists()
    assert not Course.objects.filter(programme__name__startswith=large.programme_prefix).exists()
    assert standard.count() == 20
    assert Booking.objects.filter(person__in=standard).count() == 100
