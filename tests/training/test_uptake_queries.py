"""The uptake matrix, its downloads and the coverage page take as many queries for 300 people as for 20, and
the bench data command makes a larger service beside the standard one. Each test makes its own people, so
these are not in test_uptake_pages.py, whose tests share one big service."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import UserFactory
from tests.training.test_uptake import _service, download

URL = reverse("training:uptake")
CSV_URL = reverse("training:uptake-csv")
XLSX_URL = reverse("training:uptake-xlsx")
COVERAGE_URL = reverse("training:coverage")
# The same budget as the whole matrix had (test_uptake.PAGE_QUERY_BUDGET): sign-in and session (8), the
# courses, the teams and roles to filter by, a page of people (with the counts), their bookings.
PAGE_QUERY_BUDGET = 13


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
