"""The managers' supervision dashboard and its CSV download: dates, counts and caseloads only."""

import csv
from collections.abc import Iterable, Iterator
from dataclasses import replace
from itertools import islice
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone

from portal import request_params
from portal.access import access_required
from portal.csv_export import neutralise
from supervision import access
from supervision.dashboard import (
    DUE_SOON_DAYS,
    DashboardFilters,
    dashboard_for,
    filter_choices,
    filtered_people,
    period_start,
    short_sessions,
    worker_rows,
)
from supervision.dashboard_forms import DashboardFilterForm
from supervision.dashboard_html import people_rows
from supervision.standards import current_standard

CSV_LINES_PER_CHUNK = 200
SHORT_SESSIONS_PER_PAGE = 50


def _form(request) -> DashboardFilterForm:
    teams, supervisors = filter_choices(request.user)
    return DashboardFilterForm(request.GET or None, teams=teams, supervisors=supervisors)


def _query(filters: DashboardFilters) -> str:
    """The filters as they were applied, for the download link and the other pages of people (so
    they match what is on screen)."""
    params = {"team": filters.team_id, "supervisor": filters.supervisor_id, "period": filters.months}
    return urlencode({name: value for name, value in params.items() if value})


@access_required(access.can_see_dashboard)
def dashboard(request):
    # The figures come first, for the filters as asked, with the teams and supervisors to choose from
    # in the same query; the form then checks the filters against those choices. Asking for a team
    # or supervisor outside the person's scope shows nobody (the people come from their scope whatever
    # is asked), and once the form refuses it, the page is worked out again without it.
    asked = DashboardFilterForm(request.GET or None, teams=[], supervisors=[]).filters()
    asked = replace(
        asked,
        team_id=request_params.positive_int(request.GET.get("team")),
        supervisor_id=request_params.positive_int(request.GET.get("supervisor")),
    )
    today, page = timezone.localdate(), request.GET.get("page")
    board = dashboard_for(request.user, asked, today, page, with_choices=True)
    form = DashboardFilterForm(request.GET or None, teams=board.choices[0], supervisors=board.choices[1])
    filters = form.filters()
    if filters != asked:
        board = dashboard_for(request.user, filters, today, page)
    return render(
        request,
        "supervision/dashboard.html",
        {
            "form": form,
            "board": board,
            "people_rows": people_rows(board.page.object_list),
            "query": _query(filters),
            "due_soon_days": DUE_SOON_DAYS,
        },
    )


def _iso(day) -> str:
    return day.isoformat() if day else ""


class _Line:
    """Where csv.writer writes: it hands each line back instead of keeping it."""

    def write(self, text: str) -> str:
        return text


def _csv_chunks(header: list[str], rows: Iterable[tuple]) -> Iterator[str]:
    """The CSV a couple of hundred lines at a time, each cell neutralised as portal.csv_export does,
    after the byte order mark Excel needs to read UTF-8."""
    writer = csv.writer(_Line())
    yield "\ufeff" + writer.writerow([neutralise(cell) for cell in header])
    rows = iter(rows)
    while lines := [writer.writerow([neutralise(cell) for cell in row]) for row in islice(rows, CSV_LINES_PER_CHUNK)]:
        yield "".join(lines)


@access_required(access.can_see_dashboard)
def dashboard_csv(request):
    """Everyone the filters choose (not just a page), sent as it is written."""
    today = timezone.localdate()
    filters = _form(request).filters()
    rows = (
        (
            row.name,
            row.team_name,
            row.supervisor_name,
            row.frequency_in_full,
            _iso(row.last_held),
            "" if row.days_since_last is None else row.days_since_last,
            _iso(row.next_due),
            row.status_label,
            row.sessions_in_period,
            row.open_actions,
            row.overdue_actions,
            "" if row.caseload is None else row.caseload,
            _iso(row.caseload_on),
            row.short_sessions,
        )
        for row in worker_rows(request.user, filters, today)
    )
    header = [
        "Name",
        "Team",
        "Supervisor",
        "Frequency",
        "Last session",
        "Days since last session",
        "Next due",
        "Status",
        f"Sessions from {_iso(period_start(today, filters.months))} to {_iso(today)}",
        "Open actions",
        "Overdue actions",
        "Latest caseload (children)",
        "Caseload recorded on",
        f"Sessions shorter than {current_standard().minimum_minutes} minutes in the period",
    ]
    response = StreamingHttpResponse(_csv_chunks(header, rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="supervision-dashboard-{today:%Y-%m-%d}.csv"'
    return response


@access_required(access.can_see_dashboard)
def dashboard_short_sessions(request):
    """The sessions in the dashboard's period that were shorter than the standard: who, when, how long."""
    today = timezone.localdate()
    form = _form(request)
    filters = form.filters()
    start = period_start(today, filters.months)
    sessions = short_sessions(filtered_people(request.user, filters), start, today)
    page = Paginator(sessions, SHORT_SESSIONS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "supervision/dashboard_short_sessions.html",
        {
            "form": form,
            "page": page,
            "start": start,
            "today": today,
            "standard": current_standard(),
            "query": _query(filters),
        },
    )
