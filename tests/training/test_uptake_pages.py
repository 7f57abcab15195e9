"""The uptake matrix a page of people at a time, and its downloads of everyone read a chunk at a time: the same
answers as the whole matrix worked out at once. (Their query counts are in test_uptake_queries.py, the
coverage figures worked out in the database in test_coverage_speed.py.)"""

import csv
import io
import re

import pytest
from django.contrib.auth.models import Group
from django.db import connection, transaction
from django.urls import reverse
from django.utils import timezone

from portal.models import Team, User
from portal.roles import Role
from tests.conftest import make_people
from tests.training.test_uptake import _service, download, people_shown
from training import matrix_rows
from training.matrix import MatrixFilters, Sort, columns_for, matrix_for
from training.matrix_cells import Status
from training.matrix_export import export_rows
from training.matrix_rows import PER_PAGE, MatrixRows

URL = reverse("training:uptake")
CSV_URL = reverse("training:uptake-csv")
# The mark makes each test run in a savepoint of its own inside the module's world, rolled back after it; the
# group keeps the module on one pytest-xdist worker (make test uses --dist loadgroup), so the world is made once.
pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("training-uptake-pages")]


def _csv_rows(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(download(response).decode("utf-8-sig"))))


def build_big_service(team, other_team) -> int:
    """150 social workers in two teams (and the coordinator), 6 courses, bookings and completions."""
    _service(team, other_team, people=150, courses=6)
    # The planner must see these rows, as autovacuum makes sure it does in production. Here the tables were
    # last analysed while nearly empty, and with "1 row" estimates the summary query's nested loops took 30 s.
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE portal_user, portal_user_groups, portal_team, training_booking, training_coursedate")
    return 151


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """The big service, made once for the module and rolled back at its end; making it for each test took most
    of their time. No test here changes it, and each test's own writes (its session) are rolled back."""
    with django_db_blocker.unblock(), transaction.atomic():
        people = make_people(["team", "other_team", "coordinator"])
        yield {**people, "size": build_big_service(people["team"], people["other_team"])}
        transaction.set_rollback(True)


# The people the tests name are the world's, read afresh from the database for each test: the world outlives
# the test, so nothing a test does to the objects it is given reaches the next.
@pytest.fixture
def team(world):
    return Team.objects.get(pk=world["team"].pk)


@pytest.fixture
def other_team(world):
    return Team.objects.get(pk=world["other_team"].pk)


@pytest.fixture
def coordinator(world):
    return User.objects.get(pk=world["coordinator"].pk)


@pytest.fixture
def big_service(world):
    """The number of people the coordinator sees in the big service."""
    return world["size"]


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
