"""The coverage page's faster paths: the counts worked out in the database, and the targets section joined
as a string, say and show what the per-person summaries and the template did."""

from collections import Counter
from html import unescape

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from portal.models import Team
from portal.roles import Role
from tests.training.test_uptake_pages import big_service, refreshed_world  # noqa: F401 - fixtures
from training import access
from training.matrix import columns_for
from training.models import LEVEL_RANK, CoverageTarget
from training.reports import coverage_for
from training.reports_people import training_counts, training_of

URL = reverse("training:coverage")


@pytest.fixture
def targets(refreshed_world, big_service):  # noqa: F811 - the fixtures imported above
    programme = refreshed_world["intro"].programme
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


def test_the_targets_section_escapes_names_and_shows_each_team(client, coordinator, refreshed_world, team):  # noqa: F811
    Team.objects.filter(pk=team.pk).update(name="<b>Bold</b> & Co")
    programme = refreshed_world["intro"].programme
    programme.name = 'Systemic "practice" <i>'
    programme.save()
    CoverageTarget.objects.create(programme=programme, level="introductory", target_percent=80)
    client.force_login(coordinator)
    body = client.get(URL).content.decode()

    assert "<b>Bold</b>" not in body
    assert "&lt;b&gt;Bold&lt;/b&gt; &amp; Co" in body
    assert "<i>" not in body
    [coverage] = coverage_for(coordinator, timezone.localdate()).targets
    for share in coverage.teams:
        row = f"{share.trained} of {share.population}"
        assert f'href="{share.url.replace("&", "&amp;")}">{row}' in body
        assert f'{row}<span class="govuk-visually-hidden"> in {share.name}: show them' in unescape(body)
    assert body.count('<svg class="portal-chart govuk-body" role="img"') == 1
    assert body.count('role="region" aria-labelledby="coverage-caption-1"') == 1


def test_a_target_nobody_is_in_says_so_without_a_chart(client, coordinator, refreshed_world):  # noqa: F811
    programme = refreshed_world["intro"].programme
    CoverageTarget.objects.create(
        programme=programme, level="introductory", role=Group.objects.get(name=Role.FACILITATOR), target_percent=80
    )
    client.force_login(coordinator)
    body = client.get(URL).content.decode()
    assert "There is nobody this target applies to among the people you can see." in body
    assert "portal-chart" not in body
