"""The dashboard's caseload over time: per calendar month, how many people had a caseload recorded,
its average and its highest. Where the chart's bars go is worked out in `dashboard_chart`."""

from dataclasses import dataclass
from datetime import date

from django.db import connections
from django.db.models import QuerySet
from django.db.models.functions import TruncMonth

from supervision.models import Session, add_months


@dataclass(frozen=True)
class MonthCaseload:
    month: date
    workers: int
    average: float | None
    highest: int | None


def _months(start: date, today: date) -> list[date]:
    months, month = [], start
    while month <= today:
        months.append(month)
        month = add_months(month, 1)
    return months


def caseload_by_month(people: QuerySet, start: date, today: date) -> list[MonthCaseload]:
    """One entry per calendar month from `start` (a first of the month) to `today`, for `people`.

    Each person counts once a month, with the last caseload recorded that month, so someone
    supervised weekly does not weigh four times as much as someone supervised monthly. One query.
    """
    # Each person's last recorded caseload in each month: DISTINCT ON keeps the first row of each
    # (person, month) in this order, which the caseload index (supervisee, date, id) all but gives.
    last_each_month = (
        Session.objects.held_by(today)
        .filter(held_on__gte=start, caseload_children__isnull=False, supervisee__in=people.values("pk"))
        .annotate(month=TruncMonth("held_on"))
        .order_by("supervisee_id", "-month", "-held_on", "-pk")
        .distinct("supervisee_id", "month")
        .values_list("month", "caseload_children")
    )
    # The ORM cannot group the rows of a DISTINCT ON query (nor aggregate over one), so the query is
    # wrapped by hand; a window function instead would sort and filter the same rows, then look
    # every one of them up again.
    inner_sql, params = last_each_month.query.sql_with_params()
    columns = 'CAST("month" AS date), COUNT(*), AVG("caseload_children"), MAX("caseload_children")'
    sql = f"SELECT {columns} FROM ({inner_sql}) AS last_each_month GROUP BY 1"  # noqa: S608 - the ORM's own SQL
    with connections[last_each_month.db].cursor() as cursor:
        cursor.execute(sql, params)
        figures = {month: (workers, average, highest) for month, workers, average, highest in cursor.fetchall()}
    months = []
    for month in _months(start, today):
        if month in figures:
            workers, average, highest = figures[month]
            months.append(MonthCaseload(month, workers, round(float(average), 1), highest))
        else:
            months.append(MonthCaseload(month, 0, None, None))
    return months
