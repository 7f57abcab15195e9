"""The uptake figures on the coverage page: each coverage target by team, required training missing or
running out, and the page put together (`coverage_for`).

A fixed number of queries however large the service. The people and their training come from the
matrix (`training.matrix`), so every figure here counts exactly the people its link shows there. Each
target's bar chart is drawn in `reports_chart`; spend, attendance and evaluation scores are worked out
in `reports_courses`.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from training import access
from training.matrix import Column, Matrix, MatrixFilters, Person, columns_for, matrix_for
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

CURRENT = frozenset({Status.COMPLETED, Status.REFRESHED, Status.EXPIRING})


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


def _coverage(index: int, target: CoverageTarget, matrix: Matrix, columns: list[Column]) -> TargetCoverage:
    wanted = LEVEL_RANK[target.level]
    courses = [
        column.pk
        for column in columns
        if column.programme_id == target.programme_id and LEVEL_RANK.get(column.level, 0) >= wanted
    ]
    population: dict[tuple[str, int | None], list[Person]] = defaultdict(list)
    for person in matrix.people:
        if target.role_id is None or target.role_id in person.roles:
            population[(person.team_name, person.team_id)].append(person)

    def trained(people: list[Person]) -> int:
        return sum(
            1
            for person in people
            if any((matrix.cells.get(person.pk, {}).get(course) or ("",))[0] in CURRENT for course in courses)
        )

    link = {"programme_id": target.programme_id, "role_id": target.role_id}
    teams = [
        Share(name, len(people), trained(people), matrix_url(team_id=team_id, **link), target.target_percent)
        for (name, team_id), people in sorted(population.items(), key=lambda item: item[0][0].casefold())
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


def _gaps(matrix: Matrix) -> list[Gap]:
    gaps = []
    for column in matrix.columns:
        if not column.required_for:
            continue
        gap = Gap(column)
        for person in matrix.people:
            if column.pk not in person.required:
                continue
            status = matrix.status(person, column)[0]
            if status == Status.MISSING:
                gap.missing += 1
            elif status == Status.EXPIRED:
                gap.expired += 1
            elif status == Status.EXPIRING:
                gap.expiring += 1
        gaps.append(gap)
    return gaps


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


def coverage_for(user, today: date) -> CoverageReport:
    """Every figure on the coverage page for the people `user` may see."""
    columns = columns_for(user)
    matrix = matrix_for(user, MatrixFilters(), today, columns=columns)
    # Targets for programmes with nothing to show here (no courses offered, nobody trained) are left out.
    shown_programmes = {column.programme_id for column in matrix.columns}
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
    whole_service = access.sees_whole_service(user)
    return CoverageReport(
        today=today,
        targets=[_coverage(index, target, matrix, columns) for index, target in enumerate(targets, start=1)],
        gaps=_gaps(matrix),
        attendance=attendance_rows(user, today, columns),
        people=len(matrix.people),
        spend=spend_figures(user, matrix, today) if whole_service else None,
        evaluations=evaluation_rows(user, columns) if whole_service else [],
        whole_service=whole_service,
    )
