"""The training matrix put together a page, or a chunk of people, at a time.

A service of 10,000 people by 100 courses has a million cells: no page shows them all and no download
holds them all at once.

- `matrix_page`: the page a manager sees, 100 people at a time. With the team and role filters only,
  the page is read straight from the database: the people on it (with everyone's count, and each
  team's, in the same query) and then their bookings, so a page costs the same however large the
  service. The status and "required only" filters and the most-gaps sort depend on the cells, so
  for those every row is worked out, a chunk at a time, and only the page's rows are kept.
- `MatrixRows`: every row in order, for the downloads. The people come through a server-side cursor
  and their bookings a chunk of people at a time, so memory stays flat however many rows are written.
"""

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from itertools import islice

from django.contrib.postgres.fields import ArrayField
from django.core.paginator import Paginator
from django.db.models import Count, F, IntegerField, QuerySet, Value, Window

from training.matrix import (
    Column,
    Matrix,
    MatrixFilters,
    Person,
    PersonMaker,
    Sort,
    courses_used,
    gaps_of,
    matches,
    offered_or_used,
    people_queryset,
    people_rows,
    reads_every_row,
    shown_columns,
    with_refreshers,
)
from training.matrix_cells import Cell, booking_rows, cells_for

PER_PAGE = 100
# "Everyone on one page" is offered up to this many people; beyond it, the downloads have everyone.
MAX_ON_ONE_PAGE = 2_000
# People read, and their bookings fetched, together: about 70,000 booking rows at 100 courses.
CHUNK = 1_000

Row = tuple[Person, dict[int, Cell]]


@dataclass
class _Plan:
    """What the filters ask for: whose rows, which courses to show and which to read."""

    filters: MatrixFilters
    today: date
    people: QuerySet
    shown: list[Column]  # before unused courses no longer offered are left out
    queried: list[Column]
    maker: PersonMaker

    @classmethod
    def make(cls, user, filters: MatrixFilters, today: date, columns: list[Column]) -> "_Plan":
        shown = shown_columns(columns, filters)
        return cls(
            filters, today, people_queryset(user, filters), shown, with_refreshers(shown, columns), PersonMaker(columns)
        )

    def rows(self, sort: str | None = None) -> QuerySet:
        """`people_rows`, with the courses no longer offered that someone here has used (the last value)."""
        rows = people_rows(self.people, sort or self.filters.sort)
        inactive = [column.pk for column in self.shown if not column.is_active]
        return rows.annotate(used=courses_used(self.people, inactive, self.today) if inactive else _none())

    def cells(self, people: list[Person]) -> dict[int, dict[int, Cell]]:
        rows = booking_rows([person.pk for person in people], [column.pk for column in self.queried], self.today)
        return cells_for(rows, {column.pk: column for column in self.queried}, self.today)


def _none() -> Value:
    return Value([], output_field=ArrayField(IntegerField()))


class MatrixRows:
    """Every row of the matrix the filters ask for, in order: (person, their cells).

    Nothing is read until `open()`, which reads the first person (and with them which courses no longer
    offered anyone here has used), sets `columns` and hands back the rows. A download opens it inside
    the generator that writes the file, so the server-side cursor lives only while the file is sent,
    and is closed with it when the download finishes or is abandoned."""

    def __init__(self, user, filters: MatrixFilters, today: date, columns: list[Column], *, chunk: int = CHUNK):
        self.plan = _Plan.make(user, filters, today, columns)
        self.filters = filters
        self.today = today
        self.chunk = chunk
        self.columns: list[Column] = []
        self.shown_ids: set[int] = set()

    def open(self) -> Iterator[Row]:
        # The most-gaps sort starts from team order and sorts again once every row's gaps are known.
        sort = Sort.TEAM if self.filters.sort == Sort.GAPS else self.filters.sort
        cursor = self.plan.rows(sort).iterator(chunk_size=self.chunk)
        first = next(cursor, None)
        used = set(first[-1] or ()) if first else set()
        self.columns = offered_or_used(self.plan.shown, used, self.filters)
        self.shown_ids = {column.pk for column in self.columns}
        people = self._people(first, cursor)
        return self._by_gaps(people) if self.filters.sort == Sort.GAPS else self._matching(people)

    def _people(self, first: tuple | None, cursor: Iterator[tuple]) -> Iterator[Person]:
        if first is None:
            return
        yield self.plan.maker(*first[:-1])
        for row in cursor:
            yield self.plan.maker(*row[:-1])

    def _matching(self, people: Iterator[Person]) -> Iterator[Row]:
        """Each person's row, worked out a chunk at a time, leaving out those the filters do not match."""
        while batch := list(islice(people, self.chunk)):
            cells = self.plan.cells(batch)
            for person in batch:
                person_cells = cells.get(person.pk, {})
                person.gaps = gaps_of(person, person_cells, self.shown_ids)
                if matches(person, person_cells, self.columns, self.filters, self.today):
                    yield person, person_cells

    def _by_gaps(self, people: Iterator[Person]) -> Iterator[Row]:
        """Most gaps first, team then name among equals. Once every row's gaps are known: up to a chunk of
        rows are kept from the first pass and sorted; beyond that, only the people are kept, and their
        bookings read again a chunk at a time in the new order."""
        found: list[Person] = []
        kept: list[Row] | None = []
        for person, person_cells in self._matching(people):
            found.append(person)
            if kept is not None and len(kept) < self.chunk:
                kept.append((person, person_cells))
            else:
                kept = None
        if kept is not None:
            kept.sort(key=lambda row: -row[0].gaps)  # stable: team then name among equals
            yield from kept
            return
        found.sort(key=lambda person: -person.gaps)
        for start in range(0, len(found), self.chunk):
            batch = found[start : start + self.chunk]
            cells = self.plan.cells(batch)
            for person in batch:
                yield person, cells.get(person.pk, {})


def _page_of(total: int, number: int | None, per_page: int):
    """A Django page (for the pagination links) of `total` people: `number` None is everyone at once."""
    if number is None:
        return None
    return Paginator(range(total), per_page).get_page(number)


def _first_row(number: int | None, per_page: int) -> tuple[int, int]:
    """The first row (from 0) and how many rows, for page `number` (None: everyone on one page)."""
    if number is None:
        return 0, MAX_ON_ONE_PAGE + 1
    return (number - 1) * per_page, per_page


def matrix_page(
    user, filters: MatrixFilters, today: date, number: int | None, *, columns: list[Column], per_page: int = PER_PAGE
) -> Matrix:
    """Page `number` of the matrix (from 1; past the end, the last page), or everyone on one page when
    `number` is None and they are no more than MAX_ON_ONE_PAGE (otherwise, the first page)."""
    if reads_every_row(filters):
        matrix = _page_from_every_row(user, filters, today, number, columns, per_page)
    else:
        matrix = _page_from_the_database(user, filters, today, number, columns, per_page)
    if number is not None and matrix.page is not None and matrix.page.number != number and matrix.total:
        # Past the last page: show the last, as a paginator does.
        return matrix_page(user, filters, today, matrix.page.number, columns=columns, per_page=per_page)
    return matrix


def _page_from_the_database(user, filters, today, number, columns, per_page) -> Matrix:
    plan = _Plan.make(user, filters, today, columns)
    start, size = _first_row(number, per_page)
    rows = plan.rows().annotate(total=Window(Count("pk")), team_size=Window(Count("pk"), partition_by=[F("team_id")]))
    fetched = list(rows[start : start + size])
    total = fetched[0][-2] if fetched else 0
    if number is None and total > MAX_ON_ONE_PAGE:
        number, fetched = 1, fetched[:per_page]
    elif not fetched and number and number > 1:
        # Past the end: count, so matrix_page can ask for the last page instead.
        total = plan.people.count()
    people = [plan.maker(*row[:5]) for row in fetched]
    team_sizes = {row[2]: row[-1] for row in fetched}
    used = set(fetched[0][5] or ()) if fetched else set()
    shown = offered_or_used(plan.shown, used, filters)
    shown_ids = {column.pk for column in shown}
    cells = plan.cells(people)
    for person in people:
        person.gaps = gaps_of(person, cells.get(person.pk, {}), shown_ids)
    return Matrix(
        shown,
        people,
        cells,
        filters,
        today,
        grouped_by_team=filters.sort == Sort.TEAM,
        total=total,
        page=_page_of(total, number, per_page),
        team_sizes=team_sizes,
    )


def _page_from_every_row(user, filters, today, number, columns, per_page) -> Matrix:
    rows = MatrixRows(user, filters, today, columns)
    start, size = _first_row(number, per_page)
    kept: list[Row] = []
    total = 0
    team_sizes: Counter = Counter()
    for place, (person, person_cells) in enumerate(rows.open()):
        total += 1
        team_sizes[person.team_id] += 1
        if start <= place < start + size:
            kept.append((person, person_cells))
    if number is None and total > MAX_ON_ONE_PAGE:
        number, kept = 1, kept[:per_page]
    return Matrix(
        rows.columns,
        [person for person, _cells in kept],
        {person.pk: person_cells for person, person_cells in kept},
        filters,
        today,
        grouped_by_team=filters.sort == Sort.TEAM,
        total=total,
        page=_page_of(total, number, per_page),
        team_sizes=dict(team_sizes),
    )
