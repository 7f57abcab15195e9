"""The coverage page's figures and its targets section, over courses that need refreshing: what the page counts
and shows is what the uptake matrix shows. (Each test here changes the world or needs it without the big
service, so each makes its own; test_coverage_speed.py's tests share one.)"""

from datetime import date, timedelta
from html import unescape

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from portal.models import Team
from portal.roles import Role
from tests.factories import CourseFactory, ProgrammeFactory, UserFactory
from tests.training.test_uptake import booked, completed
from training.matrix import MatrixFilters, matrix_for
from training.matrix_cells import Status
from training.models import CoverageTarget
from training.reports import coverage_for

URL = reverse("training:coverage")
REFRESHED_WORLD_PEOPLE = ["team", "other_team", "coordinator", "worker", "team_mate", "other_worker", "supervisor"]


def build_refreshed_world(people: dict) -> dict:
    """Courses that need refreshing, a refresher that renews them, completions on month ends (31 January +
    1 month is the end of February), expiring, expired, booked and missing training, for `people` (the
    fixtures named in REFRESHED_WORLD_PEOPLE)."""
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
    completed(people["worker"], intro, today - timedelta(days=400))  # expired ...
    completed(people["worker"], refresher, today - timedelta(days=100))  # ... but renewed by the refresher
    completed(people["team_mate"], intro, today - timedelta(days=340))  # expiring within 60 days
    completed(people["other_worker"], intro, today - timedelta(days=500))  # expired
    booked(people["other_worker"], intro, today + timedelta(days=10))
    completed(people["supervisor"], advanced, today - timedelta(days=30))
    completed(people["supervisor"], retired, date(2025, 1, 31))
    completed(people["coordinator"], intro, date(today.year - 1, 1, 31))
    for offset in range(5):
        person = UserFactory(team=people["team"] if offset % 2 else people["other_team"], roles=[Role.SOCIAL_WORKER])
        completed(person, intro, today - timedelta(days=300 + 20 * offset))
    return {"intro": intro, "advanced": advanced, "refresher": refresher, "retired": retired}


@pytest.fixture
def refreshed_world(team, other_team, coordinator, worker, team_mate, other_worker, supervisor):
    return build_refreshed_world(
        {
            "team": team,
            "other_team": other_team,
            "coordinator": coordinator,
            "worker": worker,
            "team_mate": team_mate,
            "other_worker": other_worker,
            "supervisor": supervisor,
        }
    )


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


def test_the_targets_section_escapes_names_and_shows_each_team(client, coordinator, refreshed_world, team):
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


def test_a_target_nobody_is_in_says_so_without_a_chart(client, coordinator, refreshed_world):
    programme = refreshed_world["intro"].programme
    CoverageTarget.objects.create(
        programme=programme, level="introductory", role=Group.objects.get(name=Role.FACILITATOR), target_percent=80
    )
    client.force_login(coordinator)
    body = client.get(URL).content.decode()
    assert "There is nobody this target applies to among the people you can see." in body
    assert "portal-chart" not in body
