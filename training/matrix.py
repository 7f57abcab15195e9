"""The training matrix: the people a person may see (rows) by course (columns), each cell a status.

Three queries however large the service: the courses (with the roles each is required for), the
people (with their team and roles), and the bookings, grouped in SQL to one row per person and course.
2,000 people by 50 courses is 100,000 cells: they are worked out in plain Python, never as model
instances (`matrix_cells`, which also says what each status means), and the table body is joined from
a small cache of escaped cell markup (`matrix_html`), not a template loop. The words for each cell,
and the downloads, are in `matrix_export`.

This module holds the matrix's shape (its filters, columns, people and cells) and puts it together
for a person: `matrix_for`.
"""

from dataclasses import dataclass, field
from datetime import date

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.postgres.aggregates import ArrayAgg
from django.db.models import Exists, OuterRef, Q, QuerySet

from portal.models import Team
from portal.roles import ROLES
from training import access
from training.matrix_cells import EXPIRING_DAYS, Cell, Status, booking_rows, cells_for
from training.models import Level, financial_year_bounds, financial_year_of

User = get_user_model()

STATUS_FILTER_CHOICES = [
    (Status.MISSING, "Required but missing"),
    (Status.EXPIRED, "Expired"),
    (Status.EXPIRING, f"Expiring within {EXPIRING_DAYS} days"),
    (Status.COMPLETED, "Completed and up to date"),
    (Status.COMPLETED_THIS_YEAR, "Completed this financial year"),
    (Status.BOOKED, "Booked"),
    (Status.PENDING, "Awaiting approval"),
    (Status.WAITING, "On the waiting list"),
    (Status.NOT_BOOKED, "Not booked"),
]
_MATCHES = {
    Status.COMPLETED: {Status.COMPLETED, Status.REFRESHED},
    Status.EXPIRING: {Status.EXPIRING},
    Status.EXPIRED: {Status.EXPIRED},
    Status.BOOKED: {Status.BOOKED},
    Status.PENDING: {Status.PENDING},
    Status.WAITING: {Status.WAITING},
    Status.MISSING: {Status.MISSING},
    Status.NOT_BOOKED: {Status.NOT_BOOKED},
}
# A gap: required training never done, or done and run out.
GAP_STATUSES = frozenset({Status.MISSING, Status.EXPIRED})


class Sort:
    TEAM = "team"
    NAME = "name"
    GAPS = "gaps"


SORT_CHOICES = [(Sort.TEAM, "Team, then name"), (Sort.NAME, "Name"), (Sort.GAPS, "Most gaps first")]


@dataclass(frozen=True)
class MatrixFilters:
    team_id: int | None = None
    role_id: int | None = None
    programme_id: int | None = None
    level: str | None = None
    course_id: int | None = None
    status: str | None = None
    required_only: bool = False
    sort: str = Sort.TEAM

    def query(self) -> dict:
        """The filters as GET parameters, leaving out the defaults."""
        params = {
            "team": self.team_id,
            "role": self.role_id,
            "programme": self.programme_id,
            "level": self.level,
            "course": self.course_id,
            "status": self.status,
            "required": "yes" if self.required_only else None,
            "sort": self.sort if self.sort != Sort.TEAM else None,
        }
        return {name: value for name, value in params.items() if value}


@dataclass(frozen=True)
class Column:
    pk: int
    title: str
    level: str
    programme_id: int
    programme_name: str
    refresh_months: int | None
    is_active: bool
    required_for: frozenset

    @property
    def level_label(self) -> str:
        return Level(self.level).label


@dataclass
class Person:
    pk: int
    name: str
    team_id: int | None
    team_name: str
    roles: frozenset
    required: frozenset = frozenset()  # the course ids required for one of their roles
    gaps: int = 0


@dataclass
class Matrix:
    columns: list[Column]
    people: list[Person]
    # {person id: {course id: Cell}} for every pair with a completion or an upcoming booking.
    cells: dict[int, dict[int, Cell]]
    filters: MatrixFilters
    today: date
    grouped_by_team: bool = field(default=False)

    def status(self, person: Person, column: Column) -> Cell:
        cell = self.cells.get(person.pk, {}).get(column.pk)
        if cell is not None:
            return cell
        return (Status.MISSING if column.pk in person.required else Status.NOT_BOOKED, None, None)

    def teams(self) -> list[tuple[str, list[Person]]]:
        """The rows in runs of one team, in order (for sorting by team)."""
        runs: list[tuple[str, list[Person]]] = []
        for person in self.people:
            if not runs or runs[-1][1][0].team_id != person.team_id:
                runs.append((person.team_name, []))
            runs[-1][1].append(person)
        return runs


# --- Columns and filter choices -----------------------------------------------------------


def columns_for(user) -> list[Column]:
    """Every course `user` may see, in programme order, with the roles it is required for: one query."""
    rows = (
        access.courses_for(user)
        .order_by("programme__position", "programme__name", "position", "title", "pk")
        .values_list("pk", "title", "level", "programme_id", "programme__name", "refresh_months", "is_active")
        .annotate(roles=ArrayAgg("required_for__id", distinct=True, filter=Q(required_for__isnull=False)))
    )
    return [
        Column(pk, title, level, programme_id, programme, refresh, active, frozenset(roles or ()))
        for pk, title, level, programme_id, programme, refresh, active, roles in rows
    ]


def team_choices(user) -> list[tuple[int, str]]:
    """The teams with someone in `user`'s scope."""
    people = access.people_for(user)
    return list(Team.objects.filter(pk__in=people.values("team_id")).order_by("name", "pk").values_list("pk", "name"))


def role_choices() -> list[tuple[int, str]]:
    return list(Group.objects.filter(name__in=ROLES).order_by("name").values_list("pk", "name"))


def programme_choices(columns: list[Column]) -> list[tuple[int, str]]:
    seen: dict[int, str] = {}
    for column in columns:
        seen.setdefault(column.programme_id, column.programme_name)
    return list(seen.items())


def course_choices(columns: list[Column]) -> list[tuple[str, list[tuple[int, str]]]]:
    """The courses grouped by programme (an <optgroup> each)."""
    groups: dict[int, tuple[str, list[tuple[int, str]]]] = {}
    for column in columns:
        groups.setdefault(column.programme_id, (column.programme_name, []))[1].append((column.pk, column.title))
    return list(groups.values())


# --- People ---------------------------------------------------------------------------------


def _people_queryset(user, filters: MatrixFilters) -> QuerySet:
    people = access.people_for(user)
    if filters.team_id:
        people = people.filter(team_id=filters.team_id)
    if filters.role_id:
        people = people.filter(
            Exists(User.groups.through.objects.filter(user_id=OuterRef("pk"), group_id=filters.role_id))
        )
    return people


def _people(people: QuerySet, columns: list[Column]) -> list[Person]:
    """The people with their team and roles, ordered by team then name: one query."""
    required_by_role: dict[int, set[int]] = {}
    for column in columns:
        for role in column.required_for:
            required_by_role.setdefault(role, set()).add(column.pk)
    rows = (
        people.order_by("team__name", "team_id", "full_name", "pk")
        .values_list("pk", "full_name", "team_id", "team__name")
        .annotate(roles=ArrayAgg("groups__id", distinct=True, filter=Q(groups__isnull=False)))
    )
    # Most people share a handful of role sets: work each one's required courses out once.
    required_for_roles: dict[frozenset, frozenset] = {}
    result = []
    for pk, name, team_id, team_name, roles in rows:
        roles = frozenset(roles or ())
        required = required_for_roles.get(roles)
        if required is None:
            required = frozenset().union(*(required_by_role.get(role, ()) for role in roles))
            required_for_roles[roles] = required
        result.append(Person(pk, name, team_id, team_name or "No team", roles, required))
    return result


# --- The matrix ---------------------------------------------------------------------------


def _shown_columns(columns: list[Column], filters: MatrixFilters) -> list[Column]:
    if filters.course_id:
        return [column for column in columns if column.pk == filters.course_id]
    return [
        column
        for column in columns
        if (not filters.programme_id or column.programme_id == filters.programme_id)
        and (not filters.level or column.level == filters.level)
    ]


def _with_refreshers(shown: list[Column], columns: list[Column]) -> list[Column]:
    """The shown courses and the refreshers that may renew them."""
    renewable = {column.programme_id for column in shown if column.refresh_months}
    extra = [
        column
        for column in columns
        if column.level == Level.REFRESHER and column.programme_id in renewable and column not in shown
    ]
    return shown + extra


def _matches(matrix: Matrix, person: Person, filters: MatrixFilters) -> bool:
    columns = matrix.columns
    if filters.required_only:
        columns = [column for column in columns if column.pk in person.required]
        if not columns:
            return False
    if not filters.status:
        return True
    if filters.status == Status.COMPLETED_THIS_YEAR:
        first, last = financial_year_bounds(financial_year_of(matrix.today))
        return any(first <= (matrix.status(person, column)[2] or date.min) <= last for column in columns)
    wanted = _MATCHES[filters.status]
    return any(matrix.status(person, column)[0] in wanted for column in columns)


def matrix_for(user, filters: MatrixFilters, today: date, *, columns: list[Column] | None = None) -> Matrix:
    """The matrix for the people `user` may see, filtered and sorted: three queries (two if the
    caller already has `columns_for(user)`)."""
    if columns is None:
        columns = columns_for(user)
    shown = _shown_columns(columns, filters)
    people_qs = _people_queryset(user, filters)
    people = _people(people_qs, columns)
    queried = _with_refreshers(shown, columns)
    rows = booking_rows(people_qs, [column.pk for column in queried], today) if queried and people else []
    cells = cells_for(rows, {column.pk: column for column in queried}, today)
    # Courses no longer offered appear only where someone here has done or booked them.
    with_data = {course_id for person_cells in cells.values() for course_id in person_cells}
    shown = [column for column in shown if column.is_active or column.pk in with_data or filters.course_id]
    matrix = Matrix(shown, people, cells, filters, today, grouped_by_team=filters.sort == Sort.TEAM)
    shown_ids = {column.pk for column in shown}
    for person in people:
        person_cells = cells.get(person.pk, {})
        person.gaps = sum(
            1
            for course_id in person.required
            if course_id in shown_ids and (person_cells.get(course_id) or (Status.MISSING,))[0] in GAP_STATUSES
        )
    if filters.status or filters.required_only:
        matrix.people = [person for person in people if _matches(matrix, person, filters)]
    if filters.sort == Sort.NAME:
        matrix.people.sort(key=lambda person: (person.name.casefold(), person.pk))
    elif filters.sort == Sort.GAPS:
        matrix.people.sort(key=lambda person: -person.gaps)  # stable: team then name among equals
    return matrix
