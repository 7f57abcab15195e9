"""The uptake figures on the coverage page: each coverage target by team, required training missing or
running out, spend against the budget, attendance and evaluation scores.

A fixed number of queries however large the service. The people and their training come from the
matrix (`training.matrix`), so every figure here counts exactly the people its link shows there.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from urllib.parse import urlencode

from django.db.models import Avg, Count, Q, Sum
from django.urls import reverse

from training import access
from training.matrix import (
    EXPIRING_DAYS,
    Column,
    Matrix,
    MatrixFilters,
    Person,
    Status,
    columns_for,
    day_start,
    matrix_for,
)
from training.models import (
    LEVEL_RANK,
    Attendance,
    BookingStatus,
    Budget,
    CoverageTarget,
    financial_year_bounds,
    financial_year_of,
)

CURRENT = frozenset({Status.COMPLETED, Status.REFRESHED, Status.EXPIRING})


def matrix_url(**filters) -> str:
    """The matrix showing the people behind a figure."""
    query = urlencode(MatrixFilters(**filters).query())
    return reverse("training:uptake") + (f"?{query}" if query else "")


def percent(part: int, whole: int) -> int | None:
    if not whole:
        return None
    return int((Decimal(100 * part) / whole).quantize(Decimal("1"), rounding=ROUND_HALF_UP))


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
class Bar:
    label: str
    y: float
    width: float
    value: str
    value_x: float


@dataclass
class Chart:
    """A horizontal bar chart of the share trained by team, with the target as a line."""

    title_id: str
    summary: str
    bars: list[Bar]
    height: float
    target_x: float
    ticks: list[tuple[float, str]]
    width: int = 640
    plot_left: int = 250
    plot_width: int = 320
    bar_height: int = 18

    @property
    def plot_right(self) -> int:
        return self.plot_left + self.plot_width

    @property
    def axis_y(self) -> float:
        return self.height - 24


ROW_HEIGHT = 28
CHART_TOP = 28
LABEL_CHARACTERS = 34


def _short(label: str) -> str:
    return label if len(label) <= LABEL_CHARACTERS else label[: LABEL_CHARACTERS - 1].rstrip() + "…"


def _chart(index: int, target: CoverageTarget, overall: Share, teams: list[Share]) -> Chart:
    rows = [overall, *teams]
    height = CHART_TOP + ROW_HEIGHT * len(rows) + 28
    chart = Chart(f"coverage-chart-{index}", "", [], height, 0, [])
    scale = chart.plot_width / 100
    chart.target_x = chart.plot_left + target.target_percent * scale
    chart.ticks = [(chart.plot_left + value * scale, f"{value}%") for value in (0, 25, 50, 75, 100)]
    for position, share in enumerate(rows):
        y = CHART_TOP + position * ROW_HEIGHT
        width = (share.percent or 0) * scale
        value = "nobody" if share.percent is None else f"{share.percent}%"
        chart.bars.append(Bar(_short(share.name), y, width, value, chart.plot_left + width + 6))
    met = sum(1 for team in teams if team.met)
    overall_text = "nobody in scope" if overall.percent is None else f"{overall.percent}% overall"
    chart.summary = (
        f"{overall_text}, against a target of {target.target_percent}%. "
        f"{met} of {len(teams)} {'team meets' if len(teams) == 1 else 'teams meet'} the target. "
        "The table after the chart gives each team's figures."
    )
    return chart


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
    return TargetCoverage(target, overall, teams, _chart(index, target, overall, teams))


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


# --- Spend, attendance, evaluations -----------------------------------------------------------


@dataclass
class SpendFigures:
    year: int
    starts: date
    ends: date
    budget: Decimal | None
    spent: Decimal
    trained_people: int
    people_url: str
    spend_url: str | None

    @property
    def remaining(self) -> Decimal | None:
        return None if self.budget is None else self.budget - self.spent

    @property
    def overspent(self) -> bool:
        return self.remaining is not None and self.remaining < 0

    @property
    def overspend(self) -> Decimal:
        return -self.remaining if self.overspent else Decimal(0)

    @property
    def share_used(self) -> int | None:
        return None if not self.budget else percent(int(self.spent * 100), int(self.budget * 100))

    @property
    def cost_per_person(self) -> Decimal | None:
        if not self.trained_people:
            return None
        return (self.spent / self.trained_people).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def _spend(user, matrix: Matrix, today: date) -> SpendFigures:
    year = financial_year_of(today)
    starts, ends = financial_year_bounds(year)
    spent = access.spend_for(user).filter(spent_on__range=(starts, ends)).aggregate(total=Sum("amount"))["total"]
    budget = Budget.objects.filter(year=year).values_list("amount", flat=True).first()
    trained = sum(
        1
        for person in matrix.people
        if any(starts <= (cell[2] or date.min) <= ends for cell in matrix.cells.get(person.pk, {}).values())
    )
    return SpendFigures(
        year,
        starts,
        ends,
        budget,
        spent or Decimal(0),
        trained,
        matrix_url(status=Status.COMPLETED_THIS_YEAR),
        reverse("training:spend") if access.can_manage(user) else None,
    )


@dataclass
class AttendanceRow:
    programme_id: int
    programme: str
    booked: int
    attended: int
    partly: int
    absent: int
    unmarked: int

    @property
    def attendance_rate(self) -> int | None:
        return percent(self.attended + self.partly, self.booked)

    @property
    def no_show_rate(self) -> int | None:
        return percent(self.absent, self.booked)

    @property
    def url(self) -> str:
        return matrix_url(programme_id=self.programme_id)


def _attendance(user, today: date, columns: list[Column]) -> list[AttendanceRow]:
    """Booked places on dates from the start of this financial year to yesterday, by programme: one query,
    counted by course (the names come with `columns`, so the query joins only the dates)."""
    starts, _ends = financial_year_bounds(financial_year_of(today))
    counts = (
        access.bookings_for(user)
        .filter(
            status=BookingStatus.BOOKED,
            course_date__is_cancelled=False,
            course_date__starts_at__gte=day_start(starts),
            course_date__starts_at__lt=day_start(today),
            course_date__course_id__in=[column.pk for column in columns],
        )
        .order_by()
        .values_list("course_date__course_id")
        .annotate(
            booked=Count("pk"),
            attended=Count("pk", filter=Q(attendance=Attendance.ATTENDED)),
            partly=Count("pk", filter=Q(attendance=Attendance.PARTLY)),
            absent=Count("pk", filter=Q(attendance=Attendance.ABSENT)),
            unmarked=Count("pk", filter=Q(attendance="")),
        )
    )
    by_course = {course_id: figures for course_id, *figures in counts}
    programmes: dict[int, AttendanceRow] = {}
    for column in columns:  # in programme order
        figures = by_course.get(column.pk)
        if figures is None:
            continue
        row = programmes.setdefault(
            column.programme_id, AttendanceRow(column.programme_id, column.programme_name, 0, 0, 0, 0, 0)
        )
        row.booked += figures[0]
        row.attended += figures[1]
        row.partly += figures[2]
        row.absent += figures[3]
        row.unmarked += figures[4]
    return list(programmes.values())


@dataclass
class EvaluationRow:
    course_id: int
    title: str
    programme: str
    count: int
    average: float

    @property
    def url(self) -> str:
        return reverse("training:course-evaluations", args=[self.course_id])


def _evaluations(user, columns: list[Column]) -> list[EvaluationRow]:
    """Each course's evaluations: one query, counted by course, in programme order."""
    figures = dict(
        (course_id, (count, average))
        for course_id, count, average in access.evaluations_for(user)
        .filter(booking__course_date__course_id__in=[column.pk for column in columns])
        .order_by()
        .values_list("booking__course_date__course_id")
        .annotate(count=Count("pk"), average=Avg("rating"))
    )
    return [
        EvaluationRow(column.pk, column.title, column.programme_name, *figures[column.pk])
        for column in columns
        if column.pk in figures
    ]


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
        attendance=_attendance(user, today, columns),
        people=len(matrix.people),
        spend=_spend(user, matrix, today) if whole_service else None,
        evaluations=_evaluations(user, columns) if whole_service else [],
        whole_service=whole_service,
    )
