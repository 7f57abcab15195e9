"""A cell of the training matrix: its statuses, and how they are worked out from the bookings.

One grouped query per page or chunk of people gives a row per person and course (the latest
completion, the best upcoming booking and its date); `cells_for` turns those rows into statuses in
plain Python, fast enough for 60,000 of them. The matrix itself (`training.matrix`) puts the cells
together with its rows and columns.

A cell's status, first that applies:
- the latest completion: "Completed" (or "Refreshed", when a refresher course in the same programme
  renewed it), "Expiring" when it runs out within 60 days, or "Expired";
- an upcoming booking: booked, awaiting approval or on the waiting list;
- "Required: missing" when the course is required for one of the person's roles;
- otherwise not booked.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from django.db import connections
from django.db.models import Case, IntegerField, Max, Min, Q, Value, When
from django.db.models.functions import TruncDate
from django.utils import timezone

from portal.dates import add_months
from training.models import LIVE, Booking, BookingStatus, Level

if TYPE_CHECKING:  # the matrix builds its cells here, so it cannot be imported from here at run time
    from training.matrix import Column

EXPIRING_DAYS = 60


class Status:
    """A cell's status. The values are also the matrix's status filter."""

    COMPLETED = "completed"
    REFRESHED = "refreshed"  # shown as such; the filter counts it as completed
    EXPIRING = "expiring"
    EXPIRED = "expired"
    BOOKED = "booked"
    PENDING = "pending"
    WAITING = "waiting"
    MISSING = "missing"
    NOT_BOOKED = "not-booked"
    # A filter only: people with a completion dated in this financial year.
    COMPLETED_THIS_YEAR = "completed-this-year"


# A worked-out cell: (status, the date shown, the person's own latest completion of the course).
Cell = tuple[str, date | None, date | None]

# The best live booking wins: a place, then a request waiting for approval, then the waiting list.
_LIVE_RANK = {3: Status.BOOKED, 2: Status.PENDING, 1: Status.WAITING}


def day_start(today: date) -> datetime:
    return timezone.make_aware(datetime.combine(today, time.min))


def upcoming(today: date) -> Q:
    """A live booking (a place, a request or the waiting list) for a date still to come."""
    return Q(course_date__starts_at__gte=day_start(today), course_date__is_cancelled=False, status__in=LIVE)


def has_a_cell(today: date) -> Q:
    """The bookings that give a cell anything to show: a completion, or a live booking still to come."""
    return Q(completed_on__isnull=False) | upcoming(today)


def booking_rows(person_ids: list[int], course_ids: list[int], today: date) -> list[tuple]:
    """(person id, course id, latest completion, best upcoming live rank, first booked day) for every
    pair with a completion or an upcoming booking: one grouped query for these people (a page of the
    matrix, or a chunk of a download), found through the booking's person index.

    Read with a plain cursor: Django's per-row converters would add a third to the time for 60,000 rows,
    and the database already returns each value as the type wanted."""
    if not person_ids or not course_ids:
        return []
    live_upcoming = upcoming(today)
    rank = Case(
        When(status=BookingStatus.BOOKED, then=Value(3)),
        When(status=BookingStatus.PENDING, then=Value(2)),
        When(status=BookingStatus.WAITING, then=Value(1)),
        output_field=IntegerField(),
    )
    query = (
        Booking.objects.filter(person_id__in=person_ids, course_date__course_id__in=course_ids)
        .filter(has_a_cell(today))
        .order_by()
        .values_list("person_id", "course_date__course_id")
        .annotate(
            last_completed=Max("completed_on"),
            live_rank=Max(rank, filter=live_upcoming),
            booked_day=Min(TruncDate("course_date__starts_at"), filter=live_upcoming & Q(status=BookingStatus.BOOKED)),
        )
    )
    sql, params = query.query.sql_with_params()
    with connections[query.db].cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def cells_for(rows: list[tuple], columns_by_pk: dict[int, Column], today: date) -> dict[int, dict[int, Cell]]:
    """Each pair's status. A refresher course renews the other courses of its programme that need
    refreshing: they run out `refresh_months` after the latest of their own completion and the
    programme's refresher.

    This runs once per pair, 60,000 times for a large service, so it is written for speed: what each
    course needs is looked up once, and equal cells are one shared tuple (a few thousand distinct ones),
    which the page's cache of cell markup then finds by identity."""
    refresher_ids = {pk for pk, column in columns_by_pk.items() if column.level == Level.REFRESHER}
    refreshed: dict[tuple[int, int], date] = {}
    if refresher_ids:
        for person_id, course_id, last_completed, _rank, _day in rows:
            if last_completed is not None and course_id in refresher_ids:
                key = (person_id, columns_by_pk[course_id].programme_id)
                if refreshed.get(key, date.min) < last_completed:
                    refreshed[key] = last_completed
    # Per course: (refresh months, renewed by its programme's refreshers, programme).
    rules = {
        pk: (column.refresh_months, column.pk not in refresher_ids, column.programme_id)
        for pk, column in columns_by_pk.items()
    }
    soon = today + timedelta(days=EXPIRING_DAYS)
    runs_out: dict[tuple[date, int], date] = {}
    completed: dict[date, Cell] = {}
    booked: dict[date | None, Cell] = {}
    shared: dict[Cell, Cell] = {}
    live = {rank: (status, None, None) for rank, status in _LIVE_RANK.items()}
    cells: dict[int, dict[int, Cell]] = {}
    for person_id, course_id, last_completed, rank, booked_day in rows:
        if last_completed is not None:
            months, renewable, programme_id = rules[course_id]
            if months is None:
                cell = completed.get(last_completed)
                if cell is None:
                    cell = completed[last_completed] = (Status.COMPLETED, last_completed, last_completed)
            else:
                renewed = last_completed
                if renewable and refreshed:
                    renewed = max(renewed, refreshed.get((person_id, programme_id), renewed))
                until = runs_out.get((renewed, months))
                if until is None:
                    until = runs_out[(renewed, months)] = add_months(renewed, months)
                if until < today:
                    cell = (Status.EXPIRED, until, last_completed)
                elif until <= soon:
                    cell = (Status.EXPIRING, until, last_completed)
                elif renewed > last_completed:
                    cell = (Status.REFRESHED, renewed, last_completed)
                else:
                    cell = (Status.COMPLETED, last_completed, last_completed)
                cell = shared.setdefault(cell, cell)
        elif rank == 3:
            cell = booked.get(booked_day)
            if cell is None:
                cell = booked[booked_day] = (Status.BOOKED, booked_day, None)
        elif rank:
            cell = live[rank]
        else:
            continue
        person_cells = cells.get(person_id)
        if person_cells is None:
            person_cells = cells[person_id] = {}
        person_cells[course_id] = cell
    return cells
