"""The coverage page's faster paths: the counts and statuses worked out in the database say what the
per-person summaries and the matrix worked out in Python do. (The targets section joined as a string, which
shows what the template did, is tested in test_coverage_matrix.py.)"""

from collections import Counter

import pytest
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

from portal.models import User
from portal.roles import Role
from tests.conftest import make_people
from tests.training.test_coverage_matrix import REFRESHED_WORLD_PEOPLE, build_refreshed_world
from tests.training.test_uptake_pages import build_big_service
from training import access
from training.matrix import MatrixFilters, columns_for, matrix_for
from training.matrix_cells import Status
from training.models import LEVEL_RANK, Programme
from training.reports_people import training_counts, training_of

# The mark makes each test run in a savepoint of its own inside the module's world, rolled back after it; the
# group keeps the module on one pytest-xdist worker (make test uses --dist loadgroup), so the world is made once.
pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("training-coverage-speed")]


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """Courses that need refreshing (test_coverage_matrix.build_refreshed_world), then the big service beside
    them (test_uptake_pages.build_big_service), made once for the module and rolled back at its end. The
    tests only read it."""
    with django_db_blocker.unblock(), transaction.atomic():
        people = make_people(REFRESHED_WORLD_PEOPLE)
        refreshed = build_refreshed_world(people)
        build_big_service(people["team"], people["other_team"])
        yield {"people": people, "intro": refreshed["intro"]}
        transaction.set_rollback(True)


@pytest.fixture
def coordinator(world):
    """Read afresh for each test: the world outlives the test."""
    return User.objects.get(pk=world["people"]["coordinator"].pk)


@pytest.fixture
def targets(world):
    programme = Programme.objects.get(pk=world["intro"].programme_id)
    supervisors = Group.objects.get(name=Role.SUPERVISOR)
    social_workers = Group.objects.get(name=Role.SOCIAL_WORKER)
    return [
        (programme.pk, LEVEL_RANK["introductory"], None),
        (programme.pk, LEVEL_RANK["advanced"], supervisors.pk),
        (programme.pk, LEVEL_RANK["intermediate"], social_workers.pk),
    ]


def test_the_databases_counts_are_the_summaries_counted(coordinator, targets):
    """Every count the page shows, from `training_counts`, is what counting each person's summary gives."""
    today = timezone.localdate()
    columns = columns_for(coordinator)
    scope = access.people_for(coordinator)
    people = training_of(scope, columns, today)
    counts = training_counts(scope, columns, today, targets)

    assert counts.people == len(people) > 150
    assert counts.completed_this_year == sum(1 for person in people if person.completed_this_year)
    for position, (programme, rank, role) in enumerate(targets, start=1):
        population, trained = Counter(), Counter()
        for person in people:
            if role is None or role in person.roles:
                population[person.team_id] += 1
                trained[person.team_id] += person.trained_to(programme, rank)
        got = {team.team_id: (team.population, team.trained) for team in counts.targets.get(position, [])}
        assert got == {team: (population[team], trained[team]) for team in population}
    required = [column for column in columns if column.required_for]
    assert required
    for column in required:
        applies = [person for person in people if not column.required_for.isdisjoint(person.roles)]
        missing = sum(1 for person in applies if column.pk not in person.required_with_cell)
        expired = sum(1 for person in applies if column.pk in person.expired)
        expiring = sum(1 for person in applies if column.pk in person.expiring)
        assert counts.gaps.get(column.pk, (0, 0, 0)) == (missing, expired, expiring)
    assert any(counts.gaps.values())


def test_the_databases_statuses_are_the_matrixs(coordinator, world):
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
