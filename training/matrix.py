"""The training matrix: the people a person may see (rows) by course (columns), each cell a status.

This module holds the matrix's shape (its filters, columns, people and cells) and the pieces it is
read with: the courses (with the roles each is required for), the people in order (with their team
and roles), and what each person's row shows. `matrix_rows` puts them together a page or a chunk of
people at a time, so that neither the page nor a download of 10,000 people by 100 courses ever holds
every cell; `matrix_for` here puts the whole matrix together at once, for a small service or a test.
Cells are worked out in plain Python, never as model instances (`matrix_cells`, which also says what
each status means); the table is joined from a small cache of escaped cell markup
(`matrix_html`); the words for each cell, and the downloads, are in `matrix_export`.
"""

from dataclasses import dataclass, field
from datetime import date

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.postgres.aggregates import ArrayAgg
from django.contrib.postgres.expressions import ArraySubquery
from django.core.paginator import Page
from django.db.models import Case, Exists, OuterRef, Q, QuerySet, Subquery, Value, When
from django.db.models.functions import Collate, Lower

from portal.models import Team
from portal.roles import ROLES
from training import access
from training.matrix_cells import EXPIRING_DAYS, Cell, Status, booking_rows, cells_for, has_a_cell
from training.models import Booking, Course, CourseDate, Level, financial_year_bounds, financial_year_of

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
    people: list[Person]  # the people on this page, in order
    # {person id: {course id: Cell}} for every pair on this page with a completion or an upcoming booking.
    cells: dict[int, dict[int, Cell]]
    filters: MatrixFilters
    today: date
    grouped_by_team: bool = field(default=False)
    total: int = 0  # everyone the filters match, on every page
    page: Page | None = None  # None when everyone is on this page
    team_sizes: dict[int | None, int] = field(default_factory=dict)  # people the filters match, by team

    def status(self, person: Person, column: Column) -> Cell:
        return status_of(person, self.cells.get(person.pk, {}), column)

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


def people_queryset(user, filters: MatrixFilters) -> QuerySet:
    """The people `user` may see, narrowed by the team and role filters."""
    people = access.people_for(user)
    if filters.team_id:
        people = people.filter(team_id=filters.team_id)
    if filters.role_id:
        people = people.filter(
            Exists(User.groups.through.objects.filter(user_id=OuterRef("pk"), group_id=filters.role_id))
        )
    return people


def people_rows(people: QuerySet, sort: str) -> QuerySet:
    """(pk, name, team id, team name, role ids) for each person, in the matrix's order (most gaps first
    is sorted in Python, from team order). The roles come from a subquery per row, which the database
    works out only for the rows a page or chunk returns, not for everyone it sorts."""
    if sort == Sort.NAME:
        # Lower-cased, then by code point: the order Python's casefold gives, the same on every page.
        order = [Collate(Lower("full_name"), "C"), "pk"]
    else:
        order = ["team__name", "team_id", "full_name", "pk"]
    roles = ArraySubquery(User.groups.through.objects.filter(user_id=OuterRef("pk")).order_by().values("group_id"))
    return people.order_by(*order).values_list("pk", "full_name", "team_id", "team__name").annotate(roles=roles)


class PersonMaker:
    """Makes a Person from a row of `people_rows`, with the courses their roles require. Most people
    share a handful of role sets: each one's required courses are worked out once."""

    def __init__(self, columns: list[Column]):
        self.required_by_role: dict[int, set[int]] = {}
        for column in columns:
            for role in column.required_for:
                self.required_by_role.setdefault(role, set()).add(column.pk)
        self.required_for_roles: dict[frozenset, frozenset] = {}

    def __call__(self, pk: int, name: str, team_id: int | None, team_name: str | None, roles) -> Person:
        roles = frozenset(roles or ())
        required = self.required_for_roles.get(roles)
        if required is None:
            required = frozenset().union(*(self.required_by_role.get(role, ()) for role in roles))
            self.required_for_roles[roles] = required
        return Person(pk, name, team_id, team_name or "No team", roles, required)


# --- The courses shown --------------------------------------------------------------------


def shown_columns(columns: list[Column], filters: MatrixFilters) -> list[Column]:
    """The courses the filters ask for, before leaving out unused courses no longer offered."""
    if filters.course_id:
        return [column for column in columns if column.pk == filters.course_id]
    return [
        column
        for column in columns
        if (not filters.programme_id or column.programme_id == filters.programme_id)
        and (not filters.level or column.level == filters.level)
    ]


def with_refreshers(shown: list[Column], columns: list[Column]) -> list[Column]:
    """The shown courses and the refreshers that may renew them."""
    renewable = {column.programme_id for column in shown if column.refresh_months}
    extra = [
        column
        for column in columns
        if column.level == Level.REFRESHER and column.programme_id in renewable and column not in shown
    ]
    return shown + extra


def _used_courses(people: QuerySet, course_ids: list[int], today: date) -> QuerySet:
    """The ids of those of `course_ids` that someone among `people` has done or booked.

    Each course goes through its dates and stops at the first with such a booking: looked up by date,
    and limited to one, the database never reads every booking of the service to answer. A course
    nobody here used is the costly one (another service's history): every booking of it is checked,
    so the check is a lookup in the people's ids, which the database hashes once because the test sits
    in a CASE (a join there would be an index search per booking)."""
    among_people = Case(When(Q(person__in=people.values("pk")), then=Value(True)), default=Value(False))
    booked = Booking.objects.filter(course_date_id=OuterRef("pk")).filter(has_a_cell(today)).filter(among_people)
    first_used_date = CourseDate.objects.filter(course_id=OuterRef("pk")).filter(Exists(booked)).order_by()
    return (
        Course.objects.filter(pk__in=course_ids)
        .annotate(first_used_date=Subquery(first_used_date.values("pk")[:1]))
        .filter(first_used_date__isnull=False)
        .order_by()
        .values("pk")
    )


def courses_used(people: QuerySet, course_ids: list[int], today: date) -> ArraySubquery:
    """`_used_courses` as an expression to add to a query. It refers to nothing in the row it is added
    to, so the database works it out once per query."""
    return ArraySubquery(_used_courses(people, course_ids, today))


def courses_used_by(people: QuerySet, course_ids: list[int], today: date) -> set[int]:
    """`_used_courses` on its own: one query (none without `course_ids`)."""
    return set(_used_courses(people, course_ids, today).values_list("pk", flat=True)) if course_ids else set()


def offered_or_used(shown: list[Column], used: set[int], filters: MatrixFilters) -> list[Column]:
    """Courses no longer offered appear only where someone here has done or booked them (or when the
    course filter asks for one by name)."""
    return [column for column in shown if column.is_active or column.pk in used or filters.course_id]


# --- A person's row -------------------------------------------------------------------------


def status_of(person: Person, person_cells: dict[int, Cell], column: Column) -> Cell:
    cell = person_cells.get(column.pk)
    if cell is not None:
        return cell
    return (Status.MISSING if column.pk in person.required else Status.NOT_BOOKED, None, None)


def gaps_of(person: Person, person_cells: dict[int, Cell], shown_ids: set[int]) -> int:
    """Required courses shown here that the person is missing or whose training has run out."""
    return sum(
        1
        for course_id in person.required
        if course_id in shown_ids and (person_cells.get(course_id) or (Status.MISSING,))[0] in GAP_STATUSES
    )


def matches(
    person: Person, person_cells: dict[int, Cell], columns: list[Column], filters: MatrixFilters, today: date
) -> bool:
    """Does the person's row pass the status and "required only" filters?"""
    if filters.required_only:
        columns = [column for column in columns if column.pk in person.required]
        if not columns:
            return False
    if not filters.status:
        return True
    if filters.status == Status.COMPLETED_THIS_YEAR:
        first, last = financial_year_bounds(financial_year_of(today))
        return any(first <= (status_of(person, person_cells, column)[2] or date.min) <= last for column in columns)
    wanted = _MATCHES[filters.status]
    return any(status_of(person, person_cells, column)[0] in wanted for column in columns)


def reads_every_row(filters: MatrixFilters) -> bool:
    """Filters and sorts that depend on the cells: a page of them can only be found by working out
    everyone's row (a chunk at a time); the others are a page of people straight from the database."""
    return bool(filters.status or filters.required_only or filters.sort == Sort.GAPS)


# --- The whole matrix at once -----------------------------------------------------------------


def matrix_for(user, filters: MatrixFilters, today: date, *, columns: list[Column] | None = None) -> Matrix:
    """Every row the filters match, with every cell: four queries (three given `columns_for(user)`).
    For a small service or a test; the page and the downloads read a page or a chunk at a time."""
    if columns is None:
        columns = columns_for(user)
    shown = shown_columns(columns, filters)
    queried = with_refreshers(shown, columns)
    people_qs = people_queryset(user, filters)
    make = PersonMaker(columns)
    sort = Sort.TEAM if filters.sort == Sort.GAPS else filters.sort
    people = [make(*row) for row in people_rows(people_qs, sort)]
    rows = booking_rows([person.pk for person in people], [column.pk for column in queried], today)
    cells = cells_for(rows, {column.pk: column for column in queried}, today)
    shown = offered_or_used(
        shown, {course_id for person_cells in cells.values() for course_id in person_cells}, filters
    )
    shown_ids = {column.pk for column in shown}
    kept = []
    for person in people:
        person_cells = cells.get(person.pk, {})
        person.gaps = gaps_of(person, person_cells, shown_ids)
        if matches(person, person_cells, shown, filters, today):
            kept.append(person)
    if filters.sort == Sort.GAPS:
        kept.sort(key=lambda person: -person.gaps)  # stable: team then name among equals
    matrix = Matrix(shown, kept, cells, filters, today, grouped_by_team=filters.sort == Sort.TEAM, total=len(kept))
    for person in kept:
        matrix.team_sizes[person.team_id] = matrix.team_sizes.get(person.team_id, 0) + 1
    return matrix
