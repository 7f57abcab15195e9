"""Retention after training on the coverage page: of the people who completed a programme's training in the
last two years, how many have since left, and what their training cost."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from portal.roles import Role
from tests.factories import CourseFactory, ProgrammeFactory, UserFactory
from tests.training.test_uptake import completed
from training.retention import retention_for

URL = reverse("training:coverage")
TODAY = date(2026, 11, 16)  # the two years run from 16 November 2024


def _leave(person, on: date, *, closed: bool = True):
    person.leaving_date = on
    person.is_active = not closed
    person.save()
    return person


@pytest.fixture
def courses(db):
    systemic = ProgrammeFactory(name="Systemic practice", position=1)
    signs = ProgrammeFactory(name="Signs of Safety", position=2)
    return {
        "intro": CourseFactory(programme=systemic, title="Introduction", cost_per_place=Decimal("100")),
        "intermediate": CourseFactory(programme=systemic, title="Intermediate", cost_per_place=Decimal("450")),
        "signs": CourseFactory(programme=signs, title="Two-day introduction", cost_per_place=Decimal("240")),
    }


@pytest.fixture
def history(courses, worker, team_mate, other_worker, supervisor, team, other_team):
    """Hand-counted, as of 16 November 2026:

    Systemic practice: the worker (two courses, £100 + £450, then left in June 2026, account closed), the team
    mate (still here) and someone who left before their training was recorded: 3 trained, 1 left, £550.
    The other worker's systemic introduction was 25 months ago: not counted.
    Signs of Safety: the other worker (left at the end of October 2026, £240) and someone leaving next month:
    2 trained, 1 left, £240. Across both: 5 people trained, 2 left, £790.
    """
    completed(worker, courses["intro"], date(2025, 3, 3))
    completed(worker, courses["intermediate"], date(2025, 9, 1))
    _leave(worker, date(2026, 6, 30))
    completed(team_mate, courses["intro"], date(2026, 1, 12))
    left_first = UserFactory(team=team, line_manager=supervisor, roles=[Role.SOCIAL_WORKER])
    completed(left_first, courses["intro"], date(2025, 2, 3))
    _leave(left_first, date(2025, 1, 31))
    completed(other_worker, courses["intro"], date(2024, 10, 16))  # 25 months ago
    completed(other_worker, courses["signs"], date(2025, 2, 10))
    _leave(other_worker, date(2026, 10, 31))
    leaving_soon = UserFactory(team=other_team, roles=[Role.SOCIAL_WORKER])
    completed(leaving_soon, courses["signs"], date(2026, 5, 11))
    _leave(leaving_soon, date(2026, 12, 31), closed=False)
    return courses


def _rows(retention) -> dict:
    return {row.programme: (row.trained, row.left, row.cost) for row in retention.programmes}


def test_the_whole_service_counts_leavers_since_their_training_and_sums_its_cost(coordinator, history):
    retention = retention_for(coordinator, TODAY)
    assert retention.since == date(2024, 11, 16)
    assert _rows(retention) == {
        "Systemic practice": (3, 1, Decimal("550")),
        "Signs of Safety": (2, 1, Decimal("240")),
    }
    assert [row.programme for row in retention.programmes] == ["Systemic practice", "Signs of Safety"]
    assert [row.percent_left for row in retention.programmes] == [33, 50]
    assert retention.cost == Decimal("790")
    assert retention.sentence == (
        "Since 16 November 2024, Signs of Safety lost the largest share of the people it trained: 1 of 2 people "
        "(50%) has since left. The training of everyone who left cost £790.00."
    )


def test_a_service_manager_sees_the_same_figures_as_the_coordinator(service_manager, coordinator, history):
    assert _rows(retention_for(service_manager, TODAY)) == _rows(retention_for(coordinator, TODAY))


def test_a_manager_sees_only_the_people_they_manage(supervisor, other_supervisor, history):
    mine = retention_for(supervisor, TODAY)
    assert _rows(mine) == {"Systemic practice": (3, 1, Decimal("550"))}
    assert mine.cost == Decimal("550")
    assert _rows(retention_for(other_supervisor, TODAY)) == {"Signs of Safety": (2, 1, Decimal("240"))}


def test_leaving_on_the_day_counts_and_leaving_tomorrow_does_not(coordinator, courses, worker):
    completed(worker, courses["intro"], date(2026, 1, 12))
    _leave(worker, TODAY)
    assert _rows(retention_for(coordinator, TODAY)) == {"Systemic practice": (1, 1, Decimal("100"))}
    assert _rows(retention_for(coordinator, TODAY - timedelta(days=1))) == {"Systemic practice": (1, 0, Decimal("0"))}


def test_nobody_trained_or_nobody_left_says_so(coordinator, courses, team_mate):
    retention = retention_for(coordinator, TODAY)
    assert retention.programmes == []
    assert retention.sentence == "Since 16 November 2024, nobody you can see has completed any training."
    completed(team_mate, courses["intro"], date(2026, 1, 12))
    retention = retention_for(coordinator, TODAY)
    assert retention.sentence == "Since 16 November 2024, nobody you can see who completed training has left."
    assert retention.cost == Decimal("0")


def test_the_coverage_page_shows_the_table_and_sentence(client, coordinator, courses, worker, team_mate):
    today = timezone.localdate()
    completed(worker, courses["intermediate"], today - timedelta(days=200))
    completed(team_mate, courses["intro"], today - timedelta(days=100))
    _leave(worker, today - timedelta(days=10))
    client.force_login(coordinator)
    body = client.get(URL).content.decode()
    assert "Retention after training" in body
    assert 'id="retention-caption">People who completed training from' in body
    assert (
        "Systemic practice lost the largest share of the people it trained: 1 of 2 people (50%) has since left." in body
    )
    assert "The training of everyone who left cost £450.00." in body
    assert '<td class="govuk-table__cell govuk-table__cell--numeric">£450.00</td>' in body
    assert "The cost adds up the cost per place" in body


@pytest.mark.parametrize("role", ["team_mate", "facilitator", "editor"])
def test_people_who_cannot_see_coverage_cannot_see_retention(client, request, history, role):
    client.force_login(request.getfixturevalue(role))
    assert client.get(URL).status_code == 403


def test_the_figures_take_one_query_however_many_people_left(coordinator, courses, team, other_team):
    def queries() -> int:
        fresh = type(coordinator).objects.select_related("team").get(pk=coordinator.pk)
        with CaptureQueriesContext(connection) as captured:
            retention_for(fresh, TODAY)
        return len(captured)

    def leavers(count: int) -> None:
        for n in range(count):
            person = UserFactory(team=team if n % 2 else other_team, roles=[Role.SOCIAL_WORKER])
            completed(person, courses["intro" if n % 3 else "signs"], date(2025, 6, 2))
            _leave(person, date(2026, 3, 31))

    leavers(3)
    few = queries()
    leavers(30)
    assert queries() == few
    # The viewer's permissions (two queries, then cached on the person), and the figures in one.
    assert few <= 3
    retention = retention_for(coordinator, TODAY)
    assert sum(row.left for row in retention.programmes) == 33
