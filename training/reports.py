"""The uptake figures on the coverage page: each coverage target by team, required training missing or
running out, and the page put together (`coverage_for`).

A fixed number of queries however large the service. The people are counted in the database
(`reports_people.training_counts`) by the matrix's own rules, so every figure here counts exactly the
people its link shows in the matrix. Each target's bar chart is drawn in `reports_chart` and the
targets section joined as a string in `coverage_html`; spend, attendance and evaluation scores are
worked out in `reports_courses`.
"""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import QuerySet
from django.urls import reverse

from training import access
from training.matrix import Column, columns_for, courses_used_by
from training.matrix_cells import EXPIRING_DAYS, Status
from training.models import LEVEL_RANK, CoverageTarget
from training.reports_chart import Chart, coverage_chart
from training.reports_courses import (
    AttendanceRow,
    EvaluationRow,
    SpendFigures,
    attendance_rows,
    evaluation_rows,
    spend_figures,
)
from training.reports_figures import matrix_url, percent
from training.reports_people import TeamCount, TrainingCounts, training_counts

# --- Coverage against targets -------------------------------------------------------------


@dataclass
class Share:
    name: str
    population: int
    trained: int
    url: str
    target_percent: int

    @property
    def percent(self) -> int | None:
        return percent(self.trained, self.population)

    @property
    def met(self) -> bool:
        return self.percent is not None and self.percent >= self.target_percent


@dataclass
class TargetCoverage:
    target: CoverageTarget
    overall: Share
    teams: list[Share]
    chart: Chart

    @property
    def who(self) -> str:
        return f"{self.target.role.name.lower()}s" if self.target.role_id else "staff"


def _coverage(index: int, target: CoverageTarget, counts: list[TeamCount]) -> TargetCoverage:
    link = {"path": reverse("training:uptake"), "programme_id": target.programme_id, "role_id": target.role_id}
    teams = [
        Share(
            team.team_name,
            team.population,
            team.trained,
            matrix_url(team_id=team.team_id, **link),
            target.target_percent,
        )
        for team in sorted(counts, key=lambda team: team.team_name.casefold())
    ]
    overall = Share(
        "All teams",
        sum(team.population for team in teams),
        sum(team.trained for team in teams),
        matrix_url(**link),
        target.target_percent,
    )
    return TargetCoverage(target, overall, teams, coverage_chart(index, target, overall, teams))


# --- Required training missing or running out -------------------------------------------------


@dataclass
class Gap:
    column: Column
    missing: int = 0
    expired: int = 0
    expiring: int = 0

    def url(self, status: str) -> str:
        return matrix_url(course_id=self.column.pk, status=status, required_only=True)

    @property
    def missing_url(self) -> str:
        return self.url(Status.MISSING)

    @property
    def expired_url(self) -> str:
        return self.url(Status.EXPIRED)

    @property
    def expiring_url(self) -> str:
        return self.url(Status.EXPIRING)


def _gaps(counts: TrainingCounts, shown: list[Column]) -> list[Gap]:
    return [Gap(column, *counts.gaps.get(column.pk, (0, 0, 0))) for column in shown if column.required_for]


# --- The page -------------------------------------------------------------------------------


@dataclass
class CoverageReport:
    today: date
    targets: list[TargetCoverage]
    gaps: list[Gap]
    attendance: list[AttendanceRow]
    people: int
    spend: SpendFigures | None = None
    evaluations: list[EvaluationRow] = field(default_factory=list)
    whole_service: bool = False
    expiring_days: int = EXPIRING_DAYS


def shown_courses_and_targets(
    scope: QuerySet, columns: list[Column], today: date
) -> tuple[list[Column], list[CoverageTarget]]:
    """The courses the coverage figures count for the people in `scope` as on `today`, and the coverage
    targets shown, in the page's order (by programme, level, then role). As in the matrix, courses no longer
    offered count only where someone here has done or booked them; targets for programmes with nothing to
    show (no courses offered, nobody trained) are left out. Two queries (one without courses no longer offered)."""
    inactive = [column.pk for column in columns if not column.is_active]
    used = courses_used_by(scope, inactive, today)
    shown = [column for column in columns if column.is_active or column.pk in used]
    shown_programmes = {column.programme_id for column in shown}
    targets = sorted(
        (
            target
            for target in CoverageTarget.objects.select_related("programme", "role")
            if target.programme_id in shown_programmes
        ),
        key=lambda target: (
            target.programme.position,
            target.programme.name,
            LEVEL_RANK[target.level],
            target.role.name if target.role_id else "",
            target.pk,
        ),
    )
    return shown, targets


def target_keys(targets: list[CoverageTarget]) -> list[tuple[int, int, int | None]]:
    """What `reports_people.training_counts` counts for each target: (programme, lowest level rank, role)."""
    return [(target.programme_id, LEVEL_RANK[target.level], target.role_id) for target in targets]


def coverage_for(user, today: date) -> CoverageReport:
    """Every figure on the coverage page for the people `user` may see."""
    columns = columns_for(user)
    scope = access.people_for(user)
    shown, targets = shown_courses_and_targets(scope, columns, today)
    counts = training_counts(scope, columns, today, target_keys(targets))
    whole_service = access.sees_whole_service(user)
    return CoverageReport(
        today=today,
        targets=[
            _coverage(index, target, counts.targets.get(index, [])) for index, target in enumerate(targets, start=1)
        ],
        gaps=_gaps(counts, shown),
        attendance=attendance_rows(user, today, columns),
        people=counts.people,
        spend=spend_figures(user, counts.completed_this_year, today) if whole_service else None,
        evaluations=evaluation_rows(user, columns) if whole_service else [],
        whole_service=whole_service,
    )
