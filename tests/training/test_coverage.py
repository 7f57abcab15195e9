"""The coverage page: targets by team, gaps, spend, attendance and evaluations, each linking to its people."""

import re
from datetime import date, timedelta
from decimal import Decimal
from html import unescape

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from portal.roles import Role
from tests.factories import BookingFactory, CourseFactory, ProgrammeFactory, UserFactory
from tests.training.test_uptake import _service, booked, completed, course_date, people_shown
from training.matrix_cells import Status
from training.models import Budget, CoverageTarget, Evaluation, Spend
from training.reports import coverage_for

URL = reverse("training:coverage")
TODAY = date(2026, 11, 16)  # financial year 2026: 1 April 2026 to 31 March 2027


@pytest.fixture
def systemic(db):
    programme = ProgrammeFactory(name="Systemic practice")
    return {
        "programme": programme,
        "intro": CourseFactory(programme=programme, title="Introduction", level="introductory", refresh_months=24),
        "intermediate": CourseFactory(programme=programme, title="Intermediate", level="intermediate"),
        "refresher": CourseFactory(programme=programme, title="Refresher", level="refresher", refresh_months=24),
    }


@pytest.fixture
def trained(systemic, worker, team_mate, supervisor, other_worker, coordinator):
    """Two of the four social workers are trained to at least introductory level."""
    completed(worker, systemic["intermediate"], date(2026, 5, 1))  # a higher level counts
    completed(supervisor, systemic["intro"], date(2026, 1, 10))
    completed(team_mate, systemic["refresher"], date(2026, 6, 1))  # a refresher sets no level
    completed(other_worker, systemic["intro"], date(2023, 1, 10))  # ran out in January 2025
    return systemic


def _target(programme, level, role, percent) -> CoverageTarget:
    return CoverageTarget.objects.create(
        programme=programme, level=level, role=Group.objects.get(name=role) if role else None, target_percent=percent
    )


def test_coverage_counts_people_trained_to_at_least_the_level_by_team(coordinator, trained, team, other_team):
    _target(trained["programme"], "introductory", Role.SOCIAL_WORKER, 100)
    report = coverage_for(coordinator, TODAY)
    [coverage] = report.targets
    assert (coverage.overall.trained, coverage.overall.population, coverage.overall.percent) == (2, 4, 50)
    assert not coverage.overall.met
    by_team = {share.name: (share.trained, share.population, share.percent) for share in coverage.teams}
    assert by_team == {team.name: (2, 3, 67), other_team.name: (0, 1, 0)}


def test_a_target_is_met_at_exactly_its_share(coordinator, trained):
    # Everyone in scope (five, the coordinator too) at least introductory: two are, 40%.
    _target(trained["programme"], "introductory", None, 40)
    _target(trained["programme"], "intermediate", None, 25)
    met, not_met = coverage_for(coordinator, TODAY).targets
    assert (met.overall.trained, met.overall.population, met.overall.met) == (2, 5, True)
    assert (not_met.overall.trained, not_met.overall.percent, not_met.overall.met) == (1, 20, False)


def test_expired_training_does_not_count_until_refreshed(coordinator, trained, other_worker):
    _target(trained["programme"], "introductory", Role.SOCIAL_WORKER, 100)
    assert coverage_for(coordinator, TODAY).targets[0].overall.trained == 2
    completed(other_worker, trained["refresher"], date(2026, 9, 1))
    assert coverage_for(coordinator, TODAY).targets[0].overall.trained == 3


def test_targets_of_programmes_with_nothing_to_show_are_left_out(coordinator, trained):
    retired = ProgrammeFactory(name="Retired programme")
    CourseFactory(programme=retired, is_active=False)
    _target(retired, "introductory", None, 100)
    assert coverage_for(coordinator, TODAY).targets == []


def test_gaps_count_required_training_missing_expired_and_expiring(
    coordinator, systemic, worker, team_mate, supervisor
):
    course = systemic["intro"]
    course.required_for.add(Group.objects.get(name=Role.SOCIAL_WORKER))
    completed(worker, course, date(2024, 12, 20))  # runs out 20 December 2026: within 60 days
    completed(team_mate, course, date(2024, 10, 1))  # ran out 1 October 2026
    # The supervisor is a social worker too: missing. The coordinator is not: not counted.
    gap = next(gap for gap in coverage_for(coordinator, TODAY).gaps if gap.column.pk == course.pk)
    assert (gap.missing, gap.expired, gap.expiring) == (1, 1, 1)


def test_each_gap_links_to_exactly_its_people(client, coordinator, systemic, worker, team_mate, supervisor):
    course = systemic["intro"]
    course.required_for.add(Group.objects.get(name=Role.SOCIAL_WORKER))
    today = timezone.localdate()
    completed(worker, course, today - timedelta(days=730 - 30))
    completed(team_mate, course, today - timedelta(days=900))
    client.force_login(coordinator)
    body = client.get(URL).content.decode()
    links = {
        status: unescape(re.search(rf'href="([^"]*status={status}[^"]*)"', body).group(1))
        for status in (Status.MISSING, Status.EXPIRED, Status.EXPIRING)
    }
    assert people_shown(client.get(links[Status.MISSING])) == [supervisor.full_name]
    assert people_shown(client.get(links[Status.EXPIRED])) == [team_mate.full_name]
    assert people_shown(client.get(links[Status.EXPIRING])) == [worker.full_name]


def test_spend_against_budget_and_cost_per_trained_person(coordinator, trained):
    Budget.objects.create(year=2026, amount=Decimal("10000"))
    for day, amount in ((date(2026, 4, 1), "1500"), (date(2027, 3, 31), "1000"), (date(2026, 3, 31), "999")):
        Spend.objects.create(spent_on=day, amount=Decimal(amount), description="Places", recorded_by=coordinator)
    spend = coverage_for(coordinator, TODAY).spend
    assert spend.budget == Decimal("10000")
    assert spend.spent == Decimal("2500")
    assert spend.remaining == Decimal("7500")
    assert spend.share_used == 25
    # Completions from 1 April 2026: the worker and the team mate (the supervisor's was in January).
    assert spend.trained_people == 2
    assert spend.cost_per_person == Decimal("1250.00")


def test_no_budget_and_nobody_trained_give_no_cost_per_person(coordinator, systemic):
    spend = coverage_for(coordinator, TODAY).spend
    assert (spend.budget, spend.spent, spend.share_used, spend.cost_per_person) == (None, 0, None, None)


def test_attendance_and_no_show_rates_by_programme(coordinator, systemic, worker, team_mate, supervisor, other_worker):
    day = course_date(systemic["intermediate"], date(2026, 6, 10), capacity=20)
    outcomes = [("attended", date(2026, 6, 10)), ("attended", date(2026, 6, 10)), ("partly", None), ("absent", None)]
    people = [worker, team_mate, supervisor, other_worker, coordinator]
    for person, (attendance, done) in zip(people, outcomes, strict=False):
        BookingFactory(person=person, course_date=day, attendance=attendance, completed_on=done)
    BookingFactory(person=coordinator, course_date=day)  # not marked
    # Not counted: a cancelled booking, a date last financial year, a date to come.
    BookingFactory(person=worker, course_date=course_date(systemic["intro"], date(2026, 6, 1)), status="cancelled")
    BookingFactory(person=worker, course_date=course_date(systemic["intro"], date(2026, 3, 1)), attendance="absent")
    booked(worker, systemic["intro"], date(2026, 12, 1))
    [row] = coverage_for(coordinator, TODAY).attendance
    assert (row.programme, row.booked, row.attended, row.partly, row.absent, row.unmarked) == (
        "Systemic practice",
        5,
        2,
        1,
        1,
        1,
    )
    assert (row.attendance_rate, row.no_show_rate) == (60, 20)


def test_evaluation_scores_by_course(coordinator, trained, worker, supervisor):
    for person, rating in ((worker, 4), (supervisor, 5)):
        booking = person.training_bookings.get()
        Evaluation.objects.create(booking=booking, rating=rating)
    rows = {row.title: (row.count, row.average) for row in coverage_for(coordinator, TODAY).evaluations}
    assert rows == {"Introduction": (1, 5), "Intermediate": (1, 4)}


def test_the_page_shows_chart_table_and_figures(client, coordinator, trained):
    _target(trained["programme"], "introductory", Role.SOCIAL_WORKER, 100)
    Budget.objects.create(year=2026, amount=Decimal("1234.5"))
    client.force_login(coordinator)
    response = client.get(URL)
    body = response.content.decode()
    assert response.status_code == 200
    assert body.count("<h1") == 1
    assert "100% of social workers at least introductory Systemic practice" in body
    assert '<svg class="portal-chart govuk-body" role="img" aria-labelledby="coverage-chart-1"' in body
    assert re.search(r'<title id="coverage-chart-1">\d+% overall, against a target of 100%', body)
    assert "Below target" in body
    assert "£1,234.50" in body
    assert reverse("training:course-evaluations", args=[trained["intro"].pk]) not in body  # no evaluations yet


def test_a_supervisor_sees_their_people_without_spend_or_evaluations(client, supervisor, trained, other_worker):
    _target(trained["programme"], "introductory", Role.SOCIAL_WORKER, 100)
    client.force_login(supervisor)
    body = client.get(URL).content.decode()
    assert "Spend this financial year" not in body
    assert "Evaluation scores" not in body
    report = coverage_for(supervisor, TODAY)
    assert report.targets[0].overall.population == 3  # the supervisor, the worker and the team mate
    assert report.spend is None


def test_the_coverage_page_uses_a_fixed_number_of_queries(
    client, coordinator, team, other_team, django_assert_max_num_queries
):
    client.force_login(coordinator)

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(URL).status_code == 200
        return len(captured)

    _service(team, other_team, people=5, courses=3)
    for programme in {target_course.programme for target_course in CourseFactory._meta.model.objects.all()}:
        CoverageTarget.objects.create(programme=programme, level="introductory", target_percent=80)
    small = queries()
    _service(team, other_team, people=35, courses=7, tag="B")
    assert queries() == small
    # Sign-in and the session's update: 8; the page: courses, people, bookings, targets, spend, budget,
    # attendance and evaluations.
    with django_assert_max_num_queries(16):
        client.get(URL)


def test_people_count_from_the_figures_show_in_the_linked_matrix(client, coordinator, trained, team):
    _target(trained["programme"], "introductory", Role.SOCIAL_WORKER, 100)
    client.force_login(coordinator)
    body = client.get(URL).content.decode()
    team_link = unescape(re.search(rf'href="([^"]*team={team.pk}[^"]*)"', body).group(1))
    shown = people_shown(client.get(team_link))
    assert len(shown) == 3
    assert UserFactory._meta.model.objects.get(full_name=shown[0]).team_id == team.pk
